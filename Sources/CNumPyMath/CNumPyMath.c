/* exp and log exactly as NumPy computes them for float64 arrays on an x86-64 CPU with AVX-512
 * (Skylake-X or later, AMD Zen 4 or later).
 *
 * On such CPUs NumPy 2.x does not call the C library for np.exp/np.log on float64 data:
 * DOUBLE_exp/DOUBLE_log (numpy/_core/src/umath/loops_exponent_log.dispatch.c.src) hand every
 * array to __svml_exp8_ha / __svml_log8_ha, the AVX-512 "high accuracy" kernels of Intel's Short
 * Vector Math Library, which NumPy vendors (github.com/numpy/SVML, BSD-3-Clause, Copyright Intel
 * Corporation). This file is a scalar re-implementation of those two kernels, written from their
 * algorithm: the same range reduction, tables and polynomial coefficients, and the same operations
 * in the same order, fused multiply-adds exactly where the kernel fuses, so every result is
 * bit-for-bit the kernel's (checked against NumPy 2.4.6 on millions of inputs, see
 * scripts/numpy_math/). The numeric constants were read out of NumPy's binary by
 * scripts/numpy_math/dump_svml_constants.py.
 *
 * On CPUs without AVX-512 (and on non-x86 machines) NumPy calls the C library's exp/log instead,
 * so there the C library is what reproduces NumPy.
 *
 * Why C: the kernels need correctly rounded fused multiply-adds, fma(a, b, c) = a*b + c with one
 * rounding. Compiled for baseline x86-64 (no FMA instruction), each one is a call to the C
 * library's fma, which made exp ~5 times slower than the C library's own exp. C lets one body be
 * compiled twice: for CPUs with FMA (target("fma"), one instruction per fma) and for the baseline
 * (libm's fma, correctly rounded in hardware or software), chosen once at load time. Both give
 * the same bits: every fma is correctly rounded, and nothing else is fused (FP_CONTRACT is off
 * below, so a*b + c written out stays two roundings). Elsewhere (arm64, ...) fma is always one
 * instruction and there is a single variant. */

#include "CNumPyMath.h"

#include <stdint.h>
#include <string.h>

#include "ExactArithmetic.h"

