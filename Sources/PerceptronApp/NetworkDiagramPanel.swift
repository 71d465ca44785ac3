import TerminalUI

/// A network with one hidden layer, tracing the selected sample. The inputs head the columns;
/// each hidden unit is a row whose cells are its incoming edges (one per input: sign by colour and
/// glyph, size by weight of line, the value where it fits), then its activation, then its edge to
/// the output, where the rows meet in Σ → σ → ŷ as in the perceptron's diagram:
///
///         x₁ 0   x₂ 1   x₃ 1
///     h₁ ━+4.2━ ╍−3.1╍ ─+0.5─ ▶ 0.73 ━━ +3.21 ━━╮  z=+2.31
///     h₂ ╍−1.0╍ ━+2.2━ ┈+.01┈ ▶ 0.12 ╍╍ −1.97 ╍╍┼─▶ Σ ─▶ σ ─▶ ŷ 0.9841
///
/// Columns and rows that do not fit collapse into a labelled bundle (`x₉…x₂₀`, `h₅…h₁₆`).
struct NetworkDiagramPanel {
    var sample: Int
    var sampleCount: Int
    /// The selected sample's inputs (n values).
    var inputs: [Double]
    /// Input i → hidden unit j at `hiddenWeights[i * hiddenCount + j]`.
    var hiddenWeights: [Double]
    var hiddenCount: Int
    /// The hidden units' activations for the selected sample.
    var hiddenActivations: [Double]
    /// Hidden unit j → output.
    var outputWeights: [Double]
    var outputBias: Double?
    var outputZ: Double
    var prediction: Double
    var target: Double
    var theme: Theme
    var heavy: Bool
    /// Explain mode's phase, marking what it computes; nil outside explain mode.
    var highlight: NetworkHighlight?

    /// The selected sample through the current state's hidden and output layers.
    init(_ c: ViewContext) {
        let hidden = c.trace.layers[0], output = c.trace.layers[c.trace.layers.count - 1]
        let sample = c.state.selectedSample, h = hidden.layer.unitCount
        self.init(sample: sample, sampleCount: c.dataset.sampleCount, inputs: Array(c.dataset.row(sample)),
                  hiddenWeights: hidden.layer.weights, hiddenCount: h,
                  hiddenActivations: Array(hidden.activations[(sample * h)..<((sample + 1) * h)]),
                  outputWeights: output.layer.weights, outputBias: output.layer.biases?.first,
                  outputZ: output.z[sample], prediction: output.activations[sample], target: c.dataset.targets[sample],
                  theme: c.theme, heavy: c.heavy)
    }

    init(sample: Int, sampleCount: Int, inputs: [Double], hiddenWeights: [Double], hiddenCount: Int,
         hiddenActivations: [Double], outputWeights: [Double], outputBias: Double?, outputZ: Double,
         prediction: Double, target: Double, theme: Theme, heavy: Bool) {
        self.sample = sample
        self.sampleCount = sampleCount
        self.inputs = inputs
        self.hiddenWeights = hiddenWeights
        self.hiddenCount = hiddenCount
        self.hiddenActivations = hiddenActivations
        self.outputWeights = outputWeights
        self.outputBias = outputBias
        self.outputZ = outputZ
        self.prediction = prediction
        self.target = target
        self.theme = theme
        self.heavy = heavy
        self.highlight = nil
    }

    private var glyphs: GlyphSet { theme.glyphs }
    private var ascii: Bool { glyphs.isASCII }
    private func style(_ role: Role) -> Style { theme.style(role) }
    private var phase: ExplainPhase? { highlight?.phase }
    /// Backward and update colour a mark by its sign alone: no ≈0 band, gradients are small.
    private func signStyle(_ v: Double) -> Style {
        (v > 0 ? style(.positiveWeight) : v < 0 ? style(.negativeWeight) : style(.nearZeroWeight)).with(.underline)
    }

    private func weightStyle(_ w: Double) -> Style {
        if !w.isFinite { return style(.warning) }
        if abs(w) < WeightGlyphs.nearZero { return style(.nearZeroWeight) }
        return style(w > 0 ? .positiveWeight : .negativeWeight)
    }

