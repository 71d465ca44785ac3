import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The root command. Bad input exits with status 2 and one line on stderr (swift-argument-parser
/// would exit 64 with a usage block), so scripts and people see at once what is wrong.
struct Perceptron: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perceptron",
        abstract: "Watch a perceptron learn, step by step, in your terminal.",
        discussion: """
            Follows the notebook "Building a neural net from scratch": three inputs, a sigmoid, \
            cross-entropy loss and gradient descent on a four-row table, with NumPy's numbers bit \
            for bit.
            """,
        version: "0.1.0",
        subcommands: [WatchCommand.self, TrainCommand.self, FrameCommand.self, ThemesCommand.self, BenchCommand.self,
                      DoctorCommand.self],
        defaultSubcommand: WatchCommand.self)
}

func runMain() -> Never {
    do {
        var command = try Perceptron.parseAsRoot()
        try command.run()
        exit(0)
    } catch let code as ExitCode {
        // A command that already said what went wrong only asks for its exit status.
        exit(code.rawValue)
    } catch {
        let code = Perceptron.exitCode(for: error)
        // --help and --version arrive as errors with status 0: let the parser print them.
        if code == .success { Perceptron.exit(withError: error) }
        var message = Perceptron.message(for: error)
            .split(separator: "\n").first.map(String.init) ?? "\(error)"
        // Our own checks start with the flag and say what is allowed; the parser's (unknown flag,
        // missing value) do not, so point to the help.
        if !message.hasPrefix("--") { message += " (see 'perceptron --help')" }
        printError("perceptron: \(message)")
        exit(2)
    }
}

runMain()