ALWAYS_INLINE uint64_t bits_of(double x) {
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

ALWAYS_INLINE double from_bits(uint64_t u) {
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* 2^(i/64), i = 0...63, as (hi, lo) pairs: the exp rare path's table; the main path uses every
 * fourth pair, 2^(j/16). */
static const double exp_table[128] = {
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
};

/* -log(Rc) as (hi, lo) pairs, indexed by the top 4 fraction bits of Rc (Rc = 1 and Rc = 1/2
 * share index 0; 1/2 is handled by the exponent adjustment). */
static const double log_table[32] = {
    0x0.0p+0, 0x0.0p+0, -0x1.f0a30c0120000p-5, 0x1.3ab33d066d1d2p-42,
    -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45, -0x1.5ff3070a78000p-3, -0x1.3d3c873e20a07p-43,
    -0x1.c8ff7c79a8000p-3, -0x1.a21ac25d81ef3p-43, -0x1.1675cababc000p-2, 0x1.9f1fc63382a8fp-42,
    -0x1.4618bc21c4000p-2, -0x1.ec27d0b7b37b3p-42, -0x1.739d7f6bbc000p-2, -0x1.0069ce24c53fbp-42,
    0x1.269621134c000p-2, 0x1.b92783beb7677p-42, 0x1.f991c6cb38000p-3, 0x1.9bcbecca0cdf3p-42,
    0x1.a93ed3c8b0000p-3, -0x1.30e486a0ac42dp-42, 0x1.5bf406b540000p-3, 0x1.ed8fdc149767ep-42,
    0x1.1178e82280000p-3, -0x1.b8421cc74be04p-43, 0x1.9335e5d590000p-4, 0x1.2622b8757a8fbp-42,
    0x1.08598b59e0000p-4, 0x1.d034451fecdfbp-43, 0x1.0415d89e80000p-5, -0x1.77771fd187145p-42,
};

/* vrcp14pd(m) rounded to 1/32, for m in [1, 2), as measured on the AVX-512 hardware (an
 * exhaustive scan): Rc = k/32 where k drops by one at each of 16 thresholds on the top 16
 * fraction bits of m (0x040f, 0x0c97, 0x15b4, 0x1f70, 0x29e6, 0x3523, 0x4143, 0x4e5f, 0x5c99,
 * 0x6c15, 0x7d07, 0x8f9c, 0xa41a, 0xbad0, 0xd41c, 0xf080). One entry per top byte b of those 16
 * bits: k for the byte's first value, and the threshold inside the byte (0x10000 if none).
 * S(k): no threshold inside; T(k, t): k - 1 from prefix t on. */
#define S(k) ((uint32_t)(k) << 17 | 0x10000u)
#define T(k, t) ((uint32_t)(k) << 17 | (t))
static const uint32_t rcp_table[256] = {
    S(32), S(32), S(32), S(32), T(32, 0x040f), S(31), S(31), S(31), S(31), S(31), S(31), S(31),
    T(31, 0x0c97), S(30), S(30), S(30), S(30), S(30), S(30), S(30), S(30), T(30, 0x15b4), S(29),
    S(29), S(29), S(29), S(29), S(29), S(29), S(29), S(29), T(29, 0x1f70), S(28), S(28), S(28),
    S(28), S(28), S(28), S(28), S(28), S(28), T(28, 0x29e6), S(27), S(27), S(27), S(27), S(27),
    S(27), S(27), S(27), S(27), S(27), S(27), T(27, 0x3523), S(26), S(26), S(26), S(26), S(26),
    S(26), S(26), S(26), S(26), S(26), S(26), T(26, 0x4143), S(25), S(25), S(25), S(25), S(25),
    S(25), S(25), S(25), S(25), S(25), S(25), S(25), T(25, 0x4e5f), S(24), S(24), S(24), S(24),
    S(24), S(24), S(24), S(24), S(24), S(24), S(24), S(24), S(24), T(24, 0x5c99), S(23), S(23),
    S(23), S(23), S(23), S(23), S(23), S(23), S(23), S(23), S(23), S(23), S(23), S(23), S(23),
    T(23, 0x6c15), S(22), S(22), S(22), S(22), S(22), S(22), S(22), S(22), S(22), S(22), S(22),
    S(22), S(22), S(22), S(22), S(22), T(22, 0x7d07), S(21), S(21), S(21), S(21), S(21), S(21),
    S(21), S(21), S(21), S(21), S(21), S(21), S(21), S(21), S(21), S(21), S(21), T(21, 0x8f9c),
    S(20), S(20), S(20), S(20), S(20), S(20), S(20), S(20), S(20), S(20), S(20), S(20), S(20),
    S(20), S(20), S(20), S(20), S(20), S(20), S(20), T(20, 0xa41a), S(19), S(19), S(19), S(19),
    S(19), S(19), S(19), S(19), S(19), S(19), S(19), S(19), S(19), S(19), S(19), S(19), S(19),
    S(19), S(19), S(19), S(19), T(19, 0xbad0), S(18), S(18), S(18), S(18), S(18), S(18), S(18),
    S(18), S(18), S(18), S(18), S(18), S(18), S(18), S(18), S(18), S(18), S(18), S(18), S(18),
    S(18), S(18), S(18), S(18), S(18), T(18, 0xd41c), S(17), S(17), S(17), S(17), S(17), S(17),
    S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17),
    S(17), S(17), S(17), S(17), S(17), S(17), S(17), S(17), T(17, 0xf080), S(16), S(16), S(16),
    S(16), S(16), S(16), S(16), S(16), S(16), S(16), S(16), S(16), S(16), S(16), S(16),
};
#undef S
#undef T

/* MARK: exp */

/* The kernel's scalar fallback (__svml_dexp_ha_cout_rare_internal) for |x| >= 707.70..., +-inf
 * and NaN: a 64-entry table, plain (unfused) arithmetic, and careful scaling into the subnormal
 * range. */
__attribute__((noinline)) static double exp_rare(double x) {
    if (x != x) return from_bits(bits_of(x) | 0x0008000000000000u);
    if (x == __builtin_inf()) return x;
    if (x == -__builtin_inf()) return 0;
    if (x > 0x1.62e42fefa39efp+9) return __builtin_inf(); /* the kernel: 0x1.fffffffffffffp+1023^2 */
    if (x < -0x1.74910d52d3051p+9) return 0;              /* the kernel: 0x1.0000000000001p-1022^2 */
    const double shifter = 0x1.8p+52;
    double z = x * 0x1.71547652b82fep+6 + shifter; /* x*64/ln2, rounded to an integer */
    int32_t k = (int32_t)(uint32_t)bits_of(z);
    double kd = z - shifter;
    double r = x - kd * 0x1.62e42fefa0000p-7;
    r = r - kd * 0x1.cf79abc9e3b3ap-46;
    double p = 0x1.6c16a1c2a3ffdp-10 * r + 0x1.111123aaf20d3p-7;
    p = p * r + 0x1.5555555558fccp-5;
    p = p * r + 0x1.55555555548f8p-3;
    p = p * r + 0x1p-1;
    p = p * r * r + r;
    int i = (k & 63) * 2;
    double th = exp_table[i], tl = exp_table[i + 1];
    p = (p + tl) * th;
    int m = k >> 6; /* floor(k/64): arithmetic shift */
    if (x >= -0x1.6232bdd7abcd2p+9) {
        double s = p + th;
        if (m == 1024) /* the result's exponent would be 1024: scale in two steps */
            return s * from_bits((uint64_t)(1023 + 1023) << 52) * 2;
        return s * from_bits((uint64_t)(m + 1023) << 52);
    }
    /* Subnormal results: compute at 2^60 times the size, then scale down. */
    int e = (m + 1083) & 0x7ff;
    double scale = from_bits((uint64_t)e << 52);
    double lo = p * scale;
    double hi = scale * th;
    double s = hi + lo;
    if (e <= 50) return s * 0x1p-60;
    /* Round the sum to the precision the subnormal result keeps, then scale both parts. */
    double err = (hi - s) + lo;
    double t = s * 0x1.8p+32;
    double u = (s + t) - t;
    double v = err + (s - u);
    return u * 0x1p-60 + v * 0x1p-60;
}

/* np.exp(x), __svml_exp8_ha. Main path (|x| < 707.70...): N = x*log2(e) rounded *toward zero* to
 * a multiple of 1/16 (the kernel adds a shifter under {rz-sae}), R = x - N*ln2 in two fused
 * steps, exp(x) = 2^floor(N) * T*(1 + p(R)) with T = 2^frac(N) from a 16-entry hi/lo table and p a
 * degree-6 polynomial. |x| >= 707.70..., +-inf and overflow/underflow go to the kernel's scalar
 * "rare" routine, exp_rare. */
ALWAYS_INLINE double exp_body(double x) {
    /* vcmpge_oq |x|, 707.703...: NaN compares false and stays on the main path in the kernel
     * (giving the quieted input NaN); here it goes to exp_rare, which returns the same. */
    if (!(__builtin_fabs(x) < 0x1.61da04cbafe44p+9)) return exp_rare(x);
    /* Z = RZ(x*log2(e) + shifter): the shifter 1.5*2^48 + 1023 puts the ulp of Z at 1/16.
     * Computed as RN, then stepped down when RN rounded up (sign of the exact residual). */
    const double shifter = 0x1.8000000003ff0p+48, l2e = 0x1.71547652b82fep+0;
    double z = __builtin_fma(x, l2e, shifter);
    double n = z - shifter;                                  /* exact: N = k/16 */
    int64_t k = (int64_t)(bits_of(z) - bits_of(shifter));   /* k = 16*N */
    if (__builtin_fma(x, l2e, -n) < 0) { /* exact x*log2(e) < N: RZ is one ulp lower */
        n -= 0.0625;
        k -= 1;
    }
    /* R = x - N*ln2_hi - N*ln2_lo (vfnmadd213pd, vfnmadd231pd) */
    double r = __builtin_fma(-n, 0x1.62e42fefa39efp-1, x);
    r = __builtin_fma(-0x1.abc9e3b39803fp-56, n, r);
    /* (The kernel then clears bit 62 of R; |R| < 1/16 here, so that is the identity.) */
    double r2 = r * r;
    double a = __builtin_fma(r, 0x1.7411836940c04p-10, 0x1.1101cbbc265c0p-7);
    double b = __builtin_fma(r, 0x1.55557242d68fep-5, 0x1.5555553939732p-3);
    double c = __builtin_fma(r, 0x1.000000000d008p-1, 0x1.fffffffffff70p-1);
    a = __builtin_fma(r2, a, b);
    a = __builtin_fma(r2, a, c);
    int j = (int)(k & 15) * 8; /* the 2^(j/16) pair in the 2^(i/64) table */
    double th = exp_table[j], tl = exp_table[j + 1];
    double p = __builtin_fma(a, r, tl);
    double y = __builtin_fma(th, p, th);
    /* vscalefpd: y*2^floor(N); here 2^floor(N) and the product are normal, so it is exact. */
    uint64_t e = (uint64_t)((k >> 4) + 1023);
    return y * from_bits(e << 52);
}

/* MARK: log */

/* The kernel's scalar routine (__svml_dlog_ha_cout_rare_internal) for the inputs it flags:
 * log(+-0) = -inf, log(+inf) = +inf, NaN stays NaN (quieted), log(negative or -inf) = the x86
 * default NaN (0/0, sign bit set). */
__attribute__((noinline)) static double log_special(double x) {
    if (x != x) return from_bits(bits_of(x) | 0x0008000000000000u);
    if (x == 0) return -__builtin_inf();
    if (x == __builtin_inf()) return x;
    return from_bits(0xfff8000000000000u);
}

/* np.log(x), __svml_log8_ha. x = 2^E*m with m in [1, 2) (vgetexppd/vgetmantpd); Rc ~ 1/m is
 * vrcp14pd(m) rounded to a multiple of 1/32 (vrndscalepd); T = Rc*m - 1 (exact);
 * log(x) = E*ln2 - log(Rc) + log1p(T) with -log(Rc) from a 16-entry hi/lo table and log1p(T) a
 * degree-9 polynomial, summed with the kernel's error compensation. Zeros, negatives, +-inf and
 * NaN go to the kernel's scalar routine, log_special. */
ALWAYS_INLINE double log_body(double x) {
    uint64_t bits = bits_of(x);
    /* vfpclasspd 0xdf: NaN, +-0, +-inf, negative. Positive subnormals stay on the main path. */
    if (!(bits - 1 < 0x7ff0000000000000u - 1)) return log_special(x);
    int e = (int)(bits >> 52) - 1023;
    if (bits < 0x0010000000000000u) { /* subnormal: normalise (vgetexp/vgetmant do) */
        int shift = __builtin_clzll(bits) - 11;
        bits <<= shift;
        e = -1022 - shift;
    }
    uint64_t frac = bits & 0x000fffffffffffffu;
    double m = from_bits(0x3ff0000000000000u | frac);
    /* Rc = round(vrcp14pd(m)*32)/32. On this hardware that is a step function of the top 16
     * bits of m's fraction; rcp_table holds, per top byte, the step and its threshold. */
    uint32_t top16 = (uint32_t)(frac >> 36);
    uint32_t entry = rcp_table[top16 >> 8];
    int k_rc = (int)(entry >> 17) - (top16 >= (entry & 0x1ffff) ? 1 : 0);
    /* T = Rc*m - 1, exact (vfmsub213pd); computed as (kRc*m - 32)/32 with m split in two so
     * every step is exact without a fused multiply-add. */
    double kd = (double)k_rc;
    double m_hi = from_bits(0x3ff0000000000000u | (frac & 0xffffffff00000000u));
    double t = ((kd * m_hi - 32) + kd * (m - m_hi)) * 0x1p-5;
    /* log1p(T) polynomial, in the kernel's order. */
    double t2 = t * t;
    double p7 = __builtin_fma(t, 0x1.249229cee81efp-3, -0x1.55553fb28db06p-3);
    double p1 = __builtin_fma(t, 0x1.c81cd309d7c70p-4, -0x1.007357e93af62p-3);
    double p9 = __builtin_fma(t, 0x1.9999999cc9f5cp-3, -0x1.00000000c05bdp-2);
    p1 = __builtin_fma(t2, p1, p7);
    double t4 = t2 * t2;
    double p8 = __builtin_fma(t, 0x1.5555555555466p-2, -0x1.fffffffffffc6p-2);
    /* -log(Rc) = E-adjust*ln2 + table[j]: j = top 4 fraction bits of Rc; Rc < 0.75 means Rc was
     * taken for 2m, so E grows by one. */
    int j = k_rc < 32 ? k_rc - 16 : 0;
    double ed = (double)(k_rc < 24 ? e + 1 : e);
    double th = log_table[2 * j], tl = log_table[2 * j + 1];
    p9 = __builtin_fma(t2, p9, p8);
    double hi = ed * 0x1.62e42fefa0000p-1 + th; /* E*ln2_hi is exact: a plain add is the fma */
    p1 = __builtin_fma(t4, p1, p9);
    double s = hi + t;
    double lo = t - (s - hi);
    p1 = __builtin_fma(t2, p1, lo);
    double lo2 = ed * 0x1.cf79abc9e0000p-40 + tl; /* E*ln2_lo is exact too */
    return s + (p1 + lo2);
}

/* MARK: one body, two builds */

#if defined(__x86_64__) || defined(__i386__)

/* With FMA, each __builtin_fma is one vfmadd instruction; for baseline x86, a call to libm's fma. */
__attribute__((target("fma"))) static double exp_fma(double x) { return exp_body(x); }
__attribute__((target("fma"))) static double log_fma(double x) { return log_body(x); }
double cnumpymath_exp_baseline(double x) { return exp_body(x); }
double cnumpymath_log_baseline(double x) { return log_body(x); }

/* Set once at load time; until then (and on CPUs without FMA, or whose OS does not enable the
 * AVX state) the baseline build runs, which gives the same bits, only slower. */
static int has_fma;

__attribute__((constructor)) static void detect_fma(void) {
    __builtin_cpu_init();
    has_fma = __builtin_cpu_supports("fma") != 0;
}

double cnumpymath_exp(double x) { return has_fma ? exp_fma(x) : cnumpymath_exp_baseline(x); }
double cnumpymath_log(double x) { return has_fma ? log_fma(x) : cnumpymath_log_baseline(x); }

#else

double cnumpymath_exp(double x) { return exp_body(x); }
double cnumpymath_log(double x) { return log_body(x); }
double cnumpymath_exp_baseline(double x) { return exp_body(x); }
double cnumpymath_log_baseline(double x) { return log_body(x); }

#endif
