import TerminalUI

/// Shown instead of the panels while the terminal is smaller than 80×24; the app recovers by
/// itself when the terminal grows. The message is wrapped to the width there is, and always shows
/// the size needed and the size there is (down to 20×3; below that, as much as fits).
enum TooSmallPanel {
    static func render(_ state: AppState, _ theme: Theme, into buffer: inout Buffer) {
        let lines = message(width: state.width, height: state.height)
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - line.text.columnWidth) / 2)
            buffer.write(line.text, x: x, y: top + i, style: theme.style(line.isHeadline ? .warning : .text))
        }
    }

    /// The fullest wording whose wrapped lines fit in `height` rows; the shortest one when none does.
    static func message(width: Int, height: Int) -> [(text: String, isHeadline: Bool)] {
        let need = "\(minimumSize.width)x\(minimumSize.height)", have = "\(width)x\(height)"
        let wordings = [
            ["perceptron needs a terminal of at least \(need).", "This one is \(have): please enlarge it.", "(q quits)"],
            ["Terminal too small:", "needs \(need),", "has \(have).", "(q quits)"],
            ["need \(need)", "have \(have)", "q quits"],
        ]
        var lines: [(text: String, isHeadline: Bool)] = []
        for wording in wordings {
            lines = wording.enumerated().flatMap { index, paragraph in
                wrap(paragraph, width: width).map { (text: $0, isHeadline: index == 0) }
            }
            if lines.count <= height { break }
        }
        return lines
    }

    /// Breaks `text` into lines of at most `width` columns at spaces; a word longer than a line is
    /// cut into pieces of the line's width.
    static func wrap(_ text: String, width: Int) -> [String] { WordWrap.columns(text, width: width) }
}
