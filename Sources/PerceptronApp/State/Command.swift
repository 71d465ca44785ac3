import PerceptronCore

/// An effect `update` asks for: the edge (the CLI) carries it out, so `update` stays pure and
/// its effects are tested as values.
public enum Command: Sendable, Equatable {
    /// Leave the program.
    case quit
    /// Paint the whole screen afresh, not only what changed (Ctrl-L, after something wrote over it).
    case redrawScreen
    /// Write the run so far as CSV to a new file; the result comes back as `.exported` or `.exportFailed`.
    case export(RunExport)
}

/// The run so far, to be written as `train`'s CSV plus an `lr` column.
public struct RunExport: Sendable, Equatable {
    /// At most this many rows besides the last state's: beyond, every K-th state.
    public static let rowLimit = 100_000

    public var run: Run
    /// The last state written.
    public var through: Int
    /// Every K-th state is written (and always state 0 and the last).
    public var every: Int
    /// The name to write to; the edge adds a numeric suffix when it exists.
    public var fileName: String

    public init(run: Run, through: Int) {
        self.run = run
        self.through = through
        every = max(1, (through + RunExport.rowLimit) / RunExport.rowLimit)
        fileName = "perceptron-run-\(run.setup.seed)-\(through).csv"
    }
}