    private func subscripted(_ letter: String, _ k: Int) -> String {
        letter + (ascii ? String(k) : DisplayFormat.subscriptDigits(k))
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let n = inputs.count, h = hiddenCount
        let title = "Network \(n)-\(h)-1 · sample \(sample + 1) of \(sampleCount)"
        let inner = Block(title: title, kind: heavy ? .thick : .plain, borderStyle: style(.border),
                          titleStyle: style(.title), glyphs: glyphs)
            .render(into: &buffer, area: area)
        guard inner.height >= 3, inner.width >= 30 else { return }

        // The output tail: the perceptron's when there is room, else a compact one.
        let labelWidth = String(h).count + 2
        let activationWidth = 7  // " ▶ 0.73"
        func room(tail: Int, edge: Int) -> Int { inner.width - 1 - labelWidth - activationWidth - edge - 1 - tail }
        let wanted = min(n, DiagramPanel.maxEdges)
        let wideTail = room(tail: 22, edge: 3) >= wanted * 5
        let tailWidth = wideTail ? 22 : 13
        // The output edges' values first (there are few of them), then the inputs' the room left allows.
        let outputEdge = room(tail: tailWidth, edge: 8) >= wanted * 3 ? 8 : 3
        let columnsRoom = room(tail: tailWidth, edge: outputEdge)
        // Input columns: as wide as fits (the value inside from 7 cells), at least 3 each, at most 8 of them.
        let fitting = max(1, min(n, DiagramPanel.maxEdges, columnsRoom / 3))
        let shown = fitting < n ? max(1, fitting - 1) : n
        let slots = shown < n ? shown + 1 : shown
        let segment = max(3, min(9, columnsRoom / max(1, slots)))
        let headerRows = segment >= 5 ? 1 : 2

        // Hidden rows: one each while they fit (spaced out when there is room), else a bundle.
        let rowsRoom = inner.height - headerRows
        let hiddenShown = h <= rowsRoom ? h : max(1, rowsRoom - 1)
        let rowCount = hiddenShown < h ? hiddenShown + 1 : h
        let spacing = rowsRoom >= 2 * rowCount + 1 ? 2 : 1
        let span = (rowCount - 1) * spacing + 1 + (spacing == 2 ? 1 : 0)
        let legend = rowsRoom - span >= 1
        // The block of headers and rows sits in the middle of the panel.
        let headerY = inner.y + max(0, rowsRoom - (legend ? 1 : 0) - span) / 2
        let firstRow = headerY + headerRows + (spacing == 2 ? 1 : 0)
        let rows = (0..<rowCount).map { firstRow + $0 * spacing }

        let labelX = inner.x + 1
        let columnsX = labelX + labelWidth
        let activationX = columnsX + slots * segment
        let junctionX = inner.maxX - tailWidth - 1
        let bus = style(.dimText)

        // Column headers: the input's name and its value for the selected sample.
        for k in 0..<slots {
            let x = columnsX + k * segment
            if k == shown {
                let name = subscripted("x", shown + 1) + (ascii ? ".." : "…")
                let full = name + subscripted("x", n)
                buffer.write(full.count < activationX - x ? full : name, x: x, y: headerY, style: style(.text))
                continue
            }
            let name = subscripted("x", k + 1)
            let value = DisplayFormat.compact(inputs[k], width: max(1, segment - name.count - 2))
            let valueStyle = phase == .forward && inputs[k] != 0 ? style(.highlight) : style(.title)
            if headerRows == 1 {
                var after = buffer.write(name, x: x, y: headerY, style: style(.text))
                after = buffer.write(" ", x: after, y: headerY)
                buffer.write(value, x: after, y: headerY, style: valueStyle, clip: Rect(x: x, y: headerY, width: segment - 1, height: 1))
            } else {
                buffer.write(name, x: x, y: headerY, style: style(.text))
                buffer.write(DisplayFormat.compact(inputs[k], width: segment - 1), x: x, y: headerY + 1, style: valueStyle)
            }
        }

        // The bus gathering the output edges.
        let centerIndex = (rowCount - 1) / 2
        let centerY = rowCount % 2 == 1 || spacing == 1 ? rows[centerIndex] : rows[centerIndex] + 1
        let top = rows[0], bottom = rows[rowCount - 1]
        for y in min(top, centerY)...max(bottom, centerY) { buffer.set(junctionX, y, ascii ? "|" : "│", style: bus) }

        for r in 0..<rowCount {
            let y = rows[r]
            if r == hiddenShown {
                // The units that do not fit: one row standing for them all.
                let name = subscripted("h", hiddenShown + 1) + (ascii ? ".." : "…") + subscripted("h", h)
                buffer.write(name, x: labelX, y: y, style: style(.text))
                let start = labelX + name.count + 1
                for x in start..<junctionX { buffer.set(x, y, ascii ? "~" : "═", style: bus) }
                let label = " \(h - hiddenShown) more units "
                if label.count + 2 <= junctionX - start {
                    buffer.write(label, x: start + (junctionX - start - label.count) / 2, y: y, style: bus)
                }
                buffer.set(junctionX, y, junction(y, centerY: centerY, top: top, bottom: bottom), style: bus)
                continue
            }
            buffer.write(subscripted("h", r + 1), x: labelX, y: y, style: style(.text))
            for k in 0..<slots {
                let x = columnsX + k * segment
                if k == shown {
                    for cx in x..<(x + segment - 1) { buffer.set(cx, y, ascii ? "~" : "═", style: bus) }
                    continue
                }
                let index = k * hiddenCount + r
                // Forward: an input of 0 adds nothing to the sum, so its edges fade.
                drawEdge(hiddenWeights[index], x: x, width: segment - 1, y: y, into: &buffer,
                         mark: highlight.flatMap { $0.marksEdges ? $0.hiddenEdges[index] : nil },
                         faded: phase == .forward && inputs[k] == 0)
            }
            // The unit's activation for this sample, coloured as ŷ is (by the side of 0.5 it is on);
            // backward, the sign of its dz1 instead: which way the loss pulls this unit's sum.
            let a = hiddenActivations[r]
            var ax = buffer.write(ascii ? " >" : " ▶", x: activationX - 1, y: y, style: bus)
            if phase == .backward, let dz = highlight?.hiddenDz[r] {
                let text = " " + (ascii ? "dz" : "∂z") + (highlight?.mark(dz, ascii: ascii) ?? "")
                ax = buffer.write(text + String(repeating: " ", count: max(0, 5 - text.count)), x: ax, y: y, style: signStyle(dz))
            } else {
                ax = buffer.write(" " + DisplayFormat.plain(a, width: 4), x: ax, y: y,
                                  style: phase == .forward ? style(.highlight) : style(a >= 0.5 ? .class1 : .class0))
            }
            drawEdge(outputWeights[r], x: ax + 1, width: junctionX - ax - 1, y: y, into: &buffer,
                     mark: highlight.flatMap { $0.marksEdges ? $0.outputEdges[r] : nil })
            buffer.set(junctionX, y, junction(y, centerY: centerY, top: top, bottom: bottom), style: bus)
        }
        if !rows.contains(centerY) {
            buffer.set(junctionX, centerY, ascii ? "+" : "├", style: bus)
        }
        drawTail(x: junctionX + 1, y: centerY, wide: wideTail, inner: inner, into: &buffer)

        if legend, let highlight, highlight.marksEdges {
            let items: [(String, Role)] = highlight.phase == .update
                ? [(ascii ? "^ grows" : "↑ grows", .positiveWeight), (ascii ? "  v shrinks" : "  ↓ shrinks", .negativeWeight),
                   ("  in this step", .dimText)]
                : [(ascii ? "+/- sign of dL/dw" : "+/− sign of ∂L/∂w", .dimText), (ascii ? "  dz: the unit's dz1" : "  ∂z: the unit's dz1", .dimText)]
            var lx = inner.x + 1
            for (text, role) in items { lx = buffer.write(text, x: lx, y: inner.maxY - 1, style: style(role), clip: inner) }
        } else if legend {
            let items: [(String, Role)] = ascii
                ? [("-= w>0", .positiveWeight), ("  .: w<0", .negativeWeight), ("  h: hidden unit", .dimText)]
                : [("─━ w>0", .positiveWeight), ("  ╌╍ w<0", .negativeWeight), ("  ┈ w≈0", .nearZeroWeight),
                   ("  h: hidden unit", .dimText)]
            var lx = inner.x + 1
            for (text, role) in items { lx = buffer.write(text, x: lx, y: inner.maxY - 1, style: style(role), clip: inner) }
        }
    }

