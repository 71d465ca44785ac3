import Foundation
import TestSupport
import XCTest

/// Explain mode, the quiz and the landscape in the real binary, in a private tmux server at 80×24.
final class ExplainEndToEndTests: XCTestCase {
    private func start(_ arguments: [String] = ["--paused"]) throws -> TmuxSession {
        try TmuxSession(arguments: [perceptronExecutablePath()] + arguments, width: 80, height: 24)
    }

    /// `train`'s state 1 parameters, as the update phase rounds them (3 decimals, explicit sign).
    private func trainedStateOne() throws -> [String] {
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--steps", "1"])
        let rows = result.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 3, result.stdout)
        let header = rows[0].split(separator: ",").map(String.init)
        let state1 = rows[2].split(separator: ",").compactMap { Double($0) }
        return ["w1", "w2", "w3", "b"].compactMap { name in
            header.firstIndex(of: name).map { i in
                let v = state1[i]
                return (v < 0 ? "−" : "+") + String(format: "%.3f", abs(v))
            }
        }
    }

    func testFourPhasesOfTheFirstStepWithTrainsNumbers() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("x")
        var screen = try session.waitFor("phase 1 of 4")
        XCTAssertTrue(screen.contains("0·(−0.166) + 1·(+0.441) + 0·(−1.000) + 0 = 0.441"), screen)
        XCTAssertTrue(screen.contains("ŷ = σ(z) = 1/(1+e^(−0.441)) = 0.6084"), screen)
        try session.sendKeys("n")
        screen = try session.waitFor("phase 2 of 4")
        XCTAssertTrue(screen.contains("= 0.8223"), screen)
        try session.sendKeys("n")
        _ = try session.waitFor("phase 3 of 4")
        try session.sendKeys("n")
        screen = try session.waitFor("phase 4 of 4")
        let expected = try trainedStateOne()
        XCTAssertEqual(expected.count, 4)
        for (name, value) in zip(["w₁", "w₂", "w₃", "b "], expected) {
            let row = screen.split(separator: "\n").first { $0.contains("│ \(name) ← ") }
            XCTAssertTrue(row?.contains("= \(value) ") ?? false, "\(name) should become \(value) (train's state 1):\n\(screen)")
        }
        XCTAssertTrue(screen.contains("step 0 "), screen)
        try session.sendKeys("n")
        screen = try session.waitFor("phase 1 of 4")
        XCTAssertTrue(screen.contains("step 1 "), screen)
        XCTAssertTrue(screen.contains("Explain step 1 → 2"), screen)
        // ← at the forward phase goes back to the step just made, at its update.
        try session.sendKeys("Left")
        screen = try session.waitFor("Explain step 0 → 1 · phase 4 of 4")
        XCTAssertTrue(screen.contains("step 0 "), screen)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testQuizAndLandscape() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("Q")
        _ = try session.waitFor("phase 1 of 4")
        try session.sendKeys("n", "n", "n")
        _ = try session.waitFor("Which way will each parameter move?")
        // w₁ up (right), w₂ up (wrong: it goes down), w₃ up, b up (both right).
        try session.sendKeys("Up", "Up", "+", "+", "Enter")
        let revealed = try session.waitFor("quiz 3/4")
        XCTAssertTrue(revealed.contains("you ↓") || revealed.contains("you ↑ ✗ wrong"), revealed)
        try session.sendKeys("x", "7")
        let landscape = try session.waitFor("Loss landscape")
        XCTAssertTrue(landscape.contains("◆ now"), landscape)
        try session.sendKeys("c")
        _ = try session.waitFor("tangent slope")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    /// `frame --explain` and `--panel landscape`: bad values get one line and status 2; good ones print the phase.
    func testFrameExplainAndLandscapeOptions() throws {
        let binary = perceptronExecutablePath()
        for (arguments, expected) in [(["--explain", "sideways"], "--explain 'sideways' is not allowed: use forward, loss, backward or update"),
                                      (["--panel", "landscapes"], "--panel 'landscapes' is not allowed")] {
            let result = try ProcessRunner.run(binary, ["frame"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix("perceptron: ") && result.stderr.contains(expected), result.stderr)
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
        }
        let update = try ProcessRunner.run(binary, ["frame", "--explain", "update"])
        XCTAssertEqual(update.status, 0)
        XCTAssertTrue(update.stdout.contains("w₁ ← −0.166 − 1·(−0.304) = +0.138"), update.stdout)
        let slice = try ProcessRunner.run(binary, ["frame", "--panel", "landscape", "--slice", "--step", "10", "--ascii"])
        XCTAssertEqual(slice.status, 0)
        XCTAssertTrue(slice.stdout.contains("tangent slope dL/dw"), slice.stdout)
    }
}
