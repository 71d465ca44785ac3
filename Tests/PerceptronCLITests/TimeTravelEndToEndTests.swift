import Foundation
import Glibc
import TestSupport
import XCTest

/// Time travel in the real binary, in a private tmux server, as a person would use it.
final class TimeTravelEndToEndTests: XCTestCase {
    private func start(_ arguments: [String] = ["--paused"], in directory: String? = nil) throws -> TmuxSession {
        let command = ([perceptronExecutablePath()] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
        return try TmuxSession(command: directory.map { "cd \(TmuxSession.shellQuote($0)) && \(command)" } ?? command,
                               width: 100, height: 30)
    }

    /// `perceptron train --steps k`'s rows (header first).
    private func trainRows(steps k: Int, _ extra: [String] = []) throws -> [Substring] {
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--steps", String(k)] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n")
    }

    /// The loss `train` prints for state k, as the screen rounds it (8 decimals).
    private func trainedLoss(atStep k: Int) throws -> String {
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--steps", String(k), "--every", String(max(k, 1))])
        guard let last = result.stdout.split(separator: "\n").last?.split(separator: ","), last.count > 1,
              let loss = Double(last[1]) else { throw XCTSkip("no train output: \(result.stderr)") }
        return String(format: "%.8f", loss)
    }

    private func makeDirectory() throws -> String {
        var template = Array("/tmp/perceptron-export-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw XCTSkip("mkdtemp failed")
        }
        return String(cString: made)
    }

