/// A frame as HTML or SVG text, for handouts and slides made in other tools: every character kept
/// as selectable text, in the cells' colours. Colours the cells leave to the terminal (`default`)
/// take `foreground` and `background`.
extension Buffer {
    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML and XML text and attributes.
    public static func escapeMarkup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The colours a cell shows: reverse swaps them, defaults are filled in.
    private func shownColors(_ style: Style, foreground: Color, background: Color) -> (String, String) {
        var fg = style.foreground == .default ? foreground : style.foreground
        var bg = style.background == .default ? background : style.background
        if style.attributes.contains(.reverse) { swap(&fg, &bg) }
        return (Self.hex(fg), Self.hex(bg))
    }

    static func hex(_ color: Color) -> String {
        guard case .rgb(let r, let g, let b) = color else { return "inherit" }
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }

    /// Runs of cells in one style on row `y`: (first column, text, style); continuations of wide
    /// characters are skipped (the character takes both columns).
    private func runs(_ y: Int) -> [(x: Int, text: String, style: Style)] {
        var result: [(x: Int, text: String, style: Style)] = []
        for x in 0..<width {
            let cell = self[x, y]
            if cell.isContinuation { continue }
            if var last = result.last, last.style == cell.style {
                last.text.append(cell.character)
                result[result.count - 1] = last
            } else {
                result.append((x, String(cell.character), cell.style))
            }
        }
        return result
    }

    /// The frame as one `<pre>` of `<span>`s with inline styles (no classes, no scripts), rows
    /// separated by newlines.
    public func html(foreground: Color, background: Color) -> String {
        var out = "<pre class=\"frame\" style=\"background:\(Self.hex(background));color:\(Self.hex(foreground))\">"
        for y in 0..<height {
            if y > 0 { out += "\n" }
            for run in runs(y) {
                let (fg, bg) = shownColors(run.style, foreground: foreground, background: background)
                var css = "color:\(fg);background:\(bg)"
                let a = run.style.attributes
                if a.contains(.bold) { css += ";font-weight:bold" }
                if a.contains(.dim) { css += ";opacity:0.7" }
                if a.contains(.italic) { css += ";font-style:italic" }
                if a.contains(.underline) { css += ";text-decoration:underline" }
                if !run.text.allSatisfy(\.isASCII) {
                    // Braille, blocks and box lines may come from a fallback font of another
                    // width: the run keeps exactly its cells, so the grid holds.
                    css += ";display:inline-block;width:\(run.text.map(\.columnWidth).reduce(0, +))ch;overflow:hidden;vertical-align:top"
                }
                out += "<span style=\"\(css)\">\(Self.escapeMarkup(run.text))</span>"
            }
        }
        return out + "</pre>"
    }

    /// The frame as an SVG image: a rectangle behind each run and its text in a `<text>` element
    /// stretched to the run's cells, so the grid holds in any monospace font.
    public func svg(foreground: Color, background: Color, cellWidth: Double = 8.4, cellHeight: Double = 17) -> String {
        func number(_ v: Double) -> String {
            let r = (v * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        let w = number(Double(width) * cellWidth), h = number(Double(height) * cellHeight)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
            + "font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\">\n"
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(Self.hex(background))\"/>\n"
        for y in 0..<height {
            for run in runs(y) {
                let (fg, bg) = shownColors(run.style, foreground: foreground, background: background)
                let columns = run.text.map(\.columnWidth).reduce(0, +)
                let x = number(Double(run.x) * cellWidth), top = number(Double(y) * cellHeight)
                let length = number(Double(columns) * cellWidth)
                if bg != Self.hex(background) {
                    out += "<rect x=\"\(x)\" y=\"\(top)\" width=\"\(length)\" height=\"\(number(cellHeight))\" fill=\"\(bg)\"/>\n"
                }
                guard run.text.contains(where: { $0 != " " }) else { continue }
                var attributes = ""
                let a = run.style.attributes
                if a.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if a.contains(.dim) { attributes += " opacity=\"0.7\"" }
                if a.contains(.italic) { attributes += " font-style=\"italic\"" }
                if a.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                let baseline = number(Double(y) * cellHeight + cellHeight * 0.78)
                out += "<text x=\"\(x)\" y=\"\(baseline)\" fill=\"\(fg)\" textLength=\"\(length)\" "
                    + "lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\"\(attributes)>\(Self.escapeMarkup(run.text))</text>\n"
            }
        }
        return out + "</svg>"
    }
}
