/// Which characters widgets may draw with.
///
/// `.unicode` uses box drawing, block elements and braille; `.ascii` uses only printable ASCII
/// (for terminals or fonts without those, and for the `--ascii` option). Every widget takes one.
public enum GlyphSet: Hashable, Sendable {
    /// Box drawing (`┌─┐`), blocks (`▁▄█`) and braille (`⣿`).
    case unicode
    /// Printable ASCII only (`+-|`, `_.-=#`, `*`).
    case ascii

    /// `.ascii` when `ascii` is true, else `.unicode`.
    public init(ascii: Bool) {
        self = ascii ? .ascii : .unicode
    }

    /// True for `.ascii`.
    public var isASCII: Bool { self == .ascii }
}
