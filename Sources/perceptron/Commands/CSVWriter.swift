#if canImport(Glibc)
import Glibc
#endif
import PerceptronCore

/// Writes the `train` CSV (to stdout by default) through one reused byte buffer; an export of a
/// run adds a final `lr` column, the α the step from each state uses.
struct CSVWriter {
    private var bytes: [UInt8] = []
    private let descriptor: Int32
    private let learningRateColumn: Bool
    /// Rows are written out once this many bytes have gathered.
    static let bufferSize = 1 << 15

    init(descriptor: Int32 = STDOUT_FILENO, learningRateColumn: Bool = false) {
        self.descriptor = descriptor
        self.learningRateColumn = learningRateColumn
        bytes.reserveCapacity(2 * Self.bufferSize)
    }

    /// Nothing waiting to be written.
    var isEmpty: Bool { bytes.isEmpty }

    mutating func writeHeader(parameterNames: [String], samples m: Int) {
        let names = ["step", "loss"] + parameterNames + (1...m).map { "p\($0)" } + (learningRateColumn ? ["lr"] : [])
        append(names.joined(separator: ","))
        bytes.append(0x0A)
    }

    /// Adds state k's row; returns true when the buffer was full and has been written out.
    @discardableResult
    mutating func writeRow(_ trainer: Trainer) throws(OutputError) -> Bool {
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
        guard bytes.count >= Self.bufferSize else { return false }
        try flush()
        return true
    }

    /// Shortest round-trip digits (Swift's description, Python's repr); any NaN prints as "nan",
    /// as Python prints it, whatever its sign bit.
    static func format(_ value: Double) -> String {
        value.isNaN ? "nan" : value.description
    }

    mutating func flush() throws(OutputError) {
        guard !bytes.isEmpty else { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        do { try writeFully(descriptor, bytes) } catch { throw OutputError(reason: error) }
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
