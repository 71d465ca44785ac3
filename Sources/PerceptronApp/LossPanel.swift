import PerceptronCore
import TerminalUI

/// The loss: of the whole run from state 0 (extremes kept, the state on screen marked), or of
/// the recent states scrolling left; a labelled y axis, log or linear.
enum LossPanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let scale = c.state.logScale ? " · log scale" : ""
        let window = c.state.showWholeRun ? "" : " · recent"
        let inner = c.box("Loss " + DisplayFormat.loss(c.trace.loss) + window + scale, area: area, into: &buffer)
        guard inner.height >= 3, inner.width >= 12 else { return }
        let chartArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        var chart = LineChart(values: [], logScale: c.state.logScale,
                              formatter: { NumberFormat.fit($0, width: 6) },
                              lineStyle: c.style(.lossLine), axisStyle: c.style(.grid), labelStyle: c.style(.dimText),
                              glyphs: c.glyphs, marker: c.marker)
        let labelRow = inner.maxY - 1
        if c.state.showWholeRun {
            let run = WholeRun(history: c.state.history)
            // The labels' width depends on the values shown, which depend on the plot's width.
            chart.envelope = run.lossEnvelope(columns: chartArea.width * chart.samplesPerCell)
            var plot = chart.geometry(in: chartArea).plot
            let columns = plot.width * chart.samplesPerCell
            chart.envelope = run.lossEnvelope(columns: columns)
            plot = chart.geometry(in: chartArea).plot
            chart.render(into: &buffer, area: chartArea)
            let shown = run.sampleCount(columns: columns)
            guard shown > 0, plot.width > 0 else { return }
            let cell = { (step: Int) in plot.x + run.sample(of: step, columns: columns) / chart.samplesPerCell }
            let current = cell(c.state.step)
            buffer.write(c.glyphs.isASCII ? "^" : "▲", x: current, y: plot.maxY, style: c.style(.title), clip: inner)
            // The x axis in steps: 0 on the left, the newest state under the last sample, and the
            // state on screen under its mark when there is room.
            if c.state.history.end > 0 { buffer.write("0", x: plot.x, y: labelRow, style: c.style(.dimText), clip: inner) }
            let endText = "step " + DisplayFormat.grouped(c.state.history.end)
            let endX = min(inner.maxX, max(cell(c.state.history.end) + 1, plot.x + 2 + endText.count)) - endText.count
            buffer.write(endText, x: endX, y: labelRow, style: c.style(.dimText), clip: inner)
            if !c.state.isAtEnd {
                let text = DisplayFormat.grouped(c.state.step)
                let x = min(max(plot.x + 2, current - text.count / 2), endX - text.count - 1)
                if x >= plot.x + 2 {
                    buffer.write(text, x: x, y: labelRow, style: c.style(.title), clip: inner)
                }
            }
            return
        }
        let history = c.state.lossHistory.elements
        chart.values = history.map(\.loss)
        chart.render(into: &buffer, area: chartArea)
        // Which steps the plot spans: it keeps the most recent points that fit.
        let shown = min(history.count, chart.geometry(in: chartArea).plot.width * chart.samplesPerCell)
        let span = history.suffix(shown)
        if let first = span.first, let last = span.last {
            let ellipsis = c.glyphs.isASCII ? ".." : "…"
            let text = "step \(DisplayFormat.grouped(first.step)) \(ellipsis) \(DisplayFormat.grouped(last.step))"
            buffer.write(text, x: inner.maxX - text.count, y: labelRow, style: c.style(.dimText), clip: inner)
        }
    }
}
