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

/* The two matrix-vector products run by `threads` threads of OpenBLAS (1 for one): a large
 * product is cut into blocks as OpenBLAS cuts it for that many threads, each block summed in its
 * kernel's order (BLASOrders.c). Nothing is allocated. */

/* out[row] = (A·w)[row] for a row-major (rows × k) matrix A, in the order of OpenBLAS's dgemv_t
 * (the same in its Haswell and SkylakeX kernel sets). */
void cnumpymath_gemv_t(const double *a, const double *w, long rows, long k, double *out, long threads);

/* One row of it on one thread: row `row` of `rows` (the kernel that sums a row depends on its
 * position). */
double cnumpymath_gemv_t_row(const double *a, const double *w, long k, long row, long rows);

/* out[column] = (Aᵀ·d)[column] for a row-major (m × k) matrix A, in the order of OpenBLAS's
 * dgemv_n (ddot when k is 1) in its Haswell (skylakex == 0) or SkylakeX (skylakex != 0) kernels. */
void cnumpymath_gemv_n(int skylakex, const double *a, long m, long k, const double *d, double *out, long threads);

/* The same two as built for CPUs without FMA, whatever this CPU has, for the tests. */
void cnumpymath_gemv_t_baseline(const double *a, const double *w, long rows, long k, double *out, long threads);
void cnumpymath_gemv_n_baseline(int skylakex, const double *a, long m, long k, const double *d, double *out,
                                long threads);

/* A matrix product with both operands matrices, C = A·B (C row-major, rows × cols), summed in the
 * order NumPy's OpenBLAS dgemm uses (GEMMOrders.c). `cnumpymath_gemm_plan` works out that order
 * once per shape: it writes the bounds of the blocks along k into `bounds` (room for k / 128 + 3)
 * and one order code per element into `modes` (rows × cols), and returns the number of blocks.
 * `transposed_b` is 1 for Xᵀ·dz1 (OpenBLAS's NT case), 0 for X·W1 (NN). */
long cnumpymath_gemm_plan(int skylakex, int transposed_b, long rows, long cols, long k, long threads, long *bounds,
                          unsigned char *modes);

/* A[r][q] is a[r * a_row + q * a_k], B[q][c] is b[q * b_k + c * b_col]. Nothing is allocated. */
void cnumpymath_gemm(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b, long b_k,
                     long b_col, double *c, const long *bounds, long blocks, const unsigned char *modes);
/* The same, built for CPUs without FMA, for the tests. */
void cnumpymath_gemm_baseline(long rows, long cols, long k, const double *a, long a_row, long a_k, const double *b,
                              long b_k, long b_col, double *c, const long *bounds, long blocks,
                              const unsigned char *modes);

/* The processors OpenBLAS counts when it chooses its thread count (driver/others/memory.c,
 * get_num_procs, as built with NO_AFFINITY): the configured ones, or fewer if this process's
 * affinity mask allows fewer; 2 if neither is known. */
long cnumpymath_blas_processors(void);

#ifdef __cplusplus
}
#endif

#endif
