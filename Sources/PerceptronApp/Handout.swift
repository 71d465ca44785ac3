import TerminalUI

/// Frames as HTML pages and SVG images, and a lesson as one handout page: self-contained (styles
/// inline, no external files, no scripts), every character selectable text in the theme's colours.
public enum Handout {
    /// The colours of cells that leave them to the terminal: the theme's background role when it
    /// has one, else a dark terminal's.
    public static func pageColors(_ theme: Theme) -> (foreground: Color, background: Color) {
        let screen = theme.style(.background), text = theme.style(.text)
        let bg = screen.background == .default ? Color.rgb(0x1c, 0x1c, 0x1c) : screen.background
        let fg = text.foreground != .default ? text.foreground
            : screen.foreground != .default ? screen.foreground : Color.rgb(0xd0, 0xd0, 0xd0)
        return (fg, bg)
    }

    public static func frameHTML(_ buffer: Buffer, theme: Theme) -> String {
        let (fg, bg) = pageColors(theme)
        return buffer.html(foreground: fg, background: bg)
    }

    public static func frameSVG(_ buffer: Buffer, theme: Theme) -> String {
        let (fg, bg) = pageColors(theme)
        return buffer.svg(foreground: fg, background: bg)
    }

    /// The page's CSS: frames keep their colours on paper; the page itself prints light.
    static let css = """
        body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; background: #f4f4f4; color: #111; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; }
        section { break-inside: avoid; page-break-inside: avoid; }
        pre.frame { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; line-height: 1.2;
          padding: 0.5em; display: inline-block; margin: 0.5em 0; border-radius: 4px;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        p.caption { line-height: 1.4; }
        @media print { body { background: #fff; color: #000; margin: 0; max-width: none; } pre.frame { font-size: 9px; } }
        """

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(Buffer.escapeMarkup(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// One frame as a whole HTML page.
    public static func framePage(_ buffer: Buffer, theme: Theme, title: String) -> String {
        page(title: title, body: frameHTML(buffer, theme: theme))
    }

    /// Every slide of the lesson: its title, its caption and its scene at the size of `state`.
    public static func lessonPage(_ playback: LessonPlayback, like state: AppState, title: String) -> String {
        var body = "<h1>\(Buffer.escapeMarkup(title))</h1>\n"
        for i in 0..<playback.count {
            let slide = playback.lesson.slides[i]
            var scene = playback.scene(i, like: state)
            // The caption is the page's text; the frame is the visualiser as the slide opens.
            scene.lesson = nil
            scene.running = false
            // A slide that runs live is shown on paper as its run ends.
            if let stop = scene.pauseAtStep {
                scene.fastForward(to: stop)
                scene.pauseAtStep = nil
            }
            body += "<section>\n<h2>\(i + 1). \(Buffer.escapeMarkup(slide.title))</h2>\n"
            for paragraph in slide.caption { body += "<p class=\"caption\">\(Buffer.escapeMarkup(paragraph))</p>\n" }
            body += frameHTML(view(scene), theme: scene.theme) + "\n</section>\n"
        }
        return page(title: title, body: body)
    }
}
