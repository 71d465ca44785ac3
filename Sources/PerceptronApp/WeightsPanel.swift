import TerminalUI

/// w1…wn and b: value, the change the last step made, the gradient at this state, and a sparkline.
enum WeightsPanel {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        if c.trace.layers.count == 2 {
            NetworkWeightsPanel(c).render(into: &buffer, area: area)
            return
        }
        let inner = c.box("Weights", area: area, into: &buffer)
        guard inner.height >= 2, inner.width >= 20 else { return }
        let n = c.dataset.inputCount
        let ascii = c.glyphs.isASCII
        if n + 1 > inner.height - 1 {
            renderGrid(c, inner: inner, into: &buffer)
            return
        }
        // name(3) value(9) change(9) gradient(9), then the sparkline takes what is left.
        let numberWidth = inner.width >= 50 ? 10 : 8
        let columns = [inner.x, inner.x + 4, inner.x + 4 + numberWidth + 1, inner.x + 4 + 2 * (numberWidth + 1)]
        let sparkX = columns[3] + numberWidth + 2
        let header = c.style(.dimText)
        buffer.write("value", x: columns[1] + numberWidth - 5, y: inner.y, style: header, clip: inner)
        buffer.write(ascii ? "change" : "Δ step", x: columns[2] + numberWidth - 6, y: inner.y, style: header, clip: inner)
        buffer.write(ascii ? "dL/dw" : "∂L/∂w", x: columns[3] + numberWidth - 5, y: inner.y, style: header, clip: inner)
        if sparkX + 7 <= inner.maxX { buffer.write("history", x: sparkX, y: inner.y, style: header, clip: inner) }

        let values = c.trace.weightsBefore + [c.trace.biasBefore]
        let gradients = c.trace.weightGradient + [c.trace.biasGradient]
        // Spread the rows out when there is room, so a projected screen is easier to read.
        let spacing = inner.height - 1 >= 2 * (n + 1) ? 2 : 1
        for i in 0...n {
            let y = inner.y + 1 + i * spacing
            // With a hidden layer there may be fewer output weights than inputs.
            guard y < inner.maxY, i < values.count, i < c.state.lastChange.count,
                  i < c.state.parameterHistory.count else { break }
            let name = i < n ? "w" + (ascii ? String(i + 1) : DisplayFormat.subscriptDigits(i + 1)) : "b"
            buffer.write(name, x: columns[0] + 1, y: y, style: c.style(.text), clip: inner)
            buffer.write(DisplayFormat.signed(values[i], width: numberWidth), x: columns[1], y: y,
                         style: c.weightStyle(values[i]), clip: inner)
            buffer.write(DisplayFormat.signed(c.state.lastChange[i], width: numberWidth), x: columns[2], y: y,
                         style: c.style(.text), clip: inner)
            buffer.write(DisplayFormat.signed(gradients[i], width: numberWidth), x: columns[3], y: y,
                         style: c.style(.dimText), clip: inner)
            let sparkArea = Rect(x: sparkX, y: y, width: inner.maxX - sparkX, height: 1)
            if sparkArea.width >= 3 {
                Sparkline(values: c.state.parameterHistory[i].elements, style: c.weightStyle(values[i]),
                          gapStyle: c.style(.warning), glyphs: c.glyphs)
                    .render(into: &buffer, area: sparkArea)
            }
        }
    }

    /// More parameters than rows: every value, name and value only, in as many columns as it
    /// takes (the zoomed panel has room for the changes and gradients).
    private static func renderGrid(_ c: ViewContext, inner box: Rect, into buffer: inout Buffer) {
        let ascii = c.glyphs.isASCII
        let values = c.trace.weightsBefore + [c.trace.biasBefore]
        let names = values.indices.map { i in
            i < values.count - 1 ? "w" + (ascii ? String(i + 1) : DisplayFormat.subscriptDigits(i + 1)) : "b"
        }
        let inner = Rect(x: box.x + 1, y: box.y, width: box.width - 1, height: box.height)
        renderValueGrid(names: names, values: values, style: c.weightStyle, nameStyle: c.style(.text), more: c.style(.dimText),
                        in: inner, into: &buffer)
    }

    /// Names and values in columns, top to bottom then left to right, the numbers as wide as lets
    /// them all fit (down to 5 characters); if they still do not, the last cell says how many are left.
    static func renderValueGrid(names: [String], values: [Double], style: (Double) -> Style, nameStyle: Style, more: Style,
                                in inner: Rect, into buffer: inout Buffer) {
        guard inner.height > 0, !values.isEmpty else { return }
        let nameWidth = names.map(\.count).max() ?? 1
        let rows = inner.height
        let columnsNeeded = (values.count + rows - 1) / rows
        var numberWidth = 9
        while numberWidth > 5, columnsNeeded * (nameWidth + 1 + numberWidth + 2) > inner.width + 2 { numberWidth -= 1 }
        let cellWidth = nameWidth + 1 + numberWidth + 2
        let columns = max(1, (inner.width + 2) / cellWidth)
        let capacity = columns * rows
        for (i, value) in values.enumerated() {
            let x = inner.x + (i / rows) * cellWidth, y = inner.y + i % rows
            if capacity < values.count, i == capacity - 1 {
                buffer.write("+\(values.count - i) more", x: x, y: y, style: more, clip: inner)
                break
            }
            buffer.write(names[i], x: x, y: y, style: nameStyle, clip: inner)
            buffer.write(DisplayFormat.signed(value, width: numberWidth), x: x + nameWidth + 1, y: y,
                         style: style(value), clip: inner)
        }
    }
}
