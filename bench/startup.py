"""Measures pitfall's start-up options: JDK, class cache (AOT / AppCDS) and JVM flags.

Runs `bin/pitfall check` on the small ML script (start-up dominates) and on bigger inputs (so a
flag that helps start-up but hurts throughput shows), each variant a fresh process, variants
alternating, and writes the medians to bench/STARTUP.md. Variants are set through the launcher's
environment: PITFALL_JAVA (which JDK), PITFALL_JVM_CACHE=off, PITFALL_JAVA_OPTS (extra flags).
Usage: python3 bench/startup.py [--runs N] [--big-runs N] [--inputs small,ml,stdlib] [--variants 0,3,...]
"""

import argparse
import os
import shlex
import shutil
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402  (a sibling module, found through the path set above)

JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64"
JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64"

VARIANTS = [
    ("JDK 17, no cache", {"PITFALL_JAVA": JDK17, "PITFALL_JVM_CACHE": "off"}),
    ("JDK 17, AppCDS", {"PITFALL_JAVA": JDK17}),
    ("JDK 25, no cache", {"PITFALL_JAVA": JDK25, "PITFALL_JVM_CACHE": "off"}),
    ("JDK 25, AOT cache (the launcher's default)", {"PITFALL_JAVA": JDK25}),
    ("JDK 25, AOT cache, C2 on (TieredStopAtLevel=4)", {"PITFALL_JAVA": JDK25,
                                                        "PITFALL_JAVA_OPTS": "-XX:TieredStopAtLevel=4"}),
    ("JDK 25, AOT cache, G1 with GCTimeRatio=4 (the default until SerialGC)",
     {"PITFALL_JAVA": JDK25, "PITFALL_JAVA_OPTS": "-XX:+UseG1GC -XX:GCTimeRatio=4"}),
    ("JDK 25, AOT cache, ParallelGC", {"PITFALL_JAVA": JDK25, "PITFALL_JAVA_OPTS": "-XX:+UseParallelGC"}),
    ("JDK 25, no class data sharing at all (-Xshare:off)", {"PITFALL_JAVA": JDK25, "PITFALL_JVM_CACHE": "off",
                                                           "PITFALL_JAVA_OPTS": "-Xshare:off"}),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="measured runs per variant on the small file")
    parser.add_argument("--big-runs", type=int, default=3, help="measured runs per variant on bigger inputs")
    parser.add_argument("--inputs", default="small,ml")
    parser.add_argument("--variants", help="comma-separated indexes into the variant list (default all)")
    parser.add_argument("--output", type=Path, default=harness.BENCH / "STARTUP.md")
    args = parser.parse_args()
    variants = VARIANTS if not args.variants else [VARIANTS[int(i)] for i in args.variants.split(",")]
    harness.WORK.mkdir(parents=True, exist_ok=True)
    launcher = str(harness.ROOT / "bin" / "pitfall")
    help_text = harness.capture([launcher, "check", "--help"])
    command = [launcher, "check"] + [option for option in ("--exit-zero", "--no-cache") if option in help_text]
    paths = {"small": [str(harness.BENCH / "inputs" / "small_ml.py")],
             "ml": [str(harness.WORK / "ml-corpus")],
             "stdlib": harness.stdlib_paths() or []}
    # Each variant gets its own cache folder, emptied first, so its cache is trained with its own
    # flags by the first run measured here.
    for index in range(len(variants)):
        shutil.rmtree(harness.WORK / f"startup-cache-{index}", ignore_errors=True)
    environments = {name: {**os.environ, **env, "XDG_CACHE_HOME": str(harness.WORK / f"startup-cache-{index}")}
                    for index, (name, env) in enumerate(variants)}
    started = datetime.now(timezone.utc)
    lines = ["# Start-up measurements", "",
             f"Written by `python3 bench/startup.py {' '.join(shlex.quote(a) for a in sys.argv[1:])}` "
             f"on {started:%Y-%m-%d %H:%M} UTC; machine: {harness.machine_description()}; "
             f"load average (1 min) at start {os.getloadavg()[0]:.1f}.",
             f"Command: `{' '.join(os.path.relpath(c, harness.ROOT) if c.startswith('/') else c for c in command)} INPUT`"
             " through the launcher, each run a fresh process; variants alternate; medians. The class cache of each "
             "variant is made by an unmeasured first run.", "",
             "| input | variant | first run (makes the cache) | runs | wall | CPU | peak RSS |",
             "|---|---|---|---|---|---|---|"]
    for key in args.inputs.split(","):
        runs = args.runs if key == "small" else args.big_runs
        results = {name: [] for name, _ in variants}
        first = {}
        for name, _ in variants:  # unmeasured: makes the class cache, checks the variant works
            measurement, status, _, stderr = harness.run_measured(command + paths[key], env=environments[name])
            if status not in (0, 1):
                sys.exit(f"{name}: exit {status}: {stderr.strip()[-300:]}")
            first[name] = measurement
            print(f"{key} / {name}: first run {measurement.wall:.3f} s", flush=True)
        for round_number in range(runs):
            shift = round_number % len(variants)
            for name, _ in variants[shift:] + variants[:shift]:
                measurement, status, _, _ = harness.run_measured(command + paths[key], env=environments[name])
                results[name].append(measurement)
        for name, _ in variants:
            measured = results[name]
            wall = statistics.median(m.wall for m in measured)
            cpu = statistics.median(m.cpu for m in measured)
            rss = statistics.median(m.rss_mb for m in measured)
            print(f"{key} / {name}: {wall:.3f} s wall, {cpu:.3f} s CPU, {rss:.0f} MB", flush=True)
            lines.append(f"| {key} | {name} | {first[name].wall:.2f} s wall, {first[name].cpu:.2f} s CPU | "
                         f"{len(measured)} | {wall:.3f} s | {cpu:.3f} s | {rss:.0f} MB |")
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
