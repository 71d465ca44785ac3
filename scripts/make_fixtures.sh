#!/bin/sh
# Regenerates Tests/Fixtures/train/{svml,libm}/*.csv with NumPy (scripts/reference.py): the runs
# that Tests/PerceptronCLITests/TrainCommandTests.swift compares `perceptron train --math KIND`
# against. Each file's name is the flags it was made with. docs/exactness.md says why two sets.
# The svml set also has the networks (a hidden layer, squared error, no bias, the presets), made
# with both of OpenBLAS's x86-64 kernel sets: -haswell and -skylakex files (docs/network.md); the
# libm set has a few of them (make_libm_networks).
#
#   svml  NumPy with its AVX-512 (X86_V4) kernels: needs Linux x86-64 with AVX-512; skipped otherwise.
#   libm  NumPy with the C library's exp/log: made anywhere NumPy runs (X86_V4 is switched off
#         with NPY_DISABLE_CPU_FEATURES), after checking that NumPy's exp/log are then the C
#         library's bit for bit. glibc has FMA and SSE2 builds of exp/log that differ in the last
#         bit for a few inputs in ten thousand; on an x86-64 CPU with FMA and AVX2 the set is
#         made again with the SSE2 build (GLIBC_TUNABLES) and must come out the same.
set -e
cd "$(dirname "$0")/.."
out=Tests/Fixtures/train

# make_set DIR: every run, with the NumPy and C library the environment gives.
make_set() {
    mkdir -p "$1"
    run() {
        file=$1/$2.csv; shift 2
        python3 scripts/reference.py "$@" > "$file"
        echo "$file: $*"
    }
    run "$1" notebook-5000-every-10 --steps 5000 --every 10
    run "$1" notebook-100000-every-10000 --steps 100000 --every 10000
    run "$1" xor-seed42-lr0.5 --data xor --seed 42 --lr 0.5 --steps 2000 --every 100
    run "$1" and-seed7-lr2 --data and --seed 7 --lr 2 --steps 2000 --every 100
    run "$1" trask-seed0 --data trask --seed 0 --steps 2000 --every 100
    run "$1" or-seed4294967295-lr0.1 --data or --seed 4294967295 --lr 0.1 --steps 2000 --every 100
    run "$1" notebook-lr1e6 --lr 1e6 --steps 40
    # What the visualiser's `w` writes after α 1 → 0.5 at step 10 and 10 more steps (with the lr column).
    run "$1" notebook-lr-change-10-0.5 --steps 20 --lr-change 10:0.5
}

# make_networks DIR: networks with a hidden layer, whose sums depend on OpenBLAS's kernel set, so
# each run is made with both x86-64 sets, pinned with OPENBLAS_CORETYPE (NumPy's own switch); the
# tests pin the engine the same way with --blas. Then the runs without a hidden layer that are
# new with the model flags (every product exact: one file each).
make_networks() {
    net() {
        name=$1/$2; shift 2
        OPENBLAS_CORETYPE=Haswell python3 scripts/reference.py "$@" > "$name-haswell.csv"
        OPENBLAS_CORETYPE=SkylakeX python3 scripts/reference.py "$@" > "$name-skylakex.csv"
        echo "$name-{haswell,skylakex}.csv: $*"
    }
    for data in notebook trask xor and or; do
        for h in 1 2 4 8 16; do
            net "$1" "net-$data-h$h" --data "$data" --hidden "$h" --steps 2000 --every 100
        done
    done
    net "$1" net-trask-3layer --preset trask-3layer --steps 60000 --every 10000
    net "$1" net-or-h3-squared-lr0.5 --data or --hidden 3 --loss squared --lr 0.5 --steps 2000 --every 100
    net "$1" net-notebook-h8-squared-seed7 --data notebook --hidden 8 --loss squared --seed 7 --steps 2000 --every 100
    net "$1" net-xor-h4-no-bias-seed42-lr2 --data xor --hidden 4 --no-bias --seed 42 --lr 2 --steps 2000 --every 100
    net "$1" net-xor-h16-lr1e4 --data xor --hidden 16 --lr 1e4 --steps 40
    run "$1" trask-2layer --preset trask-2layer --steps 10000 --every 1000
    run "$1" xor-squared --data xor --loss squared --steps 2000 --every 100
    run "$1" and-no-bias --data and --no-bias --steps 2000 --every 100
}

