/// `exp` and `log` exactly as NumPy computes them for float64 arrays on an x86-64 CPU with
/// AVX-512 (Intel Skylake-X and later, AMD Zen 4 and later).
///
/// On such CPUs NumPy 2.x does not call the C library for `np.exp`/`np.log` on float64 data:
/// `DOUBLE_exp`/`DOUBLE_log` (numpy/_core/src/umath/loops_exponent_log.dispatch.c.src) hand
/// every array to `__svml_exp8_ha` / `__svml_log8_ha`, the AVX-512 "high accuracy" kernels of
/// Intel's Short Vector Math Library, which NumPy vendors (github.com/numpy/SVML, BSD-3-Clause,
/// Copyright Intel Corporation). This file re-implements those two kernels for one lane, written
/// from their algorithm: the same range reduction, tables and polynomial coefficients, and the
/// same operations in the same order, rounded the same way. The numeric constants were read out
/// of NumPy's binary (scripts/numpy_math/dump_svml_constants.py); the results were checked bit
/// for bit against NumPy 2.4.6 on about 90 million inputs (scripts/numpy_math/).
///
/// On CPUs without AVX-512 (and on non-x86 machines) NumPy calls the C library's `exp`/`log`
/// instead, so there `Glibc.exp`/`Glibc.log` are what reproduce NumPy.
///
/// Two implementations of each kernel live here, giving identical bits:
/// - `expKernel`/`logKernel` follow the kernel literally, every fused multiply-add (vfmadd…) as
///   `c.addingProduct(a, b)` (= RN(a·b + c)). Unless the compiler may assume an FMA unit (Swift's
///   default x86-64 target may not), each of those is a call to the C library's `fma` (correctly
///   rounded on every machine, but with spills around it): ~30 ns per call.
/// - `exp`/`log` (the default) compute the fused steps with plain operations and prove, with exact
///   error terms (Fast2Sum, TwoSum, Sterbenz's lemma) and error bounds, that each result equals
///   the fused one; where a proof fails (near a rounding boundary: ~3% of exp calls, ~1% of log
///   calls) they return the literal kernel's value. ~20 ns per call, latency.
/// Built for a CPU with FMA, the literal kernel is the faster one (~13 ns): pass
/// `-Xswiftc -target-cpu -Xswiftc haswell -Xswiftc -DNUMPYMATH_HARDWARE_FMA` (or another target
/// with FMA) to use it directly.
public enum NumPyMath {
    // MARK: exp