    func testBackGoToHomeAndEndShowTrainsStates() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        for _ in 0..<5 { try session.sendKeys("n") }
        _ = try session.waitFor("step 5 ")
        try session.sendKeys("Left", "Left")
        var screen = try session.waitFor("step 3 ")
        XCTAssertTrue(screen.contains(try trainedLoss(atStep: 3)), screen)
        try session.sendKeys("g")
        _ = try session.waitFor("go to step:")
        try session.sendText("1000")
        try session.sendKeys("Enter")
        screen = try session.waitFor("step 1,000 ")
        XCTAssertTrue(screen.contains(try trainedLoss(atStep: 1000)), screen)
        try session.sendKeys("Home")
        screen = try session.waitFor("step 0 ")
        XCTAssertTrue(screen.contains("0.82232258"), screen)
        try session.sendKeys("End")
        _ = try session.waitFor("step 1,000 ")
        // Shift-← twice: 1 then 10 steps back.
        try session.sendKeys("S-Left", "S-Left")
        screen = try session.waitFor("step 989 ")
        XCTAssertTrue(screen.contains(try trainedLoss(atStep: 989)), screen)
        try session.sendKeys(">")
        _ = try session.waitFor("step 990 ")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    /// α 1 → 0.5 at step 10, ten more steps, `w`: the file is NumPy's run with that change
    /// (scripts/reference.py --steps 20 --lr-change 10:0.5, with NumPy's SVML kernels: the svml
    /// set, which `--math svml` reproduces on any CPU), and its first rows are `train`'s.
    func testExportAfterALearningRateChangeIsNumPysRun() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try start(["--paused", "--math", "svml"], in: directory)
        _ = try session.waitFor("PAUSED")
        for _ in 0..<10 { try session.sendKeys("n") }
        _ = try session.waitFor("step 10 ")
        try session.sendKeys("[")
        _ = try session.waitFor("α 0.5 ")
        for _ in 0..<10 { try session.sendKeys("n") }
        _ = try session.waitFor("step 20 ")
        try session.sendKeys("w")
        _ = try session.waitFor("wrote perceptron-run-1-20.csv")
        try session.sendKeys("w")
        _ = try session.waitFor("wrote perceptron-run-1-20-1.csv")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)

        let written = try String(contentsOfFile: directory + "/perceptron-run-1-20.csv", encoding: .utf8)
        let fixture = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/train/svml/notebook-lr-change-10-0.5.csv"), encoding: .utf8)
        XCTAssertEqual(written, fixture)
        XCTAssertEqual(try String(contentsOfFile: directory + "/perceptron-run-1-20-1.csv", encoding: .utf8), written,
                       "the second export went to a new file")
        // Rows 0-10 (header, then states 0…10) are `train`'s at the old α, without the lr column.
        let rows = written.split(separator: "\n")
        let train = try trainRows(steps: 10, ["--math", "svml"])
        XCTAssertEqual(rows.prefix(12).map { $0.split(separator: ",").dropLast().joined(separator: ",") },
                       train.map(String.init))
    }

    func testExportIntoAFolderThatIsGoneSaysSoAndGoesOn() throws {
        let directory = try makeDirectory()
        let session = try start(["--paused"], in: directory)
        _ = try session.waitFor("PAUSED")
        // The current folder vanishes under the program (a permission test would not fail as root).
        XCTAssertEqual(rmdir(directory), 0)
        try session.sendKeys("w")
        _ = try session.waitFor("not written: perceptron-run-1-0.csv: No such file")
        try session.sendKeys("n")
        _ = try session.waitFor("step 1 ")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    func testDivergencePausesAndSaysWhere() throws {
        let session = try start(["--lr", "1e6"])
        let screen = try session.waitFor("loss is not finite at step 1")
        XCTAssertTrue(screen.contains("PAUSED"), screen)
        XCTAssertTrue(screen.contains("diverging"), screen)
        try session.sendKeys("Space")
        _ = try session.waitFor("RUNNING")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    func testEditBookmarkAndTheTimeline() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("e")
        _ = try session.waitFor("edit w1")
        try session.sendKeys("Tab")
        _ = try session.waitFor("edit w2")
        try session.sendText("3")
        try session.sendKeys("Enter")
        _ = try session.waitFor("w2 = 3 at step 0")
        try session.sendKeys("m")
        let marked = try session.waitFor("bookmark at step 0")
        XCTAssertTrue(marked.contains("●"), marked)
        try session.sendKeys("?")
        let help = try session.waitFor("go to a step")
        XCTAssertTrue(help.contains("one step back"), help)
        XCTAssertTrue(help.contains("write the run as CSV"), help)
        try session.sendKeys("Escape")
        _ = try session.waitUntil(timeout: .seconds(5)) { !$0.contains("go to a step") }
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    /// At top speed, Home goes back to state 0 and End to the newest state, and memory stays
    /// flat as the run grows (checkpoints and the summary are bounded).
    func testTopSpeedHomeAndEndWithFlatMemory() throws {
        let session = try start(["--speed", "1000000"])
        _ = try session.waitUntil(timeout: .seconds(30)) { (Self.step(in: $0) ?? 0) >= 50_000 }
        let early = try residentKilobytes(session)
        _ = try session.waitUntil(timeout: .seconds(60)) { (Self.step(in: $0) ?? 0) >= 200_000 }
        let late = try residentKilobytes(session)
        XCTAssertLessThan(late - early, 8 * 1024, "resident memory grew from \(early) kB to \(late) kB")
        try session.sendKeys("Home")
        let home = try session.waitFor("step 0 ")
        XCTAssertTrue(home.contains("PAUSED"), home)
        XCTAssertTrue(home.contains("0.82232258"), home)
        try session.sendKeys("End")
        let end = try session.waitUntil(timeout: .seconds(10)) { (Self.step(in: $0) ?? 0) >= 200_000 }
        XCTAssertTrue(end.contains("PAUSED"), end)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    private func residentKilobytes(_ session: TmuxSession) throws -> Int {
        guard let pid = try session.programPID(),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else {
            throw XCTSkip("no /proc status for the program")
        }
        return kilobytes
    }

    /// The number after "step " on the status bar.
    private static func step(in screen: String) -> Int? {
        guard let range = screen.range(of: " step ", options: .backwards) else { return nil }
        let digits = screen[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        return Int(digits)
    }
}
