/// Words in large letters, 2 rows tall, for a lesson's caption that must be read from the back of
/// a hall: a few lines of running text twice as tall as the terminal's own.
///
/// Each glyph is 4 pixels tall and mostly 3 or 4 wide, with one blank pixel column between glyphs,
/// packed two by two into cells with the quadrant blocks `▘ ▝ ▖ ▗ ▀ ▄ ▌ ▐ ▚ ▞ ▛ ▜ ▙ ▟ █`. A pixel
/// is half a cell wide and half a cell tall, so a glyph four pixels wide has the proportions of
/// ordinary text at twice its size, and twice as many letters fit a line as with `BigText`'s
/// square pixels. ASCII has nothing for a quarter of a cell, so there a pixel is a whole cell
/// wide, drawn with `#`, `"` and `_` like `BigText`'s, and the text twice as wide: a caller asks
/// `width(of:glyphs:)` for the set it draws with. Lower-case letters are drawn as capitals,
/// subscript digits as digits. A character
/// without a glyph keeps its own form at ordinary size, on the glyphs' lower row (their baseline)
/// in cells of its own, so it is small but never lost.
public struct LargeText: Widget, Hashable, Sendable {
    /// Rows every line of large text takes.
    public static let height = 2

    public var text: String
    public var style: Style
    public var glyphs: GlyphSet

    public init(_ text: String, style: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.text = text
        self.style = style
        self.glyphs = glyphs
    }

    /// The characters drawn with a glyph of their own (lower-case letters and subscript digits are
    /// folded onto these first).
    public static var supportedCharacters: Set<Character> { Set(font.keys) }

    /// Whether `character` has a glyph (after folding) rather than being drawn at ordinary size.
    public static func supports(_ character: Character) -> Bool { font[fold(character)] != nil }

    /// The width in cells `text` takes in large letters drawn with `glyphs`.
    public static func width(of text: String, glyphs: GlyphSet = .unicode) -> Int { Composition(text, glyphs).width }

    /// The two rows of the rendered text, each `width(of:)` columns wide (spaces where nothing is
    /// drawn; a character without a glyph as itself on the lower row).
    public static func lines(_ text: String, glyphs: GlyphSet = .unicode) -> [String] {
        let composition = Composition(text, glyphs)
        return (0..<height).map { row in
            var line = ""
            var x = 0
            while x < composition.width {
                if let own = composition.ownCharacters[x] {
                    let columns = max(1, own.columnWidth)
                    line += row == height - 1 && own.columnWidth > 0 ? String(own) : String(repeating: " ", count: columns)
                    x += columns
                } else {
                    line.append(composition.cell(x, row))
                    x += 1
                }
            }
            return line
        }
    }

    /// `text` broken at spaces into lines at most `width` cells wide in large letters; a word wider
    /// than that is cut between letters. nil when even one character is wider than `width`, so
    /// a caller never shows part of the text as if it were all of it.
    public static func wrap(_ text: String, width: Int, glyphs: GlyphSet = .unicode) -> [String]? {
        WordWrap.lines(text, width: width) { Self.width(of: $0, glyphs: glyphs) }
    }

    /// Draws the text from the area's top-left corner; blank pixels leave the buffer as it was.
    public func render(into buffer: inout Buffer, area: Rect) {
        let clip = area.intersection(buffer.area)
        guard !clip.isEmpty else { return }
        let composition = Composition(text, glyphs)
        for row in 0..<Self.height {
            let y = area.y + row
            guard y >= clip.y, y < clip.maxY else { continue }
            var x = 0
            while x < composition.width {
                if let own = composition.ownCharacters[x] {
                    if row == Self.height - 1 { buffer.write(String(own), x: area.x + x, y: y, style: style, clip: clip) }
                    x += max(1, own.columnWidth)
                    continue
                }
                let character = composition.cell(x, row)
                if character != " ", area.x + x >= clip.x, area.x + x < clip.maxX { buffer.set(area.x + x, y, character, style: style) }
                x += 1
            }
        }
    }

