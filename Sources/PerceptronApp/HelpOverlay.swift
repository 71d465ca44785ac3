import TerminalUI

/// Every key, in a box over the middle of the screen.
enum HelpOverlay {
    static let keys: [(String, String)] = [
        ("space", "run / pause"),
        ("n  →", "one step (paused)"),
        ("+  -", "faster / slower"),
        ("]  [", "learning rate up / down"),
        ("r", "restart from the same seed"),
        ("s", "restart with a new random seed"),
        ("↑  ↓", "choose the sample in the diagram"),
        ("l", "loss plot: log / linear scale"),
        ("p", "projection mode: big numbers"),
        ("t", "next colour theme"),
        ("1 … 5", "zoom a panel / back (1 diagram … 5 table)"),
        ("?", "this help (Esc closes it)"),
        ("q  Esc", "quit"),
    ]

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let width = 60, height = keys.count + 4
        let box = area.centered(width: width, height: height)
        let inner = Block(title: "Keys", borderStyle: c.style(.title), titleStyle: c.style(.title),
                          fillStyle: c.style(.background), glyphs: c.glyphs)
            .render(into: &buffer, area: box)
        for (i, (key, action)) in keys.enumerated() {
            let shownKey = c.glyphs.isASCII
                ? key.replacingOccurrences(of: "→", with: "Right").replacingOccurrences(of: "↑  ↓", with: "Up Down")
                : key
            buffer.write(shownKey, x: inner.x + 2, y: inner.y + 1 + i, style: c.style(.keyHint), clip: inner)
            buffer.write(action, x: inner.x + 13, y: inner.y + 1 + i, style: c.style(.text), clip: inner)
        }
    }
}
