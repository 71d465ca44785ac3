import TerminalUI

/// A lesson slide's title and caption at the bottom of the screen. In projection mode the caption
/// is set in large letters (and the title in big ones when there is room) if all of it fits the
/// rows projection mode may give it; otherwise the caption is bold, with a blank line between
/// lines when they fit, and a caption that does not fit at all ends in "…" rather than being cut
/// silently. The `:` prompt shows here.
enum CaptionPanel {
    /// Caption rows kept under a big title, so the slide's words are never all crowded out.
    private static let textRowsUnderBigTitle = 2
    /// Rows the scene keeps in projection mode whatever the caption: what it has at 80x24.
    private static let sceneRowsInProjection = 14

    /// How a slide's words are set; decided from the slide and the screen alone, so that the rows
    /// the caption takes and what is drawn in them always agree.
    struct Setting: Equatable {
        /// The title's lines in big letters; empty when the title is on the rule.
        var bigTitle: [String] = []
        /// The caption's paragraphs as lines of large text; nil for ordinary text.
        var large: [[String]]?
        /// Blank rows between paragraphs of large text, on top of the one between its lines.
        var paragraphGap = 0
        /// The rows the caption takes.
        var height = 0
    }

    /// The rows the caption takes on a screen `height` rows tall.
    static func height(for state: AppState) -> Int { setting(for: state).height }

    static func setting(for state: AppState) -> Setting {
        guard let lesson = state.lesson else { return Setting() }
        // A title row and three lines of text at 80x24, so the panels above keep most of the screen.
        guard state.presenting else { return Setting(height: state.height >= 30 ? 6 : 4) }
        let standard = max(7, min(13, state.height / 3))
        // Large letters may take up to half the screen, as long as the scene keeps the rows it has
        // at 80x24, so a zoomed panel, the explanation or the big numbers are still all there.
        let most = max(standard, min(state.height - 2 - sceneRowsInProjection, (state.height - 2) / 2))
        let slide = lesson.slide
        let title = bigTitle(slide.title, width: state.width)
        var paragraphs: [[String]] = []
        for paragraph in slide.caption {
            guard let lines = LargeText.wrap(paragraph, width: state.width - 2, glyphs: state.theme.glyphs) else { paragraphs = []; break }
            paragraphs.append(lines)
        }
        if paragraphs.count == slide.caption.count {
            for titleLines in title.isEmpty ? [[]] : [title, []] {
                for gap in [1, 0] {
                    let rows = 1 + titleLines.count * BigText.height + largeRows(paragraphs, paragraphGap: gap)
                    if rows <= most {
                        return Setting(bigTitle: titleLines, large: paragraphs, paragraphGap: gap, height: max(standard, rows))
                    }
                }
            }
        }
        // Ordinary text: the title in big letters when all of it fits with a few caption lines
        // under it, and more rows, up to the same limit, for a caption that needs them.
        let fits = 1 + title.count * BigText.height + textRowsUnderBigTitle <= standard
        let lines = slide.caption.map { wrap($0, width: state.width - 2).count }.reduce(0, +)
        let rows = 1 + (fits ? title.count * BigText.height : 0) + lines
        return Setting(bigTitle: fits ? title : [], height: min(most, max(standard, rows)))
    }

    /// The rows paragraphs of large text take: a blank row between lines, `paragraphGap` more
    /// between paragraphs.
    static func largeRows(_ paragraphs: [[String]], paragraphGap: Int) -> Int {
        let lines = paragraphs.map(\.count).reduce(0, +)
        guard lines > 0 else { return 0 }
        return lines * (LargeText.height + 1) - 1 + max(0, paragraphs.count - 1) * paragraphGap
    }

    static func render(_ c: ViewContext, area: Rect, into buffer: inout Buffer) {
        guard let lesson = c.state.lesson else { return }
        let slide = lesson.slide
        guard area.width > 4, area.height > 1 else { return }
        // The title on a rule across the screen, the caption under it; no side borders, so the
        // text has the whole width.
        let rule: Character = c.glyphs.isASCII ? "-" : c.heavy ? "━" : "─"
        for x in area.x..<area.maxX { buffer.set(x, area.y, rule, style: c.style(.border)) }
        let big = c.state.presenting
        let setting = setting(for: c.state)
        let titleLines = setting.bigTitle
        let ruleTitle = titleLines.isEmpty ? " " + slide.title + " " : ""
        let tx = buffer.write(ruleTitle, x: area.x + 1, y: area.y, style: c.style(.title).with(.bold), clip: area)
        buffer.write(" \(lesson.index + 1)/\(lesson.count) ", x: tx + 1, y: area.y, style: c.style(.dimText), clip: area)
        if let notice = c.state.notice {
            // The status bar is full in a lesson at 80 columns: notices show on the rule too.
            let text = " " + notice + " "
            let nx = max(tx + 8, area.maxX - 1 - text.columnWidth)
            buffer.write(text, x: nx, y: area.y, style: c.style(.highlight), clip: area)
        }
        for (i, line) in titleLines.enumerated() {
            let row = Rect(x: area.x + 1, y: area.y + 1 + i * BigText.height, width: area.width - 2, height: BigText.height)
            BigText(line, style: c.style(.title).with(.bold), glyphs: c.glyphs).render(into: &buffer, area: row)
        }
        let top = 1 + titleLines.count * BigText.height
        let inner = Rect(x: area.x, y: area.y + top, width: area.width, height: area.height - top)
        if lesson.prompt == nil, let large = setting.large {
            var y = inner.y
            for (i, paragraph) in large.enumerated() {
                if i > 0 { y += setting.paragraphGap }
                for line in paragraph {
                    let row = Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: LargeText.height)
                    LargeText(line, style: c.style(.text), glyphs: c.glyphs).render(into: &buffer, area: row.intersection(inner))
                    y += LargeText.height + 1
                }
            }
            return
        }
        let style = big ? c.style(.text).with(.bold) : c.style(.text)
        let paragraphs = slide.caption.map { wrap($0, width: inner.width - 2) }
        // Paragraphs are set apart by a blank line when there is room for it.
        let spaced = paragraphs.map(\.count).reduce(0, +) + paragraphs.count - 1 <= inner.height && !big
        var lines: [String] = []
        for (i, paragraph) in paragraphs.enumerated() {
            if i > 0, spaced { lines.append("") }
            lines += paragraph
        }
        if let typed = lesson.prompt { lines = ["go to slide (1 to \(lesson.count)): \(typed)_   Enter jumps, Esc cancels"] }
        let gap = big && lines.count * 2 - 1 <= inner.height ? 2 : 1
        for (i, line) in lines.enumerated() where i * gap < inner.height {
            let y = inner.y + i * gap
            if i * gap == inner.height - 1, (i + 1) < lines.count, lines.count * gap > inner.height {
                // The caption goes on beyond the box: say so rather than cut it silently.
                buffer.write(String(line.prefix(max(0, inner.width - 4))) + " …", x: inner.x + 1, y: y, style: style, clip: inner)
                break
            }
            buffer.write(line, x: inner.x + 1, y: y, style: lesson.prompt == nil ? style : c.style(.highlight), clip: inner)
        }
    }

    /// The title's lines in big letters across a caption `width` columns wide (one column kept
    /// free at each side).
    static func bigTitle(_ title: String, width: Int) -> [String] {
        BigText.wrap(title, width: width - 2)
    }

    /// Words filled into lines of at most `width` columns; a word longer than that is cut.
    static func wrap(_ text: String, width: Int) -> [String] { WordWrap.columns(text, width: width) }
}
