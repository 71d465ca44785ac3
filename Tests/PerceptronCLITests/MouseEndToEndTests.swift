import Foundation
import Glibc
import TestSupport
import XCTest

/// The mouse in the real binary, in a private tmux server: tmux passes SGR reports to a program
/// that asks for them, as a terminal does for a click.
final class MouseEndToEndTests: XCTestCase {
    private func start() throws -> TmuxSession {
        try TmuxSession(command: TmuxSession.shellQuote(perceptronExecutablePath()) + " --paused", width: 100, height: 30)
    }

    /// `ESC [ < 0 ; x ; y M` then `m`: a left click at the 0-based cell (x, y).
    private func click(_ session: TmuxSession, x: Int, y: Int) throws {
        try session.sendText("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// The first screen cell where `text` starts.
    private func find(_ text: String, in screen: String) throws -> (x: Int, y: Int) {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return try XCTUnwrap(nil, "'\(text)' not on screen:\n\(screen)")
    }

    func testAClickOnATableRowSelectsItAndTheMouseIsOffAfterQuit() throws {
        let session = try start()
        let screen = try session.waitFor("PAUSED")
        XCTAssertTrue(try session.paneModes().mouseReporting, "the program asks for mouse reports")
        let row = try find("   3   1   1   1", in: screen)
        try click(session, x: row.x + 12, y: row.y)
        let selected = try session.waitFor("sample 3 of 4")
        XCTAssertEqual(try find("▶  3", in: selected).y, row.y, "the row clicked is marked")
        // A click on the timeline's start goes to state 0; keys still work after clicks. (Every way
        // out turning the mouse off is checked by the hostility tests: checkTerminalRestored.)
        try session.sendKeys("n", "n")
        _ = try session.waitFor("step 2 ")
        let timeline = try find(" 0 ━", in: try session.waitFor("step 2 "))
        try click(session, x: timeline.x + 3, y: timeline.y)
        _ = try session.waitFor("step 0 ")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }
}
