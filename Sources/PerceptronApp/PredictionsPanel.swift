import TerminalUI

/// Each sample: its inputs, y, ŷ, its term of the loss, and whether it is classified right. With
/// more samples than fit, the table scrolls to keep the selected sample in view and a summary line
/// gives the accuracy, the mean loss and the worst-predicted samples.
enum PredictionsPanel {
    /// The rows the panel takes in the standard layout: every sample while they fit in its share of
    /// the screen (two fifths, at least 9 rows), else that share, scrolling.
    static func height(samples m: Int, available: Int) -> Int {
        min(m + 3, max(9, available * 2 / 5))
    }

    /// The first sample shown when `visible` rows show samples: the selected one kept in view,
    /// near the middle, without running past either end.
    static func firstVisible(selected: Int, visible: Int, count: Int) -> Int {
        guard count > visible, visible > 0 else { return 0 }
        return min(max(0, selected - visible / 2), count - visible)
    }

    /// Where each part of a row goes, for the inputs that fit.
    private struct Columns {
        var indexWidth: Int
        var inputWidth: Int
        var shownInputs: Int
        var elided: Bool
        var inputsX: Int
        var yX: Int
        /// The target column's width (3, or its name's length up to 8).
        var targetWidth: Int
        var predictionX: Int { yX + targetWidth + 1 }
        var termX: Int { predictionX + 11 }
        var verdictX: Int { termX + 13 }
        var barX: Int { verdictX + 9 }

        init(_ c: ViewContext, inner: Rect) {
            let dataset = c.dataset
            let n = dataset.inputCount
            indexWidth = max(3, String(dataset.sampleCount).count)
            // 0/1 tables (the built-in ones) in narrow columns; other numbers get room for "-12.5".
            let small = dataset.inputs.allSatisfy { $0 == $0.rounded() && abs($0) < 100 }
            inputWidth = small ? 4 : 7
            targetWidth = 3
            if let names = dataset.columnNames {
                // A file's column names, in full while they are short.
                inputWidth = max(inputWidth, min(9, (names.inputs.map(\.count).max() ?? 0) + 1))
                targetWidth = min(8, max(3, names.target.count))
            }
            inputsX = inner.x + 2 + indexWidth
            // Keep room for y, ŷ, the loss term and the verdict; elide inputs beyond.
            let room = max(0, inner.maxX - inputsX - 1 - (targetWidth + 34))
            if n * inputWidth <= room {
                shownInputs = n
                elided = false
            } else {
                shownInputs = max(0, (room - 2) / inputWidth)
                elided = true
            }
            yX = inputsX + inputWidth * shownInputs + (elided ? 2 : 0) + 1
        }
    }

    /// Which samples the table shows in `area`: `visible` of them from `first`, a summary line
    /// below them when `scrolling`.
    private static func rows(_ state: AppState, area: Rect) -> (first: Int, visible: Int, scrolling: Bool) {
        let m = state.trainer.dataset.sampleCount
        let scrolling = m > max(0, area.height - 3)
        let visible = scrolling ? max(0, area.height - 4) : m
        return (firstVisible(selected: state.selectedSample, visible: visible, count: m), visible, scrolling)
    }

    /// The row of sample `i` when the panel is drawn in `area`: under the box's top border and the header.
    private static func rowY(_ row: Int, area: Rect) -> Int { area.y + 2 + row }

