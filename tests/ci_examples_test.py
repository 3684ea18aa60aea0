#!/usr/bin/env python3
"""The CI examples in examples/ci/ are valid YAML and do what they promise:
SARIF from `topoc check` is uploaded (GitHub code scanning) or published as
`CodeAnalysisLogs` (Azure DevOps), `topoc build --check` guards the committed
Terraform, and each environment runs terraform init -backend=false, validate
and plan, the plan with OIDC credentials. The scheduled drift workflow feeds
`topoc drift` a `terraform show -json` state and an `az resource list` export
and fails with its exit code. Every topoc flag they use must be one
`topoc <command> --help` lists.

Usage: ci_examples_test.py TOPOC_BINARY
Exits 77 (skipped) when python3-yaml is missing.
"""
import pathlib
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("SKIPPED: python3-yaml is not installed (apt-get install python3-yaml)")
    sys.exit(77)

ROOT = pathlib.Path(__file__).resolve().parent.parent
CI = ROOT / "examples" / "ci"
failures = []
checked = 0


def check(condition, message):
    global checked
    checked += 1
    if not condition:
        failures.append(message)


def load(name):
    with open(CI / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def scripts(steps, key):
    return [s.get(key, "") for s in steps if isinstance(s, dict) and key in s]


def has(texts, pattern):
    return any(re.search(pattern, t) for t in texts)


def topoc_flags_exist(texts, topoc):
    """Every `--flag` after `topoc check` or `topoc build` is in that command's --help."""
    helps = {}
    for text in texts:
        # A trailing backslash continues the command on the next line.
        for command, args in re.findall(r"\btopoc (check|build|graph|drift) ((?:\\\n|[^\n;|>&])*)", text):
            if command not in helps:
                helps[command] = subprocess.run([topoc, command, "--help"], capture_output=True,
                                                text=True, check=False).stdout
            for flag in re.findall(r"(?<!\S)(--[a-z-]+|-[a-zA-Z])\b", args):
                check(re.search(r"(^|[\s,])" + re.escape(flag) + r"\b", helps[command]),
                      f"`topoc {command}` has no option `{flag}`")


def github(topoc):
    w = load("github-actions.yml")
    triggers = w.get("on", w.get(True))  # YAML 1.1 reads a bare `on` as true
    check(isinstance(triggers, dict) and "pull_request" in triggers and "push" in triggers,
          "github: runs on pull_request and push")
    check(w["permissions"].get("security-events") == "write", "github: may upload SARIF")
    check_job = w["jobs"]["check"]
    steps = check_job["steps"]
    runs = scripts(steps, "run")
    check(has(runs, r"topoc check --format sarif .*> topoc\.sarif"), "github: topoc check writes SARIF")
    upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    check(len(upload) == 1 and upload[0]["with"]["sarif_file"] == "topoc.sarif",
          "github: topoc.sarif is uploaded with upload-sarif")
    check(upload and "always()" in upload[0].get("if", ""), "github: SARIF is uploaded even when the check fails")
    check(has(runs, r"topoc build .*--check"), "github: topoc build --check")

    tf = w["jobs"]["terraform"]
    check(tf.get("needs") == "check", "github: terraform runs after the check")
    check(tf["strategy"]["matrix"]["environment"], "github: one terraform job per environment")
    check(tf["permissions"].get("id-token") == "write", "github: terraform job may request an OIDC token")
    tf_runs = scripts(tf["steps"], "run")
    check(has(tf_runs, r"terraform init -backend=false"), "github: terraform init -backend=false")
    check(has(tf_runs, r"terraform validate"), "github: terraform validate")
    plan = [s for s in tf["steps"] if "terraform plan" in s.get("run", "")]
    check(len(plan) == 1 and plan[0]["env"].get("ARM_USE_OIDC") == "true", "github: terraform plan uses OIDC")
    for job in w["jobs"].values():
        for s in job["steps"]:
            if "uses" in s:
                check(re.search(r"@v\d", s["uses"]), f"github: `{s['uses']}` is pinned to a version")
    topoc_flags_exist(runs, topoc)


def github_drift(topoc):
    w = load("github-drift.yml")
    triggers = w.get("on", w.get(True))
    check(isinstance(triggers, dict) and "schedule" in triggers and "workflow_dispatch" in triggers,
          "drift: runs on a schedule and on demand")
    job = w["jobs"]["drift"]
    check(job["strategy"]["matrix"]["environment"], "drift: one job per environment")
    check(job["permissions"].get("id-token") == "write", "drift: may request an OIDC token")
    check(job["env"].get("ARM_USE_OIDC") == "true", "drift: the state backend uses OIDC")
    runs = scripts(job["steps"], "run")
    check(has(runs, r"terraform -chdir=\S+ show -json > \S*state\.json"), "drift: state from terraform show -json")
    check(has(runs, r"az resource list --output json > \S*resources\.json"), "drift: Azure's view from az resource list")
    drift = [r for r in runs if "topoc drift" in r]
    check(len(drift) == 1, "drift: one step runs topoc drift")
    if drift:
        step = drift[0]
        check(re.search(r"--state \S*state\.json.*--state \S*resources\.json", step.replace("\\\n", " ")),
              "drift: both inputs are compared together")
        check("--format markdown" in step and 'cat drift.md >> "$GITHUB_STEP_SUMMARY"' in step,
              "drift: the Markdown report goes to the run summary")
        check(re.search(r"code=\$\?", step) and step.rstrip().endswith("exit $code"),
              "drift: the job fails with topoc drift's exit code")
    setup = [s for s in job["steps"] if str(s.get("uses", "")).startswith("hashicorp/setup-terraform@")]
    check(setup and setup[0]["with"].get("terraform_wrapper") is False,
          "drift: the terraform wrapper is off, so show -json is plain JSON")
    for s in job["steps"]:
        if "uses" in s:
            check(re.search(r"@v\d", s["uses"]), f"drift: `{s['uses']}` is pinned to a version")
    topoc_flags_exist(runs, topoc)


def azure_devops(topoc):
    p = load("azure-pipelines.yml")
    check("trigger" in p and "pr" in p, "ado: runs on push and pull request")
    stages = {s["stage"]: s for s in p["stages"]}
    check(set(stages) == {"check", "terraform"}, "ado: a check stage and a terraform stage")
    steps = stages["check"]["jobs"][0]["steps"]
    runs = scripts(steps, "script")
    check(has(runs, r"topoc check --format sarif .*> .*CodeAnalysisLogs/topoc\.sarif"),
          "ado: topoc check writes SARIF into CodeAnalysisLogs")
    publish = [s for s in steps if s.get("task") == "PublishBuildArtifacts@1"]
    check(len(publish) == 1 and publish[0]["inputs"]["ArtifactName"] == "CodeAnalysisLogs",
          "ado: SARIF is published as the CodeAnalysisLogs artifact")
    check(publish and publish[0].get("condition") == "succeededOrFailed()",
          "ado: SARIF is published even when the check fails")
    check(has(runs, r"topoc build .*--check"), "ado: topoc build --check")

    tf = stages["terraform"]
    check(tf.get("dependsOn") == "check", "ado: terraform runs after the check")
    loop = tf["jobs"][0]
    check(list(loop)[0].startswith("${{ each environment in parameters.environments }}"),
          "ado: one terraform job per environment")
    job = list(loop.values())[0][0]
    tf_steps = job["steps"]
    tf_runs = scripts(tf_steps, "script")
    check(has(tf_runs, r"terraform .*init -backend=false"), "ado: terraform init -backend=false")
    check(has(tf_runs, r"terraform .*validate"), "ado: terraform validate")
    plan = [s for s in tf_steps if "plan" in s.get("script", "")]
    check(len(plan) == 1 and plan[0]["env"].get("ARM_USE_OIDC") == "true"
          and plan[0]["env"].get("SYSTEM_ACCESSTOKEN") == "$(System.AccessToken)",
          "ado: terraform plan uses the service connection's OIDC token")
    topoc_flags_exist(runs, topoc)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    topoc = sys.argv[1]
    for run in (github, github_drift, azure_devops):
        try:
            run(topoc)
        except (KeyError, IndexError, TypeError, AttributeError) as e:
            failures.append(f"{run.__name__}: unexpected shape: {e!r}")
    for f in failures:
        print(f"FAILED: {f}")
    print(f"ci_examples: {checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
