#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line plot of a series of values with a labelled y-axis and an x-axis baseline:
/// a braille canvas plus axes.
///
///     1.00┤⠑⠢⡀
///         │  ⠈⠢⣀
///     0.50┤     ⠑⠤⡀
///         │        ⠈⠉⠒
///     0.00┤
///         └──────────
///
/// The most recent values that fit are shown, `samplesPerCell` per column (2 with braille: one
/// per dot column), oldest on the left; consecutive samples are joined by lines. NaN leaves a gap;
/// +infinity clamps to the top and -infinity to the bottom. The y-axis is labelled at its top and
/// bottom row, and in the middle when there are at least 3 plot rows, with `formatter`. Two labels
/// never read the same: when the formatter's texts for a narrow range do (a converged loss,
/// `0.0012` three times), the chart shows more digits (as much as a third of its width
/// allows), and failing that fewer labels. With
/// `logScale`, values are plotted by log10 and non-positive values clamp to the smallest positive
/// one (labels still show the values themselves).
public struct LineChart: Widget, Sendable {
    /// The series, oldest first.
    public var values: [Double]
    /// Instead of `values`: one column per sample with its first, last, lowest and highest value
    /// (a long series downsampled without losing its extremes). Each column is drawn as a
    /// vertical stroke from low to high, joined from the previous column's last value to its first.
    public var envelope: [Envelope]?

    /// One downsampled column of a series. NaN for a value it does not have.
    public struct Envelope: Sendable, Equatable {
        public var first, last, low, high: Double
        public init(first: Double, last: Double, low: Double, high: Double) {
            (self.first, self.last, self.low, self.high) = (first, last, low, high)
        }
    }
    /// The value range of the y-axis; nil to fit the shown values. (In log scale a non-positive
    /// lower bound is replaced by the smallest positive value shown.)
    public var yRange: ClosedRange<Double>?
    /// Plot log10 of the values.
    public var logScale: Bool
    /// Turns a y value into an axis label; by default `NumberFormat.fit(value, width: 6)`.
    public var formatter: @Sendable (Double) -> String
    /// The style of the plotted line.
    public var lineStyle: Style
    /// The style of the axis lines.
    public var axisStyle: Style
    /// The style of the y-axis labels.
    public var labelStyle: Style
    /// Braille, block or ASCII dots (`CanvasMarker(glyphs)` picks braille or ASCII).
    public var marker: CanvasMarker
    /// Unicode box drawing or ASCII for the axes.
    public var glyphs: GlyphSet

    public init(values: [Double], yRange: ClosedRange<Double>? = nil, logScale: Bool = false,
                formatter: @escaping @Sendable (Double) -> String = { NumberFormat.fit($0, width: 6) },
                lineStyle: Style = .plain, axisStyle: Style = .plain, labelStyle: Style = .plain,
                glyphs: GlyphSet = .unicode, marker: CanvasMarker? = nil) {
        self.values = values
        self.yRange = yRange
        self.logScale = logScale
        self.formatter = formatter
        self.lineStyle = lineStyle
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
        self.glyphs = glyphs
        self.marker = marker ?? CanvasMarker(glyphs)
    }

    /// Samples drawn per cell column: 2 for braille (one per dot column), 1 for block and ASCII.
    public var samplesPerCell: Int { marker == .braille ? 2 : 1 }

    /// The parts of a chart's area, as `render` lays them out.
    public struct Geometry: Hashable, Sendable {
        /// Where the line is drawn.
        public var plot: Rect
        /// The column of the y-axis line (left of `plot`).
        public var axisX: Int
        /// The row of the x-axis baseline (below `plot`).
        public var baselineY: Int
        /// The width of the label column (left of the axis).
        public var labelWidth: Int
        /// The lowest and highest plotted value (log10 of them in log scale).
        public var scaleRange: ClosedRange<Double>
        /// The y-axis labels, top first: each names the value on its row, no two read the same,
        /// and none is wider than `labelWidth` (empty texts when there is no label column).
        public var labels: [Label]
    }

