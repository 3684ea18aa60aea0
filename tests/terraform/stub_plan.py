#!/usr/bin/env python3
"""Runs `terraform plan` on a generated tree without azurerm or network.

Terraform cannot validate the tree without downloading the azurerm provider,
so this rewrites a copy of it into something Terraform can plan offline:
  - the root's azurerm_resource_group resources become terraform_data (a
    built-in resource) exposing the same `name` and `id`;
  - every module keeps its variables (types, defaults, validations) and its
    locals, and gets stub outputs of the same names;
  - the backend and provider blocks go, with the azurerm requirement of the
    root and of every module (versions.tf), and the origin host names
    commented in terraform.tfvars are supplied.
What the plan then checks is the generated wiring: every expression in the
root's locals and module calls, for_each keys, the conversion of each
argument to its module variable's type, and the variables' validations.

usage: stub_plan.py <scratch dir> <tree>...   exit 0 when every plan succeeds
"""
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys

# Outputs other modules index into need keys; the rest are plain strings.
STUB_OUTPUTS = {
    "network": 'output "id" { value = "vnet-id" }\n'
               'output "name" { value = var.name }\n'
               'output "subnet_ids" { value = { for k, v in var.subnets : k => "subnet-${k}" } }\n',
    "private-dns": 'output "zone_ids" { value = { for z in var.zones : z => "zone-${z}" } }\n',
    "policy-definitions": 'output "ids" { value = { for k, v in var.names : k => "definition-${k}" } }\n',
    # The Event Grid module looks its Service Bus topic up by name.
    "servicebus": 'output "id" { value = "namespace-id" }\n'
                  'output "endpoint" { value = "endpoint" }\n'
                  'output "topic_ids" { value = { for k, t in var.topics : k => "topic-${k}" } }\n',
    # The diagnostics call looks each site up by its topology name.
    "app_service": 'output "plan_ids" { value = { for k, p in var.plans : k => "plan-${k}" } }\n'
                   'output "default_hostnames" { value = { for k, s in var.sites : k => "host-${k}" } }\n'
                   'output "principal_ids" { value = { for k, s in var.sites : k => "principal-${k}" } }\n'
                   'output "site_ids" { value = { for k, s in var.sites : k => "site-${k}" } }\n',
    # Front Door reads each location's gateway host from it.
    "api-management": 'output "id" { value = "apim-id" }\n'
                      'output "name" { value = var.name }\n'
                      'output "gateway_url" { value = "https://${var.name}.azure-api.net" }\n'
                      'output "gateway_regional_urls" { value = { for l in concat([var.location], var.additional_locations[*].location) : l => "https://${var.name}-${l}-01.regional.azure-api.net" } }\n'
                      'output "principal_id" { value = "principal-id" }\n',
    # Alerts on a read replica look its ID up as "<region>/<replica key>".
    "postgres": 'output "id" { value = "server-id" }\n'
                'output "fqdn" { value = "server-fqdn" }\n'
                'output "replica_ids" { value = { for k, r in var.replicas : k => "replica-${k}" } }\n',
    # The Backup vault names the containers in its blob backup instance.
    "storage": 'output "id" { value = "account-id" }\n'
               'output "blob_service_id" { value = "blob-service-id" }\n'
               'output "container_names" { value = keys(var.containers) }\n'
               'output "name" { value = var.name }\n'
               'output "primary_blob_endpoint" { value = "blob-endpoint" }\n'
               'output "replica_blob_service_id" { value = "replica-blob-service-id" }\n',
    # Evaluates the lookups the real module makes per origin.
    "frontdoor": 'output "profile_id" { value = "profile-id" }\n'
                 'output "endpoint_host_name" { value = "endpoint" }\n'
                 'output "origin_group_ids" { value = { for k, o in var.origins : k => var.origin_host_names[o.region] } }\n'
                 'output "custom_domain_validation_tokens" { value = { for k, d in var.custom_domains : k => "token-${d.name}" } }\n',
}


