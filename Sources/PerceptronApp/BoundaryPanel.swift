#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PerceptronCore
import TerminalUI

/// The two inputs the decision boundary is drawn over (0-based indices into a sample's inputs).
public struct AxisPair: Sendable, Equatable {
    public var horizontal: Int
    public var vertical: Int

    public init(horizontal: Int, vertical: Int) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// x₁ across, x₂ up: the plane of a two-input table.
    public static let first = AxisPair(horizontal: 0, vertical: 1)

    /// Every pair for `inputCount` inputs, in the order the axes key steps through them:
    /// (x₁,x₂), (x₁,x₃), …, (x₂,x₃), …
    static func all(inputCount n: Int) -> [AxisPair] {
        guard n >= 2 else { return [AxisPair(horizontal: 0, vertical: 0)] }
        return (0..<n).flatMap { i in (i + 1..<n).map { AxisPair(horizontal: i, vertical: $0) } }
    }

    /// This pair if it names two different inputs of a table with `inputCount` inputs (in either
    /// order), else the first pair.
    func valid(inputCount n: Int) -> AxisPair {
        let range = 0..<n
        guard n >= 2, horizontal != vertical, range.contains(horizontal), range.contains(vertical) else {
            return Self.all(inputCount: n)[0]
        }
        return self
    }

    /// `I,J` for a table: each a column name of the data file (exactly as in its header), or an
    /// input's number from 1 (an `x` before it allowed); nil unless they name two different inputs.
    public static func parse(_ text: String, dataset: Dataset) -> AxisPair? {
        let n = dataset.inputCount
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard n >= 2, parts.count == 2 else { return nil }
        func input(_ part: String) -> Int? {
            if let names = dataset.columnNames?.inputs, let j = names.firstIndex(of: part) { return j }
            let lowered = part.lowercased()
            let digits = lowered.hasPrefix("x") ? String(lowered.dropFirst()) : lowered
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 3,
                  let number = Int(digits), (1...n).contains(number) else { return nil }
            return number - 1
        }
        guard let i = input(parts[0]), let j = input(parts[1]), i != j else { return nil }
        return AxisPair(horizontal: i, vertical: j)
    }

    /// The pair after this one (`forward`) or before it, wrapping around.
    func stepped(inputCount n: Int, forward: Bool = true) -> AxisPair {
        let pairs = Self.all(inputCount: n)
        let current = valid(inputCount: n)
        let ordered = AxisPair(horizontal: min(current.horizontal, current.vertical),
                               vertical: max(current.horizontal, current.vertical))
        let index = pairs.firstIndex(of: ordered) ?? 0
        return pairs[(index + (forward ? 1 : pairs.count - 1)) % pairs.count]
    }
}

/// TensorFlow Playground's picture: ŷ over the plane of two inputs, each cell's colour blended
/// between the class colours by ŷ (two pixels per cell), the ŷ = 0.5 contour, and every sample at
/// its place with its label. With more than two inputs the plane is a slice through the selected
/// sample: the other inputs keep that sample's values. Without colour (a mono theme, `--ascii`)
/// the shading is glyph density and the contour a line of slashes.
struct BoundaryPanel {
    var dataset: Dataset
    var selectedSample: Int
    var axes: AxisPair
    /// ŷ for an input vector: the model's forward pass.
    var predict: ([Double]) -> Double
    var theme: Theme
    var heavy: Bool
    /// The bottom border is taken (zoomed, the key hints are on it): the horizontal axis's range
    /// goes on a line of its own inside the box.
    var borderTaken = false

    init(_ c: ViewContext) {
        let trainer = c.state.trainer
        self.init(dataset: c.dataset, selectedSample: c.state.selectedSample,
                  axes: c.state.boundaryAxes.valid(inputCount: c.dataset.inputCount),
                  predict: { trainer.predict($0) }, theme: c.theme, heavy: c.heavy,
                  borderTaken: c.state.zoomedPanel == .boundary)
    }

