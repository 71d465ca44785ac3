import CNumPyMath
@testable import PerceptronCore
import XCTest

/// The dgemm plan's rules where they are easy to state by hand; the fixture tests
/// (DataCommandTests.testHiddenLayerOnRealValuesIsNumPysBitForBit) hold it to NumPy's bits.
final class GEMMPlanTests: XCTestCase {
    func testSkylakeXSmallKernelKeepsEightLanesForShortTailsOnly() {
        // X·W1 with 130 samples of 17 inputs and 3 hidden units: all three units are the tail
        // (3 % 8), summed in lanes; rows 128 and 129 lie past the last whole group of four.
        let plan = GEMMPlan(kernels: .skylakeX, transposedB: false, rows: 130, columns: 3, k: 17, threads: 2)
        XCTAssertEqual(plan.blockBounds, [0, 17])
        XCTAssertEqual(Set(plan.modes[0..<(128 * 3)]), [2])
        XCTAssertEqual(Set(plan.modes[(128 * 3)...]), [3])
        // A tail of 5 units, or fewer than 16 inputs, or Xᵀ·dz1: one chain per element.
        for plan in [GEMMPlan(kernels: .skylakeX, transposedB: false, rows: 130, columns: 5, k: 17, threads: 2),
                     GEMMPlan(kernels: .skylakeX, transposedB: false, rows: 130, columns: 3, k: 15, threads: 2),
                     GEMMPlan(kernels: .skylakeX, transposedB: true, rows: 17, columns: 3, k: 130, threads: 2)] {
            XCTAssertEqual(Set(plan.modes), [0])
        }
    }

    func testLargeProductsAreCutAlongKAsEachDriverCutsIt() {
        // Xᵀ·dz1 for 1000 samples, 8 inputs, 16 units on Haswell: 128,000 products, one thread,
        // blocks of 256 and the remaining 488 halved up to a multiple of 4.
        let local = GEMMPlan(kernels: .haswell, transposedB: true, rows: 8, columns: 16, k: 1000, threads: 2)
        XCTAssertEqual(local.blockBounds, [0, 256, 512, 756, 1000])
        // 10,000 samples and 20 inputs on SkylakeX: cut over two threads, whose driver halves the
        // remaining 400 as (400 + 1) / 2.
        let threaded = GEMMPlan(kernels: .skylakeX, transposedB: true, rows: 20, columns: 9, k: 10_000, threads: 2)
        XCTAssertEqual(Array(threaded.blockBounds.suffix(3)), [9600, 9800, 10_000])
        let single = GEMMPlan(kernels: .skylakeX, transposedB: true, rows: 20, columns: 9, k: 10_000, threads: 1)
        XCTAssertEqual(Array(single.blockBounds.suffix(3)), [9600, 9808, 10_000])
    }

    func testHaswellSumsOneColumnTilesInFourLanes() {
        // 33 samples: the last one is a one-column tile; of its 7 units, the first 4 are a
        // four-row tile.
        let plan = GEMMPlan(kernels: .haswell, transposedB: false, rows: 33, columns: 7, k: 9, threads: 2)
        XCTAssertEqual(Array(plan.modes[(32 * 7)...]), [1, 1, 1, 1, 0, 0, 0])
        XCTAssertEqual(Set(plan.modes[0..<(32 * 7)]), [0])
    }

    /// Compiled with FMA and for baseline x86-64, like the dgemv orders: the same bits.
    func testBaselineBuildGivesTheSameBits() {
        var generator = SystemRandomNumberGenerator()
        for kernels in MatrixKernels.allCases {
            for _ in 0..<30 {
                let rows = Int.random(in: 1...40, using: &generator), columns = Int.random(in: 2...16, using: &generator)
                let k = Int.random(in: 1...600, using: &generator)
                let a = (0..<(rows * k)).map { _ in Double.random(in: -2...2, using: &generator) }
                let b = (0..<(k * columns)).map { _ in Double.random(in: -1...1, using: &generator) }
                let plan = GEMMPlan(kernels: kernels, transposedB: Bool.random(using: &generator), rows: rows,
                                    columns: columns, k: k, threads: Int.random(in: 1...4, using: &generator))
                var fused = [Double](repeating: 0, count: rows * columns), baseline = fused
                plan.multiply(a, aRow: k, aK: 1, b, bK: columns, bColumn: 1, into: &fused)
                plan.bounds.withUnsafeBufferPointer { bounds in
                    plan.modes.withUnsafeBufferPointer { modes in
                        cnumpymath_gemm_baseline(rows, columns, k, a, k, 1, b, columns, 1, &baseline, bounds.baseAddress!,
                                                 plan.blocks, modes.baseAddress!)
                    }
                }
                XCTAssertEqual(fused.map(\.bitPattern), baseline.map(\.bitPattern), "\(kernels) \(rows)×\(k)×\(columns)")
            }
        }
    }
}
