#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `exp` and `log` the engine computes with. NumPy's own choice depends on the CPU it runs
/// on, so its last digits do too; the engine can reproduce either.
public enum Arithmetic: String, Sendable, CaseIterable {
    /// The port of Intel SVML's AVX-512 kernels: what NumPy uses on x86-64 with AVX-512.
    /// The same digits on every machine.
    case svml
    /// The C library's `exp` and `log`: what NumPy uses everywhere else.
    case libm
}

/// `exp` and `log` as one kernel. The training loops are generic over it, so a run picks its
/// kernel once (when a batch of steps starts) and the compiler specialises the loop for it: no
/// branch per value.
public protocol ExpLogKernel {
    static func exp(_ x: Double) -> Double
    static func log(_ x: Double) -> Double
}

/// NumPy's AVX-512 exp/log (see `NumPyMath`).
public enum SVMLKernel: ExpLogKernel {
    @inline(__always) public static func exp(_ x: Double) -> Double { NumPyMath.exp(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { NumPyMath.log(x) }
}

/// The C library's exp/log, called once per element as NumPy's non-AVX-512 loops call them.
public enum LibmKernel: ExpLogKernel {
    @inline(__always) public static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }
    @inline(__always) public static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }
}
