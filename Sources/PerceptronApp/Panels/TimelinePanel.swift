import PerceptronCore
import TerminalUI

/// One line: where the state on screen is in the run (●), the bookmarks (◆), the events (α for a
/// learning-rate change, ± for a hand edit), the newest step, and what training is doing in a word.
enum TimelinePanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let state = c.state
        let ascii = c.glyphs.isASCII
        buffer.fill(area, with: Cell(" ", style: c.style(.background)))
        let bar = Bar(state, area: area)
        buffer.write(Bar.left, x: area.x, y: area.y, style: c.style(.dimText))
        var x = bar.x
        let barWidth = bar.width
        guard barWidth >= 4 else { return }
        func column(_ step: Int) -> Int { bar.column(step) }
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
        x = buffer.write(bar.right, x: x, y: area.y, style: c.style(.dimText))
        buffer.write(bar.word, x: x, y: area.y, style: c.style(bar.regime == .diverging ? .warning : .text).with(.bold))
    }

    /// The step a click at column `x` stands for, or nil off the bar.
    static func step(atX x: Int, _ state: AppState, area: Rect) -> Int? {
        let bar = Bar(state, area: area)
        guard bar.width >= 4, x >= bar.x, x < bar.x + bar.width else { return nil }
        // The first step whose column is this one, so a click lands on the step drawn there.
        let end = max(1, state.history.end)
        let offset = x - bar.x
        return min(state.history.end, (offset * end + bar.width - 2) / (bar.width - 1))
    }

    /// Where the bar is: between " 0 " and the newest step and the regime word.
    private struct Bar {
        static let left = " 0 "
        let regime: Regime?
        let word: String
        let right: String
        let x: Int
        let width: Int
        let end: Int

        init(_ state: AppState, area: Rect) {
            regime = Regime.classify(state.lossHistory.elements.map { ($0.step, $0.loss) })
            word = regime?.rawValue ?? "starting"
            right = " " + DisplayFormat.grouped(state.history.end) + "  "
            x = area.x + Self.left.count
            width = area.maxX - x - right.count - word.count - 1
            end = max(1, state.history.end)
        }

        func column(_ step: Int) -> Int { x + min(width - 1, step * (width - 1) / end) }
    }
}
