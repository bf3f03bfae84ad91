#!/usr/bin/env bash
# Benchmarks pitfall against Ruff's WebAssembly build, flake8 and pylint; writes bench/RESULTS.md.
# Usage: bench/run.sh [--quick] [--inputs small,ml,stdlib,monorepo] [--tools pitfall,ruff,...]
#                     [--runs N] [--output FILE]
# Build pitfall first: mvn -B -q package -DskipTests. The peers and the generated inputs go to
# bench/work/ (ignored by git); a peer that cannot be installed is reported as such, not skipped
# silently.
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
work="$root/bench/work"
mkdir -p "$work"
ruff_version=0.17.3

python=""
if command -v pyenv >/dev/null 2>&1 && prefix=$(pyenv prefix 3.13.0 2>/dev/null) \
    && [ -x "$prefix/bin/python3" ]; then
  python="$prefix/bin/python3"
elif command -v python3 >/dev/null 2>&1; then
  python=python3
else
  echo "bench: needs Python 3 (CPython 3.13 from pyenv preferred)" >&2
  exit 2
fi

if [ ! -f "$work/node_modules/@astral-sh/ruff-wasm-nodejs/ruff_wasm.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "bench: installing @astral-sh/ruff-wasm-nodejs@$ruff_version into bench/work" >&2
    [ -f "$work/package.json" ] || echo '{"private": true}' > "$work/package.json"
    npm install --prefix "$work" --no-audit --no-fund --silent \
      "@astral-sh/ruff-wasm-nodejs@$ruff_version" >&2 || echo "bench: npm install failed" >&2
  else
    echo "bench: npm is missing, Ruff (wasm) will be reported as not run" >&2
  fi
fi

missing=""
command -v flake8 >/dev/null 2>&1 || missing="$missing flake8"
command -v pylint >/dev/null 2>&1 || missing="$missing pylint"
# pylint follows imports into the installed libraries (astroid infers through them), so it runs
# where an ML project's linting runs: with the libraries the ML corpus imports.
for library in numpy:python3-numpy pandas:python3-pandas sklearn:python3-sklearn \
    matplotlib:python3-matplotlib torch:python3-torch; do
  /usr/bin/python3 -c "import ${library%%:*}" >/dev/null 2>&1 || missing="$missing ${library#*:}"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing$missing from Debian" >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; }; } \
      || echo "bench: apt-get install$missing failed; a missing peer is reported as not run" >&2
  else
    echo "bench:$missing missing (apt-get install$missing as root); reported as not run" >&2
  fi
fi

# Generated inputs are rebuilt when their generator changes.
generate() {
  local generator="$1" target="$2"
  local stamp="$target.stamp"
  local want
  want=$(cksum < "$root/bench/$generator")
  if [ ! -d "$target" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$python" "$root/bench/$generator" "$target" >&2
    echo "$want" > "$stamp"
  fi
}
generate gen_ml_corpus.py "$work/ml-corpus"
generate gen_monorepo.py "$work/monorepo"

exec "$python" "$root/bench/harness.py" "$@"
