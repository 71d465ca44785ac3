#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PerceptronCore

/// The flags that choose the model, shared by `train`, `watch`, `frame` and `bench`: a hidden
/// layer, the loss, the bias, or one of Trask's networks as a whole. Flags given explicitly win
/// over a preset's settings.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Add one hidden layer of H sigmoid units (1…16); without it, the perceptron.", valueName: "H"))
    var hidden: String?

    @Option(name: .long,
            help: ArgumentHelp("The loss: \(Loss.allCases.map(\.rawValue).joined(separator: " or ")) (default cross-entropy).",
                               valueName: "NAME"))
    var loss: String?

    @Flag(inversion: .prefixedNo, help: "Give every unit a bias (the default; --no-bias leaves the biases out).")
    var bias: Bool?

    @Option(name: .long,
            help: ArgumentHelp("""
                Set up one of Trask's networks: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")) \
                (data, seed 1, shape, squared loss, no bias); other flags override it.
                """, valueName: "NAME"))
    var preset: String?

    @Option(name: .long,
            help: ArgumentHelp("""
                Whose summation orders products of real numbers follow (a hidden layer, a data file): \
                auto (NumPy's OpenBLAS on this CPU, or OPENBLAS_CORETYPE when set), haswell or skylakex.
                """, valueName: "KERNELS"))
    var blas: String = "auto"

    @Option(name: .customLong("blas-threads"),
            help: ArgumentHelp("""
                How many threads NumPy's OpenBLAS would cut large products for (460,800 numbers or more, \
                or one input over 10,000 rows): auto (OpenBLAS's own rule here: OPENBLAS_NUM_THREADS, \
                GOTO_NUM_THREADS or OMP_NUM_THREADS, at most the CPUs this process may use; now \
                \(BLASThreads.native)) or 1…\(BLASThreads.maximum).
                """, valueName: "N"))
    var blasThreads: String = "auto"

    /// The checked values; `validate()` has already refused anything else.
    var presetValue: Preset? { preset.flatMap(Preset.init(rawValue:)) }

    var spec: ModelSpec {
        var spec = presetValue?.model ?? .perceptron
        if let hidden, let units = parseDecimalDigits(hidden) { spec.hiddenUnits = units }
        if let loss, let chosen = Loss(rawValue: loss) { spec.loss = chosen }
        if let bias { spec.hasBias = bias }
        return spec
    }

    /// As NumPy's OpenBLAS chooses: OPENBLAS_CORETYPE if it names one of the two sets, else by CPU.
    var kernels: MatrixKernels {
        if let chosen = MatrixKernels(rawValue: blas) { return chosen }
        if let coreType = getenv("OPENBLAS_CORETYPE"), let named = MatrixKernels(coreType: String(cString: coreType)) {
            return named
        }
        return .native
    }

    /// `--blas-threads`: the number given, else OpenBLAS's own count in this process.
    var threads: Int {
        parseDecimalDigits(blasThreads) ?? BLASThreads.native
    }

    func validate() throws {
        if blasThreads != "auto" {
            guard let count = parseDecimalDigits(blasThreads), (1...BLASThreads.maximum).contains(count) else {
                throw ValidationError(
                    "--blas-threads '\(shown(blasThreads))' is not allowed: use auto or a whole number from 1 to \(BLASThreads.maximum)")
            }
        }
        guard blas == "auto" || MatrixKernels(rawValue: blas) != nil else {
            throw ValidationError(
                "--blas '\(shown(blas))' is not allowed: use auto, \(MatrixKernels.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        if let hidden {
            let range = ModelSpec.hiddenUnitRange
            guard let units = parseDecimalDigits(hidden), range.contains(units) else {
                throw ValidationError(
                    "--hidden '\(shown(hidden))' is not allowed: use a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
        }
        if let loss, Loss(rawValue: loss) == nil {
            throw ValidationError(
                "--loss '\(shown(loss))' is not allowed: use \(Loss.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        if let preset, Preset(rawValue: preset) == nil {
            throw ValidationError(
                "--preset '\(shown(preset))' is not allowed: use \(Preset.allCases.map(\.rawValue).joined(separator: " or "))")
        }
    }
}

extension TrainingOptions {
    /// The data set the run uses: `--data`'s (a file is read here), else the preset's, else the notebook's.
    func dataset(with model: ModelOptions) throws -> Dataset {
        if !dataGiven, let preset = model.presetValue, let found = try? Dataset.named(preset.datasetName) {
            return found
        }
        return try loadDataset(rule: model.spec.loss == .squared ? .zeroToOne : .zeroOrOne)
    }

    /// The trainer for these flags. A preset's seed and learning rate are the defaults (1 and 1),
    /// so `--seed` and `--lr` override them like any other run's.
    func makeTrainer(model: ModelOptions) throws -> Trainer {
        try makeTrainer(try dataset(with: model), model: model)
    }

    /// A fresh run on a table already loaded (bench starts many).
    func makeTrainer(_ dataset: Dataset, model: ModelOptions) throws -> Trainer {
        try Trainer(dataset: dataset, seed: seedValue, learningRate: learningRateValue, model: model.spec,
                    arithmetic: math.arithmeticValue, kernels: model.kernels, blasThreads: model.threads)
    }
}
