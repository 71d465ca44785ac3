import PerceptronCore
import TerminalUI

/// Every parameter of a network with one hidden layer: the hidden layer as matrices (inputs ×
/// hidden units, plus the biases) of heat cells — tinted by sign, shaded by size, the value
/// inside — for the values, the gradients and the last changes; and the output layer as a list
/// with value, change and gradient. What does not fit is left out from the least needed up (the
/// changes, then the gradients, then the hidden values); the output layer is always shown.
struct NetworkWeightsPanel {
    var hidden: LayerTrace
    var output: LayerTrace
    /// The change the last step made to each parameter, in `Trainer.parameters` order.
    var lastChange: [Double]
    var theme: Theme
    var heavy: Bool

    init(_ c: ViewContext) {
        self.init(hidden: c.trace.layers[0], output: c.trace.layers[c.trace.layers.count - 1],
                  lastChange: c.state.lastChange, theme: c.theme, heavy: c.heavy)
    }

    init(hidden: LayerTrace, output: LayerTrace, lastChange: [Double], theme: Theme, heavy: Bool) {
        self.hidden = hidden
        self.output = output
        self.lastChange = lastChange
        self.theme = theme
        self.heavy = heavy
    }

    private var glyphs: GlyphSet { theme.glyphs }
    private var ascii: Bool { glyphs.isASCII }
    private func style(_ role: Role) -> Style { theme.style(role) }
    private var n: Int { hidden.layer.inputCount }
    private var h: Int { hidden.layer.unitCount }
    private func sub(_ letter: String, _ k: Int) -> String { letter + (ascii ? String(k) : DisplayFormat.subscriptDigits(k)) }

    /// Changes in `Trainer.parameters` order: hidden weights, hidden biases, output weights, output bias.
    private var hiddenChanges: [Double] { Array(lastChange.prefix(n * h)) }
    private var hiddenBiasChanges: [Double]? {
        hidden.layer.biases == nil ? nil : Array(lastChange.dropFirst(n * h).prefix(h))
    }
    private var outputOffset: Int { n * h + (hidden.layer.biases == nil ? 0 : h) }

    private enum Part { case values, gradients, changes, output }

    /// Columns per heat cell: a shade glyph, the number, a gap; narrower when the panel is.
    private var cellWidth = 8
    private var matrixSize: (width: Int, height: Int) {
        (String(n).count + 2 + h * cellWidth, 1 + n + (hidden.layer.biases == nil ? 0 : 1))
    }
    private let outputWidth = 31
    private var outputHeight: Int { 1 + h + (output.layer.biases == nil ? 0 : 1) }