    /// The text as columns of pixels (bit `r` of a column is pixel row `r`, top first), and the
    /// characters drawn as themselves, keyed by their first cell.
    private struct Composition {
        var columns: [UInt8] = []
        var ownCharacters: [Int: Character] = [:]
        let glyphs: GlyphSet
        /// Pixel columns per cell: two with quadrant blocks, one in ASCII.
        var across: Int { glyphs.isASCII ? 1 : 2 }

        init(_ text: String, _ glyphs: GlyphSet) {
            self.glyphs = glyphs
            for (i, character) in text.enumerated() {
                if i > 0 { columns.append(0) }
                if let glyph = LargeText.pixelColumns[LargeText.fold(character)] {
                    columns += glyph
                } else {
                    // A character of its own starts on a cell boundary, so it is not cut in half.
                    while columns.count % across != 0 { columns.append(0) }
                    ownCharacters[columns.count / across] = character
                    columns += Array(repeating: 0, count: across * max(1, character.columnWidth))
                }
            }
        }

        var width: Int { (columns.count + across - 1) / across }

        func pixel(_ column: Int, _ row: Int) -> Bool {
            column < columns.count && columns[column] & (1 << row) != 0
        }

        /// The block for the pixels of cell (x, row): four of them, or in ASCII two, one above the other.
        func cell(_ x: Int, _ row: Int) -> Character {
            if glyphs.isASCII {
                let top = pixel(x, 2 * row), bottom = pixel(x, 2 * row + 1)
                return top && bottom ? "#" : top ? "\"" : bottom ? "_" : " "
            }
            let index = (pixel(2 * x, 2 * row) ? 1 : 0) | (pixel(2 * x + 1, 2 * row) ? 2 : 0)
                | (pixel(2 * x, 2 * row + 1) ? 4 : 0) | (pixel(2 * x + 1, 2 * row + 1) ? 8 : 0)
            return LargeText.quadrants[index]
        }
    }

