import FileSupport
import Foundation
import TerminalUI

/// Why a theme could not be loaded, as one line: `file:line: what is wrong` (the line where one
/// applies; no file for an unknown theme name).
public struct ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The theme file, as it was named or found (nil when no file is involved).
    public var file: String?
    /// The 1-based line, when the problem is on one.
    public var line: Int?
    /// What is wrong, and what is allowed.
    public var message: String

    public init(file: String?, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// The file name is escaped: it may come from a folder anyone can write to.
    public var description: String {
        switch (file, line) {
        case let (file?, line?): "\(TerminalText.escaped(file, limit: TerminalText.pathLimit)):\(line): \(message)"
        case let (file?, nil): "\(TerminalText.escaped(file, limit: TerminalText.pathLimit)): \(message)"
        default: message
        }
    }
}

/// A complete theme, and the warnings (one line each, `file:line: ...`) its file gave.
public struct LoadedTheme: Equatable, Sendable {
    public var theme: Theme
    public var warnings: [String]
    /// The file it was read from; nil for a compiled-in theme.
    public var path: String?

    public init(theme: Theme, warnings: [String] = [], path: String? = nil) {
        self.theme = theme
        self.warnings = warnings
        self.path = path
    }
}

/// Reads `.theme` files: btop's format, `theme[role]="value"` a line, `#` comments, blank lines.
///
/// A value is any of, in any order: a foreground colour (`#RRGGBB` or `default`), a background
/// colour (`on #RRGGBB`, `on default`) and attribute words (bold, dim, italic, underline,
/// reverse); `""` is all default. Roles are `Role.fileKey`s; `line_weight` is `heavy` or `light`.
/// A role left out takes `Theme.standard`'s style; an unknown role is a warning; a role set twice,
/// a malformed line, an unknown colour or word, and anything but UTF-8 text are errors.
public enum ThemeFile {
    /// The file name extension, with its dot.
    public static let fileExtension = ".theme"
    /// The key of the line-weight option (not a role).
    public static let lineWeightKey = "line_weight"
    /// Files larger than this are not themes (shipped themes are about 2 KB).
    public static let maximumSize = 256 * 1024

    static let valueHelp = "use #RRGGBB, 'default', 'on <colour>' and bold/dim/italic/underline/reverse"

    /// A theme's name from its file's path: the file name without `.theme`.
    public static func name(forPath path: String) -> String {
        var name = (path as NSString).lastPathComponent
        if name.hasSuffix(fileExtension), name.count > fileExtension.count { name.removeLast(fileExtension.count) }
        return name
    }

    /// Reads and parses the theme file at `path` (named as given in messages).
    public static func load(path: String) throws(ThemeError) -> LoadedTheme {
        let bytes = try read(path)
        var loaded = try parse(bytes: bytes, name: name(forPath: path), path: path)
        loaded.path = path
        return loaded
    }

