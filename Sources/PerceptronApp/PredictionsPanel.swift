import TerminalUI

/// Each sample: its inputs, y, ŷ, its term of the loss, and whether it is classified right.
enum PredictionsPanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let inner = c.box("Predictions", area: area, into: &buffer)
        guard inner.height >= 2 else { return }
        let n = c.dataset.inputCount, m = c.dataset.sampleCount
        let ascii = c.glyphs.isASCII
        let header = c.style(.dimText)
        // Columns: marker+#(4), inputs (4 each), y(4), ŷ(10), loss term(12), verdict, then a bar of ŷ.
        let inputsX = inner.x + 5
        let yX = inputsX + 4 * n + 1
        let predictionX = yX + 4
        let termX = predictionX + 11
        let verdictX = termX + 13
        let barX = verdictX + 9
        buffer.write("#", x: inner.x + 2, y: inner.y, style: header, clip: inner)
        for j in 0..<n {
            buffer.write("x" + (ascii ? String(j + 1) : DisplayFormat.subscriptDigits(j + 1)), x: inputsX + 4 * j + 1,
                         y: inner.y, style: header, clip: inner)
        }
        buffer.write("y", x: yX + 1, y: inner.y, style: header, clip: inner)
        buffer.write(ascii ? "p (pred)" : "ŷ (pred)", x: predictionX + 2, y: inner.y, style: header, clip: inner)
        buffer.write("loss term", x: termX + 3, y: inner.y, style: header, clip: inner)
        buffer.write("result", x: verdictX, y: inner.y, style: header, clip: inner)
        if barX + 10 <= inner.maxX {
            buffer.write(ascii ? "0 .. p .. 1" : "0 ─── ŷ ─── 1", x: barX, y: inner.y, style: header, clip: inner)
        }
        for i in 0..<m {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let selected = i == c.state.selectedSample
            let row = c.dataset.row(i)
            let target = c.dataset.targets[i], a = c.trace.predictions[i]
            if selected {
                buffer.write(ascii ? ">" : "▶", x: inner.x, y: y, style: c.style(.sampleMarker), clip: inner)
            }
            buffer.write(DisplayFormat.pad(String(i + 1), 3), x: inner.x + 1, y: y,
                         style: selected ? c.style(.highlight) : c.style(.text), clip: inner)
            for j in 0..<n {
                buffer.write(DisplayFormat.pad(DisplayFormat.compact(row[row.startIndex + j], width: 3), 3), x: inputsX + 4 * j, y: y,
                             style: c.style(.text), clip: inner)
            }
            buffer.write(DisplayFormat.pad(DisplayFormat.compact(target, width: 3), 3), x: yX, y: y, style: c.classStyle(target), clip: inner)
            buffer.write(DisplayFormat.plain(a, width: 8), x: predictionX, y: y, style: c.classStyle(a), clip: inner)
            // The sample's share of the loss, −[y·log ŷ + (1−y)·log(1−ŷ)]: how wrong it is.
            buffer.write(DisplayFormat.plain(-c.trace.lossTerms[i], width: 8), x: termX + 2, y: y,
                         style: c.style(.text), clip: inner)
            let right = (a >= 0.5) == (target >= 0.5)
            let verdict = Verdict.glyph(right, c.glyphs) + (right ? " right" : " wrong")
            buffer.write(verdict, x: verdictX, y: y, style: c.style(right ? .correct : .wrong), clip: inner)
            let barWidth = inner.maxX - barX
            if barWidth >= 10 { drawBar(a, target: target, x: barX, y: y, width: barWidth, c, &buffer) }
        }
    }

    /// ŷ on a 0…1 track: the mark's position is ŷ, its glyph the true label; the middle tick is 0.5.
    private static func drawBar(_ a: Double, target: Double, x: Int, y: Int, width: Int, _ c: ViewContext,
                                _ buffer: inout Buffer) {
        let track: Character = c.glyphs.isASCII ? "-" : "─"
        for i in 0..<width { buffer.set(x + i, y, track, style: c.style(.grid)) }
        buffer.set(x + (width - 1) / 2, y, c.glyphs.isASCII ? "|" : "┼", style: c.style(.grid))
        guard a.isFinite else { return }
        let position = x + Int((min(max(a, 0), 1) * Double(width - 1)).rounded())
        buffer.set(position, y, target >= 0.5 ? "1" : "0", style: c.classStyle(target).with(.bold))
    }
}

extension Style {
    func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
