import XCTest
import TerminalUI

final class BigDigitsTests: XCTestCase {
    func testSmallGlyphs() {
        XCTAssertEqual(BigDigits.lines("0.5"), [
            "█▀█   █▀▀",
            "█ █   ▀▀█",
            "▀▀▀ ▀ ▀▀▀",
        ])
    }

    func testLargeASCIIGlyphs() {
        XCTAssertEqual(BigDigits.lines("-1", size: .large, glyphs: .ascii), [
            "     # ",
            "    ## ",
            "###  # ",
            "     # ",
            "    ###",
        ])
    }

    func testSmallASCIIUsesHalfMarks() {
        XCTAssertEqual(BigDigits.lines("7", glyphs: .ascii), ["\"\"#", "  #", "  \""])
    }

    func testNaN() {
        XCTAssertEqual(BigDigits.lines("NaN"), [
            "█▀█ ▄▄  █▀█",
            "█ █ ▄▀█ █ █",
            "▀ ▀ ▀▀▀ ▀ ▀",
        ])
    }

    func testEveryNumberCharacterHasItsOwnGlyph() {
        let characters = Array("0123456789.-+eE NaNinfI,:%")
        for c in characters where c != "?" {
            XCTAssertNotEqual(BigDigits.lines(String(c), size: .large), BigDigits.lines("?", size: .large), "\(c)")
        }
        let digits = (0...9).map { BigDigits.lines(String($0)) }
        XCTAssertEqual(Set(digits.map { $0.joined(separator: "\n") }).count, 10, "small digits must be distinct")
    }

    func testUnknownCharactersDrawAsQuestionMark() {
        XCTAssertEqual(BigDigits.lines("x"), BigDigits.lines("?"))
    }

    func testWidth() {
        XCTAssertEqual(BigDigits.width(of: ""), 0)
        XCTAssertEqual(BigDigits.width(of: "0.5"), 9)
        XCTAssertEqual(BigDigits.width(of: "1.2e-5"), 3 + 1 + 3 + 3 + 3 + 3 + 5)
        XCTAssertEqual(BigDigits("-0.25").width, BigDigits.lines("-0.25")[0].count)
        for text in ["inf", "NaN", "123", "1 2"] {
            XCTAssertEqual(BigDigits.width(of: text), BigDigits.lines(text, size: .large)[0].count, text)
        }
    }

    func testRenderLeavesBlankPixelsAloneAndClips() {
        var buffer = Buffer(width: 6, height: 2, fill: Cell("."))
        BigDigits("11", style: Style(attributes: .bold)).render(into: &buffer, area: Rect(x: -1, y: 0, width: 10, height: 2))
        // "11" is "▄█  ▄█ " / " █   █ " / "▀▀▀ ▀▀▀", drawn from x = -1.
        XCTAssertEqual(buffer.lines, ["█..▄█.", "█...█."])
        XCTAssertEqual(buffer[0, 0].style.attributes, .bold)
        XCTAssertEqual(buffer[2, 0].style, .plain)
        BigDigits("123").render(into: &buffer, area: Rect(x: 100, y: 100, width: 1, height: 1))
        BigDigits("123").render(into: &buffer, area: Rect(x: 0, y: 0, width: 0, height: 5))
    }

    func testRightAlignment() {
        var buffer = Buffer(width: 6, height: 3)
        BigDigits("1", alignment: .right).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, ["   ▄█ ", "    █ ", "   ▀▀▀"])
    }
}
