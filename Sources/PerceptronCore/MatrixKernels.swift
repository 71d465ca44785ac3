import CNumPyMath
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// How many threads NumPy's OpenBLAS runs a matrix product on. A product of 460,800 numbers or
/// more (a ddot of more than 10,000) is cut into one block per thread, and the blocks' sums are
/// put together in another order than one thread's: the engine cuts its products the same way for
/// the same count, so it needs the count NumPy would use here.
public enum BLASThreads {
    /// The most threads NumPy's OpenBLAS build runs (its MAX_THREADS).
    public static let maximum = 64

    /// The CPUs OpenBLAS would count for this process (the configured ones, or its affinity mask's
    /// if fewer).
    public static var processors: Int { Int(cnumpymath_blas_processors()) }

    /// The count OpenBLAS starts with in this process, by its own rule (`rule`).
    public static let native: Int = rule(environment: { name in getenv(name).map { String(cString: $0) } },
                                         processors: processors)

    /// The variables `rule` reads, first to last.
    public static let variables = ["OPENBLAS_NUM_THREADS", "OPENBLAS_DEFAULT_NUM_THREADS", "GOTO_NUM_THREADS",
                                   "OMP_NUM_THREADS"]

    /// OpenBLAS's rule (openblas_read_env and blas_get_cpu_number in its driver/others/): the first
    /// of OPENBLAS_NUM_THREADS, OPENBLAS_DEFAULT_NUM_THREADS, GOTO_NUM_THREADS and OMP_NUM_THREADS
    /// that reads (as C's atoi) as a positive number, else `maximum`; then at most `processors`
    /// (the CPUs this process may run on) and at most `maximum`.
    public static func rule(environment: (String) -> String?, processors: Int) -> Int {
        func read(_ name: String) -> Int {
            guard let value = environment(name) else { return 0 }
            return max(0, Int(atoi(value)))
        }
        var asked = maximum
        for name in variables {
            let value = read(name)
            if value > 0 { asked = value; break }
        }
        return max(1, min(asked, processors, maximum))
    }
}

/// The orders of the two dgemv products with real factors in a hidden layer's step (in C, see
/// Sources/CNumPyMath/BLASOrders.c), as OpenBLAS cuts them for `threads` threads. The loops are
/// generic over it, so each kernel set gets its own loop.
protocol SumOrder {
    /// The C functions' switch between the two sets' dgemv_n (their dgemv_t is the same code).
    static var skylakeX: Int32 { get }
}

extension SumOrder {
    /// out[row] = (A·w)[row] for a row-major (rows × k) matrix A: dgemv_t.
    @inline(__always)
    static func gemvT(_ a: UnsafePointer<Double>, _ w: UnsafePointer<Double>, rows: Int, k: Int,
                      _ out: UnsafeMutablePointer<Double>, threads: Int) {
        cnumpymath_gemv_t(a, w, rows, k, out, threads)
    }

    /// out[column] = (Aᵀ·d)[column] for a row-major (m × k) matrix A: dgemv_n, or ddot for one column.
    @inline(__always)
    static func gemvN(_ a: UnsafePointer<Double>, m: Int, k: Int, _ d: UnsafePointer<Double>,
                      _ out: UnsafeMutablePointer<Double>, threads: Int) {
        cnumpymath_gemv_n(skylakeX, a, m, k, d, out, threads)
    }
}

/// OpenBLAS's AVX2 "Haswell" kernels.
enum HaswellOrder: SumOrder {
    static var skylakeX: Int32 { 0 }
}

/// OpenBLAS's AVX-512 "SkylakeX" kernels: Haswell's dgemv_t, its own dgemv_n.
enum SkylakeXOrder: SumOrder {
    static var skylakeX: Int32 { 1 }
}
