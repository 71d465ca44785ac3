import TerminalUI

/// The loss of recent states, scrolling left as training goes on, with a labelled y axis.
enum LossPanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let scale = c.state.logScale ? " · log scale" : ""
        let inner = c.box("Loss " + DisplayFormat.loss(c.trace.loss) + scale, area: area, into: &buffer)
        guard inner.height >= 3, inner.width >= 12 else { return }
        let history = c.state.lossHistory.elements
        let chartArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        let chart = LineChart(values: history.map(\.loss), logScale: c.state.logScale,
                              formatter: { NumberFormat.fit($0, width: 6) },
                              lineStyle: c.style(.lossLine), axisStyle: c.style(.grid), labelStyle: c.style(.dimText),
                              glyphs: c.glyphs, marker: c.marker)
        chart.render(into: &buffer, area: chartArea)
        // Which steps the plot spans: it keeps the most recent points that fit.
        let shown = min(history.count, chart.geometry(in: chartArea).plot.width * chart.samplesPerCell)
        let span = history.suffix(shown)
        if let first = span.first, let last = span.last {
            let ellipsis = c.glyphs.isASCII ? ".." : "…"
            let text = "step \(DisplayFormat.grouped(first.step)) \(ellipsis) \(DisplayFormat.grouped(last.step))"
            buffer.write(text, x: inner.maxX - text.count, y: inner.maxY - 1, style: c.style(.dimText), clip: inner)
        }
    }
}
