#!/usr/bin/env python3
"""Generates a large estate for benchmarking `topoc drift`.

    python3 bench/drift/gen_state.py --resources 20000 --out /tmp/drift-bench

writes OUT/topoc.manifest.json (the desired state) and OUT/show.json (its
`terraform show -json`, deployed as desired). The estate is the EU region of
examples/rag-platform.topo's manifest cloned into as many regions as it takes
to reach --resources, with full-length keys and kubeconfigs, so the state is
as large per resource as a real azurerm state.
"""

import argparse
import copy
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "drift", "fixtures"))
import azurerm_state as az  # noqa: E402


def region_template(manifest):
    """The EU region's own resources (its group, modules and group-scoped policy)."""
    out = []
    for r in manifest["resources"]:
        if r.get("resource_group") == "rg-rag-eu-prod" or r["address"] == 'azurerm_resource_group.region["eu"]' \
                or r["address"].startswith('module.aks["eu"].'):
            out.append(r)
    return out


def clone(template, key):
    text = json.dumps(template)
    text = text.replace('[\\"eu\\"]', '[\\"%s\\"]' % key).replace('[\\"region-eu\\"]', '[\\"region-%s\\"]' % key)
    text = text.replace("rg-rag-eu-prod", "rg-rag-%s-prod" % key).replace("-rag-eu-", "-rag-%s-" % key)
    text = text.replace("strageuprod", "st%sprod" % key).replace("link-vnet-rag-eu-prod", "link-vnet-rag-%s-prod" % key)
    return json.loads(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=20000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(os.path.join(ROOT, "tests", "drift", "fixtures", "rag-platform.manifest.json")) as f:
        manifest = json.load(f)
    template = region_template(manifest)
    shared = [r for r in manifest["resources"] if r not in template and '["us"]' not in r["address"]
              and "-us-" not in json.dumps(r)]
    resources = list(shared)
    n = 0
    while len(resources) < args.resources:
        resources.extend(clone(template, "r%05d" % n))
        n += 1
    resources = resources[:args.resources]
    resources.sort(key=lambda r: r["address"])
    desired = dict(manifest)
    desired["resources"] = resources
    os.makedirs(args.out, exist_ok=True)
    az.write_json(os.path.join(args.out, "topoc.manifest.json"), desired)
    az.SECRET_CAP = 0
    estate = az.Estate(desired)
    shown = [az.show_resource(r["address"], estate.values(r)) for r in resources]
    # `terraform show -json` writes compact JSON.
    az.write_json(os.path.join(args.out, "show.json"), az.show_document(shown), indent=None)
    print("%d resources in %d regions -> %s" % (len(resources), n, args.out))


if __name__ == "__main__":
    main()
