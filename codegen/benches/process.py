#!/usr/bin/env python3
"""Whole-process timings and peak memory of the release `modelgen` CLI (BENCHMARKS.md).

    python3 codegen/benches/process.py [--runs N] [--openapi-generator] [SPEC ...]

Runs `modelgen generate SPEC --out FILE` N times (default 15) for the Onfido spec, the synthetic
specs of 500 to 5,000 schemas and each SPEC given, and prints the median wall time and the median
peak resident memory of the process (from wait4, per child). With --openapi-generator it also
times `openapi-generator-cli generate -g rust` (models only) on the bundled Onfido spec, in the
same run, for the ratio.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024  # MiB


def measure(label, argv, runs):
    run_once(argv)  # warm-up: file cache, page cache of the binary
    samples = [run_once(argv) for _ in range(runs)]
    times = sorted(s[0] for s in samples)
    rss = statistics.median(s[1] for s in samples)
    median = statistics.median(times)
    print(f"{label:<44} median {median * 1e3:9.1f} ms  (min {times[0] * 1e3:8.1f}, max "
          f"{times[-1] * 1e3:8.1f})  peak {rss:7.1f} MiB  ({runs} runs)", flush=True)
    return median


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--openapi-generator", action="store_true")
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    parser.add_argument("specs", nargs="*")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "-q", "--release", "-p", "modelgen", "--example", "synth",
                    "--bin", "modelgen"], cwd=ROOT, check=True)
    modelgen = os.path.join(ROOT, "target", "release", "modelgen")
    synth = os.path.join(ROOT, "target", "release", "examples", "synth")
    out = tempfile.mkdtemp(prefix="modelgen-bench-")
    try:
        onfido = os.path.join(ROOT, "spec", "onfido", "openapi.yaml")
        ours = measure("modelgen: Onfido (multi-file YAML)",
                       [modelgen, "generate", onfido, "--out", os.path.join(out, "onfido.rs")], args.runs)
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            path = os.path.join(out, f"synth-{size}.json")
            with open(path, "w") as f:
                subprocess.run([synth, str(size)], stdout=f, check=True)
            mb = os.path.getsize(path) / 1e6
            runs = max(5, min(args.runs, 5 if size >= 2000 else args.runs))
            measure(f"modelgen: synthetic, {size} schemas ({mb:.1f} MB)",
                    [modelgen, "generate", path, "--out", os.path.join(out, "synth.rs")], runs)
        for spec in args.specs:
            mb = os.path.getsize(spec) / 1e6
            measure(f"modelgen: {os.path.basename(spec)} ({mb:.1f} MB)",
                    [modelgen, "generate", spec, "--out", os.path.join(out, "spec.rs")], 5)
        if args.openapi_generator:
            tool = shutil.which("openapi-generator-cli")
            if tool is None:
                sys.exit("openapi-generator-cli is not installed: pip install openapi-generator-cli==7.16.0")
            bundled = os.path.join(ROOT, "codegen", "tests", "fixtures", "onfido-2026-02-bundled.yaml")
            theirs = measure("openapi-generator 7.16.0 -g rust, models only",
                             [tool, "generate", "-g", "rust", "-i", bundled, "-o", os.path.join(out, "og"),
                              "--global-property", "models,modelDocs=false,modelTests=false"], 5)
            print(f"modelgen is {theirs / ours:.0f}x faster on Onfido (medians of this run)")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
