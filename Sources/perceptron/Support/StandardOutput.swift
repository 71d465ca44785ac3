#if canImport(Glibc)
import Glibc
#endif

/// Standard output, the one way every command writes its results. A failed write (a full disk,
/// `/dev/full`, a closed stdout) is an error: `main` reports it as "cannot write output" and exits
/// with status 1, so a script never takes a truncated result for a whole one.
struct OutputError: Error, CustomStringConvertible {
    var reason: WriteError
    var description: String { "cannot write output: \(reason)" }
}

enum StandardOutput {
    static func write(_ bytes: [UInt8]) throws(OutputError) {
        do { try writeFully(STDOUT_FILENO, bytes) } catch { throw OutputError(reason: error) }
    }

    /// Writes `text` and a newline.
    static func writeLine(_ text: String) throws(OutputError) {
        try write(Array((text + "\n").utf8))
    }

    /// Writes `lines`, each followed by a newline, in one system call where it fits.
    static func writeLines(_ lines: [String]) throws(OutputError) {
        try write(Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// A closed descriptor 0, 1 or 2 would be handed to the next file opened (a theme file would
    /// become "standard output"). Each is taken by /dev/null opened read-only, so writes to a
    /// closed stdout fail (EBADF) and are reported, and reads of a closed stdin see end of file.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
