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
        append(names.map(Self.quoted).joined(separator: ","))
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

    /// The parameters' column names: the trainer's (w1…wn, b; w1_i_j… with a hidden layer), with a
    /// data file's column names for the inputs' weights: w_<column>, w1_<column>_j.
    static func columnNames(of trainer: Trainer) -> [String] {
        let names = trainer.parameterNames
        guard let columns = trainer.dataset.columnNames?.inputs else { return names }
        let n = columns.count
        let hidden = trainer.model.hiddenUnits
        return names.map { name in
            let parts = name.split(separator: "_", omittingEmptySubsequences: false)
            if hidden == nil, name.first == "w", let i = Int(name.dropFirst()), (1...n).contains(i) {
                return "w_" + columns[i - 1]
            }
            if hidden != nil, parts.count == 3, parts[0] == "w1", let i = Int(parts[1]), (1...n).contains(i) {
                return "w1_\(columns[i - 1])_\(parts[2])"
            }
            return name
        }
    }

    /// A header cell as CSV: quoted (quotes doubled) when it holds a comma, a quote, a line end or
    /// surrounding spaces, so any column name survives the trip.
    static func quoted(_ name: String) -> String {
        let special = name.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || name.first?.isWhitespace == true || name.last?.isWhitespace == true
        guard special else { return name }
        var result = "\""
        for character in name {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result + "\""
    }
}
