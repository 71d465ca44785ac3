import PerceptronCore
import TerminalUI

/// The smallest terminal the full screen is designed for.
public let minimumSize = (width: 80, height: 24)

/// Draws the whole screen for `state`: pure, so `perceptron frame` and the tests see exactly what
/// the terminal shows.
public func view(_ state: AppState) -> Buffer {
    let theme = state.theme
    var buffer = Buffer(width: state.width, height: state.height, fill: Cell(" ", style: theme.style(.background)))
    guard state.width >= minimumSize.width, state.height >= minimumSize.height else {
        TooSmallPanel.render(state, theme, into: &buffer)
        return buffer
    }
    let context = ViewContext(state: state, theme: theme)
    let rows = ScreenRows(state)
    let body = rows.body, timelineRow = rows.timeline, statusRow = rows.status
    let captionHeight = rows.caption.height
    if captionHeight > 0 { CaptionPanel.render(context, area: rows.caption, into: &buffer) }
    let lastBand: Rect
    if let panel = state.zoomedPanel {
        render(panel, context, area: body, into: &buffer)
        lastBand = body
    } else if let phase = state.explainPhase {
        lastBand = ExplainLayout.render(context, phase: phase, area: body, into: &buffer)
    } else if state.presenting {
        lastBand = PresentationLayout.render(context, area: body, into: &buffer)
    } else {
        lastBand = renderStandardLayout(context, area: body, into: &buffer)
    }
    KeyHints.render(context, border: Rect(x: lastBand.x + 1, y: lastBand.maxY - 1, width: lastBand.width - 2, height: 1),
                    into: &buffer)
    TimelinePanel.render(context, area: timelineRow, into: &buffer)
    if let prompt = state.prompt {
        PromptLine.render(context, prompt, area: statusRow, into: &buffer)
    } else {
        StatusBar.render(context, area: statusRow, into: &buffer)
    }
    // In a lesson the help may cover the caption too: it needs the rows.
    if state.showHelp { HelpOverlay.render(context, area: Rect(x: body.x, y: body.y, width: body.width, height: body.height + captionHeight),
                                           into: &buffer) }
    finish(&buffer, theme: theme)
    return buffer
}

/// The five panels at once; returns the bottom band (whose border carries the key hints).
private func renderStandardLayout(_ context: ViewContext, area body: Rect, into buffer: inout Buffer) -> Rect {
    let layout = StandardLayout(context.state, body: body)
    for (panel, area) in layout.panels { render(panel, context, area: area, into: &buffer) }
    return layout.bottomBand
}

/// The screen's rows: the panels, a lesson's caption, the timeline and the status line. `view`
/// draws in them and the mouse hit test reads them, so a click lands where the picture is.
struct ScreenRows {
    let body: Rect
    let caption: Rect
    let timeline: Rect
    let status: Rect

    init(_ state: AppState) {
        let rows = Rect(x: 0, y: 0, width: state.width, height: state.height)
            .split(.vertical, [.fill(1), .length(CaptionPanel.height(for: state)), .length(1), .length(1)])
        body = rows[0]
        caption = rows[1]
        timeline = rows[2]
        status = rows[3]
    }
}

/// Where the five panels go in `body`.
struct StandardLayout {
    /// Each panel shown and its area, in drawing order.
    let panels: [(Panel, Rect)]
    /// The bottom band, whose border carries the key hints.
    let bottomBand: Rect

    init(_ state: AppState, body: Rect) {
        let sampleRows = PredictionsPanel.height(samples: state.trainer.dataset.sampleCount, available: body.height)
        let spare = body.height - sampleRows
        // The top row (diagram, weights) grows a little with the terminal; the plots take the rest.
        // A hidden layer's diagram and matrices want more rows, and at 80 columns more of the width.
        let network = state.trainer.model.hiddenUnits != nil
        var topHeight = min(max(8, spare * (network ? 1 : 2) / (network ? 2 : 5)), 16)
        // Plots need a few rows inside their boxes to say anything; when a caption or a small terminal
        // leaves fewer, the band is left out and the top panels keep its rows, rather than show empty boxes.
        let showsPlots = spare - topHeight >= PlotBand.minimumHeight
        if !showsPlots { topHeight = spare }
        let bands = body.split(.vertical, [.length(topHeight), .fill(1), .length(sampleRows)])
        let wide = body.width >= 120
        let top = bands[0].split(.horizontal, wide ? [.percentage(network ? 55 : 50), .fill(1)]
                                                    : [.length(network ? max(46, body.width * 55 / 100) : 42), .fill(1)])
        var panels: [(Panel, Rect)] = [(.diagram, top[0]), (.weights, top[1])]
        if showsPlots {
            let middle = bands[1].split(.horizontal, middleBand(width: body.width, height: bands[1].height))
            panels += [(.sigmoid, middle[0]), (.boundary, middle[1]), (.loss, middle[2])]
        }
        panels.append((.predictions, bands[2]))
        self.panels = panels
        bottomBand = bands[2]
    }
}

