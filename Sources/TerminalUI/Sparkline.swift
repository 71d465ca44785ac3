/// A compact bar graph of recent values: `▁▂▄▆█`, one value per column, bottom-aligned.
///
/// Shows the most recent `area.width` values, the oldest on the left, starting at the left edge
/// when there are fewer values than columns. Each finite value gets at least the lowest bar; values
/// outside `minimum…maximum` clamp to the lowest or highest bar. NaN and ±infinity are drawn as a
/// gap character in the bottom row (`·`, or `x` in ASCII). Taller areas stack bars over several rows.
public struct Sparkline: Widget, Hashable, Sendable {
    /// The series, oldest first.
    public var values: [Double]
    /// The value drawn as the lowest bar; nil for the smallest finite value shown.
    public var minimum: Double?
    /// The value drawn as the highest bar; nil for the largest finite value shown.
    public var maximum: Double?
    /// The style of the bars.
    public var style: Style
    /// The style of the gap character drawn for NaN and infinity.
    public var gapStyle: Style
    /// Unicode blocks or ASCII `_.-=#`.
    public var glyphs: GlyphSet

    /// Bar characters from lowest to full in Unicode (8 levels per row).
    public static let unicodeBars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Bar characters from lowest to full in ASCII (5 levels per row).
    public static let asciiBars: [Character] = ["_", ".", "-", "=", "#"]

    public init(values: [Double], minimum: Double? = nil, maximum: Double? = nil, style: Style = .plain,
                gapStyle: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
        self.style = style
        self.gapStyle = gapStyle
        self.glyphs = glyphs
    }

    /// The character drawn for a NaN or infinite value.
    public var gapCharacter: Character { glyphs.isASCII ? "x" : "·" }

    public func render(into buffer: inout Buffer, area: Rect) {
        let clip = area.intersection(buffer.area)
        guard !clip.isEmpty, !values.isEmpty else { return }
        let shown = values.suffix(area.width)
        let finite = shown.filter(\.isFinite)
        var low = minimum.flatMap { $0.isFinite ? $0 : nil } ?? finite.min() ?? 0
        var high = maximum.flatMap { $0.isFinite ? $0 : nil } ?? finite.max() ?? 0
        if high < low { swap(&low, &high) }
        let bars = glyphs.isASCII ? Self.asciiBars : Self.unicodeBars
        let perRow = bars.count
        let rows = min(area.height, 1 << 16)
        let levels = perRow * rows
        for (offset, value) in shown.enumerated() {
            let x = area.x + offset
            guard x >= clip.x, x < clip.maxX else { continue }
            guard value.isFinite else {
                buffer.set(x, area.maxY - 1, gapCharacter, style: gapStyle)
                continue
            }
            let ratio = (value - low) / (high - low)
            let fraction = high > low && !ratio.isNaN ? min(max(ratio, 0), 1) : 0
            // Level 1 is the lowest bar, `levels` is every row full.
            let level = 1 + Int((fraction * Double(levels - 1)).rounded())
            for row in 0..<rows {
                let y = area.maxY - 1 - row
                guard y >= clip.y, y < clip.maxY else { continue }
                let inRow = min(max(level - row * perRow, 0), perRow)
                guard inRow > 0 else { break }
                buffer.set(x, y, bars[inRow - 1], style: style)
            }
        }
    }
}
