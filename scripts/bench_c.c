/* The notebook's training step as a plain C loop: the speed limit for a straightforward scalar
 * implementation. Run twice, with the C library's exp and with the engine's own exp (NumPy's SVML
 * kernel, Sources/CNumPyMath, whose results are NumPy's bit for bit), so the difference between
 * the two is the cost of the kernel alone. Built and run by scripts/bench_c.sh. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "CNumPyMath.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Inlined into each caller with its own exp, so both loops call their exp directly. */
static inline __attribute__((always_inline)) void run(const char *name, double (*exp_fn)(double),
                                                      long steps, int rounds) {
    static const double X[4][3] = {{0, 1, 0}, {1, 0, 0}, {1, 1, 1}, {0, 1, 1}};
    static const double y[4] = {0, 1, 1, 0};
    double ns[64], checksum = 0;
    if (rounds > 64) rounds = 64;
    for (int r = 0; r < rounds; r++) {
        /* seed 1's weights, from NumPy's legacy generator */
        volatile double w0 = -0.165955990594852, w1 = 0.4406489868843162, w2 = -0.9997712503653102;
        double w[3] = {w0, w1, w2}, b = 0, dz[4];
        double start = now();
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < 4; i++) {
                double z = X[i][0] * w[0] + X[i][1] * w[1] + X[i][2] * w[2] + b;
                dz[i] = 1 / (1 + exp_fn(-z)) - y[i];
            }
            for (int j = 0; j < 3; j++)
                w[j] -= 0.25 * ((X[0][j] * dz[0] + X[1][j] * dz[1]) + (X[2][j] * dz[2] + X[3][j] * dz[3]));
            b -= 0.25 * (dz[0] + dz[1] + dz[2] + dz[3]);
        }
        ns[r] = (now() - start) / steps * 1e9;
        checksum += b;
    }
    qsort(ns, rounds, sizeof ns[0], compare);
    printf("C loop with %s (notebook, %d rounds of %ld steps)\n", name, rounds, steps);
    printf("  best:   %.1f ns/step  %.0f steps/s\n", ns[0], 1e9 / ns[0]);
    printf("  median: %.1f ns/step  %.0f steps/s\n", ns[rounds / 2], 1e9 / ns[rounds / 2]);
    printf("  (checksum %.17g)\n", checksum);
}

static void run_libm(long steps, int rounds) { run("libm exp", exp, steps, rounds); }

static void run_numpy(long steps, int rounds) { run("the engine's exp (NumPy's SVML kernel)", cnumpymath_exp, steps, rounds); }

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 2000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    run_libm(steps, rounds);
    run_numpy(steps, rounds);
    return 0;
}