    /// `np.exp(x)` for float64 arrays on AVX-512 machines (SVML `__svml_exp8_ha`).
    @inlinable
    public static func exp(_ x: Double) -> Double {
        #if NUMPYMATH_HARDWARE_FMA
        return expKernel(x)
        #else
        // |x| ≥ 707.70…, ±∞, NaN: the kernel's scalar paths.
        guard x.magnitude < 0x1.61da04cbafe44p+9 else { return expRare(x) }
        // N = RZ(x·log2(e)) to a multiple of 1/16. (q − 1/32) + 1.5·2^48 rounds at ulp 1/16, so n
        // is ⌊q⌋ to a multiple of 1/16 whenever q − n lands strictly inside (0, 1/16); then it is
        // also ⌊exact product⌋ (q is not itself a multiple of 1/16). Otherwise: the literal kernel.
        let q = x * 0x1.71547652b82fep+0
        let t = (q - 0.03125) + 0x1.8p+48
        let n = t - 0x1.8p+48
        let k = Int64(bitPattern: t.bitPattern &- 0x42f8_0000_0000_0000)  // 16·N
        let frac = q - n  // exact, in (0, 1/16) unless q was a tie
        var ok = frac > 0 && frac < 0.0625
        // R = RN(x − N·ln2_hi), exactly: ln2_hi = A + B with A 38 bits (rounded up), so N·A and
        // N·B are exact (N has ≤ 14 significant bits) and x − N·A is exact by Sterbenz's lemma,
        // except for k = −1, −2, where N is a power of two and N·ln2_hi itself is exact.
        let powerOfTwo = UInt64(bitPattern: k &+ 2) < 2
        let ln2A = powerOfTwo ? 0x1.62e42fefa39efp-1 : 0x1.62e42fefa8000p-1
        let ln2B = powerOfTwo ? 0.0 : -0x1.1844p-39
        let r1 = (x - n * ln2A) - n * ln2B
        // R = RN(R1 − N·ln2_lo) = RN(r + er − qe): q1 + qe = N·ln2_lo exactly (ln2_lo split the
        // same way), r + er = R1 − q1 exactly (TwoSum).
        let q1 = n * 0x1.abc9e3b39803fp-56
        let qe = (n * 0x1.abc9e3b398000p-56 - q1) + n * 0x1.f8p-103
        let r = r1 - q1
        ok = ok && twoSumError(r1, -q1, r).magnitude + qe.magnitude < halfGap(r)
        // exp(R) − 1 ≈ R·(c1 + c2·R + R²·(c3 + c4·R + R²·(c5 + c6·R))), fused as the kernel does.
        // |R| < 0.0434, which fixes the binade of each intermediate (the `h` arguments). a, b and
        // ab are left unfused: each can be off the kernel's value by an ulp or two, an error that
        // only reaches the result through R²·ab and is part of the bound proving abc.
        let r2 = r * r
        let a = 0x1.1101cbbc265c0p-7 + r * 0x1.7411836940c04p-10  // c5 + c6·R, ±2⁻⁵⁹
        let b = 0x1.5555553939732p-3 + r * 0x1.55557242d68fep-5  // c3 + c4·R, ±2⁻⁵⁵
        let (c, okC) = fmaSmall(0x1.fffffffffff70p-1, r, 0x1.000000000d008p-1, h: 0x1p-54, above: 1)
        let ab = b + r2 * a  // ±2⁻⁵⁴, so ±R²·2⁻⁵⁴ ≤ |R²·ab|·2⁻⁵¹·⁴ in abc
        let (abc, okABC) = fmaSmall(c, r2, ab, h: 0x1p-54, above: 1, productError: 0x1p-50)
        let j = Int(truncatingIfNeeded: k & 15) &* 8  // 2^(j/16) = entry 4j of the 2^(i/64) table
        let (th, tl) = expTable.withUnsafeBufferPointer { ($0[j], $0[j &+ 1]) }
        // p = RN(T_lo + abc·R) with abc = 1 + f (f exact): T_lo + R + f·R, of which only the small
        // f·R is rounded before the final sum (a shorter dependency chain than Dekker's product).
        let f = abc - 1
        let u = f * r
        let w = tl + u
        let p = r + w
        let okP = twoSumError(r, w, p).magnitude + (u.magnitude + w.magnitude) * 0x1p-52 < halfGap(p)
        let (y, okY) = fmaSmall(th, th, p, h: 0x1p-54, above: 1)
        guard ok && okC && okABC && okP && okY else { return expKernelOutlined(x) }
        // vscalefpd: y·2^⌊N⌋, here a normal number, so the product is exact.
        return y * Double(bitPattern: UInt64(bitPattern: (k >> 4) &+ 1023) << 52)
        #endif
    }

    @usableFromInline @inline(never)
    static func expKernelOutlined(_ x: Double) -> Double { expKernel(x) }

    /// `__svml_exp8_ha` for one lane, literally: every fused multiply-add is `addingProduct`.
    ///
    /// Main path (|x| < 707.70…): N = x·log2(e) rounded *toward zero* to a multiple of 1/16 (the
    /// kernel adds the shifter 1.5·2^48 + 1023 under `{rz-sae}`), R = x − N·ln2 in two fused
    /// steps, exp(x) = 2^⌊N⌋ · T·(1 + p(R)) with T = 2^frac(N) from a 16-entry hi/lo table and p a
    /// degree-6 polynomial.
    @inlinable
    static func expKernel(_ x: Double) -> Double {
        guard x.magnitude < 0x1.61da04cbafe44p+9 else { return expRare(x) }
        let shifter = 0x1.8000000003ff0p+48, l2e = 0x1.71547652b82fep+0
        // Z = RZ(x·log2(e) + shifter): RN, then one ulp down if RN rounded up.
        let zRN = shifter.addingProduct(x, l2e)
        var n = zRN - shifter
        var k = Int64(bitPattern: zRN.bitPattern &- shifter.bitPattern)  // 16·N
        if (-n).addingProduct(x, l2e) < 0 {
            n -= 0.0625
            k -= 1
        }
        var r = x.addingProduct(-n, 0x1.62e42fefa39efp-1)  // vfnmadd213pd: x − N·ln2_hi
        r = r.addingProduct(-0x1.abc9e3b39803fp-56, n)  // vfnmadd231pd: R − N·ln2_lo
        // (The kernel then clears bit 62 of R; |R| < 1/16 here, so that is the identity.)
        let r2 = r * r
        var a = 0x1.1101cbbc265c0p-7.addingProduct(r, 0x1.7411836940c04p-10)  // c5 + c6·R
        let b = 0x1.5555553939732p-3.addingProduct(r, 0x1.55557242d68fep-5)  // c3 + c4·R
        let c = 0x1.fffffffffff70p-1.addingProduct(r, 0x1.000000000d008p-1)  // c1 + c2·R
        a = b.addingProduct(r2, a)
        a = c.addingProduct(r2, a)
        let j = Int(truncatingIfNeeded: k & 15) &* 8
        let (th, tl) = expTable.withUnsafeBufferPointer { ($0[j], $0[j &+ 1]) }
        let p = tl.addingProduct(a, r)
        let y = th.addingProduct(th, p)
        return y * Double(bitPattern: UInt64(bitPattern: (k >> 4) &+ 1023) << 52)  // vscalefpd
    }

