// Validates SARIF logs against the OASIS SARIF 2.1.0 JSON schema (Errata 01,
// stored beside this file as sarif-schema-2.1.0.json), and checks that every
// rule's helpUri fragment is an anchor GitHub gives a heading of the page it
// names (docs/rules.md), computed with github-slugger from the real headings.
//
//   node sarifcheck.mjs --rules-doc docs/rules.md FILE.sarif...
//
// Exit 0 when every file is valid, 1 when one is not, 2 on usage errors.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import GithubSlugger from "github-slugger";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let rulesDoc = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--rules-doc") rulesDoc = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node sarifcheck.mjs [--rules-doc docs/rules.md] FILE.sarif...");
  process.exit(2);
}

const schema = JSON.parse(readFileSync(join(here, "sarif-schema-2.1.0.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// Anchors of the page as GitHub renders it: one per ATX heading outside
// fenced code, duplicates numbered the way GitHub numbers them.
let anchors = null;
if (rulesDoc) {
  anchors = new Set();
  const slugger = new GithubSlugger();
  let fenced = false;
  for (const line of readFileSync(rulesDoc, "utf8").split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const m = !fenced && /^#{1,6} (.*?)\s*$/.exec(line);
    if (m) anchors.add(slugger.slug(m[1]));
  }
}

let failed = 0;
for (const file of files) {
  const problems = [];
  let log;
  try {
    log = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push(`not JSON: ${e.message}`);
  }
  if (log && !validate(log)) {
    for (const e of validate.errors) problems.push(`${e.instancePath || "/"} ${e.message}`);
  }
  if (log && anchors) {
    for (const run of log.runs ?? []) {
      for (const rule of run.tool?.driver?.rules ?? []) {
        if (!rule.helpUri) continue;
        const fragment = rule.helpUri.split("#")[1];
        if (fragment === undefined || !anchors.has(fragment)) {
          problems.push(`rule ${rule.id}: helpUri ${rule.helpUri} names no heading of ${rulesDoc}`);
        }
      }
    }
  }
  if (problems.length > 0) {
    failed++;
    console.log(`${file}: INVALID`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
