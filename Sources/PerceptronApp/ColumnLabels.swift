/// What the panels call the inputs and the target: x₁…xₙ and y for the built-in tables, a data
/// file's own column names (cut to fit, "…" marking the cut) for a file.
extension ViewContext {
    func inputLabel(_ j: Int, width: Int) -> String {
        guard dataset.columnNames != nil else {
            return "x" + (glyphs.isASCII ? String(j + 1) : DisplayFormat.subscriptDigits(j + 1))
        }
        return Self.shortened(dataset.inputName(j), to: width)
    }

    func targetLabel(width: Int) -> String {
        dataset.columnNames == nil ? "y" : Self.shortened(dataset.targetName, to: width)
    }

    /// A name in at most `width` characters, "…" marking a cut.
    static func shortened(_ name: String, to width: Int) -> String {
        name.count <= width ? name : String(name.prefix(max(0, width - 1))) + "…"
    }
}
