import CNumPyMath
import XCTest

/// The dgemv orders are compiled twice, with FMA and for baseline x86-64; CPUs without FMA run
/// the baseline build. Both must give the same bits (the fixture tests check the one this CPU runs).
final class BLASOrderTests: XCTestCase {
    func testBaselineBuildGivesTheSameBits() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let m = Int.random(in: 1...9, using: &generator), k = Int.random(in: 1...17, using: &generator)
            let a = (0..<(m * k)).map { _ in Double.random(in: 0...1, using: &generator) }
            let w = (0..<k).map { _ in Double.random(in: -3...3, using: &generator) }
            let d = (0..<m).map { _ in Double.random(in: -1...1, using: &generator) }
            var fused = [Double](repeating: 0, count: m), baseline = fused
            cnumpymath_gemv_t(a, w, m, k, &fused, 1)
            cnumpymath_gemv_t_baseline(a, w, m, k, &baseline, 1)
            XCTAssertEqual(fused.map(\.bitPattern), baseline.map(\.bitPattern), "gemv_t \(m)×\(k)")
            for row in 0..<m {
                XCTAssertEqual(a.withUnsafeBufferPointer { cnumpymath_gemv_t_row($0.baseAddress! + row * k, w, k, row, m) }
                                .bitPattern, fused[row].bitPattern, "row \(row) of \(m)×\(k)")
            }
            for skylakeX: Int32 in [0, 1] {
                var fusedN = [Double](repeating: 0, count: k), baselineN = fusedN
                cnumpymath_gemv_n(skylakeX, a, m, k, d, &fusedN, 1)
                cnumpymath_gemv_n_baseline(skylakeX, a, m, k, d, &baselineN, 1)
                XCTAssertEqual(fusedN.map(\.bitPattern), baselineN.map(\.bitPattern), "gemv_n \(skylakeX) \(m)×\(k)")
            }
        }
    }
}
