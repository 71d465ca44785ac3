import CNumPyMath

/// `exp` and `log` exactly as NumPy computes them for float64 arrays on an x86-64 CPU with
/// AVX-512 (Skylake-X or later, AMD Zen 4 or later).
///
/// On such CPUs NumPy 2.x hands every float64 array to `__svml_exp8_ha` / `__svml_log8_ha`, the
/// AVX-512 kernels of Intel's Short Vector Math Library that NumPy vendors (github.com/numpy/SVML,
/// BSD-3-Clause, Copyright Intel Corporation), not to the C library. These functions are scalar,
/// bit-for-bit ports of those kernels (checked against NumPy 2.4.6 on millions of inputs, see
/// scripts/numpy_math/), with the same results on every machine. On CPUs without AVX-512 (and on
/// non-x86 machines) NumPy calls the C library's `exp`/`log` instead.
///
/// The kernels are written in C, in Sources/CNumPyMath/CNumPyMath.c (algorithm, tables and
/// credits are there), so that one body is compiled both with FMA instructions and for baseline
/// x86-64, the variant picked once at load time: without FMA in the compiler's target, every
/// fused multiply-add would be a call to the C library's `fma`, several times slower.
public enum NumPyMath {
    /// `np.exp(x)` for float64 arrays on AVX-512 machines (SVML `__svml_exp8_ha`).
    @inline(__always)
    public static func exp(_ x: Double) -> Double { cnumpymath_exp(x) }

    /// `np.log(x)` for float64 arrays on AVX-512 machines (SVML `__svml_log8_ha`).
    @inline(__always)
    public static func log(_ x: Double) -> Double { cnumpymath_log(x) }

    /// `exp` as CPUs without FMA compute it (every fused multiply-add a call to the C library's
    /// `fma`), whatever this CPU has: for the tests, which check both variants.
    static func baselineExp(_ x: Double) -> Double { cnumpymath_exp_baseline(x) }

    /// `log` as CPUs without FMA compute it, for the tests.
    static func baselineLog(_ x: Double) -> Double { cnumpymath_log_baseline(x) }
}
