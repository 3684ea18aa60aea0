// Checks one resource / data / provider body (as parsed by hcl2json) against a
// compact azurerm block schema (see schema.mjs). Yields {steps, message}, where
// steps is the path inside the block for hcl-outline's lineOf().

export const RESOURCE_META = ["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"];
export const DATA_META = ["count", "for_each", "depends_on", "provider", "lifecycle"];
export const PROVIDER_META = ["alias"];
const LIFECYCLE = ["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by", "precondition", "postcondition"];
const DYNAMIC = ["for_each", "iterator", "labels", "content"];

// "identity: " / "security_rule: " prefix naming the nested block a message is about.
const context = (steps) => {
  const names = steps.filter((s, i) => !(s.name === "content" && steps[i - 1]?.dynamic)).map((s) => s.name);
  return names.length ? `${names.join(".")}: ` : "";
};

const isBlockList = (v) => Array.isArray(v) && v.every((e) => e && typeof e === "object" && !Array.isArray(e));

export function* checkBody(body, block, meta = [], steps = []) {
  const ctx = context(steps);
  const dynamics = body.dynamic && typeof body.dynamic === "object" && !Array.isArray(body.dynamic) ? body.dynamic : {};
  for (const [key, value] of Object.entries(body)) {
    const at = [...steps, { name: key }];
    if (key === "dynamic") continue; // below
    if (meta.includes(key)) {
      if (key === "lifecycle") yield* checkLifecycle(value, at);
      continue;
    }
    if (key in block.a) continue;
    const nested = block.b[key];
    if (!nested) {
      const what = isBlockList(value) && value.length > 0 ? "block type" : "argument";
      yield { steps: at, message: `${ctx}unknown ${what} "${key}"${suggest(key, block)}` };
      continue;
    }
    if (!isBlockList(value)) {
      yield { steps: at, message: `${ctx}"${key}" is a nested block, not an argument (write ${key} { ... })` };
      continue;
    }
    if (nested.s && value.length + (key in dynamics ? 1 : 0) > 1) {
      const repeated = value.length > 1;
      yield {
        steps: [...steps, repeated ? { name: key, index: 1 } : { name: key, dynamic: true }],
        message: repeated
          ? `${ctx}block "${key}" may appear at most once, found ${value.length}`
          : `${ctx}block "${key}" may appear at most once, found a static and a dynamic "${key}" block`,
      };
    }
    for (const [index, element] of value.entries()) {
      yield* checkBody(element, nested.t, [], [...steps, { name: key, index }]);
    }
  }

  for (const [key, list] of Object.entries(dynamics)) {
    const at = [...steps, { name: key, dynamic: true }];
    const nested = block.b[key];
    if (!nested) {
      yield { steps: at, message: `${ctx}dynamic "${key}": unknown block type "${key}"${suggest(key, block)}` };
      continue;
    }
    for (const [index, dyn] of (Array.isArray(list) ? list : [list]).entries()) {
      const here = [...steps, { name: key, dynamic: true, index }];
      for (const k of Object.keys(dyn)) {
        if (!DYNAMIC.includes(k)) yield { steps: [...here, { name: k }], message: `${ctx}dynamic "${key}": unexpected argument "${k}"` };
      }
      if (!("for_each" in dyn)) yield { steps: here, message: `${ctx}dynamic "${key}": missing required argument "for_each"` };
      if (!isBlockList(dyn.content) || dyn.content.length !== 1) {
        yield { steps: here, message: `${ctx}dynamic "${key}": needs exactly one content block` };
        continue;
      }
      yield* checkBody(dyn.content[0], nested.t, [], [...here, { name: "content" }]);
    }
  }

  for (const [name, required] of Object.entries(block.a)) {
    if (required && !(name in body)) yield { steps, message: `${ctx}missing required argument "${name}"` };
  }
  for (const [name, nested] of Object.entries(block.b)) {
    if (nested.r && !(name in body) && !(name in dynamics)) yield { steps, message: `${ctx}missing required block "${name}"` };
  }
}

function* checkLifecycle(value, steps) {
  for (const [index, element] of (isBlockList(value) ? value : [{}]).entries()) {
    for (const k of Object.keys(element)) {
      if (!LIFECYCLE.includes(k)) yield { steps: [...steps.slice(0, -1), { name: "lifecycle", index }, { name: k }], message: `lifecycle: unknown argument "${k}"` };
    }
  }
}

// " (did you mean ...?)" for an unknown name: same words in another order or
// with enable/enabled moved (3.x -> 4.x renames), or a small edit distance.
export function suggest(name, block) {
  const candidates = [...Object.keys(block.a), ...Object.keys(block.b)];
  const words = (s) => s.split("_").map((w) => (w === "enable" || w === "is" ? "enabled" : w)).sort().join("_");
  const hit = candidates.find((c) => words(c) === words(name))
    ?? candidates.find((c) => editDistance(c, name) <= Math.min(2, Math.floor(name.length / 4)));
  return hit ? ` (did you mean "${hit}"?)` : "";
}

export function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
