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
    /// The columns' names: from a file's header, or nil for the built-in tables (x1…xn and y).
    public let columnNames: ColumnNames?

    public struct ColumnNames: Sendable, Equatable {
        public var inputs: [String]
        public var target: String

        public init(inputs: [String], target: String) {
            self.inputs = inputs
            self.target = target
        }
    }

    public var sampleCount: Int { targets.count }

    public init(name: String, summary: String, rows: [[Double]], targets: [Double]) {
        precondition(!rows.isEmpty && rows.count == targets.count, "one target per row")
        precondition(Set(rows.map(\.count)).count == 1, "rows of equal length")
        self.name = name
        self.summary = summary
        inputs = rows.flatMap { $0 }
        self.targets = targets
        inputCount = rows[0].count
        columnNames = nil
    }

    /// A table read from a file: `inputs` row-major, one name per input column and the target's.
    public init(name: String, summary: String, inputs: [Double], targets: [Double],
                inputNames: [String], targetName: String) {
        precondition(!targets.isEmpty && !inputNames.isEmpty && inputs.count == targets.count * inputNames.count,
                     "m rows of n inputs")
        self.name = name
        self.summary = summary
        self.inputs = inputs
        self.targets = targets
        inputCount = inputNames.count
        columnNames = ColumnNames(inputs: inputNames, target: targetName)
    }

    /// Input j's name: the file's, or x1…xn.
    public func inputName(_ j: Int) -> String { columnNames?.inputs[j] ?? "x\(j + 1)" }
    /// The target's name: the file's, or y.
    public var targetName: String { columnNames?.target ?? "y" }

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
