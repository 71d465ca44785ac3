#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, in the project's own words (never a Foundation error code).
public enum FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing at that path (or a part of the path is not a directory).
    case missing(path: String)
    /// Something other than a regular file: `kind` is "a directory", "a FIFO", "a character device"….
    case notRegular(path: String, kind: String)
    case permissionDenied(path: String)
    /// Symbolic links that point round in a circle (or too many of them in a row).
    case symlinkLoop(path: String)
    /// Larger than the caller's limit, in bytes.
    case tooLarge(path: String, limit: Int)
    /// Not UTF-8 text: the first bad byte is on this 1-based line, at this 1-based column
    /// (columns count Unicode scalars).
    case notUTF8(path: String, line: Int, column: Int)
    /// Any other failure of the file system, in words (`strerror`).
    case io(path: String, reason: String)

    /// The file as the caller named it.
    public var path: String {
        switch self {
        case .missing(let path), .notRegular(let path, _), .permissionDenied(let path), .symlinkLoop(let path),
             .tooLarge(let path, _), .notUTF8(let path, _, _), .io(let path, _):
            path
        }
    }

    /// What is wrong, without the file name: for messages that put the name first themselves
    /// (`file: reason`).
    public var reason: String {
        switch self {
        case .missing: "no such file"
        case .notRegular(_, let kind): "is not a regular file (it is \(kind))"
        case .permissionDenied: "cannot be read: permission denied"
        case .symlinkLoop: "cannot be read: a loop of symbolic links"
        case .tooLarge(_, let limit): "is too large: more than \(Self.size(limit))"
        case .notUTF8(_, let line, let column): "is not UTF-8 text (line \(line), column \(column))"
        case .io(_, let reason): "cannot be read: \(reason)"
        }
    }

    /// One line: `'name' reason`, the name escaped for the terminal.
    public var description: String {
        "'\(TerminalText.escaped(path, limit: TerminalText.pathLimit))' \(reason)"
    }

    /// "256 KB", "1 MB", or "100 bytes".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// The error for a failed `stat`/`open`/`read` on `path`.
    static func from(errno code: Int32, path: String) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: .missing(path: path)
        case EACCES, EPERM: .permissionDenied(path: path)
        case ELOOP: .symlinkLoop(path: path)
        case EISDIR: .notRegular(path: path, kind: "a directory")
        default: .io(path: path, reason: describe(errno: code))
        }
    }

    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        // strerror's words start with a capital ("No space left on device"); ours continue a sentence.
        guard let first = message.first, message.dropFirst().first?.isLowercase ?? true else { return message }
        return first.lowercased() + message.dropFirst()
    }
}

/// Reads files a user names or leaves lying around, without ever blocking on one that is not a file.
///
/// A FIFO, a device or a socket would block `open` or `read` (or have side effects), so nothing
/// that is not a regular file is opened for reading: `stat` first, then `open` with `O_NONBLOCK`
/// and `fstat` again on the open descriptor, in case the path was swapped in between.
public enum RegularFile {
    /// Reads a whole regular file (following symbolic links) of at most `limit` bytes.
    public static func readBytes(atPath path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileReadError.from(errno: errno, path: path) }
        if let kind = kind(ofMode: info.st_mode) { throw FileReadError.notRegular(path: path, kind: kind) }
        guard info.st_size <= limit else { throw FileReadError.tooLarge(path: path, limit: limit) }

        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw FileReadError.from(errno: errno, path: path) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw FileReadError.from(errno: errno, path: path) }
        if let kind = kind(ofMode: info.st_mode) { throw FileReadError.notRegular(path: path, kind: kind) }

        // Files in /proc say they are empty and are not: read to the end, one byte past the limit.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError.from(errno: errno, path: path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        guard bytes.count <= limit else { throw FileReadError.tooLarge(path: path, limit: limit) }
        return bytes
    }

    /// The same, decoded as UTF-8 (a leading byte-order mark is dropped); anything that is not
    /// UTF-8 is refused, naming the line and column of the first bad byte.
    public static func readText(atPath path: String, limit: Int) throws(FileReadError) -> String {
        let bytes = try readBytes(atPath: path, limit: limit)
        switch decodeUTF8(bytes) {
        case .success(let text): return text
        case .failure(let position): throw FileReadError.notUTF8(path: path, line: position.line, column: position.column)
        }
    }

    /// Checks, without opening it, that `path` is a regular file (following symbolic links):
    /// throws what `readBytes` would for anything else (missing, not regular, a loop…).
    public static func check(atPath path: String) throws(FileReadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileReadError.from(errno: errno, path: path) }
        if let kind = kind(ofMode: info.st_mode) { throw FileReadError.notRegular(path: path, kind: kind) }
    }

    /// Whether `path` is a regular file (following symbolic links), without opening it: for
    /// listing a folder, where anything else is skipped.
    public static func isRegularFile(atPath path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && kind(ofMode: info.st_mode) == nil
    }

    /// Where UTF-8 decoding failed: 1-based line and column (in Unicode scalars).
    public struct TextPosition: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// Decodes UTF-8 strictly (no replacement characters), dropping a leading byte-order mark.
    public static func decodeUTF8(_ bytes: [UInt8]) -> Result<String, TextPosition> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        // Find the first bad byte: count lines and scalars until the decoder fails.
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return .failure(TextPosition(line: line, column: column))
            }
        }
    }

    /// nil for a regular file, else what it is, in words.
    static func kind(ofMode mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a file"
        }
    }
}