    /// Parses a theme file's bytes: they must be UTF-8 text without NUL bytes.
    public static func parse(bytes: [UInt8], name: String, path: String) throws(ThemeError) -> LoadedTheme {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lines: [String] = []
        for (index, line) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.contains(0) {
                throw ThemeError(file: path, line: index + 1, message: "not a theme file: binary data (a NUL byte)")
            }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw ThemeError(file: path, line: index + 1, message: "not a theme file: not UTF-8 text")
            }
            lines.append(text)
        }
        return try parse(lines: lines, name: name, path: path, base: Theme.standard.styles)
    }

    /// Parses a theme file's text. Roles it leaves out come from `Theme.standard`.
    public static func parse(_ text: String, name: String, path: String) throws(ThemeError) -> LoadedTheme {
        try parse(text, name: name, path: path, base: Theme.standard.styles)
    }

    /// With `base` nil every role must be set (the built-in default, which is the others' base).
    static func parse(_ text: String, name: String, path: String, base: [Role: Style]?) throws(ThemeError) -> LoadedTheme {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        return try parse(lines: lines, name: name, path: path, base: base)
    }

    private static func parse(lines: [String], name: String, path: String, base: [Role: Style]?) throws(ThemeError) -> LoadedTheme {
        var styles = base ?? [:]
        var heavyLines = false
        var warnings: [String] = []
        var firstSeen: [String: Int] = [:]
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            func failure(_ message: String) -> ThemeError { ThemeError(file: path, line: number, message: message) }
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let written: String, value: String
            switch setting(line) {
            case .success(let parsed): (written, value) = parsed
            case .failure(let problem): throw failure(problem.message)
            }
            let key = written.lowercased()
            let role = Role(fileKey: key)
            guard role != nil || key == lineWeightKey else {
                var warning = "\(TerminalText.escaped(path, limit: TerminalText.pathLimit)):\(number): unknown role '\(shown(written))' (ignored)"
                if let guess = Role.allCases.first(where: { squashed($0.fileKey) == squashed(key) }) {
                    warning += ": did you mean '\(guess.fileKey)'?"
                }
                warnings.append(warning)
                continue
            }
            if let first = firstSeen[key] {
                throw failure("'\(key)' is set twice (first on line \(first)): keep one")
            }
            firstSeen[key] = number
            if let role {
                switch style(value) {
                case .success(let style): styles[role] = style
                case .failure(let problem): throw failure(problem.message)
                }
            } else {
                switch value.trimmingCharacters(in: .whitespaces).lowercased() {
                case "heavy": heavyLines = true
                case "light", "": heavyLines = false
                default: throw failure("unknown line weight '\(shown(value))': use 'heavy' or 'light'")
                }
            }
        }
        if base == nil, let missing = Role.allCases.first(where: { styles[$0] == nil }) {
            throw ThemeError(file: path, message: "the default theme must set every role; '\(missing.fileKey)' is missing")
        }
        if firstSeen.isEmpty {
            warnings.append("\(TerminalText.escaped(path, limit: TerminalText.pathLimit)): sets no roles: every role is the default theme's")
        }
        return LoadedTheme(theme: Theme(name: name, styles: styles, heavyLines: heavyLines), warnings: warnings)
    }

    struct Problem: Error { var message: String }

    /// Splits `theme[key]="value"` (an optional `# comment` may follow the value).
    private static func setting(_ line: String) -> Result<(key: String, value: String), Problem> {
        let expected = "expected theme[role]=\"value\", not '\(shown(line))'"
        guard line.hasPrefix("theme["), let close = line.firstIndex(of: "]") else { return .failure(Problem(message: expected)) }
        let key = line[line.index(line.startIndex, offsetBy: 6)..<close].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return .failure(Problem(message: "no role between the brackets: \(expected)")) }
        var rest = line[line.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "=" else { return .failure(Problem(message: expected)) }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "\"" else {
            return .failure(Problem(message: "the value must be in double quotes: theme[\(shown(key))]=\"...\""))
        }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: "\"") else { return .failure(Problem(message: "the value has no closing quote")) }
        let value = String(rest[..<end])
        let after = rest[rest.index(after: end)...].trimmingCharacters(in: .whitespaces)
        guard after.isEmpty || after.hasPrefix("#") else {
            return .failure(Problem(message: "unexpected '\(shown(after))' after the value"))
        }
        return .success((key, value))
    }

    /// Parses a value: `#RRGGBB` / `default` (foreground), `on <colour>` (background), attribute words.
    static func style(_ value: String) -> Result<Style, Problem> {
        var foreground: Color?, background: Color?
        var attributes: Attributes = []
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word.lowercased() == "on" {
                guard index < words.count, let colour = colour(words[index]) else {
                    let got = index < words.count ? "'\(shown(words[index]))'" : "nothing"
                    return .failure(Problem(message: "'on' needs a colour after it (#RRGGBB or 'default'), not \(got)"))
                }
                index += 1
                guard background == nil else { return .failure(Problem(message: "two background colours in '\(shown(value))'")) }
                background = colour
            } else if let colour = colour(word) {
                guard foreground == nil else { return .failure(Problem(message: "two foreground colours in '\(shown(value))'")) }
                foreground = colour
            } else if let attribute = attributeWords[word.lowercased()] {
                attributes.insert(attribute)
            } else {
                return .failure(Problem(message: "unknown colour '\(shown(word))': \(valueHelp)"))
            }
        }
        return .success(Style(foreground: foreground ?? .default, background: background ?? .default, attributes: attributes))
    }

    private static func colour(_ word: String) -> Color? {
        word.lowercased() == "default" ? .default : Color(hex: word)
    }

    static let attributeWords: [String: Attributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
    ]

    /// `text` from the file, safe to print in one line: escaped, at most 40 characters.
    static func shown(_ text: some StringProtocol) -> String {
        TerminalText.escaped(text, limit: 40)
    }

    private static func squashed(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
    }

    /// The file's bytes: a regular file of at most `maximumSize` bytes. Anything else (a FIFO, a
    /// device, a directory) is refused without being opened, so a stray FIFO cannot hang a start.
    private static func read(_ path: String) throws(ThemeError) -> [UInt8] {
        do {
            return try RegularFile.readBytes(atPath: path, limit: maximumSize)
        } catch {
            switch error {
            case .missing: throw ThemeError(file: path, message: "no such theme file")
            case .tooLarge: throw ThemeError(file: path, message: "not a theme file: larger than \(maximumSize / 1024) KB")
            default: throw ThemeError(file: path, message: error.reason)
            }
        }
    }
}
