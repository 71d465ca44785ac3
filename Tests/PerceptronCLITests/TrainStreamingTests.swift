import Foundation
import Glibc
import TestSupport
import XCTest

/// `train` writes rows as it computes them and, on a terminal, shows a progress line on stderr.
final class TrainStreamingTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/perceptron-stream-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = String(cString: try XCTUnwrap(made))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Polls `path` until `predicate` holds for its contents, or fails after `timeout`.
    private func waitForFile(_ path: String, timeout: Duration = .seconds(20), _ predicate: (String) -> Bool) -> String {
        let deadline = ContinuousClock.now + timeout
        var text = contents(path)
        while !predicate(text), ContinuousClock.now < deadline {
            usleep(20_000)
            text = contents(path)
        }
        XCTAssertTrue(predicate(text), "\(path): \(text)")
        return text
    }

    /// A run far too long to finish, its stdout in a file and its stderr on the terminal: the
    /// first row is in the file while it runs, the progress line shows steps, speed and time left,
    /// and Ctrl-C keeps the rows, erases the line and ends the run as SIGINT does.
    func testRowsAreWrittenAsComputedAndProgressIsShownThenErased() throws {
        let output = directory + "/run.csv"
        let command = [perceptronExecutablePath(), "train", "--steps", "10000000000", "--every", "5000000000"]
            .map(TmuxSession.shellQuote).joined(separator: " ") + " > " + TmuxSession.shellQuote(output)
        let session = try TmuxSession(command: command, width: 80, height: 24)

        let first = waitForFile(output) { $0.split(separator: "\n").count >= 2 }
        XCTAssertTrue(first.hasPrefix("step,loss,w1,w2,w3,b,p1,p2,p3,p4\n0,0.8223225820877986,"), first)

        let screen = try session.waitUntil(timeout: .seconds(20), description: "a progress line") {
            $0.contains("of 10,000,000,000") && $0.contains("steps/s") && $0.contains("left")
        }
        XCTAssertTrue(screen.hasPrefix("step "), screen)

        try session.sendKeys("C-c")
        XCTAssertEqual(try session.waitForExit(), 130)
        let after = session.capture()
        XCTAssertFalse(after.contains("steps/s"), "the progress line is erased: \(after)")
        // stdout held only CSV, and what was printed was kept.
        let kept = contents(output)
        XCTAssertTrue(kept.hasPrefix(first), kept)
        XCTAssertFalse(kept.contains("steps/s") || kept.contains("\u{1B}") || kept.contains("\r"), kept)
    }

    /// Into a pipe, the same: a reader gets the first rows long before the run ends.
    func testRowsReachAPipeAsTheyAreComputed() throws {
        let output = directory + "/piped.csv"
        let command = [perceptronExecutablePath(), "train", "--steps", "10000000000", "--every", "5000000000"]
            .map(TmuxSession.shellQuote).joined(separator: " ") + " | cat > " + TmuxSession.shellQuote(output)
        let session = try TmuxSession(command: command, width: 80, height: 24)
        let first = waitForFile(output) { $0.split(separator: "\n").count >= 2 }
        XCTAssertTrue(first.hasPrefix("step,loss,"), first)
        try session.sendKeys("C-c")
        _ = try session.waitForExit()
    }

    /// Without a terminal there is no progress line: stderr stays empty.
    func testNoProgressLineWithoutATerminal() throws {
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--steps", "2000000", "--every", "1000000"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 4)
    }
}
