import FileSupport
import XCTest

/// Untrusted text on a terminal: escapes shown, never obeyed; cut to a sane length.
final class TerminalTextTests: XCTestCase {
    func testPlainTextIsUnchanged() {
        XCTAssertEqual(TerminalText.escaped("default.theme"), "default.theme")
        XCTAssertEqual(TerminalText.escaped("σ ŷ → 日本"), "σ ŷ → 日本")
        XCTAssertEqual(TerminalText.escaped(""), "")
    }

    func testControlCharactersAreShownAsEscapes() {
        XCTAssertEqual(TerminalText.escaped("a\u{1B}[2Jb"), "a\\e[2Jb")
        XCTAssertEqual(TerminalText.escaped("bell\u{07}"), "bell\\x07")
        XCTAssertEqual(TerminalText.escaped("l1\nl2\r\t"), "l1\\nl2\\r\\t")
        XCTAssertEqual(TerminalText.escaped("\u{0}\u{7F}"), "\\x00\\x7F")
        // C1 controls (U+009B is a one-byte CSI on some terminals).
        XCTAssertEqual(TerminalText.escaped("\u{9B}31m"), "\\u{9B}31m")
    }

    func testFormatAndOddScalarsAreEscaped() {
        XCTAssertEqual(TerminalText.escaped("abc\u{202E}fed"), "abc\\u{202E}fed", "a right-to-left override")
        XCTAssertEqual(TerminalText.escaped("a\u{200B}b"), "a\\u{200B}b")
        XCTAssertEqual(TerminalText.escaped("a\u{2028}b"), "a\\u{2028}b")
        XCTAssertEqual(TerminalText.escaped("\u{E000}"), "\\u{E000}", "private use")
        XCTAssertEqual(TerminalText.escaped("\u{10FFFF}"), "\\u{10FFFF}", "a noncharacter")
    }

    func testLongTextIsCutWithAnEllipsis() {
        XCTAssertEqual(TerminalText.escaped("abcde", limit: 5), "abcde")
        XCTAssertEqual(TerminalText.escaped("abcdef", limit: 5), "abcd…")
        XCTAssertEqual(TerminalText.escaped(String(repeating: "x", count: 10_000)).count, 80)
        // An escape is never cut in half.
        XCTAssertEqual(TerminalText.escaped("abc\u{1B}", limit: 4), "abc…")
        XCTAssertEqual(TerminalText.escaped("ab\u{1B}", limit: 4), "ab\\e")
    }
}
