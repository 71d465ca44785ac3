import XCTest
import TerminalUI

final class LargeTextTests: XCTestCase {
    /// Every glyph the font claims, plus folded characters and ones drawn as themselves (one and
    /// two columns wide).
    private var everyCharacter: [Character] {
        Array(LargeText.supportedCharacters) + ["a", "z", "₁", "€", "漢"]
    }

    func testEveryGlyphIsTwoRowsAndAsWideAsDeclared() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            for c in everyCharacter {
                let lines = LargeText.lines(String(c), glyphs: glyphs)
                XCTAssertEqual(lines.count, LargeText.height, "\(c)")
                let width = LargeText.width(of: String(c), glyphs: glyphs)
                XCTAssertGreaterThan(width, 0, "\(c)")
                for line in lines { XCTAssertEqual(line.columnWidth, width, "\(c)") }
            }
        }
        let sentence = "Gradient descent: w ← w − α·∂L/∂w, ŷ = σ(z) ≈ 0.61! 漢 €"
        for glyphs in [GlyphSet.unicode, .ascii] {
            for line in LargeText.lines(sentence, glyphs: glyphs) {
                XCTAssertEqual(line.columnWidth, LargeText.width(of: sentence, glyphs: glyphs))
            }
        }
    }

    /// Glyphs of the same pixel width take the same cells, and a word is its glyphs and one pixel
    /// column between each: the width of a text is the sum of its parts.
    func testWidthsAddUp() {
        XCTAssertEqual(LargeText.width(of: ""), 0)
        XCTAssertEqual(LargeText.width(of: "H"), 2)   // 4 pixels
        XCTAssertEqual(LargeText.width(of: "T"), 2)   // 3 pixels, half a cell left blank
        XCTAssertEqual(LargeText.width(of: "M"), 3)   // 5 pixels
        XCTAssertEqual(LargeText.width(of: "HH"), 5)  // 4 + 1 + 4 pixels
        XCTAssertEqual(LargeText.width(of: "HI"), 4)  // 4 + 1 + 3
        for word in ["HELLO", "THE DATA", "0.6084"] {
            XCTAssertEqual(LargeText.width(of: word.lowercased()), LargeText.width(of: word))
        }
        // A character drawn as itself takes its own columns, starting on a cell boundary.
        XCTAssertEqual(LargeText.width(of: "€"), 1)
        XCTAssertEqual(LargeText.width(of: "漢"), 2)
        XCTAssertEqual(LargeText.width(of: "T€"), 3)  // 3 + 1 pixels, then € in the third cell
        XCTAssertEqual(LargeText.width(of: "I€"), 3)  // 3 + 1 pixels, € in the third cell
        XCTAssertEqual(LargeText.width(of: "H€"), 4)  // 4 + 1 pixels: half a cell skipped to the boundary
        // In ASCII a pixel is a whole cell.
        XCTAssertEqual(LargeText.width(of: "HI", glyphs: .ascii), 8)
        XCTAssertEqual(LargeText.width(of: "H€", glyphs: .ascii), 6)
        XCTAssertEqual(LargeText.width(of: "漢", glyphs: .ascii), 2)
    }

    func testASCIIVariantIsPureASCII() {
        let text = String(LargeText.supportedCharacters.sorted())
        let ascii = LargeText.lines(text, glyphs: .ascii)
        for line in ascii { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        XCTAssertTrue(ascii.joined().contains("#"))
        let unicode = LargeText.lines(text).joined()
        XCTAssertTrue(unicode.contains("█") && unicode.contains("▌") && unicode.contains("▗"))
        XCTAssertTrue(unicode.unicodeScalars.allSatisfy { $0 == " " || (0x2580...0x259F).contains($0.value) }, unicode)
    }

    /// The letters, digits, punctuation and every character the shipped lessons' captions use.
    func testTheLessonsCharactersHaveTheirOwnGlyphs() {
        let required = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?'\"-()[]/+=^_|%*<>·×≈ŷΣασᵀ←↑→↓∂−"
        for c in required { XCTAssertTrue(LargeText.supports(c), "\(c)") }
        // Distinct from one another (the minus sign longer than the hyphen), so no two read the
        // same from the back of a hall.
        let drawn = Set(required.map { LargeText.lines(String($0)).joined(separator: "\n") })
        XCTAssertEqual(drawn.count, required.count)
        XCTAssertFalse(LargeText.supports("€"))
    }

    func testLowerCaseIsDrawnAsCapitalsAndGreekKeepsItsCase() {
        XCTAssertEqual(LargeText.lines("perceptron"), LargeText.lines("PERCEPTRON"))
        XCTAssertEqual(LargeText.lines("x₁"), LargeText.lines("X1"))
        XCTAssertNotEqual(LargeText.lines("σ"), LargeText.lines("Σ"))
        XCTAssertNotEqual(LargeText.lines("α"), LargeText.lines("A"))
        XCTAssertNotEqual(LargeText.lines("ŷ"), LargeText.lines("y"))
    }

    func testGlyphShapes() {
        // H is 4 pixels wide, the gap 1, I 3, space 2 with its gaps, then 2.
        XCTAssertEqual(LargeText.lines("Hi 2"), [
            "▌▐▝▛  ▀▚",
            "▛▜▗▙  ▟▙",
        ])
        XCTAssertEqual(LargeText.lines("Hi", glyphs: .ascii), ["#  # \"#\"", "#\"\"# _#_"].map { String($0) })
    }

    func testACharacterWithoutAGlyphIsItselfOnTheLowerRow() {
        XCTAssertEqual(LargeText.lines("€"), [" ", "€"])
        XCTAssertEqual(LargeText.lines("T€T"), ["▜▘ ▝▛", "▐ € ▌"])
        var buffer = Buffer(width: 3, height: 2)
        LargeText("漢").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.plainText, "\n漢")
    }

    func testWrapsByWordsToTheWidth() throws {
        let caption = "Cross-entropy punishes a confident wrong answer hard."
        XCTAssertGreaterThan(LargeText.width(of: caption), 78)
        let lines = try XCTUnwrap(LargeText.wrap(caption, width: 78))
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertEqual(lines.joined(separator: " "), caption)
        for line in lines { XCTAssertLessThanOrEqual(LargeText.width(of: line), 78) }
        // Each line holds as many words as fit: the next word would not.
        for (line, next) in zip(lines, lines.dropFirst()) {
            let word = try XCTUnwrap(next.split(separator: " ").first)
            XCTAssertGreaterThan(LargeText.width(of: line + " " + word), 78)
        }
        XCTAssertEqual(LargeText.wrap(caption, width: 500), [caption])
        // A word wider than the line is cut between letters, never drawn past the edge.
        for glyphs in [GlyphSet.unicode, .ascii] {
            let cut = try XCTUnwrap(LargeText.wrap("Initialising", width: 10, glyphs: glyphs))
            XCTAssertEqual(cut.joined(), "Initialising")
            XCTAssertGreaterThan(cut.count, glyphs.isASCII ? 3 : 1)
            for line in cut { XCTAssertLessThanOrEqual(LargeText.width(of: line, glyphs: glyphs), 10) }
        }
        // Nothing that would lose a character: a glyph wider than the line.
        XCTAssertNil(LargeText.wrap("A M", width: 2))
        XCTAssertNil(LargeText.wrap("A", width: 3, glyphs: .ascii))
        XCTAssertNil(LargeText.wrap("x", width: 0))
    }

    func testRenderLeavesBlankPixelsAlone() {
        var buffer = Buffer(width: 3, height: 2)
        buffer.write("xxx", x: 0, y: 1)
        LargeText("T").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.plainText, "▜▘\n▐xx")
    }
}
