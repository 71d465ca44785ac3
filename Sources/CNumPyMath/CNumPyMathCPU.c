/* Reads the CPUID and XCR0 words NumPy reads at import time (numpy/_core/src/common/
 * npy_cpu_features.c). XGETBV faults on CPUs or kernels without OSXSAVE, so it is executed only
 * when CPUID leaf 1 says it exists, as NumPy does. Written as raw bytes like NumPy's, so no
 * target attribute is needed. */

#include "CNumPyMathCPU.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>

void cnumpymath_read_cpu_words(cnumpymath_cpu_words *out) {
    memset(out, 0, sizeof *out);
    unsigned int a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(0, &a, &b, &c, &d)) return;
    out->available = 1;
    out->max_leaf = a;
    if (a >= 1) {
        __cpuid(1, a, b, c, d);
        out->leaf1_ecx = c;
    }
    /* NumPy asks leaf 7 without checking the maximum; below leaf 7 a CPU answers with another
     * leaf's words, so they are left 0 here (such CPUs lack AVX2, where NumPy stops anyway). */
    if (out->max_leaf >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        out->leaf7_ebx = b;
    }
    if (__get_cpuid(0x80000001u, &a, &b, &c, &d)) out->ext1_ecx = c;
    if (out->leaf1_ecx & (1u << 27)) {
        unsigned int eax, edx;
        __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(eax), "=d"(edx) : "c"(0));
        out->xcr0 = ((unsigned long long)edx << 32) | eax;
    }
}

#else

void cnumpymath_read_cpu_words(cnumpymath_cpu_words *out) { memset(out, 0, sizeof *out); }

#endif
