/// Words in big letters, 3 rows tall, for a slide title that must be read from the back of a hall.
///
/// Each glyph is 5 pixels tall (most 3 wide; M, N, W and a few symbols wider) with one blank
/// column between glyphs, packed two pixel rows to a cell with `▀ ▄ █` (in ASCII `"`, `_`, `#`), like
/// `BigDigits.small`, whose digits it shares. Lower-case letters are drawn as capitals; subscript
/// digits as digits. A character without a glyph is drawn as an empty box, so a missing glyph is
/// visible rather than silently dropped.
public struct BigText: Widget, Hashable, Sendable {
    /// Rows every line of big text takes.
    public static let height = 3

    public var text: String
    public var style: Style
    public var alignment: Alignment
    public var glyphs: GlyphSet

    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left, glyphs: GlyphSet = .unicode) {
        self.text = text
        self.style = style
        self.alignment = alignment
        self.glyphs = glyphs
    }

    /// The characters drawn with a glyph of their own (lower-case letters and subscript digits are
    /// folded onto these first).
    public static var supportedCharacters: Set<Character> { Set(font.keys) }

    /// Whether `character` has a glyph (after folding) rather than the fallback box.
    public static func supports(_ character: Character) -> Bool { font[fold(character)] != nil }

    /// The width in cells `text` takes in big letters.
    public static func width(of text: String) -> Int {
        let glyphs = text.map(pixels)
        guard !glyphs.isEmpty else { return 0 }
        return glyphs.reduce(0) { $0 + ($1.first?.count ?? 0) } + glyphs.count - 1
    }

    /// The rows of the rendered text (`height` of them, all `width(of:)` long, spaces where
    /// nothing is drawn).
    public static func lines(_ text: String, glyphs: GlyphSet = .unicode) -> [String] {
        var image = Array(repeating: "", count: 5)
        for (i, character) in text.enumerated() {
            let glyph = pixels(character)
            for row in 0..<5 { image[row] += (i > 0 ? "." : "") + glyph[row] }
        }
        let rows = image.map { Array($0).map { $0 == "#" } }
        let (full, top, bottom): (Character, Character, Character) = glyphs.isASCII ? ("#", "\"", "_") : ("█", "▀", "▄")
        return (0..<height).map { cellRow in
            let upper = rows[cellRow * 2]
            let lower = cellRow * 2 + 1 < 5 ? rows[cellRow * 2 + 1] : Array(repeating: false, count: upper.count)
            return String(zip(upper, lower).map { u, l in u && l ? full : u ? top : l ? bottom : " " })
        }
    }

    /// `text` broken at spaces into lines at most `width` cells wide in big letters; a word wider
    /// than that is cut between letters.
    public static func wrap(_ text: String, width: Int) -> [String] {
        // Not even one glyph fits: nothing sensible can be drawn.
        WordWrap.lines(text, width: width, measure: Self.width(of:)) ?? []
    }

    /// Draws the text from the area's top row; blank pixels leave the buffer as it was.
    public func render(into buffer: inout Buffer, area: Rect) {
        let clip = area.intersection(buffer.area)
        guard !clip.isEmpty else { return }
        let startX = alignment.x(forWidth: Self.width(of: text), in: area)
        for (offset, line) in Self.lines(text, glyphs: glyphs).enumerated() {
            let y = area.y + offset
            guard y >= clip.y, y < clip.maxY else { continue }
            for (i, character) in line.enumerated() where character != " " {
                let x = startX + i
                if x >= clip.x, x < clip.maxX { buffer.set(x, y, character, style: style) }
            }
        }
    }

    static func fold(_ character: Character) -> Character {
        if let folded = subscripts[character] { return folded }
        if character.isLowercase, character != "σ", let upper = character.uppercased().first,
           character.uppercased().count == 1, font[upper] != nil {
            return upper
        }
        return character
    }

    /// The 5 pixel rows of one glyph, `#` for on and `.` for off.
    static func pixels(_ character: Character) -> [String] {
        font[fold(character)] ?? box
    }

    static let box = ["####", "#..#", "#..#", "#..#", "####"]

    static let subscripts: [Character: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
    ]

    static let letters: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"],
        "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"],
        "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"],
        "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"],
        "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"],
        "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"],
        "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        "N": ["#..#", "##.#", "#.##", "#..#", "#..#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."],
        "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"],
        "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."],
        "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"],
        "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#...#", "#...#", "#.#.#", "##.##", "#...#"],
        "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."],
        "Z": ["###", "..#", ".#.", "#..", "###"],
    ]

    static let symbols: [Character: [String]] = [
        " ": [".", ".", ".", ".", "."],
        ".": [".", ".", ".", ".", "#"],
        ",": [".", ".", ".", "#", "#"],
        ":": [".", "#", ".", "#", "."],
        ";": [".", "#", ".", "#", "#"],
        "!": ["#", "#", "#", ".", "#"],
        "?": ["###", "..#", ".##", "...", ".#."],
        "'": ["#", "#", ".", ".", "."],
        "\"": ["#.#", "#.#", "...", "...", "..."],
        "-": ["...", "...", "###", "...", "..."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "=": ["...", "###", "...", "###", "..."],
        "×": ["...", "#.#", ".#.", "#.#", "..."],
        "·": [".", ".", "#", ".", "."],
        "(": [".#", "#.", "#.", "#.", ".#"],
        ")": ["#.", ".#", ".#", ".#", "#."],
        "/": ["..#", "..#", ".#.", "#..", "#.."],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "≈": ["....", ".#.#", "#.#.", ".#.#", "#.#."],
        "σ": ["....", ".###", "#.#.", "#.#.", ".#.."],
    ]

    static let font: [Character: [String]] = {
        var font = letters.merging(symbols) { letter, _ in letter }
        for digit in "0123456789" { font[digit] = BigDigits.font[digit] }
        return font
    }()
}
