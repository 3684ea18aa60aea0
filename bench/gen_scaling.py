#!/usr/bin/env python3
"""Writes a topology that is large along one axis only, for bench/scaling.sh:

  regions-sharing-space  N regions with the same address space (N002 for every pair)
  regions                N regions, each with an address space of its own (not peered:
                         more than 501 would be N008), and a tenant whose home it is
  tenants                N tenants homed in one region
  containers             N Cosmos DB containers with distinct names
  duplicate-containers   N Cosmos DB containers, all named alike (M003 for every pair)
  alerts                 N alerts with distinct names
  subnets                N subnets of one region, side by side
  overlapping-subnets    N subnets of one region, all the same block (N005 for every pair)

Usage: gen_scaling.py AXIS N [-o FILE]
"""
import argparse
import sys

AXES = ["regions-sharing-space", "regions", "boundaries", "tenants", "containers", "duplicate-containers", "alerts", "subnets",
        "overlapping-subnets"]


def generate(axis, n):
    # A hub or a mesh of more than 501 regions is N008: these are not peered.
    peering = "  peering = none" if axis == "regions" else ""
    out = ['topology "scaling" {', f'  boundary "eu" {{ geography = eu-data-boundary{peering} }}']
    w = out.append
    if axis == "boundaries":
        # A boundary per region, each with a tenant: every per-boundary walk
        # over the regions would be quadratic here.
        for i in range(n):
            w(f'  boundary "b{i:06d}" {{ locations = [westeurope] }}')
            w(f'  region "r{i:06d}" {{ location = westeurope  boundary = b{i:06d}  address = 10.{i >> 8 & 255}.{i & 255}.0/24  services = [storage] }}')
            w(f'  tenant "t{i:06d}" {{ residency = b{i:06d} }}')
    elif axis == "regions":
        # A /24 each from 10.0.0.0/8: up to 65,536 regions.
        for i in range(n):
            w(f'  region "r{i:06d}" {{ location = westeurope  address = 10.{i >> 8 & 255}.{i & 255}.0/24  services = [storage] }}')
        for i in range(n):
            w(f'  tenant "t{i:06d}" {{ residency = eu  home = r{i:06d} }}')
    elif axis == "regions-sharing-space":
        for i in range(n):
            w(f'  region "r{i:06d}" {{ location = westeurope  address = 10.0.0.0/16  services = [storage] }}')
    elif axis in ("subnets", "overlapping-subnets"):
        w('  region "weu" { location = westeurope  address = 10.0.0.0/8  services = [storage]')
        for i in range(n):
            # /28s side by side from 10.0.0.0, or all of them 10.0.0.0/28.
            block = i if axis == "subnets" else 0
            w(f'    subnet "s{i:06d}" {{ address = 10.{block >> 12 & 255}.{block >> 4 & 255}.{(block & 15) << 4}/28 }}')
        w("  }")
    else:
        w('  region "weu" { location = westeurope  address = 10.1.0.0/16 }')
    if axis == "tenants":
        for i in range(n):
            w(f'  tenant "t{i:06d}" {{ residency = eu  home = weu }}')
    if axis in ("containers", "duplicate-containers"):
        w('  cosmos {')
        for i in range(n):
            name = "items" if axis == "duplicate-containers" else f"c{i:06d}"
            w(f'    container "{name}" {{ partition = "/tenantId" }}')
        w("  }")
    if axis == "alerts":
        w('  alerts { email = "ops@example.com"')
        for i in range(n):
            w(f'    alert "a{i:06d}" {{ metric = cosmos.availability  below = 99%  window = 1h }}')
        w("  }")
        w('  cosmos { container "items" { partition = "/tenantId" } }')
    w("}")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("axis", choices=AXES)
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    if args.axis == "regions" and not 0 < args.n <= 65536:
        parser.error("the regions axis gives each region a /24 of 10.0.0.0/8: N from 1 to 65536")
    text = generate(args.axis, args.n)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
