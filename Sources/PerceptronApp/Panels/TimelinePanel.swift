import PerceptronCore
import TerminalUI

/// One line: where the state on screen is in the run (●), the bookmarks (◆), the events (α for a
/// learning-rate change, ± for a hand edit), the newest step, and what training is doing in a word.
enum TimelinePanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let state = c.state
        let ascii = c.glyphs.isASCII
        buffer.fill(area, with: Cell(" ", style: c.style(.background)))
        let regime = Regime.classify(state.lossHistory.elements.map { ($0.step, $0.loss) })
        let word = regime?.rawValue ?? "starting"
        let endText = DisplayFormat.grouped(state.history.end)
        var x = buffer.write(" 0 ", x: area.x, y: area.y, style: c.style(.dimText))
        let right = " " + endText + "  "
        let barWidth = area.maxX - x - right.count - word.count - 1
        guard barWidth >= 4 else { return }
        let end = max(1, state.history.end)
        func column(_ step: Int) -> Int { x + min(barWidth - 1, step * (barWidth - 1) / end) }
        let here = column(state.step)
        for bx in x..<(x + barWidth) {
            let done = bx <= here
            buffer.set(bx, area.y, done ? (ascii ? "=" : "━") : (ascii ? "-" : "─"),
                       style: c.style(done ? .lossLine : .grid))
        }
        for event in state.history.run.events {
            let mark: Character = switch event.change {
            case .learningRate: ascii ? "a" : "α"
            case .parameter: ascii ? "+" : "±"
            }
            buffer.set(column(event.step), area.y, mark, style: c.style(.warning))
        }
        for bookmark in state.bookmarks { buffer.set(column(bookmark), area.y, ascii ? "*" : "◆", style: c.style(.keyHint)) }
        buffer.set(here, area.y, ascii ? "@" : "●", style: c.style(.title).with(.bold))
        x += barWidth
        x = buffer.write(right, x: x, y: area.y, style: c.style(.dimText))
        buffer.write(word, x: x, y: area.y, style: c.style(regime == .diverging ? .warning : .text).with(.bold))
    }
}
