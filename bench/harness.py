"""Runs pitfall and its peers on the same inputs and writes bench/RESULTS.md.

Started by bench/run.sh, which installs the peers and generates the inputs first. Each tool runs
as a fresh process; within one input the tools take turns (the starting tool rotates every
round), so a slow minute on the shared machine hits every tool alike. For each run we measure
wall time, CPU time (user + sys of the process and its children) and peak RSS (of the largest
process, as the kernel reports it to wait4). Every tool gets one unmeasured run per input first:
it checks that the tool works and puts the input in the page cache, so "cold" below means a new
process (a cold JVM), not a cold disk.
"""

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
RUN_TIMEOUT_SECONDS = 1200


@dataclass
class Input:
    key: str
    title: str
    paths: list
    runs: int  # measured runs of the fast tools (pitfall, Ruff)
    slow_runs: int  # measured runs of flake8 and pylint, which take minutes on the big inputs
    description: str = ""
    steal: "StealMeter" = None
    script_paths: list = None  # the paths with every notebook as a script, for tools that read no .ipynb

    def paths_for(self, tool):
        return self.paths if tool.reads_notebooks or not self.script_paths else self.script_paths


@dataclass
class Tool:
    key: str
    title: str
    command: list  # the paths are appended
    accepts_status: object  # exit status -> bool: did the tool do its work?
    summarize: object  # (stdout, stderr) -> one-line summary of the work it reported
    version: str = ""
    unavailable: str = ""  # why the tool cannot run, empty when it can
    only_inputs: tuple = ()  # the inputs this tool runs on; empty: all
    fills_cache: bool = False  # one unmeasured run first, whose result cache the measured runs use
    reads_notebooks: bool = True  # False: it gets an input's notebooks as scripts (Input.script_paths)


@dataclass
class Measurement:
    wall: float
    cpu: float
    rss_mb: float
    round: int = 0  # the round it was measured in, from 1; 0 for a tool measured once, outside the rounds


@dataclass
class Cell:
    measurements: list = field(default_factory=list)
    summary: str = ""
    failure: str = ""

    def median(self, attribute):
        return statistics.median(getattr(m, attribute) for m in self.measurements)


