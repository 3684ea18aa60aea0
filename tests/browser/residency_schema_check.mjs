// Validates `topoc residency --format json` documents against
// docs/residency.schema.json (JSON Schema draft-07, with ajv from
// tests/validate). Exit 0 when every file is valid, 1 when one is not, 2 on
// usage errors.
//
//   node residency_schema_check.mjs SOURCE_DIR FILE.json...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [src, ...files] = process.argv.slice(2);
if (!src || files.length === 0) {
  console.error("usage: node residency_schema_check.mjs SOURCE_DIR FILE.json...");
  process.exit(2);
}
const require = createRequire(join(src, "tests/validate/package.json"));
const Ajv = require("ajv");
const schema = JSON.parse(readFileSync(join(src, "docs/residency.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
let failed = false;
for (const file of files) {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  if (validate(doc)) continue;
  failed = true;
  console.log(`${file}: invalid`);
  for (const e of validate.errors) console.log(`  ${e.instancePath || "/"} ${e.message}`);
}
console.log(`${files.length} documents checked`);
process.exit(failed ? 1 : 0);
