import TerminalUI
import XCTest

final class WordWrapTests: XCTestCase {
    func testFillsWordsAndCutsLongOnes() {
        XCTAssertEqual(WordWrap.columns("the sigmoid squashes any sum", width: 12), ["the sigmoid", "squashes any", "sum"])
        XCTAssertEqual(WordWrap.columns("initialising", width: 5), ["initi", "alisi", "ng"])
        XCTAssertEqual(WordWrap.columns("a  b", width: 10), ["a b"])
        XCTAssertEqual(WordWrap.columns("", width: 10), [])
        XCTAssertEqual(WordWrap.columns("word", width: 0), [])
    }

    func testWideCharactersCountTwoColumns() {
        XCTAssertEqual(WordWrap.columns("漢字漢字", width: 5), ["漢字", "漢字"])
        // A wide character cannot go in one column: it is left out, the rest kept, and the
        // wrapper returns instead of looping.
        XCTAssertEqual(WordWrap.columns("a漢b", width: 1), ["a", "b"])
    }

    func testNilWhenACharacterIsWiderThanTheWidth() {
        XCTAssertNil(WordWrap.lines("ab", width: 1) { $0.count * 2 })
        XCTAssertEqual(WordWrap.lines("ab cd", width: 4) { $0.count * 2 }, ["ab", "cd"])
    }
}
