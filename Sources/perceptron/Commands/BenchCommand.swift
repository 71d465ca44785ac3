import ArgumentParser
import PerceptronCore

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

    /// More rounds add little to a median; the limit keeps `--rounds` a number that finishes.
    static let maximumRounds = 1000

    func validate() throws { _ = try counts() }

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
        let (perRound, roundCount) = try counts()
        let clock = ContinuousClock()
        var nanosecondsPerStep: [Double] = []
        var checksum = 0.0
        for _ in 0..<roundCount {
            var trainer = training.makeTrainer(model: model)
            let elapsed = clock.measure { trainer.advance(by: perRound) }
            // Reading the result keeps the optimiser from dropping the work.
            checksum += trainer.bias
            nanosecondsPerStep.append(elapsed.seconds * 1e9 / Double(perRound))
        }
        nanosecondsPerStep.sort()
        let best = nanosecondsPerStep[0], median = nanosecondsPerStep[nanosecondsPerStep.count / 2]
        func rate(_ ns: Double) -> String { String(Int((1e9 / ns).rounded())) }
        let kernel = training.math.arithmeticValue.rawValue
        let dataset = training.dataset(with: model)
        try StandardOutput.writeLines([
            "engine step (\(dataset.name), \(model.spec.summary(inputs: dataset.inputCount)), --math \(kernel), "
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
}
