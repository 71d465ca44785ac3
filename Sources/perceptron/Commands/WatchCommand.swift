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
        for warning in warnings { printError("perceptron: warning: \(warning)") }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal.open()
        } catch {
            printError("perceptron: \(error); for output without a terminal, try 'perceptron train --steps 1000'")
            throw ExitCode(2)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (width, height) = terminal.size
        var state = AppState(trainer: training.makeTrainer(model: model), running: !paused, speedIndex: try speedIndex(),
                             width: width, height: height, entropy: Self.entropy())
        display.apply(themes, to: &state)
        var lastTick = start
        var needsDraw = true
        while !state.quitRequested && !TerminalSafety.quitRequested {
            if needsDraw || terminal.needsFullRepaint {
                terminal.draw(view(state))
                needsDraw = false
                if crashAfterFirstFrame { TerminalSafety.simulateCrashForTesting() }
            }
            var timeout = -1
            if let interval = tickDuration(state) {
                timeout = max(0, Int(((lastTick + interval - clock.now) / .milliseconds(1)).rounded(.up)))
            }
            // Every key that is waiting is handled before the next frame, so a paste of thousands
            // of keys costs one frame, and a `q` at its end quits at once.
            let events = terminal.nextEvents(timeoutMilliseconds: timeout)
            let wasRunning = state.running
            for event in events {
                switch event {
                case .key(let key):
                    for command in update(&state, .key(key)) {
                        switch command {
                        case .redrawScreen: terminal.requestFullRepaint()
                        }
                    }
                case .resize(let w, let h): update(&state, .resize(width: w, height: h))
                case .hangup: TerminalSafety.terminalHungUp()
                }
                if state.quitRequested || TerminalSafety.quitRequested { break }
            }
            if !events.isEmpty {
                needsDraw = true
                // Resuming starts the clock afresh: the pause is not made up for with a burst of steps.
                if !wasRunning { lastTick = clock.now }
            }
            let now = clock.now
            if let interval = tickDuration(state) {
                let elapsed = now - lastTick
                if elapsed >= interval {
                    update(&state, .tick(seconds: elapsed.seconds))
                    lastTick = now
                    needsDraw = true
                }
            }
        }
        terminal.close()
        // By the signal's default action when one asked us to quit (status 128+n), else 0.
        TerminalSafety.exitForRequestedSignal()
    }

    /// The time between ticks while running; nil while paused.
    private func tickDuration(_ state: AppState) -> Duration? {
        state.tickInterval.map { .nanoseconds(Int64($0 * 1e9)) }
    }

    /// A little unpredictability for the `s` key's new seeds.
    private static func entropy() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UInt64(time.tv_sec) &* 1_000_000_007 &+ UInt64(time.tv_nsec) &+ UInt64(getpid())
    }
}
