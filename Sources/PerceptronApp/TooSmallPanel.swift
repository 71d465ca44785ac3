import TerminalUI

/// Shown instead of the panels while the terminal is smaller than 80×24; the app recovers by
/// itself when the terminal grows.
enum TooSmallPanel {
    static func render(_ state: AppState, _ theme: Theme, into buffer: inout Buffer) {
        let lines = [
            "perceptron needs a terminal of at least \(minimumSize.width)x\(minimumSize.height).",
            "This one is \(state.width)x\(state.height): please enlarge it.",
            "(q quits)",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            // Too narrow for a line: let it start at the left edge and clip, rather than vanish.
            let x = max(0, (state.width - line.count) / 2)
            buffer.write(line, x: x, y: top + i, style: theme.style(i == 0 ? .warning : .text))
        }
    }
}
