#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `exp` and `log` exactly as NumPy computes them for float64 arrays.
/// (Placeholder: libm. To be replaced by a bit-exact port of NumPy's AVX-512 path.)
public enum NumPyMath {
    @inline(__always)
    public static func exp(_ x: Double) -> Double { Glibc.exp(x) }

    @inline(__always)
    public static func log(_ x: Double) -> Double { Glibc.log(x) }
}
