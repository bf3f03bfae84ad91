"""Generates the benchmark's synthetic monorepo: many small Python files in nested packages.

It measures per-file overhead (walking, reading, starting an analysis) rather than parsing speed:
20,000 files of 5 to 40 lines by default, spread over services, packages and modules, with
package __init__ files, relative imports, small functions, dataclasses and tests. The output
depends only on the seed; every file is checked with compile() before it is written.

Usage: python3 gen_monorepo.py OUT_DIR [--files N] [--seed S]
"""

import argparse
import random
import shutil
from pathlib import Path

WORDS = ["account", "billing", "cache", "catalog", "config", "events", "feature", "gateway", "inventory",
         "ledger", "metrics", "model", "notify", "order", "payment", "profile", "queue", "ranking",
         "report", "search", "session", "shipping", "storage", "tenant", "token", "user", "vector"]
VERBS = ["load", "save", "parse", "render", "validate", "merge", "score", "split", "sync", "fetch", "update"]


def function_source(rng, name):
    arg = rng.choice(["items", "record", "payload", "rows", "value"])
    body = rng.choice([
        f"    return [item for item in {arg} if item is not None]\n",
        f"    total = 0\n    for item in {arg}:\n        total += len(str(item))\n    return total\n",
        f"    if not {arg}:\n        raise ValueError(\"{name}: empty {arg}\")\n    return dict({arg})\n",
        f"    result = {{}}\n    for key, item in enumerate({arg}):\n        result[key] = item\n    return result\n",
        f"    return sorted({arg}, key=lambda item: (str(type(item)), str(item)))\n",
    ])
    default = rng.choice(["", ", limit=100", ", strict=False", ", cache={}"])
    return f"def {name}({arg}{default}):\n    \"\"\"{name.replace('_', ' ').capitalize()}.\"\"\"\n{body}"


def module_source(rng, package, index):
    lines = ["import logging", "from dataclasses import dataclass", ""]
    if index and rng.random() < 0.5:
        lines.insert(0, f"from .mod_{rng.randrange(index):03d} import *  # noqa: F401,F403")
    lines += ["LOG = logging.getLogger(__name__)", "", ""]
    for _ in range(rng.randint(1, 3)):
        name = f"{rng.choice(VERBS)}_{rng.choice(WORDS)}"
        lines.append(function_source(rng, name))
        lines.append("")
    if rng.random() < 0.4:
        cls = "".join(w.capitalize() for w in rng.sample(WORDS, 2))
        lines += ["@dataclass", f"class {cls}:", "    id: int", f"    name: str = \"{package}\"",
                  "    active: bool = True", "", "    def describe(self):",
                  "        return f\"{self.name}#{self.id} active={self.active}\"", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def test_source(rng, package):
    name = rng.choice(VERBS)
    return (f"from {package} import mod_000\n\n\n"
            f"def test_{name}_module_loads():\n    assert mod_000.LOG.name.endswith(\"mod_000\")\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.out.exists():
        shutil.rmtree(args.out)
    written = lines = 0
    service = 0
    while written < args.files:
        service_dir = args.out / "services" / f"{rng.choice(WORDS)}_{service:03d}"
        service += 1
        for package_number in range(rng.randint(2, 6)):
            if written >= args.files:
                break
            package = f"{rng.choice(WORDS)}_{package_number}"
            package_dir = service_dir / "src" / package
            package_dir.mkdir(parents=True, exist_ok=True)
            files = {package_dir / "__init__.py": f'"""The {package} package."""\n'}
            for index in range(rng.randint(5, 30)):
                files[package_dir / f"mod_{index:03d}.py"] = module_source(rng, package, index)
            files[service_dir / "tests" / f"test_{package}.py"] = test_source(rng, package)
            for path, source in files.items():
                if written >= args.files:
                    break
                compile(source, str(path), "exec")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(source, encoding="utf-8")
                written += 1
                lines += source.count("\n")
    print(f"{written} files, {lines} lines in {args.out}")


if __name__ == "__main__":
    main()
