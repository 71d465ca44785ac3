import ArgumentParser
import FileSupport
import Foundation
import PerceptronApp
import PerceptronCore
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `perceptron lesson NAME|PATH`: plays a lesson, checks it, or writes its handout.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Play a lesson: slides with a caption, each showing its own scene of a run.",
        discussion: """
            A lesson is a plain-text .lesson file (see docs/lessons.md), or the name of one from \
            'perceptron lessons' (notebook and trask are built in). PgDn or . goes to the next \
            slide, PgUp or , to the previous one, : then a number and Enter jumps; every other key \
            works inside the slide as in 'perceptron watch'. Going to a slide always shows its \
            scene afresh. --check validates the lesson and prints one line per slide; --handout \
            writes every slide to one self-contained HTML page.
            """)

    @Argument(help: ArgumentHelp("A lesson name from 'perceptron lessons', or a path to a .lesson file.",
                                 valueName: "NAME|PATH"))
    var lesson: String

    @Flag(name: .long, help: "Check the lesson and print a one-line summary of each slide; show nothing.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("Write the handout: one HTML page with every slide.", valueName: "OUT.html"))
    var handout: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The handout's frame size, WIDTHxHEIGHT (at least 80x24).", valueName: "WxH"))
    var size: String = "100x30"

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        _ = try parseSize(size)
        if check, handout != nil { throw ValidationError("--check and --handout are not allowed together: use one") }
    }

    func run() throws {
        let playback: LessonPlayback
        do { playback = try Self.load(lesson) } catch {
            printError("perceptron: \(error)")
            throw ExitCode(2)
        }
        if check {
            try StandardOutput.writeLines((0..<playback.count).map { playback.summary($0) }
                + ["\(playback.lesson.file): \(playback.count) slides, all fine"])
            return
        }
        let (themes, warnings) = try display.loadThemes()
        for warning in warnings { printError("perceptron: warning: \(warning)") }
        var forced = playback
        forced.forceProjection = display.present
        if let handout {
            let (width, height) = try parseSize(size)
            var base = AppState(trainer: forced.starts[0], running: false, width: width, height: height)
            base.themes = themes
            let title = "Lesson: " + (forced.lesson.slides.first?.title ?? lesson)
            let page = Handout.lessonPage(forced, like: base, title: title)
            do { try OutputFile.write(Array(page.utf8), to: handout) } catch {
                printError("perceptron: \(error)")
                throw ExitCode(error.status)
            }
            return
        }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal.open()
        } catch {
            printError("perceptron: \(error); to check a lesson without a terminal, try 'perceptron lesson --check \(shown(lesson))'")
            throw ExitCode(2)
        }
        let (width, height) = terminal.size
        var base = AppState(trainer: forced.starts[0], running: false, width: width, height: height,
                            entropy: WatchCommand.entropy())
        base.themes = themes
        var state = forced.scene(0, like: base)
        Visualiser.run(&state, terminal: terminal)
    }

    /// Reads, parses and checks a lesson by name or path; data files are read relative to the
    /// lesson's folder.
    static func load(_ nameOrPath: String) throws(LessonError) -> LessonPlayback {
        let found = try LessonCatalog.standard().text(of: nameOrPath)
        let lesson = try Lesson.parse(found.text, file: found.file)
        return try LessonPlayback(lesson) { path, rule in
            let full = path.hasPrefix("/") || found.directory == nil ? path
                : (found.directory!.isEmpty ? path : found.directory! + "/" + path)
            return try LessonDataFile.load(path: full, rule: rule)
        }
    }
}

/// Loading a lesson's CSV data file: read as a regular UTF-8 file, then parsed.
enum LessonDataFile {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static func load(path: String, rule: TargetRule) throws -> Dataset {
        do {
            return try DataFile.load(path: path, rule: rule)
        } catch {
            throw Refused(description: "data file \(error)")
        }
    }
}

/// `perceptron lessons`: the lessons found and where.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons and where each was found.",
        discussion: """
            Lessons are NAME.lesson files, looked up in ./lessons, then \
            $XDG_CONFIG_HOME/perceptron/lessons (else ~/.config/perceptron/lessons), then the \
            lessons folder next to the binary; the shipped ones are also built in.
            """)

    func run() throws {
        let rows = LessonCatalog.standard().available().map {
            (name: TerminalText.escaped($0.name, limit: 40), location: TerminalText.escaped($0.location, limit: TerminalText.pathLimit))
        }
        let width = rows.map(\.name.count).max() ?? 0
        try StandardOutput.writeLines(rows.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.location })
    }
}

/// Writing a file the user named: never over something that is not a regular file (a FIFO, a
/// device, a directory), and a failed write is one line.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// 2 when the name itself was unusable (bad input), 1 when writing failed.
        var status: Int32 = 1
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let shownPath = TerminalText.escaped(path, limit: TerminalText.pathLimit)
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw Failure(description: "\(shownPath): not a regular file; write the handout to a new or regular file",
                          status: 2)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot write \(shownPath): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        do { try writeFully(descriptor, bytes) } catch {
            throw Failure(description: "cannot write \(shownPath): \(error)")
        }
    }
}
