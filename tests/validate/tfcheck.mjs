#!/usr/bin/env node
// tfcheck: validates a generated Terraform tree without Terraform or network.
//
//   node tfcheck.mjs [--json] <dir>
//
// For every .tf file under <dir> (each directory is one module):
//   a. parses it with the real HCL parser (@cdktf/hcl2json);
//   b. checks every azurerm_* resource and data block against the azurerm 4.x
//      schema carried by @cdktf/provider-azurerm (unknown types, arguments and
//      blocks, missing required ones, single blocks repeated; meta-arguments,
//      lifecycle and dynamic blocks understood);
//   c. checks module wiring: local module calls pass only declared variables
//      and all variables without default; var., local., module.X.OUT, data. and
//      resource references resolve in their module; variables have a type and a
//      description; child modules hold no provider blocks.
// Prints one line per problem, "path:line: where: message", and exits 1 if
// there is any, 0 if none, 2 on usage errors. --json prints
// {"ok", "files", "problems": [{file, line, where, message}]} instead.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { loadSchema } from "./lib/schema.mjs";
import { outline, lineOf } from "./lib/hcl-outline.mjs";
import { walkReferences } from "./lib/refs.mjs";
import { checkBody, suggest, editDistance, RESOURCE_META, DATA_META, PROVIDER_META } from "./lib/schema-check.mjs";

const USAGE = "usage: node tfcheck.mjs [--json] <dir>";
const TOP_LEVEL = ["terraform", "provider", "variable", "output", "locals", "module", "resource", "data", "moved", "import", "removed", "check"];
const VARIABLE_ARGS = ["type", "description", "default", "sensitive", "nullable", "validation", "ephemeral"];
const RESERVED_VARIABLES = ["source", "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals"];
const OUTPUT_ARGS = ["value", "description", "sensitive", "depends_on", "precondition", "ephemeral"];
const MODULE_META = ["source", "version", "count", "for_each", "depends_on", "providers"];
const KNOWN_PROVIDERS = ["azurerm", "azuread", "azapi", "random", "tls", "time", "null", "local", "http", "archive", "external", "terraform"];

