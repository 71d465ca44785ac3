import Glibc

/// A failure while driving tmux; the description carries the last screen when waiting timed out.
public struct TmuxError: Error, CustomStringConvertible {
    public var description: String
}

/// What tmux says about the pane's terminal modes; after a well-behaved full-screen program exits,
/// the alternate screen is off, the cursor is visible and the keypad is back in normal mode.
public struct PaneModes: Equatable, Sendable, CustomStringConvertible {
    public var alternateScreen: Bool
    public var cursorVisible: Bool
    public var keypadApplicationMode: Bool
    public var cursorKeysApplicationMode: Bool
    /// Any mouse tracking mode on (the program asked for mouse reports), or SGR report encoding on.
    public var mouseReporting: Bool

    public var description: String {
        "alternate screen \(alternateScreen ? "on" : "off"), cursor \(cursorVisible ? "visible" : "hidden"), "
            + "keypad \(keypadApplicationMode ? "application" : "normal"), "
            + "cursor keys \(cursorKeysApplicationMode ? "application" : "normal"), "
            + "mouse reports \(mouseReporting ? "on" : "off")"
    }
}

/// A command running in a private tmux server (own socket in a fresh temporary directory), for
/// end-to-end tests of a full-screen program: send keys, read the screen, resize, check that the
/// terminal was restored. The server is killed and the directory removed in `kill()` / deinit.
///
/// The command runs under `/bin/sh` with `LANG`/`LC_ALL=C.UTF-8` and `TERM=tmux-256color` (CI has
/// no TERM and no stdin), followed by `echo EXIT=$?` so the exit status shows on the screen; the
/// pane then stays open for capturing. The tmux status line is turned off, so the pane is exactly
/// `width` × `height`.
public final class TmuxSession {
    public private(set) var width: Int
    public private(set) var height: Int
    /// The private directory holding the socket, config and tty-mode snapshots.
    public let directory: String
    public var socket: String { directory + "/sock" }
    private let sessionName = "test"
    private var killed = false

