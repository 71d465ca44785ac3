import Foundation
import TestSupport
import XCTest

/// `perceptron --data FILE.csv` full screen in a private tmux server, at 80×24, as a teacher and a
/// student with a large table would use it.
final class DataWatchEndToEndTests: XCTestCase {
    private static let exam = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/exam.csv").path

    func testTeachersTableTrainsLiveWithItsColumnNames() throws {
        let session = try TmuxSession(arguments: [perceptronExecutablePath(), "--data", Self.exam, "--lr", "0.1", "--paused"],
                                      width: 80, height: 24)
        var screen = try session.waitFor("PAUSED")
        XCTAssertTrue(screen.contains("studied   slept lecture  passed"), screen)
        XCTAssertTrue(screen.contains("exam.csv"), screen)
        XCTAssertTrue(screen.contains("sample 1 of 6"), screen)
        for row in 1...6 { XCTAssertTrue(screen.contains("   \(row)       \(row) "), "row \(row) in view: \(screen)") }
        try session.sendKeys("Down", "Down")
        // The diagram's title is drawn before the table: wait for both, or a capture taken between
        // the two rows would see half a frame.
        screen = try session.waitUntil(timeout: .seconds(10)) { $0.contains("sample 3 of 6") && $0.contains("▶  3") }
        XCTAssertTrue(screen.contains("▶  3"), screen)
        try session.sendKeys("Space")
        _ = try session.waitUntil(timeout: .seconds(10)) { ($0.range(of: "step [1-9][0-9]* ", options: .regularExpression) != nil) }
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testLargeTableScrollsAndKeepsEveryPanel() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("large.csv", GeneratedTable.csv(rows: 2_000, inputs: 8, seed: 3))
        let session = try TmuxSession(arguments: [perceptronExecutablePath(), "--data", path, "--lr", "0.1", "--paused"],
                                      width: 80, height: 24)
        var screen = try session.waitFor("Predictions 1–5 of 2,000")
        for title in ["Perceptron", "Weights", "Sigmoid σ(z)", "Boundary", "Loss", "accuracy "] {
            XCTAssertTrue(screen.contains(title), "\(title) missing:\n\(screen)")
        }
        try session.sendKeys("Up")
        screen = try session.waitFor("Predictions 1,996–2,000 of 2,000")
        XCTAssertTrue(screen.contains("▶2000 "), screen)
        try session.sendKeys("Space")
        _ = try session.waitFor("RUNNING")
        try session.sendKeys("Space")
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }
}