    /// The kernel's scalar routine (`__svml_dexp_ha_cout_rare_internal`), which it calls for the
    /// lanes with |x| ≥ 707.70… (NaN, which compares false, stays on the vector path and comes out
    /// as the quieted input): a 64-entry table, plain (unfused) arithmetic, and careful scaling
    /// into the subnormal range.
    @usableFromInline @inline(never)
    static func expRare(_ x: Double) -> Double {
        if x.isNaN { return Double(bitPattern: x.bitPattern | 0x0008_0000_0000_0000) }
        if x.isInfinite { return x > 0 ? x : 0 }
        if x > 0x1.62e42fefa39efp+9 { return .infinity }  // the kernel: 0x1.fffffffffffffp+1023²
        if x < -0x1.74910d52d3051p+9 { return 0 }  // the kernel: 0x1.0000000000001p-1022²
        let shifter = 0x1.8p+52
        let z = x * 0x1.71547652b82fep+6 + shifter  // x·64/ln2, rounded to an integer
        let k = Int32(truncatingIfNeeded: z.bitPattern)
        let kd = z - shifter
        var r = x - kd * 0x1.62e42fefa0000p-7
        r = r - kd * 0x1.cf79abc9e3b3ap-46
        var p = 0x1.6c16a1c2a3ffdp-10 * r + 0x1.111123aaf20d3p-7
        p = p * r + 0x1.5555555558fccp-5
        p = p * r + 0x1.55555555548f8p-3
        p = p * r + 0x1p-1
        p = p * r * r + r
        let i = Int(k & 63) &* 2
        let (th, tl) = expTable.withUnsafeBufferPointer { ($0[i], $0[i &+ 1]) }
        p = (p + tl) * th
        let m = Int(k >> 6)  // ⌊k/64⌋
        if x >= -0x1.6232bdd7abcd2p+9 {
            let s = p + th
            if m == 1024 {  // the result's exponent would be 1024: scale in two steps
                return s * Double(bitPattern: UInt64(1023 + 1023) << 52) * 2
            }
            return s * Double(bitPattern: UInt64(m + 1023) << 52)
        }
        // Subnormal results: compute at 2^60 times the size, then scale down.
        let e = (m + 1083) & 0x7ff
        let scale = Double(bitPattern: UInt64(e) << 52)
        let lo = p * scale
        let hi = scale * th
        let s = hi + lo
        if e <= 50 { return s * 0x1p-60 }
        // Round the sum to the precision the subnormal result keeps, then scale both parts.
        let err = (hi - s) + lo
        let t = s * 0x1.8p+32
        let u = (s + t) - t
        let v = err + (s - u)
        return u * 0x1p-60 + v * 0x1p-60
    }

    // MARK: log

