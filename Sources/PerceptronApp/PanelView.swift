import TerminalUI

/// One panel alone, its box filling the whole buffer, without the status bar and key hints
/// (`perceptron frame --panel NAME`): for lecture notes and documentation.
public func view(_ state: AppState, panel: Panel) -> Buffer {
    let theme = state.theme
    var buffer = Buffer(width: state.width, height: state.height, fill: Cell(" ", style: theme.style(.background)))
    render(panel, ViewContext(state: state, theme: theme), area: buffer.area, into: &buffer)
    finish(&buffer, theme: theme)
    return buffer
}
