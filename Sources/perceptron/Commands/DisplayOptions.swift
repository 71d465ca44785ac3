import ArgumentParser
import PerceptronApp
import TerminalUI

/// How the visualiser looks, shared by `watch` and `frame`.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "Projection mode: step, loss and weights in big digits, thick plot lines (key p).")
    var present = false

    @Flag(name: .long, help: "Plain ASCII only: no braille, block, box-drawing or Greek characters.")
    var ascii = false

    func theme() -> Theme {
        var theme = Theme.standard
        if ascii { theme.glyphs = .ascii }
        return theme
    }

    func apply(to state: inout AppState) {
        state.presenting = present
    }
}
