#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PerceptronCore
import TerminalUI

/// σ(z) as a curve, the 0.5 threshold, and every sample at its current z, marked with its label
/// (0 or 1), so the samples can be seen sliding along the curve as the weights change. With many
/// samples the marks would pile up: each class becomes a density along the curve instead, 1s just
/// above it and 0s just below, shaded by how many samples share a column.
enum SigmoidPanel {
    /// Up to this many samples each get a mark of their own.
    static let individualMarks = 24

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let dense = c.trace.z.count > individualMarks
        // With a hidden layer the curve is the output unit's: its z and ŷ for each sample.
        var title = c.trace.layers.count < 2 ? "Sigmoid σ(z)"
            : area.width >= 30 ? "Sigmoid σ(z) · output unit" : "Output σ(z)"
        let legend = " · ░▒▓█ samples"
        if dense, title.count + legend.count <= area.width - 4 { title += legend }
        let inner = c.box(title, area: area, into: &buffer)
        guard inner.height >= 4, inner.width >= 12 else { return }
        let ascii = c.glyphs.isASCII
        // Axis labels take the left 3 columns and the bottom row.
        let plot = Rect(x: inner.x + 3, y: inner.y, width: inner.width - 3, height: inner.height - 1)
        let zs = c.trace.z
        let largest = zs.filter(\.isFinite).map(abs).max() ?? 0
        // Wide enough to show every sample, up to ±20 (σ is flat beyond); off-range samples sit at the edge.
        let reach = min(max(6, (largest + 1).rounded(.up)), 20)
        let xRange = -reach...reach, yRange = 0.0...1.0
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let dotCount = canvas.dotWidth
        var previous: (x: Double, y: Double)?
        for i in 0..<dotCount {
            let z = -reach + 2 * reach * Double(i) / Double(max(1, dotCount - 1))
            let point = (x: z, y: 1 / (1 + exp(-z)))
            if let p = previous {
                canvas.line(from: p, to: point, xRange: xRange, yRange: yRange, style: c.style(.sigmoidCurve))
            }
            previous = point
        }
        // The threshold, dotted, and the z = 0 axis, under the curve.
        let thresholdY = plot.y + plot.height / 2
        for x in plot.x..<plot.maxX where x % 2 == 0 {
            buffer.set(x, thresholdY, ascii ? "." : c.heavy ? "─" : "┈", style: c.style(.grid))
        }
        let zeroX = plot.x + plot.width / 2
        for y in plot.y..<plot.maxY { buffer.set(zeroX, y, c.heavy ? (ascii ? "|" : "│") : (ascii ? ":" : "┊"), style: c.style(.grid)) }
        canvas.render(into: &buffer, at: plot, marker: c.marker)

        buffer.write("1", x: inner.x + 1, y: plot.y, style: c.style(.dimText))
        buffer.write(".5", x: inner.x, y: thresholdY, style: c.style(.dimText))
        buffer.write("0", x: inner.x + 1, y: plot.maxY - 1, style: c.style(.dimText))
        let bottom = inner.maxY - 1
        let left = DisplayFormat.compact(-reach, width: 4), right = DisplayFormat.compact(reach, width: 4)
        buffer.write(left, x: plot.x, y: bottom, style: c.style(.dimText))
        buffer.write("z", x: zeroX, y: bottom, style: c.style(.dimText))
        buffer.write(right, x: plot.maxX - right.count, y: bottom, style: c.style(.dimText))

        func column(_ z: Double) -> Int {
            if z < -reach { return plot.x }
            if z > reach { return plot.maxX - 1 }
            return plot.x + Int(((z + reach) / (2 * reach) * Double(plot.width - 1)).rounded())
        }
        func row(_ a: Double) -> Int { plot.y + Int(((1 - (a.isFinite ? a : 0.5)) * Double(plot.height - 1)).rounded()) }

        if dense { renderDensity(c, plot: plot, reach: reach, column: column, into: &buffer) }
        // Samples: the selected one last, so it is on top and highlighted.
        let order = dense ? [c.state.selectedSample]
            : (0..<zs.count).filter { $0 != c.state.selectedSample } + [c.state.selectedSample]
        for i in order {
            let z = zs[i]
            if z.isNaN { continue }
            let target = c.dataset.targets[i]
            var style = c.classStyle(target)
            if i == c.state.selectedSample { style = c.style(.highlight) }
            buffer.set(column(z), row(c.trace.predictions[i]), target >= 0.5 ? "1" : "0", style: style)
        }
    }

    /// Per plot column, how many samples of each class sit there, as a shade next to the curve.
    private static func renderDensity(_ c: ViewContext, plot: Rect, reach: Double, column: (Double) -> Int,
                                      into buffer: inout Buffer) {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: plot.width), count: 2)
        let zs = c.trace.z, targets = c.dataset.targets
        for i in zs.indices where !zs[i].isNaN {
            counts[targets[i] >= 0.5 ? 1 : 0][column(zs[i]) - plot.x] += 1
        }
        let most = max(1, counts.joined().max() ?? 1)
        let shades: [Character] = c.glyphs.isASCII ? [".", ":", "o", "#"] : ["░", "▒", "▓", "█"]
        for x in 0..<plot.width {
            // The curve's row at this column: where σ of the column's middle z falls.
            let z = (Double(x) / Double(max(1, plot.width - 1)) * 2 - 1) * reach
            let curveRow = plot.y + Int(((1 - 1 / (1 + exp(-z))) * Double(plot.height - 1)).rounded())
            for label in 0...1 where counts[label][x] > 0 {
                let level = min(shades.count - 1, (counts[label][x] * shades.count - 1) / most)
                let y = min(max(plot.y, curveRow + (label == 1 ? -1 : 1)), plot.maxY - 1)
                buffer.set(plot.x + x, y, shades[level], style: c.style(label == 1 ? .class1 : .class0))
            }
        }
    }
}
