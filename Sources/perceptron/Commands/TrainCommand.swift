import ArgumentParser
import PerceptronCore

/// `perceptron train`: the headless run, as CSV on stdout.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train without a screen and print the run as CSV.",
        discussion: """
            Prints the header step,loss,w1,…,wn,b,p1,…,pm, then one row for state 0, for every K-th \
            state and for the last state N. State k is the model after k updates; its loss and \
            predictions p come from the forward pass with state k's parameters. Every number is \
            printed in shortest round-trip form, the digits Python's repr prints.

            Example: perceptron train --steps 1000 --every 100
            """)

    @OptionGroup var training: TrainingOptions
    @OptionGroup var model: ModelOptions

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Number of gradient steps N (a whole number, 0 or more).", valueName: "N"))
    var steps: String

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Print every K-th state (K ≥ 1); state 0 and state N are always printed.", valueName: "K"))
    var every: String = "1"

    func validate() throws {
        _ = try parseCount(steps, flag: "--steps", minimum: 0)
        _ = try parseCount(every, flag: "--every", minimum: 1)
    }

    func run() throws {
        let total = try parseCount(steps, flag: "--steps", minimum: 0)
        let interval = try parseCount(every, flag: "--every", minimum: 1)
        var trainer = training.makeTrainer(model: model)
        var output = CSVWriter()
        output.writeHeader(parameterNames: trainer.parameterNames, samples: trainer.dataset.sampleCount)
        output.writeRow(trainer)
        while trainer.step < total {
            // Jump straight to the next printed state: nothing in between is computed twice or kept.
            let next = min(total, (trainer.step / interval + 1) * interval)
            trainer.advance(by: next - trainer.step)
            output.writeRow(trainer)
        }
        output.flush()
    }
}
