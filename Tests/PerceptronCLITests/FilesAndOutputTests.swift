import Foundation
import Glibc
import TestSupport
import XCTest

/// Files that are not files, write errors, theme warnings from `frame`, escaped messages.
final class FilesAndOutputTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/perceptron-files-cli-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = String(cString: try XCTUnwrap(made))
        XCTAssertEqual(mkdir(directory + "/themes", 0o755), 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func perceptron(_ arguments: [String]) throws -> ProcessResult {
        // A short timeout: a FIFO opened for reading would block until it.
        try ProcessRunner.run(perceptronExecutablePath(), arguments,
                              environment: ProcessRunner.environment(adding: [:], removing: ["NO_COLOR"]),
                              timeout: .seconds(20))
    }

    /// Runs a shell command line (for redirections and a working directory).
    private func shell(_ line: String) throws -> ProcessResult {
        try ProcessRunner.run("/bin/sh", ["-c", line],
                              environment: ProcessRunner.environment(adding: ["P": perceptronExecutablePath()], removing: ["NO_COLOR"]),
                              timeout: .seconds(20))
    }

    private func assertOneLineRefusal(_ result: ProcessResult, contains expected: String, status: Int32 = 2,
                                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.timedOut, "hung", file: file, line: line)
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("perceptron: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(expected), "expected \(expected): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr, file: file, line: line)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr, file: file, line: line)
    }

    // MARK: Item 8: theme files that are not regular files

    func testThemeArgumentsThatAreNotRegularFilesAreRefusedWithoutOpeningThem() throws {
        let fifo = directory + "/pipe.theme"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let loop = directory + "/loop.theme"
        XCTAssertEqual(symlink(loop, loop), 0)
        let cases: [(String, String)] = [
            (fifo, "pipe.theme: is not a regular file (it is a FIFO)"),
            (directory + "/themes", "is not a regular file (it is a directory)"),
            ("/dev/zero", "is not a regular file (it is a character device)"),
            (loop, "loop.theme: cannot be read: a loop of symbolic links"),
            ("/proc/self/mem", "/proc/self/mem: cannot be read"),
        ]
        for (path, expected) in cases {
            for command in ["frame", "watch"] {
                assertOneLineRefusal(try perceptron([command, "--theme", path]), contains: expected)
            }
        }
    }

    func testAFIFOInAThemeFolderIsSkipped() throws {
        XCTAssertEqual(mkfifo(directory + "/themes/pipe.theme", 0o644), 0)
        XCTAssertEqual(mkdir(directory + "/themes/folder.theme", 0o755), 0)
        XCTAssertEqual(symlink("loop.theme", directory + "/themes/loop.theme"), 0)
        try Data("theme[title]=\"#FFFFFF\"\n".utf8).write(to: URL(fileURLWithPath: directory + "/themes/lab.theme"))
        let cd = "cd \(TmuxSession.shellQuote(directory)) && "

        let themes = try shell(cd + "\"$P\" themes")
        XCTAssertFalse(themes.timedOut)
        XCTAssertEqual(themes.status, 0, themes.stderr)
        XCTAssertTrue(themes.stdout.contains("lab "), themes.stdout)
        for name in ["pipe", "folder", "loop"] { XCTAssertFalse(themes.stdout.contains(name), themes.stdout) }

        // Every start loads the whole theme cycle: the FIFO must not block it.
        let frame = try shell(cd + "\"$P\" frame --step 1")
        XCTAssertFalse(frame.timedOut)
        XCTAssertEqual(frame.status, 0, frame.stderr)
        XCTAssertEqual(frame.stderr, "")

        // Asked for by name, the error says what was found.
        let named = try shell(cd + "\"$P\" frame --theme pipe")
        assertOneLineRefusal(named, contains: "unknown theme 'pipe': ")
        XCTAssertTrue(named.stderr.contains("themes/pipe.theme is not a regular file (it is a FIFO)"), named.stderr)
    }

    func testWatchStartsWithAFIFOInItsThemeFolder() throws {
        XCTAssertEqual(mkfifo(directory + "/themes/pipe.theme", 0o644), 0)
        let session = try TmuxSession(
            command: "cd \(TmuxSession.shellQuote(directory)) && \(TmuxSession.shellQuote(perceptronExecutablePath())) --paused",
            width: 80, height: 24)
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("t")  // the theme cycle has no entry for the FIFO
        _ = try session.waitFor("PAUSED")
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }

    // MARK: Item 9: frame warns as watch does

    func testFramePrintsThemeWarnings() throws {
        let unknownRole = directory + "/extra.theme"
        try Data("theme[text]=\"#FFFFFF\"\ntheme[sparkles]=\"#FF00FF\"\n".utf8).write(to: URL(fileURLWithPath: unknownRole))
        let empty = directory + "/empty.theme"
        try Data("# nothing here\n".utf8).write(to: URL(fileURLWithPath: empty))

        let warned = try perceptron(["frame", "--step", "1", "--theme", unknownRole])
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertFalse(warned.stdout.isEmpty)
        XCTAssertEqual(warned.stderr, "perceptron: warning: \(unknownRole):2: unknown role 'sparkles' (ignored)\n")

        let nothing = try perceptron(["frame", "--step", "1", "--theme", empty])
        XCTAssertEqual(nothing.status, 0, nothing.stderr)
        XCTAssertEqual(nothing.stderr, "perceptron: warning: \(empty): sets no roles: every role is the default theme's\n")
    }

    // MARK: Item 10: write errors

    func testWriteErrorsAreReportedWithStatus1() throws {
        let commands = ["train --steps 10", "frame", "themes", "bench --steps 1000 --rounds 1", "--help", "train --help",
                        "--version", "help frame"]
        for command in commands {
            for redirection in [">/dev/full", ">&-"] {
                let result = try shell("\"$P\" \(command) \(redirection)")
                XCTAssertEqual(result.status, 1, "\(command) \(redirection): \(result.stderr)")
                XCTAssertTrue(result.stderr.hasPrefix("perceptron: cannot write output: "), "\(command) \(redirection): \(result.stderr)")
                XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
            }
        }
        XCTAssertEqual(try shell("\"$P\" train --steps 1 >/dev/full").stderr,
                       "perceptron: cannot write output: no space left on device\n")
    }

    // MARK: Item 15: untrusted text is escaped

    func testFileNamesAndContentsInMessagesAreEscaped() throws {
        let name = directory + "/x\u{1B}]0;pwned\u{07}\u{1B}[2J.theme"
        let missing = try perceptron(["frame", "--theme", name])
        assertOneLineRefusal(missing, contains: "x\\e]0;pwned\\x07\\e[2J.theme: no such theme file")
        XCTAssertFalse(missing.stderr.contains("\u{1B}"))

        let hostile = directory + "/hostile.theme"
        try Data("theme[text]=\"#FFFFFF\"\ntheme[\u{1B}[31mred]=\"#FF0000\"\n".utf8).write(to: URL(fileURLWithPath: hostile))
        let warned = try perceptron(["frame", "--theme", hostile])
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertTrue(warned.stderr.contains("unknown role '\\e[31mred'"), warned.stderr)
        XCTAssertFalse(warned.stderr.contains("\u{1B}"))

        // A flag's value, however long, is quoted short and escaped.
        let long = try perceptron(["train", "--steps", String(repeating: "9\u{07}", count: 5000)])
        assertOneLineRefusal(long, contains: "--steps '9\\x079")
        XCTAssertLessThan(long.stderr.count, 300)
        XCTAssertFalse(long.stderr.contains("\u{07}"))
    }

    func testThemeFolderNamesAreEscapedInTheList() throws {
        try Data("theme[title]=\"#FFFFFF\"\n".utf8).write(to: URL(fileURLWithPath: directory + "/themes/a\u{1B}[2Jb.theme"))
        let themes = try shell("cd \(TmuxSession.shellQuote(directory)) && \"$P\" themes")
        XCTAssertEqual(themes.status, 0, themes.stderr)
        XCTAssertTrue(themes.stdout.contains("a\\e[2Jb "), themes.stdout)
        XCTAssertFalse(themes.stdout.contains("\u{1B}"))
    }

    func testAHostileTERMIsEscaped() throws {
        let session = try TmuxSession(arguments: [perceptronExecutablePath()], width: 80, height: 24,
                                      environment: ["TERM": "\u{1B}[7mbad"])
        let screen = try session.waitFor("EXIT=")
        XCTAssertTrue(screen.contains("'\\e[7mbad'"), screen)
        XCTAssertEqual(try session.waitForExit(), 2)
    }
}
