#if canImport(Glibc)
import Glibc
#endif
import PerceptronCore

/// Writes the `train` CSV to stdout through one reused byte buffer.
struct CSVWriter {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    /// step, loss, the parameters (w1…wn, b; a file's weights as w_<column>), p1…pm.
    mutating func writeHeader(_ trainer: Trainer) {
        var parameters = trainer.parameterNames
        if let columns = trainer.dataset.columnNames, parameters.count == columns.inputs.count + 1 {
            parameters = columns.inputs.map { "w_" + $0 } + ["b"]
        }
        let names = ["step", "loss"] + parameters + (1...trainer.dataset.sampleCount).map { "p\($0)" }
        append(names.map(Self.quoted).joined(separator: ","))
        bytes.append(0x0A)
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

    mutating func writeRow(_ trainer: Trainer) {
        let trace = trainer.trace()
        append(String(trace.step))
        for value in [trace.loss] + trace.weightsBefore + [trace.biasBefore] + trace.predictions {
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
