import Foundation
import Glibc
import TestSupport
import XCTest

/// The live program under the things terminals and users do to it: the terminal vanishing,
/// escape sequences and key floods, being stopped and scribbled over, every terminating signal.
final class TerminalHostilityTests: XCTestCase {
    private func start(_ arguments: [String] = ["--paused"], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try TmuxSession(arguments: [perceptronExecutablePath()] + arguments, width: width, height: height)
    }

    /// A fresh private directory for files a test's shell writes.
    private func scratchDirectory() throws -> String {
        var template = Array("/tmp/perceptron-test-XXXXXX".utf8CString)
        let made = try XCTUnwrap(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }, "mkdtemp")
        let path = String(cString: made)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func waitForFile(_ path: String, timeout: Duration = .seconds(10)) -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") {
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            usleep(20_000)
        }
        return nil
    }

    /// A live process (not a zombie) with this pid.
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    /// The one-letter state in /proc/pid/stat (R, S, T for stopped …).
    private static func processState(_ pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].dropFirst().first
    }

    // MARK: 1. The terminal goes away without SIGHUP

    /// In its own session (`setsid`) the program gets no SIGHUP when its pane is closed: it must see
    /// the dead terminal (end of file / EIO) itself and end as if hung up, not spin on it.
    func testTerminalGoneWithoutSighupEndsTheProgramWithStatus129() throws {
        let directory = try scratchDirectory()
        let run = directory + "/run.sh"
        try "echo $$ > \(directory)/pid\nexec \(TmuxSession.shellQuote(perceptronExecutablePath())) --paused\n"
            .write(toFile: run, atomically: true, encoding: .utf8)
        let session = try TmuxSession(
            command: "setsid -w sh -c 'sh \(run); echo $? > \(directory)/status'", width: 80, height: 24)
        _ = try session.waitFor("PAUSED")
        let pid = try XCTUnwrap(waitForFile(directory + "/pid").flatMap { pid_t($0) })
        defer { if Self.isRunning(pid) { kill(pid, SIGKILL) } }
        session.kill()  // The tmux server and with it the pane's terminal are gone.
        let status = waitForFile(directory + "/status")
        XCTAssertEqual(status, "129", "the program must end as if by SIGHUP once its terminal is gone")
        XCTAssertFalse(Self.isRunning(pid), "the program is still running on a dead terminal")
    }

    // MARK: 2. Escape sequences are not Escape

    func testAltKeysMouseAndFocusReportsNeitherQuitNorActAsOtherKeys() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        let esc: UInt8 = 0x1B
        // An X10 mouse click (ESC [ M space ! !: its space used to toggle run/pause), an SGR mouse
        // press and release on the status line (where a click does nothing), focus in and out, and
        // two unknown sequences.
        try session.sendBytes([esc] + Array("[M !!".utf8))
        try session.sendBytes([esc] + Array("[<0;10;30M".utf8) + [esc] + Array("[<0;10;30m".utf8))
        try session.sendBytes([esc] + Array("[I".utf8) + [esc] + Array("[O".utf8))
        try session.sendBytes([esc] + Array("[1;5A".utf8) + [esc] + Array("[99~".utf8))
        // Alt+x, Alt+Enter, Ctrl-Alt-a, Alt+q (each ESC + a key), Alt+Space, Shift-← and Shift-→.
        try session.sendKeys("M-x", "M-Enter", "C-M-a", "M-q", "M-Space", "S-Left", "S-Right")
        // Arrow keys still work: Shift-← (a jump back, nothing before state 0) and Shift-→ (a jump
        // of 1) made state 1; ↓ selects sample 2, → steps once more.
        try session.sendKeys("Down", "Right")
        let screen = try session.waitUntil(timeout: .seconds(10)) { $0.contains("step 2 ") && $0.contains("sample 2 of 4") }
        XCTAssertTrue(screen.contains("PAUSED"), screen)
        XCTAssertTrue(screen.contains("sample 2 of 4"), screen)
        XCTAssertFalse(screen.contains("EXIT="), screen)
        // A lone Esc still quits.
        try session.sendKeys("Escape")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    // MARK: 3. Key floods

    /// 10,000 pasted characters, then q: every waiting key is handled before the next frame, so
    /// the q quits at once instead of after one frame per pasted character.
    func testAFloodOfKeysThenQQuitsAtOnce() throws {
        let session = try start(["--paused"], width: 80, height: 24)
        _ = try session.waitFor("PAUSED")
        try session.sendText(String(repeating: "x", count: 10_000) + "q")
        // One frame per key took 7 to 14 seconds here; a batch takes a few frames at most.
        XCTAssertEqual(try session.waitForExit(timeout: .seconds(5)), 0)
        try session.checkTerminalRestored()
    }

    // MARK: 4. Suspend, resume and redraw

    /// Stopped from outside and written over meanwhile: SIGCONT repaints the whole screen.
    func testContinueAfterStopRepaintsWhatWasWrittenOver() throws {
        let session = try start()
        _ = try session.waitFor("PAUSED")
        try session.signalProgram(SIGSTOP)
        try session.scribble("\u{1B}[3;10HSCRIBBLED-OVER\u{1B}[20;30HSCRIBBLED-OVER")
        _ = try session.waitFor("SCRIBBLED-OVER")
        try session.signalProgram(SIGCONT)
        let repainted = try session.waitUntil(timeout: .seconds(5), description: "a repaint") {
            !$0.contains("SCRIBBLED") && $0.contains("Predictions") && $0.contains("PAUSED")
        }
        XCTAssertTrue(repainted.contains("Perceptron · sample 1 of 4"), repainted)
        try session.sendKeys("n")
        _ = try session.waitFor("step 1 ")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testCtrlLRedrawsTheWholeScreen() throws {
        let session = try start(["--paused", "--speed", "1"])
        _ = try session.waitFor("PAUSED")
        try session.scribble("\u{1B}[2;3HSCRIBBLED-OVER\u{1B}[12;50HSCRIBBLED-OVER")
        _ = try session.waitFor("SCRIBBLED-OVER")
        try session.sendKeys("C-l")
        let repainted = try session.waitUntil(timeout: .seconds(5), description: "a repaint") {
            !$0.contains("SCRIBBLED") && $0.contains("PAUSED")
        }
        XCTAssertTrue(repainted.contains("Perceptron · sample 1 of 4"), repainted)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    /// Ctrl-Z under a job-control shell: the terminal is given back as it was while stopped, and
    /// taken again (alternate screen, picture) on `fg`.
    func testCtrlZGivesTheTerminalBackAndFgResumes() throws {
        let directory = try scratchDirectory()
        let program = TmuxSession.shellQuote(perceptronExecutablePath())
        let session = try TmuxSession(
            command: "set -m; \(program) --paused; echo STOPPED=$?; stty -g > \(directory)/stty-stopped; read line; fg",
            width: 100, height: 30)
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("C-z")
        let stopped = try session.waitFor("STOPPED=")
        XCTAssertTrue(stopped.contains("STOPPED=\(128 + SIGTSTP)"), stopped)
        let modes = try session.paneModes()
        XCTAssertFalse(modes.alternateScreen, "\(modes)")
        XCTAssertTrue(modes.cursorVisible, "\(modes)")
        XCTAssertFalse(modes.mouseReporting, "\(modes)")
        let before = try String(contentsOfFile: session.directory + "/stty-before", encoding: .utf8)
        XCTAssertEqual(waitForFile(directory + "/stty-stopped"), before.trimmingCharacters(in: .whitespacesAndNewlines),
                       "tty modes while stopped")
        try session.sendKeys("Enter")  // `read line` returns; `fg` continues the program.
        _ = try session.waitUntil(timeout: .seconds(5), description: "the picture again") {
            $0.contains("PAUSED") && $0.contains("Predictions") && !$0.contains("STOPPED=")
        }
        XCTAssertTrue(try session.paneModes().alternateScreen)
        XCTAssertTrue(try session.paneModes().mouseReporting, "the mouse works again after fg")
        try session.sendKeys("n")
        _ = try session.waitFor("step 1 ")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    // MARK: 5. Every terminating signal restores the terminal

    /// Each signal whose default action ends the process: the terminal is restored, then the
    /// program dies by that signal (status 128 + n). Run side by side to keep the test short.
    func testEveryTerminatingSignalRestoresTheTerminalAndEndsByIt() throws {
        let signals: [Int32] = [
            SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT,
            SIGSYS, __libc_current_sigrtmin(), __libc_current_sigrtmin() + 5, __libc_current_sigrtmax(),
        ]
        let sessions = try signals.map { _ in try start(["--paused"], width: 80, height: 24) }
        for session in sessions { _ = try session.waitFor("PAUSED", timeout: .seconds(20)) }
        for (session, signo) in zip(sessions, signals) { try session.signalProgram(signo) }
        for (session, signo) in zip(sessions, signals) {
            XCTAssertEqual(try session.waitForExit(), 128 + signo, "signal \(signo)")
            XCTAssertNoThrow(try session.checkTerminalRestored(), "signal \(signo)")
        }
    }
}
