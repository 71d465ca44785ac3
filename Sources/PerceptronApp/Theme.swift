import TerminalUI

/// What a piece of the screen means; a theme gives each meaning a style.
public enum Role: String, CaseIterable, Sendable {
    case background, text, dimText, title, border, keyHint
    case positiveWeight, negativeWeight, nearZeroWeight
    case class0, class1
    case sigmoidCurve, sampleMarker, lossLine, grid, highlight, warning
    case correct, wrong
    case statusRunning, statusPaused
}

/// Styles by role, plus which glyphs may be drawn.
public struct Theme: Sendable {
    public var name: String
    public var styles: [Role: Style]
    public var glyphs: GlyphSet

    public init(name: String, styles: [Role: Style], glyphs: GlyphSet = .unicode) {
        self.name = name
        self.styles = styles
        self.glyphs = glyphs
    }

    public func style(_ role: Role) -> Style { styles[role] ?? Theme.standard.styles[role] ?? .plain }

    /// The default: dark, colour-blind safe (Okabe-Ito): positive weights sky blue, negative orange.
    public static let standard: Theme = {
        func fg(_ hex: String, _ attributes: Attributes = []) -> Style {
            Style(foreground: Color(hex: hex) ?? .default, attributes: attributes)
        }
        let skyBlue = "#56B4E9", orange = "#E69F00", green = "#009E73", yellow = "#F0E442"
        let vermillion = "#D55E00", purple = "#CC79A7"
        return Theme(name: "default", styles: [
            .background: .plain,
            .text: .plain,
            .dimText: fg("#8A8A8A"),
            .title: fg(yellow, .bold),
            .border: fg("#5F6B7A"),
            .keyHint: fg(skyBlue, .bold),
            .positiveWeight: fg(skyBlue, .bold),
            .negativeWeight: fg(orange, .bold),
            .nearZeroWeight: fg("#8A8A8A"),
            .class0: fg(orange, .bold),
            .class1: fg(skyBlue, .bold),
            .sigmoidCurve: fg("#E0E0E0"),
            .sampleMarker: fg(yellow, .bold),
            .lossLine: fg(purple, .bold),
            .grid: fg("#4E4E4E"),
            .highlight: Style(foreground: .rgb(0, 0, 0), background: Color(hex: yellow) ?? .default, attributes: .bold),
            .warning: fg(vermillion, .bold),
            .correct: fg(green, .bold),
            .wrong: fg(vermillion, .bold),
            .statusRunning: Style(foreground: .rgb(0, 0, 0), background: Color(hex: green) ?? .default, attributes: .bold),
            .statusPaused: Style(foreground: .rgb(0, 0, 0), background: Color(hex: orange) ?? .default, attributes: .bold),
        ])
    }()
}