    /// One y-axis label: its row on screen and its text.
    public struct Label: Hashable, Sendable {
        public var y: Int
        public var text: String
        public init(y: Int, text: String) { (self.y, self.text) = (y, text) }
    }

    /// How `area` is divided between labels, axes and plot for the current values.
    public func geometry(in area: Rect) -> Geometry {
        let plotHeight = max(0, area.height - 1)
        let maxLabelWidth = max(0, area.width - 2)
        // The labels depend on the range, which depends on the samples shown, which depend on the
        // plot width left by the labels: widen the label column until the labels fit (it only grows).
        // Extra digits to tell labels apart may take a third of the width; the formatter's own
        // texts may take all but the axis and one column of plot, as they always could.
        let digitsShare = max(0, min(maxLabelWidth, area.width / 3))
        var labelWidth = 0
        var range = scaleRange(for: shownValues(plotWidth: area.width - 1))
        for _ in 0..<4 {
            let rows = labelRows(plotHeight: plotHeight, range: range)
            let preferred = rows.map { formatter(unscale($0.value)).count }.max() ?? 0
            let cap = min(maxLabelWidth, max(preferred, digitsShare))
            let needed = axisLabels(rows, maxWidth: cap).map(\.text.count).max() ?? 0
            if needed <= labelWidth { break }
            labelWidth = min(needed, maxLabelWidth)
            range = scaleRange(for: shownValues(plotWidth: area.width - labelWidth - 1))
            if labelWidth == maxLabelWidth { break }
        }
        let axisX = area.x + labelWidth
        let plot = Rect(x: axisX + 1, y: area.y, width: area.maxX - axisX - 1, height: plotHeight)
        let labels = axisLabels(labelRows(plotHeight: plotHeight, range: range), maxWidth: labelWidth)
            .map { Label(y: plot.y + $0.row, text: $0.text) }
        return Geometry(plot: plot, axisX: axisX, baselineY: area.y + plotHeight, labelWidth: labelWidth,
                        scaleRange: range, labels: labels)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.intersection(buffer.area).isEmpty else { return }
        let g = geometry(in: area)
        let clip = area.intersection(buffer.area)
        // Axes.
        let vertical: Character = glyphs.isASCII ? "|" : "│"
        let tick: Character = glyphs.isASCII ? "+" : "┤"
        let corner: Character = glyphs.isASCII ? "+" : "└"
        let horizontal: Character = glyphs.isASCII ? "-" : "─"
        func put(_ x: Int, _ y: Int, _ c: Character, _ style: Style) {
            if clip.contains(x: x, y: y) { buffer.set(x, y, c, style: style) }
        }
        let visible = g.plot.intersection(clip)
        for y in visible.y..<visible.maxY { put(g.axisX, y, vertical, axisStyle) }
        put(g.axisX, g.baselineY, corner, axisStyle)
        for x in visible.x..<visible.maxX { put(x, g.baselineY, horizontal, axisStyle) }
        // Labels, right-aligned against the axis, each on the row of the value it names.
        for label in g.labels {
            put(g.axisX, label.y, tick, axisStyle)
            guard g.labelWidth > 0 else { continue }
            let labelArea = Rect(x: area.x, y: label.y, width: g.labelWidth, height: 1)
            buffer.write(label.text, x: g.axisX - label.text.count, y: label.y, style: labelStyle,
                         clip: labelArea.intersection(clip))
        }
        // The line, on a canvas covering only the visible part of the plot (dots are placed in
        // whole-plot coordinates, then shifted).
        guard !visible.isEmpty else { return }
        var canvas = BrailleCanvas(width: visible.width, height: visible.height)
        let shiftX = (visible.x - g.plot.x) * 2, shiftY = (visible.y - g.plot.y) * 4
        let bottom = min(g.plot.height, 1 << 28) * 4 - 1
        let samples = shownValues(plotWidth: g.plot.width)
        let floor = smallestPositive(samples)
        let step = marker == .braille ? 1 : 2
        func dotY(_ raw: Double) -> Int? {
            guard let value = scaled(raw, floor: floor) else { return nil }
            switch value {
            case .infinity: return 0
            case -.infinity: return bottom
            default:
                let fraction = BrailleCanvas.fraction(value, in: g.scaleRange)
                return min(max(BrailleCanvas.toInt((1 - fraction) * Double(bottom)), 0), bottom)
            }
        }
        if let columns = envelope.map({ Array($0.suffix(max(0, g.plot.width) * samplesPerCell)) }) {
            var previous: (x: Int, y: Int)?
            for (i, column) in columns.enumerated() {
                let x = i * step - shiftX
                for dx in 0..<step {
                    if let high = dotY(column.high), let low = dotY(column.low) {
                        canvas.line(from: (x + dx, high - shiftY), to: (x + dx, low - shiftY), style: lineStyle)
                    }
                }
                if let first = dotY(column.first) {
                    let dot = (x: x, y: first - shiftY)
                    if let p = previous { canvas.line(from: p, to: dot, style: lineStyle) } else { canvas.set(dot.x, dot.y, style: lineStyle) }
                }
                previous = dotY(column.last).map { (x + step - 1, $0 - shiftY) }
            }
            canvas.render(into: &buffer, at: visible, marker: marker)
            return
        }
        var previous: (x: Int, y: Int)?
        for (i, raw) in samples.enumerated() {
            guard let value = scaled(raw, floor: floor) else { previous = nil; continue }
            let x = i * step - shiftX
            let y: Int
            switch value {
            case .infinity: y = 0
            case -.infinity: y = bottom
            default:
                let fraction = BrailleCanvas.fraction(value, in: g.scaleRange)
                y = min(max(BrailleCanvas.toInt((1 - fraction) * Double(bottom)), 0), bottom)
            }
            let dot = (x: x, y: y - shiftY)
            if let p = previous { canvas.line(from: p, to: dot, style: lineStyle) } else { canvas.set(dot.x, dot.y, style: lineStyle) }
            if step == 2 { canvas.set(dot.x + 1, dot.y, style: lineStyle) }
            previous = (step == 2 ? dot.x + 1 : dot.x, dot.y)
        }
        canvas.render(into: &buffer, at: visible, marker: marker)
    }

