import FileSupport

/// Which targets the loss can learn: cross-entropy needs labels 0 or 1; squared error takes any
/// number from 0 to 1.
public enum TargetRule: Sendable, Equatable {
    case zeroOrOne
    case zeroToOne
}

/// Why a data file was refused: the file, the line and column where the problem is, and what is
/// allowed instead, as one line.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case file(FileReadError)
        case empty
        case noRows
        case syntax(CSVSyntaxError.Kind)
        case unnamedColumn(index: Int)
        case duplicateColumn(name: String, first: Int, second: Int)
        case noInputColumns
        case tooManyInputs(Int)
        case unknownTarget(name: String, columns: [String])
        case cellCount(found: Int, expected: Int)
        case emptyCell
        case notANumber(String)
        case notFinite(String)
        case targetOutOfRange(value: Double, column: String, rule: TargetRule)
        case tooManyRows
    }

    public var path: String
    public var line: Int?
    public var column: Int?
    public var problem: Problem

    public init(path: String, line: Int? = nil, column: Int? = nil, _ problem: Problem) {
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        if case .file(let error) = problem { return error.description }
        var place = "'\(TerminalText.escaped(path))'"
        if let line { place += " line \(line)" }
        if let column { place += ", column \(column)" }
        return place + ": " + reason
    }

    /// Text from the file, quoted back: escaped and cut short.
    private static func quote(_ text: String) -> String { "'\(TerminalText.escaped(text, limit: 24))'" }

    private var reason: String {
        switch problem {
        case .file(let error): error.reason
        case .empty:
            "the file is empty: the first line names the columns (e.g. hours,slept,passed), each line after it is one sample"
        case .noRows: "a header and no rows: add one line of numbers per sample"
        case .syntax(.unterminatedQuote): "a quoted cell is never closed: end it with \""
        case .syntax(.textAfterClosingQuote): "text after a closing quote: a comma or the end of the line must follow it"
        case .syntax(.quoteInUnquotedCell):
            "a quote inside a cell: quote the whole cell (\"…\") and write a quote in it as \"\""
        case .unnamedColumn(let index): "column \(index) has no name: name every column in the header"
        case .duplicateColumn(let name, let first, let second):
            "columns \(first) and \(second) are both named \(Self.quote(name)): give each column its own name"
        case .noInputColumns: "only one column: a table needs at least one input column and a target column"
        case .tooManyInputs(let count): "\(count) input columns: at most \(DataFile.maximumInputs) are allowed"
        case .unknownTarget(let name, let columns):
            "--target \(Self.quote(name)) names no column: choose one of "
                + columns.map { TerminalText.escaped($0, limit: 24) }.joined(separator: ", ")
        case .cellCount(let found, let expected):
            "\(found) \(found == 1 ? "cell" : "cells") where the header has \(expected): every row needs one number per column"
        case .emptyCell: "an empty cell: every cell must be a number"
        case .notANumber(let text): "\(Self.quote(text)) is not a number: use decimal numbers such as 0, 1, -2.5 or 3e-4"
        case .notFinite(let text): "\(Self.quote(text)) is not allowed: NaN and infinite values cannot be trained on"
        case .targetOutOfRange(let value, let column, let rule):
            "the target \(Self.quote(column)) is \(value.description): "
                + (rule == .zeroOrOne ? "with cross-entropy loss every target must be 0 or 1"
                                      : "every target must be a number from 0 to 1")
        case .tooManyRows: "more than \(DataFile.maximumRows) rows: at most \(DataFile.maximumRows) samples are allowed"
        }
    }
}

/// A training table from a CSV file: a header row naming the columns, then one row of numbers per
/// sample; the target is the last column or the one named.
public enum DataFile {
    /// The largest table accepted: the screen and the engine stay responsive up to here.
    public static let maximumRows = 100_000
    public static let maximumInputs = 64
    /// Room for `maximumRows` rows of `maximumInputs + 1` numbers written with all 17 digits.
    public static let maximumBytes = 256 << 20

    /// Whether `--data NAME` means a file: not a built-in name, and ending in `.csv` or holding a `/`.
    public static func namesFile(_ name: String) -> Bool {
        !Dataset.builtIn.contains { $0.name == name } && (name.lowercased().hasSuffix(".csv") || name.contains("/"))
    }

