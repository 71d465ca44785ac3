/* The orders in which NumPy's bundled OpenBLAS (0.3.31, x86-64) sums a matrix product with both
 * operands matrices (dgemm): a hidden layer's X·W1 and Xᵀ·dz1 once X holds other numbers than 0
 * and 1. NumPy hands C = A·B (row-major, A: rows × k, B: k × cols) to OpenBLAS as the column-major
 * product Cᵀ = Bᵀ·Aᵀ, so OpenBLAS's "M" is our cols (hidden units, at most 16), its "N" our rows,
 * and its "K" our k.
 *
 * Each element is a chain of fused multiply-adds from 0, except where OpenBLAS does otherwise,
 * which the plan records (docs/network.md tells the whole story):
 *  - the SkylakeX set runs small products (M·N·K ≤ 10^6) through its "small matrix" kernels; in
 *    the one for two untransposed operands, the last M % 8 rows (when that is 1 to 4 and K ≥ 16)
 *    keep eight partial sums, one per k mod 8, and reduce them in one of two trees;
 *  - larger products are cut along K into blocks (GEMM_Q: 256 for Haswell, 384 for SkylakeX; a
 *    remainder between one and two blocks is halved, rounded as the single-threaded or the
 *    threaded driver rounds it), each block summed from 0 and added to the running result;
 *  - the Haswell kernel sums an element that falls in a one-column tile of a four-row tile with
 *    four partial sums (k mod 4) for each whole group of eight k. Where those tiles fall depends
 *    on how OpenBLAS cuts N (and M) between its threads and into its buffers.
 * Each rule was read in OpenBLAS's source and checked against NumPy on random shapes for both
 * kernel sets with one and two threads (scripts/check_dgemm_orders.py). */

#include "CNumPyMath.h"

#include <math.h>

#include "ExactArithmetic.h"

enum { MODE_CHAIN = 0, MODE_FOUR = 1, MODE_LANES_PAIRS = 2, MODE_LANES_HALVES = 3 };

/* Kernel-set constants: GEMM_Q, GEMM_UNROLL_M, the GEMM_R this build computes at run time (only
 * Haswell's one-column tiles depend on it, so SkylakeX has none here), and the two switch ratios
 * (the one the thread-count choice reads and the one the partition widths read). */
typedef struct { long q, unroll_m, r, switch_ratio, width_ratio; } gemm_params;

static gemm_params params_for(int skylakex) {
    if (skylakex) return (gemm_params){384, 16, 0, 16, 8};
    return (gemm_params){256, 4, 15856, 8, 4};
}

/* driver/level3/level3_thread.c's partition of `n` into `parts` widths (GEMM_PREFERED_SIZE is 1
 * in NumPy's build, so no rounding); `ratio` 0 for the M partition, which has no lower bound. */
static long partition(long n, long parts, long ratio, long start, long *out) {
    long count = 0;
    out[0] = start;
    while (n > 0) {
        long width = (n + parts - count - 1) / (parts - count);
        if (ratio && width < ratio && width > 1) width = ratio;
        n -= width;
        if (n < 0) width += n;
        out[count + 1] = out[count] + width;
        count++;
    }
    return count;
}

/* A one-column tile ends every kernel call of odd width; the calls cover each buffer-sized piece
 * of a thread's columns (the chunks inside a call are all even but the last). Its four-row tiles
 * are the whole groups of four of the thread's rows. */
static void mark_one_column(unsigned char *modes, long cols, long column, const long *mcuts, long mparts) {
    for (long t = 0; t < mparts; t++) {
        long from = mcuts[t], whole = (mcuts[t + 1] - mcuts[t]) & ~3L;
        for (long c = from; c < from + whole; c++) modes[column * cols + c] = MODE_FOUR;
    }
}