    /// `np.log(x)` for float64 arrays on AVX-512 machines (SVML `__svml_log8_ha`).
    @inlinable
    public static func log(_ x: Double) -> Double {
        #if NUMPYMATH_HARDWARE_FMA
        return logKernel(x)
        #else
        // vfpclasspd 0xdf: NaN, ±0, ±∞ and negatives go to the kernel's scalar routine.
        guard x.bitPattern &- 1 < 0x7fef_ffff_ffff_ffff else { return logSpecial(x) }
        let (e, m, kRc, j) = logReduce(x)
        let t = logT(m, kRc)
        // log1p(T) polynomial, fused as the kernel does. |T| < 0.0304. p7, p1, p71 and p9 are
        // left unfused: their errors of an ulp or two reach the result only through T⁴·p71 and
        // T²·p9, and are part of the bounds proving p89 and poly.
        let t2 = t * t
        let p7 = -0x1.55553fb28db06p-3 + t * 0x1.249229cee81efp-3  // ±2⁻⁵⁵
        let p1 = -0x1.007357e93af62p-3 + t * 0x1.c81cd309d7c70p-4  // ±2⁻⁵⁵
        let p9 = -0x1.00000000c05bdp-2 + t * 0x1.9999999cc9f5cp-3  // ±2⁻⁵⁴
        let p71 = p7 + t2 * p1  // ±2⁻⁵⁴
        let t4 = t2 * t2
        let (p8, ok8) = fmaSmall(-0x1.fffffffffffc6p-2, t, 0x1.5555555555466p-2, h: 0x1p-55, above: 0.5)
        let ed = Double(e)
        let (th, tl) = logTable.withUnsafeBufferPointer { ($0[2 &* j], $0[2 &* j &+ 1]) }
        let (p89, ok89) = fmaSmall(p8, t2, p9, h: 0x1p-55, above: 0.5, productError: 0x1p-51)
        let hi = ed * 0x1.62e42fefa0000p-1 + th  // E·ln2_hi is exact, so the kernel's fma is this
        let (poly, okP) = fmaSmall(p89, t4, p71, h: 0x1p-55, above: 0.5, productError: 0x1p-50)
        let s = hi + t
        let lo = t - (s - hi)
        // low = RN(lo + T²·poly) with poly = −½ + g (g exact): −T²/2 + (lo + T²·g), of which only the
        // small T²·g and its sum with lo are rounded before the final sum.
        let g = poly + 0.5
        let u = t2 * g
        let w = lo + u
        let half = t2 * -0.5
        let low = half + w
        let boundL = twoSumError(half, w, low).magnitude + (u.magnitude + w.magnitude) * 0x1p-52
        let okL = boundL < halfGap(low) || boundL == 0  // (0: exact, e.g. T = 0 for x = 2^E)
        guard ok8 && ok89 && okP && okL else { return logKernelOutlined(x) }
        let lo2 = ed * 0x1.cf79abc9e0000p-40 + tl  // E·ln2_lo is exact too
        return s + (low + lo2)
        #endif
    }

    @usableFromInline @inline(never)
    static func logKernelOutlined(_ x: Double) -> Double { logKernel(x) }

    /// `__svml_log8_ha` for one lane, literally: every fused multiply-add is `addingProduct`.
    ///
    /// x = 2^E·m with m ∈ [1, 2) (vgetexppd/vgetmantpd); Rc ≈ 1/m is `vrcp14pd(m)` rounded to a
    /// multiple of 1/32 (vrndscalepd); T = Rc·m − 1 (exact); log(x) = E·ln2 − log(Rc) + log1p(T)
    /// with −log(Rc) from a 16-entry hi/lo table and log1p(T) a degree-9 polynomial, summed with
    /// the kernel's error compensation.
    @inlinable
    static func logKernel(_ x: Double) -> Double {
        guard x.bitPattern &- 1 < 0x7fef_ffff_ffff_ffff else { return logSpecial(x) }
        let (e, m, kRc, j) = logReduce(x)
        let t = (-1.0).addingProduct(Double(kRc) * 0.03125, m)  // vfmsub213pd: Rc·m − 1
        let t2 = t * t
        let p7 = (-0x1.55553fb28db06p-3).addingProduct(t, 0x1.249229cee81efp-3)
        var p1 = (-0x1.007357e93af62p-3).addingProduct(t, 0x1.c81cd309d7c70p-4)
        var p9 = (-0x1.00000000c05bdp-2).addingProduct(t, 0x1.9999999cc9f5cp-3)
        p1 = p7.addingProduct(t2, p1)
        let t4 = t2 * t2
        let p8 = (-0x1.fffffffffffc6p-2).addingProduct(t, 0x1.5555555555466p-2)
        let ed = Double(e)
        let (th, tl) = logTable.withUnsafeBufferPointer { ($0[2 &* j], $0[2 &* j &+ 1]) }
        p9 = p8.addingProduct(t2, p9)
        let hi = th.addingProduct(ed, 0x1.62e42fefa0000p-1)  // E·ln2_hi + T_hi
        p1 = p9.addingProduct(t4, p1)
        let s = hi + t
        let lo = t - (s - hi)
        p1 = lo.addingProduct(t2, p1)
        let lo2 = tl.addingProduct(0x1.cf79abc9e0000p-40, ed)  // ln2_lo·E + T_lo
        return s + (p1 + lo2)
    }