    /// Starts `command` (a shell command line) in a new pane of `width` × `height` cells.
    /// `environment` is exported inside the pane after the defaults (so it can override TERM).
    public init(
        command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]
    ) throws {
        self.width = width
        self.height = height
        var template = Array("/tmp/tmux-test-XXXXXX".utf8CString)  // Short: socket paths max 108 bytes.
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TmuxError(description: "mkdtemp: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)
        try Self.writeFile(
            directory + "/tmux.conf",
            "set -g status off\nset -g escape-time 0\nset -g history-limit 2000\n")

        var exports = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color"]
        exports.merge(environment) { _, new in new }
        let exportLine = exports.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(Self.shellQuote($0.value))" }.joined(separator: " ")
        // `trap :` keeps this shell alive when Ctrl-C / Ctrl-\ reach the whole foreground group,
        // without making the program inherit an ignored signal.
        let script = """
            trap : INT QUIT
            export \(exportLine)
            stty -g > \(Self.shellQuote(directory + "/stty-before")) 2>/dev/null
            \(command)
            echo EXIT=$?
            stty -g > \(Self.shellQuote(directory + "/stty-after")) 2>/dev/null
            exec sleep 3600
            """
        do {
            try tmux(
                "new-session", "-d", "-s", sessionName, "-x", String(width), "-y", String(height),
                "--", "/bin/sh", "-c", script)
        } catch {
            removeDirectory()
            throw error
        }
    }

    /// Starts a program with arguments (each shell-quoted) instead of a command line.
    public convenience init(
        arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]
    ) throws {
        try self.init(
            command: arguments.map(Self.shellQuote).joined(separator: " "),
            width: width, height: height, environment: environment)
    }

    deinit { kill() }

    // MARK: Input and screen

    /// Sends tmux key names: "q", "Space", "Enter", "Right", "C-c", "F1", "PageUp"…
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", sessionName] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    public func sendText(_ text: String) throws {
        try tmux("send-keys", "-t", sessionName, "-l", "--", text)
    }

    /// Sends raw bytes as keys (`send-keys -H`): escape sequences, mouse reports, broken UTF-8.
    public func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", sessionName, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// The pane's terminal device (e.g. /dev/pts/3).
    public func paneTTY() throws -> String {
        try tmux("display-message", "-p", "-t", sessionName, "#{pane_tty}").trimmingWhitespace()
    }

    /// Writes `text` to the pane's terminal as output, as another program sharing the terminal
    /// would: it lands on the screen over whatever the program drew there.
    public func scribble(_ text: String) throws {
        let path = try paneTTY()
        let fd = open(path, O_WRONLY | O_NOCTTY)
        guard fd >= 0 else { throw TmuxError(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw TmuxError(description: "cannot write to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The visible screen as text, one line per row; with `colors`, SGR escape sequences included.
    /// On failure returns a line describing it (so it shows up in assertion messages).
    public func capture(colors: Bool = false) -> String {
        do {
            return try tmux(["capture-pane", "-p", "-t", sessionName] + (colors ? ["-e"] : []))
        } catch {
            return "<capture failed: \(error)>"
        }
    }

    /// Polls the screen until it contains `text`; returns that screen, or throws with the last one.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(timeout: timeout, description: "\"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen until `predicate` holds; returns that screen, or throws with the last one.
    /// The predicate must hold on two captures in a row: a frame reaches tmux in pieces, and one
    /// capture can fall between its first rows and its last (on a loaded machine, often enough).
    @discardableResult
    public func waitUntil(
        timeout: Duration = .seconds(10), description: String = "a condition", colors: Bool = false,
        _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = capture(colors: colors)
        var heldBefore = false
        while true {
            let holds = predicate(screen)
            if holds && heldBefore { return screen }
            heldBefore = holds
            guard ContinuousClock.now < deadline else {
                if holds { return screen }
                throw TmuxError(description: "timed out after \(timeout) waiting for \(description); screen:\n\(screen)")
            }
            Self.pause(milliseconds: holds ? 30 : 20)
            screen = capture(colors: colors)
        }
    }

    /// Waits for the command to end and returns its exit status (from the `EXIT=n` line; 128 + n
    /// when it was killed by signal n).
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        var status: Int32?
        try waitUntil(timeout: timeout, description: "EXIT=<status>") { screen in
            status = Self.exitStatus(in: screen)
            return status != nil
        }
        return status ?? -1
    }

    /// Resizes the window (and so the pane); the program gets SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", sessionName, "-x", String(width), "-y", String(height))
        self.width = width
        self.height = height
    }

    // MARK: Processes

    /// The pane's shell (/bin/sh running the script).
    public func shellPID() throws -> pid_t {
        let text = try tmux("display-message", "-p", "-t", sessionName, "#{pane_pid}")
        guard let pid = pid_t(text.trimmingWhitespace()) else {
            throw TmuxError(description: "no pane pid in '\(text)'")
        }
        return pid
    }

    /// The program started by the command (the shell's child), once it is running; nil otherwise.
    public func programPID() throws -> pid_t? {
        let shell = try shellPID()
        guard let children = Self.readFile("/proc/\(shell)/task/\(shell)/children") else { return nil }
        return children.split(separator: " ").compactMap { pid_t($0) }.first
    }

    /// Sends `signal` (e.g. SIGTERM, SIGHUP) to the program, waiting up to `timeout` for it to start.
    public func signalProgram(_ signal: Int32, timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let pid = try programPID() {
                guard Glibc.kill(pid, signal) == 0 else {
                    throw TmuxError(description: "kill(\(pid), \(signal)): \(String(cString: strerror(errno)))")
                }
                return
            }
            guard ContinuousClock.now < deadline else {
                throw TmuxError(description: "no program running in the pane; screen:\n\(capture())")
            }
            Self.pause(milliseconds: 20)
        }
    }

    // MARK: Terminal state after exit

    /// The pane's current terminal modes as tmux tracks them.
    public func paneModes() throws -> PaneModes {
        let text = try tmux(
            "display-message", "-p", "-t", sessionName,
            "#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}")
        let flags = text.trimmingWhitespace().split(separator: " ").map { $0 == "1" }
        guard flags.count == 6 else { throw TmuxError(description: "unexpected pane flags '\(text)'") }
        return PaneModes(
            alternateScreen: flags[0], cursorVisible: flags[1], keypadApplicationMode: flags[2],
            cursorKeysApplicationMode: flags[3], mouseReporting: flags[4] || flags[5])
    }

    /// Checks, after the command has exited (call `waitForExit` first), that it left the terminal
    /// as it found it: alternate screen off, cursor visible, keypad normal, no mouse reports, and the tty modes
    /// (`stty -g`) identical to those before it started. Throws a description of what is wrong.
    public func checkTerminalRestored(timeout: Duration = .seconds(5)) throws {
        let after = directory + "/stty-after"
        let deadline = ContinuousClock.now + timeout
        while access(after, F_OK) != 0 || (Self.readFile(after) ?? "").isEmpty {
            guard ContinuousClock.now < deadline else {
                throw TmuxError(description: "the command has not exited; screen:\n\(capture())")
            }
            Self.pause(milliseconds: 20)
        }
        var problems: [String] = []
        let modes = try paneModes()
        if modes.alternateScreen { problems.append("alternate screen still on") }
        if !modes.cursorVisible { problems.append("cursor hidden") }
        if modes.keypadApplicationMode { problems.append("keypad left in application mode") }
        if modes.mouseReporting { problems.append("mouse reports still on") }
        let before = Self.readFile(directory + "/stty-before")?.trimmingWhitespace()
        let afterModes = Self.readFile(after)?.trimmingWhitespace()
        if before != afterModes {
            problems.append("tty modes changed: before \(before ?? "?"), after \(afterModes ?? "?")")
        }
        if !problems.isEmpty {
            throw TmuxError(description: "terminal not restored: \(problems.joined(separator: "; ")); screen:\n\(capture())")
        }
    }

    // MARK: Cleanup

    /// Kills the tmux server and removes the directory. Idempotent.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux("kill-server")
        removeDirectory()
    }

    // MARK: Helpers

    /// Quotes `text` for /bin/sh.
    public static func shellQuote(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }) {
            return text
        }
        return "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    /// The status in the last `EXIT=n` line of `screen`, if any.
    static func exitStatus(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n").reversed() {
            if let range = line.firstRange(of: "EXIT="), let status = Int32(line[range.upperBound...].trimmingWhitespace()) {
                return status
            }
        }
        return nil
    }

    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        try tmux(arguments)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(
            "tmux", ["-S", socket, "-f", directory + "/tmux.conf"] + arguments,
            environment: ProcessRunner.environment(removing: ["TMUX", "TMUX_PANE"]),
            timeout: .seconds(10))
        guard result.status == 0, !result.timedOut else {
            throw TmuxError(
                description: "tmux \(arguments.first ?? "") failed (status \(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    private func removeDirectory() {
        for name in ["sock", "tmux.conf", "stty-before", "stty-after"] { unlink(directory + "/" + name) }
        rmdir(directory)
    }

    private static func pause(milliseconds: Int) {
        var time = timespec(tv_sec: 0, tv_nsec: milliseconds * 1_000_000)
        var remaining = timespec()
        while nanosleep(&time, &remaining) != 0 && errno == EINTR { time = remaining }
    }

    private static func writeFile(_ path: String, _ text: String) throws {
        guard let file = fopen(path, "w") else {
            throw TmuxError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        fputs(text, file)
    }

    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n == 0 { break }
            bytes += chunk[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
