/// A training table: m samples (rows) of n inputs each, and one 0/1 target per sample.
public struct Dataset: Sendable, Equatable {
    public let name: String
    /// One line saying what the table is, for `--help` and the screen.
    public let summary: String
    /// Row-major m×n inputs.
    public let inputs: [Double]
    /// The m targets (the column y).
    public let targets: [Double]
    public let inputCount: Int

    public var sampleCount: Int { targets.count }

    public init(name: String, summary: String, rows: [[Double]], targets: [Double]) {
        precondition(!rows.isEmpty && rows.count == targets.count, "one target per row")
        precondition(Set(rows.map(\.count)).count == 1, "rows of equal length")
        self.name = name
        self.summary = summary
        inputs = rows.flatMap { $0 }
        self.targets = targets
        inputCount = rows[0].count
    }

    /// The inputs of sample `i`.
    public func row(_ i: Int) -> ArraySlice<Double> {
        inputs[(i * inputCount)..<((i + 1) * inputCount)]
    }

    /// The built-in tables (docs/exactness.md), the notebook's first.
    public static let builtIn: [Dataset] = [
        Dataset(name: "notebook", summary: "the notebook's table: y copies x1",
                rows: [[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 1]], targets: [0, 1, 1, 0]),
        Dataset(name: "trask", summary: "Trask's 11-line example: y copies x1",
                rows: [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], targets: [0, 0, 1, 1]),
        Dataset(name: "xor", summary: "x1 XOR x2: no single perceptron can learn it",
                rows: [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], targets: [0, 1, 1, 0]),
        Dataset(name: "and", summary: "x1 AND x2",
                rows: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 0, 0, 1]),
        Dataset(name: "or", summary: "x1 OR x2",
                rows: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 1]),
    ]

    public static let defaultName = "notebook"

    /// The built-in table called `name`, or an error listing the known names.
    public static func named(_ name: String) throws(EngineError) -> Dataset {
        guard let found = builtIn.first(where: { $0.name == name }) else { throw .unknownDataset(name) }
        return found
    }
}