    /// vgetexppd, vgetmantpd, vrcp14pd + vrndscalepd and the table index for a positive finite
    /// x: x = 2^e·m, m ∈ [1, 2), Rc = kRc/32; e already includes the kernel's +1 for Rc < 0.75
    /// (there Rc stands for 2m, and the table holds −log(2Rc)); j indexes `logTable`.
    @inlinable @inline(__always)
    static func logReduce(_ x: Double) -> (e: Int, m: Double, kRc: Int, j: Int) {
        var bits = x.bitPattern
        var e = Int(truncatingIfNeeded: bits >> 52) &- 1023
        if bits < 0x0010_0000_0000_0000 {  // subnormal: normalise, as vgetexp/vgetmant do
            let shift = bits.leadingZeroBitCount &- 11
            bits <<= UInt64(truncatingIfNeeded: shift)
            e = -1022 &- shift
        }
        let frac = bits & 0x000f_ffff_ffff_ffff
        let m = Double(bitPattern: 0x3ff0_0000_0000_0000 | frac)
        // round(vrcp14pd(m)·32) is, on the AVX-512 hardware, a step function of the top 16 bits
        // of m's fraction; `rcpTable` holds per top byte the step's k and its threshold.
        let top16 = Int(truncatingIfNeeded: frac >> 36)
        let entry = rcpTable.withUnsafeBufferPointer { $0[top16 >> 8] }
        let threshold = Int(truncatingIfNeeded: entry & 0x1ffff)
        let kRc = Int(truncatingIfNeeded: entry >> 17) &+ ((threshold &- 1 &- top16) >> 63)
        // Table index: the top 4 fraction bits of Rc (Rc = 1 gives 0). Both branch-free.
        return (e &+ ((kRc &- 24) >> 63 & 1), m, kRc, (kRc &- 16) & 15)
    }

    /// T = Rc·m − 1 = (kRc·m − 32)/32, which is exactly representable; computed exactly with m
    /// split in two (kRc·m_hi is exact, within a factor 2 of 32, and kRc·m_lo is exact).
    @inlinable @inline(__always)
    static func logT(_ m: Double, _ kRc: Int) -> Double {
        let kd = Double(kRc)
        let mHi = Double(bitPattern: m.bitPattern & 0xffff_ffff_0000_0000)
        return ((kd * mHi - 32) + kd * (m - mHi)) * 0.03125
    }

    /// The kernel's scalar routine (`__svml_dlog_ha_cout_rare_internal`) for the inputs it
    /// flags: log(±0) = −∞, log(+∞) = +∞, NaN stays NaN (quieted), log(negative or −∞) = the
    /// x86 default NaN (0/0, sign bit set).
    @usableFromInline @inline(never)
    static func logSpecial(_ x: Double) -> Double {
        if x.isNaN { return Double(bitPattern: x.bitPattern | 0x0008_0000_0000_0000) }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        return Double(bitPattern: 0xfff8_0000_0000_0000)
    }

    // MARK: fused multiply-add, proved

    /// Half the gap from x to its nearer neighbour in magnitude (half an ulp, a quarter at a
    /// power of two); 0 for zero and subnormals, so that no proof passes for them.
    @inlinable @inline(__always)
    static func halfGap(_ x: Double) -> Double {
        let h = Double(bitPattern: x.bitPattern & 0x7ff0_0000_0000_0000) * 0x1p-53
        return x.bitPattern & 0x000f_ffff_ffff_ffff == 0 ? h * 0.5 : h
    }

