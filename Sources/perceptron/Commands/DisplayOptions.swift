import ArgumentParser
import Foundation
import PerceptronApp
import TerminalUI

/// How the visualiser looks, shared by `watch` and `frame`.
struct DisplayOptions: ParsableArguments {
    @Option(name: .long,
            help: ArgumentHelp("Colour theme: a name from 'perceptron themes' or a path to a .theme file (default: "
                               + "default, or mono when NO_COLOR is set).", valueName: "NAME|PATH"))
    var theme: String?

    @Flag(name: .long, help: "Projection mode: step, loss and weights in big digits, thick plot lines (key p).")
    var present = false

    @Flag(name: .long, help: "Plain ASCII only: no braille, block, box-drawing or Greek characters.")
    var ascii = false

    func validate() throws { _ = try loadThemes() }

    /// The chosen theme first, then the others in `t`'s order; all complete, or an error naming
    /// `file:line` (the app never starts half-themed). The warnings are the chosen theme's
    /// (unknown roles); a broken theme among the others only drops out of the cycle.
    func loadThemes() throws -> (themes: [Theme], warnings: [String]) {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog.standard(environment: environment)
        let name = ThemeCatalog.defaultThemeName(requested: theme, environment: environment)
        let chosen: LoadedTheme
        do { chosen = try catalog.load(name) } catch { throw ValidationError("--theme: \(error)") }
        var all = [chosen.theme] + catalog.loadCycle().themes.filter { $0.name != chosen.theme.name }
        if ascii { for i in all.indices { all[i].glyphs = .ascii } }
        return (all, chosen.warnings)
    }

    /// Sets the themes and projection mode.
    func apply(_ themes: [Theme], to state: inout AppState) {
        state.themes = themes
        state.presenting = present
    }
}
