/// How many colours ANSI output may use.
public enum ColorMode: Hashable, Sendable, CaseIterable {
    /// 24-bit colour: `38;2;r;g;b` / `48;2;r;g;b`.
    case trueColor
    /// The xterm 256-colour palette: `38;5;n` / `48;5;n` (nearest index, see `Color.xterm256Index`).
    case palette256
    /// The 8 basic colours: `30+n` / `40+n` (nearest, see `Color.ansi8Index`).
    case palette8
    /// No colour codes at all; attributes (bold, dim, italic, underline, reverse) only.
    case none
}

extension Style {
    /// The SGR parameters for this style, without the leading reset: e.g. `1;38;2;86;180;233`.
    /// Empty for a style that looks plain in `mode`. Order: attributes (1, 2, 3, 4, 7), foreground,
    /// background.
    public func sgrParameters(_ mode: ColorMode) -> String {
        var parts: [String] = []
        if attributes.contains(.bold) { parts.append("1") }
        if attributes.contains(.dim) { parts.append("2") }
        if attributes.contains(.italic) { parts.append("3") }
        if attributes.contains(.underline) { parts.append("4") }
        if attributes.contains(.reverse) { parts.append("7") }
        if let fg = Self.sgrColor(foreground, mode: mode, base: 30) { parts.append(fg) }
        if let bg = Self.sgrColor(background, mode: mode, base: 40) { parts.append(bg) }
        return parts.joined(separator: ";")
    }

    private static func sgrColor(_ color: Color, mode: ColorMode, base: Int) -> String? {
        guard case .rgb(let r, let g, let b) = color else { return nil }
        switch mode {
        case .trueColor: return "\(base + 8);2;\(r);\(g);\(b)"
        case .palette256: return "\(base + 8);5;\(Color.xterm256Index(red: r, green: g, blue: b))"
        case .palette8: return "\(base + Int(Color.ansi8Index(red: r, green: g, blue: b)))"
        case .none: return nil
        }
    }
}

extension Buffer {
    /// The frame as plain text: each row with trailing spaces trimmed, rows joined by `\n`
    /// (no final newline).
    public var plainText: String {
        lines.map { line in
            var row = Substring(line)
            while row.last == " " { row = row.dropLast() }
            return String(row)
        }.joined(separator: "\n")
    }

    /// The frame as text with ANSI SGR escapes, rows joined by `\n` (no final newline).
    ///
    /// Each row starts in the plain style. An escape is written only where the effective style
    /// (as `mode` can show it) changes, always as a full reset plus the new style
    /// (`ESC[0;1;38;5;74m`, or `ESC[0m` back to plain). A row that ends styled ends with `ESC[0m`.
    /// Trailing blanks that look plain are dropped. The output is deterministic byte for byte.
    public func ansiText(colorMode mode: ColorMode) -> String {
        var output = ""
        for row in 0..<height {
            if row > 0 { output += "\n" }
            let cells = (0..<width).map { self[$0, row] }.filter { !$0.isContinuation }
            let parameters = cells.map { $0.style.sgrParameters(mode) }
            var end = cells.count
            while end > 0, cells[end - 1].character == " ", parameters[end - 1].isEmpty { end -= 1 }
            var current = ""
            for column in 0..<end {
                let wanted = parameters[column]
                if wanted != current {
                    output += wanted.isEmpty ? "\u{1B}[0m" : "\u{1B}[0;\(wanted)m"
                    current = wanted
                }
                output.append(cells[column].character)
            }
            if !current.isEmpty { output += "\u{1B}[0m" }
        }
        return output
    }

    /// A readable dump for snapshot tests (after ratatui's `Buffer` debug form): every row quoted,
    /// then `styles:` and one entry per cell (row by row) where the style differs from the cell
    /// before it (the first cell is compared with the plain style), e.g.
    ///
    ///     "┌ Loss ─┐"
    ///     "└───────┘"
    ///     styles:
    ///     x=0 y=0 fg=#56B4E9
    ///     x=2 y=0 fg=#E69F00 bold
    ///     x=6 y=0 fg=#56B4E9
    public var styleDump: String {
        var out = lines.map { "\"\($0)\"" }
        out.append("styles:")
        var previous = Style.plain
        for row in 0..<height {
            for column in 0..<width {
                let style = self[column, row].style
                if style != previous {
                    out.append("x=\(column) y=\(row) \(style.dumpDescription)")
                    previous = style
                }
            }
        }
        return out.joined(separator: "\n")
    }
}

extension Style {
    /// A short description for dumps: `fg=#RRGGBB bg=#RRGGBB bold|underline`, leaving out default
    /// colours and empty attributes; `plain` for the plain style.
    public var dumpDescription: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg=\(foreground)") }
        if background != .default { parts.append("bg=\(background)") }
        let names: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.italic, "italic"),
                                             (.underline, "underline"), (.reverse, "reverse")]
        let set = names.filter { attributes.contains($0.0) }.map(\.1)
        if !set.isEmpty { parts.append(set.joined(separator: "|")) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
