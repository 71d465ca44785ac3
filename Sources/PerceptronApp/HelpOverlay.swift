import TerminalUI

/// Every key, in a box over the middle of the screen.
enum HelpOverlay {
    /// (key, the key in ASCII where it differs, what it does).
    static let keys: [(String, String?, String)] = [
        ("space", nil, "run / pause"),
        ("n  →", "n  Right", "one step (paused)"),
        ("+  -", nil, "faster / slower"),
        ("]  [", nil, "learning rate up / down"),
        ("r", nil, "restart from the same seed"),
        ("s", nil, "restart with a new random seed"),
        ("↑  ↓", "Up Down", "choose the sample in the diagram"),
        ("l", nil, "loss plot: log / linear scale"),
        ("p", nil, "projection mode: big numbers"),
        ("t", nil, "next colour theme"),
        ("a  A", nil, "boundary: next / previous pair of axes"),
        ("1 … 6", "1 .. 6", "zoom a panel / back (1 diagram … 6 boundary)"),
        ("x", nil, "explain the step: n/→ next phase, ← back"),
        ("Q", nil, "quiz: say which way each weight moves"),
        ("7", nil, "loss landscape: a A axes, z Z zoom, c slice"),
        ("Ctrl-L", nil, "redraw the whole screen"),
        ("?", nil, "this help (Esc closes it)"),
        ("q  Esc", nil, "quit"),
    ]

    /// The slide keys, listed first while a lesson plays.
    static let lessonKeys: [(String, String?, String)] = [
        ("PgDn PgUp", nil, "next / previous slide (. , too; reads on first)"),
        (":", nil, "go to slide: type its number, Enter"),
    ]

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let inLesson = c.state.lesson != nil
        let keys = inLesson ? lessonKeys + keys : keys
        // In a lesson the box loses its blank first and last rows, so it still fits 80x24.
        let padding = inLesson ? 0 : 1
        let width = 60, height = keys.count + 2 + 2 * padding
        let box = area.centered(width: width, height: height)
        let inner = Block(title: "Keys", borderStyle: c.style(.title), titleStyle: c.style(.title),
                          fillStyle: c.style(.background), glyphs: c.glyphs)
            .render(into: &buffer, area: box)
        for (i, (key, asciiKey, action)) in keys.enumerated() {
            let shownKey = c.glyphs.isASCII ? asciiKey ?? key : key
            buffer.write(shownKey, x: inner.x + 2, y: inner.y + padding + i, style: c.style(.keyHint), clip: inner)
            buffer.write(action, x: inner.x + 13, y: inner.y + padding + i, style: c.style(.text), clip: inner)
        }
    }
}
