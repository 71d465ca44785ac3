import TerminalUI

/// Every key of the key table, in a box over the middle of the screen: one column when it fits,
/// else two.
enum HelpOverlay {
    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let bindings = KeyMap.bindings
        let columnCount = bindings.count + 4 <= area.height ? 1 : 2
        let perColumn = (bindings.count + columnCount - 1) / columnCount
        let columnWidth = 38, keyWidth = 10
        let width = min(area.width, columnCount == 1 ? 60 : 2 * columnWidth + 2)
        let box = area.centered(width: width, height: min(area.height, perColumn + 4))
        let inner = Block(title: "Keys", borderStyle: c.style(.title), titleStyle: c.style(.title),
                          fillStyle: c.style(.background), glyphs: c.glyphs)
            .render(into: &buffer, area: box)
        for (i, binding) in bindings.enumerated() {
            let x = inner.x + 1 + (i / perColumn) * columnWidth
            let y = inner.y + 1 + i % perColumn
            let key = c.glyphs.isASCII ? binding.asciiLabel ?? binding.label : binding.label
            buffer.write(key, x: x, y: y, style: c.style(.keyHint), clip: inner)
            let clip = Rect(x: x + keyWidth, y: y, width: columnCount == 1 ? inner.maxX - x - keyWidth : columnWidth - keyWidth - 1,
                            height: 1).intersection(inner)
            buffer.write(binding.help, x: x + keyWidth, y: y, style: c.style(.text), clip: clip)
        }
    }
}
