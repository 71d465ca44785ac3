import CNumPyMath

/// Which of OpenBLAS's kernel sets NumPy's matrix products run on, and so in which order they add
/// up products that are not exact (a hidden layer's). NumPy's bundled OpenBLAS picks the set by
/// CPU; `OPENBLAS_CORETYPE` overrides it. The engine reproduces both x86-64 sets.
public enum MatrixKernels: String, Sendable, CaseIterable {
    /// The AVX2 "Haswell" set: CPUs without AVX-512 (and `OPENBLAS_CORETYPE=Haswell`).
    case haswell
    /// The AVX-512 "SkylakeX" set (also used for Cooper Lake and Sapphire Rapids, and AMD Zen 4).
    case skylakeX = "skylakex"

    /// The set NumPy's OpenBLAS picks on this CPU.
    public static let native: MatrixKernels = cnumpymath_has_avx512f() != 0 ? .skylakeX : .haswell

    /// The set an `OPENBLAS_CORETYPE` value names, if it is one of these two families.
    public init?(coreType: String) {
        switch coreType.lowercased() {
        case "haswell", "zen": self = .haswell
        case "skylakex", "cooperlake", "sapphirerapids": self = .skylakeX
        default: return nil
        }
    }
}

/// The orders of the two dgemv products with real factors in a hidden layer's step. The loops
/// are generic over it, so each kernel set gets its own specialised loop.
protocol SumOrder {
    /// (A·w)[row] for an (rows × k) row-major matrix A: dgemv_t.
    static func rowDot(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ k: Int, row: Int, rows: Int) -> Double
    /// (Aᵀ·d)[column] for an (m × k) row-major matrix A: dgemv_n, or ddot for one column.
    static func columnDot(_ a: UnsafePointer<Double>, _ column: Int, _ k: Int, _ d: UnsafePointer<Double>, _ m: Int) -> Double
}

@inline(__always)
func fusedMultiplyAdd(_ a: Double, _ b: Double, _ c: Double) -> Double { c.addingProduct(a, b) }

/// The "SkylakeX" orders. Its dgemv_t is Haswell's code; its dgemv_n has its own kernel for
/// blocks of four rows (four samples at a time, fused, added to the running sum), and being
/// compiled for AVX-512 its C parts fuse a multiply into each addition.
enum SkylakeXOrder: SumOrder {
    @inline(__always)
    static func rowDot(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ k: Int, row: Int, rows: Int) -> Double {
        HaswellOrder.rowDot(a, w, k, row: row, rows: rows)
    }

    @inline(__always)
    static func columnDot(_ a: UnsafePointer<Double>, _ column: Int, _ k: Int, _ d: UnsafePointer<Double>, _ m: Int) -> Double {
        @inline(__always) func v(_ i: Int) -> Double { a[i &* k &+ column] }
        let fma = fusedMultiplyAdd
        if k == 1 {
            var t = 0.0
            for i in 0..<m { t = fma(d[i], v(i), t) }
            return t
        }
        if column < k & ~3 {
            var y = 0.0, c = 0
            for _ in 0..<(m >> 2) {
                y = y + fma(v(c &+ 3), d[c &+ 3], fma(v(c &+ 2), d[c &+ 2], fma(v(c), d[c], v(c &+ 1) * d[c &+ 1])))
                c &+= 4
            }
            if m & 2 != 0 { y = y + fma(v(c), d[c], v(c &+ 1) * d[c &+ 1]); c &+= 2 }
            if m & 1 != 0 { y = y + d[c] * v(c) }
            return y
        }
        var t = 0.0
        if k < 4 {
            var i = 0
            while i < m & ~3 {
                t = t + fma(v(i), d[i], v(i &+ 1) * d[i &+ 1])
                t = t + fma(v(i &+ 2), d[i &+ 2], v(i &+ 3) * d[i &+ 3])
                i &+= 4
            }
            while i < m { t = fma(v(i), d[i], t); i &+= 1 }
        } else {
            for i in 0..<m { t = fma(v(i), d[i], t) }
        }
        return t
    }
}