    /// Indexed by upper-left 1, upper-right 2, lower-left 4, lower-right 8.
    static let quadrants: [Character] = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]

    static func fold(_ character: Character) -> Character {
        if let folded = BigText.subscripts[character] { return folded }
        if character.isLowercase, font[character] == nil, let upper = character.uppercased().first,
           character.uppercased().count == 1, font[upper] != nil {
            return upper
        }
        return character
    }

    static let pixelColumns: [Character: [UInt8]] = font.mapValues { rows in
        let width = rows.first?.count ?? 0
        return (0..<width).map { column in
            var bits: UInt8 = 0
            for (r, row) in rows.enumerated() where Array(row)[column] == "#" { bits |= 1 << r }
            return bits
        }
    }

    /// The 4 pixel rows of each glyph, `#` for on and `.` for off.
    static let font: [Character: [String]] = [
        "A": [".##.", "#..#", "####", "#..#"],
        "B": ["###.", "###.", "#..#", "###."],
        "C": [".###", "#...", "#...", ".###"],
        "D": ["###.", "#..#", "#..#", "###."],
        "E": ["####", "###.", "#...", "####"],
        "F": ["####", "#...", "###.", "#..."],
        "G": [".###", "#...", "#.##", ".###"],
        "H": ["#..#", "#..#", "####", "#..#"],
        "I": ["###", ".#.", ".#.", "###"],
        "J": ["..#", "..#", "#.#", ".#."],
        "K": ["#..#", "#.#.", "##.#", "#..#"],
        "L": ["#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#"],
        "N": ["#..#", "##.#", "#.##", "#..#"],
        "O": [".##.", "#..#", "#..#", ".##."],
        "P": ["###.", "#..#", "###.", "#..."],
        "Q": [".##.", "#..#", "#.##", ".###"],
        "R": ["###.", "#..#", "###.", "#..#"],
        "S": [".###", "##..", "..##", "###."],
        "T": ["###", ".#.", ".#.", ".#."],
        "U": ["#..#", "#..#", "#..#", ".##."],
        "V": ["#..#", "#..#", ".##.", ".##."],
        "W": ["#...#", "#.#.#", "#.#.#", ".#.#."],
        "X": ["#..#", ".##.", ".##.", "#..#"],
        "Y": ["#.#", "#.#", ".#.", ".#."],
        "Z": ["####", "..##", "##..", "####"],
        "0": [".##.", "#.##", "##.#", ".##."],
        "1": [".#.", "##.", ".#.", "###"],
        "2": ["###.", "...#", ".##.", "####"],
        "3": ["###.", ".##.", "...#", "###."],
        "4": ["#..#", "#..#", "####", "...#"],
        "5": ["####", "###.", "...#", "###."],
        "6": [".##.", "#...", "####", ".##."],
        "7": ["####", "...#", "..#.", ".#.."],
        "8": [".##.", ".##.", "#..#", ".##."],
        "9": [".##.", "####", "...#", ".##."],
        " ": ["..", "..", "..", ".."],
        ".": [".", ".", ".", "#"],
        ",": ["..", "..", ".#", "#."],
        ":": [".", "#", ".", "#"],
        ";": [".#", "..", ".#", "#."],
        "!": ["#", "#", ".", "#"],
        "?": ["###.", "...#", ".##.", ".#.."],
        "'": ["#", "#", ".", "."],
        "\"": ["#.#", "#.#", "...", "..."],
        "`": ["#.", ".#", "..", ".."],
        "-": ["...", "...", "###", "..."],
        "−": ["....", "....", "####", "...."],
        "+": ["...", ".#.", "###", ".#."],
        "=": ["...", "###", "...", "###"],
        "(": [".#", "#.", "#.", ".#"],
        ")": ["#.", ".#", ".#", "#."],
        "[": ["##", "#.", "#.", "##"],
        "]": ["##", ".#", ".#", "##"],
        "{": [".##", "##.", ".#.", ".##"],
        "}": ["##.", ".##", ".#.", "##."],
        "<": ["..#", ".#.", "..#", "..."],
        ">": ["#..", ".#.", "#..", "..."],
        "/": ["..#", ".#.", ".#.", "#.."],
        "\\": ["#..", ".#.", ".#.", "..#"],
        "|": ["#", "#", "#", "#"],
        "_": ["...", "...", "...", "###"],
        "^": [".#.", "#.#", "...", "..."],
        "~": ["......", ".##..#", "#..##.", "......"],
        "*": ["#.#", ".#.", "#.#", "..."],
        "%": ["#..#", "..#.", ".#..", "#..#"],
        "&": [".#..", "#.#.", ".#.#", "##.#"],
        "#": [".#.#", "####", "####", "#.#."],
        "@": [".##.", "#.##", "#.##", ".##."],
        "$": [".###", "###.", ".###", "###."],
        "·": [".", "#", ".", "."],
        "×": ["...", "#.#", ".#.", "#.#"],
        // Two waves do not fit four rows of tall pixels: a wave over a bar reads as "about equal".
        "≈": [".##..#", "#..##.", "......", "######"],
        "≤": ["..#", ".#.", "..#", "###"],
        "≥": ["#..", ".#.", "#..", "###"],
        "σ": [".....", ".####", "#..#.", ".##.."],
        "α": [".....", ".##.#", "#..#.", ".##.#"],
        // The middle vertex to the right of the left edge, where Z's diagonal starts at the right one.
        "Σ": ["#####", ".##..", "##...", "#####"],
        "∂": [".##.", "...#", "####", ".##."],
        "←": ["......", ".#....", "######", ".#...."],
        "→": ["......", "....#.", "######", "....#."],
        "↑": ["..#..", ".###.", "#.#.#", "..#.."],
        "↓": ["..#..", "#.#.#", ".###.", "..#.."],
        "ᵀ": ["###", ".#.", "...", "..."],
        // y-hat as it is typed in plain text, Y^: there is no room above a capital for the hat.
        "ŷ": ["#.#..#.", "#.#.#.#", ".#.....", ".#....."],
    ]
}
