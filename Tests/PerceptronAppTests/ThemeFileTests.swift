import Foundation
import Glibc
import TerminalUI
import XCTest
@testable import PerceptronApp

/// The `.theme` format, the shipped themes in `themes/`, and every kind of bad theme file.
final class ThemeFileTests: XCTestCase {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
    static let shippedNames = ["default", "greyscale", "high-contrast", "mono", "projector"]

    private func shipped(_ name: String) throws -> LoadedTheme {
        try ThemeFile.load(path: Self.themesDirectory + "/\(name).theme")
    }

    private func parse(_ text: String, file: String = "x.theme") throws(ThemeError) -> LoadedTheme {
        try ThemeFile.parse(text, name: "x", path: file)
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do throws(ThemeError) {
            _ = try parse(text)
            XCTFail("expected an error for \(text.debugDescription)", file: file, line: line)
            return nil
        } catch {
            return error.description
        }
    }

    private func error(bytes: [UInt8]) -> ThemeError? {
        do throws(ThemeError) {
            _ = try ThemeFile.parse(bytes: bytes, name: "x", path: "x.theme")
            return nil
        } catch {
            return error
        }
    }

    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("theme-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    private func colours(_ theme: Theme) -> [Color] {
        Role.allCases.flatMap { [theme.style($0).foreground, theme.style($0).background] }
    }

    // MARK: - Roles and the shipped themes

    func testRoleFileKeysAreTheIssuesSnakeCaseNames() {
        XCTAssertEqual(Role.allCases.map(\.fileKey), [
            "background", "text", "dim_text", "title", "border", "key_hint", "positive_weight", "negative_weight",
            "near_zero_weight", "class_0", "class_1", "sigmoid_curve", "sample_marker", "loss_line", "grid",
            "highlight", "warning", "correct", "wrong", "status_running", "status_paused",
        ])
        for role in Role.allCases { XCTAssertEqual(Role(fileKey: role.fileKey), role) }
        XCTAssertNil(Role(fileKey: "dimText"))
    }