long cnumpymath_gemm_plan(int skylakex, int transposed_b, long rows, long cols, long k, long threads, long *bounds,
                          unsigned char *modes) {
    const gemm_params p = params_for(skylakex);
    const long M = cols, N = rows, K = k;
    for (long i = 0; i < rows * cols; i++) modes[i] = MODE_CHAIN;
    const double mnk = (double)M * (double)N * (double)K;

    if (skylakex && mnk <= 1e6) {
        bounds[0] = 0;
        bounds[1] = K;
        long m8 = M & ~7L, tail = M - m8;
        if (!transposed_b && tail > 0 && tail <= 4 && K >= 16) {
            long n4 = N & ~3L;
            for (long r = 0; r < N; r++)
                for (long c = m8; c < M; c++)
                    modes[r * cols + c] = (tail == 4 || r < n4) ? MODE_LANES_PAIRS : MODE_LANES_HALVES;
        }
        return 1;
    }

    /* interface/gemm.c: how many threads; level3_thread.c: whether they really split it. */
    long nthreads = 1;
    if (mnk > 262144.0) {
        nthreads = threads < 1 ? 1 : threads;
        if (mnk / (double)nthreads < 262144.0) nthreads = (long)(mnk / 262144.0);
    }
    long tm = 1, tn = 1;
    if (nthreads > 1) {
        const long sw = p.switch_ratio;
        if (M >= 2 * sw) {
            tm = nthreads;
            while (M < tm * sw) tm /= 2;
        }
        if (N >= sw * tm) {
            tn = (N + sw * tm - 1) / (sw * tm);
            if (tm * tn > nthreads) tn = nthreads / tm;
            while (tm % 2 == 0 && N * tm + M * tn > N * (tm / 2) + M * (tn * 2)) {
                tm /= 2;
                tn *= 2;
            }
        }
    }
    const int threaded = tm * tn > 1;

    long blocks = 0;
    bounds[0] = 0;
    for (long ls = 0; ls < K;) {
        long l = K - ls;
        if (l >= 2 * p.q) l = p.q;
        else if (l > p.q) l = threaded ? (l + 1) / 2 : ((l / 2 + p.unroll_m - 1) / p.unroll_m) * p.unroll_m;
        ls += l;
        bounds[++blocks] = ls;
    }

    if (skylakex) return blocks;

    long mcuts[65], ncuts[65];
    if (!threaded) {
        mcuts[0] = 0;
        mcuts[1] = M;
        for (long js = 0; js < N; js += p.r) {
            long end = js + p.r < N ? js + p.r : N;
            if ((end - js) & 1) mark_one_column(modes, cols, end - 1, mcuts, 1);
        }
        return blocks;
    }
    const long total = tm * tn;
    long mparts = partition(M, tm, 0, 0, mcuts);
    for (long js = 0; js < N; js += p.r * total) {
        long n = N - js < p.r * total ? N - js : p.r * total;
        long nparts = partition(n, total, p.width_ratio, js, ncuts);
        for (long t = 0; t < nparts; t++) {
            long from = ncuts[t], to = ncuts[t + 1], half = (to - from + 1) / 2;
            for (long s = from; s < to; s += half) {
                long end = s + half < to ? s + half : to;
                if ((end - s) & 1) mark_one_column(modes, cols, end - 1, mcuts, mparts);
            }
        }
    }
    return blocks;
}

