import ArgumentParser
import FileSupport
import PerceptronApp

/// `perceptron themes`: which themes there are and where each was found.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes and where each was found.",
        discussion: """
            Themes are NAME.theme files, looked up in ./themes, then \
            $XDG_CONFIG_HOME/perceptron/themes (else ~/.config/perceptron/themes), then the themes \
            folder next to the binary; the shipped ones are also built in. Choose one with \
            --theme NAME or --theme PATH; press t to cycle through them while watching.
            """)

    func run() throws {
        // Names and paths come from file names anyone may have chosen: escaped.
        let rows = ThemeCatalog.standard().available().map {
            (name: TerminalText.escaped($0.name, limit: 40), location: TerminalText.escaped($0.location, limit: TerminalText.pathLimit))
        }
        let width = rows.map(\.name.count).max() ?? 0
        try StandardOutput.writeLines(rows.map {
            $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.location
        })
    }
}
