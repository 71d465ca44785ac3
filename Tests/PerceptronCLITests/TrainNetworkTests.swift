import Foundation
import TestSupport
import XCTest

/// `perceptron train` for networks (a hidden layer, squared error, no bias, Trask's presets) run
/// as a real process, against runs computed with NumPy by scripts/reference.py.
final class TrainNetworkTests: XCTestCase {
    /// The svml fixtures are NumPy's with its AVX-512 exp/log, which the engine's svml kernel gives
    /// on every machine; `--math auto` would pick libm on CPUs without AVX-512.
    private func train(_ arguments: [String], math: String = "svml", environment: [String: String]? = nil) throws
        -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), ["train", "--math", math] + arguments, environment: environment,
                              timeout: .seconds(120))
    }

    /// Tests/Fixtures/train/SET/NAME.csv, made by scripts/make_fixtures.sh with scripts/reference.py (NumPy 2.4.6;
    /// `svml`: with its AVX-512 exp/log; `libm`: with the C library's, as on a CPU without AVX-512; its
    /// OpenBLAS pinned to a kernel set with OPENBLAS_CORETYPE).
    private func fixture(_ name: String, set: String = "svml") throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/train/\(set)/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// `train --math MATH` against the fixture of that set; a fixture of a large table leaves out
    /// the p columns, and only the columns it has are compared.
    private func assertSame(_ arguments: [String], _ name: String, math: String = "svml",
                            environment: [String: String]? = nil, file: StaticString = #filePath,
                            line: UInt = #line) throws {
        let result = try train(arguments, math: math, environment: environment)
        XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)", file: file, line: line)
        let expected = try fixture(name, set: math)
        guard result.stdout != expected else { return }
        let numpy = expected.split(separator: "\n").map(String.init)
        let columns = numpy.first?.split(separator: ",").count ?? 0
        let ours = result.stdout.split(separator: "\n").map(String.init)
        let shortened = ours.map { $0.split(separator: ",").prefix(columns).joined(separator: ",") }
        let leftOut = (ours.first?.split(separator: ",").count ?? 0) > columns
        guard !leftOut || shortened != numpy || !expected.hasSuffix("\n") else { return }
        // Name the first differing row, not two whole files.
        let row = Array(zip(shortened, numpy)).firstIndex { $0 != $1 } ?? min(ours.count, numpy.count)
        XCTFail("\(name) (\(math)) differs from NumPy at line \(row + 1) of \(numpy.count)", file: file, line: line)
    }

    /// A few of the runs PerceptronCoreTests checks in process (every data set and hidden size),
    /// here through the real executable, bit for bit, with each of OpenBLAS's two x86-64 kernel
    /// sets (whatever this machine's CPU).
    func testHiddenLayerRunsAreNumPysBitForBit() throws {
        for kernels in ["haswell", "skylakex"] {
            for (data, h) in [("xor", 4), ("notebook", 16), ("and", 1)] {
                try assertSame(["--data", data, "--hidden", String(h), "--steps", "2000", "--every", "100",
                                "--blas", kernels], "net-\(data)-h\(h)-\(kernels)")
            }
        }
    }

    func testSquaredErrorNoBiasPresetsAndDivergenceAreNumPys() throws {
        for kernels in ["haswell", "skylakex"] {
            try assertSame(["--preset", "trask-3layer", "--steps", "60000", "--every", "10000", "--blas", kernels],
                           "net-trask-3layer-\(kernels)")
        }
        try assertSame(["--data", "xor", "--hidden", "4", "--no-bias", "--seed", "42", "--lr", "2", "--steps", "2000",
                        "--every", "100", "--blas", "skylakex"], "net-xor-h4-no-bias-seed42-lr2-skylakex")
        try assertSame(["--data", "xor", "--hidden", "16", "--lr", "1e4", "--steps", "40", "--blas", "haswell"],
                       "net-xor-h16-lr1e4-haswell")
        try assertSame(["--preset", "trask-2layer", "--steps", "10000", "--every", "1000"], "trask-2layer")
        try assertSame(["--data", "xor", "--loss", "squared", "--steps", "2000", "--every", "100"], "xor-squared")
        try assertSame(["--data", "and", "--no-bias", "--steps", "2000", "--every", "100"], "and-no-bias")
    }

    /// What an AVX2 machine runs by default (the C library's exp/log, OpenBLAS's Haswell orders),
    /// against NumPy computing the same with its AVX-512 kernels switched off, through the real
    /// executable; then with glibc's SSE2 build of exp/log, which CPUs without FMA and AVX2 get
    /// (the fixtures were checked to come out the same with it). PerceptronCoreTests checks these
    /// runs and more with both kernel sets in process.
    func testLibmNetworksWithHaswellsOrdersAreNumPys() throws {
        if let reason = LibmFixtures.skipReason { throw XCTSkip(reason) }
        let scratch = try ScratchDirectory()
        let table = try scratch.write("real-128x20-s19.csv", GeneratedTable.csv(rows: 128, inputs: 20, seed: 19))
        let runs: [(String, [String])] = [
            ("net-xor-h4-haswell", ["--data", "xor", "--hidden", "4", "--steps", "2000", "--every", "100"]),
            ("net-notebook-h16-steps45-haswell", ["--data", "notebook", "--hidden", "16", "--steps", "45", "--every", "5"]),
            ("net-or-h3-squared-lr0.5-haswell", ["--data", "or", "--hidden", "3", "--loss", "squared", "--lr", "0.5",
                                                 "--steps", "2000", "--every", "100"]),
            ("net-xor-h4-no-bias-seed42-lr2-steps250-haswell", ["--data", "xor", "--hidden", "4", "--no-bias", "--seed", "42",
                                                                "--lr", "2", "--steps", "250", "--every", "25"]),
            ("real-128x20-s19-h4-t1-haswell", ["--data", table, "--hidden", "4", "--lr", "0.5", "--steps", "6", "--every", "3",
                                               "--blas-threads", "1"]),
        ]
        for (name, arguments) in runs {
            try assertSame(arguments + ["--blas", "haswell"], name, math: "libm")
        }
        guard LibmFixtures.glibcRunsItsFMABuild else { return }
        let sse2 = ProcessRunner.environment(adding: LibmFixtures.sse2Build)
        for (name, arguments) in runs.prefix(2) {
            try assertSame(arguments + ["--blas", "haswell"], name, math: "libm", environment: sse2)
        }
    }

    /// `--blas auto` follows OPENBLAS_CORETYPE, as NumPy's OpenBLAS does.
    func testKernelSetFollowsOpenBLASCoreType() throws {
        let arguments = ["--data", "xor", "--hidden", "4", "--steps", "2000", "--every", "100"]
        for (coreType, kernels) in [("Haswell", "haswell"), ("SkylakeX", "skylakex"), ("COOPERLAKE", "skylakex")] {
            let result = try train(arguments, environment: ProcessRunner.environment(adding: ["OPENBLAS_CORETYPE": coreType]))
            XCTAssertEqual(result.stdout, try fixture("net-xor-h4-\(kernels)"), coreType)
        }
    }

    func testHeaderNamesEveryParameterAndLeavesOutBiasesThatAreOff() throws {
        func header(_ arguments: [String]) throws -> String {
            String(try train(["--steps", "0"] + arguments).stdout.split(separator: "\n").first ?? "")
        }
        XCTAssertEqual(try header(["--data", "and", "--hidden", "2"]),
                       "step,loss,w1_1_1,w1_1_2,w1_2_1,w1_2_2,b1_1,b1_2,w2_1,w2_2,b2,p1,p2,p3,p4")
        XCTAssertEqual(try header(["--data", "and", "--hidden", "2", "--no-bias"]),
                       "step,loss,w1_1_1,w1_1_2,w1_2_1,w1_2_2,w2_1,w2_2,p1,p2,p3,p4")
        XCTAssertEqual(try header(["--no-bias"]), "step,loss,w1,w2,w3,p1,p2,p3,p4")
        XCTAssertEqual(try header(["--preset", "trask-2layer"]), "step,loss,w1,w2,w3,p1,p2,p3,p4")
        // Explicit flags win over the preset's: a bias, another data set, a hidden layer.
        XCTAssertEqual(try header(["--preset", "trask-2layer", "--bias", "--data", "and"]), "step,loss,w1,w2,b,p1,p2,p3,p4")
        XCTAssertEqual(try header(["--preset", "trask-3layer", "--hidden", "1"]),
                       "step,loss,w1_1_1,w1_2_1,w1_3_1,w2_1,p1,p2,p3,p4")
    }

    /// Nothing per step is kept with a hidden layer either: 300,000 steps need no more memory than ten.
    func testMemoryDoesNotGrowWithStepsWithAHiddenLayer() throws {
        let arguments = ["--data", "xor", "--hidden", "4"]
        let short = try train(arguments + ["--steps", "10", "--every", "10"])
        let long = try train(arguments + ["--steps", "300000", "--every", "300000"])
        XCTAssertEqual(long.status, 0, long.stderr)
        XCTAssertEqual(long.stdout.split(separator: "\n").count, 3)
        XCTAssertGreaterThan(short.peakMemoryKilobytes, 0)
        XCTAssertLessThan(long.peakMemoryKilobytes - short.peakMemoryKilobytes, 2048,
                          "10 steps: \(short.peakMemoryKilobytes) KiB, 300k steps: \(long.peakMemoryKilobytes) KiB")
    }

    func testBadModelFlagsAreRefusedWithOneClearLine() throws {
        let cases: [([String], String)] = [
            (["--hidden", "0"], "--hidden '0' is not allowed: use a whole number from 1 to 16"),
            (["--hidden", "17"], "--hidden '17' is not allowed: use a whole number from 1 to 16"),
            (["--hidden", "two"], "--hidden 'two' is not allowed: use a whole number from 1 to 16"),
            (["--hidden", "-3"], "--hidden '-3' is not allowed: use a whole number from 1 to 16"),
            (["--loss", "mse"], "--loss 'mse' is not allowed: use cross-entropy or squared"),
            (["--preset", "trask"], "--preset 'trask' is not allowed: use trask-2layer or trask-3layer"),
            (["--blas", "zen"], "--blas 'zen' is not allowed: use auto, haswell or skylakex"),
            (["--blas-threads", "0"], "--blas-threads '0' is not allowed: use auto or a whole number from 1 to 64"),
            (["--blas-threads", "65"], "--blas-threads '65' is not allowed: use auto or a whole number from 1 to 64"),
            (["--blas-threads", "two"], "--blas-threads 'two' is not allowed: use auto or a whole number from 1 to 64"),
        ]
        for (arguments, expected) in cases {
            let result = try train(["--steps", "3"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr, "perceptron: \(expected)\n", "\(arguments)")
        }
    }
}
