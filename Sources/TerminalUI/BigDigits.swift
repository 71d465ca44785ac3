/// A number drawn in big block glyphs, for a headline readout such as the current loss.
///
/// The font is 3×5 pixels per glyph (narrower for `.`, `:` and space) with one blank column
/// between glyphs. `.small` packs two pixel rows into each cell with `▀ ▄ █` (3 rows tall);
/// `.large` uses one cell per pixel with `█` (5 rows tall). In ASCII, `.large` uses `#` and `.small`
/// uses `#` (both halves), `"` (top half) and `_` (bottom half).
///
/// Supported: digits, `.`, `,`, `-`, `+`, `e`/`E`, `:`, `%`, space and the letters of `NaN`,
/// `nan`, `inf`, `Inf`. Anything else is drawn as `?`.
public struct BigDigits: Widget, Hashable, Sendable {
    /// How tall the glyphs are.
    public enum Size: Hashable, Sendable {
        /// 3 rows, half blocks.
        case small
        /// 5 rows, full blocks.
        case large

        /// Rows the text occupies.
        public var height: Int { self == .small ? 3 : 5 }
    }

    /// The text to draw, e.g. `"0.6084"` or `"1.2e-5"`.
    public var text: String
    public var size: Size
    public var style: Style
    /// Where the text sits in the area's width when it is narrower.
    public var alignment: Alignment
    public var glyphs: GlyphSet

    public init(_ text: String, size: Size = .small, style: Style = .plain, alignment: Alignment = .left,
                glyphs: GlyphSet = .unicode) {
        self.text = text
        self.size = size
        self.style = style
        self.alignment = alignment
        self.glyphs = glyphs
    }

    /// The width in cells `text` takes in big glyphs (either size: they are equally wide).
    public static func width(of text: String) -> Int {
        let glyphs = text.map(pixels)
        guard !glyphs.isEmpty else { return 0 }
        return glyphs.reduce(0) { $0 + ($1.first?.count ?? 0) } + glyphs.count - 1
    }

    /// The width in cells this widget's text takes.
    public var width: Int { Self.width(of: text) }

    /// The rows of the rendered text (`size.height` of them, all `width(of:)` long, spaces where
    /// nothing is drawn).
    public static func lines(_ text: String, size: Size = .small, glyphs: GlyphSet = .unicode) -> [String] {
        // Compose the 5-row pixel image first, then turn it into characters.
        var image = Array(repeating: "", count: 5)
        for (i, character) in text.enumerated() {
            let glyph = pixels(character)
            for row in 0..<5 { image[row] += (i > 0 ? "." : "") + glyph[row] }
        }
        let rows = image.map { Array($0).map { $0 == "#" } }
        switch size {
        case .large:
            let on: Character = glyphs.isASCII ? "#" : "█"
            return rows.map { String($0.map { $0 ? on : " " }) }
        case .small:
            let (full, top, bottom): (Character, Character, Character) = glyphs.isASCII ? ("#", "\"", "_") : ("█", "▀", "▄")
            return (0..<3).map { cellRow in
                let upper = rows[cellRow * 2]
                let lower = cellRow * 2 + 1 < 5 ? rows[cellRow * 2 + 1] : Array(repeating: false, count: upper.count)
                return String(zip(upper, lower).map { u, l in u && l ? full : u ? top : l ? bottom : " " })
            }
        }
    }

    /// Draws the text from the area's top row; blank pixels leave the buffer as it was.
    public func render(into buffer: inout Buffer, area: Rect) {
        let clip = area.intersection(buffer.area)
        guard !clip.isEmpty else { return }
        let rendered = Self.lines(text, size: size, glyphs: glyphs)
        let startX = alignment.x(forWidth: Self.width(of: text), in: area)
        for (offset, line) in rendered.enumerated() {
            let y = area.y + offset
            guard y >= clip.y, y < clip.maxY else { continue }
            for (i, character) in line.enumerated() where character != " " {
                let x = startX + i
                if x >= clip.x, x < clip.maxX { buffer.set(x, y, character, style: style) }
            }
        }
    }

    /// The 5 pixel rows of one glyph, `#` for on and `.` for off.
    static func pixels(_ character: Character) -> [String] {
        font[character] ?? font["?"] ?? []
    }

    static let font: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        ".": [".", ".", ".", ".", "#"],
        ",": [".", ".", ".", "#", "#"],
        ":": [".", "#", ".", "#", "."],
        " ": [".", ".", ".", ".", "."],
        "-": ["...", "...", "###", "...", "..."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "?": ["###", "..#", ".##", "...", ".#."],
        "e": ["...", "###", "##.", "#..", "###"],
        "E": ["###", "#..", "###", "#..", "###"],
        "N": ["###", "#.#", "#.#", "#.#", "#.#"],
        "n": ["...", "##.", "#.#", "#.#", "#.#"],
        "a": ["...", "##.", ".##", "#.#", "###"],
        "A": ["###", "#.#", "###", "#.#", "#.#"],
        "i": [".#.", "...", "##.", ".#.", "###"],
        "I": ["###", ".#.", ".#.", ".#.", "###"],
        "f": [".##", "#..", "###", "#..", "#.."],
        "F": ["###", "#..", "###", "#..", "#.."],
    ]
}
