import TerminalUI

/// Projection mode (`p`, `--present`): the step, the loss and the parameters in big block digits,
/// and the loss plot in thick glyphs; the secondary panels are hidden (keys 1–6 still zoom them).
enum PresentationLayout {
    /// Returns the bottom band, whose border carries the key hints.
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) -> Rect {
        let parameters = c.trace.weightsBefore + [c.trace.biasBefore]
        let perRow = 2
        let parameterRows = (parameters.count + perRow - 1) / perRow
        // Five-row digits when there is room for them and a useful plot, three-row ones otherwise.
        let size: BigDigits.Size = area.height >= 5 + 2 + parameterRows * 6 + 2 + 10 ? .large : .small
        let digitRows = size.height
        let headline = digitRows + 2
        let parameterBand = parameterRows * (digitRows + 1) + 1
        let bands = area.split(.vertical, [.length(headline), .length(parameterBand), .fill(1)])
        let top = bands[0].split(.horizontal, [.percentage(40), .fill(1)])

        let stepInner = c.box("Step", area: top[0], into: &buffer)
        big(String(c.state.step), size, c.style(.title), stepInner, c, &buffer)
        let lossInner = c.box("Loss", area: top[1], into: &buffer)
        big(bigNumber(c.trace.loss, fitting: lossInner.width, size: size), size, c.style(.lossLine), lossInner, c, &buffer)

        let weightsInner = c.box("Weights", area: bands[1], into: &buffer)
        let columns = weightsInner.split(.horizontal, Array(repeating: .fill(1), count: perRow))
        for (i, value) in parameters.enumerated() {
            let column = columns[i % perRow]
            let y = weightsInner.y + (i / perRow) * (digitRows + 1)
            // A network's big numbers are its output layer's: the weight from each hidden unit.
            let name = i < parameters.count - 1 ? (c.trace.layers.count > 1 ? "h" : "w") + "\(i + 1)" : "b"
            buffer.write(name, x: column.x + 1, y: y + digitRows / 2, style: c.style(.text).with(.bold))
            let slot = Rect(x: column.x + 4, y: y, width: column.width - 5, height: digitRows)
            big(bigNumber(value, fitting: slot.width, size: size, signed: true), size, c.weightStyle(value), slot, c, &buffer)
        }
        LossPanel.render(c, area: bands[2], into: &buffer)
        return bands[2]
    }

    private static func big(_ text: String, _ size: BigDigits.Size, _ style: Style, _ area: Rect, _ c: ViewContext,
                            _ buffer: inout Buffer) {
        BigDigits(text, size: size, style: style, glyphs: c.glyphs).render(into: &buffer, area: area)
    }

    /// The most digits of `value` that fit `width` cells in big glyphs, with a plain ASCII sign.
    static func bigNumber(_ value: Double, fitting width: Int, size: BigDigits.Size, signed: Bool = false) -> String {
        var characters = 8
        while characters > 1 {
            var text = NumberFormat.fit(value, width: characters)
            if signed, value > 0, value.isFinite { text = "+" + text }
            if BigDigits.width(of: text) <= width { return text }
            characters -= 1
        }
        return NumberFormat.fit(value, width: 1)
    }
}
