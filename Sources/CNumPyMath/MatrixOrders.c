/* The perceptron's two matrix-vector products, z = X·w and g = Xᵀ·d, in the orders of OpenBLAS's
 * x86-64 kernels (dgemv_t for X·w; dgemv_n, or ddot for one column, for Xᵀ·d), with their fused
 * multiply-adds. Products of real numbers are rounded, so both the order and where a multiply is
 * fused decide the last bit. Written in C for the reason CNumPyMath.c gives: one body compiled for
 * CPUs with FMA (one instruction per fma) and for baseline x86-64 (the C library's fma), picked
 * once at load time, the same bits either way. Swift's HaswellOrder / SkylakeXOrder state the same
 * orders for the hidden layer. */

#include "CNumPyMath.h"

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* c + a·b with one rounding. */
#define FMA(a, b, c) __builtin_fma((a), (b), (c))

/* (A·w)[row] for an (rows × k) row-major A: rows in whole blocks of four use four fused lanes,
 * the next two two plain lanes, the last one four plain lanes; the k % 4 last columns after. */
ALWAYS_INLINE double row_dot(const double *a, const double *w, long k, long row, long rows) {
    double y = 0.0;
    long blocked = k & ~3L;
    if (blocked > 0) {
        double r;
        if (row < 4 * (rows >> 2)) {
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (long i = 0; i < blocked; i += 4) {
                s0 = FMA(a[i], w[i], s0);
                s1 = FMA(a[i + 1], w[i + 1], s1);
                s2 = FMA(a[i + 2], w[i + 2], s2);
                s3 = FMA(a[i + 3], w[i + 3], s3);
            }
            r = (s0 + s2) + (s1 + s3);
        } else if ((rows & 2) != 0 && row < 4 * (rows >> 2) + 2) {
            double s0 = 0.0, s1 = 0.0;
            for (long i = 0; i < blocked; i += 2) {
                s0 = s0 + a[i] * w[i];
                s1 = s1 + a[i + 1] * w[i + 1];
            }
            r = s0 + s1;
        } else {
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (long i = 0; i < blocked; i += 4) {
                s0 = s0 + a[i] * w[i];
                s1 = s1 + a[i + 1] * w[i + 1];
                s2 = s2 + a[i + 2] * w[i + 2];
                s3 = s3 + a[i + 3] * w[i + 3];
            }
            r = (s0 + s2) + (s1 + s3);
        }
        y = y + r;
    }
    const double *t = a + blocked, *x = w + blocked;
    switch (k & 3) {
    case 3: y = y + FMA(t[2], x[2], FMA(t[0], x[0], t[1] * x[1])); break;
    case 2: y = y + FMA(t[0], x[0], t[1] * x[1]); break;
    case 1: y = FMA(t[0], x[0], y); break;
    default: break;
    }
    return y;
}

/* Haswell's ddot: blocks of 16 in sixteen fused lanes, combined as a tree, then the rest. */
ALWAYS_INLINE double ddot_haswell(const double *x, const double *y, long m) {
    double dot = 0.0;
    long blocked = m & ~15L;
    if (blocked > 0) {
        double acc[16] = {0};
        for (long b = 0; b < blocked; b += 16)
            for (int l = 0; l < 16; l++) acc[l] = FMA(x[b + l], y[b + l], acc[l]);
        double low = ((acc[0] + acc[2]) + (acc[4] + acc[6])) + ((acc[8] + acc[10]) + (acc[12] + acc[14]));
        double high = ((acc[1] + acc[3]) + (acc[5] + acc[7])) + ((acc[9] + acc[11]) + (acc[13] + acc[15]));
        dot = low + high;
    }
    for (long i = blocked; i < m; i++) dot = dot + y[i] * x[i];
    return 0.0 + dot;
}

#define V(i) a[(i) * k + column]

