import Foundation
import Glibc
import TestSupport
import XCTest

/// Themes as a user meets them: `--theme`, `NO_COLOR`, `--ascii`, `perceptron themes`, bad files.
final class ThemeCommandTests: XCTestCase {
    private func perceptron(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), arguments,
                              environment: ProcessRunner.environment(adding: environment, removing: ["NO_COLOR"]),
                              timeout: .seconds(60))
    }

    private var temporaryDirectory: String = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/perceptron-themes-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        temporaryDirectory = String(cString: try XCTUnwrap(made))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: temporaryDirectory)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = temporaryDirectory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// SGR colour parameters (38;… foreground, 48;… background, 30–37/40–47/90–97/100–107) in ANSI text.
    private func hasColourCodes(_ text: String) -> Bool {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(38;|48;|(^|;)(3[0-7]|4[0-7]|9[0-7]|10[0-7])(;|m))")
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func testListsTheShippedThemesWithWhereTheyWereFound() throws {
        let result = try perceptron(["themes"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["default", "projector", "high-contrast", "greyscale", "mono"] {
            XCTAssertTrue(result.stdout.split(separator: "\n").contains { $0.hasPrefix(name + " ") }, result.stdout)
        }
    }

    func testEveryThemeDrawsAndColoursDiffer() throws {
        var frames: [String: String] = [:]
        for name in ["default", "projector", "high-contrast", "greyscale", "mono"] {
            let result = try perceptron(["frame", "--step", "10", "--color", "--theme", name])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            frames[name] = result.stdout
        }
        XCTAssertEqual(Set(frames.values).count, 5, "each theme looks different")
        XCTAssertTrue(frames["projector"]!.contains("48;2;255;255;255"), "projector: a white background")
        XCTAssertTrue(frames["default"]!.contains("38;2;86;180;233"), "default: sky blue positive weights")
    }

    func testMonoNoColorAndASCIIHaveNoColourCodes() throws {
        let mono = try perceptron(["frame", "--step", "10", "--color", "--theme", "mono"])
        XCTAssertFalse(hasColourCodes(mono.stdout))
        XCTAssertTrue(mono.stdout.contains("\u{1B}[0;1m") || mono.stdout.contains("\u{1B}[0;7m"), "mono uses attributes")
        let noColor = try perceptron(["frame", "--step", "10", "--color"], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(noColor.stdout, mono.stdout, "NO_COLOR selects mono")
        // --theme wins over NO_COLOR.
        let chosen = try perceptron(["frame", "--step", "10", "--color", "--theme", "default"], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(hasColourCodes(chosen.stdout))
        let ascii = try perceptron(["frame", "--step", "10", "--ascii", "--theme", "mono", "--color"])
        XCTAssertFalse(hasColourCodes(ascii.stdout))
        let plainASCII = try perceptron(["frame", "--step", "10", "--ascii", "--present"])
        XCTAssertTrue(plainASCII.stdout.unicodeScalars.allSatisfy { $0.isASCII }, plainASCII.stdout)
    }

    func testColourModesMapTo256And8Colours() throws {
        let palette256 = try perceptron(["frame", "--step", "10", "--color", "--colors", "256"])
        XCTAssertTrue(palette256.stdout.contains("38;5;74"), "#56B4E9 is xterm-256 colour 74")
        XCTAssertFalse(palette256.stdout.contains("38;2;"))
        let palette8 = try perceptron(["frame", "--step", "10", "--color", "--colors", "8"])
        XCTAssertFalse(palette8.stdout.contains("38;5;") || palette8.stdout.contains("38;2;"))
    }

    /// Bad themes: one line naming the file (and line) and what is wrong; status 2; nothing drawn.
    func testBadThemesAreRefusedWithOneLine() throws {
        let malformed = try write("malformed.theme", Array("# ok\ntheme[text]=\"#FFFFFF\"\ntheme text = red\n".utf8))
        let badColour = try write("colour.theme", Array("theme[text]=\"#FFFFFF\"\ntheme[title]=\"#12345\"\n".utf8))
        var random = SystemRandomNumberGenerator()
        let noise = try write("noise.theme", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) } + [0])
        let cases: [([String], String)] = [
            (["--theme", temporaryDirectory + "/missing.theme"], "missing.theme"),
            (["--theme", "no-such-theme"], "unknown theme 'no-such-theme': use one of default, greyscale, high-contrast, mono, projector"),
            (["--theme", malformed], "malformed.theme:3:"),
            (["--theme", badColour], "colour.theme:2:"),
            (["--theme", noise], "noise.theme"),
        ]
        for (arguments, expected) in cases {
            for command in [["frame"], ["watch"]] {
                let result = try perceptron(command + arguments)
                XCTAssertEqual(result.status, 2, "\(arguments)")
                XCTAssertEqual(result.stdout, "", "\(arguments)")
                XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
                XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "\(arguments): \(result.stderr)")
            }
        }
    }

    func testUnknownRoleIsAWarningNotAFailure() throws {
        let theme = try write("extra.theme", Array("theme[text]=\"#FFFFFF\"\ntheme[sparkles]=\"#FF00FF\"\n".utf8))
        let result = try perceptron(["frame", "--step", "1", "--theme", theme])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.isEmpty)
    }
}
