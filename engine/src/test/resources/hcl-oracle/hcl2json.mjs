// Prints HashiCorp's reading of HCL files as JSON, using @cdktf/hcl2json (the Go parser compiled
// to wasm). Usage: node hcl2json.mjs <node_modules dir> <file>...
// Prints one JSON object mapping each file to {"json": ...} or {"error": "..."}; exit 2 when the
// package cannot be loaded, so callers can tell "oracle missing" from "file rejected". Files are
// batched because starting the wasm module costs far more than parsing a file.
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const [modules, ...files] = process.argv.slice(2);
let parse;
try {
  parse = createRequire(path.join(path.resolve(modules), 'noop.js'))('@cdktf/hcl2json').parse;
} catch (e) {
  console.error('cannot load @cdktf/hcl2json from ' + modules + ': ' + e.message);
  process.exit(2);
}
const results = {};
for (const file of files) {
  try {
    results[file] = { json: await parse(path.basename(file), fs.readFileSync(file, 'utf8')) };
  } catch (e) {
    results[file] = { error: String(e && e.message ? e.message : e) };
  }
}
process.stdout.write(JSON.stringify(results));