def run_measured(command, cwd=ROOT, env=None):
    """Runs one command; returns (Measurement, status, stdout, stderr)."""
    started = time.perf_counter()
    with open(WORK / "last.stdout", "w+b") as out, open(WORK / "last.stderr", "w+b") as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err,
                                   start_new_session=True, env=env)
        deadline = started + RUN_TIMEOUT_SECONDS
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
                raise TimeoutError(f"timed out after {RUN_TIMEOUT_SECONDS} s")
            time.sleep(0.002)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    measurement = Measurement(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    return measurement, process.returncode, stdout, stderr


def capture(command, **kwargs):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
        return (result.stdout + result.stderr).strip()
    except (OSError, subprocess.SubprocessError) as error:
        return f"unavailable ({error})"


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def count_lines(stdout, stderr):
    return f"{len(stdout.splitlines())} output lines"


def pitfall_tool(args):
    launcher = ROOT / "bin" / "pitfall"
    jar = ROOT / "cli" / "target" / "pitfall.jar"
    tool = Tool("pitfall", "pitfall", [str(launcher), "check"], lambda status: status in (0, 1),
                summarize=lambda out, err: last_line(out) or count_lines(out, err))
    if not jar.is_file():
        tool.unavailable = f"{jar.relative_to(ROOT)} is missing (build: mvn -B -q package -DskipTests)"
        return tool
    help_text = capture([str(launcher), "check", "--help"])
    tool.help_text = help_text
    if "--exit-zero" in help_text:
        tool.command.append("--exit-zero")
        tool.accepts_status = lambda status: status == 0
    if "--no-cache" in help_text:
        tool.command.append("--no-cache")
    tool.command += args.pitfall_args
    tool.version = last_line(capture([str(launcher), "--version"]))
    tool.java = capture([str(launcher)], env={**os.environ, "PITFALL_LAUNCHER_DRY_RUN": "1"})
    if tool.java:
        java_version = capture([tool.java.split(" ", 1)[0], "-version"]).splitlines()
        runtime = [line for line in java_version if "Runtime Environment" in line]
        tool.version += f"; JDK: {(runtime or java_version or ['unknown'])[0]}"
    return tool


def pitfall_cached_tool(plain):
    """pitfall with its result cache, measured on second runs: the issue's bar for the stdlib."""
    cache = WORK / "result-cache"
    command = [part for part in plain.command if part != "--no-cache"] + ["--cache-dir", str(cache)]
    tool = Tool("pitfall-cached", "pitfall, second run with the result cache", command, plain.accepts_status,
                plain.summarize, version="cache in bench/work/result-cache, filled by the unmeasured first run",
                unavailable=plain.unavailable, only_inputs=("stdlib",), fills_cache=True)
    if not plain.unavailable and "--cache-dir" not in plain.help_text:
        tool.unavailable = "this pitfall has no --cache-dir"
    shutil.rmtree(cache, ignore_errors=True)
    return tool


def ruff_tool():
    module = WORK / "node_modules" / "@astral-sh" / "ruff-wasm-nodejs" / "ruff_wasm.js"
    tool = Tool("ruff", "Ruff (wasm)", ["node", "--liftoff-only", str(BENCH / "ruff-runner.mjs")],
                lambda status: status == 0, summarize=lambda out, err: last_line(out))
    if not module.is_file():
        tool.unavailable = "the npm package @astral-sh/ruff-wasm-nodejs is not installed in bench/work"
    else:
        tool.version = json.loads(module.with_name("package.json").read_text())["version"]
        tool.version = f"ruff-wasm-nodejs {tool.version}, node {capture(['node', '--version'])}"
    return tool


def flake8_tool():
    tool = Tool("flake8", "flake8", ["flake8"], lambda status: status in (0, 1),
                summarize=lambda out, err: f"{len(out.splitlines())} diagnostics", reads_notebooks=False)
    tool.version = capture(["flake8", "--version"]).replace("\n", " ")
    if tool.version.startswith("unavailable"):
        tool.unavailable = "flake8 is not installed (apt-get install flake8)"
    return tool


def pylint_tool():
    checks = "dangerous-default-value,cell-var-from-loop"
    tool = Tool("pylint", "pylint (2 checks)", ["pylint", "--disable=all", f"--enable={checks}",
                                                "--score=n", "--recursive=y"],
                # bit 32 is a usage error; the others say which kinds of messages were emitted
                lambda status: status < 32,
                summarize=lambda out, err: f"{sum(1 for line in out.splitlines() if re.search(r':[0-9]+:[0-9]+: ', line))} diagnostics",
                reads_notebooks=False)
    version = capture(["pylint", "--version"])
    if version.startswith("unavailable"):
        tool.unavailable = "pylint is not installed (apt-get install pylint)"
    else:
        tool.version = version.replace("\n", ", ") + "; " + pylint_libraries()
    return tool


ML_LIBRARIES = ["numpy", "pandas", "sklearn", "matplotlib", "torch"]


def pylint_libraries():
    """Which of the ML corpus's libraries pylint's Python can import: astroid infers through them."""
    shebang = Path(shutil.which("pylint")).read_text(errors="replace").splitlines()[0]
    python = shebang[2:].split()[0] if shebang.startswith("#!") else "python3"
    found = [name for name in ML_LIBRARIES
             if subprocess.run([python, "-c", f"import {name}"], capture_output=True).returncode == 0]
    missing = [name for name in ML_LIBRARIES if name not in found]
    return ("imports available to it: " + (", ".join(found) or "none")
            + (f" (missing: {', '.join(missing)})" if missing else ""))


def stdlib_paths():
    prefix = capture(["pyenv", "prefix", "3.13.0"])
    lib = Path(os.environ.get("PITFALL_BENCH_STDLIB", Path(prefix) / "lib" / "python3.13"))
    if not lib.is_dir():
        return None
    # Every entry but site-packages, passed as separate paths so no tool needs an exclude option.
    return sorted(str(entry) for entry in lib.iterdir()
                  if entry.name not in ("site-packages", "__pycache__")
                  and (entry.is_dir() or entry.suffix == ".py"))


IPYTHON_LINE = re.compile(r"^\s*[%!]")


def notebook_as_script(text):
    """A notebook's code cells as one module, IPython magics and shell lines (%, %%, !) commented
    out: what nbqa hands pylint or flake8, and what bench/ruff-runner.mjs gives Ruff's wasm API."""
    cells = [cell for cell in json.loads(text).get("cells", []) if cell.get("cell_type") == "code"]
    sources = ["".join(cell["source"]) if isinstance(cell.get("source"), list) else cell.get("source", "")
               for cell in cells]
    return "\n".join("\n".join("#" + line if IPYTHON_LINE.match(line) else line for line in source.split("\n"))
                     for source in sources)


def scripts_mirror(item):
    """For an input with notebooks: a copy of it in bench/work in which every notebook is a script
    (NAME.ipynb becomes NAME_ipynb.py), so that the tools that read no notebooks check the same code
    as the others. None for an input without notebooks."""
    roots = [Path(path) for path in item.paths]
    notebooks = [(index, root, file) for index, root in enumerate(roots) if root.is_dir()
                 for file in root.rglob("*.ipynb")]
    if not notebooks:
        return None
    mirror = WORK / f"{item.key}-as-scripts"
    shutil.rmtree(mirror, ignore_errors=True)
    paths = []
    for index, root in enumerate(roots):
        target = mirror / str(index) / root.name
        if root.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root, target)
        else:
            shutil.copytree(root, target, ignore=shutil.ignore_patterns("*.ipynb"))
        paths.append(str(target))
    for index, root, notebook in notebooks:
        target = mirror / str(index) / root.name / notebook.relative_to(root)
        target = target.with_name(notebook.stem + "_ipynb.py")
        target.write_text(notebook_as_script(notebook.read_text(encoding="utf-8")), encoding="utf-8")
    return paths