/* (Aᵀ·d)[column] for an (m × k) row-major A, Haswell's dgemv_n. */
ALWAYS_INLINE double column_dot_haswell(const double *a, long column, long k, const double *d, long m) {
    if (k == 1) return ddot_haswell(a, d, m);
    if (column < (k & ~3L)) {
        double y = 0.0;
        long c = 0;
        for (long g = 0; g < (m >> 2); g++, c += 4) {
            double t4 = FMA(V(c + 2), d[c + 2], V(c) * d[c]);
            double t5 = FMA(V(c + 3), d[c + 3], V(c + 1) * d[c + 1]);
            y = y + (t4 + t5);
        }
        if (m & 2) { y = y + (V(c) * d[c] + V(c + 1) * d[c + 1]); c += 2; }
        if (m & 1) y = y + d[c] * V(c);
        return y;
    }
    double t = 0.0;
    if (k < 4) {
        long i = 0;
        for (; i < (m & ~3L); i += 4) {
            t = t + (V(i) * d[i] + V(i + 1) * d[i + 1]);
            t = t + (V(i + 2) * d[i + 2] + V(i + 3) * d[i + 3]);
        }
        for (; i < m; i++) t = t + V(i) * d[i];
    } else {
        for (long i = 0; i < m; i++) t = t + V(i) * d[i];
    }
    return t;
}

/* The same for SkylakeX's dgemv_n: its own kernel for blocks of four rows, and its C parts fused. */
ALWAYS_INLINE double column_dot_skylakex(const double *a, long column, long k, const double *d, long m) {
    if (k == 1) {
        double t = 0.0;
        for (long i = 0; i < m; i++) t = FMA(d[i], V(i), t);
        return t;
    }
    if (column < (k & ~3L)) {
        double y = 0.0;
        long c = 0;
        for (long g = 0; g < (m >> 2); g++, c += 4)
            y = y + FMA(V(c + 3), d[c + 3], FMA(V(c + 2), d[c + 2], FMA(V(c), d[c], V(c + 1) * d[c + 1])));
        if (m & 2) { y = y + FMA(V(c), d[c], V(c + 1) * d[c + 1]); c += 2; }
        if (m & 1) y = y + d[c] * V(c);
        return y;
    }
    double t = 0.0;
    if (k < 4) {
        long i = 0;
        for (; i < (m & ~3L); i += 4) {
            t = t + FMA(V(i), d[i], V(i + 1) * d[i + 1]);
            t = t + FMA(V(i + 2), d[i + 2], V(i + 3) * d[i + 3]);
        }
        for (; i < m; i++) t = FMA(V(i), d[i], t);
    } else {
        for (long i = 0; i < m; i++) t = FMA(V(i), d[i], t);
    }
    return t;
}

#undef V

ALWAYS_INLINE void xw_body(const double *x, const double *w, long m, long n, double *z) {
    for (long i = 0; i < m; i++) z[i] = row_dot(x + i * n, w, n, i, m);
}

ALWAYS_INLINE void xtd_body(const double *x, const double *d, long m, long n, int skylakex, double *g) {
    if (skylakex) {
        for (long j = 0; j < n; j++) g[j] = column_dot_skylakex(x, j, n, d, m);
    } else {
        for (long j = 0; j < n; j++) g[j] = column_dot_haswell(x, j, n, d, m);
    }
}

#if defined(__x86_64__) || defined(__i386__)

__attribute__((target("fma"))) static void xw_fma(const double *x, const double *w, long m, long n, double *z) {
    xw_body(x, w, m, n, z);
}
__attribute__((target("fma"))) static void xtd_fma(const double *x, const double *d, long m, long n, int skylakex,
                                                   double *g) {
    xtd_body(x, d, m, n, skylakex, g);
}
static void xw_baseline(const double *x, const double *w, long m, long n, double *z) { xw_body(x, w, m, n, z); }
static void xtd_baseline(const double *x, const double *d, long m, long n, int skylakex, double *g) {
    xtd_body(x, d, m, n, skylakex, g);
}

static int has_fma;

__attribute__((constructor)) static void detect_fma_for_matrices(void) {
    __builtin_cpu_init();
    has_fma = __builtin_cpu_supports("fma") != 0;
}

void cnumpymath_xw(const double *x, const double *w, long m, long n, double *z) {
    if (has_fma) xw_fma(x, w, m, n, z); else xw_baseline(x, w, m, n, z);
}

void cnumpymath_xtd(const double *x, const double *d, long m, long n, int skylakex, double *g) {
    if (has_fma) xtd_fma(x, d, m, n, skylakex, g); else xtd_baseline(x, d, m, n, skylakex, g);
}

#else

void cnumpymath_xw(const double *x, const double *w, long m, long n, double *z) { xw_body(x, w, m, n, z); }
void cnumpymath_xtd(const double *x, const double *d, long m, long n, int skylakex, double *g) {
    xtd_body(x, d, m, n, skylakex, g);
}

#endif
