/// A picture of a scalar field over a rectangle, two ways:
///
/// - `HalfBlockImage`: two square-ish pixels per cell, `▀` with the top pixel as foreground and
///   the bottom one as background, for terminals with colour;
/// - `DensityRamp`: one value per cell as a glyph of growing ink (` .:-=+*#%@`), so the picture
///   survives without colour (monochrome themes, ASCII).

/// A grid of pixel colours drawn two pixels per cell (`▀`: top pixel foreground, bottom background).
public struct HalfBlockImage: Widget, Hashable, Sendable {
    /// Pixels across (one per column).
    public let pixelWidth: Int
    /// Pixels down (two per row).
    public let pixelHeight: Int
    /// Row-major, `pixelWidth × pixelHeight`, the top row first.
    public private(set) var pixels: [Color]

    public init(pixelWidth: Int, pixelHeight: Int, fill: Color = .default) {
        self.pixelWidth = max(0, pixelWidth)
        self.pixelHeight = max(0, pixelHeight)
        pixels = Array(repeating: fill, count: self.pixelWidth * self.pixelHeight)
    }

    /// The pixel at column `x`, pixel row `y`; writes outside the image are ignored.
    public subscript(x: Int, y: Int) -> Color {
        get { x >= 0 && x < pixelWidth && y >= 0 && y < pixelHeight ? pixels[y * pixelWidth + x] : .default }
        set { if x >= 0 && x < pixelWidth && y >= 0 && y < pixelHeight { pixels[y * pixelWidth + x] = newValue } }
    }

    /// Draws from the top-left of `area`, clipped to it: pixel rows 2r and 2r+1 become cell row r.
    public func render(into buffer: inout Buffer, area: Rect) {
        let clip = area.intersection(buffer.area)
        let rows = (pixelHeight + 1) / 2
        for row in 0..<min(rows, area.height) {
            for column in 0..<min(pixelWidth, area.width) {
                let x = area.x + column, y = area.y + row
                guard clip.contains(x: x, y: y) else { continue }
                let top = self[column, 2 * row]
                let bottom = 2 * row + 1 < pixelHeight ? self[column, 2 * row + 1] : .default
                buffer.set(x, y, "▀", style: Style(foreground: top, background: bottom))
            }
        }
    }
}

/// Glyphs of growing ink for a value in 0…1, ASCII only so they work everywhere.
public enum DensityRamp {
    /// From no ink (0) to the most (1).
    public static let characters: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The glyph for `value` (clamped to 0…1; NaN is `?`): the ten glyphs share the range equally.
    public static func character(for value: Double) -> Character {
        guard !value.isNaN else { return "?" }
        let clamped = min(max(value, 0), 1)
        let index = min(Int(clamped * Double(characters.count)), characters.count - 1)
        return characters[index]
    }
}

extension Color {
    /// This colour moved `amount` (0…1) of the way towards `other` in RGB; `.default` on either
    /// side gives the other colour unchanged (there is nothing to mix with).
    public func mixed(with other: Color, amount: Double) -> Color {
        guard case .rgb(let r1, let g1, let b1) = self else { return other }
        guard case .rgb(let r2, let g2, let b2) = other else { return self }
        let t = amount.isNaN ? 0.5 : min(max(amount, 0), 1)
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return .rgb(channel(r1, r2), channel(g1, g2), channel(b1, b2))
    }

    /// Relative brightness 0…1 (Rec. 709 weights on the raw channels); nil for `.default`.
    public var brightness: Double? {
        guard case .rgb(let r, let g, let b) = self else { return nil }
        return (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255
    }
}
