import ArgumentParser
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
        let entries = ThemeCatalog.standard().available()
        let width = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.location)
        }
    }
}
