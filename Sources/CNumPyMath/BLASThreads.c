/* The processor count OpenBLAS (0.3.31, as NumPy bundles it: built with NO_AFFINITY) caps its
 * thread count by: get_num_procs in driver/others/memory.c. It starts from the configured
 * processors and takes the affinity mask's count when that is smaller (on Linux); it reads them
 * once, when NumPy loads it. */

#if defined(__linux__)
#define _GNU_SOURCE
#include <sched.h>
#endif

#include "CNumPyMath.h"

#include <unistd.h>
#if defined(__APPLE__)
#include <sys/sysctl.h>
#endif

long cnumpymath_blas_processors(void) {
#if defined(__APPLE__)
    /* Its macOS rule: the physical cores. */
    int cores = 0;
    size_t length = sizeof cores;
    if (sysctlbyname("hw.physicalcpu", &cores, &length, NULL, 0) != 0) cores = 0;
    return cores > 0 ? cores : 2;
#else
    long configured = sysconf(_SC_NPROCESSORS_CONF);
#if defined(__linux__)
    int count = 0;
    if (configured >= CPU_SETSIZE) {
        cpu_set_t *set = CPU_ALLOC(configured);
        if (set == NULL) return configured > 0 ? configured : 2;
        size_t size = CPU_ALLOC_SIZE(configured);
        if (sched_getaffinity(0, size, set) == 0) count = CPU_COUNT_S(size, set);
        CPU_FREE(set);
    } else {
        cpu_set_t set;
        if (sched_getaffinity(0, sizeof set, &set) == 0) count = CPU_COUNT(&set);
    }
    if (count > 0 && count < configured) configured = count;
#endif
    return configured > 0 ? configured : 2;
#endif
}
