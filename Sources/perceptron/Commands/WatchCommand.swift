import ArgumentParser
import PerceptronApp
import PerceptronCore
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `perceptron` / `perceptron watch`: the full-screen visualiser.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the perceptron learn, full screen (the default).",
        discussion: """
            Trains the same run `perceptron train` prints, one gradient step per frame or many at \
            high speed, and draws the perceptron, its weights, the sigmoid, the loss and the \
            predictions. Press ? for the keys: space runs and pauses, n or → steps once while \
            paused, + and - change the speed, ] and [ the learning rate, r restarts, s picks a new \
            seed, ↑ ↓ choose the sample, l toggles a log scale, q quits.

            Needs a terminal of at least 80x24 with UTF-8 (for example LANG=C.UTF-8).
            """)

    @OptionGroup var training: TrainingOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "Start paused at state 0, showing the notebook's first forward pass.")
    var paused = false

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Steps per second to start at: one of 1, 2, 5, 10, 20, 50, … 1000000.", valueName: "S"))
    var speed: String = String(Ladder.speeds[Ladder.defaultSpeedIndex])

    @Option(name: .long,
            help: ArgumentHelp("The decision boundary's axes: two different inputs, e.g. 1,3, x1,x3 or a file's columns studied,slept (default 1,2; key a).",
                               valueName: "I,J"))
    var axes: String?

    /// For the end-to-end tests: crash right after the first frame, to check the terminal is restored.
    @Flag(name: .customLong("crash-after-first-frame"), help: .hidden)
    var crashAfterFirstFrame = false

    func validate() throws { _ = try speedIndex() }

    private func speedIndex() throws -> Int {
        guard let value = parseDecimalDigits(speed), let index = Ladder.speeds.firstIndex(of: value) else {
            throw ValidationError("--speed '\(shown(speed))' is not allowed: use one of "
                + Ladder.speeds.map(String.init).joined(separator: ", "))
        }
        return index
    }

    func run() throws {
        // Themes load (and warn) before the screen is taken over, where warnings can be read.
        let (themes, warnings) = try display.loadThemes()
        // The data file too: a refusal is one line on a terminal still as it was.
        let trainer = try training.makeTrainer(model: model)
        let chosenAxes = try parseAxes(axes, dataset: trainer.dataset)
        for warning in warnings { printError("perceptron: warning: \(warning)") }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal.open()
        } catch {
            printError("perceptron: \(error); for output without a terminal, try 'perceptron train --steps 1000'")
            throw ExitCode(2)
        }
        let (width, height) = terminal.size
        var state = AppState(trainer: trainer, running: !paused, speedIndex: try speedIndex(),
                             width: width, height: height, entropy: Self.entropy())
        display.apply(themes, to: &state)
        if let chosenAxes { state.boundaryAxes = chosenAxes }
        Visualiser.run(&state, terminal: terminal, crashAfterFirstFrame: crashAfterFirstFrame)
    }

    /// A little unpredictability for the `s` key's new seeds.
    static func entropy() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UInt64(time.tv_sec) &* 1_000_000_007 &+ UInt64(time.tv_nsec) &+ UInt64(getpid())
    }
}
