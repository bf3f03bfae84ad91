// Lints Python files with Ruff's official WebAssembly build (default rules) and prints the number
// of diagnostics. The benchmark's stand-in for the native `ruff check`, which cannot be installed
// here. Run it as: node --liftoff-only bench/ruff-runner.mjs [--exclude NAME]... PATH...
// (--liftoff-only skips optimising the large wasm module, which is about twice as fast for a
// run of a few seconds.)
//
// Notebooks: the wasm API has no notebook mode, so the code cells of an .ipynb are joined into one
// module with IPython magics (%, %%, !) turned into comments, the same neutralising pitfall does.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const moduleDir = process.env.RUFF_WASM_DIR
  ?? join(here, 'work', 'node_modules', '@astral-sh', 'ruff-wasm-nodejs');
const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require(join(moduleDir, 'ruff_wasm.js'));

const excluded = new Set();
const roots = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--exclude') {
    excluded.add(args[++i]);
  } else {
    roots.push(args[i]);
  }
}
if (roots.length === 0) {
  console.error('usage: node --liftoff-only ruff-runner.mjs [--exclude NAME]... PATH...');
  process.exit(2);
}

function collect(path, out) {
  const info = statSync(path);
  if (info.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (excluded.has(name)) continue;
      const child = join(path, name);
      const childInfo = statSync(child);
      if (childInfo.isDirectory() || name.endsWith('.py') || name.endsWith('.ipynb')) {
        collect(child, out);
      }
    }
  } else {
    out.push(path);
  }
}

function notebookSource(text) {
  const notebook = JSON.parse(text);
  const cells = (notebook.cells ?? []).filter((cell) => cell.cell_type === 'code');
  return cells.map((cell) => {
    const source = Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '');
    return source.split('\n')
      .map((line) => (/^\s*(%|!)/.test(line) ? '#' + line : line))
      .join('\n');
  }).join('\n');
}

const files = [];
for (const root of roots) collect(root, files);

const workspace = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);
let diagnostics = 0;
let failures = 0;
for (const file of files) {
  try {
    const text = readFileSync(file, 'utf8');
    const source = file.endsWith('.ipynb') ? notebookSource(text) : text;
    diagnostics += workspace.check(source).length;
  } catch (error) {
    failures++;
    console.error(`${file}: ${error.message ?? error}`);
  }
}
console.log(`ruff-wasm ${Workspace.version()}: ${files.length} files, ${diagnostics} diagnostics`
  + (failures ? `, ${failures} files failed` : ''));
