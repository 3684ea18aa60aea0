#!/usr/bin/env node
// The rewrites `terraform fmt` makes on top of hclwrite.Format (which is all
// that hclfmt does), so that fmtcheck.sh catches them without Terraform:
//   1. an argument whose whole value is one interpolation, x = "${expr}",
//      is unwrapped to x = expr;
//   2. in a variable block, legacy types are rewritten: "string" -> string,
//      "list" -> list(string), "map" -> map(string), list/map/set -> list(any)...;
//   3. block labels are quoted: resource azurerm_x y {} -> resource "azurerm_x" "y" {};
//   4. the file ends with a newline.
// Usage: node lib/fmtrules.mjs FILE...   prints "path:line: ..." per finding,
// exits 1 if any, 0 if none.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { outline } from "./hcl-outline.mjs";

// True if `value` (an argument's source text, maybe with a trailing comment)
// is a quoted template holding exactly one interpolation and no literal text.
export function isInterpolationOnly(value) {
  const v = value.trim();
  if (!v.startsWith('"${')) return false;
  let i = 3;
  let depth = 0;
  // skip the interpolation's expression, including nested strings
  const skipString = () => {
    for (i++; i < v.length && v[i] !== '"'; i++) {
      if (v[i] === "\\") i++;
      else if (v.startsWith("${", i) || v.startsWith("%{", i)) {
        let d = 0;
        for (i += 2; i < v.length && !(v[i] === "}" && d === 0); i++) {
          if (v[i] === '"') skipString();
          else if (v[i] === "{") d++;
          else if (v[i] === "}") d--;
        }
      }
    }
  };
  for (; i < v.length; i++) {
    if (v[i] === '"') skipString();
    else if (v[i] === "{") depth++;
    else if (v[i] === "}" && depth-- === 0) break;
  }
  const rest = v.slice(i + 1);
  return /^"\s*(#.*|\/\/.*|\/\*.*\*\/)?$/.test(rest);
}

const LEGACY_TYPES = { '"string"': "string", '"list"': "list(string)", '"map"': "map(string)", list: "list(any)", map: "map(any)", set: "set(any)" };

export function findings(text) {
  const out = [];
  const visit = (node, inVariable) => {
    for (const child of node.children) {
      if (child.kind === "block") {
        if (child.bareLabels) out.push({ line: child.line, message: `terraform fmt quotes the labels of ${child.name} ${child.labels.join(" ")}` });
        visit(child, node.name === "" && child.name === "variable");
        continue;
      }
      const value = text.slice(child.valueStart, child.valueEnd).replace(/\s*(#|\/\/).*$/, "").trim();
      if (inVariable && child.name === "type" && value in LEGACY_TYPES) {
        out.push({ line: child.line, message: `terraform fmt rewrites type = ${value} to type = ${LEGACY_TYPES[value]}` });
      } else if (isInterpolationOnly(text.slice(child.valueStart, child.valueEnd))) {
        out.push({ line: child.line, message: `terraform fmt unwraps ${child.name} = "\${...}" to the bare expression` });
      }
    }
  };
  visit(outline(text), false);
  if (text.length > 0 && !text.endsWith("\n")) {
    out.push({ line: text.split("\n").length, message: "terraform fmt ends the file with a newline" });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const f of findings(fs.readFileSync(file, "utf8"))) {
      console.log(`${file}:${f.line}: ${f.message}`);
      count++;
    }
  }
  process.exit(count ? 1 : 0);
}