    init(dataset: Dataset, selectedSample: Int, axes: AxisPair, predict: @escaping ([Double]) -> Double, theme: Theme,
         heavy: Bool, borderTaken: Bool = false) {
        self.dataset = dataset
        self.selectedSample = selectedSample
        self.axes = axes
        self.predict = predict
        self.theme = theme
        self.heavy = heavy
        self.borderTaken = borderTaken
    }

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        BoundaryPanel(c).render(into: &buffer, area: area)
    }

    /// The cells the plot shades when the panel for `state` fills `area`.
    static func plotArea(_ state: AppState, area: Rect) -> Rect {
        BoundaryPanel(ViewContext(state: state, theme: state.theme)).plotArea(area)
    }

    private var glyphs: GlyphSet { theme.glyphs }
    private func style(_ role: Role) -> Style { theme.style(role) }
    private var n: Int { dataset.inputCount }

    /// An input's label: a data file's column name (cut to 12 characters), else xᵢ.
    func name(_ input: Int) -> String {
        guard dataset.columnNames != nil else {
            return "x" + (glyphs.isASCII ? String(input + 1) : DisplayFormat.subscriptDigits(input + 1))
        }
        let name = dataset.inputName(input)
        return name.count <= 12 ? name : String(name.prefix(11)) + (glyphs.isASCII ? "~" : "…")
    }

    /// Above this many samples the points are drawn by class, one mark per cell, so a crowd of
    /// labels does not leave whichever was drawn last.
    static let manySamples = 50

    func render(into buffer: inout Buffer, area: Rect) {
        let inner = Block(title: title(fitting: area.width - 4), kind: heavy ? .thick : .plain,
                          borderStyle: style(.border), titleStyle: style(.title), glyphs: glyphs)
            .render(into: &buffer, area: area)
        guard inner.width >= 4, inner.height >= 2 else { return }
        let layout = layout(inner: inner)
        let horizontal = range(of: axes.horizontal)
        let vertical = n >= 2 ? range(of: axes.vertical) : 0...1
        let plane = Plane(area: layout.plot, horizontal: horizontal, vertical: vertical)
        var x = Array(dataset.row(selectedSample))
        let colors = classColors
        if let colors, !glyphs.isASCII {
            drawShaded(plane, &x, colors, into: &buffer)
        } else {
            drawDensity(plane, &x, colors, into: &buffer)
        }
        drawSamples(plane, colors, into: &buffer)
        if let scale = layout.scale { drawVerticalScale(scale, plot: layout.plot, into: &buffer) }
        if let row = layout.axisRow { drawAxisLabels(plane, row: row, onBorder: !borderTaken, scaled: layout.scale != nil,
                                                       into: &buffer) }
    }

    /// Where the parts go inside the box: the plot, the vertical axis's scale left of it, and the
    /// row of the horizontal axis's range (the bottom border, or the row under the plot when the
    /// border is taken and there is a row to spare).
    struct Layout {
        var plot: Rect
        var scale: VerticalScale?
        var axisRow: Int?
    }

    func layout(inner: Rect) -> Layout {
        let inside = borderTaken && inner.height >= 3
        let height = inner.height - (inside ? 1 : 0)
        let scale = verticalScale(width: inner.width, height: height)
        let gutter = scale?.width ?? 0
        let plot = Rect(x: inner.x + gutter, y: inner.y, width: inner.width - gutter, height: height)
        return Layout(plot: plot, scale: scale, axisRow: inside ? inner.maxY - 1 : borderTaken ? nil : inner.maxY)
    }

    /// The cells `render` shades when the panel's box fills `area`.
    func plotArea(_ area: Rect) -> Rect {
        layout(inner: Rect(x: area.x + 1, y: area.y + 1, width: max(area.width - 2, 0), height: max(area.height - 2, 0))).plot
    }

    // MARK: - Geometry

    /// The cells of the plot and the input values they stand for (the vertical axis grows upwards).
    struct Plane {
        let area: Rect
        let horizontal: ClosedRange<Double>
        let vertical: ClosedRange<Double>

        /// The input values at the centre of pixel column `px` of `columns`, pixel row `py` of `rows`.
        func point(_ px: Int, _ py: Int, columns: Int, rows: Int) -> (Double, Double) {
            let u = horizontal.lowerBound + (Double(px) + 0.5) / Double(columns) * span(horizontal)
            let v = vertical.upperBound - (Double(py) + 0.5) / Double(rows) * span(vertical)
            return (u, v)
        }

        /// The cell a point falls in, clamped to the plot.
        func cell(_ u: Double, _ v: Double) -> (x: Int, y: Int) {
            let fx = (u - horizontal.lowerBound) / span(horizontal), fy = (vertical.upperBound - v) / span(vertical)
            func clamp(_ f: Double, _ count: Int) -> Int {
                guard f.isFinite else { return count / 2 }
                return min(max(Int((f * Double(count)).rounded(.down)), 0), count - 1)
            }
            return (area.x + clamp(fx, area.width), area.y + clamp(fy, area.height))
        }

        private func span(_ r: ClosedRange<Double>) -> Double { r.upperBound - r.lowerBound }
    }

    /// An input's values over the table, with a quarter of their spread as margin on each side so
    /// no sample sits on the frame (a constant input gets ±0.5).
    func range(of input: Int) -> ClosedRange<Double> {
        let values = (0..<dataset.sampleCount).map { dataset.inputs[$0 * n + input] }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        let margin = high > low ? (high - low) / 4 : 0.5
        return (low - margin)...(high + margin)
    }

    // MARK: - Shading

    /// The class colours, when the theme has colours for both classes.
    private var classColors: (zero: Color, one: Color, fade: Color, contour: Color)? {
        let zero = style(.class0).foreground, one = style(.class1).foreground
        guard case .rgb = zero, case .rgb = one, zero != one else { return nil }
        // The regions are the class colours faded towards the screen, so the samples, drawn in
        // full colour, stand out; a terminal's own background is taken to be dark.
        var screen = theme.screenBackground
        if case .default = screen { screen = .rgb(16, 16, 16) }
        var contour = style(.sigmoidCurve).foreground
        if case .default = contour { contour = (screen.brightness ?? 0) > 0.5 ? .rgb(0, 0, 0) : .rgb(255, 255, 255) }
        return (zero, one, screen, contour)
    }

    private func regionColor(_ y: Double, _ colors: (zero: Color, one: Color, fade: Color, contour: Color)) -> Color {
        colors.zero.mixed(with: colors.one, amount: y).mixed(with: colors.fade, amount: 0.4)
    }

    /// ŷ at the centre of each of `columns × rows` pixels, row-major, top row first.
    private func field(_ plane: Plane, _ x: inout [Double], columns: Int, rows: Int) -> [Double] {
        var values = [Double](repeating: 0, count: columns * rows)
        for py in 0..<rows {
            for px in 0..<columns {
                let (u, v) = plane.point(px, py, columns: columns, rows: rows)
                x[axes.horizontal] = u
                if n >= 2 { x[axes.vertical] = v }
                values[py * columns + px] = predict(x)
            }
        }
        return values
    }

    /// Whether pixel `i` lies on the ŷ = 0.5 contour: its side differs from its right or lower
    /// neighbour's and it is the one of the pair nearer 0.5 (so the line is one pixel thick).
    private static func onContour(_ values: [Double], _ px: Int, _ py: Int, columns: Int, rows: Int) -> Bool {
        let here = values[py * columns + px]
        guard here.isFinite else { return false }
        let neighbours = [(px + 1, py), (px - 1, py), (px, py + 1), (px, py - 1)]
        for (nx, ny) in neighbours where nx >= 0 && nx < columns && ny >= 0 && ny < rows {
            let there = values[ny * columns + nx]
            // A field flat at 0.5 (a perceptron stuck on xor) has no boundary worth drawing.
            guard there.isFinite, (here >= 0.5) != (there >= 0.5), abs(here - there) > 1e-3 else { continue }
            let mine = abs(here - 0.5), theirs = abs(there - 0.5)
            if mine < theirs || (mine == theirs && (nx > px || ny > py)) { return true }
        }
        return false
    }

    private func drawShaded(_ plane: Plane, _ x: inout [Double],
                            _ colors: (zero: Color, one: Color, fade: Color, contour: Color), into buffer: inout Buffer) {
        let columns = plane.area.width, rows = plane.area.height * 2
        let values = field(plane, &x, columns: columns, rows: rows)
        var image = HalfBlockImage(pixelWidth: columns, pixelHeight: rows)
        for py in 0..<rows {
            for px in 0..<columns {
                let y = values[py * columns + px]
                image[px, py] = Self.onContour(values, px, py, columns: columns, rows: rows)
                    ? colors.contour : regionColor(y, colors)
            }
        }
        image.render(into: &buffer, area: plane.area)
    }

    private func drawDensity(_ plane: Plane, _ x: inout [Double],
                             _ colors: (zero: Color, one: Color, fade: Color, contour: Color)?, into buffer: inout Buffer) {
        let columns = plane.area.width, rows = plane.area.height
        let values = field(plane, &x, columns: columns, rows: rows)
        let ink = style(.text)
        let line = style(.sigmoidCurve).with(.bold)
        for py in 0..<rows {
            for px in 0..<columns {
                let y = values[py * columns + px]
                let cx = plane.area.x + px, cy = plane.area.y + py
                if Self.onContour(values, px, py, columns: columns, rows: rows) {
                    buffer.set(cx, cy, contourGlyph(values, px, py, columns: columns, rows: rows), style: line)
                } else {
                    var shade = ink
                    if let colors { shade = Style(foreground: colors.zero.mixed(with: colors.one, amount: y)) }
                    buffer.set(cx, cy, DensityRamp.character(for: y), style: shade)
                }
            }
        }
    }

    /// A line glyph along the contour at a cell: across the gradient of ŷ, with a cell counted
    /// twice as tall as it is wide.
    private func contourGlyph(_ values: [Double], _ px: Int, _ py: Int, columns: Int, rows: Int) -> Character {
        // Central differences, one-sided at the frame.
        let left = max(px - 1, 0), right = min(px + 1, columns - 1)
        let up = max(py - 1, 0), down = min(py + 1, rows - 1)
        let gx = right > left ? (values[py * columns + right] - values[py * columns + left]) / Double(right - left) : 0
        let gy = down > up ? (values[down * columns + px] - values[up * columns + px]) / Double(down - up) / 2 : 0
        let ascii = glyphs.isASCII
        guard gx.isFinite, gy.isFinite, gx != 0 || gy != 0 else { return ascii ? "+" : "┼" }
        // The contour runs along (−gy, gx); its angle from the horizontal, 0…90°.
        let angle = atan2(abs(gx), abs(gy)) * 180 / Double.pi
        if angle < 30 { return ascii ? "-" : "─" }
        if angle > 60 { return ascii ? "|" : "│" }
        // Screen rows grow downwards: with gx and gy of one sign the line rises to the right.
        let rising = (gx > 0) == (gy > 0)
        return rising ? (ascii ? "/" : "╱") : (ascii ? "\\" : "╲")
    }

    // MARK: - Samples and labels

    private func drawSamples(_ plane: Plane, _ colors: (zero: Color, one: Color, fade: Color, contour: Color)?,
                             into buffer: inout Buffer) {
        if dataset.sampleCount > Self.manySamples {
            drawClasses(plane, colors, into: &buffer)
            return
        }
        let order = (0..<dataset.sampleCount).filter { $0 != selectedSample } + [selectedSample]
        let density = colors == nil || glyphs.isASCII
        var taken = Set<Int>()
        let places = order.map { i -> (Int, Int, Int) in
            let row = dataset.row(i)
            let u = row[row.startIndex + axes.horizontal]
            let v = n >= 2 ? row[row.startIndex + axes.vertical] : (plane.vertical.lowerBound + plane.vertical.upperBound) / 2
            let (cx, cy) = plane.cell(u, v)
            taken.insert(cy * 100_000 + cx)
            return (i, cx, cy)
        }
        let selected = dataset.row(selectedSample)
        let others = (0..<n).filter { $0 != axes.horizontal && $0 != axes.vertical }
        for (i, cx, cy) in places {
            let target = dataset.targets[i]
            let one = target >= 0.5
            let row = dataset.row(i)
            // A sample whose other inputs differ from the slice's lies off this plane: drawn plainer.
            let onSlice = others.allSatisfy { row[row.startIndex + $0] == selected[selected.startIndex + $0] }
            var look: Style
            if i == selectedSample {
                look = style(.highlight)
            } else if !onSlice {
                look = density ? style(.dimText) : style(one ? .class1 : .class0)
                if !density { look.background = buffer[cx, cy].style.background }
            } else if let colors, !glyphs.isASCII {
                let fill = one ? colors.one : colors.zero
                look = Style(foreground: (fill.brightness ?? 0) > 0.5 ? .rgb(0, 0, 0) : .rgb(255, 255, 255),
                             background: fill, attributes: .bold)
            } else {
                look = style(one ? .class1 : .class0)
            }
            if density {
                // A clear cell either side, so the label reads against the shading.
                for side in [cx - 1, cx + 1] where side >= plane.area.x && side < plane.area.maxX
                    && !taken.contains(cy * 100_000 + side) {
                    buffer.set(side, cy, " ", style: .plain)
                }
            }
            buffer.set(cx, cy, one ? "1" : "0", style: look)
        }
    }

    /// Many samples: each cell that holds any shows its classes. Only 0s: a 0, only 1s: a 1, in the
    /// class's look; both: a mark in the majority's look (`◆`, ASCII `x`), so a region where the
    /// classes mix reads as mixed. The selected sample is drawn last, highlighted, with its label.
    private func drawClasses(_ plane: Plane, _ colors: (zero: Color, one: Color, fade: Color, contour: Color)?,
                             into buffer: inout Buffer) {
        let width = plane.area.width
        var zeros = [Int](repeating: 0, count: width * plane.area.height), ones = zeros
        func place(_ i: Int) -> (Int, Int) {
            let row = dataset.row(i)
            let u = row[row.startIndex + axes.horizontal]
            let v = n >= 2 ? row[row.startIndex + axes.vertical] : (plane.vertical.lowerBound + plane.vertical.upperBound) / 2
            return plane.cell(u, v)
        }
        for i in 0..<dataset.sampleCount {
            let (cx, cy) = place(i)
            let k = (cy - plane.area.y) * width + (cx - plane.area.x)
            if dataset.targets[i] >= 0.5 { ones[k] += 1 } else { zeros[k] += 1 }
        }
        let mixed: Character = glyphs.isASCII ? "x" : "◆"
        let shaded = colors != nil && !glyphs.isASCII
        for k in zeros.indices where zeros[k] + ones[k] > 0 {
            let cx = plane.area.x + k % width, cy = plane.area.y + k / width
            let one = ones[k] > zeros[k]
            var look = style(one ? .class1 : .class0)
            if shaded { look.background = buffer[cx, cy].style.background }
            look = look.with(.bold)
            let glyph: Character = zeros[k] > 0 && ones[k] > 0 ? mixed : (one ? "1" : "0")
            buffer.set(cx, cy, glyph, style: look)
        }
        let (sx, sy) = place(selectedSample)
        buffer.set(sx, sy, dataset.targets[selectedSample] >= 0.5 ? "1" : "0", style: style(.highlight))
    }

    /// The vertical axis's scale: its range, right-aligned against a line at the plot's left edge,
    /// on the plot's top and bottom rows, and its name between them.
    struct VerticalScale {
        var high: String
        var low: String
        var name: String?
        /// The columns it takes from the plot: the labels and the line.
        var width: Int { max(high.count, low.count) + 1 }
    }

    /// The vertical axis's scale, when there are two axes and the plot keeps at least 8 columns
    /// beside it, enough for the horizontal axis's range under it; nil otherwise (the title still
    /// names the axes). `width` and `height` are the room inside the box for both.
    func verticalScale(width: Int, height: Int) -> VerticalScale? {
        guard n >= 2, height >= 2 else { return nil }
        let range = range(of: axes.vertical), across = self.range(of: axes.horizontal)
        var scale = VerticalScale(high: DisplayFormat.compact(range.upperBound, width: 5),
                                  low: DisplayFormat.compact(range.lowerBound, width: 5))
        let acrossLabels = DisplayFormat.compact(across.lowerBound, width: 5).count
            + DisplayFormat.compact(across.upperBound, width: 5).count + 1
        guard width - scale.width >= max(8, acrossLabels) else { return nil }
        let room = scale.width - 1, full = name(axes.vertical)
        if height >= 3 {
            if full.count <= room {
                scale.name = full
            } else if room >= 3 {
                scale.name = String(full.prefix(room - 1)) + (glyphs.isASCII ? "~" : "…")
            }
        }
        return scale
    }

    private func drawVerticalScale(_ scale: VerticalScale, plot: Rect, into buffer: inout Buffer) {
        let line = plot.x - 1
        let grid = style(.grid)
        for y in plot.y..<plot.maxY { buffer.set(line, y, glyphs.isASCII ? "|" : "│", style: grid) }
        for (label, y) in [(scale.high, plot.y), (scale.low, plot.maxY - 1)] {
            buffer.set(line, y, glyphs.isASCII ? "+" : "┤", style: grid)
            buffer.write(label, x: line - label.count, y: y, style: style(.dimText))
        }
        if let name = scale.name {
            buffer.write(name, x: line - name.count, y: plot.y + plot.height / 2, style: style(.text))
        }
    }

    /// The horizontal axis's range under the plot's first and last columns, and its name between
    /// them: on the bottom border, or on a line of their own at `row`; `scaled`: the vertical
    /// axis's scale stands left of the plot.
    private func drawAxisLabels(_ plane: Plane, row: Int, onBorder: Bool, scaled: Bool, into buffer: inout Buffer) {
        let plot = plane.area
        let dim = style(.dimText), text = style(.text)
        let line = onBorder ? style(.border) : style(.grid)
        let low = DisplayFormat.compact(plane.horizontal.lowerBound, width: 5)
        let high = DisplayFormat.compact(plane.horizontal.upperBound, width: 5)
        // The name needs a space either side to stand apart from the numbers and the line.
        let gap = plot.width - low.count - high.count
        var axis = " " + name(axes.horizontal) + " "
        if axis.count > gap, gap >= 5 {
            axis = " " + String(name(axes.horizontal).prefix(gap - 3)) + (glyphs.isASCII ? "~" : "…") + " "
        }
        guard gap >= 1 else { return }
        if !onBorder {
            for x in plot.x..<plot.maxX { buffer.set(x, row, glyphs.isASCII ? "-" : "─", style: line) }
        }
        if scaled {
            // The scale's line meets this one here, and the corner keeps a dash off `low`'s minus.
            let corner: Character = glyphs.isASCII ? "+" : !onBorder ? "└" : heavy ? "┷" : "┴"
            buffer.set(plot.x - 1, row, corner, style: line)
        }
        buffer.write(low, x: plot.x, y: row, style: dim)
        let highX = plot.maxX - high.count
        buffer.write(high, x: highX, y: row, style: dim)
        var nameEnd = plot.x
        if axis.count <= gap {
            // Dashes after the name only if one is left once the blank before `high` is cut out.
            let spare = gap - axis.count, after = spare / 2 >= 2 ? spare / 2 : 0
            let x = plot.x + low.count + spare - after
            buffer.write(axis, x: x, y: row, style: text)
            nameEnd = x + axis.count
        }
        // A dash right before `high` would read as its minus sign (in ASCII it is one).
        if nameEnd < highX { buffer.set(highX - 1, row, " ", style: line) }
    }

    /// The title, as long as fits: the axes, then the values the slice holds the others at.
    func title(fitting width: Int) -> String {
        let up = glyphs.isASCII ? "^" : "↑", across = glyphs.isASCII ? "->" : "→"
        let dot = glyphs.isASCII ? "|" : "·"
        let axesText = n >= 2 ? "\(name(axes.horizontal))\(across) \(name(axes.vertical))\(up)" : "\(name(0))\(across)"
        var candidates = ["Decision boundary \(dot) \(axesText)", "Boundary \(axesText)"]
        // Long column names are cut, rather than lost, on a narrow panel.
        if dataset.columnNames != nil, n >= 2 {
            let cut = glyphs.isASCII ? "~" : "…"
            for length in [6, 4, 3] {
                func short(_ j: Int) -> String { let s = name(j); return s.count <= length ? s : String(s.prefix(length - 1)) + cut }
                candidates.append("Boundary \(short(axes.horizontal))\(across) \(short(axes.vertical))\(up)")
            }
        }
        candidates.append("Boundary")
        let others = (0..<n).filter { $0 != axes.horizontal && $0 != axes.vertical }
        if !others.isEmpty {
            let row = dataset.row(selectedSample)
            let held = others.map { "\(name($0))=\(DisplayFormat.compact(row[row.startIndex + $0], width: 5))" }
            let heldText = held.count <= 3 ? held.joined(separator: " ")
                : held.prefix(2).joined(separator: " ") + " …"
            candidates.insert("Decision boundary \(dot) \(axesText) \(dot) \(heldText) (sample \(selectedSample + 1))", at: 0)
            candidates.insert("Boundary \(axesText) \(dot) \(heldText)", at: 1)
        }
        return candidates.first { $0.count <= width } ?? candidates[candidates.count - 1]
    }
}
