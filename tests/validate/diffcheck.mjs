// Validates `topoc diff --format json` reports against docs/diff.schema.json
// (JSON Schema 2020-12) with ajv.
//
//   node diffcheck.mjs SCHEMA FILE.json...
//
// Exit 0 when every file is valid, 1 when one is not, 2 on usage errors.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: node diffcheck.mjs SCHEMA FILE.json...");
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const file of files) {
  const problems = [];
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push(`not JSON: ${e.message}`);
  }
  if (report !== undefined && !validate(report)) {
    for (const e of validate.errors) problems.push(`${e.instancePath || "/"} ${e.message}`);
  }
  if (problems.length > 0) {
    failed++;
    console.log(`${file}: INVALID`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
