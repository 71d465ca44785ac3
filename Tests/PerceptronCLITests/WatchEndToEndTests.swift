import Foundation
import Glibc
import TestSupport
import XCTest

/// The real binary, full screen, driven in a private tmux server as a person would use it.
final class WatchEndToEndTests: XCTestCase {
    private func start(_ arguments: [String] = ["--paused"], width: Int = 100, height: Int = 30,
                       environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(arguments: [perceptronExecutablePath()] + arguments, width: width, height: height,
                        environment: environment)
    }

    /// The loss `perceptron train` prints for state k, as the screen rounds it (8 decimals).
    private func trainedLoss(atStep k: Int) throws -> String {
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--steps", String(k), "--every", String(max(k, 1))])
        let last = result.stdout.split(separator: "\n").last!.split(separator: ",")
        XCTAssertEqual(last[0], Substring(String(k)))
        return String(format: "%.8f", Double(last[1])!)
    }

    func testPausedStartShowsTheNotebooksFirstPassAndStepsOnePerKeypress() throws {
        let session = try start()
        var screen = try session.waitFor("PAUSED")
        XCTAssertTrue(screen.contains("0.6084"), screen)  // the notebook's first prediction
        XCTAssertTrue(screen.contains("0.8223"), screen)  // the loss of state 0
        XCTAssertTrue(screen.contains("step 0"), screen)
        for _ in 0..<3 { try session.sendKeys("n") }
        screen = try session.waitFor("step 3 ")
        XCTAssertTrue(screen.contains(try trainedLoss(atStep: 3)), screen)
        // → steps too; and paused, nothing moves on its own.
        try session.sendKeys("Right")
        screen = try session.waitFor("step 4 ")
        XCTAssertTrue(screen.contains(try trainedLoss(atStep: 4)), screen)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testSpaceRunsAndPauses() throws {
        let session = try start(["--paused", "--speed", "50"])
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("Space")
        _ = try session.waitFor("RUNNING")
        let running = try session.waitUntil(timeout: .seconds(10)) { screen in
            Self.step(in: screen).map { $0 >= 10 } ?? false
        }
        XCTAssertTrue(running.contains("50 steps/s"), running)
        try session.sendKeys("Space")
        let paused = try session.waitFor("PAUSED")
        let stoppedAt = Self.step(in: paused)
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(Self.step(in: session.capture()), stoppedAt, "paused must not advance")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    func testResizeBelowMinimumAsksForMoreAndRecovers() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.resize(width: 60, height: 20)
        let small = try session.waitFor("at least 80x24")
        XCTAssertTrue(small.contains("60x20"), small)
        try session.resize(width: 100, height: 30)
        let back = try session.waitFor("PAUSED")
        XCTAssertTrue(back.contains("Predictions"), back)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testHelpOverlayOpensAndCloses() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("?")
        let help = try session.waitFor("learning rate up / down")
        XCTAssertTrue(help.contains("restart with a new seed"), help)
        XCTAssertTrue(help.contains("Mouse"), help)
        XCTAssertTrue(help.contains("click     a panel: zoom it / back"), help)
        try session.sendKeys("Escape")
        _ = try session.waitUntil(timeout: .seconds(5)) { !$0.contains("learning rate up / down") }
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    /// At 80x24, in the standard layout and zoomed (key 6): the boundary's vertical scale, and
    /// zoomed the range across on its own line above the key hints.
    func testTheBoundaryLabelsBothAxesAt80x24() throws {
        let session = try start(["--paused", "--data", "xor", "--hidden", "4"], width: 80, height: 24)
        let standard = try session.waitFor("PAUSED")
        for text in ["│ 1.25┤", "│   x₂│", "│-0.25┤", "└─────┴-0.25─ x₁ 1.25┘"] {
            XCTAssertTrue(standard.contains(text), "\(text):\n\(standard)")
        }
        try session.sendKeys("6")
        let zoomed = try session.waitFor("Decision boundary")
        XCTAssertTrue(zoomed.contains("│ 1.25┤"), zoomed)
        XCTAssertTrue(zoomed.contains("│     └-0.25───"), zoomed)
        XCTAssertTrue(zoomed.contains("── 1.25│"), zoomed)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    /// The loss panel's y-axis labels on this screen (the text left of each `┤` in the rightmost panel).
    private func lossLabels(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line in
            guard let box = line.range(of: "││", options: .backwards) else { return nil }
            let panel = line[box.upperBound...]
            guard let tick = panel.firstIndex(of: "┤") else { return nil }
            return panel[..<tick].trimmingCharacters(in: .whitespaces)
        }
    }

    /// Converged (xor 3-4-1, step 100,000) at 80x24, the recent window spans a sliver of loss:
    /// its labels still read different values, linear and log.
    func testConvergedRecentLossLabelsAreDistinctAt80x24() throws {
        let session = try start(["--paused", "--data", "xor", "--hidden", "4"], width: 80, height: 24)
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("g")
        _ = try session.waitFor("go to step:")
        try session.sendText("100000")
        try session.sendKeys("Enter")
        _ = try session.waitFor("step 100,000 ")
        try session.sendKeys("v")
        let linear = try session.waitFor("· recent")
        try session.sendKeys("l")
        let log = try session.waitFor("· recent · lo")
        for screen in [linear, log] {
            let labels = lossLabels(screen)
            XCTAssertGreaterThanOrEqual(labels.count, 2, screen)
            XCTAssertEqual(Set(labels).count, labels.count, "two labels alike:\n\(screen)")
            XCTAssertEqual(Set(labels.compactMap(Double.init)).count, labels.count, screen)
        }
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    func testLearningRateSpeedAndSeedKeysShowOnTheStatusBar() throws {
        let session = try start()
        _ = try session.waitFor("α 1 ")
        try session.sendKeys("]")
        _ = try session.waitFor("α 2 ")
        try session.sendKeys("[", "[")
        _ = try session.waitFor("α 0.5 ")
        try session.sendKeys("+")
        _ = try session.waitFor("50 steps/s")
        try session.sendKeys("s")
        let reseeded = try session.waitFor("new seed")
        XCTAssertTrue(reseeded.contains("step 0 "), reseeded)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    func testSigtermRestoresTheTerminal() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.signalProgram(SIGTERM)
        XCTAssertEqual(try session.waitForExit(), 128 + SIGTERM)
        try session.checkTerminalRestored()
    }

    func testSighupAndCtrlCRestoreTheTerminal() throws {
        let hangup = try start(["--speed", "1000"])
        _ = try hangup.waitFor("RUNNING")
        try hangup.signalProgram(SIGHUP)
        XCTAssertEqual(try hangup.waitForExit(), 128 + SIGHUP)
        try hangup.checkTerminalRestored()

        let interrupt = try start()
        _ = try interrupt.waitFor("PAUSED")
        try interrupt.sendKeys("C-c")
        XCTAssertEqual(try interrupt.waitForExit(), 128 + SIGINT)
        try interrupt.checkTerminalRestored()
    }

    func testACrashRestoresTheTerminalAndItsMessageIsReadable() throws {
        let session = try start(["--paused", "--crash-after-first-frame"])
        let status = try session.waitForExit()
        XCTAssertTrue([128 + SIGILL, 128 + SIGTRAP].contains(status), "status \(status)")
        try session.checkTerminalRestored()
        let screen = session.capture()
        XCTAssertTrue(screen.contains("Fatal error"), screen)
    }

    func testWithoutATerminalItSuggestsTrainAndExits2() throws {
        // stdin and stdout are pipes here, not a terminal.
        let result = try ProcessRunner.run(perceptronExecutablePath(), [], timeout: .seconds(10))
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("perceptron train"), result.stderr)
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)

        let badTerm = try start([], environment: ["TERM": "no-such-terminal"])
        XCTAssertEqual(try badTerm.waitForExit(), 2)
        XCTAssertTrue(badTerm.capture().contains("perceptron train"), badTerm.capture())
    }

    /// The number after "step " on the status bar.
    private static func step(in screen: String) -> Int? {
        guard let range = screen.range(of: "step ", options: .backwards) else { return nil }
        let digits = screen[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        return Int(digits)
    }
}

/// Projection mode, zoom and theme keys in the real terminal.
final class PresentationEndToEndTests: XCTestCase {
    func testProjectionZoomAndThemeKeysChangeTheScreen() throws {
        let session = try TmuxSession(arguments: [perceptronExecutablePath(), "--paused"], width: 80, height: 24)
        _ = try session.waitFor("Predictions")
        try session.sendKeys("p")
        let presenting = try session.waitUntil(timeout: .seconds(5)) { $0.contains("┏ Step") && !$0.contains("Predictions") }
        XCTAssertTrue(presenting.contains("█"), presenting)
        try session.sendKeys("p")
        _ = try session.waitFor("Predictions")
        let titles = [("1", "Perceptron · sample"), ("2", "∂L/∂w"), ("3", "Sigmoid σ(z)"), ("4", "Loss 0.8"), ("5", "Predictions"),
                      ("6", "x₁→ x₂↑")]
        for (key, title) in titles {
            try session.sendKeys(key)
            let zoomed = try session.waitUntil(timeout: .seconds(5)) { screen in
                // Alone on the screen: the other panels' titles are gone.
                screen.contains(title) && titles.filter { $0.0 != key }.allSatisfy { !screen.contains($0.1) }
            }
            XCTAssertFalse(zoomed.isEmpty)
            try session.sendKeys(key)
            _ = try session.waitUntil(timeout: .seconds(5)) { screen in titles.allSatisfy { screen.contains($0.1) } }
        }
        let before = session.capture(colors: true)
        try session.sendKeys("t")
        _ = try session.waitFor("theme ")
        XCTAssertNotEqual(session.capture(colors: true), before, "t changes the colours")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }
}