    /// One edge: its glyph along `width` cells, its value in the middle when it fits. A `mark`
    /// (explain mode's gradient or change) takes the value's place: its sign always, with the
    /// value (∂+0.0022) when it fits.
    private func drawEdge(_ w: Double, x: Int, width: Int, y: Int, into buffer: inout Buffer, mark: Double? = nil,
                          faded: Bool = false) {
        guard width > 0 else { return }
        let edgeStyle = faded ? style(.dimText) : weightStyle(w)
        let glyph = WeightGlyphs.edge(w, glyphs)
        for cx in x..<(x + width) { buffer.set(cx, y, glyph, style: edgeStyle) }
        if let mark, let highlight {
            let sign = highlight.mark(mark, ascii: ascii)
            let valued = highlight.prefix(ascii: ascii) + DisplayFormat.signed(mark, width: 6).trimmingLeadingSpaces
            // In ASCII "-" is also a positive edge's glyph: a gap either side keeps such a sign apart.
            let label = width >= valued.count + 2 ? valued : sign
            let labelX = x + (width - label.count) / 2
            if label == String(glyph) {
                for cx in [labelX - 1, labelX + label.count] where cx >= x && cx < x + width { buffer.set(cx, y, " ") }
            }
            buffer.write(label, x: labelX, y: y, style: signStyle(mark))
            return
        }
        let digits = width >= 9 ? 6 : width >= 7 ? 5 : width - 1
        guard width >= 6 else { return }
        let label = DisplayFormat.signed(w, width: digits).trimmingLeadingSpaces
        buffer.write(label, x: x + (width - label.count + 1) / 2, y: y, style: edgeStyle)
    }

