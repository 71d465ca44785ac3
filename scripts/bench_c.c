/* The notebook's training step, and xor's network with four hidden units, as plain C loops: the
 * speed limit for a straightforward scalar implementation. Run twice, with the C library's exp and with the engine's own exp (NumPy's SVML
 * kernel, Sources/CNumPyMath, whose results are NumPy's bit for bit), so the difference between
 * the two is the cost of the kernel alone. Built and run by scripts/bench_c.sh. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The step of xor's network with four hidden units (cross-entropy, biases), as plain C loops. */
static inline __attribute__((always_inline)) void run_hidden(const char *name, double (*exp_fn)(double),
                                                             long steps, int rounds) {
    enum { M = 4, N = 3, H = 4 };
    static const double X[M][N] = {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}};
    static const double y[M] = {0, 1, 1, 0};
    /* seed 1's W1 (3x4) then W2 (4x1), from NumPy's legacy generator */
    static const double W1_0[N][H] = {{-0.165955990594852, 0.4406489868843162, -0.9997712503653102, -0.39533485473632046},
                                      {-0.7064882183657739, -0.8153228104624044, -0.6274795772446582, -0.3088785459139045},
                                      {-0.20646505153866013, 0.07763346800671389, -0.1616109711934104, 0.370439000793519}};
    static const double W2_0[H] = {-0.5910955005369651, 0.7562348727818908, -0.9452248136041477, 0.34093502035680445};
    double ns[64], checksum = 0;
    if (rounds > 64) rounds = 64;
    for (int r = 0; r < rounds; r++) {
        double W1[N][H], W2[H], b1[H] = {0}, b2 = 0, A1[M][H], dz2[M], dz1[M][H];
        for (int q = 0; q < N; q++) for (int j = 0; j < H; j++) W1[q][j] = ((volatile const double *)W1_0[q])[j];
        for (int j = 0; j < H; j++) W2[j] = ((volatile const double *)W2_0)[j];
        double start = now();
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < M; i++) {
                double z2 = b2;
                for (int j = 0; j < H; j++) {
                    double z = b1[j];
                    for (int q = 0; q < N; q++) z += X[i][q] * W1[q][j];
                    A1[i][j] = 1 / (1 + exp_fn(-z));
                    z2 += A1[i][j] * W2[j];
                }
                dz2[i] = 1 / (1 + exp_fn(-z2)) - y[i];
                for (int j = 0; j < H; j++) dz1[i][j] = dz2[i] * W2[j] * A1[i][j] * (1 - A1[i][j]);
            }
            double db2 = 0;
            for (int i = 0; i < M; i++) db2 += dz2[i];
            for (int j = 0; j < H; j++) {
                double dW2 = 0, db1 = 0;
                for (int i = 0; i < M; i++) { dW2 += A1[i][j] * dz2[i]; db1 += dz1[i][j]; }
                for (int q = 0; q < N; q++) {
                    double dW1 = 0;
                    for (int i = 0; i < M; i++) dW1 += X[i][q] * dz1[i][j];
                    W1[q][j] -= 0.25 * dW1;
                }
                W2[j] -= 0.25 * dW2;
                b1[j] -= 0.25 * db1;
            }
            b2 -= 0.25 * db2;
        }
        ns[r] = (now() - start) / steps * 1e9;
        checksum += b2;
    }
    qsort(ns, rounds, sizeof ns[0], compare);
    printf("C loop with %s (xor, 3-4-1 cross-entropy, %d rounds of %ld steps)\n", name, rounds, steps);
    printf("  best:   %.1f ns/step  %.0f steps/s\n", ns[0], 1e9 / ns[0]);
    printf("  median: %.1f ns/step  %.0f steps/s\n", ns[rounds / 2], 1e9 / ns[rounds / 2]);
    printf("  (checksum %.17g)\n", checksum);
}

static void run_libm(long steps, int rounds) { run("libm exp", exp, steps, rounds); }

static void run_hidden_libm(long steps, int rounds) { run_hidden("libm exp", exp, steps, rounds); }

static void run_hidden_numpy(long steps, int rounds) {
    run_hidden("the engine's exp (NumPy's SVML kernel)", cnumpymath_exp, steps, rounds);
}

static void run_numpy(long steps, int rounds) { run("the engine's exp (NumPy's SVML kernel)", cnumpymath_exp, steps, rounds); }

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 2000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    /* A third argument, "perceptron" or "hidden", runs only those loops (for timing one alone). */
    const char *only = argc > 3 ? argv[3] : "";
    if (strcmp(only, "hidden") != 0) {
        run_libm(steps, rounds);
        run_numpy(steps, rounds);
    }
    if (strcmp(only, "perceptron") != 0) {
        /* The hidden net's step is about ten times the work: a tenth of the steps. */
        run_hidden_libm(steps / 10 > 0 ? steps / 10 : 1, rounds);
        run_hidden_numpy(steps / 10 > 0 ? steps / 10 : 1, rounds);
    }
    return 0;
}