    // MARK: Scale

    /// The values that fit in a plot `plotWidth` cells wide.
    func shownValues(plotWidth: Int) -> [Double] {
        let count = max(0, plotWidth) * samplesPerCell
        if let envelope {
            return envelope.suffix(count).flatMap { [$0.first, $0.last, $0.low, $0.high] }
        }
        return Array(values.suffix(count))
    }

    /// The smallest positive finite value among `samples` (nil if none).
    private func smallestPositive(_ samples: [Double]) -> Double? {
        samples.filter { $0 > 0 && $0.isFinite }.min()
    }

    /// `raw` on the plot's scale (log10 in log scale; non-positive values clamp to `floor`, or 1
    /// when there is none); nil for NaN. Infinities stay infinite.
    private func scaled(_ raw: Double, floor: Double?) -> Double? {
        if raw.isNaN { return nil }
        guard logScale else { return raw }
        if raw == .infinity { return .infinity }
        let positive = raw > 0 ? raw : (floor ?? yRange.map { $0.lowerBound > 0 ? $0.lowerBound : 1 } ?? 1)
        return log10(positive)
    }

    /// The inverse of `scaled`: a plotted value back to the data value.
    private func unscale(_ value: Double) -> Double {
        logScale ? pow(10, value) : value
    }

    /// The y range the plot spans for these samples, on the plot's scale; never empty or NaN.
    func scaleRange(for samples: [Double]) -> ClosedRange<Double> {
        let floor = smallestPositive(samples)
        var low: Double, high: Double
        if let fixed = yRange, fixed.lowerBound.isFinite, fixed.upperBound.isFinite {
            if logScale {
                let lowValue = fixed.lowerBound > 0 ? fixed.lowerBound : (floor ?? max(fixed.upperBound, 1) / 1000)
                low = log10(lowValue)
                high = log10(max(fixed.upperBound, lowValue))
            } else {
                (low, high) = (fixed.lowerBound, fixed.upperBound)
            }
        } else {
            let finite = samples.compactMap { scaled($0, floor: floor) }.filter(\.isFinite)
            low = finite.min() ?? 0
            high = finite.max() ?? 1
        }
        if !(low.isFinite && high.isFinite) { (low, high) = (0, 1) }
        if high < low { swap(&low, &high) }
        if high == low {
            let pad = logScale ? 0.5 : (low == 0 ? 1 : abs(low) * 0.1)
            (low, high) = (low - pad, high + pad)
        }
        return low...high
    }