function usage(message) {
  if (message) console.error(`tfcheck: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { json: false, dir: null };
  for (const arg of argv) {
    if (arg === "--json") options.json = true;
    else if (arg === "-h" || arg === "--help") { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith("-")) usage(`unknown option ${arg}`);
    else if (options.dir === null) options.dir = arg;
    else usage("expected exactly one directory");
  }
  if (options.dir === null) usage("missing directory");
  if (!fs.statSync(options.dir, { throwIfNoEntry: false })?.isDirectory()) usage(`not a directory: ${options.dir}`);
  return options;
}

function tfFiles(root, rel = "") {
  const files = [];
  const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") files.push(...tfFiles(root, child));
    else if (entry.isFile() && entry.name.endsWith(".tf")) files.push(child);
  }
  return files;
}

const entriesOf = (value) => (value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : []);
const listOf = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

class Checker {
  constructor(root, schema) {
    this.root = root;
    this.schema = schema;
    this.problems = [];
    this.modules = new Map(); // module dir (relative to root, "" for root) -> module
  }

  report(file, steps, where, message) {
    const line = file.outline && steps ? lineOf(file.outline, steps) : null;
    this.problems.push({ file: file.display, line, where, message });
  }

  module(dir) {
    if (!this.modules.has(dir)) {
      this.modules.set(dir, {
        dir, files: [], broken: false,
        variables: new Map(), locals: new Map(), outputs: new Map(), calls: new Map(),
        resources: new Map(), data: new Map(), providerNames: new Set(KNOWN_PROVIDERS),
      });
    }
    return this.modules.get(dir);
  }

  // --- a. parse ------------------------------------------------------------
  async parse(parseHcl, rel) {
    const display = path.join(this.root, rel);
    const text = fs.readFileSync(display, "utf8");
    const file = { rel, display, text, outline: null, json: null };
    const mod = this.module(path.dirname(rel) === "." ? "" : path.dirname(rel));
    mod.files.push(file);
    try {
      file.json = await parseHcl(display, text);
    } catch (error) {
      mod.broken = true;
      for (const diag of parseErrors(String(error.message ?? error), display)) {
        this.problems.push({ file: display, line: diag.line, where: null, message: `HCL parse error: ${diag.message}` });
      }
      return;
    }
    file.outline = outline(text);
  }

  // Records what a file declares; duplicates across the module's files are errors.
  declare(mod, file) {
    const json = file.json;
    const declareIn = (map, key, where, steps, body) => {
      if (map.has(key)) this.report(file, steps, where, `duplicate declaration (also in ${map.get(key).file.display})`);
      else map.set(key, { file, steps, body });
    };
    for (const [name, bodies] of entriesOf(json.variable)) {
      listOf(bodies).forEach((body, index) => {
        declareIn(mod.variables, name, `variable "${name}"`, [{ name: "variable", labels: [name], index }], body);
      });
    }
    listOf(json.locals).forEach((block, index) => {
      for (const name of Object.keys(block)) declareIn(mod.locals, name, `locals`, [{ name: "locals", index }, { name }]);
    });
    for (const [name, bodies] of entriesOf(json.output)) {
      listOf(bodies).forEach((_, index) => declareIn(mod.outputs, name, `output "${name}"`, [{ name: "output", labels: [name], index }]));
    }
    for (const [name, bodies] of entriesOf(json.module)) {
      listOf(bodies).forEach((body, index) => {
        declareIn(mod.calls, name, `module "${name}"`, [{ name: "module", labels: [name], index }], body);
      });
    }
    for (const kind of ["resource", "data"]) {
      for (const [type, named] of entriesOf(json[kind])) {
        mod.providerNames.add(type.split("_")[0]);
        for (const [name, bodies] of entriesOf(named)) {
          listOf(bodies).forEach((_, index) => declareIn(kind === "resource" ? mod.resources : mod.data, `${type}.${name}`,
            `${kind} "${type}" "${name}"`, [{ name: kind, labels: [type, name], index }]));
        }
      }
    }
    for (const terraform of listOf(json.terraform)) {
      for (const providers of listOf(terraform.required_providers)) {
        for (const name of Object.keys(providers ?? {})) mod.providerNames.add(name);
      }
    }
  }

  // --- b. schema -----------------------------------------------------------
  checkFile(mod, file, isChild) {
    const json = file.json;
    for (const key of Object.keys(json)) {
      if (!TOP_LEVEL.includes(key)) this.report(file, [{ name: key }], null, `unknown top-level block "${key}"`);
    }
    for (const kind of ["resource", "data"]) {
      for (const [type, named] of entriesOf(json[kind])) {
        for (const [name, bodies] of entriesOf(named)) {
          listOf(bodies).forEach((body, index) => {
            const top = { name: kind, labels: [type, name], index };
            const where = `${kind} "${type}" "${name}"`;
            if (!type.startsWith("azurerm_")) return;
            const block = this.schema[kind][type];
            if (!block) {
              this.report(file, [top], where, `unknown ${kind === "data" ? "data source" : "resource type"} "${type}" in azurerm ${this.schema.azurerm}${this.similarTypes(kind, type)}`);
              return;
            }
            for (const p of checkBody(body, block, kind === "data" ? DATA_META : RESOURCE_META)) {
              this.report(file, [top, ...p.steps], where, p.message);
            }
          });
        }
      }
    }
    for (const [name, bodies] of entriesOf(json.provider)) {
      listOf(bodies).forEach((body, index) => {
        const top = { name: "provider", labels: [name], index };
        const where = `provider "${name}"`;
        if (isChild) this.report(file, [top], where, "provider blocks are not allowed in child modules (pass providers from the root)");
        if (name !== "azurerm") return;
        for (const p of checkBody(body, this.schema.provider, PROVIDER_META)) this.report(file, [top, ...p.steps], where, p.message);
        // jsii marks every provider argument optional, but azurerm 4.x requires features {}.
        if (!("features" in body)) this.report(file, [top], where, `missing required block "features"`);
      });
    }
    for (const [name, bodies] of entriesOf(json.variable)) {
      listOf(bodies).forEach((body, index) => {
        const steps = [{ name: "variable", labels: [name], index }];
        const where = `variable "${name}"`;
        if (RESERVED_VARIABLES.includes(name)) this.report(file, steps, where, `"${name}" is a reserved name and cannot be a variable`);
        for (const key of Object.keys(body)) {
          if (!VARIABLE_ARGS.includes(key)) this.report(file, [...steps, { name: key }], where, `unknown argument "${key}"`);
        }
        if (!("type" in body)) this.report(file, steps, where, `missing "type"`);
        if (!("description" in body)) this.report(file, steps, where, `missing "description"`);
      });
    }
    for (const [name, bodies] of entriesOf(json.output)) {
      listOf(bodies).forEach((body, index) => {
        const steps = [{ name: "output", labels: [name], index }];
        for (const key of Object.keys(body)) {
          if (!OUTPUT_ARGS.includes(key)) this.report(file, [...steps, { name: key }], `output "${name}"`, `unknown argument "${key}"`);
        }
        if (!("value" in body)) this.report(file, steps, `output "${name}"`, `missing required argument "value"`);
      });
    }
  }

  similarTypes(kind, type) {
    const suffix = type.slice("azurerm".length);
    const similar = Object.keys(this.schema[kind])
      .filter((t) => t.endsWith(suffix) || editDistance(t, type) <= 2).slice(0, 5);
    return similar.length ? ` (similar: ${similar.join(", ")})` : "";
  }

  // --- c. module wiring ----------------------------------------------------
  localTarget(mod, source) {
    if (typeof source !== "string" || !(source.startsWith("./") || source.startsWith("../"))) return null;
    const target = path.posix.normalize(path.posix.join(mod.dir || ".", source));
    return target === "." ? "" : target.replace(/\/$/, "");
  }

  checkCalls(mod) {
    for (const [name, call] of mod.calls) {
      const { file, steps, body } = call;
      const where = `module "${name}"`;
      if (!("source" in body)) { this.report(file, steps, where, `missing required argument "source"`); continue; }
      const target = this.localTarget(mod, body.source);
      if (target === null) continue; // registry or remote module: not checked
      const child = this.modules.get(target);
      if (!child) {
        this.report(file, [...steps, { name: "source" }], where, `source "${body.source}": no .tf files at ${path.join(this.root, target)}`);
        continue;
      }
      if (child.broken) continue;
      for (const arg of Object.keys(body)) {
        if (MODULE_META.includes(arg) || child.variables.has(arg)) continue;
        const hint = suggest(arg, { a: Object.fromEntries([...child.variables.keys()].map((v) => [v, 0])), b: {} });
        this.report(file, [...steps, { name: arg }], where, `argument "${arg}" is not a variable declared in ${body.source}${hint}`);
      }
      for (const [variable, decl] of child.variables) {
        if (!("default" in decl.body) && !(variable in body)) {
          this.report(file, steps, where, `missing required variable "${variable}" (no default in ${body.source})`);
        }
      }
    }
  }

  checkReferences(mod) {
    const seen = new Set();
    for (const file of mod.files) {
      for (const [steps, where, value, skip] of topLevelBlocks(file.json)) {
        for (const [keyPath, ref] of walkReferences(value, mod.providerNames, skip)) {
          const message = this.resolve(mod, ref);
          if (!message) continue;
          const key = `${file.rel}\0${where}\0${message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          this.report(file, [...steps, ...stepsOf(keyPath)], where, message);
        }
      }
    }
  }

  resolve(mod, ref) {
    switch (ref.kind) {
      case "var": return mod.variables.has(ref.name) ? null : `reference to undeclared variable var.${ref.name}`;
      case "local": return mod.locals.has(ref.name) ? null : `reference to undefined local value local.${ref.name}`;
      case "data": return mod.data.has(`${ref.type}.${ref.name}`) ? null : `reference to undeclared data source data.${ref.type}.${ref.name}`;
      case "resource": return mod.resources.has(`${ref.type}.${ref.name}`) ? null : `reference to undeclared resource ${ref.type}.${ref.name}`;
      case "module": {
        const call = mod.calls.get(ref.name);
        if (!call) return `reference to undeclared module call module.${ref.name}`;
        if (!ref.attr) return null;
        const child = this.modules.get(this.localTarget(mod, call.body.source));
        if (!child || child.broken || child.outputs.has(ref.attr)) return null;
        return `module.${ref.name}.${ref.attr}: ${call.body.source} declares no output "${ref.attr}"`;
      }
      default: return null;
    }
  }

  async run(parseHcl, files) {
    for (const rel of files) await this.parse(parseHcl, rel);
    for (const mod of this.modules.values()) {
      for (const file of mod.files) if (file.json) this.declare(mod, file);
    }
    const children = new Set([...this.modules.keys()].filter((dir) => dir.split("/").includes("modules")));
    for (const mod of this.modules.values()) {
      for (const call of mod.calls.values()) {
        const target = this.localTarget(mod, call.body?.source);
        if (target !== null) children.add(target);
      }
    }
    for (const mod of this.modules.values()) {
      for (const file of mod.files) if (file.json) this.checkFile(mod, file, children.has(mod.dir));
      if (mod.broken) continue;
      this.checkCalls(mod);
      this.checkReferences(mod);
    }
    return this.problems.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1)
      : (a.line ?? 0) - (b.line ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
  }
}