    /// The exact error of s = RN(a + b): a + b − s (Knuth's TwoSum).
    @inlinable @inline(__always)
    static func twoSumError(_ a: Double, _ b: Double, _ s: Double) -> Double {
        let bv = s - a
        return (a - (s - bv)) + (b - bv)
    }

    /// s = RN(c + RN(a·b)) and whether s = RN(c + a·b) is proved, for |a·b| < |c| (every use
    /// here has |a·b| < |c|/16). e = c + p − s is exact (Fast2Sum) and c + a·b = s + e + δ with
    /// |δ| ≤ |p|·2⁻⁵³ (`productError` is larger where b may itself be off the kernel's value by a
    /// bounded amount), so s is the answer when |e| + |δ| < the half gap at s, which is `h` for
    /// |s| ≤ `above` and 2h beyond (each caller's s stays within those two binades).
    @inlinable @inline(__always)
    static func fmaSmall(
        _ c: Double, _ a: Double, _ b: Double, h: Double, above: Double = .infinity, productError: Double = 0x1p-53
    ) -> (Double, Bool) {
        let p = a * b
        let s = c + p
        let e = (c - s) + p
        let gap = s.magnitude > above ? h + h : h
        return (s, e.magnitude + p.magnitude * productError < gap)
    }

    // MARK: tables

    /// 2^(i/64), i = 0…63, as (hi, lo) pairs: the exp rare path's table; the main path uses every
    /// fourth pair, 2^(j/16).
    @usableFromInline
    static let expTable: [Double] = [
        0x1.0000000000000p+0, 0x0.0p+0, 0x1.02c9a3e778061p+0, -0x1.160139cd8dc5dp-56,
        0x1.059b0d3158574p+0, 0x1.cd2523567f613p-55, 0x1.0874518759bc8p+0, 0x1.0f74e61e6c861p-57,
        0x1.0b5586cf9890fp+0, 0x1.79aa65d837b6dp-54, 0x1.0e3ec32d3d1a2p+0, 0x1.ebe3d702f9cd1p-60,
        0x1.11301d0125b51p+0, -0x1.556522a2fbd0ep-54, 0x1.1429aaea92de0p+0, -0x1.1c923b9d5f416p-54,
        0x1.172b83c7d517bp+0, -0x1.01b15eaa59348p-55, 0x1.1a35beb6fcb75p+0, 0x1.b898c3f1353bfp-55,
        0x1.1d4873168b9aap+0, 0x1.aecf73e3a2f60p-54, 0x1.2063b88628cd6p+0, 0x1.a6f4144a6c38dp-55,
        0x1.2387a6e756238p+0, 0x1.68efde3a8a894p-54, 0x1.26b4565e27cddp+0, 0x1.0472b981fe7f2p-55,
        0x1.29e9df51fdee1p+0, 0x1.2f7e16d09ab31p-55, 0x1.2d285a6e4030bp+0, 0x1.b3782720c0ab4p-55,
        0x1.306fe0a31b715p+0, 0x1.34d754db0abb6p-55, 0x1.33c08b26416ffp+0, 0x1.fdd395dd3f84ap-55,
        0x1.371a7373aa9cbp+0, -0x1.24aedcc4b5068p-54, 0x1.3a7db34e59ff7p+0, -0x1.1d1e83e9436d2p-56,
        0x1.3dea64c123422p+0, 0x1.59f48a72a4c6dp-55, 0x1.4160a21f72e2ap+0, -0x1.8a78f4817895bp-58,
        0x1.44e086061892dp+0, 0x1.363ed60c2ac11p-59, 0x1.486a2b5c13cd0p+0, 0x1.ecce1daa10379p-57,
        0x1.4bfdad5362a27p+0, 0x1.690cebb7aafb0p-56, 0x1.4f9b2769d2ca7p+0, -0x1.f94340071a38ep-55,
        0x1.5342b569d4f82p+0, -0x1.8dec6bd0f385fp-56, 0x1.56f4736b527dap+0, 0x1.3350518fdd78ep-54,
        0x1.5ab07dd485429p+0, 0x1.063e1e21c5409p-54, 0x1.5e76f15ad2148p+0, 0x1.432e62b64c035p-54,
        0x1.6247eb03a5585p+0, -0x1.c33c53bef4da8p-55, 0x1.6623882552225p+0, -0x1.3cedd78565858p-54,
        0x1.6a09e667f3bcdp+0, -0x1.3b3efbf5e2228p-54, 0x1.6dfb23c651a2fp+0, -0x1.367efb86da9eep-57,
        0x1.71f75e8ec5f74p+0, -0x1.81f647e5a3ecfp-56, 0x1.75feb564267c9p+0, -0x1.619321e55e68ap-55,
        0x1.7a11473eb0187p+0, -0x1.b32dcb94da51dp-56, 0x1.7e2f336cf4e62p+0, 0x1.5ebe1abd66c55p-57,
        0x1.82589994cce13p+0, -0x1.369b6f13b3734p-54, 0x1.868d99b4492edp+0, -0x1.4d450d872576ep-54,
        0x1.8ace5422aa0dbp+0, 0x1.db72fc1f0eab4p-55, 0x1.8f1ae99157736p+0, 0x1.bf68359f35f44p-56,
        0x1.93737b0cdc5e5p+0, -0x1.da9b88b6c1e29p-58, 0x1.97d829fde4e50p+0, -0x1.2434322f4f9aap-54,
        0x1.9c49182a3f090p+0, 0x1.1affc2b91ce27p-56, 0x1.a0c667b5de565p+0, -0x1.7c50422622263p-55,
        0x1.a5503b23e255dp+0, -0x1.1bbd1d3bcbb15p-54, 0x1.a9e6b5579fdbfp+0, 0x1.469846e735ab3p-55,
        0x1.ae89f995ad3adp+0, 0x1.c1a7792cb3387p-55, 0x1.b33a2b84f15fbp+0, -0x1.5c3d956dcaebap-58,
        0x1.b7f76f2fb5e47p+0, -0x1.8d6f438ad9334p-57, 0x1.bcc1e904bc1d2p+0, 0x1.4ffd70a5fddcdp-56,
        0x1.c199bdd85529cp+0, 0x1.36eae30af0cb3p-56, 0x1.c67f12e57d14bp+0, 0x1.4e08fd10959acp-55,
        0x1.cb720dcef9069p+0, 0x1.76b2c6c921968p-57, 0x1.d072d4a07897cp+0, -0x1.fad5d3ffffa6fp-55,
        0x1.d5818dcfba487p+0, 0x1.4a385a63d07a7p-56, 0x1.da9e603db3285p+0, 0x1.e5a50d5c192acp-55,
        0x1.dfc97337b9b5fp+0, -0x1.2d52107b43e1fp-55, 0x1.e502ee78b3ff6p+0, 0x1.4b604603a88d3p-56,
        0x1.ea4afa2a490dap+0, -0x1.ff7128fd391f0p-55, 0x1.efa1bee615a27p+0, 0x1.ec3bc41aa2008p-55,
        0x1.f50765b6e4540p+0, 0x1.a64a931d185eep-55, 0x1.fa7c1819e90d8p+0, 0x1.7893b4d91cd9dp-56,
    ]

