import TerminalUI

/// What a piece of the screen means; a theme gives each meaning a style.
public enum Role: String, CaseIterable, Sendable {
    case background, text, dimText, title, border, keyHint
    case positiveWeight, negativeWeight, nearZeroWeight
    case class0, class1
    case sigmoidCurve, sampleMarker, lossLine, grid, highlight, warning
    case correct, wrong
    case statusRunning, statusPaused

    /// The role's name in a `.theme` file: snake_case (`dimText` → `dim_text`, `class0` → `class_0`).
    public var fileKey: String {
        var key = ""
        var previous: Character?
        for character in rawValue {
            if character.isUppercase {
                key += "_" + character.lowercased()
            } else if character.isNumber, let previous, previous.isLetter {
                key += "_" + String(character)
            } else {
                key.append(character)
            }
            previous = character
        }
        return key
    }

    /// The role named `fileKey` in a `.theme` file, or nil.
    public init?(fileKey: String) {
        guard let role = Role.allCases.first(where: { $0.fileKey == fileKey }) else { return nil }
        self = role
    }
}

/// Styles by role, plus which glyphs may be drawn.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]
    public var glyphs: GlyphSet
    /// Draw heavy lines and blocks instead of hairlines (`theme[line_weight]="heavy"`): for
    /// projectors, where thin lines disappear.
    public var heavyLines: Bool

    public init(name: String, styles: [Role: Style], glyphs: GlyphSet = .unicode, heavyLines: Bool = false) {
        self.name = name
        self.styles = styles
        self.glyphs = glyphs
        self.heavyLines = heavyLines
    }

    public func style(_ role: Role) -> Style { styles[role] ?? Theme.standard.styles[role] ?? .plain }

    /// The screen's background colour: the `background` role's background.
    public var screenBackground: Color { style(.background).background }

    /// The default: dark, colour-blind safe (Okabe-Ito): positive weights sky blue, negative orange.
    ///
    /// Its single source is the text of `themes/default.theme`, compiled in (`ThemeBuiltIns.swift`;
    /// a test checks that the file and the compiled-in copy are the same byte for byte).
    public static let standard: Theme = {
        guard let text = BuiltInThemes.texts[ThemeCatalog.defaultName] else {
            fatalError("perceptron: the built-in default theme is missing")
        }
        do throws(ThemeError) {
            return try ThemeFile.parse(text, name: ThemeCatalog.defaultName, path: BuiltInThemes.path(ThemeCatalog.defaultName),
                                       base: nil).theme
        } catch {
            fatalError("perceptron: the built-in default theme is broken: \(error)")
        }
    }()
}
