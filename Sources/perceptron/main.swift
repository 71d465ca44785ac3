import ArgumentParser
import FileSupport
#if canImport(Glibc)
import Glibc
#endif

/// The root command. Bad input exits with status 2 and one line on stderr (swift-argument-parser
/// would exit 64 with a usage block), so scripts and people see at once what is wrong.
struct Perceptron: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perceptron",
        abstract: "Watch a neural network learn, step by step, in your terminal.",
        discussion: """
            Follows the notebook "Building a neural net from scratch": three inputs, a sigmoid, \
            cross-entropy loss and gradient descent on a four-row table, with NumPy's numbers bit \
            for bit. Goes further: a hidden layer and Trask's networks (--hidden, --preset), XOR and \
            the decision boundary, each step written out with its numbers (key x), going back in \
            time (← and g), your own CSV tables (--data FILE.csv) and lessons to play and hand out.

            Start with 'perceptron --paused', or 'perceptron lesson notebook' for the lecture; \
            'perceptron doctor' checks the machine first.
            """,
        version: "0.2.0",
        subcommands: [WatchCommand.self, TrainCommand.self, FrameCommand.self, ThemesCommand.self, BenchCommand.self,
                      DoctorCommand.self, LessonCommand.self, LessonsCommand.self],
        defaultSubcommand: WatchCommand.self)

    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }
}

/// A word where a subcommand belongs that is none (`perceptron trian`, `perceptron help foo`).
/// The parser would read it as an argument of the default subcommand and complain about
/// something else; this names the word and lists the subcommands.
func unknownSubcommand(in arguments: [String]) -> String? {
    let names = Perceptron.subcommandNames
    var words = arguments[...]
    if words.first == "help" { words = words.dropFirst() }
    guard let word = words.first, !word.hasPrefix("-"), !names.contains(word) else { return nil }
    var message = "'\(shown(word))' is not a subcommand: use one of \(names.joined(separator: ", ")) (or help)"
    if let guess = names.first(where: { editDistance($0, word) <= 2 }) { message += "; did you mean '\(guess)'?" }
    return message
}

/// Levenshtein distance, for a "did you mean" on short words.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}

func fail(_ message: String, status: Int32) -> Never {
    printError("perceptron: \(message)")
    exit(status)
}

func runMain() -> Never {
    StandardOutput.reserveStandardDescriptors()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let message = unknownSubcommand(in: arguments) { fail(message, status: 2) }
    do {
        var command = try Perceptron.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch let error as OutputError {
        fail(error.description, status: 1)
    } catch let code as ExitCode {
        // A command that already said what went wrong only asks for its exit status.
        exit(code.rawValue)
    } catch {
        let code = Perceptron.exitCode(for: error)
        // --help and --version arrive as errors with status 0: print them as any output is printed.
        if code == .success {
            do {
                try StandardOutput.writeLine(Perceptron.fullMessage(for: error))
            } catch {
                fail(error.description, status: 1)
            }
            exit(0)
        }
        var message = Perceptron.message(for: error)
            .split(separator: "\n").first.map(String.init) ?? "\(error)"
        // Our own checks start with the flag and say what is allowed; the parser's (unknown flag,
        // missing value) do not, so point to the help.
        if !message.hasPrefix("--") { message += " (see 'perceptron --help')" }
        fail(message, status: 2)
    }
}

runMain()