/// Sigmoid, decision boundary and loss side by side: the boundary about twice as wide as it is
/// tall (square in pixels), within a third of the width; the loss plot takes the rest.
private func middleBand(width: Int, height: Int) -> [Constraint] {
    let boundary = min(max(22, 2 * (height - 2) + 2), width / 3)
    return [.length(width * 30 / 100), .length(boundary), .fill(1)]
}

enum PlotBand {
    /// Three rows of plot inside the boxes: below that the sigmoid, boundary and loss show nothing.
    static let minimumHeight = 5
}

/// One panel, anywhere: the zoom keys show one on the whole screen.
func render(_ panel: Panel, _ context: ViewContext, area: Rect, into buffer: inout Buffer) {
    switch panel {
    case .diagram: DiagramPanel.render(context, area: area, into: &buffer)
    case .weights: WeightsPanel.render(context, area: area, into: &buffer)
    case .sigmoid: SigmoidPanel.render(context, area: area, into: &buffer)
    case .loss: LossPanel.render(context, area: area, into: &buffer)
    case .predictions: PredictionsPanel.render(context, area: area, into: &buffer)
    case .boundary: BoundaryPanel.render(context, area: area, into: &buffer)
    case .landscape: LandscapePanel.render(context, area: area, into: &buffer)
    }
}

/// Last touches that hold for every cell: the theme's background (and text colour) behind cells
/// that have none of their own, so a light theme is light on any terminal; and, with `--ascii`,
/// nothing but ASCII on screen.
func finish(_ buffer: inout Buffer, theme: Theme) {
    let screen = theme.style(.background)
    let ascii = theme.glyphs.isASCII
    guard screen.background != .default || screen.foreground != .default || ascii else { return }
    for y in 0..<buffer.height {
        for x in 0..<buffer.width {
            var cell = buffer[x, y]
            if cell.style.background == .default { cell.style.background = screen.background }
            if cell.style.foreground == .default { cell.style.foreground = screen.foreground }
            if ascii, !cell.character.isASCII { cell.character = ASCIIFallback.character(for: cell.character) }
            buffer[x, y] = cell
        }
    }
}

/// What every panel needs, computed once per frame: the state, the theme, and the forward pass of
/// the current state (the same numbers `perceptron train` prints for it).
struct ViewContext {
    let state: AppState
    let theme: Theme
    let trace: StepTrace

    init(state: AppState, theme: Theme) {
        self.state = state
        self.theme = theme
        trace = state.trainer.trace()
    }

    var glyphs: GlyphSet { theme.glyphs }
    /// Thick glyphs for plots, readable from the back of a hall: in projection mode, and with
    /// themes that ask for them (no hairlines on a washed-out projector).
    var heavy: Bool { state.presenting || theme.heavyLines }
    /// How canvases draw: block halves when heavy, else braille (ASCII dots with `--ascii`).
    var marker: CanvasMarker { glyphs.isASCII ? .ascii : heavy ? .block : .braille }
    var dataset: Dataset { state.trainer.dataset }

    func style(_ role: Role) -> Style { theme.style(role) }

    /// A titled box in the theme's border style; returns the inside.
    func box(_ title: String, area: Rect, into buffer: inout Buffer) -> Rect {
        Block(title: title, kind: heavy ? .thick : .plain, borderStyle: style(.border), titleStyle: style(.title),
              glyphs: glyphs)
            .render(into: &buffer, area: area)
    }

    /// The style for a weight's sign (colour is never the only cue: the glyphs differ too).
    func weightStyle(_ w: Double) -> Style {
        if !w.isFinite { return style(.warning) }
        if abs(w) < WeightGlyphs.nearZero { return style(.nearZeroWeight) }
        return style(w > 0 ? .positiveWeight : .negativeWeight)
    }

    func classStyle(_ target: Double) -> Style { style(target >= 0.5 ? .class1 : .class0) }
}

/// Edge glyphs: positive solid, negative dashed, near zero dotted; heavier lines for larger |w|.
enum WeightGlyphs {
    static let nearZero = 0.05
    static let heavy = 1.5

    static func edge(_ w: Double, _ glyphs: GlyphSet) -> Character {
        let ascii = glyphs.isASCII
        if !w.isFinite { return ascii ? "?" : "╳" }
        if abs(w) < nearZero { return ascii ? " " : "┈" }
        switch (w > 0, abs(w) >= heavy) {
        case (true, false): return ascii ? "-" : "─"
        case (true, true): return ascii ? "=" : "━"
        case (false, false): return ascii ? "." : "╌"
        case (false, true): return ascii ? ":" : "╍"
        }
    }
}
