/// Which sides of a `Block` have a border.
public struct Borders: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let top = Borders(rawValue: 1 << 0)
    public static let bottom = Borders(rawValue: 1 << 1)
    public static let left = Borders(rawValue: 1 << 2)
    public static let right = Borders(rawValue: 1 << 3)
    public static let all: Borders = [.top, .bottom, .left, .right]
    public static let none: Borders = []
}

/// The line style of a `Block`'s border.
public enum BorderKind: Hashable, Sendable {
    /// `┌─┐│└┘`
    case plain
    /// `╭─╮│╰╯`
    case rounded
    /// `┏━┓┃┗┛`
    case thick
    /// `╔═╗║╚╝`
    case double

    /// The six characters of this border kind: top-left, top-right, bottom-left, bottom-right,
    /// horizontal, vertical. In ASCII every kind is `+`, `-` and `|`.
    public func characters(_ glyphs: GlyphSet) -> BorderCharacters {
        if glyphs.isASCII {
            return BorderCharacters(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                    horizontal: "-", vertical: "|")
        }
        switch self {
        case .plain:
            return BorderCharacters(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                    horizontal: "─", vertical: "│")
        case .rounded:
            return BorderCharacters(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
                                    horizontal: "─", vertical: "│")
        case .thick:
            return BorderCharacters(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                                    horizontal: "━", vertical: "┃")
        case .double:
            return BorderCharacters(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝",
                                    horizontal: "═", vertical: "║")
        }
    }
}

/// The characters a border is drawn with.
public struct BorderCharacters: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character

    public init(topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
                horizontal: Character, vertical: Character) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }
}

/// A box around a panel with an optional title in its top border: `┌ Title ──┐`.
///
/// `render` draws the border and returns the inner rectangle for the panel's content.
/// A title too long for the border is cut short (in terminal columns) and ends with `…` (`~` in ASCII).
public struct Block: Hashable, Sendable {
    /// Shown in the top border, padded with one space each side; nil or empty for none.
    public var title: String?
    /// Where the title sits in the top border.
    public var titleAlignment: Alignment
    /// Which sides have a border.
    public var borders: Borders
    /// The line style of the border.
    public var kind: BorderKind
    /// The style of the border lines.
    public var borderStyle: Style
    /// The style of the title text (its padding spaces use `borderStyle`).
    public var titleStyle: Style
    /// When set, the whole area (border and inside) is first filled with blanks in this style.
    public var fillStyle: Style?
    /// Unicode box drawing or ASCII `+-|`.
    public var glyphs: GlyphSet

    public init(title: String? = nil, titleAlignment: Alignment = .left, borders: Borders = .all,
                kind: BorderKind = .plain, borderStyle: Style = .plain, titleStyle: Style = .plain,
                fillStyle: Style? = nil, glyphs: GlyphSet = .unicode) {
        self.title = title
        self.titleAlignment = titleAlignment
        self.borders = borders
        self.kind = kind
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.fillStyle = fillStyle
        self.glyphs = glyphs
    }

    /// The part of `area` inside the border (never negative).
    public func inner(_ area: Rect) -> Rect {
        let left = borders.contains(.left) ? 1 : 0, right = borders.contains(.right) ? 1 : 0
        let top = borders.contains(.top) ? 1 : 0, bottom = borders.contains(.bottom) ? 1 : 0
        let width = max(0, area.width - left - right), height = max(0, area.height - top - bottom)
        return Rect(x: area.x + min(left, area.width), y: area.y + min(top, area.height), width: width, height: height)
    }

    /// Draws the border and title into `area` (clipped to the buffer) and returns the inner rectangle.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect) -> Rect {
        let inside = inner(area)
        let clip = area.intersection(buffer.area)
        guard !area.isEmpty, !clip.isEmpty else { return inside }
        if let fillStyle { buffer.fill(clip, with: Cell(" ", style: fillStyle)) }
        let chars = kind.characters(glyphs)
        func put(_ x: Int, _ y: Int, _ c: Character) {
            if clip.contains(x: x, y: y) { buffer.set(x, y, c, style: borderStyle) }
        }
        let right = area.maxX - 1, bottom = area.maxY - 1
        // Loop over the visible part only, so a huge off-screen area costs nothing.
        if borders.contains(.top) { for x in clip.x..<clip.maxX { put(x, area.y, chars.horizontal) } }
        if borders.contains(.bottom) { for x in clip.x..<clip.maxX { put(x, bottom, chars.horizontal) } }
        if borders.contains(.left) { for y in clip.y..<clip.maxY { put(area.x, y, chars.vertical) } }
        if borders.contains(.right) { for y in clip.y..<clip.maxY { put(right, y, chars.vertical) } }
        if borders.isSuperset(of: [.top, .left]) { put(area.x, area.y, chars.topLeft) }
        if borders.isSuperset(of: [.top, .right]) { put(right, area.y, chars.topRight) }
        if borders.isSuperset(of: [.bottom, .left]) { put(area.x, bottom, chars.bottomLeft) }
        if borders.isSuperset(of: [.bottom, .right]) { put(right, bottom, chars.bottomRight) }
        if borders.contains(.top), let title, !title.isEmpty {
            drawTitle(title, into: &buffer, area: area, clip: clip)
        }
        return inside
    }

    private func drawTitle(_ title: String, into buffer: inout Buffer, area: Rect, clip: Rect) {
        // The title lives between the corners (when there are side borders), padded by one space each side.
        let left = borders.contains(.left) ? 1 : 0, right = borders.contains(.right) ? 1 : 0
        let room = area.width - left - right - 2
        guard room >= 1 else { return }
        var text = title
        if text.columnWidth > room {
            text = text.prefix(columns: room - 1) + (glyphs.isASCII ? "~" : "…")
        }
        let slot = Rect(x: area.x + left, y: area.y, width: area.width - left - right, height: 1)
        let start = titleAlignment.x(forWidth: text.columnWidth + 2, in: slot)
        let rowClip = slot.intersection(clip)
        buffer.write(" ", x: start, y: area.y, style: borderStyle, clip: rowClip)
        let end = buffer.write(text, x: start + 1, y: area.y, style: titleStyle, clip: rowClip)
        buffer.write(" ", x: end, y: area.y, style: borderStyle, clip: rowClip)
    }
}
