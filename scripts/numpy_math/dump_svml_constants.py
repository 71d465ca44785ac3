#!/usr/bin/env python3
"""Print the numeric constants of NumPy's vendored SVML float64 exp/log kernels.

NumPy (>= 2.0 on x86-64 with AVX512_SKX) evaluates float64 np.exp / np.log on
arrays with Intel SVML's `__svml_exp8_ha` / `__svml_log8_ha` (BSD-3-Clause,
vendored in numpy/SVML).  This script reads the constant tables those kernels
use straight out of the installed `_multiarray_umath` extension so that the
values hard-coded in Sources/CNumPyMath/CNumPyMath.c can be re-checked.

Needs binutils (`nm`, `objdump`).  Usage:
    python3 scripts/numpy_math/dump_svml_constants.py
"""
import glob
import os
import re
import struct
import subprocess

import numpy as np

so = glob.glob(os.path.join(os.path.dirname(np.__file__), "_core", "_multiarray_umath*.so"))[0]
blob = open(so, "rb").read()

sections = []
for line in subprocess.check_output(["objdump", "-h", so], text=True).splitlines():
    m = re.match(r"\s*\d+\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
    if m:
        sections.append((int(m.group(2), 16), int(m.group(3), 16), int(m.group(4), 16)))

symbols = {}
for line in subprocess.check_output(["nm", so], text=True).splitlines():
    parts = line.split()
    if len(parts) == 3:
        symbols.setdefault(parts[2], []).append(int(parts[0], 16))


def u64(addr):
    for size, vma, off in sections:
        if vma <= addr < vma + size:
            return struct.unpack("<Q", blob[off + addr - vma: off + addr - vma + 8])[0]
    raise KeyError(hex(addr))


def f64(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def code_refs(func, stop):
    """Addresses of data referenced (rip-relative) by the code of `func`."""
    start = symbols[func][0]
    out = subprocess.check_output(
        ["objdump", "-d", "--no-show-raw-insn", f"--start-address={start:#x}",
         f"--stop-address={symbols[stop][0]:#x}", so], text=True)
    return sorted({int(m.group(1), 16) for m in re.finditer(r"# ([0-9a-f]+) <", out)})


def show(title, base, count):
    print(f"// {title} @ {base:#x}")
    for i in range(count):
        b = u64(base + 8 * i)
        print(f"  [{i:3d}] 0x{b:016x}  {f64(b).hex():>24}  {f64(b)!r}")


print("NumPy", np.__version__, so)
exp_data = symbols["__svml_dexp_ha_data_internal_avx512"][0]
log_data = symbols["__svml_dlog_ha_data_internal_avx512"][0]
# exp: 16-entry 2^(j/16) hi table, lo table, then one broadcast constant per 64 bytes.
show("exp main: 2^(j/16) hi", exp_data, 16)
show("exp main: 2^(j/16) lo", exp_data + 0x80, 16)
for off in range(0x100, 0x440, 0x40):
    show(f"exp main: broadcast +{off:#x}", exp_data + off, 1)
# exp rare path (scalar): table used by __svml_dexp_ha_cout_rare_internal
rare = [a for a in code_refs("__svml_dexp_ha_cout_rare_internal", "__svml_exps32")]
tab = min(rare)
show("exp rare: 2^(j/64) hi/lo pairs", tab, 128)
for a in rare:
    if a >= tab + 0x400:
        show(f"exp rare: constant +{a - tab:#x}", a, 1)
# log
show("log main: -log(Rc) hi", log_data, 16)
show("log main: -log(Rc) lo", log_data + 0x80, 16)
for off in range(0x100, 0x400, 0x40):
    show(f"log main: broadcast +{off:#x}", log_data + off, 1)
for a in code_refs("__svml_dlog_ha_cout_rare_internal", "__svml_logs32"):
    show("log rare: constant", a, 1)
