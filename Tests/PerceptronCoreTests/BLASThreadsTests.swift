import CNumPyMath
import Foundation
import TestSupport
import XCTest
@testable import PerceptronCore

/// OpenBLAS cuts large products over its threads; the engine cuts them the same way for the same
/// count, and takes the count by OpenBLAS's own rule.
final class BLASThreadsTests: XCTestCase {
    /// The rule against the counts NumPy's OpenBLAS 0.3.31 starts with for the same variables:
    /// scripts/check_blas_threads.py runs each of these cases in a fresh NumPy (on 2 CPUs, and
    /// pinned to one with taskset) and compares with the same rule written in Python.
    func testThreadCountFollowsOpenBLASsRule() {
        func count(_ variables: [String: String], processors: Int = 2) -> Int {
            BLASThreads.rule(environment: { variables[$0] }, processors: processors)
        }
        XCTAssertEqual(count([:]), 2)
        XCTAssertEqual(count([:], processors: 1), 1)
        XCTAssertEqual(count([:], processors: 96), BLASThreads.maximum)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "1"]), 1)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "4"]), 2, "at most the CPUs it may run on")
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "3"], processors: 1), 1)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "0"]), 2)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "-3"]), 2)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "1x"]), 1, "read as C's atoi")
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": " 1"]), 1)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "x1"]), 2)
        XCTAssertEqual(count(["GOTO_NUM_THREADS": "1"]), 1)
        XCTAssertEqual(count(["OMP_NUM_THREADS": "1"]), 1)
        XCTAssertEqual(count(["OMP_NUM_THREADS": "1,2"]), 1)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "1"]), 2)
        XCTAssertEqual(count(["GOTO_NUM_THREADS": "1", "OMP_NUM_THREADS": "3"]), 1)
        XCTAssertEqual(count(["OPENBLAS_DEFAULT_NUM_THREADS": "1"]), 1)
        XCTAssertEqual(count(["OPENBLAS_DEFAULT_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "2"]), 2)
        XCTAssertEqual(count(["OPENBLAS_DEFAULT_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "0"]), 1)
        XCTAssertEqual(count(["OPENBLAS_NUM_THREADS": "200"], processors: 128), BLASThreads.maximum)
        XCTAssertGreaterThanOrEqual(Int(cnumpymath_blas_processors()), 1)
        XCTAssertTrue((1...BLASThreads.maximum).contains(BLASThreads.native))
    }

    func testACountOutsideOneToSixtyFourIsRefused() {
        for bad in [0, -1, 65] {
            XCTAssertThrowsError(try Trainer(dataset: Dataset.named("notebook"), blasThreads: bad)) { error in
                XCTAssertEqual("\(error)", "BLAS threads '\(bad)' is not allowed: use a whole number from 1 to 64")
            }
        }
    }

    /// Tests/Fixtures/train/NAME.csv: step, loss, the weights and b (no predictions), made by
    /// scripts/make_fixtures.sh with scripts/reference.py --blas-threads (NumPy 2.4.6, its AVX-512
    /// exp/log, OpenBLAS 0.3.31 pinned to a kernel set with OPENBLAS_CORETYPE).
    private func fixture(_ name: String) throws -> [[Substring]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/train/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
    }

    /// The tables that OpenBLAS cuts over 2 or 4 threads (and one it does not cut), in process, for
    /// both kernel sets, bit for bit; `perceptron train` runs the smallest through the CLI.
    func testTablesCutOverThreadsMatchNumPy() throws {
        for shape in GeneratedTable.threadedShapes {
            let dataset = GeneratedTable.dataset(rows: shape.rows, inputs: shape.inputs, seed: shape.seed)
            for kernels in MatrixKernels.allCases {
                let name = "\(dataset.name)-t\(shape.threads)" + (kernels == .skylakeX ? "-skylakex" : "")
                var trainer = try Trainer(dataset: dataset, learningRate: 0.1, kernels: kernels, blasThreads: shape.threads)
                let rows = try fixture(name)
                XCTAssertEqual(rows.first.map { $0.map(String.init) },
                               ["step", "loss"] + dataset.columnNames!.inputs.map { "w_\($0)" } + ["b"], name)
                XCTAssertGreaterThan(rows.count, 2, name)
                for row in rows.dropFirst() {
                    let step = try XCTUnwrap(Int(row[0]))
                    trainer.advance(by: step - trainer.step)
                    let ours = [trainer.loss()] + trainer.parameters
                    let numpy = row.dropFirst().map { Double($0) ?? .infinity }
                    XCTAssertEqual(ours.map(\.bitPattern), numpy.map(\.bitPattern), "\(name) state \(step)")
                }
            }
        }
    }

    /// The cut is there: on a table over the threshold, a thread count changes some sums (so the
    /// fixtures above test it), none below it; and the build for CPUs without FMA cuts alike.
    func testCutsChangeSumsOnlyAboveTheThresholdAndBothBuildsAgree() {
        var random = LegacyRandom(seed: 12)
        func values(_ count: Int) -> [Double] { (0..<count).map { _ in random.nextDouble() * 2 - 1 } }
        for (m, k, cut) in [(60002, 9, true), (20000, 1, true), (7201, 64, true), (30000, 3, false), (10000, 1, false),
                            (57599, 8, false)] {
            let a = values(m * k), w = values(k), d = values(m)
            var changed = false
            for skylakeX: Int32 in [0, 1] {
                var one = [Double](repeating: 0, count: k)
                cnumpymath_gemv_n(skylakeX, a, m, k, d, &one, 1)
                for threads in [2, 4] {
                    var fused = [Double](repeating: 0, count: k), baseline = fused
                    cnumpymath_gemv_n(skylakeX, a, m, k, d, &fused, threads)
                    cnumpymath_gemv_n_baseline(skylakeX, a, m, k, d, &baseline, threads)
                    XCTAssertEqual(fused.map(\.bitPattern), baseline.map(\.bitPattern), "gemv_n \(m)×\(k) \(threads)")
                    changed = changed || fused.map(\.bitPattern) != one.map(\.bitPattern)
                }
            }
            var one = [Double](repeating: 0, count: m)
            cnumpymath_gemv_t(a, w, m, k, &one, 1)
            for threads in [2, 4] {
                var fused = [Double](repeating: 0, count: m), baseline = fused
                cnumpymath_gemv_t(a, w, m, k, &fused, threads)
                cnumpymath_gemv_t_baseline(a, w, m, k, &baseline, threads)
                XCTAssertEqual(fused.map(\.bitPattern), baseline.map(\.bitPattern), "gemv_t \(m)×\(k) \(threads)")
                changed = changed || fused.map(\.bitPattern) != one.map(\.bitPattern)
            }
            XCTAssertEqual(changed, cut, "\(m)×\(k)")
        }
    }
}