def corpus_size(paths):
    files = lines = 0
    for path in paths:
        path = Path(path)
        candidates = [path] if path.is_file() else path.rglob("*")
        for file in candidates:
            if file.suffix == ".py" and file.is_file():
                files += 1
                with open(file, "rb") as handle:
                    lines += sum(1 for _ in handle)
            elif file.suffix == ".ipynb" and file.is_file():
                files += 1
                cells = json.loads(file.read_text(encoding="utf-8")).get("cells", [])
                lines += sum(len(cell.get("source", [])) for cell in cells if cell.get("cell_type") == "code")
    return files, lines


def machine_description():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{memory_kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        memory = "unknown memory"
    return f"{os.cpu_count()} CPUs ({cpu}), {memory}, {platform.system()} {platform.release()}"


def cpu_ticks():
    """(steal, total) jiffies of all CPUs from /proc/stat, or None where there is no such file."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    # user nice system idle iowait irq softirq steal (guest time is already counted in user)
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


class StealMeter:
    """The share of CPU time the hypervisor gave to other guests while runs were measured."""

    def __init__(self):
        self.steal = 0
        self.total = 0

    def around(self, run):
        before = cpu_ticks()
        result = run()
        after = cpu_ticks()
        if before and after:
            self.steal += after[0] - before[0]
            self.total += after[1] - before[1]
        return result

    def share(self):
        return self.steal / self.total if self.total else None


def format_seconds(value):
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def measure(inputs, tools, log, report):
    """Measures every input in turn; calls report(results so far) after each input."""
    results = {}
    for item in inputs:
        files, lines = corpus_size(item.paths)
        item.description = f"{files:,} files, {lines:,} lines"
        log(f"== {item.title}: {item.description}")
        tools_here = [tool for tool in tools if not tool.only_inputs or item.key in tool.only_inputs]
        cells = {tool.key: Cell() for tool in tools_here}
        item.steal = StealMeter()
        active = []
        for tool in tools_here:
            cell = cells[tool.key]
            runs = item.runs if tool.key in ("pitfall", "pitfall-cached", "ruff") else item.slow_runs
            if tool.unavailable:
                cell.failure = f"could not run: {tool.unavailable}"
            elif runs == 0:
                cell.failure = "not run in this mode"
            else:
                try:
                    if tool.fills_cache:
                        run_measured(tool.command + item.paths_for(tool))
                    measurement, status, stdout, stderr = item.steal.around(
                        lambda: run_measured(tool.command + item.paths_for(tool))) if runs == 1 \
                        else run_measured(tool.command + item.paths_for(tool))
                except TimeoutError as error:
                    status, stdout, stderr = None, "", str(error)
                if status is None or not tool.accepts_status(status):
                    cell.failure = f"could not run (exit {status}): {last_line(stderr)[:200]}"
                elif runs == 1:
                    # A tool measured once (flake8, pylint on the big inputs: minutes a run) is
                    # measured by this run; the tools before it have already warmed the page cache.
                    cell.summary = tool.summarize(stdout, stderr)
                    cell.measurements.append(measurement)
                else:
                    cell.summary = tool.summarize(stdout, stderr)
                    active.append((tool, runs))
            log(f"   {tool.key}: {cell.failure or cell.summary}")
        rounds = max((runs for _, runs in active), default=0)
        for round_number in range(rounds):
            # A tool with fewer runs than there are rounds runs in rounds spread evenly over all of
            # them, so that its median and the others' come from the same stretch of the host's speed.
            turn = [tool for tool, runs in active
                    if (round_number + 1) * runs // rounds > round_number * runs // rounds]
            shift = round_number % len(turn)
            for tool in turn[shift:] + turn[:shift]:
                try:
                    measurement, status, _, stderr = item.steal.around(
                        lambda: run_measured(tool.command + item.paths_for(tool)))
                except TimeoutError as error:
                    cells[tool.key].failure = str(error)
                    continue
                if not tool.accepts_status(status):
                    cells[tool.key].failure = f"failed in round {round_number + 1} (exit {status})"
                    continue
                measurement.round = round_number + 1
                cells[tool.key].measurements.append(measurement)
                log(f"   round {round_number + 1} {tool.key}: {measurement.wall:.3f} s wall, "
                    f"{measurement.cpu:.3f} s CPU, {measurement.rss_mb:.0f} MB")
        results[item.key] = cells
        report(results)
    return results


def ratio(cells, attribute, peer):
    if peer not in cells:
        return None
    mine, theirs = cells["pitfall"], cells[peer]
    if not mine.measurements or not theirs.measurements:
        return None
    return mine.median(attribute) / theirs.median(attribute)


def paired_ratios(cells, attribute, peer):
    """pitfall/peer for each round both ran in: the runs of one round are minutes apart at most."""
    if peer not in cells:
        return []
    mine = {m.round: getattr(m, attribute) for m in cells["pitfall"].measurements if m.round}
    return [mine[m.round] / getattr(m, attribute) for m in cells[peer].measurements
            if m.round in mine and getattr(m, attribute) > 0]


def render(inputs, tools, results, args, started):
    lines = ["# Benchmark results", "",
             f"Written by `bench/run.sh` (bench/harness.py). Regenerate with the command below after "
             f"`mvn -B -q package -DskipTests`.", "",
             f"- Date: {started:%Y-%m-%d %H:%M} UTC",
             f"- Machine: {machine_description()}",
             f"- Load average (1 min) at start and when written: {args.load_at_start:.1f}, {os.getloadavg()[0]:.1f} "
             "(the machine is shared; above 2 the figures include waiting for a core)",
             f"- Checkout measured: {args.commit}",
             f"- Command: `{' '.join(['bench/run.sh'] + [shlex.quote(a) for a in args.original])}`",
             f"- Mode: {'quick' if args.quick else 'full'}; medians over the measured runs, tools "
             "alternating, each run a fresh process after one unmeasured warm-up run per tool and input",
             "- Wall: elapsed time; CPU: user + sys of the process and its children; RSS: peak resident "
             "memory of the largest process"]
    steal = [f"{item.title} {item.steal.share():.0%}" for item in inputs
             if item.key in results and item.steal and item.steal.share() is not None]
    if steal:
        lines.append("- Steal time during the measured runs (the share of the CPUs' time the virtual machine's "
                     "host gave to other guests; it slows every tool, a two-threaded one more): "
                     + ", ".join(steal))
    for tool in tools:
        detail = tool.version or ""
        if tool.key == "pitfall" and getattr(tool, "java", ""):
            detail = (detail + "; " if detail else "") + f"launcher runs: `{tool.java}`"
        shown = " ".join(os.path.relpath(part, ROOT) if part.startswith(str(ROOT)) else part
                         for part in tool.command)
        if not tool.reads_notebooks and any(item.script_paths for item in inputs):
            detail += ("; " if detail else "") + ("it reads no notebooks, so an input's notebooks are given to it "
                                                  "as scripts (code cells joined, IPython lines commented out, as "
                                                  "nbqa does): `bench/work/INPUT-as-scripts`")
        lines.append(f"- {tool.title}: `{shown} PATHS`"
                     + (f" ({detail})" if detail else "")
                     + (f" **could not run: {tool.unavailable}**" if tool.unavailable else ""))
    lines += ["", "| input | tool | runs | wall (median) | CPU (median) | peak RSS | "
              "pitfall/tool wall | pitfall/tool CPU | pitfall/tool RSS | work reported |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for item in inputs:
        if item.key not in results:
            lines.append(f"| {item.title} | – | – | – | – | – | – | – | – | not measured yet |")
            continue
        cells = results[item.key]
        for tool in tools:
            if tool.key not in cells:
                continue
            cell = cells[tool.key]
            head = f"| {item.title} ({item.description}) | {tool.title} | "
            if not cell.measurements:
                lines.append(head + f"0 | – | – | – | – | – | – | {cell.failure} |")
                continue
            ratios = []
            for attribute in ("wall", "cpu", "rss_mb"):
                value = None if tool.key.startswith("pitfall") else ratio(cells, attribute, tool.key)
                ratios.append("–" if value is None else f"{value:.2f}")
            lines.append(head + f"{len(cell.measurements)} | {format_seconds(cell.median('wall'))} | "
                         f"{format_seconds(cell.median('cpu'))} | {cell.median('rss_mb'):.0f} MB | "
                         + " | ".join(ratios) + f" | {cell.summary}{'; ' + cell.failure if cell.failure else ''} |")
    lines += ["", "## Bars of issue 6", "", "| bar | target | measured | met |", "|---|---|---|---|"]
    for label, key, attribute, peer, target in (
            ("stdlib, pitfall/Ruff wall", "stdlib", "wall", "ruff", 0.75),
            ("one small file, pitfall/Ruff wall", "small", "wall", "ruff", 0.8),
            ("ML corpus, pitfall/Ruff wall", "ml", "wall", "ruff", 1.0),
            ("ML corpus, pitfall/pylint wall", "ml", "wall", "pylint", 0.05)):
        value = ratio(results[key], attribute, peer) if key in results else None
        measured = "not measured" if value is None else f"{value:.2f}"
        met = "–" if value is None else ("yes" if value <= target else "**no**")
        lines.append(f"| {label} | ≤ {target} | {measured} | {met} |")
    if "stdlib" in results and results["stdlib"]["pitfall"].measurements:
        rss = results["stdlib"]["pitfall"].median("rss_mb")
        lines.append(f"| stdlib, pitfall peak RSS | ≤ 512 MB | {rss:.0f} MB | {'yes' if rss <= 512 else '**no**'} |")
    else:
        lines.append("| stdlib, pitfall peak RSS | ≤ 512 MB | not measured | – |")
    cached = results.get("stdlib", {}).get("pitfall-cached")
    if cached and cached.measurements:
        wall = cached.median("wall")
        lines.append(f"| stdlib, second run with the result cache, wall | ≤ 0.5 s | {wall:.2f} s | "
                     f"{'yes' if wall <= 0.5 else '**no**'} |")
    else:
        lines.append("| stdlib, second run with the result cache, wall | ≤ 0.5 s | not measured | – |")
    paired = []
    for item in inputs:
        cells = results.get(item.key, {})
        for tool in tools:
            if tool.key.startswith("pitfall") or tool.key not in cells or "pitfall" not in cells:
                continue
            if len(cells[tool.key].measurements) >= len(cells["pitfall"].measurements):
                continue
            ratios = paired_ratios(cells, "wall", tool.key)
            if ratios:
                paired.append(f"- {item.title}, pitfall/{tool.title} wall: "
                              + ", ".join(f"{r:.3f}" for r in ratios)
                              + f"; median {statistics.median(ratios):.4f}")
    if paired:
        lines += ["", "The bars compare medians. A tool that ran in fewer rounds than pitfall also "
                  "gets its runs paired with pitfall's run of the same round, which the host's speed, "
                  "drifting from minute to minute, does not separate:", ""] + paired
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Benchmark pitfall against Ruff (wasm), flake8 and pylint.")
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs, and flake8 and pylint only on the small inputs")
    parser.add_argument("--inputs", default="small,ml,stdlib,monorepo",
                        help="comma-separated subset of small,ml,stdlib,monorepo")
    parser.add_argument("--tools", default="pitfall,ruff,flake8,pylint",
                        help="comma-separated subset of pitfall,ruff,flake8,pylint")
    parser.add_argument("--runs", type=int, help="measured runs of every tool on every input")
    parser.add_argument("--output", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--pitfall-arg", dest="pitfall_args", action="append", default=[],
                        help="extra argument for pitfall check (repeatable)")
    args = parser.parse_args()
    args.original = sys.argv[1:]
    args.load_at_start = os.getloadavg()[0]
    args.commit = capture(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"])
    started = datetime.now(timezone.utc)
    WORK.mkdir(parents=True, exist_ok=True)

    quick = args.quick
    catalogue = [
        Input("small", "one small ML script", [str(BENCH / "inputs" / "small_ml.py")],
              runs=5 if quick else 11, slow_runs=5 if quick else 11),
        # The ML corpus's bars compare runs of about half a second whose speed drifts with the host
        # from minute to minute: more runs than the other inputs, so one slow stretch moves no median.
        Input("ml", "ML corpus", [str(WORK / "ml-corpus")], runs=3 if quick else 15, slow_runs=1 if quick else 5),
        Input("stdlib", "CPython 3.13 stdlib", stdlib_paths() or [], runs=1 if quick else 3,
              slow_runs=0 if quick else 1),
        Input("monorepo", "synthetic monorepo", [str(WORK / "monorepo")], runs=1 if quick else 3,
              slow_runs=0 if quick else 1),
    ]
    wanted = args.inputs.split(",")
    inputs = [item for item in catalogue if item.key in wanted]
    for item in inputs:
        if args.runs is not None:
            item.runs = item.slow_runs = args.runs
        if not item.paths or not all(Path(p).exists() for p in item.paths):
            sys.exit(f"bench: input {item.key} is missing ({item.paths[:1]}); run bench/run.sh to generate it")
        item.script_paths = scripts_mirror(item)
    factories = {"pitfall": lambda: pitfall_tool(args), "ruff": ruff_tool,
                 "flake8": flake8_tool, "pylint": pylint_tool}
    tools = [factories[key]() for key in ["pitfall", "ruff", "flake8", "pylint"] if key in args.tools.split(",")]
    if tools[0].key != "pitfall":
        sys.exit("bench: the tool list must include pitfall, the subject of every ratio")
    tools.insert(1, pitfall_cached_tool(tools[0]))

    def log(message):
        print(message, flush=True)

    for tool in tools:
        if tool.unavailable:
            log(f"!! {tool.title} could not run: {tool.unavailable}")
    def write(results):
        args.output.write_text(render(inputs, tools, results, args, started), encoding="utf-8")
        raw = {key: {tool: [vars(m) for m in cell.measurements] for tool, cell in cells.items()}
               for key, cells in results.items()}
        (WORK / "results.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")

    measure(inputs, tools, log, write)
    log(f"\nwrote {args.output}")
    print(args.output.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
