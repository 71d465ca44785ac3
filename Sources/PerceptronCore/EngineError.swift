/// Why the engine refused a request. Each case renders as one line saying what is wrong and what is allowed.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    case seedOutOfRange(String)
    case unknownDataset(String)
    case invalidLearningRate(String)
    case invalidHiddenUnits(String)
    case invalidBLASThreads(String)

    public var description: String {
        switch self {
        case .seedOutOfRange(let value):
            return "seed '\(value)' is out of range: use a whole number from 0 to 4294967295"
        case .unknownDataset(let name):
            return "unknown data set '\(name)': choose one of \(Dataset.builtIn.map(\.name).joined(separator: ", "))"
        case .invalidLearningRate(let value):
            return "learning rate '\(value)' is not allowed: use a finite number greater than 0"
        case .invalidBLASThreads(let value):
            return "BLAS threads '\(value)' is not allowed: use a whole number from 1 to \(BLASThreads.maximum)"
        case .invalidHiddenUnits(let value):
            return "hidden units '\(value)' is not allowed: use a whole number from \(ModelSpec.hiddenUnitRange.lowerBound) to \(ModelSpec.hiddenUnitRange.upperBound)"
        }
    }
}
