/*
 * Where round(vrcp14pd(m) * 32) / 32 changes value, for m in [1, 2): the reciprocal estimate
 * NumPy's SVML log kernel (__svml_log8_ha) starts from (vrcp14pd, then vrndscalepd imm 0x58).
 * vrcp14pd is only specified to 2^-14 relative error, so the steps are the hardware's, not those
 * of the exact 1/m; NumPyMath.rcpThresholds holds the ones printed here.
 *
 *   clang -O2 -mavx512f scripts/numpy_math/rcp14_steps.c -o /tmp/rcp14_steps && /tmp/rcp14_steps
 *
 * Scans every 24-bit fraction prefix, at both ends of its range of low bits, and reports the
 * prefixes where the rounded estimate drops, whether it is monotonic, and whether it ever depends
 * on bits below the prefix. On the AMD EPYC (Zen 4) this was written on: 16 steps, all at 16-bit
 * prefixes, monotonic, no dependence on lower bits.
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static double from_bits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

int main(void) {
    int previous = -1, steps = 0, nonmonotonic = 0, low_bits_matter = 0, off_grid = 0;
    for (uint64_t p = 0; p < (1u << 24); p += 8) {
        double lo[8], hi[8], rlo[8], rhi[8];
        for (int l = 0; l < 8; l++) {
            lo[l] = from_bits(0x3ff0000000000000ull | ((p + l) << 28));
            hi[l] = from_bits(0x3ff0000000000000ull | ((p + l) << 28) | ((1ull << 28) - 1));
        }
        _mm512_storeu_pd(rlo, _mm512_roundscale_pd(_mm512_rcp14_pd(_mm512_loadu_pd(lo)), 0x58));
        _mm512_storeu_pd(rhi, _mm512_roundscale_pd(_mm512_rcp14_pd(_mm512_loadu_pd(hi)), 0x58));
        for (int l = 0; l < 8; l++) {
            int k = (int)(rlo[l] * 32);
            if (rlo[l] != rhi[l]) low_bits_matter++;
            if (k != previous) {
                if (previous >= 0) {
                    steps++;
                    if (k != previous - 1) nonmonotonic++;
                    if ((p + l) & 0xff) off_grid++;
                    printf("k %d -> %d at fraction prefix 0x%04llx (m = %.17g; exact 1/m step at %.17g)\n",
                           previous, k, (unsigned long long)((p + l) >> 8), lo[l], 64.0 / (2 * previous - 1));
                }
                previous = k;
            }
        }
    }
    printf("%d steps, %d non-monotonic, %d not on a 16-bit prefix, %d prefixes depending on lower bits\n",
           steps, nonmonotonic, off_grid, low_bits_matter);
    return nonmonotonic || off_grid || low_bits_matter;
}
