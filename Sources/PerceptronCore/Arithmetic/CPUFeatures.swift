import CNumPyMath
#if canImport(Glibc)
import Glibc
#endif

/// The x86 features that decide which `exp`/`log` NumPy runs on float64 arrays, decoded from the
/// CPUID and XCR0 words the way NumPy decodes them at import time (npy_cpu_features.c): a chain in
/// which each step needs the one before, the operating system's XSAVE support included (a CPU
/// can have AVX-512 while the kernel does not save its registers, and then NumPy does not use it).
///
/// A value type built from raw words, so the decision can be tested for any CPU; `current` reads
/// this machine's.
public struct X86Features: Sendable, Equatable {
    /// CPUID.1:ECX bit 27: the OS has enabled XSAVE, so XGETBV may be asked for XCR0.
    public var osxsave: Bool
    /// XCR0 (0 without OSXSAVE): which register states the OS saves on a context switch.
    public var xcr0: UInt64
    /// CPUID.1:ECX bit 28.
    public var avxBit: Bool
    /// CPUID.1:ECX bit 12.
    public var fmaBit: Bool
    /// CPUID.80000001h:ECX bit 16 (AMD's FMA4, which glibc has a variant for).
    public var fma4Bit: Bool
    /// CPUID.7.0:EBX bits 5, 16, 28, 30, 17 and 31.
    public var avx2Bit: Bool
    public var avx512fBit: Bool
    public var avx512cdBit: Bool
    public var avx512bwBit: Bool
    public var avx512dqBit: Bool
    public var avx512vlBit: Bool

    public init(osxsave: Bool, xcr0: UInt64, avxBit: Bool, fmaBit: Bool, fma4Bit: Bool = false, avx2Bit: Bool,
                avx512fBit: Bool, avx512cdBit: Bool, avx512bwBit: Bool, avx512dqBit: Bool, avx512vlBit: Bool) {
        self.osxsave = osxsave
        self.xcr0 = osxsave ? xcr0 : 0
        self.avxBit = avxBit
        self.fmaBit = fmaBit
        self.fma4Bit = fma4Bit
        self.avx2Bit = avx2Bit
        self.avx512fBit = avx512fBit
        self.avx512cdBit = avx512cdBit
        self.avx512bwBit = avx512bwBit
        self.avx512dqBit = avx512dqBit
        self.avx512vlBit = avx512vlBit
    }

    /// Decodes the raw words (bit positions as in the Intel and AMD manuals, and NumPy's check).
    public init(leaf1ECX: UInt32, leaf7EBX: UInt32, extendedLeaf1ECX: UInt32, xcr0: UInt64) {
        func bit(_ word: UInt32, _ n: Int) -> Bool { word & (1 << n) != 0 }
        self.init(osxsave: bit(leaf1ECX, 27), xcr0: xcr0, avxBit: bit(leaf1ECX, 28), fmaBit: bit(leaf1ECX, 12),
                  fma4Bit: bit(extendedLeaf1ECX, 16), avx2Bit: bit(leaf7EBX, 5),
                  avx512fBit: bit(leaf7EBX, 16), avx512cdBit: bit(leaf7EBX, 28), avx512bwBit: bit(leaf7EBX, 30),
                  avx512dqBit: bit(leaf7EBX, 17), avx512vlBit: bit(leaf7EBX, 31))
    }

    /// This machine's features; nil when this is not an x86-64 build.
    public static let current: X86Features? = {
        var words = cnumpymath_cpu_words()
        cnumpymath_read_cpu_words(&words)
        guard words.available != 0 else { return nil }
        return X86Features(leaf1ECX: words.leaf1_ecx, leaf7EBX: words.leaf7_ebx,
                           extendedLeaf1ECX: words.ext1_ecx, xcr0: words.xcr0)
    }()

    /// XCR0 bits 1 and 2 (SSE and AVX state).
    public var osSavesAVXState: Bool { osxsave && xcr0 & 0x6 == 0x6 }
    /// XCR0 bits 5, 6 and 7 (opmask, upper halves of ZMM0–15, ZMM16–31) on top of 1 and 2.
    public var osSavesAVX512State: Bool { osxsave && xcr0 & 0xe6 == 0xe6 }

    /// The features as NumPy reports them in `__cpu_features__`: each only when everything before
    /// it in NumPy's chain holds (AVX needs the OS's AVX state; AVX2 needs FMA3; AVX-512 needs AVX2
    /// and the OS's AVX-512 state; CD, BW, DQ and VL are only looked at when F and CD are there).
    public var avx: Bool { osSavesAVXState && avxBit }
    public var fma3: Bool { avx && fmaBit }
    public var avx2: Bool { fma3 && avx2Bit }
    private var avx512Usable: Bool { avx2 && osSavesAVX512State }
    public var avx512f: Bool { avx512Usable && avx512fBit }
    public var avx512cd: Bool { avx512Usable && avx512cdBit }
    private var avx512Family: Bool { avx512f && avx512cd }
    public var avx512bw: Bool { avx512Family && avx512bwBit }
    public var avx512dq: Bool { avx512Family && avx512dqBit }
    public var avx512vl: Bool { avx512Family && avx512vlBit }

