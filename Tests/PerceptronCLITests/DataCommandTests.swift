import Foundation
import TestSupport
import XCTest

/// `--data FILE.csv` through the real executable: files of every shape against NumPy, and every
/// refusal as one line on stderr, status 2, nothing on stdout.
final class DataCommandTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), arguments, timeout: .seconds(120))
    }

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Tests/Fixtures/NAME, made by scripts/make_fixtures.sh (NumPy 2.4.6, OPENBLAS_CORETYPE=Haswell).
    private func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/\(name)"), encoding: .utf8)
    }

    // MARK: reading files

    func testTeachersTableTrainsWithItsColumnNames() throws {
        let path = Self.root.appendingPathComponent("examples/exam.csv").path
        let result = try run(["train", "--data", path, "--steps", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "step,loss,w_studied,w_slept,w_lecture,b,p1,p2,p3,p4,p5,p6")
        XCTAssertEqual(lines.count, 4)
        // State 0's weights are the notebook's seed-1 draw whatever the table: np.random.seed(1).
        XCTAssertTrue(lines[1].hasPrefix("0,"), String(lines[1]))
        XCTAssertTrue(lines[1].contains(",-0.165955990594852,0.4406489868843162,-0.9997712503653102,0.0,"), String(lines[1]))
    }

    /// `--axes` names a file's columns; a name it does not have is refused before any screen.
    func testBoundaryAxesByColumnName() throws {
        let path = Self.root.appendingPathComponent("examples/exam.csv").path
        let result = try run(["frame", "--data", path, "--step", "30", "--panel", "boundary", "--size", "60x16",
                              "--axes", "slept,studied"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("┌ Boundary slept→ studied↑ · lecture=0 "), result.stdout)
        for command in ["frame", "watch"] {
            let refused = try run([command, "--data", path, "--axes", "slept,passed"])
            XCTAssertEqual(refused.status, 2, command)
            XCTAssertEqual(refused.stdout, "", command)
            XCTAssertEqual(refused.stderr, "perceptron: --axes 'slept,passed' is not allowed: use two different inputs "
                           + "from 1 to 3 or two of the columns studied, slept, lecture, e.g. 1,2\n", command)
        }
    }

    func testTargetColumnByNameAndOddNamesAreQuotedInTheHeader() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("odd.csv", "\"a,b\",y,\"say \"\"x\"\"\"\n1,0,2\n3,1,4\n")
        let result = try run(["train", "--data", path, "--target", "y", "--steps", "0"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").first, "step,loss,\"w_a,b\",\"w_say \"\"x\"\"\",b,p1,p2")
    }

    /// The Swift generator writes what scripts/make_data.py wrote, byte for byte.
    func testGeneratedTablesAreTheScriptsTables() throws {
        for shape in GeneratedTable.shapes where shape.rows <= 16 {
            let kept = try fixture("data/\(GeneratedTable.name(shape)).csv")
            XCTAssertEqual(GeneratedTable.csv(rows: shape.rows, inputs: shape.inputs, seed: shape.seed), kept,
                           GeneratedTable.name(shape))
        }
    }

    /// `train` with `arguments` against the NumPy run in Tests/Fixtures/train/NAME.csv: the same
    /// header and rows, every number the same digits (`exact`) or within 1e-12 (relative) of
    /// NumPy's. Fixtures of large tables leave out the p columns: the columns they have are compared.
    private func assertAgreesWithNumPy(_ name: String, _ arguments: [String], exact: Bool, file: StaticString = #filePath,
                                       line: UInt = #line) throws {
        // The fixtures are NumPy with its AVX-512 exp/log: the engine's port of them, on any CPU.
        let result = try run(["train", "--math", "svml"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let numpy = try fixture("train/\(name).csv").split(separator: "\n")
        let ours = result.stdout.split(separator: "\n")
        XCTAssertEqual(ours.count, numpy.count, name, file: file, line: line)
        guard let header = numpy.first else { return XCTFail("empty fixture \(name)", file: file, line: line) }
        let columns = header.split(separator: ",").count
        XCTAssertEqual(ours.first.map { $0.split(separator: ",").prefix(columns) }, header.split(separator: ",")[...], name,
                       file: file, line: line)
        for (a, b) in zip(ours.dropFirst(), numpy.dropFirst()) {
            if exact {
                XCTAssertEqual(a.split(separator: ",").prefix(columns), b.split(separator: ",")[...], name, file: file, line: line)
                continue
            }
            for (x, y) in zip(a.split(separator: ",").prefix(columns), b.split(separator: ",")) {
                guard let u = Double(x), let v = Double(y) else {
                    XCTFail("\(name): \(x) vs \(y)", file: file, line: line)
                    continue
                }
                if u.isNaN && v.isNaN { continue }
                XCTAssertLessThanOrEqual(abs(u - v), 1e-12 * max(1, abs(v)), "\(name): \(x) vs \(y)", file: file, line: line)
            }
        }
    }

    /// Real-valued tables from 1 to 10,000 rows and 1 to 20 inputs, bit for bit with NumPy reading
    /// the same file, with either of OpenBLAS's x86-64 kernel sets (pinned on both sides).
    func testRealValuedTablesAreNumPysBitForBit() throws {
        let scratch = try ScratchDirectory()
        for shape in GeneratedTable.shapes {
            let name = GeneratedTable.name(shape)
            let path = try scratch.write(name + ".csv", GeneratedTable.csv(rows: shape.rows, inputs: shape.inputs, seed: shape.seed))
            let run = ["--data", path, "--lr", "0.1", "--steps", "30", "--every", "10"]
            try assertAgreesWithNumPy(name, run + ["--blas", "haswell"], exact: true)
            try assertAgreesWithNumPy(name + "-skylakex", run + ["--blas", "skylakex"], exact: true)
        }
    }

    /// A table long enough that NumPy's OpenBLAS cuts its one-input sum over its threads, bit for
    /// bit with NumPy set to 2 threads, the engine pinned alike (the larger tables cut over threads
    /// are checked in process, BLASThreadsTests).
    func testTableCutOverThreadsIsNumPysWithTheSameThreads() throws {
        let scratch = try ScratchDirectory()
        let shape = GeneratedTable.threadedShapes[0]
        let base = GeneratedTable.name((shape.rows, shape.inputs, shape.seed))
        let path = try scratch.write(base + ".csv", GeneratedTable.csv(rows: shape.rows, inputs: shape.inputs, seed: shape.seed))
        let run = ["--data", path, "--lr", "0.1", "--steps", "30", "--every", "10", "--blas-threads", "\(shape.threads)"]
        try assertAgreesWithNumPy(base + "-t\(shape.threads)", run + ["--blas", "haswell"], exact: true)
        try assertAgreesWithNumPy(base + "-t\(shape.threads)-skylakex", run + ["--blas", "skylakex"], exact: true)
    }

    /// A hidden layer on real values, bit for bit with NumPy: shapes that reach each of OpenBLAS's
    /// dgemm orders (scripts/check_dgemm_orders.py) and NumPy's gemv/ddot cases (one sample, one
    /// input, one hidden unit), both kernel sets, the thread count pinned on both sides.
    func testHiddenLayerOnRealValuesIsNumPysBitForBit() throws {
        let scratch = try ScratchDirectory()
        for run in GeneratedTable.hiddenRuns {
            let table = GeneratedTable.name((run.rows, run.inputs, run.seed))
            let path = try scratch.write(table + ".csv", GeneratedTable.csv(rows: run.rows, inputs: run.inputs, seed: run.seed))
            let name = "\(table)-h\(run.hidden)-t\(run.threads)"
            let arguments = ["--data", path, "--hidden", "\(run.hidden)", "--lr", "0.5", "--steps", "6", "--every", "3",
                             "--blas-threads", "\(run.threads)"]
            try assertAgreesWithNumPy(name, arguments + ["--blas", "haswell"], exact: true)
            try assertAgreesWithNumPy(name + "-skylakex", arguments + ["--blas", "skylakex"], exact: true)
        }
    }

    /// `--blas-threads auto` takes OpenBLAS's count from the environment as OpenBLAS does: with
    /// OPENBLAS_NUM_THREADS=1 (on any machine) the 20,000-row table is summed on one thread, as
    /// `--blas-threads 1` sums it, and not as the 2-thread fixture.
    func testThreadCountFollowsOpenBLASNumThreads() throws {
        let scratch = try ScratchDirectory()
        let shape = GeneratedTable.threadedShapes[0]
        let path = try scratch.write("t.csv", GeneratedTable.csv(rows: shape.rows, inputs: shape.inputs, seed: shape.seed))
        let arguments = ["train", "--math", "svml", "--blas", "haswell", "--data", path, "--lr", "0.1", "--steps", "30",
                         "--every", "10"]
        let variables = ["OPENBLAS_NUM_THREADS", "OPENBLAS_DEFAULT_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"]
        let auto = try ProcessRunner.run(perceptronExecutablePath(), arguments, environment: ProcessRunner.environment(
            adding: ["OPENBLAS_NUM_THREADS": "1"], removing: Set(variables)), timeout: .seconds(120))
        let one = try run(arguments + ["--blas-threads", "1"])
        XCTAssertEqual(auto.status, 0, auto.stderr)
        XCTAssertEqual(auto.stdout, one.stdout)
        let columns = try fixture("train/\(GeneratedTable.name((shape.rows, shape.inputs, shape.seed)))-t2.csv")
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let ours = auto.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(4) }
        XCTAssertEqual(ours.count, columns.count)
        XCTAssertNotEqual(ours.map(Array.init), columns.map(Array.init), "one thread sums otherwise than two")
    }

    /// The teacher's example, hidden layers on real values, and squared error on fractional targets.
    func testOtherFileRunsAgreeWithNumPy() throws {
        let data = Self.root.appendingPathComponent("Tests/Fixtures/data").path
        let exam = Self.root.appendingPathComponent("examples/exam.csv").path
        let haswell = ["--blas", "haswell"]
        try assertAgreesWithNumPy("exam-lr0.1", ["--data", exam, "--lr", "0.1", "--steps", "200", "--every", "20"] + haswell,
                                  exact: true)
        try assertAgreesWithNumPy("fractions-squared", ["--data", data + "/fractions.csv", "--loss", "squared",
                                                        "--lr", "0.05", "--steps", "100", "--every", "10"] + haswell,
                                  exact: true)
        try assertAgreesWithNumPy("real-9x4-s16-hidden3", ["--data", data + "/real-9x4-s16.csv", "--hidden", "3",
                                                           "--lr", "0.1", "--steps", "30", "--every", "10"] + haswell,
                                  exact: true)
        try assertAgreesWithNumPy("real-16x3-s17-hidden5-squared", ["--data", data + "/real-16x3-s17.csv", "--hidden", "5",
                                                                    "--loss", "squared", "--lr", "0.1", "--steps", "30",
                                                                    "--every", "10"] + haswell, exact: true)
        // Cross-entropy cannot learn a fraction: the same file is refused without --loss squared.
        let refused = try run(["train", "--data", data + "/fractions.csv", "--steps", "1"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("line 3, column 7: the target 'score' is 0.1: with cross-entropy loss"),
                      refused.stderr)
    }

    // MARK: refusals

    /// Runs `arguments`, expects a refusal: status 2, nothing on stdout, one line on stderr holding
    /// every piece of `expected`.
    private func assertRefused(_ arguments: [String], _ expected: String..., file: StaticString = #filePath,
                               line: UInt = #line) throws {
        let result = try run(arguments)
        XCTAssertFalse(result.timedOut, "hung: \(arguments)", file: file, line: line)
        XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("perceptron: --data"), result.stderr, file: file, line: line)
        for piece in expected {
            XCTAssertTrue(result.stderr.contains(piece), "\(piece.debugDescription) not in \(result.stderr)", file: file, line: line)
        }
    }

    private func train(_ path: String, _ extra: String...) -> [String] {
        ["train", "--data", path, "--steps", "1"] + extra
    }

    func testMissingFile() throws {
        try assertRefused(train("/nonexistent/exam.csv"), "'/nonexistent/exam.csv' no such file",
                          "use a CSV file with a header row, or one of notebook")
    }

    func testDirectoryAndOtherFilesAreRefusedUnopened() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(scratch.path + "/"), "is not a regular file (it is a directory)")
        try assertRefused(train("/dev/zero"), "'/dev/zero' is not a regular file (it is a character device)")
        // A FIFO nobody writes to: opening it for reading would block for ever.
        let fifo = scratch.path + "/pipe.csv"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        try assertRefused(train(fifo), "'\(fifo)' is not a regular file (it is a FIFO)")
    }

    func testEmptyFile() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("empty.csv", "")), "empty.csv': the file is empty")
    }

    func testHeaderAndNoRows() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("h.csv", "a,b,y\n\n")), "h.csv' line 1: a header and no rows")
    }

    func testRowWithAnotherNumberOfCells() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("r.csv", "a,b,y\n1,2,0\n3,4\n")),
                          "r.csv' line 3, column 4: 2 cells where the header has 3")
    }

    func testCellThatIsNotANumber() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("n.csv", "a,y\n1,0\n\"\u{1B}]0;pwned\u{07}\(String(repeating: "z", count: 50))\",1\n")),
                          "n.csv' line 3, column 1: '\\e]0;pwned\\x07zz", "…' is not a number: use decimal numbers")
        let result = try run(train(try scratch.write("n2.csv", "a,y\n\u{1B}[2J,1\n")))
        XCTAssertFalse(result.stderr.contains("\u{1B}"), "escape sequences never reach the terminal")
    }

    func testNaNAndInfinity() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("nan.csv", "a,y\nNaN,0\n")), "line 2, column 1: 'NaN' is not allowed")
        try assertRefused(train(try scratch.write("inf.csv", "a,y\n1,0\n2,inf\n")), "line 3, column 3: 'inf' is not allowed")
    }

    func testTargetNotZeroOrOne() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("t.csv", "a,passed\n1,1\n2,0.5\n")),
                          "line 3, column 3: the target 'passed' is 0.5: with cross-entropy loss every target must be 0 or 1")
    }

    func testTargetNamingNoColumn() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("t.csv", "a,b\n1,0\n"), "--target", "c"),
                          "line 1: --target 'c' names no column: choose one of a, b")
    }

    func testTargetWithABuiltInTable() throws {
        let result = try run(["train", "--data", "xor", "--target", "y", "--steps", "1"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr,
                       "perceptron: --target is not allowed with the built-in data set 'xor': use it with --data FILE.csv\n")
    }

    func testDuplicateColumnNames() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("d.csv", "a,b,a,y\n1,2,3,0\n")),
                          "line 1, column 5: columns 1 and 3 are both named 'a'")
    }

    func testFewerThanOneInputColumn() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("one.csv", "y\n0\n1\n")), "line 1: only one column")
    }

    func testTooManyRowsOrInputs() throws {
        let scratch = try ScratchDirectory()
        let rows = "a,y\n" + String(repeating: "1,0\n", count: 100_001)
        try assertRefused(train(try scratch.write("rows.csv", rows)),
                          "line 100002: more than 100000 rows: at most 100000 samples are allowed")
        let header = (1...65).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        try assertRefused(train(try scratch.write("wide.csv", header + String(repeating: "0,", count: 65) + "1\n")),
                          "line 1: 65 input columns: at most 64 are allowed")
    }

    func testBytesThatAreNotUTF8() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("latin1.csv", Array("caf".utf8) + [0xE9] + Array(",y\n1,0\n".utf8))
        try assertRefused(train(path), "latin1.csv' is not UTF-8 text (line 1, column 4)")
    }

    func testQuotingErrors() throws {
        let scratch = try ScratchDirectory()
        try assertRefused(train(try scratch.write("q.csv", "a,y\n\"1,0\n")), "line 2, column 1: a quoted cell is never closed")
    }

    /// frame, watch and bench read the same way and refuse the same way (watch before it takes the screen).
    func testEveryCommandRefusesTheSameWay() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("bad.csv", "a,y\n1,x\n")
        for command in [["frame"], ["watch"], ["bench", "--steps", "1", "--rounds", "1"]] {
            try assertRefused(command + ["--data", path], "bad.csv' line 2, column 3: 'x' is not a number")
        }
        XCTAssertEqual(try run(["frame", "--data", path]).stderr, try run(["train", "--steps", "1", "--data", path]).stderr)
    }

    func testFrameAndBenchTakeAFile() throws {
        let path = Self.root.appendingPathComponent("examples/exam.csv").path
        let frame = try run(["frame", "--data", path, "--step", "10"])
        XCTAssertEqual(frame.status, 0, frame.stderr)
        XCTAssertTrue(frame.stdout.contains("exam.csv"), frame.stdout)
        let bench = try run(["bench", "--data", path, "--steps", "100", "--rounds", "1"])
        XCTAssertEqual(bench.status, 0, bench.stderr)
        XCTAssertTrue(bench.stdout.hasPrefix("engine step (exam.csv, 6 rows, 3-1 cross-entropy,"), bench.stdout)
        let sample = try run(["frame", "--data", path, "--sample", "7"])
        XCTAssertEqual(sample.status, 2)
        XCTAssertEqual(sample.stderr, "perceptron: --sample '7' is not allowed: use a whole number from 1 to 6\n")
    }
}