    private func junction(_ y: Int, centerY: Int, top: Int, bottom: Int) -> Character {
        if ascii { return "+" }
        let up = y > top, down = y < bottom, out = y == centerY
        switch (up, down, out) {
        case (false, true, false): return "╮"
        case (true, false, false): return "╯"
        case (true, true, false): return "┤"
        case (true, true, true): return "┼"
        case (false, true, true): return "┬"
        case (true, false, true): return "┴"
        default: return "─"
        }
    }

    /// Σ, σ and ŷ on the centre row; z above Σ, the output bias and the verdict below.
    private func drawTail(x: Int, y: Int, wide: Bool, inner: Rect, into buffer: inout Buffer) {
        let bus = style(.dimText)
        let arrow = ascii ? (wide ? "->" : ">") : (wide ? "─▶" : "▶")
        let gap = wide ? " " : ""
        var cursor = buffer.write(arrow + gap, x: x, y: y, style: bus)
        let sigmaX = cursor
        let forward = phase == .forward
        let outputs = forward || phase == .loss
        cursor = buffer.write(ascii ? "S" : "Σ", x: cursor, y: y, style: forward ? style(.highlight) : style(.title))
        cursor = buffer.write(gap + arrow + gap, x: cursor, y: y, style: bus)
        cursor = buffer.write(ascii ? "s" : "σ", x: cursor, y: y, style: forward ? style(.highlight) : style(.sigmoidCurve))
        cursor = buffer.write(gap + arrow + gap, x: cursor, y: y, style: bus)
        let outputX = cursor
        cursor = buffer.write(ascii ? "p " : "ŷ ", x: cursor, y: y, style: style(.text))
        buffer.write(DisplayFormat.compact(prediction, width: wide ? 6 : 5), x: cursor, y: y,
                     style: outputs ? style(.highlight) : style(prediction >= 0.5 ? .class1 : .class0), clip: inner)

        // Backward: the output unit's dz in z's place, where the chain rule starts.
        if phase == .backward, let dz = highlight?.outputDz {
            buffer.write((ascii ? "dz=" : "∂z=") + DisplayFormat.signed(dz, width: 6).trimmingLeadingSpaces,
                         x: wide ? sigmaX - 1 : x + 1, y: y - 1, style: signStyle(dz), clip: inner)
        } else {
            buffer.write("z=" + DisplayFormat.signed(outputZ, width: 6).trimmingLeadingSpaces, x: wide ? sigmaX - 1 : x + 1, y: y - 1,
                         style: style(.text), clip: inner)
        }
        if let b = outputBias, wide {
            if let highlight, highlight.marksEdges, let db = highlight.outputBias {
                buffer.write(highlight.prefix(ascii: ascii) + "b=" + DisplayFormat.signed(db, width: 6).trimmingLeadingSpaces,
                             x: sigmaX - 1, y: y + 1, style: signStyle(db), clip: inner)
            } else {
                buffer.write("b=" + DisplayFormat.signed(b, width: 6).trimmingLeadingSpaces, x: sigmaX - 1, y: y + 1,
                             style: weightStyle(b), clip: inner)
            }
        }
        let right = (prediction >= 0.5) == (target >= 0.5)
        var after = buffer.write("y ", x: wide ? outputX : sigmaX + 1, y: y + 1, style: style(.text), clip: inner)
        after = buffer.write(DisplayFormat.compact(target, width: 3), x: after, y: y + 1,
                             style: phase == .loss ? style(.highlight) : style(target >= 0.5 ? .class1 : .class0), clip: inner)
        buffer.write(" " + Verdict.glyph(right, glyphs), x: after, y: y + 1, style: style(right ? .correct : .wrong), clip: inner)
    }
}
