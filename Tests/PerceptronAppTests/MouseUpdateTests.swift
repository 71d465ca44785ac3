import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// The mouse through `update`: where a click lands is found in the picture `view` draws (its
/// text), so the hit test is checked against what a user sees, not against its own arithmetic.
final class MouseUpdateTests: XCTestCase {
    private func state(width: Int = 80, height: Int = 24) throws -> AppState {
        var s = AppState(trainer: try Trainer(dataset: Dataset.named("notebook"), seed: 1, learningRate: 1),
                         running: false, entropy: 7)
        update(&s, .resize(width: width, height: height))
        return s
    }

    private func lines(_ s: AppState) -> [[Character]] {
        view(s).plainText.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    }

    /// The cell where `text` starts on screen (first match, top to bottom).
    private func find(_ text: String, in s: AppState, file: StaticString = #filePath, line: UInt = #line) -> (x: Int, y: Int)? {
        let pattern = Array(text)
        for (y, row) in lines(s).enumerated() where row.count >= pattern.count {
            for x in 0...(row.count - pattern.count) where Array(row[x..<(x + pattern.count)]) == pattern { return (x, y) }
        }
        XCTFail("'\(text)' is not on screen", file: file, line: line)
        return nil
    }

    private func click(_ s: inout AppState, _ x: Int, _ y: Int) {
        update(&s, .mouse(MouseEvent(.press(.left), x: x, y: y)))
    }

    private func step(_ s: inout AppState, _ n: Int) {
        for _ in 0..<n { update(&s, .key(.character("n"))) }
    }

    func testAClickOnAPredictionsRowSelectsThatSample() throws {
        var s = try state()
        let row = try XCTUnwrap(find("   3   1   1   1", in: s))
        click(&s, row.x + 20, row.y)
        XCTAssertEqual(s.selectedSample, 2)
        XCTAssertNotNil(find("▶  3", in: s), "the table marks the sample clicked")
        // A release or another button selects nothing; the header row is no sample.
        update(&s, .mouse(MouseEvent(.release(.left), x: row.x, y: row.y + 1)))
        update(&s, .mouse(MouseEvent(.press(.right), x: row.x, y: row.y + 1)))
        XCTAssertEqual(s.selectedSample, 2)
        let header = try XCTUnwrap(find("#   x₁", in: s))
        click(&s, header.x, header.y)
        XCTAssertEqual(s.selectedSample, 2)
        XCTAssertEqual(s.zoomedPanel, .predictions, "a click on the panel outside its rows zooms it")
    }

    func testAClickOnAPanelZoomsItAndAgainReturns() throws {
        var s = try state()
        let title = try XCTUnwrap(find("Weights", in: s))
        click(&s, title.x, title.y + 2)
        XCTAssertEqual(s.zoomedPanel, .weights)
        click(&s, 40, 10)
        XCTAssertNil(s.zoomedPanel, "the zoomed panel fills the screen: a click on it goes back")
        let sigmoid = try XCTUnwrap(find("Sigmoid", in: s))
        click(&s, sigmoid.x, sigmoid.y + 1)
        XCTAssertEqual(s.zoomedPanel, .sigmoid)
        // The status line is no panel.
        update(&s, .key(.character("3")))
        click(&s, 10, 23)
        XCTAssertNil(s.zoomedPanel)
    }

