import Foundation
import TestSupport
import XCTest
@testable import PerceptronCore

/// `--math auto`'s decision: NumPy's float64 exp/log are SVML exactly on Linux x86-64 with X86_V4
/// (AVX512F, CD, BW, DQ, VL, on top of AVX2/FMA3/AVX, with the OS saving the AVX and AVX-512
/// register state). Bit positions and the chain of checks are NumPy's (npy_cpu_features.c) and the
/// Intel SDM's (CPUID leaf 1 ECX, leaf 7 EBX, XCR0).
final class CPUFeaturesTests: XCTestCase {
    /// Every bit NumPy's X86_V4 needs, as set in the raw words.
    private let leaf1: UInt32 = 1 << 12 | 1 << 27 | 1 << 28          // FMA, OSXSAVE, AVX
    private let leaf7: UInt32 = 1 << 5 | 1 << 16 | 1 << 17 | 1 << 28 | 1 << 30 | 1 << 31  // AVX2, F, DQ, CD, BW, VL
    private let xcr0: UInt64 = 0xe7                                   // x87, SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM

    private func features(leaf1: UInt32? = nil, leaf7: UInt32? = nil, xcr0: UInt64? = nil) -> X86Features {
        X86Features(leaf1ECX: leaf1 ?? self.leaf1, leaf7EBX: leaf7 ?? self.leaf7, extendedLeaf1ECX: 0,
                    xcr0: xcr0 ?? self.xcr0)
    }

    private func choice(_ f: X86Features, linux: Bool = true) -> Arithmetic {
        MachineKind(isLinuxX86_64: linux, x86: f).numpyArithmetic
    }

    func testAllFiveWithOSSupportIsSVML() {
        let f = features()
        XCTAssertTrue(f.hasX86V4)
        XCTAssertEqual(f.missingForX86V4, [])
        XCTAssertEqual(choice(f), .svml)
    }

    func testAnyOneOfTheFiveMissingIsLibm() {
        let bits: [(String, Int)] = [("AVX512F", 16), ("AVX512DQ", 17), ("AVX512CD", 28), ("AVX512BW", 30), ("AVX512VL", 31)]
        for (name, bit) in bits {
            let f = features(leaf7: leaf7 & ~(1 << bit))
            XCTAssertFalse(f.hasX86V4, name)
            XCTAssertEqual(choice(f), .libm, name)
            XCTAssertEqual(f.missingForX86V4, [name])
        }
    }

    func testWithoutTheOSSavingTheStateIsLibm() {
        // XCR0 bits 5, 6, 7 (opmask and ZMM state), each missing.
        for bit in [5, 6, 7] {
            let f = features(xcr0: xcr0 & ~(1 << UInt64(bit)))
            XCTAssertEqual(choice(f), .libm, "XCR0 bit \(bit)")
            XCTAssertTrue(f.avx2, "AVX2 stays usable without the AVX-512 state")
            XCTAssertFalse(f.avx512f)
        }
        // No AVX state (XCR0 bits 1, 2): nothing from AVX up.
        for bit in [1, 2] {
            let f = features(xcr0: xcr0 & ~(1 << UInt64(bit)))
            XCTAssertEqual(choice(f), .libm, "XCR0 bit \(bit)")
            XCTAssertFalse(f.avx)
        }
        // Without OSXSAVE XGETBV may not be executed: XCR0 counts as 0 whatever was passed.
        let noXSAVE = features(leaf1: leaf1 & ~(1 << 27))
        XCTAssertEqual(noXSAVE.xcr0, 0)
        XCTAssertEqual(choice(noXSAVE), .libm)
        XCTAssertEqual(noXSAVE.foundNames, [])
    }

    /// NumPy looks at AVX-512 only after AVX, FMA3 and AVX2 (X86_V4 includes X86_V3).
    func testTheEarlierStepsOfNumPysChainAreNeeded() {
        for (name, word, bit) in [("AVX", 1, 28), ("FMA3", 1, 12), ("AVX2", 7, 5)] {
            let f = word == 1 ? features(leaf1: leaf1 & ~(1 << UInt32(bit))) : features(leaf7: leaf7 & ~(1 << UInt32(bit)))
            XCTAssertEqual(choice(f), .libm, name)
            XCTAssertTrue(f.missingForX86V4.contains(name), "\(name): \(f.missingForX86V4)")
        }
    }

    func testOnlyLinuxOnX86_64UsesSVML() {
        XCTAssertEqual(choice(features(), linux: false), .libm)
        XCTAssertEqual(MachineKind(isLinuxX86_64: false, x86: nil).numpyArithmetic, .libm)
        XCTAssertEqual(MachineKind(isLinuxX86_64: true, x86: nil).numpyArithmetic, .libm)
    }

    /// glibc's resolver (sysdeps/x86_64/fpu/multiarch/ifunc-avx-fma4.h): FMA and AVX2 usable → the
    /// FMA build; else FMA4 → the FMA4 build; else SSE2.
    func testGlibcVariant() {
        XCTAssertEqual(features().glibcVariant, .fma)
        XCTAssertEqual(features(leaf7: 0).glibcVariant, .sse2)  // FMA without AVX2 (AMD Piledriver-like)
        let fma4 = X86Features(leaf1ECX: 1 << 27 | 1 << 28, leaf7EBX: 0, extendedLeaf1ECX: 1 << 16, xcr0: 0x7)
        XCTAssertEqual(fma4.glibcVariant, .fma4)
        XCTAssertEqual(features(xcr0: 0x3).glibcVariant, .sse2)  // the OS does not save AVX state
        XCTAssertEqual(GlibcMathVariant.fma.expSymbol, "__exp_fma")
    }

    /// This machine: what auto picks agrees with what NumPy itself reports, when NumPy is here.
    func testAutoAgreesWithNumPyOnThisMachine() throws {
        let script = """
            import platform, sys
            from numpy._core._multiarray_umath import __cpu_features__ as f
            names = ["AVX", "FMA3", "AVX2", "AVX512F", "AVX512CD", "AVX512BW", "AVX512DQ", "AVX512VL", "X86_V4"]
            print(" ".join(n for n in names if f.get(n)))
            print(sys.platform, platform.machine())
            """
        let environment = ProcessRunner.environment(removing: ["NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES"])
        let result: ProcessResult
        do {
            result = try ProcessRunner.run("python3", ["-c", script], environment: environment)
        } catch {
            throw XCTSkip("python3 is not installed: cannot ask NumPy which features it found")
        }
        guard result.status == 0 else { throw XCTSkip("python3 has no NumPy 2.x here: \(result.stderr.suffix(200))") }
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let numpyFound = Set(lines[0].split(separator: " ").map(String.init))
        let machine = MachineKind.current
        let ours = Set(machine.x86?.foundNames ?? []).union(machine.x86?.hasX86V4 == true ? ["X86_V4"] : [])
        XCTAssertEqual(ours, numpyFound, "features: ours \(ours.sorted()), NumPy's \(numpyFound.sorted())")
        let numpyUsesSVML = numpyFound.contains("X86_V4") && lines[1] == "linux x86_64"
        XCTAssertEqual(Arithmetic.numpyChoiceHere, numpyUsesSVML ? .svml : .libm, machine.numpyArithmeticReason)
    }

    func testGlibcVersionIsReadWhereGlibcIs() {
        #if canImport(Glibc)
        XCTAssertNotNil(CLibrary.glibcRelease, CLibrary.glibcVersion ?? "no version")
        XCTAssertEqual(CLibrary.glibcRelease?.major, 2)
        #endif
    }
}