// Yields [outline steps, where, body, skip] for each top-level block
// whose expressions may hold references.
function* topLevelBlocks(json) {
  const labelled = (kind, skip = () => false) => function* (named) {
    for (const [name, bodies] of entriesOf(named)) {
      for (const [index, body] of listOf(bodies).entries()) {
        yield [[{ name: kind, labels: [name], index }], `${kind} "${name}"`, body, skip];
      }
    }
  };
  const skipIgnoreChanges = (keyPath) => keyPath[0] === "lifecycle" && keyPath[1] === "ignore_changes";
  for (const kind of ["resource", "data"]) {
    for (const [type, named] of entriesOf(json[kind])) {
      for (const [name, bodies] of entriesOf(named)) {
        for (const [index, body] of listOf(bodies).entries()) {
          yield [[{ name: kind, labels: [type, name], index }], `${kind} "${type}" "${name}"`, body, skipIgnoreChanges];
        }
      }
    }
  }
  yield* labelled("variable", (keyPath) => keyPath[0] === "type")(json.variable);
  yield* labelled("output")(json.output);
  yield* labelled("module")(json.module);
  yield* labelled("provider")(json.provider);
  for (const [index, block] of listOf(json.locals).entries()) {
    yield [[{ name: "locals", index }], "locals", block, () => false];
  }
}

