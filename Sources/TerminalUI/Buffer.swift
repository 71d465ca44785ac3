/// One terminal cell: a character and its style. A wide character (two columns, see
/// `Character.columnWidth`) sits in the cell of its left column, and the cell to its right is its
/// `continuation`, which shows nothing of its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of the wide character in the cell to the left.
    public private(set) var isContinuation = false

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()

    /// The right half of a wide character drawn in `style`.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// True for the left half of a wide character.
    var isWide: Bool { !isContinuation && !character.isASCII && character.columnWidth == 2 }
}

/// A grid of cells that widgets draw into. Writes outside the grid are clipped silently, never trap.
/// Text is laid out in terminal columns: a wide character takes two cells (itself and a
/// continuation) and is never cut in half; zero-width characters take none. Overwriting half of a
/// wide character blanks its other half, so every row is always exactly `width` columns on screen.
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

    /// One cell as it is stored; setting a cell keeps wide characters whole (see `put`).
    public subscript(x: Int, y: Int) -> Cell {
        get { area.contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard newValue.isWide else { return put(x, y, newValue) }
            if x + 1 < width {
                put(x, y, newValue)
                put(x + 1, y, .continuation(style: newValue.style))
            } else {
                put(x, y, Cell(" ", style: newValue.style))
            }
        }
    }

    /// Sets one cell (and the next one too for a wide character); ignored outside the buffer.
    public mutating func set(_ x: Int, _ y: Int, _ character: Character, style: Style = .plain) {
        _ = write(character, x: x, y: y, style: style, bounds: area)
    }

    /// Changes the style of one cell, keeping its character.
    public mutating func setStyle(_ x: Int, _ y: Int, _ style: Style) {
        guard area.contains(x: x, y: y) else { return }
        cells[y * width + x].style = style
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (default: the whole buffer), one
    /// column per `columnWidth`. A wide character that does not fit whole inside the clip leaves a
    /// blank instead of half of itself. Returns the x after the last column written or skipped.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return x + text.columnWidth }
        var column = x
        for character in text {
            column = write(character, x: column, y: y, style: style, bounds: bounds)
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            // Wide characters cut by the rectangle's sides lose their other half.
            put(r.x, row, cell)
            if r.maxX - 1 > r.x { put(r.maxX - 1, row, cell) }
            for column in r.x..<r.maxX { cells[row * width + column] = cell }
        }
    }

    /// The characters of each row, trailing spaces kept: the plain-text form of the frame. Each
    /// line is `width` terminal columns (a wide character counts two, its continuation nothing).
    public var lines: [String] {
        (0..<height).map { row in
            String(cells[(row * width)..<((row + 1) * width)].lazy.filter { !$0.isContinuation }.map(\.character))
        }
    }

    // MARK: Private

    /// Writes one character at `x` if it fits inside `bounds`; returns the column after it.
    private mutating func write(_ character: Character, x: Int, y: Int, style: Style, bounds: Rect) -> Int {
        let columns = character.isASCII ? 1 : character.columnWidth
        guard y >= bounds.y, y < bounds.maxY else { return x + columns }
        switch columns {
        case 0:
            break
        case 1:
            if x >= bounds.x, x < bounds.maxX { put(x, y, Cell(character, style: style)) }
        default:
            let left = x >= bounds.x && x < bounds.maxX, right = x + 1 >= bounds.x && x + 1 < bounds.maxX
            if left && right {
                put(x, y, Cell(character, style: style))
                put(x + 1, y, .continuation(style: style))
            } else if left {
                put(x, y, Cell(" ", style: style))
            } else if right {
                put(x + 1, y, Cell(" ", style: style))
            }
        }
        return x + columns
    }

    /// Stores `cell`, blanking the other half of any wide character it overwrites half of.
    private mutating func put(_ x: Int, _ y: Int, _ cell: Cell) {
        guard area.contains(x: x, y: y) else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0, cells[index - 1].isWide {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if old.isWide, !cell.isWide, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