    /// −log(Rc) as (hi, lo) pairs, indexed by the top 4 fraction bits of Rc (Rc = 1 and Rc = ½
    /// share index 0; ½ is handled by the exponent adjustment).
    @usableFromInline
    static let logTable: [Double] = [
        0x0.0p+0, 0x0.0p+0, -0x1.f0a30c0120000p-5, 0x1.3ab33d066d1d2p-42,
        -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45, -0x1.5ff3070a78000p-3, -0x1.3d3c873e20a07p-43,
        -0x1.c8ff7c79a8000p-3, -0x1.a21ac25d81ef3p-43, -0x1.1675cababc000p-2, 0x1.9f1fc63382a8fp-42,
        -0x1.4618bc21c4000p-2, -0x1.ec27d0b7b37b3p-42, -0x1.739d7f6bbc000p-2, -0x1.0069ce24c53fbp-42,
        0x1.269621134c000p-2, 0x1.b92783beb7677p-42, 0x1.f991c6cb38000p-3, 0x1.9bcbecca0cdf3p-42,
        0x1.a93ed3c8b0000p-3, -0x1.30e486a0ac42dp-42, 0x1.5bf406b540000p-3, 0x1.ed8fdc149767ep-42,
        0x1.1178e82280000p-3, -0x1.b8421cc74be04p-43, 0x1.9335e5d590000p-4, 0x1.2622b8757a8fbp-42,
        0x1.08598b59e0000p-4, 0x1.d034451fecdfbp-43, 0x1.0415d89e80000p-5, -0x1.77771fd187145p-42,
    ]

