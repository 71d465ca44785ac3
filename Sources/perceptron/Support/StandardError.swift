#if canImport(Glibc)
import Glibc
#endif
import FileSupport

/// Writes one line to file descriptor 2 (the C `stderr` global is off limits in Swift 6). The
/// line is escaped first: messages quote flags, file names, file contents and TERM, and none of
/// that may reach the terminal as control sequences.
func printError(_ line: String) {
    let body = line.hasSuffix("\n") ? String(line.dropLast()) : line
    writeAll(STDERR_FILENO, Array((TerminalText.escaped(body, limit: 1000) + "\n").utf8))
}

/// A write that failed: `errno`'s words.
struct WriteError: Error, CustomStringConvertible {
    var code: Int32
    var description: String {
        switch code {
        case EBADF: return "standard output is closed"
        case EPIPE: return "the reader has gone (broken pipe)"
        default:
            guard let text = strerror(code) else { return "error \(code)" }
            let message = String(cString: text)
            return (message.first?.lowercased() ?? "") + message.dropFirst()
        }
    }
}

/// Writes every byte to `descriptor`, retrying after interruptions; gives up silently when the
/// reader has gone, for stderr, where there is no one left to tell.
func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    _ = try? writeFully(descriptor, bytes)
}

/// Writes every byte to `descriptor`, retrying after interruptions and short writes.
func writeFully(_ descriptor: Int32, _ bytes: [UInt8]) throws(WriteError) {
    let failure: Int32? = bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }
    if let failure { throw WriteError(code: failure) }
}
