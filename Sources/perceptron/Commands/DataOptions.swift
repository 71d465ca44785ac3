import ArgumentParser
import PerceptronCore

/// How `--data NAME` and `--target NAME` become a training table: a built-in name, else a CSV file
/// (a name ending in `.csv` or holding a `/`), read once, when the command runs.
enum DataSource {
    static let help = "Training table: \(Dataset.builtIn.map(\.name).joined(separator: ", ")), or a CSV file (PATH.csv)."

    /// Refuses what can be refused without reading a file.
    static func check(name: String, target: String?) throws {
        if DataFile.namesFile(name) { return }
        do { _ = try Dataset.named(name) } catch {
            throw ValidationError("--data: \(error), or a CSV file (a path ending in .csv)")
        }
        if target != nil {
            throw ValidationError("--target is not allowed with the built-in data set '\(name)': use it with --data FILE.csv")
        }
    }

    static func load(name: String, target: String?, rule: TargetRule = .zeroOrOne) throws -> Dataset {
        try check(name: name, target: target)
        guard DataFile.namesFile(name) else { return try Dataset.named(name) }
        do {
            return try DataFile.load(path: name, target: target, rule: rule)
        } catch {
            if case .file = error.problem {
                throw ValidationError("--data: \(error): use a CSV file with a header row, or one of "
                    + Dataset.builtIn.map(\.name).joined(separator: ", "))
            }
            throw ValidationError("--data: \(error)")
        }
    }
}
