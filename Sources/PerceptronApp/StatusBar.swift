import TerminalUI

/// RUNNING or PAUSED, the step, the loss, α, the speed, the seed, the data set, and the main keys.
enum StatusBar {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let state = c.state
        let base = c.style(.dimText)
        buffer.fill(area, with: Cell(" ", style: base))
        var x = area.x
        let mode = state.running ? " RUNNING " : " PAUSED "
        x = buffer.write(mode, x: x, y: area.y, style: c.style(state.running ? .statusRunning : .statusPaused))
        var fields: [(String, String)] = [
            ("step", DisplayFormat.grouped(state.step)),
            ("loss", DisplayFormat.loss(c.trace.loss)),
            (c.glyphs.isASCII ? "lr" : "α", DisplayFormat.compact(state.trainer.learningRate, width: 7)),
            ("", "\(DisplayFormat.grouped(state.speed)) steps/s"),
            ("seed", String(state.trainer.seed)),
            ("", state.trainer.dataset.name),
        ]
        if let lesson = state.lesson { fields.insert(("slide", "\(lesson.index + 1)/\(lesson.count)"), at: 0) }
        // A notice matters more than the fields at the end (data set, seed, speed): they make room.
        if let notice = state.notice {
            func width(_ list: [(String, String)]) -> Int {
                list.map { 1 + ($0.0.isEmpty ? 0 : $0.0.count + 1) + $0.1.count }.reduce(mode.count, +)
            }
            while fields.count > 2, width(fields) + notice.count + 3 > area.width { fields.removeLast() }
        }
        for (label, value) in fields {
            x = buffer.write(" ", x: x, y: area.y, style: base)
            if !label.isEmpty { x = buffer.write(label + " ", x: x, y: area.y, style: base) }
            x = buffer.write(value, x: x, y: area.y, style: c.style(.text).with(.bold))
        }
        // The model ("3-4-1 squared"), or just its shape, when it leaves room for a notice or for help.
        let summary = state.trainer.model.summary(inputs: state.trainer.dataset.inputCount)
        let shape = String(summary.prefix { $0 != " " })
        let reserve = (state.notice?.columnWidth ?? 6) + 3
        if let fitting = [summary, shape].first(where: { x + 1 + $0.columnWidth <= area.maxX - reserve }) {
            x = buffer.write(" " + fitting, x: x, y: area.y, style: base)
        }
        // The right side: a notice if there is one, else as many of the main keys as fit, most
        // important first (shown in their usual order).
        var right: [(String, String)]
        if var notice = state.notice {
            // Too long even so: cut, keeping the start (what happened).
            let room = area.maxX - x - 3
            if notice.count > room, room > 4 { notice = String(notice.prefix(room - 1)) + (c.glyphs.isASCII ? "~" : "…") }
            right = [("", notice)]
        } else {
            // The full list sits in the bottom border of the predictions; here, what fits.
            let byPriority = [("?", "help"), ("q", "quit"), ("space", state.running ? "pause" : "run"), ("n", "step")]
            right = []
            for candidate in byPriority where width(of: right + [candidate]) <= area.maxX - x - 3 {
                right.append(candidate)
            }
            let order = ["space", "n", "?", "q"]
            right.sort { order.firstIndex(of: $0.0)! < order.firstIndex(of: $1.0)! }
        }
        let start = area.maxX - width(of: right) - 1
        guard start > x + 1 else { return }
        var rx = start
        for (i, (key, action)) in right.enumerated() {
            if i > 0 { rx = buffer.write("  ", x: rx, y: area.y, style: base) }
            if !key.isEmpty {
                rx = buffer.write(key, x: rx, y: area.y, style: c.style(.keyHint))
                rx = buffer.write(" ", x: rx, y: area.y, style: base)
            }
            rx = buffer.write(action, x: rx, y: area.y, style: key.isEmpty ? c.style(.title) : base)
        }
    }

    private static func width(of hints: [(String, String)]) -> Int {
        hints.map { $0.0.isEmpty ? $0.1.columnWidth : $0.0.columnWidth + 1 + $0.1.columnWidth }.reduce(0, +)
            + 2 * max(0, hints.count - 1)
    }
}
