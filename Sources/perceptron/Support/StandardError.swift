#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to file descriptor 2 (the C `stderr` global is off limits in Swift 6).
func printError(_ line: String) {
    let text = line.hasSuffix("\n") ? line : line + "\n"
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { if errno == EINTR { continue }; break }
            offset += written
        }
    }
}