    /// NumPy's X86_V4 (its AVX512_SKX): AVX512F, CD, BW, DQ and VL, usable. With it NumPy's float64
    /// exp/log are Intel SVML's AVX-512 kernels (on Linux x86-64).
    public var hasX86V4: Bool { avx512f && avx512cd && avx512bw && avx512dq && avx512vl }

    /// What keeps X86_V4 away, in NumPy's order, for `perceptron doctor`; empty when it is there.
    public var missingForX86V4: [String] {
        if !osxsave { return ["OSXSAVE (the OS does not enable XSAVE)"] }
        if !osSavesAVXState { return ["OS support for AVX state (XCR0 bits 1, 2)"] }
        var missing: [String] = []
        if !avxBit { missing.append("AVX") }
        if !fmaBit { missing.append("FMA3") }
        if !avx2Bit { missing.append("AVX2") }
        let bits = [("AVX512F", avx512fBit), ("AVX512CD", avx512cdBit), ("AVX512BW", avx512bwBit),
                    ("AVX512DQ", avx512dqBit), ("AVX512VL", avx512vlBit)]
        missing += bits.filter { !$0.1 }.map(\.0)
        if missing.isEmpty && !osSavesAVX512State { missing.append("OS support for AVX-512 state (XCR0 bits 5, 6, 7)") }
        return missing
    }

    /// The names NumPy would list as found, among the ones that matter here.
    public var foundNames: [String] {
        [("AVX", avx), ("FMA3", fma3), ("AVX2", avx2), ("AVX512F", avx512f), ("AVX512CD", avx512cd),
         ("AVX512BW", avx512bw), ("AVX512DQ", avx512dq), ("AVX512VL", avx512vl)].filter(\.1).map(\.0)
    }

    /// The variant of `exp`/`log` glibc's x86-64 resolver picks on this CPU
    /// (sysdeps/x86_64/fpu/multiarch/ifunc-avx-fma4.h): FMA and AVX2 usable, else FMA4, else SSE2.
    public var glibcVariant: GlibcMathVariant {
        if fma3 && avx2Bit { return .fma }
        if avx && fma4Bit { return .fma4 }
        return .sse2
    }
}

/// glibc's builds of `exp` and `log` on x86-64. They differ in the last bit for a few inputs in
/// ten thousand, so the C library's digits depend on which one the CPU gets.
public enum GlibcMathVariant: String, Sendable, CaseIterable {
    case fma, fma4, sse2

    /// The symbol glibc resolves `exp` to.
    public var expSymbol: String { "__exp_\(rawValue)" }
}

/// Where the engine runs, as far as NumPy's choice of exp/log is concerned.
public struct MachineKind: Sendable, Equatable {
    /// Linux on x86-64: the only place NumPy links SVML (NumPy's build enables it nowhere else).
    public var isLinuxX86_64: Bool
    /// The x86 features; nil on other architectures.
    public var x86: X86Features?

    public init(isLinuxX86_64: Bool, x86: X86Features?) {
        self.isLinuxX86_64 = isLinuxX86_64
        self.x86 = x86
    }

    /// This machine.
    public static var current: MachineKind {
        #if os(Linux) && arch(x86_64)
        MachineKind(isLinuxX86_64: true, x86: X86Features.current)
        #else
        MachineKind(isLinuxX86_64: false, x86: X86Features.current)
        #endif
    }

    /// The exp/log NumPy 2.x uses for float64 arrays on this kind of machine: SVML exactly on
    /// Linux x86-64 with X86_V4, the C library's everywhere else.
    public var numpyArithmetic: Arithmetic {
        isLinuxX86_64 && (x86?.hasX86V4 ?? false) ? .svml : .libm
    }

    /// A few words saying why `numpyArithmetic` is what it is.
    public var numpyArithmeticReason: String {
        guard isLinuxX86_64 else { return "not Linux on x86-64, where NumPy uses the C library's exp/log" }
        guard let x86 = x86 else { return "CPUID gave nothing, so NumPy uses the C library's exp/log" }
        if x86.hasX86V4 { return "NumPy's X86_V4 is here (AVX512F CD BW DQ VL, OS support), so it uses SVML" }
        return "no X86_V4 (missing " + x86.missingForX86V4.joined(separator: ", ") + "), so NumPy uses the C library"
    }
}

/// The C library `--math libm` calls, whose digits NumPy prints where it does not use SVML.
public enum CLibrary {
    /// "glibc 2.36"; nil when the C library is not glibc.
    public static let glibcVersion: String? = {
        #if canImport(Glibc)
        var text = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }()

    /// glibc's (major, minor), e.g. (2, 36); nil when not glibc.
    public static var glibcRelease: (major: Int, minor: Int)? {
        guard let version = glibcVersion?.split(separator: " ").last else { return nil }
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return parts.count >= 2 ? (parts[0], parts[1]) : nil
    }
}

extension Arithmetic {
    /// What NumPy uses on this machine, detected once per run.
    public static let numpyChoiceHere: Arithmetic = MachineKind.current.numpyArithmetic
}