    /// The sample whose row is at screen row `y` (the mouse), or nil for the header, border or summary.
    static func sample(atY y: Int, _ state: AppState, area: Rect) -> Int? {
        let (first, visible, scrolling) = rows(state, area: area)
        let row = y - rowY(0, area: area)
        guard row >= 0, row < visible, y < area.maxY - 1 - (scrolling ? 1 : 0) else { return nil }
        return first + row
    }

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let m = c.dataset.sampleCount
        let (first, visible, scrolling) = rows(c.state, area: area)
        var title = "Predictions"
        if scrolling, visible > 0 {
            title += " \(DisplayFormat.grouped(first + 1))–\(DisplayFormat.grouped(first + visible)) of \(DisplayFormat.grouped(m))"
        }
        let inner = c.box(title, area: area, into: &buffer)
        guard inner.height >= 2 else { return }
        let columns = Columns(c, inner: inner)
        renderHeader(c, columns, inner: inner, into: &buffer)
        for row in 0..<visible {
            let y = rowY(row, area: area)
            guard y < inner.maxY - (scrolling ? 1 : 0) else { break }
            renderSample(first + row, c, columns, y: y, inner: inner, into: &buffer)
        }
        if scrolling { renderSummary(c, y: inner.maxY - 1, inner: inner, into: &buffer) }
    }

    private static func renderHeader(_ c: ViewContext, _ columns: Columns, inner: Rect, into buffer: inout Buffer) {
        let ascii = c.glyphs.isASCII
        let header = c.style(.dimText)
        buffer.write("#", x: inner.x + columns.indexWidth - 1, y: inner.y, style: header, clip: inner)
        for j in 0..<columns.shownInputs {
            // Names right-aligned over their numbers.
            let name = c.inputLabel(j, width: columns.inputWidth - 1)
            let x = columns.inputsX + columns.inputWidth * j + max(0, columns.inputWidth - 1 - name.count)
            buffer.write(name, x: x, y: inner.y, style: header, clip: inner)
        }
        if columns.elided {
            buffer.write(ascii ? ".." : "…", x: columns.yX - 2, y: inner.y, style: header, clip: inner)
        }
        // A name right-aligned over its numbers; the built-in tables' y where it always was.
        if c.dataset.columnNames == nil {
            buffer.write("y", x: columns.yX + 1, y: inner.y, style: header, clip: inner)
        } else {
            buffer.write(DisplayFormat.pad(c.targetLabel(width: columns.targetWidth), columns.targetWidth), x: columns.yX, y: inner.y, style: header, clip: inner)
        }
        buffer.write(ascii ? "p (pred)" : "ŷ (pred)", x: columns.predictionX + 2, y: inner.y, style: header, clip: inner)
        buffer.write("loss term", x: columns.termX + 3, y: inner.y, style: header, clip: inner)
        buffer.write("result", x: columns.verdictX, y: inner.y, style: header, clip: inner)
        if columns.barX + 10 <= inner.maxX {
            buffer.write(ascii ? "0 .. p .. 1" : "0 ─── ŷ ─── 1", x: columns.barX, y: inner.y, style: header, clip: inner)
        }
    }

    private static func renderSample(_ i: Int, _ c: ViewContext, _ columns: Columns, y: Int, inner: Rect,
                                     into buffer: inout Buffer) {
        let ascii = c.glyphs.isASCII
        let selected = i == c.state.selectedSample
        let row = c.dataset.row(i)
        let target = c.dataset.targets[i], a = c.trace.predictions[i]
        if selected {
            buffer.write(ascii ? ">" : "▶", x: inner.x, y: y, style: c.style(.sampleMarker), clip: inner)
        }
        buffer.write(DisplayFormat.pad(String(i + 1), columns.indexWidth), x: inner.x + 1, y: y,
                     style: selected ? c.style(.highlight) : c.style(.text), clip: inner)
        let width = columns.inputWidth - 1
        for j in 0..<columns.shownInputs {
            buffer.write(DisplayFormat.pad(DisplayFormat.compact(row[row.startIndex + j], width: width), width),
                         x: columns.inputsX + columns.inputWidth * j, y: y, style: c.style(.text), clip: inner)
        }
        if columns.elided {
            buffer.write(ascii ? ".." : "…", x: columns.yX - 2, y: y, style: c.style(.dimText), clip: inner)
        }
        buffer.write(DisplayFormat.pad(DisplayFormat.compact(target, width: 3), columns.targetWidth), x: columns.yX, y: y,
                     style: c.classStyle(target), clip: inner)
        buffer.write(DisplayFormat.plain(a, width: 8), x: columns.predictionX, y: y, style: c.classStyle(a), clip: inner)
        // The sample's share of the loss, −[y·log ŷ + (1−y)·log(1−ŷ)]: how wrong it is.
        buffer.write(DisplayFormat.plain(c.trace.sampleLosses[i], width: 8), x: columns.termX + 2, y: y,
                     style: c.style(.text), clip: inner)
        let right = (a >= 0.5) == (target >= 0.5)
        let verdict = Verdict.glyph(right, c.glyphs) + (right ? " right" : " wrong")
        buffer.write(verdict, x: columns.verdictX, y: y, style: c.style(right ? .correct : .wrong), clip: inner)
        let barWidth = inner.maxX - columns.barX
        if barWidth >= 10 { drawBar(a, target: target, x: columns.barX, y: y, width: barWidth, c, &buffer) }
    }

    /// "accuracy 9,812/10,000 (98.1%)  mean loss 0.05230000  worst #17 #4,032 …": what the rows
    /// out of view add up to.
    private static func renderSummary(_ c: ViewContext, y: Int, inner: Rect, into buffer: inout Buffer) {
        let summary = Summary(targets: c.dataset.targets, predictions: c.trace.predictions, sampleLosses: c.trace.sampleLosses)
        let m = c.dataset.targets.count
        let percent = NumberFormat.fit(100 * Double(summary.right) / Double(m), width: 5)
        var x = inner.x + 1
        x = buffer.write("accuracy ", x: x, y: y, style: c.style(.dimText), clip: inner)
        x = buffer.write("\(DisplayFormat.grouped(summary.right))/\(DisplayFormat.grouped(m)) (\(percent)%)", x: x, y: y,
                          style: c.style(.text), clip: inner)
        x = buffer.write("  mean loss ", x: x, y: y, style: c.style(.dimText), clip: inner)
        x = buffer.write(DisplayFormat.loss(c.trace.loss), x: x, y: y, style: c.style(.text), clip: inner)
        guard !summary.worst.isEmpty, x + 10 < inner.maxX else { return }
        x = buffer.write("  worst", x: x, y: y, style: c.style(.dimText), clip: inner)
        for i in summary.worst {
            let label = " #" + DisplayFormat.grouped(i + 1)
            guard x + label.count <= inner.maxX else { break }
            x = buffer.write(label, x: x, y: y, style: c.style(.wrong), clip: inner)
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

/// How the whole table is doing: samples classified right, and the worst-predicted ones (largest
/// own loss, NaN first), worst first.
struct Summary: Equatable {
    var right: Int
    var worst: [Int]

    init(targets: [Double], predictions: [Double], sampleLosses: [Double], worstCount: Int = 5) {
        var right = 0
        var worst: [(index: Int, loss: Double)] = []
        for i in targets.indices {
            if (predictions[i] >= 0.5) == (targets[i] >= 0.5) { right += 1 }
            let loss = sampleLosses[i].isNaN ? Double.infinity : sampleLosses[i]
            // Keep the few largest as we go: O(m · worstCount), nothing sorted.
            if worst.count < worstCount || loss > worst[worst.count - 1].loss {
                var position = worst.count
                while position > 0, loss > worst[position - 1].loss { position -= 1 }
                worst.insert((i, loss), at: position)
                if worst.count > worstCount { worst.removeLast() }
            }
        }
        self.right = right
        self.worst = worst.map(\.index)
    }
}

extension Style {
    func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
