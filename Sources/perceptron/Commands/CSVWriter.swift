import PerceptronCore

/// Writes the `train` CSV to stdout through one reused byte buffer.
struct CSVWriter {
    private var bytes: [UInt8] = []
    /// Rows are written out once this many bytes have gathered.
    static let bufferSize = 1 << 15

    init() { bytes.reserveCapacity(2 * Self.bufferSize) }

    /// Nothing waiting to be written.
    var isEmpty: Bool { bytes.isEmpty }

    mutating func writeHeader(parameterNames: [String], samples m: Int) {
        let names = ["step", "loss"] + parameterNames + (1...m).map { "p\($0)" }
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
        try StandardOutput.write(bytes)
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
