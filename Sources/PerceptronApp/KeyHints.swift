import TerminalUI

/// The main keys (those the key table gives a hint), in the bottom border of the predictions panel: always in view, out of the way.
enum KeyHints {
    static func render(_ c: ViewContext, border: Rect, into buffer: inout Buffer) {
        let ascii = c.glyphs.isASCII
        let hints: [(String, String)] = c.state.explainPhase != nil ? explainHints(c) : KeyMap.bindings.compactMap(\.hint).map { hint in
            let text = c.state.running ? hint.runningText ?? hint.text : hint.text
            return (ascii ? hint.asciiKey ?? hint.key : hint.key, ascii ? hint.asciiText ?? text : text)
        }
        // Drop hints from the middle of the list until the rest fit; help and quit always stay.
        var shown = hints
        func width(_ list: [(String, String)]) -> Int { list.map { $0.0.columnWidth + $0.1.columnWidth + 3 }.reduce(1, +) }
        while width(shown) > border.width - 2, shown.count > 2 { shown.remove(at: shown.count - 3) }
        var x = border.maxX - width(shown)
        guard x > border.x else { return }
        x = buffer.write(" ", x: x, y: border.y, style: c.style(.border))
        for (i, (key, action)) in shown.enumerated() {
            x = buffer.write(key, x: x, y: border.y, style: c.style(.keyHint))
            let gap = i == shown.count - 1 ? " " : "  "
            x = buffer.write(" " + action + gap, x: x, y: border.y, style: c.style(.dimText))
        }
    }

    /// In explain mode: the phase keys instead of the training ones.
    private static func explainHints(_ c: ViewContext) -> [(String, String)] {
        let ascii = c.glyphs.isASCII
        if c.state.quizIsAsking {
            return [(ascii ? "Up/+" : "↑/+", "up"), (ascii ? "Dn/-" : "↓/-", "down"), ("Enter", "reveal"), ("?", "help"), ("q", "quit")]
        }
        return [(ascii ? "n" : "n/→", "next phase"), (ascii ? "Left" : "←", "back"), ("space", c.state.running ? "pause" : "run"),
                ("Q", c.state.quiz == nil ? "quiz" : "quiz off"), ("x", "leave"), ("?", "help"), ("q", "quit")]
    }
}