    /// Reads the CSV file at `path` (only if it is a regular file: a FIFO or a device is never opened).
    public static func load(path: String, target: String? = nil, rule: TargetRule = .zeroOrOne) throws(DataFileError) -> Dataset {
        let text: String
        do {
            text = try RegularFile.readText(atPath: path, limit: maximumBytes)
        } catch {
            throw DataFileError(path: path, .file(error))
        }
        return try parse(text, path: path, target: target, rule: rule)
    }

    /// The table in `text`; `path` names it in messages and on screen.
    public static func parse(_ text: String, path: String, target: String? = nil,
                             rule: TargetRule = .zeroOrOne) throws(DataFileError) -> Dataset {
        var scanner = CSVScanner(text: text)
        var cells: [CSVCell] = []
        func fail(_ line: Int?, _ column: Int?, _ problem: DataFileError.Problem) -> DataFileError {
            DataFileError(path: path, line: line, column: column, problem)
        }
        func next() throws(DataFileError) -> Int? {
            do { return try scanner.nextRecord(into: &cells) } catch {
                throw fail(error.line, error.column, .syntax(error.kind))
            }
        }

        guard let headerLine = try next() else { throw fail(nil, nil, .empty) }
        let names = cells.map { scanner.text(of: $0) }
        let headerCells = cells
        for (index, name) in names.enumerated() {
            if name.isEmpty { throw fail(headerLine, scanner.column(of: headerCells[index]), .unnamedColumn(index: index + 1)) }
            if let first = names[..<index].firstIndex(of: name) {
                throw fail(headerLine, scanner.column(of: headerCells[index]),
                           .duplicateColumn(name: name, first: first + 1, second: index + 1))
            }
        }
        guard names.count >= 2 else { throw fail(headerLine, nil, .noInputColumns) }
        guard names.count - 1 <= maximumInputs else { throw fail(headerLine, nil, .tooManyInputs(names.count - 1)) }
        let targetIndex: Int
        if let target {
            guard let index = names.firstIndex(of: target) else {
                throw fail(headerLine, nil, .unknownTarget(name: target, columns: names))
            }
            targetIndex = index
        } else {
            targetIndex = names.count - 1
        }
        let columnCount = names.count
        let targetName = names[targetIndex]

        var inputs: [Double] = []
        var targets: [Double] = []
        inputs.reserveCapacity(min(text.utf8.count / 2, maximumRows * maximumInputs))
        while let line = try next() {
            guard targets.count < maximumRows else { throw fail(line, nil, .tooManyRows) }
            guard cells.count == columnCount else {
                let column = cells.count > columnCount ? scanner.column(of: cells[columnCount]) : scanner.recordEnd.column
                throw fail(line, column, .cellCount(found: cells.count, expected: columnCount))
            }
            for (index, cell) in cells.enumerated() {
                let value: Double
                switch scanner.number(cell) {
                case .finite(let number): value = number
                case .empty: throw fail(cell.line, scanner.column(of: cell), .emptyCell)
                case .notANumber: throw fail(cell.line, scanner.column(of: cell), .notANumber(scanner.text(of: cell)))
                case .notFinite: throw fail(cell.line, scanner.column(of: cell), .notFinite(scanner.text(of: cell)))
                }
                if index == targetIndex {
                    let allowed = rule == .zeroOrOne ? (value == 0 || value == 1) : (0...1).contains(value)
                    guard allowed else {
                        throw fail(cell.line, scanner.column(of: cell), .targetOutOfRange(value: value, column: targetName, rule: rule))
                    }
                    targets.append(value)
                } else {
                    inputs.append(value)
                }
            }
        }
        guard !targets.isEmpty else { throw fail(headerLine, nil, .noRows) }
        var inputNames = names
        inputNames.remove(at: targetIndex)
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let summary = "\(fileName): \(targets.count) samples, \(inputNames.count) inputs, target \(targetName)"
        return Dataset(name: fileName, summary: summary, inputs: inputs, targets: targets,
                       inputNames: inputNames, targetName: targetName)
    }
}
