"""NumPy's bundled OpenBLAS and its threads, for the scripts that need them (the way threadpoolctl
reaches it): the library, its thread count, and OpenBLAS's own rule for the default count.

    from openblas_threads import openblas, set_threads, threads, default_threads
"""
import ctypes
import glob
import os

import numpy as np

_candidates = sorted(glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "lib*openblas*.so*")))
if not _candidates:
    raise SystemExit("NumPy's bundled OpenBLAS not found (numpy.libs/lib*openblas*.so)")
openblas = ctypes.CDLL(_candidates[0])


def _symbol(name):
    # scipy-openblas64 prefixes and suffixes its symbols; a plain OpenBLAS does not.
    for full in (f"scipy_openblas_{name}64_", f"scipy_openblas_{name}", f"openblas_{name}"):
        if hasattr(openblas, full):
            return getattr(openblas, full)
    raise SystemExit(f"OpenBLAS symbol openblas_{name} not found in {_candidates[0]}")


_set = _symbol("set_num_threads")
_get = _symbol("get_num_threads")
_config = _symbol("get_config")
_config.restype = ctypes.c_char_p


def _cblas(name):
    for full in (f"scipy_cblas_{name}64_", f"scipy_cblas_{name}", f"cblas_{name}"):
        if hasattr(openblas, full):
            return getattr(openblas, full)
    raise SystemExit(f"cblas_{name} not found in {_candidates[0]}")


_dgemv = _cblas("dgemv")
_dgemv.restype = None
_COL_MAJOR, _NO_TRANS = 102, 111


def dgemv_n_columns(X, d, first, count):
    """(Xᵀ·d)[first:first+count] as one call of OpenBLAS's dgemv_n on those outputs of a row-major
    X (m × n), with lda still n: what one thread gets when dgemv_n cuts its outputs. (NumPy would
    copy such a slice or call ddot for one output.)"""
    m, n = X.shape
    assert X.flags.c_contiguous and X.dtype == np.float64 and d.flags.c_contiguous and d.dtype == np.float64
    y = np.zeros(count)
    dbl = ctypes.POINTER(ctypes.c_double)
    i64 = ctypes.c_int64
    _dgemv(ctypes.c_int(_COL_MAJOR), ctypes.c_int(_NO_TRANS), i64(count), i64(m), ctypes.c_double(1.0),
           ctypes.cast(X.ctypes.data + 8 * first, dbl), i64(n), d.ctypes.data_as(dbl), i64(1),
           ctypes.c_double(0.0), y.ctypes.data_as(dbl), i64(1))
    return y.reshape(count, 1)


def set_threads(n):
    """openblas_set_num_threads(n): any count up to its maximum (64), more than the cores too."""
    _set(int(n))


def threads():
    return int(_get())


def config():
    return _config().decode()


def _atoi(s):
    """C's atoi: optional blanks, a sign, the leading digits; 0 if none."""
    s = (s or "").lstrip(" \t\n\v\f\r")
    sign, i = 1, 0
    if s[:1] in "+-" and s:
        sign, i = (-1 if s[0] == "-" else 1), 1
    j = i
    while j < len(s) and s[j].isdigit():
        j += 1
    return sign * int(s[i:j]) if j > i else 0


def default_threads(env=None, procs=None, maximum=64):
    """The count OpenBLAS starts with (driver/others/openblas_env.c openblas_read_env and
    driver/others/memory.c blas_get_cpu_number): OPENBLAS_NUM_THREADS, else
    OPENBLAS_DEFAULT_NUM_THREADS, else GOTO_NUM_THREADS, else OMP_NUM_THREADS (each read with atoi,
    negative as 0), else its maximum; then at most the processors it may run on (get_num_procs:
    the configured processors, fewer if the affinity mask holds fewer), and at most its maximum."""
    env = os.environ if env is None else env
    if procs is None:
        procs = os.sysconf("SC_NPROCESSORS_CONF")
        mask = len(os.sched_getaffinity(0))
        if 0 < mask < procs:
            procs = mask
        if procs <= 0:
            procs = 2
    def read(name):
        return max(0, _atoi(env.get(name)))
    ob = read("OPENBLAS_NUM_THREADS") or read("OPENBLAS_DEFAULT_NUM_THREADS")
    goto = ob or read("GOTO_NUM_THREADS")
    omp = read("OMP_NUM_THREADS")
    n = goto if goto > 0 else omp if omp > 0 else maximum
    return min(n, procs, maximum)
