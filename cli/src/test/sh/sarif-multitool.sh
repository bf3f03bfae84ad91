#!/usr/bin/env bash
# Validates a SARIF file with Microsoft's SARIF Multitool and GitHub's ingestion rules:
#   sarif-multitool validate FILE --rule-kind "Sarif;Gh" --level "Error;Warning"
# The tool exits 0 even when it reports errors, so this script counts the error-level results in
# its output log and fails when there is any. The tool is installed with npm into a cache folder
# (PITFALL_NPM_CACHE, default ~/.cache/pitfall/sarif-multitool) when it is not there yet.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 FILE.sarif" >&2
  exit 2
fi
file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
version=5.7.0
tool_dir=${PITFALL_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pitfall/sarif-multitool}
if [ ! -x "$tool_dir/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$tool_dir"
  (cd "$tool_dir" && npm install --no-audit --no-fund --silent "@microsoft/sarif-multitool@$version" >/dev/null)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$tool_dir"
# The npm launcher re-joins its arguments into one /bin/sh command line (spawnSync with
# shell: true), where an unquoted ';' would end the command: each argument is quoted once more.
log=$(npx --no-install sarif-multitool validate "'$file'" -o "'$out/out.sarif'" \
  --rule-kind "'Sarif;Gh'" --level "'Error;Warning'" 2>&1) || {
  printf '%s\n' "$log" >&2
  echo "sarif-multitool: the validator itself failed" >&2
  exit 1
}
if [ ! -f "$out/out.sarif" ]; then
  printf '%s\n' "$log" >&2
  echo "sarif-multitool: no validation log was written" >&2
  exit 1
fi
# Count error-level results in the validator's own SARIF log (its console output says the same).
errors=$(node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  let errors = 0;
  for (const run of log.runs || []) {
    for (const result of run.results || []) {
      const level = result.level || "warning";
      if (level === "error") {
        errors++;
        const text = (result.message && (result.message.text || (result.message.arguments || []).join(", "))) || result.ruleId;
        console.error("error " + result.ruleId + ": " + text);
      }
    }
  }
  console.log(errors);
' "$out/out.sarif")
warnings=$(grep -c ': warning ' <<<"$log" || true)
printf '%s\n' "$log"
if [ "$errors" -ne 0 ]; then
  echo "sarif-multitool: $errors error(s) in $1" >&2
  exit 1
fi
echo "sarif-multitool: no errors in $1 ($warnings warning(s))"
