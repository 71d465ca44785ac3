#if canImport(Glibc)
import Glibc
#endif
import PerceptronCore

/// Writes the `train` CSV (stdout by default) through one reused byte buffer; an export adds a
/// final `lr` column, the α the step from each state uses.
struct CSVWriter {
    private var bytes: [UInt8] = []
    private let descriptor: Int32
    private let learningRateColumn: Bool
    /// The errno of the first write that failed, or 0.
    private(set) var failure: Int32 = 0

    init(descriptor: Int32 = STDOUT_FILENO, learningRateColumn: Bool = false) {
        self.descriptor = descriptor
        self.learningRateColumn = learningRateColumn
        bytes.reserveCapacity(1 << 16)
    }

    mutating func writeHeader(parameterNames: [String], samples m: Int) {
        let names = ["step", "loss"] + parameterNames + (1...m).map { "p\($0)" } + (learningRateColumn ? ["lr"] : [])
        append(names.joined(separator: ","))
        bytes.append(0x0A)
    }

    mutating func writeRow(_ trainer: Trainer) {
        let trace = trainer.trace()
        append(String(trace.step))
        let parameters = trace.layers.flatMap { $0.layer.weights + ($0.layer.biases ?? []) }
        for value in [trace.loss] + parameters + trace.predictions {
            bytes.append(0x2C)
            append(Self.format(value))
        }
        if learningRateColumn {
            bytes.append(0x2C)
            append(Self.format(trainer.learningRate))
        }
        bytes.append(0x0A)
        if bytes.count >= 1 << 15 { flush() }
    }

    /// Shortest round-trip digits (Swift's description, Python's repr); any NaN prints as "nan",
    /// as Python prints it, whatever its sign bit.
    static func format(_ value: Double) -> String {
        value.isNaN ? "nan" : value.description
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        let error = writeAll(descriptor, bytes)
        if failure == 0 { failure = error }
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
