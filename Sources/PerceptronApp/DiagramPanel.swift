import TerminalUI

/// The perceptron as a graph, tracing the selected sample: inputs → weighted edges → Σ (+ b) → σ → ŷ.
///
///      x₁ 0 ╌╌╌ −0.17 ╌╌╌╮  z=+0.44
///      x₂ 1 ─── +0.44 ───┼─▶ Σ ─▶ σ ─▶ ŷ 0.6084
///      x₃ 0 ╍╍╍ −1.00 ╍╍╍╯  b=+0.00      y 0 ✗
enum DiagramPanel {
    /// The most inputs drawn with an edge each.
    static let maxEdges = 8

    static func inputName(_ j: Int, ascii: Bool) -> String {
        "x" + (ascii ? String(j + 1) : DisplayFormat.subscriptDigits(j + 1))
    }

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer, highlight: DiagramHighlight? = nil) {
        // While the quiz asks which way each weight moves, the update's marks would give the answers away.
        let highlight = c.state.quizIsAsking ? nil : highlight
        if c.trace.layers.count == 2 {
            var network = NetworkDiagramPanel(c)
            network.highlight = highlight.map { NetworkHighlight(phase: $0.phase, c) }
            network.render(into: &buffer, area: area)
            return
        }
        let m = c.dataset.sampleCount, n = c.dataset.inputCount
        let sample = c.state.selectedSample
        let inner = c.box("Perceptron · sample \(sample + 1) of \(m)", area: area, into: &buffer)
        let ascii = c.glyphs.isASCII
        let prediction = c.trace.predictions[sample], target = c.dataset.targets[sample]
        // The centre row after the bus, "─▶ Σ ─▶ σ ─▶ ŷ 0.6084", measured in columns, so the bus
        // stands where this row needs it and the row never runs into the border. The ASCII names
        // are as wide as the Greek ones (σ is "s", as in the sigmoid panel's "s(z)"), so the
        // ASCII diagram has the Unicode one's layout.
        let arrow = ascii ? "->" : "─▶"
        let (sum, activation, output) = ascii ? ("S", "s", "p ") : ("Σ", "σ", "ŷ ")
        let predictionText = DisplayFormat.compact(prediction, width: 6)
        let tailWidth = [arrow, " ", sum, " ", arrow, " ", activation, " ", arrow, " ", output, predictionText]
            .map(\.columnWidth).reduce(1, +)
        guard inner.height >= 3, inner.width >= tailWidth + 16 else { return }
        // Up to 8 inputs get an edge each (as many as there are rows for); the rest share one
        // labelled bundle, and the weights panel has every value.
        let edgeRows = n <= min(maxEdges, inner.height) ? n : max(1, min(maxEdges, inner.height - 1))
        let count = edgeRows < n ? edgeRows + 1 : n
        let showLegend = inner.height >= count * 2
        let usable = showLegend ? inner.height - 1 : inner.height
        let rows = (0..<count).map { inner.y + (2 * $0 + 1) * usable / (2 * count) }
        let centerY = inner.y + (usable - 1) / 2
        let names = (0..<edgeRows).map { inputName($0, ascii: ascii) }
        let bundleName = edgeRows < n ? inputName(edgeRows, ascii: ascii) + (ascii ? ".." : "…") + inputName(n - 1, ascii: ascii) : ""
        let x = c.dataset.row(sample)
        let values = (0..<edgeRows).map { DisplayFormat.compact(x[x.startIndex + $0], width: 3) }
        let nameWidth = names.map(\.columnWidth).max() ?? 0
        let labelX = inner.x + 1
        let edgeX = labelX + nameWidth + 1 + (values.map(\.columnWidth).max() ?? 0) + 1
        let junctionX = inner.maxX - tailWidth - 1
        let bus = c.style(.dimText)

        // The bus that gathers the edges into Σ.
        let top = min(rows.first!, centerY), bottom = max(rows.last!, centerY)
        for y in top...bottom { buffer.set(junctionX, y, ascii ? "|" : "│", style: bus) }

        for j in 0..<count {
            let y = rows[j]
            defer {
                buffer.set(junctionX, y, junction(y: y, centerY: centerY, top: top, bottom: bottom, input: true, ascii: ascii),
                           style: bus)
            }
            if j == edgeRows {
                let start = min(max(edgeX, labelX + bundleName.columnWidth + 1), junctionX)
                buffer.write(bundleName, x: labelX, y: y, style: c.style(.text), clip: inner)
                for ex in start..<junctionX { buffer.set(ex, y, ascii ? "~" : "═", style: bus) }
                let label = " \(n - edgeRows) weights "
                if label.columnWidth + 2 <= junctionX - start {
                    buffer.write(label, x: start + (junctionX - start - label.columnWidth) / 2, y: y, style: bus, clip: inner)
                }
                continue
            }
            let w = c.trace.weightsBefore[j]
            buffer.write(names[j], x: labelX, y: y, style: c.style(.text), clip: inner)
            buffer.write(values[j], x: labelX + nameWidth + 1, y: y, style: c.style(.title), clip: inner)
            let edgeStyle = c.weightStyle(w)
            let glyph = WeightGlyphs.edge(w, c.glyphs)
            for ex in edgeX..<junctionX { buffer.set(ex, y, glyph, style: edgeStyle) }
            let shown = highlight?.label(j) ?? (DisplayFormat.signed(w, width: 6).trimmingLeadingSpaces,
                                                 highlight?.emphasizesEdge(j) == true ? c.style(.highlight) : edgeStyle)
            let label = " " + shown.text + " "
            if label.columnWidth + 2 <= junctionX - edgeX {
                buffer.write(label, x: edgeX + (junctionX - edgeX - label.columnWidth) / 2, y: y, style: shown.style, clip: inner)
            }
        }
        if !rows.contains(centerY) {
            buffer.set(junctionX, centerY,
                       junction(y: centerY, centerY: centerY, top: top, bottom: bottom, input: false, ascii: ascii),
                       style: bus)
        }

        // Σ, σ and the output, on the centre row.
        var cursor = junctionX + 1
        cursor = buffer.write(arrow + " ", x: cursor, y: centerY, style: bus, clip: inner)
        let sigmaX = cursor
        cursor = buffer.write(sum, x: cursor, y: centerY, style: highlight?.node(.sum) ?? c.style(.title), clip: inner)
        cursor = buffer.write(" " + arrow + " ", x: cursor, y: centerY, style: bus, clip: inner)
        cursor = buffer.write(activation, x: cursor, y: centerY, style: highlight?.node(.sigmoid) ?? c.style(.sigmoidCurve), clip: inner)
        cursor = buffer.write(" " + arrow + " ", x: cursor, y: centerY, style: bus, clip: inner)
        let outputX = cursor
        cursor = buffer.write(output, x: cursor, y: centerY, style: c.style(.text), clip: inner)
        buffer.write(predictionText, x: cursor, y: centerY, style: highlight?.node(.output) ?? c.classStyle(prediction), clip: inner)

        // z above Σ, the bias below it; the target and the verdict below ŷ.
        buffer.write("z=" + DisplayFormat.signed(c.trace.z[sample], width: 6).trimmingLeadingSpaces,
                     x: sigmaX - 1, y: centerY - 1, style: c.style(.text), clip: inner)
        let b = c.trace.biasBefore
        let biasLabel = highlight?.label(n).map { ($0.text.prefix(1) + "b=" + $0.text.dropFirst(), $0.style) }
            ?? ("b=" + DisplayFormat.signed(b, width: 6).trimmingLeadingSpaces, c.weightStyle(b))
        buffer.write(biasLabel.0, x: sigmaX - 1, y: centerY + 1, style: biasLabel.1, clip: inner)
        let right = (prediction >= 0.5) == (target >= 0.5)
        var after = buffer.write("y ", x: outputX, y: centerY + 1, style: c.style(.text), clip: inner)
        after = buffer.write(DisplayFormat.compact(target, width: 3), x: after, y: centerY + 1,
                             style: highlight?.node(.target) ?? c.classStyle(target), clip: inner)
        buffer.write(" " + Verdict.glyph(right, c.glyphs), x: after, y: centerY + 1,
                     style: c.style(right ? .correct : .wrong), clip: inner)

        if showLegend {
            let legend: [(String, Role)] = ascii
                ? [("-= w>0", .positiveWeight), ("  .: w<0", .negativeWeight), ("  thick: |w|>=1.5", .dimText)]
                : [("─━ w>0", .positiveWeight), ("  ╌╍ w<0", .negativeWeight), ("  ┈ w≈0", .nearZeroWeight),
                   ("  thick |w|≥1.5", .dimText)]
            var lx = inner.x + 1
            for (text, role) in legend { lx = buffer.write(text, x: lx, y: inner.maxY - 1, style: c.style(role), clip: inner) }
        }
    }

    private static func junction(y: Int, centerY: Int, top: Int, bottom: Int, input: Bool, ascii: Bool) -> Character {
        if ascii { return "+" }
        let up = y > top, down = y < bottom, out = y == centerY
        switch (input, up, down, out) {
        case (true, false, true, false): return "╮"
        case (true, true, false, false): return "╯"
        case (true, true, true, false): return "┤"
        case (true, true, true, true): return "┼"
        case (true, false, true, true): return "┬"
        case (true, true, false, true): return "┴"
        case (true, false, false, _): return "─"
        case (false, true, true, true): return "├"
        default: return "│"
        }
    }
}

/// ✓ or ✗ (ok / NO in ASCII): whether a sample is classified right (ŷ ≥ 0.5 exactly when y = 1).
enum Verdict {
    static func glyph(_ right: Bool, _ glyphs: GlyphSet) -> String {
        glyphs.isASCII ? (right ? "ok" : "NO") : (right ? "✓" : "✗")
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