# make_libm_networks DIR: networks again with the C library's exp/log, which is what NumPy computes
# on an AVX2 machine (the engine's default there: --math libm with OpenBLAS's Haswell orders), with
# both kernel sets: the built-in tables with 2, 4 and 16 hidden units, squared error, no bias, and a
# real-valued table with a hidden layer (scripts/make_data.py; the tests make it again,
# Tests/TestSupport/GeneratedTable.swift). Each of the thousands of exp calls may round otherwise
# in glibc's SSE2 build, and every run here must come out the same with it (below), so runs that do
# not are stopped before the first step whose state differs between the builds (printing every
# step, with Haswell's and SkylakeX's orders: xor with 2 units from step 208, with 16 from step 51;
# the notebook's table with 16 from step 46; xor without bias, seed 42, α 2 from step 255). Trask's
# 3-layer preset is left out: with Haswell's orders its state differs from step 4; so is the table of
# 2049 rows with 7 hidden units (its Haswell run differs at step 3).
make_libm_networks() {
    lnet() {
        name=$1/$2; shift 2
        OPENBLAS_CORETYPE=Haswell python3 scripts/reference.py "$@" > "$name-haswell.csv"
        OPENBLAS_CORETYPE=SkylakeX python3 scripts/reference.py "$@" > "$name-skylakex.csv"
        echo "$name-{haswell,skylakex}.csv: $*"
    }
    for run in xor-h4 notebook-h2 notebook-h4; do
        lnet "$1" "net-$run" --data "${run%-h*}" --hidden "${run#*-h}" --steps 2000 --every 100
    done
    lnet "$1" net-xor-h2-steps200 --data xor --hidden 2 --steps 200 --every 10
    lnet "$1" net-xor-h16-steps50 --data xor --hidden 16 --steps 50 --every 5
    lnet "$1" net-notebook-h16-steps45 --data notebook --hidden 16 --steps 45 --every 5
    lnet "$1" net-or-h3-squared-lr0.5 --data or --hidden 3 --loss squared --lr 0.5 --steps 2000 --every 100
    lnet "$1" net-xor-h4-no-bias-seed42-lr2-steps250 --data xor --hidden 4 --no-bias --seed 42 --lr 2 --steps 250 --every 25
    tables=$(mktemp -d)
    python3 scripts/make_data.py --rows 128 --inputs 20 --seed 19 > "$tables/real-128x20-s19.csv"
    lnet "$1" real-128x20-s19-h4-t1 --data "$tables/real-128x20-s19.csv" --hidden 4 --lr 0.5 --steps 6 --every 3 \
        --no-predictions --blas-threads 1
    python3 scripts/make_data.py --rows 130 --inputs 17 --seed 34 > "$tables/real-130x17-s34.csv"
    lnet "$1" real-130x17-s34-h3-t1 --data "$tables/real-130x17-s34.csv" --hidden 3 --lr 0.5 --steps 6 --every 3 \
        --no-predictions --blas-threads 1
    rm -rf "$tables"
}

x86v4=$(env -u NPY_DISABLE_CPU_FEATURES python3 -c \
    "from numpy._core._multiarray_umath import __cpu_features__ as f; print(f.get('X86_V4', False))")
if [ "$x86v4" = True ] && [ "$(uname -s)" = Linux ]; then
    (unset NPY_DISABLE_CPU_FEATURES; make_set "$out/svml"; make_networks "$out/svml")
else
    echo "svml set not made: NumPy does not use its AVX-512 kernels here (X86_V4: $x86v4)"
fi

