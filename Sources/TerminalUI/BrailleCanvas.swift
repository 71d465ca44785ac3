/// How a `BrailleCanvas` turns each cell's dots into a character.
public enum CanvasMarker: Hashable, Sendable {
    /// One braille character per cell: 2×4 dots, full resolution.
    case braille
    /// Half blocks: `▀` (dots only in the top half), `▄` (only in the bottom half), `█` (both).
    case block
    /// ASCII: `'` (dots only in the top half), `.` (only in the bottom half), `:` (both).
    case ascii

    /// `.ascii` for the ASCII glyph set, else `.braille`.
    public init(_ glyphs: GlyphSet) {
        self = glyphs.isASCII ? .ascii : .braille
    }
}

/// A grid of dots, 2 wide and 4 tall per cell, drawn as braille characters (U+2800 + dot bits).
///
/// Dot (0, 0) is the top-left dot of cell (0, 0); y grows downwards. Setting a dot outside the
/// canvas does nothing. Each cell keeps the style of the last dot set in it. Rendering writes only
/// cells that have at least one dot, so text drawn earlier shows through the empty ones.
public struct BrailleCanvas: Hashable, Sendable {
    /// Width in cells.
    public let width: Int
    /// Height in cells.
    public let height: Int
    private var bits: [UInt8]
    private var styles: [Style]