ALWAYS_INLINE double element(const double *a, long a_k, const double *b, long b_k, long k, const long *bounds,
                             long blocks, unsigned char mode) {
    if (mode >= MODE_LANES_PAIRS) {
        double l[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (long q = 0; q < k; q++) l[q & 7] = __builtin_fma(a[q * a_k], b[q * b_k], l[q & 7]);
        if (mode == MODE_LANES_PAIRS) return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
        return ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
    }
    double sum = 0.0;
    for (long blk = 0; blk < blocks; blk++) {
        const long from = bounds[blk], length = bounds[blk + 1] - from;
        const double *x = a + from * a_k, *y = b + from * b_k;
        double part;
        if (mode == MODE_FOUR && length >= 8) {
            double acc[4] = {0, 0, 0, 0};
            const long whole = length & ~7L;
            long q = 0;
            for (; q < whole; q++) acc[q & 3] = __builtin_fma(x[q * a_k], y[q * b_k], acc[q & 3]);
            for (; q < length; q++) acc[0] = __builtin_fma(x[q * a_k], y[q * b_k], acc[0]);
            part = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        } else {
            part = 0.0;
            for (long q = 0; q < length; q++) part = __builtin_fma(x[q * a_k], y[q * b_k], part);
        }
        sum = blk == 0 ? part : sum + part;
    }
    return sum;
}

/* A row whose elements are all plain chains is summed for all its columns at once: the same
 * operations on each element in the same order, so the same bits, but the chains are independent
 * and overlap instead of each waiting on its own latency. Columns are at most 16 (hidden units). */
ALWAYS_INLINE void chained_row(long cols, const double *a, long a_k, const double *b, long b_k, long b_col,
                               double *c, const long *bounds, long blocks) {
    double sum[16], part[16];
    for (long blk = 0; blk < blocks; blk++) {
        for (long col = 0; col < cols; col++) part[col] = 0.0;
        for (long q = bounds[blk]; q < bounds[blk + 1]; q++) {
            const double x = a[q * a_k];
            const double *y = b + q * b_k;
            for (long col = 0; col < cols; col++) part[col] = __builtin_fma(x, y[col * b_col], part[col]);
        }
        for (long col = 0; col < cols; col++) sum[col] = blk == 0 ? part[col] : sum[col] + part[col];
    }
    for (long col = 0; col < cols; col++) c[col] = sum[col];
}

ALWAYS_INLINE void gemm(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b,
                        long b_k, long b_col, double *c, const long *bounds, long blocks,
                        const unsigned char *modes) {
    for (long r = 0; r < rows; r++) {
        int plain = cols <= 16;
        for (long col = 0; col < cols && plain; col++) plain = modes[r * cols + col] == MODE_CHAIN;
        if (plain) {
            /* Each width its own copy, so the partial sums live in registers. */
#define CHAINED(width) \
    case width: chained_row(width, a + r * a_row, a_k, b, b_k, b_col, c + r * cols, bounds, blocks); break;
            switch (cols) {
                CHAINED(1) CHAINED(2) CHAINED(3) CHAINED(4) CHAINED(5) CHAINED(6) CHAINED(7) CHAINED(8)
                CHAINED(9) CHAINED(10) CHAINED(11) CHAINED(12) CHAINED(13) CHAINED(14) CHAINED(15) CHAINED(16)
            }
#undef CHAINED
            continue;
        }
        for (long col = 0; col < cols; col++)
            c[r * cols + col] = element(a + r * a_row, a_k, b + col * b_col, b_k, k, bounds, blocks,
                                        modes[r * cols + col]);
    }
}

#if defined(__x86_64__) || defined(__i386__)

__attribute__((target("fma"))) static void gemm_fma(long rows, long cols, long k, const double *a, long a_row,
                                                    long a_k, const double *b, long b_k, long b_col, double *c,
                                                    const long *bounds, long blocks, const unsigned char *modes) {
    gemm(rows, cols, k, a, a_row, a_k, b, b_k, b_col, c, bounds, blocks, modes);
}

void cnumpymath_gemm_baseline(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b,
                              long b_k, long b_col, double *c, const long *bounds, long blocks,
                              const unsigned char *modes) {
    gemm(rows, cols, k, a, a_row, a_k, b, b_k, b_col, c, bounds, blocks, modes);
}

static int has_fma;

__attribute__((constructor)) static void detect_fma_for_gemm_orders(void) {
    __builtin_cpu_init();
    has_fma = __builtin_cpu_supports("fma") != 0;
}

void cnumpymath_gemm(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b, long b_k,
                     long b_col, double *c, const long *bounds, long blocks, const unsigned char *modes) {
    if (has_fma) gemm_fma(rows, cols, k, a, a_row, a_k, b, b_k, b_col, c, bounds, blocks, modes);
    else cnumpymath_gemm_baseline(rows, cols, k, a, a_row, a_k, b, b_k, b_col, c, bounds, blocks, modes);
}

#else

void cnumpymath_gemm(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b, long b_k,
                     long b_col, double *c, const long *bounds, long blocks, const unsigned char *modes) {
    gemm(rows, cols, k, a, a_row, a_k, b, b_k, b_col, c, bounds, blocks, modes);
}
void cnumpymath_gemm_baseline(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b,
                              long b_k, long b_col, double *c, const long *bounds, long blocks,
                              const unsigned char *modes) {
    gemm(rows, cols, k, a, a_row, a_k, b, b_k, b_col, c, bounds, blocks, modes);
}

#endif
