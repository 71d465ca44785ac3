import Foundation
import PerceptronCore
import TestSupport
import XCTest

/// `perceptron train` run as a real process, against runs computed with NumPy.
final class TrainCommandTests: XCTestCase {
    private func train(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), ["train"] + arguments, timeout: .seconds(120))
    }

    /// Tests/Fixtures/train/KIND/NAME.csv, made by scripts/make_fixtures.sh with scripts/reference.py
    /// (NumPy 2.4.6): `svml` with NumPy's AVX-512 kernels, `libm` with the C library's exp/log.
    private func fixture(_ kind: Arithmetic, _ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/train/\(kind.rawValue)/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The kernels whose fixtures hold on this machine. `svml` is the engine's own code: everywhere;
    /// `libm` where the C library rounds as the one the fixtures were made with (LibmFixtures).
    private func kernelsWithValidFixtures() -> [Arithmetic] {
        libmFixturesSkipReason() == nil ? [.svml, .libm] : [.svml]
    }

    private func libmFixturesSkipReason() -> String? { LibmFixtures.skipReason }

    /// Lines that differ, for a readable failure.
    private func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n"), y = b.split(separator: "\n")
        guard let i = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else { return "\(x.count) lines vs \(y.count)" }
        return "line \(i + 1):\n  ours:  \(x[i])\n  NumPy: \(y[i])"
    }

    /// The first two states, as scripts/reference.py --steps 1 prints them on an AVX-512 machine.
    func testOneStepPrintsStatesZeroAndOne() throws {
        let result = try train(["--steps", "1", "--math", "svml"])
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

    /// The notebook's run agrees with NumPy bit for bit, with each kernel: every printed digit.
    func testNotebookRunIsNumPysBitForBit() throws {
        for kind in kernelsWithValidFixtures() {
            for (name, arguments) in [("notebook-5000-every-10", ["--steps", "5000", "--every", "10"]),
                                      ("notebook-100000-every-10000", ["--steps", "100000", "--every", "10000"])] {
                let ours = try train(arguments + ["--math", kind.rawValue]).stdout, numpy = try fixture(kind, name)
                XCTAssertEqual(ours, numpy, "\(kind) \(name): " + firstDifference(ours, numpy))
            }
        }
    }

    /// Other seeds, learning rates and data sets agree with NumPy bit for bit too.
    func testOtherRunsAreNumPysBitForBit() throws {
        let runs: [(String, [String])] = [
            ("xor-seed42-lr0.5", ["--data", "xor", "--seed", "42", "--lr", "0.5", "--steps", "2000", "--every", "100"]),
            ("and-seed7-lr2", ["--data", "and", "--seed", "7", "--lr", "2", "--steps", "2000", "--every", "100"]),
            ("trask-seed0", ["--data", "trask", "--seed", "0", "--steps", "2000", "--every", "100"]),
            ("or-seed4294967295-lr0.1", ["--data", "or", "--seed", "4294967295", "--lr", "0.1", "--steps", "2000",
                                        "--every", "100"]),
        ]
        for kind in kernelsWithValidFixtures() {
            for (name, arguments) in runs {
                let ours = try train(arguments + ["--math", kind.rawValue]).stdout, numpy = try fixture(kind, name)
                XCTAssertEqual(ours, numpy, "\(kind) \(name): " + firstDifference(ours, numpy))
            }
        }
    }

    /// The two kernels' fixtures really differ (else the libm tests would prove nothing), and
    /// `auto` gives the fixtures of the kernel NumPy uses on this machine.
    func testTheKernelsDifferAndAutoFollowsNumPysChoice() throws {
        XCTAssertNotEqual(try fixture(.svml, "notebook-5000-every-10"), try fixture(.libm, "notebook-5000-every-10"))
        let chosen = Arithmetic.numpyChoiceHere
        guard kernelsWithValidFixtures().contains(chosen) else {
            throw XCTSkip("auto picks libm here and " + (libmFixturesSkipReason() ?? ""))
        }
        XCTAssertEqual(try train(["--steps", "5000", "--every", "10"]).stdout, try fixture(chosen, "notebook-5000-every-10"))
    }

    /// glibc's SSE2 exp/log (what CPUs without FMA and AVX2 get) gives the libm fixtures too:
    /// glibc.cpu.hwcaps=-FMA makes this machine's glibc resolve to that build.
    func testLibmFixturesHoldWithGlibcsOtherBuild() throws {
        if let reason = libmFixturesSkipReason() { throw XCTSkip(reason) }
        guard LibmFixtures.glibcRunsItsFMABuild else {
            throw XCTSkip("glibc already runs its SSE2 exp/log here, which the other libm tests check")
        }
        let environment = ProcessRunner.environment(adding: LibmFixtures.sse2Build)
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["train", "--math", "libm", "--steps", "5000",
                                                                        "--every", "10"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try fixture(.libm, "notebook-5000-every-10"))
    }

    /// `auto` against NumPy run live on this machine, byte for byte, when python3 with NumPy is
    /// here; and `libm` against NumPy with its AVX-512 kernels switched off, which is what NumPy
    /// does on a CPU without them.
    func testAutoMatchesLiveNumPy() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/reference.py").path
        let asIs = ProcessRunner.environment(removing: ["NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES"])
        var withoutAVX512 = asIs
        withoutAVX512["NPY_DISABLE_CPU_FEATURES"] = "X86_V4 AVX512_ICL AVX512_SPR"
        let runs = [["--steps", "300"], ["--data", "xor", "--seed", "3", "--lr", "0.7", "--steps", "300", "--every", "7"]]
        for (math, environment) in [("auto", asIs), ("libm", withoutAVX512)] {
            for arguments in runs {
                let numpy: ProcessResult
                do {
                    numpy = try ProcessRunner.run("python3", [script] + arguments, environment: environment)
                } catch {
                    throw XCTSkip("python3 is not installed: no live NumPy to compare with")
                }
                guard numpy.status == 0 else { throw XCTSkip("python3 has no NumPy here: \(numpy.stderr.suffix(200))") }
                let ours = try train(arguments + ["--math", math]).stdout
                XCTAssertEqual(ours, numpy.stdout, "--math \(math) \(arguments): " + firstDifference(ours, numpy.stdout))
            }
        }
    }

    /// A huge learning rate diverges: every row is still printed, and the loss is NaN as in NumPy.
    func testDivergenceKeepsGoingAndPrintsWhatNumPyPrints() throws {
        for kind in kernelsWithValidFixtures() {
            let result = try train(["--lr", "1e6", "--steps", "40", "--math", kind.rawValue])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, try fixture(kind, "notebook-lr1e6"), "\(kind)")
            XCTAssertTrue(result.stdout.contains(",nan,"))
        }
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
            (["--steps", "3", "--math", "avx"], "--math 'avx' is not allowed: use auto, svml or libm"),
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
        for flag in ["--steps", "--seed", "--lr", "--data", "--every", "--math"] { XCTAssertTrue(help.stdout.contains(flag), flag) }
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