    func testEveryShippedFileParsesWithoutWarningsAndSetsEveryRole() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory)
            .filter { $0.hasSuffix(".theme") }.sorted()
        XCTAssertEqual(files, Self.shippedNames.map { $0 + ".theme" })
        for file in files {
            let path = Self.themesDirectory + "/" + file
            let loaded = try ThemeFile.load(path: path)
            XCTAssertEqual(loaded.warnings, [], file)
            XCTAssertEqual(loaded.theme.name, ThemeFile.name(forPath: file))
            XCTAssertEqual(loaded.path, path)
            // Every role is set by the file itself, not taken from the default.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let complete = try ThemeFile.parse(text, name: loaded.theme.name, path: path, base: nil)
            XCTAssertEqual(complete.theme, loaded.theme, file)
            XCTAssertTrue(text.contains("theme[line_weight]="), "\(file) says its line weight")
            // The format is documented at the top of default.theme; the others point there.
            let documented = file == "default.theme" ? text.contains("\"#000000 on #F0E442 bold\"")
                                                     : text.contains("see default.theme")
            XCTAssertTrue(documented, "\(file) documents the format or points to where it is")
        }
    }

    func testCompiledInThemesAreTheFilesByteForByte() throws {
        XCTAssertEqual(BuiltInThemes.texts.keys.sorted(), Self.shippedNames)
        for name in Self.shippedNames {
            let file = try String(contentsOfFile: Self.themesDirectory + "/\(name).theme", encoding: .utf8)
            XCTAssertEqual(BuiltInThemes.texts[name], file,
                           "themes/\(name).theme differs from its copy in Sources/PerceptronApp/ThemeBuiltIns.swift: copy it over")
        }
    }

    func testStandardIsTheDefaultFileAndKeepsItsColours() throws {
        let file = try shipped("default")
        XCTAssertEqual(file.theme, Theme.standard)
        XCTAssertEqual(Theme.standard.name, "default")
        XCTAssertFalse(Theme.standard.heavyLines)
        XCTAssertEqual(Theme.standard.glyphs, .unicode)
        // The styles the compiled-in default had before themes were files, role by role.
        func fg(_ hex: String, _ attributes: Attributes = []) -> Style { Style(foreground: Color(hex: hex)!, attributes: attributes) }
        func on(_ hex: String) -> Style { Style(foreground: .rgb(0, 0, 0), background: Color(hex: hex)!, attributes: .bold) }
        let expected: [Role: Style] = [
            .background: .plain, .text: .plain, .dimText: fg("#8A8A8A"), .title: fg("#F0E442", .bold),
            .border: fg("#5F6B7A"), .keyHint: fg("#56B4E9", .bold), .positiveWeight: fg("#56B4E9", .bold),
            .negativeWeight: fg("#E69F00", .bold), .nearZeroWeight: fg("#8A8A8A"), .class0: fg("#E69F00", .bold),
            .class1: fg("#56B4E9", .bold), .sigmoidCurve: fg("#E0E0E0"), .sampleMarker: fg("#F0E442", .bold),
            .lossLine: fg("#CC79A7", .bold), .grid: fg("#4E4E4E"), .highlight: on("#F0E442"),
            .warning: fg("#D55E00", .bold), .correct: fg("#009E73", .bold), .wrong: fg("#D55E00", .bold),
            .statusRunning: on("#009E73"), .statusPaused: on("#E69F00"),
        ]
        for role in Role.allCases { XCTAssertEqual(Theme.standard.style(role), expected[role], "\(role)") }
        XCTAssertEqual(Theme.standard.style(.positiveWeight).foreground, .rgb(0x56, 0xB4, 0xE9))
        XCTAssertEqual(Theme.standard.style(.negativeWeight).foreground, .rgb(0xE6, 0x9F, 0x00))
    }

    func testProjectorIsLightWithStrongTextAndHeavyLines() throws {
        let theme = try shipped("projector").theme
        XCTAssertTrue(theme.heavyLines)
        XCTAssertEqual(theme.screenBackground, .rgb(0xFF, 0xFF, 0xFF))
        XCTAssertEqual(theme.style(.text).foreground, .rgb(0, 0, 0))
        XCTAssertEqual(theme.style(.positiveWeight).foreground, .rgb(0x00, 0x72, 0xB2))
        XCTAssertEqual(theme.style(.negativeWeight).foreground, .rgb(0xD5, 0x5E, 0x00))
        for role in Role.allCases {
            XCTAssertFalse(theme.style(role).attributes.contains(.dim), "\(role) is dim")
        }
        // Dim text is a strong colour: dark on the white screen.
        guard case let .rgb(r, g, b) = theme.style(.dimText).foreground else { return XCTFail("dim_text has no colour") }
        XCTAssertLessThanOrEqual(max(r, g, b), 0x40)
    }

    func testMonoHasNoColourAtAll() throws {
        let theme = try shipped("mono").theme
        XCTAssertEqual(Set(colours(theme)), [.default])
        XCTAssertEqual(theme.style(.highlight).attributes, .reverse)
        XCTAssertEqual(theme.style(.statusRunning).attributes, [.reverse, .bold])
        XCTAssertEqual(theme.style(.statusPaused).attributes, [.reverse, .bold])
        XCTAssertEqual(theme.style(.positiveWeight).attributes, .bold)
        XCTAssertEqual(theme.style(.negativeWeight).attributes, .underline)
        XCTAssertEqual(theme.style(.class1).attributes, .bold)
        XCTAssertEqual(theme.style(.class0).attributes, .underline)
        XCTAssertEqual(theme.style(.wrong).attributes, [.bold, .underline])
        XCTAssertNotEqual(theme.style(.correct), theme.style(.wrong))
    }

    func testGreyscaleHasOnlyGreysAndCarriesSignsByAttributes() throws {
        let theme = try shipped("greyscale").theme
        for colour in colours(theme) {
            if case let .rgb(r, g, b) = colour { XCTAssertTrue(r == g && g == b, "\(colour) is not grey") }
        }
        XCTAssertTrue(theme.style(.positiveWeight).attributes.contains(.bold))
        XCTAssertTrue(theme.style(.negativeWeight).attributes.contains(.underline))
        XCTAssertNotEqual(theme.style(.positiveWeight).attributes, theme.style(.negativeWeight).attributes)
        XCTAssertNotEqual(theme.style(.correct).attributes, theme.style(.wrong).attributes)
    }

    func testHighContrastIsBlackAndWhiteAndBold() throws {
        let theme = try shipped("high-contrast").theme
        XCTAssertEqual(theme.screenBackground, .rgb(0, 0, 0))
        XCTAssertEqual(theme.style(.text).foreground, .rgb(0xFF, 0xFF, 0xFF))
        XCTAssertEqual(theme.style(.dimText).foreground, .rgb(0xFF, 0xFF, 0xFF))
        XCTAssertTrue(theme.heavyLines)
        for role in Role.allCases { XCTAssertFalse(theme.style(role).attributes.contains(.dim), "\(role)") }
        for role: Role in [.positiveWeight, .negativeWeight, .title, .correct, .wrong, .highlight, .statusRunning] {
            XCTAssertTrue(theme.style(role).attributes.contains(.bold), "\(role)")
        }
    }

    // MARK: - The format

    func testValueSyntax() throws {
        let cases: [(String, Style)] = [
            ("#56B4E9", Style(foreground: .rgb(0x56, 0xB4, 0xE9))),
            ("#56b4e9", Style(foreground: .rgb(0x56, 0xB4, 0xE9))),
            ("#000000 on #F0E442 bold", Style(foreground: .rgb(0, 0, 0), background: .rgb(0xF0, 0xE4, 0x42), attributes: .bold)),
            ("bold on #F0E442   #000000", Style(foreground: .rgb(0, 0, 0), background: .rgb(0xF0, 0xE4, 0x42), attributes: .bold)),
            ("on #FFFFFF", Style(background: .rgb(0xFF, 0xFF, 0xFF))),
            ("default", .plain),
            ("default on default", .plain),
            ("", .plain),
            ("bold reverse", Style(attributes: [.bold, .reverse])),
            ("BOLD Dim italic underline reverse", Style(attributes: [.bold, .dim, .italic, .underline, .reverse])),
        ]
        for (value, style) in cases {
            let theme = try parse("theme[title]=\"\(value)\"\n").theme
            XCTAssertEqual(theme.style(.title), style, value)
        }
    }

    func testLayoutAllowsSpacesCommentsCRLFAndABOM() throws {
        let text = "\u{FEFF}# a comment\r\n\r\n   theme[ title ] =  \"#FFFFFF bold\"   # trailing comment\r\n\ttheme[line_weight]=\"HEAVY\"\r\n"
        let loaded = try parse(text)
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(loaded.theme.style(.title), Style(foreground: .rgb(255, 255, 255), attributes: .bold))
        XCTAssertTrue(loaded.theme.heavyLines)
        // The same bytes read from a file.
        let fromBytes = try ThemeFile.parse(bytes: Array(text.utf8), name: "x", path: "x.theme")
        XCTAssertEqual(fromBytes, loaded)
    }

    func testAMissingRoleFallsBackToTheDefault() throws {
        let theme = try parse("theme[positive_weight]=\"#0072B2\"\n").theme
        XCTAssertEqual(theme.style(.positiveWeight), Style(foreground: .rgb(0x00, 0x72, 0xB2)))
        for role in Role.allCases where role != .positiveWeight {
            XCTAssertEqual(theme.styles[role], Theme.standard.style(role), "\(role)")
        }
        XCTAssertFalse(theme.heavyLines)
    }

    func testAnUnknownRoleIsAWarningNotAFailure() throws {
        let loaded = try parse("theme[title]=\"bold\"\ntheme[main_bg]=\"#000000\"\ntheme[positiveWeight]=\"#000000\"\n")
        XCTAssertEqual(loaded.warnings, [
            "x.theme:2: unknown role 'main_bg' (ignored)",
            "x.theme:3: unknown role 'positiveWeight' (ignored): did you mean 'positive_weight'?",
        ])
        XCTAssertEqual(loaded.theme.style(.title), Style(attributes: .bold))
        XCTAssertEqual(loaded.theme.style(.positiveWeight), Theme.standard.style(.positiveWeight))
        // An unknown role may even have a value we cannot read, and may repeat: it is ignored.
        XCTAssertEqual(try parse("theme[title]=\"bold\"\ntheme[cpu_box]=\"#12\"\ntheme[cpu_box]=\"x\"\n").warnings.count, 2)
    }

    func testAnEmptyFileIsTheDefaultThemeWithAWarning() throws {
        for text in ["", "\n\n", "# only comments\n"] {
            let loaded = try parse(text)
            XCTAssertEqual(loaded.theme.styles, Theme.standard.styles)
            XCTAssertEqual(loaded.theme.name, "x")
            XCTAssertEqual(loaded.warnings, ["x.theme: sets no roles: every role is the default theme's"])
        }
    }

    // MARK: - Bad themes: one line each, naming file:line

    func testMalformedLines() {
        XCTAssertEqual(error("# ok\n\ntitle = \"#FFFFFF\"\n"),
                       "x.theme:3: expected theme[role]=\"value\", not 'title = \"#FFFFFF\"'")
        XCTAssertEqual(error("theme[title \"#FFFFFF\"\n"),
                       "x.theme:1: expected theme[role]=\"value\", not 'theme[title \"#FFFFFF\"'")
        XCTAssertEqual(error("theme[title] \"#FFFFFF\"\n"),
                       "x.theme:1: expected theme[role]=\"value\", not 'theme[title] \"#FFFFFF\"'")
        XCTAssertEqual(error("theme[]=\"#FFFFFF\"\n"),
                       "x.theme:1: no role between the brackets: expected theme[role]=\"value\", not 'theme[]=\"#FFFFFF\"'")
        XCTAssertEqual(error("theme[title]=#FFFFFF\n"), "x.theme:1: the value must be in double quotes: theme[title]=\"...\"")
        XCTAssertEqual(error("theme[title]=\"#FFFFFF\n"), "x.theme:1: the value has no closing quote")
        XCTAssertEqual(error("theme[title]=\"#FFFFFF\" bold\n"), "x.theme:1: unexpected 'bold' after the value")
        XCTAssertEqual(error("theme[title]=\"#FFFFFF\"\u{1B}[2J\n"), "x.theme:1: unexpected '\\e[2J' after the value")
        let long = String(repeating: "a", count: 100)
        XCTAssertEqual(error(long), "x.theme:1: expected theme[role]=\"value\", not '\(String(repeating: "a", count: 39))…'")
    }

    func testBadValues() {
        let help = "use #RRGGBB, 'default', 'on <colour>' and bold/dim/italic/underline/reverse"
        XCTAssertEqual(error("\n\ntheme[title]=\"blue\"\n"), "x.theme:3: unknown colour 'blue': \(help)")
        XCTAssertEqual(error("theme[title]=\"#FFF\"\n"), "x.theme:1: unknown colour '#FFF': \(help)")
        XCTAssertEqual(error("theme[title]=\"255 255 255\"\n"), "x.theme:1: unknown colour '255': \(help)")
        XCTAssertEqual(error("theme[title]=\"#FFFFFF blink\"\n"), "x.theme:1: unknown colour 'blink': \(help)")
        XCTAssertEqual(error("theme[title]=\"#FFFFFF on\"\n"),
                       "x.theme:1: 'on' needs a colour after it (#RRGGBB or 'default'), not nothing")
        XCTAssertEqual(error("theme[title]=\"on bold\"\n"),
                       "x.theme:1: 'on' needs a colour after it (#RRGGBB or 'default'), not 'bold'")
        XCTAssertEqual(error("theme[title]=\"#FFFFFF #000000\"\n"),
                       "x.theme:1: two foreground colours in '#FFFFFF #000000'")
        XCTAssertEqual(error("theme[title]=\"on #FFFFFF on #000000\"\n"),
                       "x.theme:1: two background colours in 'on #FFFFFF on #000000'")
        XCTAssertEqual(error("theme[line_weight]=\"thick\"\n"), "x.theme:1: unknown line weight 'thick': use 'heavy' or 'light'")
    }

    func testADuplicatedRoleIsAnError() {
        XCTAssertEqual(error("theme[title]=\"bold\"\n# again\ntheme[title]=\"#FFFFFF\"\n"),
                       "x.theme:3: 'title' is set twice (first on line 1): keep one")
        XCTAssertEqual(error("theme[line_weight]=\"heavy\"\ntheme[LINE_WEIGHT]=\"light\"\n"),
                       "x.theme:2: 'line_weight' is set twice (first on line 1): keep one")
    }

    func testBinaryAndNonUTF8Files() {
        XCTAssertEqual(error(bytes: Array("theme[title]=\"bold\"\n# caf".utf8) + [0xE9, 0x0A])?.description,
                       "x.theme:2: not a theme file: not UTF-8 text")
        XCTAssertEqual(error(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00])?.description,
                       "x.theme:1: not a theme file: binary data (a NUL byte)")
        // Random bytes: always one line naming the file, whatever the bytes.
        var generator = SplitMix64(seed: 42)  // seeded: the same bytes every run
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 1...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if let error = error(bytes: bytes) {
                XCTAssertTrue(error.description.hasPrefix("x.theme:"), error.description)
                XCTAssertFalse(error.description.contains("\n"), error.description)
                XCTAssertFalse(error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, error.description)
            } else {
                XCTFail("random bytes loaded as a theme: \(bytes)")
            }
        }
        // Valid UTF-8 is read as text: a BOM is skipped, accents in comments are fine.
        XCTAssertNil(error(bytes: [0xEF, 0xBB, 0xBF] + Array("# café ✓\ntheme[title]=\"bold\"\n".utf8)))
    }

    func testFilesThatCannotBeRead() throws {
        let directory = try temporaryDirectory()
        func loadError(_ path: String) -> String? {
            do throws(ThemeError) { _ = try ThemeFile.load(path: path); return nil } catch { return error.description }
        }
        XCTAssertEqual(loadError(directory + "/missing.theme"), "\(directory)/missing.theme: no such theme file")
        try FileManager.default.createDirectory(atPath: directory + "/dir.theme", withIntermediateDirectories: false)
        XCTAssertEqual(loadError(directory + "/dir.theme"), "\(directory)/dir.theme: is not a regular file (it is a directory)")
        // A FIFO is refused without being opened (opening it for reading would block).
        XCTAssertEqual(mkfifo(directory + "/fifo.theme", 0o644), 0)
        XCTAssertEqual(loadError(directory + "/fifo.theme"), "\(directory)/fifo.theme: is not a regular file (it is a FIFO)")
        let large = directory + "/large.theme"
        try Data(repeating: 0x23, count: ThemeFile.maximumSize + 1).write(to: URL(fileURLWithPath: large))
        XCTAssertEqual(loadError(large), "\(large): not a theme file: larger than 256 KB")
        let binary = directory + "/binary.theme"
        try Data([0x23, 0x0A, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary))
        XCTAssertEqual(loadError(binary), "\(binary):2: not a theme file: binary data (a NUL byte)")
        let bad = directory + "/bad.theme"
        try "theme[title]=\"blue\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertEqual(loadError(bad), "\(bad):1: unknown colour 'blue': \(ThemeFile.valueHelp)")
    }
}
