#if canImport(Glibc)
import Glibc
#endif
import PerceptronCore

/// Writes the `train` CSV to stdout through one reused byte buffer.
struct CSVWriter {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func writeHeader(parameterNames: [String], samples m: Int) {
        let names = ["step", "loss"] + parameterNames + (1...m).map { "p\($0)" }
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
        writeAll(STDOUT_FILENO, bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
