#ifndef CNUMPYMATH_CPU_H
#define CNUMPYMATH_CPU_H

/* The raw x86 CPUID and XGETBV words that NumPy's start-up check (npy_cpu_features.c) reads to
 * decide whether this CPU has its X86_V4 group, and that glibc reads to pick its exp/log variant.
 * Only the registers are read here; what they mean is decided in Swift (X86Features), as a pure
 * function that tests can feed any bits. */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    /* 1 when this is an x86-64 build and CPUID answered; all words below are 0 otherwise. */
    int available;
    /* CPUID leaf 0: the highest basic leaf. */
    unsigned int max_leaf;
    /* CPUID leaf 1, ECX: SSE3 ... FMA (12), OSXSAVE (27), AVX (28). */
    unsigned int leaf1_ecx;
    /* CPUID leaf 7 subleaf 0, EBX: AVX2 (5), AVX512F (16), DQ (17), CD (28), BW (30), VL (31). */
    unsigned int leaf7_ebx;
    /* CPUID leaf 0x80000001, ECX: FMA4 (16), for glibc's AMD variant. */
    unsigned int ext1_ecx;
    /* XCR0 from XGETBV(0), read only when OSXSAVE says the instruction exists; else 0. */
    unsigned long long xcr0;
} cnumpymath_cpu_words;

/* Fills *out for the CPU this runs on. */
void cnumpymath_read_cpu_words(cnumpymath_cpu_words *out);

#ifdef __cplusplus
}
#endif

#endif