// hcl2json key path -> outline steps ("dynamic", label, "content" -> dynamic step).
function stepsOf(keyPath) {
  const steps = [];
  for (let i = 0; i < keyPath.length; i++) {
    if (keyPath[i] === "dynamic" && i + 1 < keyPath.length) steps.push({ name: keyPath[++i], dynamic: true });
    else steps.push({ name: keyPath[i] });
  }
  return steps;
}

// "parse config: [f.tf:2,7-3,1: Summary; Detail., f.tf:9,1-2: ...]" -> [{line, message}]
function parseErrors(message, display) {
  const body = message.replace(/^parse config: \[/, "").replace(/\]$/, "");
  const parts = body.split(`, ${display}:`).map((p, i) => (i === 0 ? p.replace(`${display}:`, "") : p));
  return parts.map((part) => {
    const m = /^(\d+),\d+(?:-(?:\d+,)?\d+)?: ([\s\S]*)$/.exec(part);
    return m ? { line: Number(m[1]), message: m[2] } : { line: null, message: part };
  });
}

function loadParser() {
  const require = createRequire(import.meta.url);
  try {
    return require("@cdktf/hcl2json").parse;
  } catch {
    console.error(`tfcheck: @cdktf/hcl2json is not installed; run: npm ci --ignore-scripts --prefix ${path.dirname(new URL(import.meta.url).pathname)}`);
    process.exit(2);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = tfFiles(options.dir);
  if (files.length === 0) usage(`no .tf files under ${options.dir}`);
  const parseHcl = loadParser();
  const checker = new Checker(options.dir, loadSchema());
  const problems = await checker.run(parseHcl, files);
  if (options.json) {
    console.log(JSON.stringify({ ok: problems.length === 0, files: files.length, problems }, null, 2));
  } else {
    for (const p of problems) {
      console.log(`${p.file}${p.line ? `:${p.line}` : ""}: ${p.where ? `${p.where}: ` : ""}${p.message}`);
    }
  }
  process.exit(problems.length ? 1 : 0);
}

await main();
