/* The orders in which NumPy's bundled OpenBLAS sums the two matrix-vector products of a hidden
 * layer's step whose factors are both real (A1·W2 by dgemv_t, A1ᵀ·dz2 by dgemv_n, ddot for one
 * hidden unit), for its two x86-64 kernel sets, with each fused multiply-add where the kernels
 * fuse. Written in C for the same reason as the exp/log kernels: one body compiled with FMA (one
 * instruction per fma) and for baseline x86-64 (the C library's fma, same bits, slower), chosen
 * once at load time. The matrices are row-major (rows × k).
 *
 * With more than one thread OpenBLAS cuts a large product into blocks, one per thread, each summed
 * by the same kernels as a product of its own; gemv_t, gemv_n and ddot_threads below take the
 * thread count and cut as it does (interface/gemv.c, driver/level2/gemv_thread.c,
 * kernel/x86_64/ddot.c and driver/others/blas_l1_thread.c of OpenBLAS 0.3.31), without a buffer. */

#include "CNumPyMath.h"

#include <math.h>

#include "ExactArithmetic.h"

/* (A·w)[row]: both sets run the same dgemv_t code. Rows in whole blocks of four go through the
 * 4x4 kernel (four fused lanes), the next two through the 4x2 kernel (two plain lanes), the last
 * through the 4x1 kernel (four plain lanes); the k % 4 last columns are added after, fused. */