    private func size(_ part: Part) -> (width: Int, height: Int) {
        part == .output ? (outputWidth, outputHeight) : matrixSize
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let inner = area.inset(by: 1)
        var panel = self
        panel.cellWidth = 6
        // A column of margin on the left, unless the narrowest matrix needs it.
        let content = panel.matrixSize.width < inner.width
            ? Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height) : inner
        panel.cellWidth = 8
        while panel.cellWidth > 6, panel.matrixSize.width > content.width { panel.cellWidth -= 1 }
        panel.draw(in: content, area: area, into: &buffer)
    }

    private func draw(in content: Rect, area: Rect, into buffer: inout Buffer) {
        let inner = area.inset(by: 1)
        // The most parts that fit, in reading order: the hidden layer's values, the output layer,
        // then the hidden layer's gradients and changes.
        let choices: [[Part]] = [[.values, .output, .gradients, .changes], [.values, .output, .gradients],
                                 [.values, .output], [.output]]
        var placed: [(Part, Rect)] = []
        for parts in choices {
            if let layout = pack(parts, into: content) { placed = layout; break }
        }
        let listed = placed.isEmpty
        let dot = ascii ? "|" : "·"
        let title = placed.contains { $0.0 == .values } ? "Weights \(dot) hidden \(n)×\(h) \(dot) output \(h)"
            : "Weights \(dot) output layer"
        Block(title: title, kind: heavy ? .thick : .plain, borderStyle: style(.border), titleStyle: style(.title),
              glyphs: glyphs)
            .render(into: &buffer, area: area)
        guard inner.width >= 12, inner.height >= 2 else { return }
        if listed {
            // Not even the output layer's table fits: its values alone, in columns.
            buffer.write("output", x: content.x, y: content.y, style: style(.dimText))
            let names = (0..<h).map { sub("h", $0 + 1) } + (output.layer.biases == nil ? [] : ["b"])
            WeightsPanel.renderValueGrid(names: names, values: output.layer.weights + (output.layer.biases ?? []),
                                         style: signStyle, nameStyle: style(.text), more: style(.dimText),
                                         in: Rect(x: content.x, y: content.y + 1, width: content.width,
                                                  height: content.height - 1), into: &buffer)
            return
        }
        for (part, rect) in placed { draw(part, in: rect, into: &buffer) }
        if !placed.contains(where: { $0.0 == .values }), content.height > outputHeight + 1 {
            buffer.write("hidden layer: zoom 2", x: content.x, y: content.y + outputHeight + 1, style: style(.dimText),
                         clip: content)
        }
    }

    /// Shelves, left to right then down, two columns apart and a row between shelves; nil if they do not fit.
    private func pack(_ parts: [Part], into area: Rect) -> [(Part, Rect)]? {
        var result: [(Part, Rect)] = []
        var x = area.x, y = area.y, shelf = 0
        for part in parts {
            let (w, hgt) = size(part)
            if x > area.x, x + w > area.maxX {
                x = area.x
                y += shelf + 1
                shelf = 0
            }
            guard x + w <= area.maxX, y + hgt <= area.maxY else { return nil }
            result.append((part, Rect(x: x, y: y, width: w, height: hgt)))
            x += w + 2
            shelf = max(shelf, hgt)
        }
        return result
    }

    private func draw(_ part: Part, in rect: Rect, into buffer: inout Buffer) {
        switch part {
        case .values:
            drawMatrix("hidden", hidden.layer.weights, hidden.layer.biases, in: rect, into: &buffer)
        case .gradients:
            drawMatrix(ascii ? "dL/dw" : "∂L/∂w", hidden.weightGradient, hidden.biasGradient, in: rect, into: &buffer)
        case .changes:
            drawMatrix(ascii ? "change" : "Δ step", hiddenChanges, hiddenBiasChanges, in: rect, into: &buffer)
        case .output:
            drawOutput(in: rect, into: &buffer)
        }
    }

    /// Inputs down, hidden units across, then a row of biases: one heat cell per value.
    private func drawMatrix(_ title: String, _ values: [Double], _ biases: [Double]?, in rect: Rect,
                            into buffer: inout Buffer) {
        let labelWidth = String(n).count + 2
        buffer.write(title, x: rect.x, y: rect.y, style: style(.dimText))
        for j in 0..<h {
            let name = sub("h", j + 1)
            buffer.write(name, x: rect.x + labelWidth + j * cellWidth + cellWidth - 1 - name.count,
                         y: rect.y, style: style(.dimText))
        }
        let all = values + (biases ?? [])
        let largest = all.filter(\.isFinite).map(abs).max() ?? 0
        let rows = n + (biases == nil ? 0 : 1)
        for i in 0..<rows {
            let y = rect.y + 1 + i
            buffer.write(i < n ? sub("x", i + 1) : "b", x: rect.x, y: y, style: style(.text))
            for j in 0..<h {
                let value = i < n ? values[i * h + j] : (biases ?? [])[j]
                heatCell(value, largest: largest, x: rect.x + labelWidth + j * cellWidth, y: y, into: &buffer)
            }
        }
    }

    /// A value in `cellWidth − 1` columns: a shade glyph for its size against the largest in its
    /// matrix, the number, and (with colour) a background tinted by sign, stronger for larger values.
    private func heatCell(_ value: Double, largest: Double, x: Int, y: Int, into buffer: inout Buffer) {
        let size = largest > 0 && value.isFinite ? abs(value) / largest : 0
        let shades: [Character] = ascii ? [" ", ".", ":", "=", "#"] : [" ", "░", "▒", "▓", "█"]
        let shade = shades[min(Int(size * Double(shades.count - 1) + 0.5), shades.count - 1)]
        var look = signStyle(value)
        let ink = look.foreground
        if case .rgb = ink {
            var screen = theme.screenBackground
            if case .default = screen { screen = .rgb(16, 16, 16) }
            look.background = screen.mixed(with: ink, amount: 0.15 + 0.45 * size)
            look.foreground = (look.background.brightness ?? 0) > 0.55 ? .rgb(0, 0, 0) : .rgb(255, 255, 255)
        }
        buffer.set(x, y, shade, style: signStyle(value))
        buffer.write(DisplayFormat.signed(value, width: cellWidth - 1), x: x + 1, y: y, style: look)
    }

    private func signStyle(_ w: Double) -> Style {
        if !w.isFinite { return style(.warning) }
        if abs(w) < WeightGlyphs.nearZero { return style(.nearZeroWeight) }
        return style(w > 0 ? .positiveWeight : .negativeWeight)
    }

    /// hⱼ → ŷ and the output bias: value, change, gradient.
    private func drawOutput(in rect: Rect, into buffer: inout Buffer) {
        let header = style(.dimText)
        let columns = [rect.x + 4, rect.x + 13, rect.x + 22]
        buffer.write("output", x: rect.x, y: rect.y, style: header)
        buffer.write("value", x: columns[0] + 3, y: rect.y, style: header)
        buffer.write(ascii ? "change" : "Δ step", x: columns[1] + 2, y: rect.y, style: header)
        buffer.write(ascii ? "dL/dw" : "∂L/∂w", x: columns[2] + 3, y: rect.y, style: header)
        let weights = output.layer.weights + (output.layer.biases ?? [])
        let gradients = output.weightGradient + (output.biasGradient ?? [])
        for (j, value) in weights.enumerated() {
            let y = rect.y + 1 + j
            buffer.write(j < h ? sub("h", j + 1) : "b", x: rect.x, y: y, style: style(.text))
            buffer.write(DisplayFormat.signed(value, width: 8), x: columns[0], y: y, style: signStyle(value))
            let change = outputOffset + j < lastChange.count ? lastChange[outputOffset + j] : 0
            buffer.write(DisplayFormat.signed(change, width: 8), x: columns[1], y: y, style: style(.text))
            buffer.write(DisplayFormat.signed(gradients[j], width: 8), x: columns[2], y: y, style: style(.dimText))
        }
    }
}
