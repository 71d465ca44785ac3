/// Text from outside (file names, file contents, environment variables) made safe to print on a
/// terminal: nothing in it can move the cursor, change colours, ring the bell or reorder the line.
public enum TerminalText {
    /// The limit for a file's path in a message: long enough for deep folders, short enough that
    /// a hostile name cannot flood the screen.
    public static let pathLimit = 200

    /// `text` with control characters written as escapes (`\e`, `\n`, `\r`, `\t`, `\x07`, `\u{9B}`),
    /// and format characters (bidirectional overrides, zero-width joiners…), line and paragraph
    /// separators, private-use and unassigned code points as `\u{…}`; cut to at most `limit`
    /// characters (Unicode scalars, an escape counting for its length), the last being "…".
    public static func escaped(_ text: some StringProtocol, limit: Int = 80) -> String {
        let limit = max(1, limit)
        var result = ""
        var length = 0
        var pieces = text.unicodeScalars.makeIterator()
        var pending: String?  // the next piece, known before deciding whether "…" is needed
        func next() -> String? {
            guard let scalar = pieces.next() else { return nil }
            return piece(scalar)
        }
        pending = next()
        while let current = pending {
            let following = next()
            let size = current.unicodeScalars.count
            // Room for this piece, and for "…" after it unless it is the last.
            if length + size > limit || (following != nil && length + size > limit - 1) {
                result += "…"
                return result
            }
            result += current
            length += size
            pending = following
        }
        return result
    }

    /// One scalar as it is shown: itself, or its escape.
    static func piece(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
            return "\\u{" + hex(scalar.value, digits: 1) + "}"
        default:
            return String(scalar)
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
