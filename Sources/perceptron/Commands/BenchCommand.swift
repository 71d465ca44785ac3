import ArgumentParser
import PerceptronApp
import PerceptronCore
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `perceptron bench`: how fast the training step runs, for the README's figures.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training steps per second.",
        discussion: """
            Times the engine's gradient step (the hot loop of `train` and `watch`) over several \
            rounds and prints the best and median rounds; the model flags choose the network \
            (e.g. --hidden 4 --data xor). Compare with `python3 scripts/bench_numpy.py` \
            (the notebook's step in NumPy) and `scripts/bench_c.sh` (the same math as a plain C loop). \
            Build with `swift build -c release` first: debug builds are several times slower.
            """)

    @OptionGroup var training: TrainingOptions
    @OptionGroup var model: ModelOptions

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Steps per round (1 to \(maximumSteps); steps × rounds at most \(maximumSteps)).", valueName: "N"))
    var steps: String = "2000000"

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Rounds to time (1 to \(maximumRounds)).", valueName: "R"))
    var rounds: String = "7"

    @Flag(name: .long, help: "Time jumps instead: train a run of --length steps, then go to states all over it as the g key does.")
    var jump = false

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("With --jump: the run's length in steps (1 to \(maximumSteps)).", valueName: "N"))
    var length: String = "1000000000"

    /// More rounds add little to a median; the limit keeps `--rounds` a number that finishes.
    static let maximumRounds = 1000

    func validate() throws {
        _ = try counts()
        _ = try parseCount(length, flag: "--length", minimum: 1)
    }

    /// Steps per round and rounds; their product is bounded by the same limit as `train --steps`.
    private func counts() throws -> (steps: Int, rounds: Int) {
        let perRound = try parseCount(steps, flag: "--steps", minimum: 1)
        let roundCount = try parseCount(rounds, flag: "--rounds", minimum: 1, maximum: Self.maximumRounds)
        guard perRound <= maximumSteps / roundCount else {
            throw ValidationError("--steps '\(perRound)' with --rounds '\(roundCount)' is not allowed: "
                + "use at most \(maximumSteps) steps in all (steps × rounds)")
        }
        return (perRound, roundCount)
    }

    func run() throws {
        if jump { return try runJumps() }
        let (perRound, roundCount) = try counts()
        let clock = ContinuousClock()
        var nanosecondsPerStep: [Double] = []
        var checksum = 0.0
        let dataset = try training.dataset(with: model)
        for _ in 0..<roundCount {
            var trainer = try training.makeTrainer(dataset, model: model)
            let elapsed = clock.measure { trainer.advance(by: perRound) }
            // Reading the result keeps the optimiser from dropping the work.
            checksum += trainer.bias
            nanosecondsPerStep.append(elapsed.seconds * 1e9 / Double(perRound))
        }
        nanosecondsPerStep.sort()
        let best = nanosecondsPerStep[0], median = nanosecondsPerStep[nanosecondsPerStep.count / 2]
        func rate(_ ns: Double) -> String { String(Int((1e9 / ns).rounded())) }
        let kernel = training.math.arithmeticValue.rawValue
        try StandardOutput.writeLines([
            "engine step (\(dataset.name), \(dataset.sampleCount) rows, \(model.spec.summary(inputs: dataset.inputCount)), --math \(kernel), "
                + "\(roundCount) rounds of \(perRound) steps)",
            "  best:   \(format(best)) ns/step  \(rate(best)) steps/s",
            "  median: \(format(median)) ns/step  \(rate(median)) steps/s",
            "  (checksum \(checksum))",
        ])
    }

    private func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths.description
    }

    /// Trains a long run the way the visualiser does (checkpoints, whole-run summary), then times
    /// key-to-frame for go-tos all over it: typing `g`, the step and Enter, then drawing the screen.
    private func runJumps() throws {
        let total = try parseCount(length, flag: "--length", minimum: 1)
        let clock = ContinuousClock()
        var state = AppState(trainer: try training.makeTrainer(model: model), running: false, width: 80, height: 24)
        let rssBefore = Self.peakResidentKilobytes()
        let trained = clock.measure { state.fastForward(to: total) }
        let rssAfter = Self.peakResidentKilobytes()
        print("run of \(total) steps (\(training.dataName)) trained in \(format(trained.seconds)) s, "
            + "\(format(Double(total) / trained.seconds / 1e6)) million steps/s with the whole-run summary")
        print("  checkpoints: \(state.history.checkpoints.count), one every \(state.history.checkpoints.spacing) steps; "
            + "summary: \(state.history.summary.buckets.count) buckets of \(state.history.summary.bucketSize) states")
        print("  peak RSS: \(rssBefore / 1024) MB before, \(rssAfter / 1024) MB after")
        var random = SystemRandomNumberGenerator()
        var targets = [0, total, 1, total - 1, total / 2, state.history.checkpoints.spacing - 1]
        for _ in 0..<24 { targets.append(Int.random(in: 0...total, using: &random)) }
        var milliseconds: [Double] = []
        for target in targets {
            let elapsed = clock.measure {
                update(&state, .key(.character("g")))
                for c in String(target) { update(&state, .key(.character(c))) }
                update(&state, .key(.enter))
                _ = view(state)
            }
            precondition(state.step == target, "the jump reached \(state.step), not \(target)")
            milliseconds.append(elapsed.seconds * 1000)
        }
        let sorted = milliseconds.sorted()
        print("  \(targets.count) jumps, key to frame: median \(format(sorted[sorted.count / 2])) ms, "
            + "worst \(format(sorted[sorted.count - 1])) ms")
    }

    private static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}
