import TerminalUI

/// Explain mode's screen: the diagram (highlighting what the phase computes) and the weights on
/// top, the phase's worked arithmetic below. Returns the bottom band (its border carries the key hints).
enum ExplainLayout {
    static func render(_ c: ViewContext, phase: ExplainPhase, area body: Rect, into buffer: inout Buffer) -> Rect {
        let state = c.state
        let spare = body.height - (state.trainer.dataset.sampleCount + 3)
        let topHeight = min(max(8, spare * 2 / 5), 16)
        let bands = body.split(.vertical, [.length(topHeight), .fill(1)])
        let wide = body.width >= 120
        let top = bands[0].split(.horizontal, wide ? [.percentage(50), .fill(1)] : [.length(42), .fill(1)])
        DiagramPanel.render(c, area: top[0], into: &buffer, highlight: DiagramHighlight(phase: phase, c))
        WeightsPanel.render(c, area: top[1], into: &buffer)
        ExplainPanel.render(c, phase: phase, area: bands[1], into: &buffer)
        return bands[1]
    }
}

/// The phase's lines of worked arithmetic, under a strip naming the four phases.
enum ExplainPanel {
    static func render(_ c: ViewContext, phase: ExplainPhase, area: Rect, into buffer: inout Buffer) {
        let state = c.state
        let inner = c.box("Explain step \(state.step) \(c.glyphs.isASCII ? "->" : "→") \(state.step + 1) · phase \(phase.number) of 4",
                          area: area, into: &buffer)
        guard inner.height >= 2, inner.width >= 20 else { return }
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let explanation = state.explanation(width: text.width, ascii: c.glyphs.isASCII, trace: c.trace)

        // The strip: forward ▸ loss ▸ backward ▸ update, the current phase highlighted.
        var x = text.x
        for (i, p) in ExplainPhase.allCases.enumerated() {
            if i > 0 { x = buffer.write(c.glyphs.isASCII ? " > " : " ▸ ", x: x, y: text.y, style: c.style(.dimText), clip: text) }
            x = buffer.write(p == phase ? " \(p.rawValue) " : p.rawValue, x: x, y: text.y,
                             style: p == phase ? c.style(.highlight) : c.style(.dimText), clip: text)
        }
        if let quiz = state.quiz {
            let score = "quiz \(quiz.right)/\(quiz.answered)"
            buffer.write(score, x: text.maxX - score.count, y: text.y, style: c.style(.title), clip: text)
        }

        let lines = phase == .update ? updateLines(explanation, state, c) : explanation.lines(phase)
        // What does not fit scrolls (PgDn / PgUp), with a line saying so at either end.
        let rows = text.height - 1
        let ellipsis = c.glyphs.isASCII ? "..." : "…"
        var scroll = state.explainScroll
        // While the quiz asks, the parameter being answered stays in view.
        if state.quizIsAsking, let quiz = state.quiz { scroll = max(0, quiz.cursor + 4 - rows) }
        let offset = lines.count > rows ? min(scroll, lines.count - rows + 1) : 0
        var shown = Array(lines.dropFirst(offset))
        var y = text.y + 1
        if offset > 0 {
            buffer.write("\(ellipsis) \(offset + 1) lines above (PgUp)", x: text.x, y: y, style: c.style(.dimText), clip: text)
            shown = Array(shown.dropFirst())
            y += 1
        }
        let room = text.maxY - y
        for (i, line) in shown.prefix(room).enumerated() {
            if i == room - 1, shown.count > room {
                buffer.write("\(ellipsis) \(shown.count - room + 1) more lines (PgDn, or a larger terminal)", x: text.x, y: y,
                             style: c.style(.dimText), clip: text)
                break
            }
            var lx = text.x
            for span in line.spans { lx = buffer.write(span.text, x: lx, y: y, style: style(span.tone, c), clip: text) }
            y += 1
        }
    }

    /// The update phase, or the quiz's question before it.
    private static func updateLines(_ e: Explanation, _ state: AppState, _ c: ViewContext) -> [ExplainLine] {
        guard let quiz = state.quiz else { return e.lines(.update) }
        let n = e.notation
        let steps = e.parameterSteps
        if !quiz.revealed {
            var lines = [ExplainLine(spans: [Span(text: "Which way will each parameter move?", tone: .heading),
                                             Span(text: "  \(n.up)/+ up, \(n.down)/- down, Enter reveals", tone: .dim)])]
            let nameWidth = steps.map(\.name.count).max() ?? 1
            for (i, step) in steps.enumerated() {
                let marker = i == quiz.cursor ? (n.ascii ? ">" : "▶") : " "
                let answer = quiz.answers.indices.contains(i) ? quiz.answers[i].map { $0 == .up ? n.up : n.down } ?? "?" : "?"
                let padded = step.name + String(repeating: " ", count: nameWidth - step.name.count)
                lines.append(ExplainLine(spans: [Span(text: marker + " ", tone: .heading), Span(text: padded, tone: .name),
                                                 Span(text: "  " + answer, tone: .result),
                                                 Span(text: "   now " + e.parameter(step.before), tone: .dim)]))
            }
            return lines
        }
        var marks: [String: Span] = [:]
        for (i, step) in steps.enumerated() {
            guard quiz.answers.indices.contains(i) else { continue }
            let actual = Quiz.direction(from: step.before, to: step.after)
            guard let given = quiz.answers[i] else {
                marks[step.name] = Span(text: "(no answer)", tone: .dim)
                continue
            }
            let arrow = given == .up ? n.up : n.down
            if actual == nil {
                marks[step.name] = Span(text: "you \(arrow): it did not move", tone: .dim)
            } else {
                marks[step.name] = given == actual ? Span(text: "you \(arrow) \(n.check) right", tone: .good)
                    : Span(text: "you \(arrow) \(n.cross) wrong", tone: .bad)
            }
        }
        return e.updateLines(marks: marks)
    }

    static func style(_ tone: Tone, _ c: ViewContext) -> Style {
        switch tone {
        case .text: c.style(.text)
        case .dim: c.style(.dimText)
        case .name: c.style(.text).with(.bold)
        case .heading: c.style(.title)
        case .parameter(let v): c.weightStyle(v)
        case .result: c.style(.lossLine)
        case .good: c.style(.correct)
        case .bad: c.style(.wrong)
        }
    }
}
