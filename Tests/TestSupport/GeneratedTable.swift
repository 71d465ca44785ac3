#if canImport(Glibc)
import Glibc
#endif
import PerceptronCore

/// The tables of scripts/make_data.py, made again in Swift byte for byte (NumPy's legacy generator
/// is LegacyRandom; Python's repr and Swift's description print the same shortest digits), so the
/// large ones need not be kept in the repository.
public enum GeneratedTable {
    public static func csv(rows: Int, inputs: Int, seed: UInt32) -> String {
        let table = values(rows: rows, inputs: inputs, seed: seed)
        var text = ((1...inputs).map { "c\($0)" } + ["label"]).joined(separator: ",") + "\n"
        for i in 0..<rows {
            let x = table.inputs[(i * inputs)..<((i + 1) * inputs)]
            text += (x.map(\.description) + [table.targets[i] == 1 ? "1" : "0"]).joined(separator: ",") + "\n"
        }
        return text
    }

    /// The same table's numbers, row-major, as `perceptron train --data` reads them from the CSV
    /// text (each written in shortest round-trip form, so read back exactly).
    public static func values(rows: Int, inputs: Int, seed: UInt32) -> (inputs: [Double], targets: [Double]) {
        var random = LegacyRandom(seed: seed)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(rows * inputs)
        ys.reserveCapacity(rows)
        for _ in 0..<rows {
            var total = 0.0
            for _ in 0..<inputs {
                let v = random.nextDouble() * 4 - 2
                xs.append(v)
                total += v
            }
            let flip = random.nextDouble() < 0.1
            ys.append((total > 0) != flip ? 1 : 0)
        }
        return (xs, ys)
    }

    /// The same table as a data set named like the file's columns (c1…cn, label).
    public static func dataset(rows: Int, inputs: Int, seed: UInt32) -> Dataset {
        let table = values(rows: rows, inputs: inputs, seed: seed)
        return Dataset(name: "real-\(rows)x\(inputs)-s\(seed)", summary: "generated", inputs: table.inputs,
                       targets: table.targets, inputNames: (1...inputs).map { "c\($0)" }, targetName: "label")
    }

    /// The shapes of scripts/make_fixtures.sh: rows, inputs, seed.
    public static let shapes: [(rows: Int, inputs: Int, seed: UInt32)] = [
        (1, 1, 11), (2, 3, 12), (4, 2, 13), (7, 5, 14), (8, 1, 15), (9, 4, 16), (16, 3, 17), (33, 7, 18),
        (128, 20, 19), (129, 6, 20), (1000, 8, 21), (2049, 13, 22), (10000, 8, 23), (100, 1, 25),
        (50, 1, 26), (10000, 1, 27),
    ]

    /// The tables of scripts/make_fixtures.sh that OpenBLAS cuts over threads: rows, inputs, seed,
    /// and the thread count NumPy was set to.
    public static let threadedShapes: [(rows: Int, inputs: Int, seed: UInt32, threads: Int)] = [
        (20000, 1, 28, 2), (30000, 3, 33, 4), (60002, 9, 30, 2), (99998, 5, 31, 4),
    ]

    /// The hidden-layer runs of scripts/make_fixtures.sh: rows, inputs, seed, hidden units, and the
    /// thread count NumPy was set to.
    public static let hiddenRuns: [(rows: Int, inputs: Int, seed: UInt32, hidden: Int, threads: Int)] = [
        (1, 1, 11, 2, 1), (8, 1, 15, 4, 1), (7, 5, 14, 1, 1), (1, 6, 36, 3, 1), (130, 17, 34, 3, 1), (128, 20, 19, 4, 1),
        (2049, 13, 22, 7, 1), (10000, 20, 35, 9, 1), (10000, 20, 35, 9, 2),
    ]

    public static func name(_ shape: (rows: Int, inputs: Int, seed: UInt32)) -> String {
        "real-\(shape.rows)x\(shape.inputs)-s\(shape.seed)"
    }
}

/// A private folder under /tmp for files a test writes, removed with everything in it.
public final class ScratchDirectory {
    public let path: String

    public init() throws {
        var template = Array("/tmp/perceptron-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ScratchError.cannotCreate }
        path = String(cString: made)
    }

    public enum ScratchError: Error { case cannotCreate, cannotWrite(String) }

    /// Writes `bytes` to NAME in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ScratchError.cannotWrite(file) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ScratchError.cannotWrite(file) }
            offset += count
        }
        return file
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    deinit {
        // Only files and FIFOs are made here; remove them, then the folder.
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != ".", name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
