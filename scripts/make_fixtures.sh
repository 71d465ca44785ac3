#!/bin/sh
# Regenerates Tests/Fixtures/train/*.csv with NumPy (scripts/reference.py): the runs that
# Tests/PerceptronCLITests/TrainCommandTests.swift compares `perceptron train` against.
# Each file's name is the flags it was made with.
set -e
cd "$(dirname "$0")/.."
out=Tests/Fixtures/train
mkdir -p "$out"
make() {
    name=$1; shift
    python3 scripts/reference.py "$@" > "$out/$name.csv"
    echo "$out/$name.csv: $*"
}
make notebook-5000-every-10 --steps 5000 --every 10
make notebook-100000-every-10000 --steps 100000 --every 10000
make xor-seed42-lr0.5 --data xor --seed 42 --lr 0.5 --steps 2000 --every 100
make and-seed7-lr2 --data and --seed 7 --lr 2 --steps 2000 --every 100
make trask-seed0 --data trask --seed 0 --steps 2000 --every 100
make or-seed4294967295-lr0.1 --data or --seed 4294967295 --lr 0.1 --steps 2000 --every 100
make notebook-lr1e6 --lr 1e6 --steps 40
# What the visualiser's `w` writes after α 1 → 0.5 at step 10 and 10 more steps (with the lr column).
make notebook-lr-change-10-0.5 --steps 20 --lr-change 10:0.5
python3 -c "import numpy; print('NumPy', numpy.__version__)"
