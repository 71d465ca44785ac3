import TerminalUI

/// What is under a screen cell, for the mouse.
public enum HitTarget: Equatable, Sendable {
    /// The timeline's bar, at the column that draws this step.
    case timeline(step: Int)
    /// A predictions row: this sample.
    case sample(Int)
    /// Anywhere else in this panel.
    case panel(Panel)
}

/// What `view(state)` draws at cell (`x`, `y`), from the same layout code; nil for the status
/// line, a caption, the timeline's ends, and screens whose panels are not the usual ones (explain,
/// presentation, too small).
public func hitTest(_ state: AppState, x: Int, y: Int) -> HitTarget? {
    guard state.width >= minimumSize.width, state.height >= minimumSize.height else { return nil }
    let rows = ScreenRows(state)
    if rows.timeline.contains(x: x, y: y) {
        return TimelinePanel.step(atX: x, state, area: rows.timeline).map { .timeline(step: $0) }
    }
    guard rows.body.contains(x: x, y: y) else { return nil }
    let panels: [(Panel, Rect)]
    if let panel = state.zoomedPanel {
        panels = [(panel, rows.body)]
    } else if state.explainPhase != nil || state.presenting {
        return nil
    } else {
        panels = StandardLayout(state, body: rows.body).panels
    }
    guard let (panel, area) = panels.first(where: { $0.1.contains(x: x, y: y) }) else { return nil }
    if panel == .predictions, let sample = PredictionsPanel.sample(atY: y, state, area: area) { return .sample(sample) }
    return .panel(panel)
}
