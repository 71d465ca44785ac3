extension Character {
    /// How many terminal columns the character takes: 2 for wide characters (CJK ideographs, kana,
    /// Hangul, fullwidth forms, emoji shown as pictures), 0 for characters that take no column of
    /// their own (format characters such as U+200B, a combining mark with nothing to combine with),
    /// else 1. Control characters count 1: a `Buffer` shows them as a blank cell.
    ///
    /// A cell of a `Buffer` holds one column, so text is laid out by this width, not by
    /// `Character` count (`"σ"` and `"s"` are one column each, `"日"` is two).
    public var columnWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        let width = Self.columnWidth(of: first)
        // An emoji made to show as a picture by a variation selector (U+FE0F) is wide as well.
        if width == 1, first.value >= 0x2000, unicodeScalars.contains("\u{FE0F}"), first.properties.isEmoji {
            return 2
        }
        return width
    }

    private static func columnWidth(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        // Box drawing, blocks, geometric shapes, braille: the characters the panels draw with.
        if (0x2500...0x25FC).contains(value) || (0x2800...0x28FF).contains(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value < 0x1100 { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth.txt, W and F, merged into
    /// blocks), besides emoji, which `isEmojiPresentation` covers.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// The terminal columns the text takes: the sum of its characters' `columnWidth`.
    public var columnWidth: Int {
        reduce(0) { $0 + $1.columnWidth }
    }

    /// The longest start of the text that fits in `columns` terminal columns.
    public func prefix(columns: Int) -> String {
        var used = 0
        var result = ""
        for character in self {
            let width = character.columnWidth
            guard used + width <= columns else { break }
            used += width
            result.append(character)
        }
        return result
    }
}