    /// The 16-bit fraction prefixes of m ∈ [1, 2) at which round(vrcp14pd(m)·32) drops by one,
    /// from 32 (Rc = 1) down to 16 (Rc = ½), measured by an exhaustive scan on the AMD Zen 4 CPU
    /// this was written on (scripts/numpy_math/rcp14_steps.c). They are not where the exact 1/m
    /// steps: vrcp14pd is only specified to 2⁻¹⁴ relative error. On a CPU whose vrcp14pd steps
    /// elsewhere, NumPy's log would differ from this in the last bit for some inputs whose
    /// fraction lies close to a step; re-run the scan there.
    static let rcpThresholds: [Int] = [
        0x040f, 0x0c97, 0x15b4, 0x1f70, 0x29e6, 0x3523, 0x4143, 0x4e5f,
        0x5c99, 0x6c15, 0x7d07, 0x8f9c, 0xa41a, 0xbad0, 0xd41c, 0xf080,
    ]

    /// `rcpThresholds` by the prefix's top byte b: (k at the start of byte b) << 17 | (the
    /// threshold inside byte b, or 0x10000). A literal, so it needs no lazy initialisation; the
    /// tests rebuild it from `rcpThresholds`.
    @usableFromInline
    static let rcpTable: [UInt32] = [
        0x0410000, 0x0410000, 0x0410000, 0x0410000, 0x040040f, 0x03f0000, 0x03f0000, 0x03f0000,
        0x03f0000, 0x03f0000, 0x03f0000, 0x03f0000, 0x03e0c97, 0x03d0000, 0x03d0000, 0x03d0000,
        0x03d0000, 0x03d0000, 0x03d0000, 0x03d0000, 0x03d0000, 0x03c15b4, 0x03b0000, 0x03b0000,
        0x03b0000, 0x03b0000, 0x03b0000, 0x03b0000, 0x03b0000, 0x03b0000, 0x03b0000, 0x03a1f70,
        0x0390000, 0x0390000, 0x0390000, 0x0390000, 0x0390000, 0x0390000, 0x0390000, 0x0390000,
        0x0390000, 0x03829e6, 0x0370000, 0x0370000, 0x0370000, 0x0370000, 0x0370000, 0x0370000,
        0x0370000, 0x0370000, 0x0370000, 0x0370000, 0x0370000, 0x0363523, 0x0350000, 0x0350000,
        0x0350000, 0x0350000, 0x0350000, 0x0350000, 0x0350000, 0x0350000, 0x0350000, 0x0350000,
        0x0350000, 0x0344143, 0x0330000, 0x0330000, 0x0330000, 0x0330000, 0x0330000, 0x0330000,
        0x0330000, 0x0330000, 0x0330000, 0x0330000, 0x0330000, 0x0330000, 0x0324e5f, 0x0310000,
        0x0310000, 0x0310000, 0x0310000, 0x0310000, 0x0310000, 0x0310000, 0x0310000, 0x0310000,
        0x0310000, 0x0310000, 0x0310000, 0x0310000, 0x0305c99, 0x02f0000, 0x02f0000, 0x02f0000,
        0x02f0000, 0x02f0000, 0x02f0000, 0x02f0000, 0x02f0000, 0x02f0000, 0x02f0000, 0x02f0000,
        0x02f0000, 0x02f0000, 0x02f0000, 0x02f0000, 0x02e6c15, 0x02d0000, 0x02d0000, 0x02d0000,
        0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000,
        0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000, 0x02d0000, 0x02c7d07, 0x02b0000, 0x02b0000,
        0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000,
        0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02b0000, 0x02a8f9c,
        0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000,
        0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x0290000,
        0x0290000, 0x0290000, 0x0290000, 0x0290000, 0x028a41a, 0x0270000, 0x0270000, 0x0270000,
        0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000,
        0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000, 0x0270000,
        0x0270000, 0x0270000, 0x026bad0, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000,
        0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000,
        0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x0250000,
        0x0250000, 0x0250000, 0x0250000, 0x0250000, 0x024d41c, 0x0230000, 0x0230000, 0x0230000,
        0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000,
        0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000,
        0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000, 0x0230000,
        0x022f080, 0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000,
        0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000, 0x0210000,
    ]
}
