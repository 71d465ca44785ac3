import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// Below 80×24 the screen says so, at any size: the size needed and the size there is, whole.
final class TooSmallPanelTests: XCTestCase {
    private func screen(_ width: Int, _ height: Int) throws -> String {
        let state = AppState(trainer: try Trainer(dataset: Dataset.named("notebook")), running: false,
                             width: width, height: height)
        return view(state).plainText
    }

    func testTheNeededAndActualSizeAreAlwaysShownWhole() throws {
        var sizes: [(Int, Int)] = [(79, 23), (79, 24), (80, 23), (47, 24), (46, 24), (45, 12), (30, 10), (25, 6),
                                   (21, 5), (20, 5), (20, 4), (20, 3), (79, 3), (35, 4)]
        sizes += (20...79).map { ($0, 5 + $0 % 19) }
        for (width, height) in sizes {
            let text = try screen(width, height)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, height)
            XCTAssertTrue(lines.allSatisfy { $0.columnWidth <= width }, "\(width)x\(height):\n\(text)")
            // On one line each, never cut (a token split over two lines would not be found).
            XCTAssertTrue(text.contains("80x24"), "\(width)x\(height):\n\(text)")
            XCTAssertTrue(text.contains("\(width)x\(height)"), "\(width)x\(height):\n\(text)")
            XCTAssertTrue(text.contains("q quit"), "\(width)x\(height):\n\(text)")
        }
    }

    func testWrappingKeepsWordsWholeAndLinesInsideTheWidth() {
        XCTAssertEqual(TooSmallPanel.wrap("perceptron needs a terminal of at least 80x24.", width: 20),
                       ["perceptron needs a", "terminal of at least", "80x24."])
        XCTAssertEqual(TooSmallPanel.wrap("abcdefghij klm", width: 4), ["abcd", "efgh", "ij", "klm"])
        XCTAssertEqual(TooSmallPanel.wrap("日本語 ab", width: 4), ["日本", "語", "ab"])
        XCTAssertEqual(TooSmallPanel.wrap("anything", width: 0), [])
    }

    /// Smaller than 20×3 there is no room for everything: the sizes come first.
    func testBelowTheSmallestWordingTheSizesComeFirst() throws {
        let text = try screen(20, 2)
        XCTAssertTrue(text.contains("need 80x24") && text.contains("have 20x2"), text)
        XCTAssertEqual(try screen(12, 1).trimmingCharacters(in: .whitespaces), "need 80x24")
    }
}