# Data files, with NumPy's AVX-512 exp/log (the engine's --math svml; the tests pin it) and each
# of OpenBLAS's kernel sets pinned where the kernels' orders matter.
(
unset NPY_DISABLE_CPU_FEATURES
# Real-valued tables of several shapes (scripts/make_data.py, rows x inputs, seed), trained from
# the CSV file as `perceptron train --data FILE` reads it. The small tables are kept in
# Tests/Fixtures/data/ (the tests check that their Swift generator writes the same bytes); the large
# ones are made again by the tests. Runs of more than 16 rows leave out the p columns.
# Made with each of OpenBLAS's two x86-64 kernel sets, pinned with OPENBLAS_CORETYPE: real
# products are rounded, so the kernels' orders show (docs/data.md); the tests pin the engine the
# same way with --blas. NAME.csv is Haswell's, NAME-skylakex.csv SkylakeX's (an AVX-512 CPU).
grep -q avx512f /proc/cpuinfo || { echo "the SkylakeX fixtures need an AVX-512 CPU" >&2; exit 1; }
data=Tests/Fixtures/data
mkdir -p "$data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for shape in 1x1-s11 2x3-s12 4x2-s13 7x5-s14 8x1-s15 9x4-s16 16x3-s17 33x7-s18 128x20-s19 129x6-s20 \
             1000x8-s21 2049x13-s22 10000x8-s23 100x1-s25 50x1-s26 10000x1-s27; do
    rows=${shape%%x*}; rest=${shape#*x}; inputs=${rest%%-s*}; seed=${shape##*-s}
    name=real-${shape}
    if [ "$rows" -le 16 ]; then file=$data/$name.csv; else file=$tmp/$name.csv; fi
    python3 scripts/make_data.py --rows "$rows" --inputs "$inputs" --seed "$seed" > "$file"
    extra=""
    [ "$rows" -gt 16 ] && extra=--no-predictions
    OPENBLAS_CORETYPE=Haswell python3 scripts/reference.py --data "$file" --lr 0.1 --steps 30 --every 10 $extra \
        > "$out/$name.csv"
    OPENBLAS_CORETYPE=SkylakeX python3 scripts/reference.py --data "$file" --lr 0.1 --steps 30 --every 10 $extra \
        > "$out/$name-skylakex.csv"
    echo "$out/$name.csv: $rows rows, $inputs inputs, seed $seed"
done
# Tables large enough that OpenBLAS cuts its products over its threads (more than 10,000 rows with
# one input, 460,800 numbers with more; docs/data.md), after checking its cuts against NumPy
# (scripts/check_blas_threads.py, both kernel sets). NumPy's thread count is set with
# --blas-threads (openblas_set_num_threads: any count, whatever this machine's cores); the tests
# pin the engine alike. NAME-tT.csv is Haswell's, NAME-tT-skylakex.csv SkylakeX's. A table marked
# cut must come out otherwise with one thread (else it would not test the cut); 30000x3 is below
# the threshold and must not.
OPENBLAS_CORETYPE=Haswell python3 scripts/check_blas_threads.py > /dev/null
OPENBLAS_CORETYPE=SkylakeX python3 scripts/check_blas_threads.py > /dev/null
for entry in 20000x1-s28-t2:cut 30000x3-s33-t4:whole 60002x9-s30-t2:cut 99998x5-s31-t4:cut; do
    shape=${entry%%:*}; expect=${entry#*:}
    rows=${shape%%x*}; rest=${shape#*x}; inputs=${rest%%-s*}; rest=${rest#*-s}; seed=${rest%%-t*}; threads=${rest#*-t}
    name=real-${shape}
    file=$tmp/$name.csv
    python3 scripts/make_data.py --rows "$rows" --inputs "$inputs" --seed "$seed" > "$file"
    for set in Haswell SkylakeX; do
        suffix=""; [ "$set" = SkylakeX ] && suffix=-skylakex
        OPENBLAS_CORETYPE=$set python3 scripts/reference.py --data "$file" --lr 0.1 --steps 30 --every 10 --no-predictions \
            --blas-threads "$threads" > "$out/$name$suffix.csv"
        OPENBLAS_CORETYPE=$set python3 scripts/reference.py --data "$file" --lr 0.1 --steps 30 --every 10 --no-predictions \
            --blas-threads 1 > "$tmp/one.csv"
        if cmp -s "$out/$name$suffix.csv" "$tmp/one.csv"; then same=whole; else same=cut; fi
        [ "$same" = "$expect" ] || { echo "$out/$name$suffix.csv: $threads threads vs one: $same, expected $expect" >&2; exit 1; }
    done
    echo "$out/$name{,-skylakex}.csv: $rows rows, $inputs inputs, seed $seed, $threads threads ($expect)"
done
# A hidden layer on real values: X·W1 and Xᵀ·dz1 are dgemm products, summed in the orders of
# scripts/check_dgemm_orders.py (checked first, both kernel sets). The shapes reach each of its
# rules: one sample, one input and one hidden unit (NumPy's gemv and ddot instead), SkylakeX's small
# kernels with their eight-lane tails, blocks along k, Haswell's one-column tiles, and products cut
# over 2 threads against the same with 1. NAME is real-ROWSxINPUTS-sSEED-hH-tT (Haswell's) and
# NAME-skylakex; the tables are made again by the tests (Tests/TestSupport/GeneratedTable.swift).
OPENBLAS_CORETYPE=Haswell python3 scripts/check_dgemm_orders.py --threads 2 > /dev/null
OPENBLAS_CORETYPE=SkylakeX python3 scripts/check_dgemm_orders.py --threads 2 > /dev/null
for run in 1x1-s11-h2-t1 8x1-s15-h4-t1 7x5-s14-h1-t1 1x6-s36-h3-t1 130x17-s34-h3-t1 128x20-s19-h4-t1 \
           2049x13-s22-h7-t1 10000x20-s35-h9-t1 10000x20-s35-h9-t2; do
    rows=${run%%x*}; rest=${run#*x}; inputs=${rest%%-s*}; rest=${rest#*-s}; seed=${rest%%-h*}; rest=${rest#*-h}
    hidden=${rest%%-t*}; threads=${rest#*-t}
    name=real-${run}
    file=$tmp/$name.csv
    python3 scripts/make_data.py --rows "$rows" --inputs "$inputs" --seed "$seed" > "$file"
    for set in Haswell SkylakeX; do
        suffix=""; [ "$set" = SkylakeX ] && suffix=-skylakex
        OPENBLAS_CORETYPE=$set python3 scripts/reference.py --data "$file" --hidden "$hidden" --lr 0.5 --steps 6 \
            --every 3 --no-predictions --blas-threads "$threads" > "$out/$name$suffix.csv"
    done
    echo "$out/$name{,-skylakex}.csv: $rows rows, $inputs inputs, seed $seed, $hidden hidden units, $threads thread(s)"
done
# The teacher's example, networks with a hidden layer on real values, squared error on fractions.
haswell() { name=$1; shift; OPENBLAS_CORETYPE=Haswell python3 scripts/reference.py "$@" > "$out/$name.csv"; echo "$out/$name.csv: $*"; }
haswell exam-lr0.1 --data examples/exam.csv --lr 0.1 --steps 200 --every 20
haswell real-9x4-s16-hidden3 --data "$data/real-9x4-s16.csv" --hidden 3 --lr 0.1 --steps 30 --every 10
haswell real-16x3-s17-hidden5-squared --data "$data/real-16x3-s17.csv" --hidden 5 --loss squared --lr 0.1 --steps 30 --every 10
haswell fractions-squared --data "$data/fractions.csv" --loss squared --lr 0.05 --steps 100 --every 10
)

export NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"
python3 scripts/numpy_math/check_libm.py
make_set "$out/libm"
make_libm_networks "$out/libm"
if [ "$(uname -sm)" = "Linux x86_64" ] && grep -qw fma /proc/cpuinfo && grep -qw avx2 /proc/cpuinfo; then
    other=$(mktemp -d)
    trap 'rm -rf "$other"' EXIT
    # glibc.cpu.hwcaps=-FMA makes glibc resolve exp/log to the SSE2 build CPUs without FMA get.
    (export GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA; make_set "$other"; make_libm_networks "$other") >/dev/null
    for f in "$out"/libm/*.csv; do
        cmp "$f" "$other/$(basename "$f")" || { echo "$f: differs with glibc's SSE2 exp/log"; exit 1; }
    done
    echo "libm set: the same with glibc's FMA and SSE2 builds of exp/log"
fi
python3 -c "import numpy, platform; print('NumPy', numpy.__version__, platform.machine(), *platform.libc_ver())"
