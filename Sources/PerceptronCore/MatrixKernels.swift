import CNumPyMath

/// Which of OpenBLAS's kernel sets NumPy's matrix products run on, and so in which order they add
/// up products that are not exact (a hidden layer's). NumPy's bundled OpenBLAS picks the set by
/// CPU; `OPENBLAS_CORETYPE` overrides it. The engine reproduces both x86-64 sets.
public enum MatrixKernels: String, Sendable, CaseIterable {
    /// The AVX2 "Haswell" set: CPUs without AVX-512 (and `OPENBLAS_CORETYPE=Haswell`).
    case haswell
    /// The AVX-512 "SkylakeX" set (also used for Cooper Lake and Sapphire Rapids, and AMD Zen 4).
    case skylakeX = "skylakex"

    /// The set NumPy's OpenBLAS picks on this CPU: SkylakeX where AVX-512F is there and the OS
    /// saves its registers (what the same CPUID and XCR0 words say for `--math auto`).
    public static let native: MatrixKernels =
        X86Features.current.map { $0.avx512fBit && $0.osSavesAVX512State } == true ? .skylakeX : .haswell

    /// The set an `OPENBLAS_CORETYPE` value names, if it is one of these two families.
    public init?(coreType: String) {
        switch coreType.lowercased() {
        case "haswell", "zen": self = .haswell
        case "skylakex", "cooperlake", "sapphirerapids": self = .skylakeX
        default: return nil
        }
    }
}

/// The orders of the two dgemv products with real factors in a hidden layer's step (in C, see
/// Sources/CNumPyMath/BLASOrders.c). The loops are generic over it, so each kernel set gets its
/// own loop.
protocol SumOrder {
    /// out[row] = (A·w)[row] for a row-major (rows × k) matrix A: dgemv_t.
    static func gemvT(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, rows: Int, k: Int, _ out: UnsafeMutablePointer<Double>)
    /// out[column] = (Aᵀ·d)[column] for a row-major (m × k) matrix A: dgemv_n, or ddot for one column.
    static func gemvN(_ a: UnsafePointer<Double>, m: Int, k: Int, _ d: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
}

/// OpenBLAS's AVX2 "Haswell" kernels.
enum HaswellOrder: SumOrder {
    @inline(__always)
    static func gemvT(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, rows: Int, k: Int, _ out: UnsafeMutablePointer<Double>) {
        cnumpymath_gemv_t(a, w, rows, k, out)
    }
    @inline(__always)
    static func gemvN(_ a: UnsafePointer<Double>, m: Int, k: Int, _ d: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        cnumpymath_gemv_n(0, a, m, k, d, out)
    }
}

/// OpenBLAS's AVX-512 "SkylakeX" kernels: Haswell's dgemv_t, its own dgemv_n.
enum SkylakeXOrder: SumOrder {
    @inline(__always)
    static func gemvT(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, rows: Int, k: Int, _ out: UnsafeMutablePointer<Double>) {
        cnumpymath_gemv_t(a, w, rows, k, out)
    }
    @inline(__always)
    static func gemvN(_ a: UnsafePointer<Double>, m: Int, k: Int, _ d: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        cnumpymath_gemv_n(1, a, m, k, d, out)
    }
}