    func testAClickOnTheTimelineJumpsThere() throws {
        var s = try state()
        // More states than the bar has columns, so every column draws one.
        step(&s, 200)
        let timelineY = 22
        XCTAssertEqual(String(lines(s)[timelineY].prefix(4)), " 0 ━")
        click(&s, 3, timelineY)
        XCTAssertEqual(s.step, 0)
        XCTAssertEqual(s.history.end, 200, "a jump keeps the run")
        // The bar is as long as the regime word at its end leaves room for: its end as drawn now.
        let dot = try XCTUnwrap(lines(s)[timelineY].lastIndex(of: "─"))
        // A click on the bar's last column is the newest state; near the middle lands between.
        click(&s, dot, timelineY)
        XCTAssertEqual(s.step, 200)
        click(&s, (3 + dot) / 2, timelineY)
        XCTAssertTrue((90...110).contains(s.step), "state \(s.step) near the middle of 0…200")
        // The ● is drawn in the column clicked.
        XCTAssertEqual(lines(s)[timelineY][(3 + dot) / 2], "●")
        XCTAssertEqual(s.trainer.parameters, try {
            var t = try Trainer(dataset: Dataset.named("notebook"), learningRate: 1)
            t.advance(by: s.step)
            return t.parameters
        }())
        // The numbers at its ends are not the bar.
        let before = s.step
        click(&s, 1, timelineY)
        XCTAssertEqual(s.step, before)
    }

    func testTheWheelOverTheLossPlotOrTimelineStepsBackAndForward() throws {
        var s = try state()
        step(&s, 5)
        let loss = try XCTUnwrap(find("Loss", in: s))
        update(&s, .mouse(MouseEvent(.wheelUp, x: loss.x + 4, y: loss.y + 2)))
        update(&s, .mouse(MouseEvent(.wheelUp, x: loss.x + 4, y: loss.y + 2)))
        XCTAssertEqual(s.step, 3)
        update(&s, .mouse(MouseEvent(.wheelDown, x: 30, y: 22)))
        XCTAssertEqual(s.step, 4)
        update(&s, .mouse(MouseEvent(.wheelUp, x: 30, y: 22)))
        XCTAssertEqual(s.step, 3)
        // Elsewhere the wheel does nothing.
        let weights = try XCTUnwrap(find("Weights", in: s))
        update(&s, .mouse(MouseEvent(.wheelUp, x: weights.x, y: weights.y + 2)))
        XCTAssertEqual(s.step, 3)
        XCTAssertNil(s.zoomedPanel)
        // Running, the wheel back pauses (as ← does).
        update(&s, .key(.character(" ")))
        update(&s, .mouse(MouseEvent(.wheelUp, x: 30, y: 22)))
        XCTAssertFalse(s.running)
    }

    func testTheMouseWaitsWhileHelpOrAPromptIsOpenAndOnATooSmallScreen() throws {
        var s = try state()
        update(&s, .key(.character("?")))
        click(&s, 40, 10)
        XCTAssertNil(s.zoomedPanel)
        XCTAssertTrue(s.showHelp)
        update(&s, .key(.escape))
        update(&s, .key(.character("g")))
        click(&s, 40, 10)
        XCTAssertNil(s.zoomedPanel)
        XCTAssertNotNil(s.prompt)
        update(&s, .key(.escape))
        // Explain mode: the wheel would bypass its phases.
        update(&s, .key(.character("x")))
        let phase = s.explainPhase
        XCTAssertNotNil(phase)
        update(&s, .mouse(MouseEvent(.wheelDown, x: 30, y: 22)))
        click(&s, 3, 22)
        XCTAssertEqual(s.explainPhase, phase)
        XCTAssertEqual(s.step, 0)
        update(&s, .key(.character("x")))
        XCTAssertNil(s.explainPhase)
        update(&s, .resize(width: 60, height: 20))
        click(&s, 10, 5)
        XCTAssertNil(s.zoomedPanel)
    }

    func testHitTestFollowsAWiderLayout() throws {
        // At 140x40 the panels are elsewhere; the table's rows are still found where drawn.
        var s = try state(width: 140, height: 40)
        let row = try XCTUnwrap(find("   4   0   1   1", in: s))
        XCTAssertEqual(hitTest(s, x: row.x + 5, y: row.y), .sample(3))
        click(&s, row.x + 5, row.y)
        XCTAssertEqual(s.selectedSample, 3)
        let loss = try XCTUnwrap(find("Loss", in: s))
        XCTAssertEqual(hitTest(s, x: loss.x, y: loss.y + 3), .panel(.loss))
    }
}
