/// Where a piece of content sits along a row when it is narrower than the space it is given.
public enum Alignment: Hashable, Sendable {
    case left, center, right

    /// The x at which content `contentWidth` wide starts inside `area` (may lie left of `area.x`
    /// when the content is wider than the area; callers clip).
    public func x(forWidth contentWidth: Int, in area: Rect) -> Int {
        switch self {
        case .left: return area.x
        case .center: return area.x + (area.width - contentWidth) / 2
        case .right: return area.maxX - contentWidth
        }
    }
}
