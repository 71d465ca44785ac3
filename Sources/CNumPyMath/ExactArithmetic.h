/* Included first by every C file of this target that computes NumPy's numbers (not part of its
 * public header). */
#ifndef CNUMPYMATH_EXACT_ARITHMETIC_H
#define CNUMPYMATH_EXACT_ARITHMETIC_H

/* a*b + c written in these files means two roundings, as NumPy's code rounds it: never let the
 * compiler fuse it. Fused multiply-adds are written out (__builtin_fma) where the kernels fuse. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#define ALWAYS_INLINE static inline __attribute__((always_inline))

#endif
