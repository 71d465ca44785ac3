/// Something that draws itself into a rectangle of a buffer, clipping to it and never trapping.
public protocol Widget {
    /// Draws into `area` of `buffer`; cells outside `area` (or outside the buffer) are left untouched.
    func render(into buffer: inout Buffer, area: Rect)
}
