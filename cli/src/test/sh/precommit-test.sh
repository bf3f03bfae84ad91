#!/usr/bin/env bash
# The pre-commit hook for real: `pre-commit try-repo` on this checkout, in a throwaway git
# repository with one bad and one good Python file. The hook must fail on the bad file with
# pitfall's message, and pass once the file is fixed. Installs the Debian `pre-commit` package
# when it is missing (needs root or sudo).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../../.." && pwd)

if ! command -v pre-commit >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get install -y pre-commit >/dev/null || {
    $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y pre-commit >/dev/null
  }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q .
git config user.email "test@example.com"
git config user.name "pitfall test"
cat > bad.py <<'PY'
def collect(item, bucket=[]):
    bucket.append(item)
    return bucket
PY
cat > good.py <<'PY'
def collect(item, bucket=None):
    return [item] if bucket is None else bucket + [item]
PY
git add bad.py good.py

fail() {
  echo "precommit-test: FAIL: $1" >&2
  echo "--- pre-commit output ---" >&2
  printf '%s\n' "$2" >&2
  exit 1
}

if output=$(pre-commit try-repo "$repo" pitfall --all-files 2>&1); then
  fail "the hook passed on a file with a mutable default argument" "$output"
fi
grep -q 'bad.py:1:26: PF101 \[mutable-default-argument\]' <<<"$output" \
  || fail "the hook failed without pitfall's finding" "$output"
if grep -q 'good.py:' <<<"$output"; then
  fail "the hook reported the good file" "$output"
fi

cp good.py bad.py
git add bad.py
if ! output=$(pre-commit try-repo "$repo" pitfall --all-files 2>&1); then
  fail "the hook still failed after the fix" "$output"
fi
echo "precommit-test: OK (fails on the bad file with PF101, passes once it is fixed)"
