import XCTest
import TerminalUI

final class BigTextTests: XCTestCase {
    /// Every glyph the font claims, plus the fallback box and folded characters.
    private var everyCharacter: [Character] {
        Array(BigText.supportedCharacters) + ["a", "z", "₁", "€", "漢"]
    }

    func testEveryGlyphIsThreeRowsAndAsWideAsDeclared() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            for c in everyCharacter {
                let lines = BigText.lines(String(c), glyphs: glyphs)
                XCTAssertEqual(lines.count, BigText.height, "\(c)")
                for line in lines { XCTAssertEqual(line.count, BigText.width(of: String(c)), "\(c)") }
            }
        }
        let word = "Gradient descent: σ(z) ≈ 0.61!"
        for line in BigText.lines(word) { XCTAssertEqual(line.count, BigText.width(of: word)) }
    }

    func testASCIIVariantIsPureASCII() {
        let text = String(everyCharacter)
        for line in BigText.lines(text, glyphs: .ascii) {
            XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line)
        }
        XCTAssertTrue(BigText.lines(text).joined().contains("█"))
    }

    func testTheBriefsCharactersHaveTheirOwnGlyphs() {
        let required = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?'\"-()/≈σ"
        for c in required { XCTAssertTrue(BigText.supports(c), "\(c)") }
        // Distinct from one another, so no two read the same from the back of a hall.
        let drawn = required.map { BigText.lines(String($0)) }
        XCTAssertEqual(Set(drawn.map { $0.joined(separator: "\n") }).count, required.count)
        XCTAssertFalse(BigText.supports("€"))
        XCTAssertNotEqual(BigText.lines("€"), BigText.lines("O"))
    }

    func testLowerCaseIsDrawnAsCapitalsAndSubscriptsAsDigits() {
        XCTAssertEqual(BigText.lines("perceptron"), BigText.lines("PERCEPTRON"))
        XCTAssertEqual(BigText.lines("X₁"), BigText.lines("X1"))
        XCTAssertEqual(BigText.lines("σ"), BigText.lines("σ"))
        XCTAssertNotEqual(BigText.lines("σ"), BigText.lines("Σ"))
    }

    func testGlyphsShapes() {
        XCTAssertEqual(BigText.lines("Hi 2"), [
            "█ █ ▀█▀   ▀▀█",
            "█▀█  █    █▀▀",
            "▀ ▀ ▀▀▀   ▀▀▀",
        ])
        XCTAssertEqual(BigText.lines("T", glyphs: .ascii), ["\"#\"", " # ", " \" "])
    }

    func testWrapsByWordsToTheWidth() {
        let title = "The first forward pass"
        let lines = BigText.wrap(title, width: 78)
        XCTAssertGreaterThan(BigText.width(of: title), 78)
        XCTAssertEqual(lines, ["The first forward", "pass"])
        for line in lines { XCTAssertLessThanOrEqual(BigText.width(of: line), 78) }
        XCTAssertEqual(BigText.wrap(title, width: 200), [title])
        // A word wider than the line is cut between letters, never drawn past the edge.
        let cut = BigText.wrap("Initialising", width: 20)
        XCTAssertEqual(cut.joined(), "Initialising")
        for line in cut { XCTAssertLessThanOrEqual(BigText.width(of: line), 20) }
        XCTAssertEqual(BigText.wrap("M", width: 2), [])
    }

    func testRenderLeavesBlankPixelsAlone() {
        var buffer = Buffer(width: 5, height: 3)
        buffer.write("xxxxx", x: 0, y: 2)
        BigText("T").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.plainText, "▀█▀\n █\nx▀xxx")
    }
}