def stub_module(directory, name):
    main = open(os.path.join(directory, "main.tf")).read()
    locals_blocks = re.findall(r"^locals \{.*?^\}", main, re.S | re.M)
    open(os.path.join(directory, "main.tf"), "w").write("\n".join(locals_blocks) + "\n")
    outputs = open(os.path.join(directory, "outputs.tf")).read()
    stub = STUB_OUTPUTS.get(name) or "".join(
        f'output "{o}" {{ value = "stub-{o}" }}\n' for o in re.findall(r'^output "(\w+)"', outputs, re.M))
    open(os.path.join(directory, "outputs.tf"), "w").write(stub)
    # Nothing is left that needs azurerm, which terraform init would download.
    versions = os.path.join(directory, "versions.tf")
    if os.path.exists(versions):
        os.remove(versions)


def resource_group_as_data(match):
    body = match.group(2)
    for_each = re.search(r"^\s*for_each = (.*)$", body, re.M)
    name = re.search(r"^\s*name\s*= (.*)$", body, re.M).group(1)
    out = f'resource "terraform_data" "{match.group(1)}" {{\n'
    if for_each:
        out += f"  for_each = {for_each.group(1)}\n"
    return out + f'  input = {{ name = {name}, id = "resource-group-id" }}\n}}'


def stub_root(root):
    path = os.path.join(root, "main.tf")
    main = open(path).read()
    main = re.sub(r'^resource "azurerm_resource_group" "(\w+)" \{(.*?)^\}', resource_group_as_data, main,
                  flags=re.S | re.M)
    main = re.sub(r"azurerm_resource_group\.(\w+)(\[[^\]]+\])?\.(name|id)", r"terraform_data.\1\2.output.\3", main)
    main = main.replace("in azurerm_resource_group.data :", "in terraform_data.data :").replace(
        "=> group.id", "=> group.output.id")
    open(path, "w").write(main)
    path = os.path.join(root, "outputs.tf")
    outputs = re.sub(r"azurerm_resource_group\.(\w+)", r"terraform_data.\1", open(path).read())
    open(path, "w").write(outputs.replace("group.name", "group.output.name"))
    for f in ("backend.tf", "providers.tf"):
        os.remove(os.path.join(root, f))
    path = os.path.join(root, "terraform.tf")
    versions = re.sub(r"required_providers \{.*?\n  \}\n", "", open(path).read(), flags=re.S)
    open(path, "w").write(versions)
    # Each commented-out map of terraform.tfvars (`# name = {` ... `# }`)
    # becomes the value of its variable.
    tfvars = open(os.path.join(root, "terraform.tfvars")).read()
    for name, body in re.findall(r"^# (\w+) = \{\n((?:#   .*\n)*)# \}$", tfvars, re.M):
        entries = re.findall(r"^#   (.*)$", body, re.M)
        with open(os.path.join(root, name + ".auto.tfvars"), "w") as f:
            f.write(name + " = {\n" + "\n".join(entries) + "\n}\n")


def plan(tree, scratch):
    """Plans every environment of `tree` in a copy under `scratch`; returns the failures."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(tree, scratch)
    for kind in ("global", "regional"):
        base = os.path.join(scratch, "modules", kind)
        for name in sorted(os.listdir(base)) if os.path.isdir(base) else []:
            stub_module(os.path.join(base, name), name)
    environments = os.path.join(scratch, "environments")
    failures = []
    for env in sorted(os.listdir(environments)):
        root = os.path.join(environments, env)
        stub_root(root)
        run = subprocess.run(
            "terraform init -input=false -no-color -backend=false >/dev/null && "
            "terraform plan -input=false -no-color -refresh=false",
            shell=True, cwd=root, capture_output=True, text=True,
            env={**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"})
        if run.returncode != 0:
            failures.append(f"{tree}: environments/{env}: terraform plan failed\n"
                            + run.stdout[-4000:] + run.stderr[-4000:])
    return failures


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    scratch, trees = sys.argv[1], sys.argv[2:]
    # Plans are independent; Terraform spends most of its time starting up.
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        jobs = [pool.submit(plan, tree, os.path.join(scratch, str(i))) for i, tree in enumerate(trees)]
        failures = [f for job in jobs for f in job.result()]
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