ALWAYS_INLINE double row_dot(const double *a, const double *w, long k, long row, long rows) {
    double y = 0.0;
    long blocked = k & ~3L;
    if (blocked > 0) {
        double r;
        if (row < 4 * (rows >> 2)) {
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (long i = 0; i < blocked; i += 4) {
                s0 = __builtin_fma(a[i], w[i], s0);
                s1 = __builtin_fma(a[i + 1], w[i + 1], s1);
                s2 = __builtin_fma(a[i + 2], w[i + 2], s2);
                s3 = __builtin_fma(a[i + 3], w[i + 3], s3);
            }
            r = (s0 + s2) + (s1 + s3);
        } else if ((rows & 2) && row < 4 * (rows >> 2) + 2) {
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
    case 3: y = y + __builtin_fma(t[2], x[2], __builtin_fma(t[0], x[0], t[1] * x[1])); break;
    case 2: y = y + __builtin_fma(t[0], x[0], t[1] * x[1]); break;
    case 1: y = __builtin_fma(t[0], x[0], y); break;
    default: break;
    }
    return y;
}

#define V(i) a[(i) * k + column]

/* Haswell's ddot: blocks of 16 in sixteen fused lanes, combined as a tree (the even lanes and the
 * odd ones apart, then the two), then the m % 16 last products one by one. */
ALWAYS_INLINE double ddot_haswell(const double *x, const double *y, long m) {
    double dot = 0.0;
    long blocked = m & ~15L;
    if (blocked > 0) {
        double acc[16] = {0};
        for (long b = 0; b < blocked; b += 16)
            for (int l = 0; l < 16; l++) acc[l] = __builtin_fma(x[b + l], y[b + l], acc[l]);
        double low = ((acc[0] + acc[2]) + (acc[4] + acc[6])) + ((acc[8] + acc[10]) + (acc[12] + acc[14]));
        double high = ((acc[1] + acc[3]) + (acc[5] + acc[7])) + ((acc[9] + acc[11]) + (acc[13] + acc[15]));
        dot = low + high;
    }
    for (long i = blocked; i < m; i++) dot = dot + y[i] * x[i];
    return 0.0 + dot;
}

/* (Aᵀ·d)[column] as one dgemv_n call over the outputs first ..< first + width sums it (width == k
 * for the whole product), Haswell: outputs in blocks of four summed four samples at a time with
 * its kernel's fused pairs; the others plainly, in pairs when they are all the k < 4 outputs (the
 * kernel takes that path when lda equals its leftover count). */
ALWAYS_INLINE double column_dot_haswell(const double *a, long column, long k, const double *d, long m, long first,
                                        long width) {
    if (column - first < (width & ~3L)) {
        double y = 0.0;
        long c = 0;
        for (long g = 0; g < (m >> 2); g++, c += 4) {
            double t4 = __builtin_fma(V(c + 2), d[c + 2], V(c) * d[c]);
            double t5 = __builtin_fma(V(c + 3), d[c + 3], V(c + 1) * d[c + 1]);
            y = y + (t4 + t5);
        }
        if (m & 2) { y = y + (V(c) * d[c] + V(c + 1) * d[c + 1]); c += 2; }
        if (m & 1) y = y + d[c] * V(c);
        return y;
    }
    double t = 0.0;
    if (width == k && k < 4) {
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

/* SkylakeX's ddot: blocks of 32 in four 8-lane accumulators, each folded to four lanes (lane j
 * plus lane j + 4), then a last block of 16 into those four 4-lane accumulators, all fused; the
 * four added in turn, then lanes (0 + 2) + (1 + 3); the m % 16 last products fused one by one.
 * One thread's order (ddot_threads cuts a longer sum over threads). */
ALWAYS_INLINE double ddot_skylakex(const double *x, const double *y, long m) {
    double dot = 0.0;
    long blocked = m & ~15L;
    if (blocked > 0) {
        long wide = blocked & ~31L;
        double z[32] = {0};
        for (long b = 0; b < wide; b += 32)
            for (int l = 0; l < 32; l++) z[l] = __builtin_fma(x[b + l], y[b + l], z[l]);
        double acc[4][4];
        for (int q = 0; q < 4; q++)
            for (int j = 0; j < 4; j++) acc[q][j] = z[8 * q + j] + z[8 * q + j + 4];
        for (long b = wide; b < blocked; b += 16)
            for (int q = 0; q < 4; q++)
                for (int j = 0; j < 4; j++) acc[q][j] = __builtin_fma(x[b + 4 * q + j], y[b + 4 * q + j], acc[q][j]);
        double s[4];
        for (int j = 0; j < 4; j++) s[j] = ((acc[0][j] + acc[1][j]) + acc[2][j]) + acc[3][j];
        dot = (s[0] + s[2]) + (s[1] + s[3]);
    }
    for (long i = blocked; i < m; i++) dot = __builtin_fma(y[i], x[i], dot);
    return dot;
}

/* The same for SkylakeX: its own kernel for blocks of four outputs (four samples fused in a chain,
 * added to the running sum); its C parts, compiled for AVX-512, fuse a multiply into each
 * addition. */
ALWAYS_INLINE double column_dot_skylakex(const double *a, long column, long k, const double *d, long m, long first,
                                          long width) {
    if (column - first < (width & ~3L)) {
        double y = 0.0;
        long c = 0;
        for (long g = 0; g < (m >> 2); g++, c += 4) {
            y = y + __builtin_fma(V(c + 3), d[c + 3],
                                  __builtin_fma(V(c + 2), d[c + 2], __builtin_fma(V(c), d[c], V(c + 1) * d[c + 1])));
        }
        if (m & 2) { y = y + __builtin_fma(V(c), d[c], V(c + 1) * d[c + 1]); c += 2; }
        if (m & 1) y = y + d[c] * V(c);
        return y;
    }
    double t = 0.0;
    if (width == k && k < 4) {
        long i = 0;
        for (; i < (m & ~3L); i += 4) {
            t = t + __builtin_fma(V(i), d[i], V(i + 1) * d[i + 1]);
            t = t + __builtin_fma(V(i + 2), d[i + 2], V(i + 3) * d[i + 3]);
        }
        for (; i < m; i++) t = __builtin_fma(V(i), d[i], t);
    } else {
        for (long i = 0; i < m; i++) t = __builtin_fma(V(i), d[i], t);
    }
    return t;
}

#undef V

/* OpenBLAS's cut of `total` over its threads: block c of the `rest` left gets
 * max(minimum, ceil(rest / (threads - c))), at most rest. Returns the width of the next block. */
ALWAYS_INLINE long block_width(long rest, long threads, long c, long minimum) {
    long width = (rest + threads - c - 1) / (threads - c);
    if (width < minimum) width = minimum;
    return width < rest ? width : rest;
}

/* interface/gemv.c: one thread below 115200 * GEMM_MULTITHREAD_THRESHOLD (4) products. */
#define GEMV_THREAD_MIN 460800L
/* kernel/x86_64/ddot.c: one thread up to 10,000 products. */
#define DOT_THREAD_MAX 10000L
/* driver/level2/gemv_thread.c: its per-thread buffer for dgemv_n's partial sums (Y_DUMMY_NUM). */
#define GEMV_N_BUFFER 1024L

ALWAYS_INLINE double ddot_one(int skylakex, const double *x, const double *y, long m) {
    return skylakex ? ddot_skylakex(x, y, m) : ddot_haswell(x, y, m);
}

/* ddot over `threads`: blocks without a minimum, their sums added in block order to 0. */
ALWAYS_INLINE double ddot_threads(int skylakex, const double *x, const double *y, long m, long threads) {
    if (threads <= 1 || m <= DOT_THREAD_MAX) return ddot_one(skylakex, x, y, m);
    double dot = 0.0;
    long start = 0;
    for (long c = 0; start < m; c++) {
        long width = block_width(m - start, threads, c, 1);
        dot = dot + ddot_one(skylakex, x + start, y + start, width);
        start += width;
    }
    return dot;
}

ALWAYS_INLINE double column_dot(int skylakex, const double *a, long column, long k, const double *d, long m, long first,
                                long width) {
    return skylakex ? column_dot_skylakex(a, column, k, d, m, first, width)
                    : column_dot_haswell(a, column, k, d, m, first, width);
}

/* dgemv_n over `threads`: its outputs cut into blocks of at least four, each its own dgemv_n; or,
 * when that leaves a thread idle and the partial sums fit its buffer, the samples cut instead,
 * each block's sums made from 0 and added to the zeroed result in block order. */
ALWAYS_INLINE void gemv_n(int skylakex, const double *a, long m, long k, const double *d, double *out, long threads) {
    if (k == 1) { out[0] = ddot_threads(skylakex, a, d, m, threads); return; }
    if (threads <= 1 || m * k < GEMV_THREAD_MIN) {
        for (long column = 0; column < k; column++) out[column] = column_dot(skylakex, a, column, k, d, m, 0, k);
        return;
    }
    long blocks = 0;
    for (long first = 0; first < k; blocks++) first += block_width(k - first, threads, blocks, 4);
    if (blocks < threads && k * threads <= GEMV_N_BUFFER) {
        for (long column = 0; column < k; column++) out[column] = 0.0;
        long start = 0;
        for (long c = 0; start < m; c++) {
            long width = block_width(m - start, threads, c, 4);
            for (long column = 0; column < k; column++)
                out[column] = out[column] + column_dot(skylakex, a + start * k, column, k, d + start, width, 0, k);
            start += width;
        }
        return;
    }
    long first = 0;
    for (long c = 0; first < k; c++) {
        long width = block_width(k - first, threads, c, 4);
        for (long column = first; column < first + width; column++)
            out[column] = column_dot(skylakex, a, column, k, d, m, first, width);
        first += width;
    }
}

/* dgemv_t over `threads`: its rows (the outputs) cut into blocks of at least four, each its own
 * dgemv_t, so a row's kernel depends on its place in its block. */
ALWAYS_INLINE void gemv_t(const double *a, const double *w, long rows, long k, double *out, long threads) {
    if (threads <= 1 || rows * k < GEMV_THREAD_MIN) {
        for (long row = 0; row < rows; row++) out[row] = row_dot(a + row * k, w, k, row, rows);
        return;
    }
    long start = 0;
    for (long c = 0; start < rows; c++) {
        long width = block_width(rows - start, threads, c, 4);
        for (long row = 0; row < width; row++)
            out[start + row] = row_dot(a + (start + row) * k, w, k, row, width);
        start += width;
    }
}

#if defined(__x86_64__) || defined(__i386__)

__attribute__((target("fma"))) static void gemv_t_fma(const double *a, const double *w, long rows, long k, double *out,
                                                      long threads) {
    gemv_t(a, w, rows, k, out, threads);
}
__attribute__((target("fma"))) static void gemv_n_fma(int skylakex, const double *a, long m, long k, const double *d,
                                                      double *out, long threads) {
    gemv_n(skylakex, a, m, k, d, out, threads);
}
void cnumpymath_gemv_t_baseline(const double *a, const double *w, long rows, long k, double *out, long threads) {
    gemv_t(a, w, rows, k, out, threads);
}
void cnumpymath_gemv_n_baseline(int skylakex, const double *a, long m, long k, const double *d, double *out,
                                long threads) {
    gemv_n(skylakex, a, m, k, d, out, threads);
}

static int has_fma;

__attribute__((constructor)) static void detect_fma_for_blas_orders(void) {
    __builtin_cpu_init();
    has_fma = __builtin_cpu_supports("fma") != 0;
}

__attribute__((target("fma"))) static double row_dot_fma(const double *a, const double *w, long k, long row, long rows) {
    return row_dot(a, w, k, row, rows);
}
double cnumpymath_gemv_t_row(const double *a, const double *w, long k, long row, long rows) {
    return has_fma ? row_dot_fma(a, w, k, row, rows) : row_dot(a, w, k, row, rows);
}

void cnumpymath_gemv_t(const double *a, const double *w, long rows, long k, double *out, long threads) {
    if (has_fma) gemv_t_fma(a, w, rows, k, out, threads); else cnumpymath_gemv_t_baseline(a, w, rows, k, out, threads);
}
void cnumpymath_gemv_n(int skylakex, const double *a, long m, long k, const double *d, double *out, long threads) {
    if (has_fma) gemv_n_fma(skylakex, a, m, k, d, out, threads);
    else cnumpymath_gemv_n_baseline(skylakex, a, m, k, d, out, threads);
}

#else

double cnumpymath_gemv_t_row(const double *a, const double *w, long k, long row, long rows) {
    return row_dot(a, w, k, row, rows);
}
void cnumpymath_gemv_t(const double *a, const double *w, long rows, long k, double *out, long threads) {
    gemv_t(a, w, rows, k, out, threads);
}
void cnumpymath_gemv_n(int skylakex, const double *a, long m, long k, const double *d, double *out, long threads) {
    gemv_n(skylakex, a, m, k, d, out, threads);
}
void cnumpymath_gemv_t_baseline(const double *a, const double *w, long rows, long k, double *out, long threads) {
    gemv_t(a, w, rows, k, out, threads);
}
void cnumpymath_gemv_n_baseline(int skylakex, const double *a, long m, long k, const double *d, double *out,
                                long threads) {
    gemv_n(skylakex, a, m, k, d, out, threads);
}

#endif