    /// The rows labelled and the (scaled) value at each: top, bottom, and middle when there is room.
    func labelRows(plotHeight: Int, range: ClosedRange<Double>) -> [(row: Int, value: Double)] {
        guard plotHeight > 0 else { return [] }
        var rows: [(row: Int, value: Double)] = [(0, range.upperBound)]
        if plotHeight >= 3 {
            // The row where the canvas puts the middle value (see `BrailleCanvas.dot`).
            let middleDot = BrailleCanvas.toInt(Double(plotHeight * 4 - 1) / 2)
            rows.append((middleDot / 4, (range.lowerBound + range.upperBound) / 2))
        }
        if plotHeight >= 2 { rows.append((plotHeight - 1, range.lowerBound)) }
        return rows
    }

    /// The texts for these label rows, at most `maxWidth` wide, no two reading the same: the
    /// formatter's when they qualify; else every label with the fewest columns (all alike, zeros
    /// kept) that tell them apart; else the same with only the top and bottom label; else the top
    /// one alone. With no room (`maxWidth` 0) every row keeps its tick and an empty text.
    func axisLabels(_ rows: [(row: Int, value: Double)], maxWidth: Int) -> [(row: Int, text: String)] {
        guard maxWidth > 0 else { return rows.map { ($0.row, "") } }
        var candidates = [rows]
        if rows.count > 2, let top = rows.first, let bottom = rows.last { candidates.append([top, bottom]) }
        for rows in candidates {
            let values = rows.map { unscale($0.value) }
            let preferred = values.map(formatter)
            let preferredWidth = preferred.map(\.count).max() ?? 0
            if preferredWidth <= maxWidth, Self.distinct(preferred) { return Array(zip(rows.map(\.row), preferred)) }
            // Past 24 columns `fit` has no more digits to give (it stops at 15 significant).
            let widest = min(maxWidth, 24)
            for width in max(1, min(preferredWidth, widest))...widest {
                let texts = values.map { NumberFormat.fit($0, width: width, trimZeros: false) }
                if Self.distinct(texts) { return Array(zip(rows.map(\.row), texts)) }
            }
        }
        guard let top = rows.first else { return [] }
        let value = unscale(top.value), text = formatter(value)
        return [(top.row, text.count <= maxWidth ? text : NumberFormat.fit(value, width: maxWidth))]
    }

    /// No two texts alike, nor naming the same number ("1e-3" and "0.001"), nor overflowing ("###").
    private static func distinct(_ texts: [String]) -> Bool {
        for (i, text) in texts.enumerated() {
            if !text.isEmpty, text.allSatisfy({ $0 == "#" }) { return false }
            for other in texts[..<i] {
                if text == other { return false }
                if let a = Double(text), let b = Double(other), a == b { return false }
            }
        }
        return true
    }
}
