import Foundation
import TestSupport
import XCTest

/// `perceptron train` run as a real process, against runs computed with NumPy.
final class TrainCommandTests: XCTestCase {
    private func train(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), ["train"] + arguments, timeout: .seconds(120))
    }

    /// Tests/Fixtures/train/NAME.csv, made by scripts/make_fixtures.sh with scripts/reference.py (NumPy 2.4.6).
    private func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/train/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testOneStepPrintsStatesZeroAndOneFromMathMd() throws {
        let result = try train(["--steps", "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "step,loss,w1,w2,w3,b,p1,p2,p3,p4")
        XCTAssertEqual(lines[1], "0,0.8223225820877986,-0.165955990594852,0.4406489868843162,-0.9997712503653102,0.0,"
            + "0.6084136604602889,0.45860596288357436,0.3262756985110817,0.3637505753263374")
        XCTAssertTrue(lines[2].hasPrefix("1,0.7228974481248197,"), lines[2])
    }

    func testEveryPrintsStateZeroEveryKthAndTheLast() throws {
        let result = try train(["--steps", "25", "--every", "10", "--data", "and"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "step,loss,w1,w2,b,p1,p2,p3,p4")
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: ",")[0] }, ["0", "10", "20", "25"])
        for line in lines.dropFirst() {
            XCTAssertEqual(line.split(separator: ",").count, 9, String(line))
            for field in line.split(separator: ",") { XCTAssertNotNil(Double(field), String(line)) }
        }
        let zero = try train(["--steps", "0"])
        XCTAssertEqual(zero.stdout.split(separator: "\n").count, 2)
    }

    /// The notebook's run agrees with NumPy bit for bit: every printed digit is the same.
    func testNotebookRunIsNumPysBitForBit() throws {
        XCTAssertEqual(try train(["--steps", "5000", "--every", "10"]).stdout, try fixture("notebook-5000-every-10"))
        XCTAssertEqual(try train(["--steps", "100000", "--every", "10000"]).stdout,
                       try fixture("notebook-100000-every-10000"))
    }

    /// Other seeds, learning rates and data sets agree with NumPy to 1e-12 (relative).
    func testOtherRunsAgreeWithNumPy() throws {
        let runs: [(String, [String])] = [
            ("xor-seed42-lr0.5", ["--data", "xor", "--seed", "42", "--lr", "0.5", "--steps", "2000", "--every", "100"]),
            ("and-seed7-lr2", ["--data", "and", "--seed", "7", "--lr", "2", "--steps", "2000", "--every", "100"]),
            ("trask-seed0", ["--data", "trask", "--seed", "0", "--steps", "2000", "--every", "100"]),
            ("or-seed4294967295-lr0.1", ["--data", "or", "--seed", "4294967295", "--lr", "0.1", "--steps", "2000",
                                        "--every", "100"]),
        ]
        for (name, arguments) in runs {
            let ours = try train(arguments).stdout.split(separator: "\n")
            let numpy = try fixture(name).split(separator: "\n")
            XCTAssertEqual(ours.count, numpy.count, name)
            XCTAssertEqual(ours.first, numpy.first, name)
            for (a, b) in zip(ours.dropFirst(), numpy.dropFirst()) {
                for (x, y) in zip(a.split(separator: ","), b.split(separator: ",")) {
                    let u = Double(x)!, v = Double(y)!
                    XCTAssertLessThanOrEqual(abs(u - v), 1e-12 * max(1, abs(v)), "\(name): \(a) vs \(b)")
                }
            }
        }
    }

    /// A huge learning rate diverges: every row is still printed, and the loss is NaN as in NumPy.
    func testDivergenceKeepsGoingAndPrintsWhatNumPyPrints() throws {
        let result = try train(["--lr", "1e6", "--steps", "40"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try fixture("notebook-lr1e6"))
        XCTAssertTrue(result.stdout.contains(",nan,"))
    }

    /// Bad input: one line on stderr naming the flag, the value and what is allowed; status 2; no stdout.
    func testBadInputIsRefusedWithOneClearLine() throws {
        let cases: [([String], String)] = [
            (["--steps", "3", "--seed", "-1"], "--seed '-1' is not allowed: use a whole number from 0 to 4294967295"),
            (["--steps", "3", "--seed", "4294967296"], "--seed '4294967296'"),
            (["--steps", "3", "--seed", "1.5"], "--seed '1.5'"),
            (["--steps", "3", "--seed", "abc"], "--seed 'abc'"),
            (["--steps", "3", "--lr", "0"], "--lr '0' is not allowed: use a decimal number greater than 0"),
            (["--steps", "3", "--lr", "-2"], "--lr '-2'"),
            (["--steps", "3", "--lr", "nan"], "--lr 'nan'"),
            (["--steps", "3", "--lr", "inf"], "--lr 'inf'"),
            (["--steps", "-1"], "--steps '-1' is not allowed: use a whole number from 0 to 10000000000"),
            (["--steps", "2.5"], "--steps '2.5'"),
            (["--steps", "3", "--every", "0"], "--every '0' is not allowed: use a whole number from 1 to 10000000000"),
            (["--steps", "3", "--data", "iris"], "unknown data set 'iris': choose one of notebook, trask, xor, and, or"),
            (["--steps", "3", "--frobnicate"], "Unknown option '--frobnicate'"),
            ([], "--steps"),
        ]
        for (arguments, expected) in cases {
            let result = try train(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("perceptron: "), result.stderr)
        }
    }

    func testHelpAndVersion() throws {
        let help = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--help"])
        XCTAssertEqual(help.status, 0)
        for flag in ["--steps", "--seed", "--lr", "--data", "--every"] { XCTAssertTrue(help.stdout.contains(flag), flag) }
        let version = try ProcessRunner.run(perceptronExecutablePath(), ["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
    }

    /// Nothing per step is kept: three million steps need no more memory than ten. (Peak resident
    /// memory from wait4; the program's baseline is the Swift runtime's few MB.)
    func testMemoryDoesNotGrowWithSteps() throws {
        let short = try train(["--steps", "10", "--every", "10"])
        let long = try train(["--steps", "3000000", "--every", "3000000"])
        XCTAssertEqual(long.status, 0, long.stderr)
        XCTAssertEqual(long.stdout.split(separator: "\n").count, 3)
        XCTAssertGreaterThan(short.peakMemoryKilobytes, 0)
        XCTAssertLessThan(long.peakMemoryKilobytes - short.peakMemoryKilobytes, 2048,
                          "10 steps: \(short.peakMemoryKilobytes) KiB, 3M steps: \(long.peakMemoryKilobytes) KiB")
    }
}
