import Glibc
import TestSupport
import XCTest

/// Checks the test harness itself (ProcessRunner, TmuxSession), not the app.
final class HarnessTests: XCTestCase {
    func testProcessRunnerCapturesOutputAndStatus() throws {
        let result = try ProcessRunner.run("/bin/sh", ["-c", "echo hi; echo err >&2; exit 3"], timeout: .seconds(10))
        XCTAssertEqual(result, ProcessResult(status: 3, stdout: "hi\n", stderr: "err\n"))
    }

    func testProcessRunnerFeedsStdinAndDecodesSignals() throws {
        let echoed = try ProcessRunner.run("cat", [], stdin: "line\n", timeout: .seconds(10))
        XCTAssertEqual(echoed.stdout, "line\n")
        let killed = try ProcessRunner.run("/bin/sh", ["-c", "kill -TERM $$"], timeout: .seconds(10))
        XCTAssertEqual(killed.status, 128 + SIGTERM)
        let slow = try ProcessRunner.run("sleep", ["30"], timeout: .milliseconds(200))
        XCTAssertTrue(slow.timedOut)
        XCTAssertEqual(slow.status, 128 + SIGKILL)
    }

    func testProcessRunnerDoesNotDeadlockOnLargeOutput() throws {
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' a; head -c 1000000 /dev/zero | tr '\\0' b >&2"],
            timeout: .seconds(20))
        XCTAssertEqual(result.stdout.utf8.count, 1_000_000)
        XCTAssertEqual(result.stderr.utf8.count, 1_000_000)
    }

    func testProcessRunnerEnvironmentReplacesTheParents() throws {
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "echo \"${TERM-unset} $ONLY\""],
            environment: ProcessRunner.environment(adding: ["ONLY": "yes"], removing: ["TERM"]), timeout: .seconds(10))
        XCTAssertEqual(result.stdout, "unset yes\n")
    }

    func testTmuxSessionTypesAndReads() throws {
        let session = try TmuxSession(command: "/bin/sh -c 'read x; echo got:$x'", width: 60, height: 10)
        try session.sendText("hello")
        try session.sendKeys("Enter")
        let screen = try session.waitFor("got:hello")
        XCTAssertTrue(screen.contains("got:hello"), screen)
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testTmuxSessionSeesUTF8ResizeAndSignals() throws {
        let script = "printf '⣿┌─┐ %s\\n' \"$TERM\"; trap 'echo size:$(stty size)' WINCH; sleep 20 & wait; sleep 20 & wait"
        let session = try TmuxSession(arguments: ["/bin/sh", "-c", script], width: 40, height: 8)
        try session.waitFor("⣿┌─┐ tmux-256color")
        try session.resize(width: 50, height: 12)
        try session.waitFor("size:12 50")
        try session.signalProgram(SIGTERM)
        XCTAssertEqual(try session.waitForExit(), 128 + SIGTERM)
    }

    func testTmuxSessionDetectsAnUnrestoredTerminal() throws {
        // Enter the alternate screen and hide the cursor, then exit without restoring.
        let session = try TmuxSession(command: "printf '\\033[?1049h\\033[?25l'", width: 40, height: 8)
        _ = try session.waitForExit()
        XCTAssertThrowsError(try session.checkTerminalRestored())
    }

    func testTimeoutReportsTheLastScreen() throws {
        let session = try TmuxSession(command: "echo visible; sleep 20", width: 40, height: 5)
        XCTAssertThrowsError(try session.waitFor("never", timeout: .milliseconds(300))) { error in
            XCTAssertTrue(String(describing: error).contains("visible"), String(describing: error))
        }
    }

    func testExecutablePathPointsAtTheBuiltBinary() {
        let path = perceptronExecutablePath()
        XCTAssertTrue(path.hasSuffix("/perceptron"), path)
        XCTAssertEqual(access(path, X_OK), 0, path)
    }
}
