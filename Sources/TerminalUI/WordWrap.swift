/// Filling words into lines, for every text this program wraps: captions, titles in big letters,
/// the too-small notice.
public enum WordWrap {
    /// `text` broken at spaces into lines at most `width` wide as `measure` counts it; a word wider
    /// than that is cut between characters. nil when even one character is wider than `width`, so
    /// a caller never shows part of the text as if it were all of it.
    public static func lines(_ text: String, width: Int, measure: (String) -> Int) -> [String]? {
        guard width > 0 else { return nil }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while measure(word) > width {
                if !current.isEmpty { lines.append(current); current = "" }
                var head = ""
                for character in word {
                    guard measure(head + String(character)) <= width else { break }
                    head.append(character)
                }
                if head.isEmpty { return nil }
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            if current.isEmpty {
                current = word
            } else if measure(current + " " + word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The same in terminal columns. A character wider than `width` (a wide one in a single column)
    /// is left out rather than the text lost.
    public static func columns(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        if let lines = lines(text, width: width, measure: \.columnWidth) { return lines }
        let narrow = String(text.filter { $0.columnWidth <= width })
        return lines(narrow, width: width, measure: \.columnWidth) ?? []
    }
}