    /// An empty canvas `width` × `height` cells (negative sizes count as 0).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        styles = Array(repeating: .plain, count: self.width * self.height)
    }

    /// Width in dots (2 per cell).
    public var dotWidth: Int { width * 2 }
    /// Height in dots (4 per cell).
    public var dotHeight: Int { height * 4 }

    /// The braille bit of each dot, indexed `[dotY % 4][dotX % 2]`.
    static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    /// Bits of dots in the top two rows of a cell.
    static let topHalfBits: UInt8 = 0x01 | 0x08 | 0x02 | 0x10
    /// Bits of dots in the bottom two rows of a cell.
    static let bottomHalfBits: UInt8 = 0x04 | 0x20 | 0x40 | 0x80

    /// Turns on one dot and sets its cell's style; ignored outside the canvas.
    public mutating func set(_ dotX: Int, _ dotY: Int, style: Style = .plain) {
        guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return }
        let index = (dotY / 4) * width + dotX / 2
        bits[index] |= Self.dotBits[dotY % 4][dotX % 2]
        styles[index] = style
    }

    /// Whether a dot is on (false outside the canvas).
    public func isSet(_ dotX: Int, _ dotY: Int) -> Bool {
        guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return false }
        return bits[(dotY / 4) * width + dotX / 2] & Self.dotBits[dotY % 4][dotX % 2] != 0
    }

    /// The dot bits of one cell (0 when empty or outside).
    public func cellBits(_ x: Int, _ y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        return bits[y * width + x]
    }

    /// Turns every dot off.
    public mutating func clear() {
        for i in bits.indices { bits[i] = 0; styles[i] = .plain }
    }

    /// Draws a straight line of dots between two dots, both ends included (Bresenham).
    ///
    /// Ends may lie outside the canvas. Ends up to 4096 dots outside give exactly the dots the
    /// whole line would have on a larger canvas (so a clipped chart matches the unclipped one);
    /// farther ends are clipped to the canvas first, which can move the line by a dot.
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: Style = .plain) {
        guard dotWidth > 0, dotHeight > 0 else { return }
        var (x0, y0, x1, y1) = (start.x, start.y, end.x, end.y)
        if !isNear(x0, y0) || !isNear(x1, y1) {
            guard let clipped = clip(Double(x0), Double(y0), Double(x1), Double(y1)) else { return }
            (x0, y0, x1, y1) = clipped
        }
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var (x, y) = (x0, y0)
        while true {
            set(x, y, style: style)
            if x == x1 && y == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// Within the margin where lines are drawn without clipping.
    private func isNear(_ x: Int, _ y: Int) -> Bool {
        let margin = 4096
        return x >= -margin && y >= -margin && x < dotWidth + margin && y < dotHeight + margin
    }

    /// Liang–Barsky clipping of a segment to the dot grid; nil when it misses the canvas.
    private func clip(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> (Int, Int, Int, Int)? {
        let maxX = Double(dotWidth - 1), maxY = Double(dotHeight - 1)
        let dx = x1 - x0, dy = y1 - y0
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, x0), (dx, maxX - x0), (-dy, y0), (dy, maxY - y0)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; if r > t0 { t0 = r } } else { if r < t0 { return nil }; if r < t1 { t1 = r } }
            }
        }
        func point(_ t: Double) -> (Int, Int) {
            let x = min(max((x0 + t * dx).rounded(), 0), maxX)
            let y = min(max((y0 + t * dy).rounded(), 0), maxY)
            return (Int(x), Int(y))
        }
        let a = point(t0), b = point(t1)
        return (a.0, a.1, b.0, b.1)
    }

    // MARK: Data space

    /// The dot nearest to the data point (`x`, `y`), with `xRange` spanning the canvas left to right
    /// and `yRange` bottom to top. Points outside the ranges map outside the canvas (clamped to a
    /// sane magnitude). Nil for NaN; ±infinity maps far outside. A range of zero width, or one that
    /// is not finite, maps everything to the canvas's middle along that axis.
    public func dot(x: Double, y: Double, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) -> (x: Int, y: Int)? {
        guard !x.isNaN, !y.isNaN else { return nil }
        let fx = Self.fraction(x, in: xRange)
        let fy = Self.fraction(y, in: yRange)
        let px = Self.toInt(fx * Double(dotWidth - 1))
        let py = Self.toInt((1 - fy) * Double(dotHeight - 1))
        return (px, py)
    }

    /// Turns on the dot nearest to a data point (see `dot(x:y:xRange:yRange:)`); ignores NaN.
    public mutating func plot(x: Double, y: Double, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, style: Style = .plain) {
        guard let p = dot(x: x, y: y, xRange: xRange, yRange: yRange) else { return }
        set(p.x, p.y, style: style)
    }

    /// Draws a line between two data points (see `dot(x:y:xRange:yRange:)`); nothing if either is NaN.
    public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double),
                              xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, style: Style = .plain) {
        guard let a = dot(x: start.x, y: start.y, xRange: xRange, yRange: yRange),
              let b = dot(x: end.x, y: end.y, xRange: xRange, yRange: yRange) else { return }
        line(from: a, to: b, style: style)
    }

    /// Where `value` lies in `range` as a fraction (0 at the lower bound, 1 at the upper).
    static func fraction(_ value: Double, in range: ClosedRange<Double>) -> Double {
        let span = range.upperBound - range.lowerBound
        guard span.isFinite, span > 0 else { return 0.5 }
        return (value - range.lowerBound) / span
    }

    /// Rounds to the nearest Int, clamping to ±2^30 so that infinities and huge values cannot trap.
    static func toInt(_ value: Double) -> Int {
        if value.isNaN { return 0 }
        let limit = Double(1 << 30)
        return Int(min(max(value.rounded(), -limit), limit))
    }

    // MARK: Rendering

    /// The character for one cell's dot bits in the given marker, or nil when the cell is empty.
    public static func character(forBits bits: UInt8, marker: CanvasMarker) -> Character? {
        guard bits != 0 else { return nil }
        switch marker {
        case .braille:
            return Character(Unicode.Scalar(0x2800 + UInt32(bits)) ?? " ")
        case .block, .ascii:
            let top = bits & topHalfBits != 0, bottom = bits & bottomHalfBits != 0
            if marker == .block { return top && bottom ? "█" : top ? "▀" : "▄" }
            return top && bottom ? ":" : top ? "'" : "."
        }
    }

    /// Writes the canvas with its top-left at `area`'s top-left, clipped to `area` and the buffer.
    /// Only cells with dots are written. A dot style whose background is `.default` keeps the
    /// background already in the buffer, so a canvas can sit on a coloured panel.
    public func render(into buffer: inout Buffer, at area: Rect, marker: CanvasMarker = .braille) {
        let clip = area.intersection(buffer.area)
        guard !clip.isEmpty else { return }
        let rows = max(clip.y, area.y)..<min(clip.maxY, area.y + height)
        let columns = max(clip.x, area.x)..<min(clip.maxX, area.x + width)
        guard !rows.isEmpty, !columns.isEmpty else { return }
        for row in rows {
            for column in columns {
                let index = (row - area.y) * width + (column - area.x)
                guard let character = Self.character(forBits: bits[index], marker: marker) else { continue }
                var style = styles[index]
                if style.background == .default { style.background = buffer[column, row].style.background }
                buffer.set(column, row, character, style: style)
            }
        }
    }

    /// Writes the canvas using the marker that fits `glyphs` (braille, or ASCII).
    public func render(into buffer: inout Buffer, at area: Rect, glyphs: GlyphSet) {
        render(into: &buffer, at: area, marker: CanvasMarker(glyphs))
    }
}
