#!/usr/bin/python3
"""Write the bundled example candidate tables for five tasks.

The tables are synthetic: every loss comes from the model below, not from
training. Tasks: s (semantic segmentation), d (depth), n (surface normals),
k (2D keypoints), e (edges). Rows: the 31 full-size networks (cost 1, named by
their tasks in this order) and one half-size single-task network per task
(cost 0.5, named like `s-half`).

Loss of task t in a network solving the group G:
    base[t] * (1 - mean over u in G without t of gain[u][t])
            * (1 + EXTRA_TASK_PENALTY * (|G| - 1)) * noise
where noise is 1 + a seeded Gaussian with standard deviation NOISE. Half-size
networks multiply the single-task loss by HALF_SIZE_FACTOR. The test table
applies a second, independent noise draw and a slight shift to the same model.

Usage: /usr/bin/python3 scripts/make-example-tables.py [OUTPUT_DIR]
"""

import itertools
import os
import random
import sys

TASKS = ["s", "d", "n", "k", "e"]

# Loss of each task in a full-size single-task network.
BASE = {"s": 1.12, "d": 0.58, "n": 0.47, "k": 0.31, "e": 0.26}

# gain[u][t]: relative reduction of t's loss when it shares a network with u;
# negative values are interference.
GAIN = {
    "s": {"d": 0.04, "n": 0.02, "k": -0.05, "e": 0.01},
    "d": {"s": 0.03, "n": 0.08, "k": -0.02, "e": 0.00},
    "n": {"s": 0.01, "d": 0.07, "k": -0.03, "e": 0.03},
    "k": {"s": -0.06, "d": -0.03, "n": -0.02, "e": 0.05},
    "e": {"s": 0.02, "d": -0.01, "n": 0.04, "k": 0.06},
}

EXTRA_TASK_PENALTY = 0.012
HALF_SIZE_FACTOR = 1.09
NOISE = 0.01
SEED = 20200712


def group_loss(task, group, rng, shift):
    others = [u for u in group if u != task]
    gain = sum(GAIN[u][task] for u in others) / len(others) if others else 0.0
    penalty = 1.0 + EXTRA_TASK_PENALTY * (len(group) - 1)
    noise = 1.0 + rng.gauss(0.0, NOISE)
    return BASE[task] * (1.0 - gain) * penalty * noise * shift


def rows(rng, shift):
    result = []
    for size in range(len(TASKS), 0, -1):
        for group in itertools.combinations(TASKS, size):
            losses = {t: group_loss(t, group, rng, shift) for t in group}
            result.append(("".join(group), "1", losses))
    for task in TASKS:
        loss = group_loss(task, (task,), rng, shift) * HALF_SIZE_FACTOR
        result.append((task + "-half", "0.5", {task: loss}))
    return result


def write_table(path, split, table_rows):
    lines = [
        "# Synthetic example candidate table (%s losses) for five tasks:" % split,
        "# s semantic segmentation, d depth, n surface normals, k 2D keypoints, e edges.",
        "# Written by scripts/make-example-tables.py from a loss model, not by training,",
        "# until tables from a real training run replace it.",
        "network,cost," + ",".join(TASKS),
    ]
    for name, cost, losses in table_rows:
        cells = ["%.4f" % losses[t] if t in losses else "" for t in TASKS]
        lines.append(",".join([name, cost] + cells))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "resources", "examples")
    write_table(os.path.join(out_dir, "scenes-5tasks-val.csv"), "validation",
                rows(random.Random(SEED), 1.0))
    write_table(os.path.join(out_dir, "scenes-5tasks-test.csv"), "test",
                rows(random.Random(SEED + 1), 1.02))


if __name__ == "__main__":
    main()
