#include "CNumPyMath.h"

int cnumpymath_has_avx512f(void) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    /* The compiler runtime's check also asks the OS whether it saves the AVX-512 registers. */
    return __builtin_cpu_supports("avx512f") != 0;
#else
    return 0;
#endif
}
