#if canImport(Glibc)
import Glibc
#endif
import FileSupport
import PerceptronCore
import XCTest

/// CSV text to a training table: names, the target, and every refusal with its line and column.
final class DataFileTests: XCTestCase {
    private func refusal(_ text: String, target: String? = nil, rule: TargetRule = .zeroOrOne,
                         file: StaticString = #filePath, line: UInt = #line) -> DataFileError? {
        do {
            let table = try DataFile.parse(text, path: "t.csv", target: target, rule: rule)
            XCTFail("accepted: \(table.summary)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testHeaderNamesTheColumnsAndTheLastIsTheTarget() throws {
        let table = try DataFile.parse("studied,slept,passed\n1,6,0\n4,7.5,1\n", path: "class/exam.csv")
        XCTAssertEqual(table.name, "exam.csv")
        XCTAssertEqual(table.columnNames, Dataset.ColumnNames(inputs: ["studied", "slept"], target: "passed"))
        XCTAssertEqual(table.inputs, [1, 6, 4, 7.5])
        XCTAssertEqual(table.targets, [0, 1])
        XCTAssertEqual(table.inputCount, 2)
        XCTAssertEqual(table.sampleCount, 2)
        XCTAssertEqual(table.inputName(1), "slept")
        XCTAssertEqual(table.targetName, "passed")
    }

    func testTargetByNameAnywhere() throws {
        let table = try DataFile.parse("a,y,b\n1,0,2\n3,1,4\n", path: "t.csv", target: "y")
        XCTAssertEqual(table.columnNames, Dataset.ColumnNames(inputs: ["a", "b"], target: "y"))
        XCTAssertEqual(table.inputs, [1, 2, 3, 4])
        XCTAssertEqual(table.targets, [0, 1])
    }

    func testEverythingASpreadsheetWritesIsAccepted() throws {
        let text = "\u{FEFF}# exported\r\n\"first name\",\"x, y\",label\r\n\"1\",2,1\r\n# a note\r\n3,\"4.5\",0\r\n\r\n\r\n"
        let table = try DataFile.parse(text, path: "t.csv")
        XCTAssertEqual(table.columnNames, Dataset.ColumnNames(inputs: ["first name", "x, y"], target: "label"))
        XCTAssertEqual(table.inputs, [1, 2, 3, 4.5])
        XCTAssertEqual(table.targets, [1, 0])
    }

    func testBuiltInTablesKeepTheirNames() throws {
        let notebook = try Dataset.named("notebook")
        XCTAssertNil(notebook.columnNames)
        XCTAssertEqual((0..<3).map(notebook.inputName), ["x1", "x2", "x3"])
        XCTAssertEqual(notebook.targetName, "y")
    }

    func testEmptyFile() {
        XCTAssertEqual(refusal("")?.problem, .empty)
        XCTAssertEqual(refusal("\n\n# only comments\n")?.problem, .empty)
        XCTAssertEqual(refusal("")?.description.hasPrefix("'t.csv': the file is empty"), true)
    }

    func testHeaderAndNoRows() {
        let error = refusal("# c\na,b,y\n\n")
        XCTAssertEqual(error?.problem, .noRows)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.description, "'t.csv' line 2: a header and no rows: add one line of numbers per sample")
    }

    func testRowWithAnotherNumberOfCells() {
        let short = refusal("a,b,y\n1,2,0\n3,4\n")
        XCTAssertEqual(short, DataFileError(path: "t.csv", line: 3, column: 4, .cellCount(found: 2, expected: 3)))
        XCTAssertEqual(short?.description,
                       "'t.csv' line 3, column 4: 2 cells where the header has 3: every row needs one number per column")
        let long = refusal("a,b,y\n1,2,0,9\n")
        XCTAssertEqual(long, DataFileError(path: "t.csv", line: 2, column: 7, .cellCount(found: 4, expected: 3)))
    }

    func testCellThatIsNotANumberIsQuotedBackEscapedAndCut() {
        let error = refusal("a,y\n1,0\nabc,1\n")
        XCTAssertEqual(error, DataFileError(path: "t.csv", line: 3, column: 1, .notANumber("abc")))
        XCTAssertEqual(error?.description,
                       "'t.csv' line 3, column 1: 'abc' is not a number: use decimal numbers such as 0, 1, -2.5 or 3e-4")
        let hostile = refusal("a,y\n\"\u{1B}[31mred\u{07}\(String(repeating: "x", count: 100))\",1\n")
        let message = hostile?.description ?? ""
        XCTAssertTrue(message.contains("'\\e[31mred\\x07xxx"), message)
        XCTAssertTrue(message.contains("…' is not a number"), message)
        XCTAssertFalse(message.contains("\u{1B}"), message)
        XCTAssertLessThan(message.count, 160)
        XCTAssertEqual(refusal("a,y\n,1\n"), DataFileError(path: "t.csv", line: 2, column: 1, .emptyCell))
    }

    func testNaNAndInfinityAreRefused() {
        XCTAssertEqual(refusal("a,y\nnan,1\n"), DataFileError(path: "t.csv", line: 2, column: 1, .notFinite("nan")))
        XCTAssertEqual(refusal("a,y\n1,0\n-inf,1\n"), DataFileError(path: "t.csv", line: 3, column: 1, .notFinite("-inf")))
        XCTAssertEqual(refusal("a,y\n1e999,1\n")?.problem, .notFinite("1e999"))
        XCTAssertEqual(refusal("a,y\n1,NaN\n")?.description,
                       "'t.csv' line 2, column 3: 'NaN' is not allowed: NaN and infinite values cannot be trained on")
    }

    func testTargetsMustBeZeroOrOneForCrossEntropy() {
        let error = refusal("a,passed\n1,0\n2,0.5\n")
        XCTAssertEqual(error, DataFileError(path: "t.csv", line: 3, column: 3,
                                            .targetOutOfRange(value: 0.5, column: "passed", rule: .zeroOrOne)))
        XCTAssertEqual(error?.description,
                       "'t.csv' line 3, column 3: the target 'passed' is 0.5: with cross-entropy loss every target must be 0 or 1")
        XCTAssertEqual(refusal("a,y\n1,2\n")?.problem, .targetOutOfRange(value: 2, column: "y", rule: .zeroOrOne))
        XCTAssertEqual(refusal("a,y\n1,-1\n")?.problem, .targetOutOfRange(value: -1, column: "y", rule: .zeroOrOne))
    }

    func testSquaredErrorTakesTargetsFromZeroToOne() throws {
        let table = try DataFile.parse("a,y\n1,0.25\n2,1\n3,0\n", path: "t.csv", rule: .zeroToOne)
        XCTAssertEqual(table.targets, [0.25, 1, 0])
        XCTAssertEqual(refusal("a,y\n1,1.5\n", rule: .zeroToOne)?.problem,
                       .targetOutOfRange(value: 1.5, column: "y", rule: .zeroToOne))
    }

    func testTargetThatNamesNoColumn() {
        let error = refusal("a,b,y\n1,2,0\n", target: "z")
        XCTAssertEqual(error, DataFileError(path: "t.csv", line: 1, .unknownTarget(name: "z", columns: ["a", "b", "y"])))
        XCTAssertEqual(error?.description, "'t.csv' line 1: --target 'z' names no column: choose one of a, b, y")
    }

    func testDuplicateAndMissingColumnNames() {
        XCTAssertEqual(refusal("a,b,a,y\n1,2,3,0\n"),
                       DataFileError(path: "t.csv", line: 1, column: 5, .duplicateColumn(name: "a", first: 1, second: 3)))
        XCTAssertEqual(refusal("a, ,y\n1,2,0\n"), DataFileError(path: "t.csv", line: 1, column: 4, .unnamedColumn(index: 2)))
    }

    func testAtLeastOneInputColumn() {
        XCTAssertEqual(refusal("y\n1\n0\n"), DataFileError(path: "t.csv", line: 1, .noInputColumns))
    }

    func testLimits() throws {
        let wide = (1...65).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        XCTAssertEqual(refusal(wide + String(repeating: "0,", count: 65) + "1\n")?.problem, .tooManyInputs(65))
        let widest = (1...64).map { "x\($0)" }.joined(separator: ",") + ",y\n" + String(repeating: "0,", count: 64) + "1\n"
        XCTAssertEqual(try DataFile.parse(widest, path: "t.csv").inputCount, 64)

        let rows = String(repeating: "1,0\n", count: DataFile.maximumRows)
        XCTAssertEqual(try DataFile.parse("a,y\n" + rows, path: "t.csv").sampleCount, DataFile.maximumRows)
        let error = refusal("a,y\n" + rows + "1,1\n")
        XCTAssertEqual(error, DataFileError(path: "t.csv", line: DataFile.maximumRows + 2, .tooManyRows))
    }

    func testSyntaxErrorsNameLineAndColumn() {
        XCTAssertEqual(refusal("a,y\n1,\"0\n"), DataFileError(path: "t.csv", line: 2, column: 3, .syntax(.unterminatedQuote)))
        XCTAssertEqual(refusal("a,y\n1\"2,0\n"), DataFileError(path: "t.csv", line: 2, column: 2, .syntax(.quoteInUnquotedCell)))
    }

    func testNamesFile() {
        XCTAssertTrue(DataFile.namesFile("exam.csv"))
        XCTAssertTrue(DataFile.namesFile("EXAM.CSV"))
        XCTAssertTrue(DataFile.namesFile("data/exam"))
        XCTAssertTrue(DataFile.namesFile("./xor"))
        XCTAssertFalse(DataFile.namesFile("xor"))
        XCTAssertFalse(DataFile.namesFile("exam"))
    }

    // MARK: files

    private func temporaryDirectory() throws -> String {
        var template = Array("/tmp/perceptron-data-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw XCTSkip("mkdtemp failed") }
        return String(cString: made)
    }

    private func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func testFilesThatCannotBeReadAreRefusedWithoutOpeningThem() throws {
        let directory = try temporaryDirectory()
        defer { _ = rmdir(directory) }
        XCTAssertEqual(try? DataFile.load(path: directory + "/missing.csv"), nil)
        do { _ = try DataFile.load(path: directory + "/missing.csv") } catch {
            XCTAssertEqual(error.problem, .file(.missing(path: directory + "/missing.csv")))
        }
        do { _ = try DataFile.load(path: directory) } catch {
            XCTAssertEqual(error.problem, .file(.notRegular(path: directory, kind: "a directory")))
        }
        // A FIFO with no writer would block open(): it must be refused at once, not hang.
        let fifo = directory + "/pipe.csv"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        defer { _ = unlink(fifo) }
        do { _ = try DataFile.load(path: fifo) } catch {
            XCTAssertEqual(error.problem, .file(.notRegular(path: fifo, kind: "a FIFO")))
        }
    }

    func testFileContents() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/t.csv"
        defer { _ = unlink(path); _ = rmdir(directory) }
        write(Array("a,y\n1,0\n2,1\n".utf8), to: path)
        XCTAssertEqual(try DataFile.load(path: path).inputs, [1, 2])
        write([], to: path)
        do { _ = try DataFile.load(path: path) } catch { XCTAssertEqual(error.problem, .empty) }
        write(Array("a,y\n1,0\n".utf8) + [0x32, 0xFF, 0x2C, 0x31, 0x0A], to: path)
        do { _ = try DataFile.load(path: path); XCTFail("accepted bytes that are not UTF-8") } catch {
            XCTAssertEqual(error.problem, .file(.notUTF8(path: path, line: 3, column: 2)))
            XCTAssertTrue(error.description.hasSuffix("is not UTF-8 text (line 3, column 2)"), error.description)
        }
    }
}
