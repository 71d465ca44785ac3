import TerminalUI
import XCTest

/// Text is laid out in terminal columns. The expected widths are what xterm, tmux and glibc's
/// wcwidth give (Unicode's EastAsianWidth.txt: W and F are two columns; Mn, Me and Cf none).
final class ColumnWidthTests: XCTestCase {
    func testCharacterWidths() {
        let expected: [(Character, Int)] = [
            ("a", 1), (" ", 1), ("σ", 1), ("ŷ", 1), ("∂", 1), ("─", 1), ("┼", 1), ("█", 1), ("⣿", 1), ("▶", 1),
            ("✓", 1), ("✗", 1), ("…", 1), ("é", 1), ("e\u{301}", 1), ("₁", 1),
            ("日", 2), ("カ", 2), ("한", 2), ("Ａ", 2), ("😀", 2), ("✅", 2), ("❤\u{FE0F}", 2), ("🇫🇷", 2),
            ("\u{200B}", 0), ("\u{301}", 0), ("\u{FEFF}", 0),
        ]
        for (character, width) in expected {
            XCTAssertEqual(character.columnWidth, width, "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual("σ(z) 日本".columnWidth, 9)
        XCTAssertEqual("日本語".prefix(columns: 5), "日本")
        XCTAssertEqual("ab日".prefix(columns: 3), "ab")
    }

    func testAWideCharacterTakesTwoCellsAndEveryLineKeepsTheWidth() {
        var buffer = Buffer(width: 8, height: 1)
        XCTAssertEqual(buffer.write("a日b", x: 1, y: 0), 5)
        XCTAssertEqual(buffer.lines, [" a日b   "])
        XCTAssertTrue(buffer[3, 0].isContinuation)
        XCTAssertEqual(buffer.lines[0].columnWidth, 8)
        // Zero-width characters take no cell.
        var zero = Buffer(width: 4, height: 1)
        XCTAssertEqual(zero.write("a\u{200B}b", x: 0, y: 0), 2)
        XCTAssertEqual(zero.lines, ["ab  "])
    }

    func testAWideCharacterIsNeverCutInHalf() {
        // At the clip's right edge, and at its left edge: a blank instead of half a character.
        var buffer = Buffer(width: 4, height: 2)
        buffer.write("ab日", x: 1, y: 0, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        XCTAssertEqual(buffer.lines[0], " ab ")
        buffer.write("日x", x: -1, y: 1)
        XCTAssertEqual(buffer.lines[1], " x  ")
        for line in buffer.lines { XCTAssertEqual(line.columnWidth, 4) }
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 3)
        buffer.write("日本", x: 0, y: 0)
        buffer.set(1, 0, "x")   // the right half of 日
        buffer.set(2, 0, "y")   // the left half of 本
        XCTAssertEqual(buffer.lines[0], " xy   ")
        buffer.write("日本", x: 0, y: 1)
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 1), with: Cell("-"))
        XCTAssertEqual(buffer.lines[1], " --   ")
        buffer[4, 2] = Cell("日")
        buffer[5, 0] = Cell("日")  // no room for its right half: a blank
        XCTAssertEqual(buffer.lines[2], "    日")
        XCTAssertEqual(buffer.lines[0], " xy   ")
        for line in buffer.lines { XCTAssertEqual(line.columnWidth, 6) }
    }

    func testANSITextShowsAWideCharacterOnce() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("日a", x: 0, y: 0, style: Style(attributes: .bold))
        XCTAssertEqual(buffer.ansiText(colorMode: .none), "\u{1B}[0;1m日a\u{1B}[0m")
        XCTAssertEqual(buffer.plainText, "日a")
    }
}
