/// One terminal cell: a single-column character and its style.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}

/// A grid of cells that widgets draw into. Writes outside the grid are clipped silently, never trap.
/// Only single-column characters are supported (ASCII, box drawing, blocks, braille, Greek).
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { area.contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if area.contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    /// Sets one cell; ignored outside the buffer.
    public mutating func set(_ x: Int, _ y: Int, _ character: Character, style: Style = .plain) {
        guard area.contains(x: x, y: y) else { return }
        cells[y * width + x] = Cell(character, style: style)
    }

    /// Changes the style of one cell, keeping its character.
    public mutating func setStyle(_ x: Int, _ y: Int, _ style: Style) {
        guard area.contains(x: x, y: y) else { return }
        cells[y * width + x].style = style
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (default: the whole buffer).
    /// Returns the x after the last character written or skipped.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        var column = x
        guard y >= bounds.y, y < bounds.maxY else { return x + text.count }
        for character in text {
            if column >= bounds.x, column < bounds.maxX {
                cells[y * width + column] = Cell(character, style: style)
            }
            column += 1
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            for column in r.x..<r.maxX { cells[row * width + column] = cell }
        }
    }

    /// The characters of each row, trailing spaces kept: the plain-text form of the frame.
    public var lines: [String] {
        (0..<height).map { row in String(cells[(row * width)..<((row + 1) * width)].map(\.character)) }
    }
}
