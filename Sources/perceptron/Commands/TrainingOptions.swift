import ArgumentParser
import PerceptronCore

/// The flags that choose a training run, shared by `train`, `watch`, `frame` and `bench`.
/// Numbers are read as text and checked here so that every refusal names the flag, the value and
/// what is allowed (swift-argument-parser's own message for a bad number does not say the range).
struct TrainingOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Seed of NumPy's legacy generator for the initial weights (0…4294967295).", valueName: "S"))
    var seed: String = "1"

    @Option(name: .customLong("lr"), parsing: .unconditional,
            help: ArgumentHelp("Learning rate α, a finite number greater than 0.", valueName: "A"))
    var learningRate: String = "1"

    @Option(name: .customLong("data"),
            help: ArgumentHelp("Training table: \(Dataset.builtIn.map(\.name).joined(separator: ", ")) (default \(Dataset.defaultName)).", valueName: "NAME"))
    var dataFlag: String?

    var dataName: String { dataFlag ?? Dataset.defaultName }
    /// Whether `--data` was given (a preset's data set applies only when it was not).
    var dataGiven: Bool { dataFlag != nil }

    /// The checked values; `validate()` has already refused anything else.
    var seedValue: UInt32 { UInt32(seed) ?? 1 }
    var learningRateValue: Double { Double(learningRate) ?? 1 }
    var dataset: Dataset { (try? Dataset.named(dataName)) ?? Dataset.builtIn[0] }

    func validate() throws {
        guard UInt32(seed) != nil else {
            throw ValidationError("--seed '\(seed)' is not allowed: use a whole number from 0 to 4294967295")
        }
        guard let alpha = Double(learningRate), alpha.isFinite, alpha > 0 else {
            throw ValidationError("--lr '\(learningRate)' is not allowed: use a finite number greater than 0")
        }
        do { _ = try Dataset.named(dataName) } catch {
            throw ValidationError("--data: \(error)")
        }
    }

    func makeTrainer() -> Trainer {
        // validate() ran first, so this cannot fail; fall back to the notebook's run rather than trap.
        (try? Trainer(dataset: dataset, seed: seedValue, learningRate: learningRateValue))
            ?? (try! Trainer(dataset: Dataset.builtIn[0]))
    }
}

/// Parses a whole number ≥ `minimum` for a flag, or says what is allowed.
func parseCount(_ text: String, flag: String, minimum: Int) throws -> Int {
    guard let value = Int(text), value >= minimum else {
        let range = minimum == 0 ? "a whole number from 0 up" : "a whole number from \(minimum) up"
        throw ValidationError("\(flag) '\(text)' is not allowed: use \(range)")
    }
    return value
}
