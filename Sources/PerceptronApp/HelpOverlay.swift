import TerminalUI

/// Every key of the key table and what the mouse does, in a box over the middle of the screen:
/// one column when it fits, else two.
enum HelpOverlay {
    /// A line of the box: a key or gesture with its help, a section's heading, or a gap.
    enum Line: Equatable {
        case entry(label: String, help: String)
        case heading(String)
        case gap
    }

    /// The keys, then the mouse under its own heading.
    static func lines(ascii: Bool) -> [Line] {
        KeyMap.bindings.map { .entry(label: ascii ? $0.asciiLabel ?? $0.label : $0.label, help: $0.help) }
            + [.gap, .heading("Mouse")]
            + KeyMap.mouse.map { .entry(label: $0.label, help: $0.help) }
    }

    /// `lines` split into `count` columns, top to bottom; a gap that would open a column is left out.
    static func columns(_ lines: [Line], count: Int) -> [[Line]] {
        let perColumn = (lines.count + count - 1) / count
        var columns: [[Line]] = [[]]
        for line in lines {
            if columns[columns.count - 1].count == perColumn { columns.append([]) }
            if line == .gap, columns[columns.count - 1].isEmpty { continue }
            columns[columns.count - 1].append(line)
        }
        return columns
    }

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        let lines = lines(ascii: c.glyphs.isASCII)
        let columnCount = lines.count + 4 <= area.height ? 1 : 2
        let columns = columns(lines, count: columnCount)
        let rows = columns.map(\.count).max() ?? 0
        // A blank row inside the border above and below, where the screen has the rows for it.
        let padding = rows + 4 <= area.height ? 1 : 0
        let columnWidth = 38, keyWidth = 10
        let width = min(area.width, columnCount == 1 ? 60 : 2 * columnWidth + 2)
        let box = area.centered(width: width, height: min(area.height, rows + 2 + 2 * padding))
        let inner = Block(title: "Keys and mouse", borderStyle: c.style(.title), titleStyle: c.style(.title),
                          fillStyle: c.style(.background), glyphs: c.glyphs)
            .render(into: &buffer, area: box)
        for (column, lines) in columns.enumerated() {
            let x = inner.x + 1 + column * columnWidth
            let right = columnCount == 1 ? inner.maxX : x + columnWidth - 1
            for (row, line) in lines.enumerated() {
                let y = inner.y + padding + row
                switch line {
                case .entry(let label, let help):
                    buffer.write(label, x: x, y: y, style: c.style(.keyHint), clip: inner)
                    let clip = Rect(x: x + keyWidth, y: y, width: right - x - keyWidth, height: 1).intersection(inner)
                    buffer.write(help, x: x + keyWidth, y: y, style: c.style(.text), clip: clip)
                case .heading(let text):
                    buffer.write(text, x: x, y: y, style: c.style(.title), clip: inner)
                case .gap:
                    break
                }
            }
        }
    }
}
