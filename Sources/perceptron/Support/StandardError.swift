#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to file descriptor 2 (the C `stderr` global is off limits in Swift 6).
func printError(_ line: String) {
    writeAll(STDERR_FILENO, Array((line.hasSuffix("\n") ? line : line + "\n").utf8))
}

/// Writes every byte to `descriptor`, retrying after interruptions; gives up silently when the
/// reader has gone (a closed pipe), as there is no one left to tell.
/// Returns 0, or the errno of the write that failed.
@discardableResult
func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 { if errno == EINTR { continue }; return errno }
            if written == 0 { return EIO }
            offset += written
        }
        return 0
    }
}
