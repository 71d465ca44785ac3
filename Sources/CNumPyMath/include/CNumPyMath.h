#ifndef CNUMPYMATH_H
#define CNUMPYMATH_H

/* exp and log exactly as NumPy 2.x computes them for float64 arrays on an x86-64 CPU with
 * AVX-512: scalar, bit-for-bit ports of Intel SVML's __svml_exp8_ha / __svml_log8_ha, the
 * kernels NumPy vendors. Same results on every machine. See CNumPyMath.c for the algorithm and
 * credits; Swift code calls them as NumPyMath.exp / NumPyMath.log. */

/* The CPU features that decide which exp/log NumPy runs (this header is the module's umbrella). */
#include "CNumPyMathCPU.h"

#ifdef __cplusplus
extern "C" {
#endif

/* np.exp(x) for float64 arrays on AVX-512 machines. */
double cnumpymath_exp(double x);

/* np.log(x) for float64 arrays on AVX-512 machines. */
double cnumpymath_log(double x);

/* The same two functions as built for CPUs without FMA (each fused multiply-add a call to the C
 * library's fma), whatever this CPU has, so tests can check that variant too. On machines where
 * fma is always one instruction (not x86) they are the functions above. */
double cnumpymath_exp_baseline(double x);
double cnumpymath_log_baseline(double x);

/* Whether this CPU and OS run AVX-512F code: when they do, NumPy's bundled OpenBLAS picks its
 * "SkylakeX" kernels, whose summation orders differ from its AVX2 ("Haswell") ones. */
int cnumpymath_has_avx512f(void);

#ifdef __cplusplus
}
#endif

#endif
