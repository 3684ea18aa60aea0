#!/usr/bin/env python3
"""The CI examples in examples/ci/ are valid YAML and do what they promise:
SARIF from `topoc check` is uploaded (GitHub code scanning) or published as
`CodeAnalysisLogs` (Azure DevOps), `topoc build --check` guards the committed
Terraform, and each environment runs terraform init -backend=false, validate
and plan, the plan with OIDC credentials. The scheduled drift workflow feeds
`topoc drift` a `terraform show -json` state and an `az resource list` export
and fails with its exit code. On pull requests `topoc diff --base` is
posted as a comment (GitHub) or a pull-request thread (Azure DevOps), and
its exit 3 fails the run. Every topoc flag they use must be one
`topoc <command> --help` lists.

The GitHub templates install topoc with the action at the repository root
(action.yml), the Azure DevOps one downloads and verifies the released
tarball; both pin the version in one variable. The action's own scripts are
run here: the install step against a release directory on disk (a tampered
tarball is refused), the check step with the real topoc. The release workflow
and the Dockerfile are checked for what docs/install.md promises.

Usage: ci_examples_test.py TOPOC_BINARY
Exits 77 (skipped) when python3-yaml is missing.
"""
import hashlib
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

try:
    import yaml
except ImportError:
    print("SKIPPED: python3-yaml is not installed (apt-get install python3-yaml)")
    sys.exit(77)

ROOT = pathlib.Path(__file__).resolve().parent.parent
CI = ROOT / "examples" / "ci"
VERSION = re.search(r"project\(topoc VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
TARBALL = f"topoc-{VERSION}-linux-x86_64.tar.gz"
# The install steps download with curl; without it they are checked but not run.
CURL = shutil.which("curl")
# The current major of each action the templates use, from each repository's
# tags: all run on node24, since GitHub's runners no longer start node20 actions.
CURRENT_MAJOR = {
    "actions/checkout": 7,
    "actions/upload-artifact": 7,
    "actions/download-artifact": 8,
    "hashicorp/setup-terraform": 4,
    "azure/login": 3,
    "github/codeql-action/upload-sarif": 4,
}
failures = []
checked = 0


def check(condition, message):
    global checked
    checked += 1
    if not condition:
        failures.append(message)


def load(name, directory=CI):
    with open(directory / name, encoding="utf-8") as f:
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
        for command, args in re.findall(r"\btopoc (check|build|graph|drift|diff) ((?:\\\n|[^\n;|>&])*)", text):
            if command not in helps:
                helps[command] = subprocess.run([topoc, command, "--help"], capture_output=True,
                                                text=True, check=False).stdout
            for flag in re.findall(r"(?<!\S)(--[a-z-]+|-[a-zA-Z])\b", args):
                check(re.search(r"(^|[\s,])" + re.escape(flag) + r"\b", helps[command]),
                      f"`topoc {command}` has no option `{flag}`")


def actions_are_current():
    """Every third-party action in the templates, action.yml and docs/install.md is at its current major."""
    for path in sorted(CI.glob("*.yml")) + [ROOT / "action.yml", ROOT / "docs" / "install.md"]:
        for action, major in re.findall(r"uses: ([\w./-]+)@v(\d+)\b", path.read_text()):
            if action.endswith("/topoc"):
                continue
            check(action in CURRENT_MAJOR, f"{path.name}: `{action}` is one whose current major is known")
            check(CURRENT_MAJOR.get(action) == int(major),
                  f"{path.name}: `{action}@v{major}` is at the current major, v{CURRENT_MAJOR.get(action)}")


def is_topoc_action(step):
    return re.fullmatch(r"[\w.-]+/topoc@v[0-9.]+", str(step.get("uses", ""))) is not None


def check_action_inputs(step, name):
    """Every input given to the action is one action.yml declares; the required ones are given."""
    declared = load("action.yml", ROOT)["inputs"]
    given = step.get("with", {})
    for key in given:
        check(key in declared, f"{name}: the topoc action has no input `{key}`")
    for key, spec in declared.items():
        if spec.get("required"):
            check(key in given, f"{name}: the topoc action's required input `{key}` is given")


def check_version_pin(workflow, name, file):
    """TOPOC_VERSION is a release and the action's tag is that release: no other version is written."""
    version = str(workflow.get("env", {}).get("TOPOC_VERSION", ""))
    check(re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", version), f"{name}: TOPOC_VERSION pins a release")
    text = (CI / file).read_text()
    check("TOPOC_REPOSITORY" not in text and "git clone" not in text and "cmake" not in text,
          f"{name}: topoc is not compiled from source")
    tags = re.findall(r"uses: [\w.-]+/topoc@v(\S+)", text)
    check(tags and all(t == version for t in tags), f"{name}: the action's tag is v{version}")


def fake_release(directory, version, content=b"echo 'topoc %s (commit 0000000)'\n"):
    """A release v<version>/ holding a tarball whose bin/topoc prints the version, and its .sha256."""
    name = f"topoc-{version}-linux-x86_64"
    release = directory / f"v{version}"
    release.mkdir(parents=True, exist_ok=True)
    script = b"#!/bin/sh\n" + (content % version.encode() if b"%s" in content else content)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo(f"{name}/bin/topoc")
        info.size, info.mode = len(script), 0o755
        tar.addfile(info, io.BytesIO(script))
    tarball = release / f"{name}.tar.gz"
    tarball.write_bytes(buffer.getvalue())
    (release / f"{name}.tar.gz.sha256").write_text(
        f"{hashlib.sha256(buffer.getvalue()).hexdigest()}  {name}.tar.gz\n")
    return tarball


def run_ado_install(script):
    """The Azure DevOps install step, its macros set, against a release on disk."""
    if not CURL:
        print("note: curl is not installed; the Azure DevOps install step is not run")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        fake_release(tmp / "releases", VERSION)
        (tmp / "agent").mkdir()
        text = (script.replace("$(topocVersion)", VERSION)
                .replace("$(topocReleases)", f"file://{tmp}/releases")
                .replace("$(Agent.TempDirectory)", str(tmp / "agent")))
        run = subprocess.run(["bash", "-c", text], capture_output=True, text=True, check=False)
        check(run.returncode == 0, f"ado: the install step works: {run.stderr.strip()}")
        check(f"##vso[task.prependpath]{tmp}/agent/topoc-{VERSION}-linux-x86_64/bin" in run.stdout,
              "ado: the install step puts the unpacked bin/ on PATH")
        (tmp / "releases" / f"v{VERSION}" / TARBALL).write_bytes(b"tampered")
        run = subprocess.run(["bash", "-c", text], capture_output=True, text=True, check=False)
        check(run.returncode != 0 and "##vso[task.prependpath]" not in run.stdout,
              "ado: a tarball whose checksum differs is refused")


def action_step(action, name):
    return next(s for s in action["runs"]["steps"] if s.get("name", "").startswith(name))


def action(topoc):
    """action.yml: its inputs, the upload, and its two scripts run for real."""
    a = load("action.yml", ROOT)
    check(a["runs"]["using"] == "composite", "action: a composite action")
    check(set(a["inputs"]) == {"version", "files", "sarif", "working-directory", "repository"},
          "action: inputs version, files, sarif, working-directory, repository")
    check(a["inputs"]["version"].get("required") is True, "action: version is required")
    steps = a["runs"]["steps"]
    for s in steps:
        if "run" in s:
            check("${{" not in s["run"], f"action: `{s.get('name')}` takes inputs through env, not spliced")
    upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    check(len(upload) == 1 and upload[0]["uses"] == "github/codeql-action/upload-sarif@v4",
          "action: SARIF is uploaded with upload-sarif@v4, the current major")
    if upload:
        check("always()" in upload[0]["if"] and "exit-code == '1'" in upload[0]["if"]
              and "exit-code == '2'" not in upload[0]["if"],
              "action: SARIF is uploaded after findings, not after an unreadable file")
    used = set(re.findall(r"inputs\.([\w-]+)", (ROOT / "action.yml").read_text()))
    check(used == set(a["inputs"]), f"action: every input is used, no undeclared one: {sorted(used)}")
    if not CURL:
        print("note: curl is not installed; the action's steps are not run")
        return

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        # The runner keeps an action in _actions/OWNER/REPO/REF; the repository comes from there.
        action_path = tmp / "_actions" / "your-org" / "topoc" / f"v{VERSION}"
        action_path.parent.mkdir(parents=True)
        action_path.symlink_to(ROOT)
        fake_release(tmp / "server" / "your-org" / "topoc" / "releases" / "download", VERSION)
        (tmp / "runner").mkdir()
        env = dict(os.environ, GITHUB_ACTION_PATH=str(action_path), GITHUB_SERVER_URL=f"file://{tmp}/server",
                   RUNNER_TEMP=str(tmp / "runner"), GITHUB_PATH=str(tmp / "path"),
                   TOPOC_VERSION=VERSION, TOPOC_REPOSITORY="")
        install = action_step(a, "Install topoc")["run"]
        run = subprocess.run(["bash", "-e", "-c", install], env=env, capture_output=True, text=True, check=False)
        check(run.returncode == 0, f"action: the install step works: {run.stderr.strip()}")
        bin_dir = tmp / "runner" / "topoc" / f"topoc-{VERSION}-linux-x86_64" / "bin"
        path = (tmp / "path").read_text() if (tmp / "path").exists() else ""
        check(path == f"{bin_dir}\n", f"action: the unpacked bin/ goes on PATH: {path!r}")

        tarball = tmp / "server" / "your-org" / "topoc" / "releases" / "download" / f"v{VERSION}" / TARBALL
        tarball.write_bytes(tarball.read_bytes() + b"\0")
        (tmp / "path").unlink(missing_ok=True)
        run = subprocess.run(["bash", "-e", "-c", install], env=env, capture_output=True, text=True, check=False)
        check(run.returncode == 1 and "but the release publishes" in run.stderr and not (tmp / "path").exists(),
              f"action: a tarball whose checksum differs is refused: {run.stderr.strip()}")
        # Used as `uses: ./` there is no _actions/OWNER/REPO in the path: `repository` must say.
        (tmp / "path").unlink(missing_ok=True)
        tarball.write_bytes(tarball.read_bytes()[:-1])
        local = dict(env, GITHUB_ACTION_PATH=str(ROOT))
        run = subprocess.run(["bash", "-e", "-c", install], env=local, capture_output=True, text=True, check=False)
        check(run.returncode == 2 and "set the `repository` input" in run.stdout,
              f"action: without a repository to download from it says so: {run.stdout.strip()}")
        local["TOPOC_REPOSITORY"] = "your-org/topoc"
        run = subprocess.run(["bash", "-e", "-c", install], env=local, capture_output=True, text=True, check=False)
        check(run.returncode == 0 and (tmp / "path").exists(),
              f"action: the `repository` input names where to download from: {run.stderr.strip()}")
        env["TOPOC_VERSION"] = "1.0; rm -rf /"
        run = subprocess.run(["bash", "-e", "-c", install], env=env, capture_output=True, text=True, check=False)
        check(run.returncode == 2 and "is not MAJOR.MINOR.PATCH" in run.stderr, "action: a bad version is refused")

        # The check step with the real topoc: a clean topology, then one with errors.
        workspace = tmp / "workspace"
        (workspace / "infra").mkdir(parents=True)
        (workspace / "infra" / "a.topo").write_bytes((ROOT / "examples" / "minimal.topo").read_bytes())
        bin_real = tmp / "real-bin"
        bin_real.mkdir()
        (bin_real / "topoc").symlink_to(pathlib.Path(topoc).resolve())
        check_script = action_step(a, "topoc check")["run"]

        def run_check(files):
            output = tmp / "output"
            output.write_text("")
            env = dict(os.environ, PATH=f"{bin_real}:{os.environ['PATH']}", GITHUB_WORKSPACE=str(workspace),
                       GITHUB_OUTPUT=str(output), RUNNER_TEMP=str(tmp / "runner"), TOPOC_FILES=files,
                       TOPOC_SARIF="true")
            run = subprocess.run(["bash", "-e", "-c", check_script], cwd=workspace / "infra", env=env,
                                 capture_output=True, text=True, check=False)
            outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
            return run, outputs

        run, outputs = run_check("**/*.topo")
        check(run.returncode == 0 and outputs.get("exit-code") == "0", f"action: a clean check: {outputs}")
        sarif = json.loads(pathlib.Path(outputs["sarif-file"]).read_text()) if "sarif-file" in outputs else {}
        check(sarif.get("version") == "2.1.0", "action: the check writes a SARIF 2.1.0 log")
        (workspace / "infra" / "b.topo").write_text('topology "t" {\n  region "x" { location = nowhere }\n}\n')
        run, outputs = run_check("a.topo\nb.topo")
        check(run.returncode == 0 and outputs.get("exit-code") == "1", f"action: errors give exit-code 1: {outputs}")
        uris = re.findall(r'"uri":\s*"([^"]+)"', pathlib.Path(outputs.get("sarif-file", "/dev/null")).read_text())
        check("infra/b.topo" in uris, f"action: SARIF names files from the repository root: {uris}")
        run, outputs = run_check("missing.topo")
        check(outputs.get("exit-code") == "2", f"action: an unreadable file gives exit-code 2: {outputs}")


def release_template():
    """examples/ci/github-release.yml attaches the tarball, the .deb and their checksums."""
    w = load("github-release.yml")
    triggers = w.get("on", w.get(True))
    check(isinstance(triggers, dict) and "push" in triggers and triggers["push"].get("tags"),
          "release: runs when a tag is pushed")
    text = (CI / "github-release.yml").read_text()
    check("cpack" in text, "release: packages are made by cpack")
    for pattern in (r"topoc-\$\{?\w+\}?-linux-x86_64\.tar\.gz", r"\.deb", r"\.sha256"):
        check(re.search(pattern, text), f"release: attaches {pattern}")
    check("gh release create" in text, "release: creates the GitHub release")


def dockerfile():
    """Dockerfile: a Debian 12 build stage, a slim runtime with topoc as its entry point."""
    text = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)", text, re.M)
    check(stages == ["debian:12", "debian:12-slim"], f"docker: build on debian:12, run on debian:12-slim: {stages}")
    bootstrap = (ROOT / "tools" / "bootstrap.sh").read_text()
    for package in ("cmake", "tao-pegtl-dev", "nlohmann-json3-dev", "libfmt-dev", "libcli11-dev"):
        check(package in bootstrap and package in text, f"docker: the build stage installs {package}")
    check('ENTRYPOINT ["topoc"]' in text, "docker: topoc is the entry point")
    check(re.search(r"COPY --from=build \S+/bin/topoc ", text), "docker: the runtime stage holds the binary")


def github(topoc):
    w = load("github-actions.yml")
    triggers = w.get("on", w.get(True))  # YAML 1.1 reads a bare `on` as true
    check(isinstance(triggers, dict) and "pull_request" in triggers and "push" in triggers,
          "github: runs on pull_request and push")
    check(w["permissions"].get("security-events") == "write", "github: may upload SARIF")
    check_job = w["jobs"]["check"]
    steps = check_job["steps"]
    runs = scripts(steps, "run")
    action = [s for s in steps if is_topoc_action(s)]
    check(len(action) == 1, "github: the topoc action checks the topology")
    if action:
        inputs = action[0].get("with", {})
        check(inputs.get("version") == "${{ env.TOPOC_VERSION }}", "github: the action installs TOPOC_VERSION")
        check(inputs.get("files") == "${{ env.TOPOLOGY }}", "github: the action checks TOPOLOGY")
        check(inputs.get("sarif", "true") == "true", "github: the action uploads SARIF")
        check_action_inputs(action[0], "github")
    check_version_pin(w, "github", "github-actions.yml")
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
    install = [s for s in job["steps"] if is_topoc_action(s)]
    check(len(install) == 1 and install[0].get("with", {}).get("version") == "${{ env.TOPOC_VERSION }}"
          and not install[0]["with"].get("files"), "drift: the topoc action installs TOPOC_VERSION, checks nothing")
    for s in install:
        check_action_inputs(s, "drift")
    check_version_pin(w, "drift", "github-drift.yml")
    setup = [s for s in job["steps"] if str(s.get("uses", "")).startswith("hashicorp/setup-terraform@")]
    check(setup and setup[0]["with"].get("terraform_wrapper") is False,
          "drift: the terraform wrapper is off, so show -json is plain JSON")
    for s in job["steps"]:
        if "uses" in s:
            check(re.search(r"@v\d", s["uses"]), f"drift: `{s['uses']}` is pinned to a version")
    topoc_flags_exist(runs, topoc)


def github_diff(topoc):
    w = load("github-diff.yml")
    triggers = w.get("on", w.get(True))
    check(isinstance(triggers, dict) and "pull_request" in triggers, "diff: runs on pull requests")
    check(w["permissions"].get("pull-requests") == "write", "diff: may comment on the pull request")
    job = w["jobs"]["diff"]
    checkout = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
    check(checkout and checkout[0].get("with", {}).get("fetch-depth") == 0,
          "diff: the checkout has the base branch's commits")
    runs = scripts(job["steps"], "run")
    diff = [r for r in runs if "topoc diff" in r]
    check(len(diff) == 1, "diff: one step runs topoc diff")
    if diff:
        step = diff[0]
        check(re.search(r'--base "origin/\$BASE_REF"', step) and "--format markdown -o diff.md" in step,
              "diff: the Markdown report of the change against the base branch")
        check("--fail-on residency-widening,destructive" in step, "diff: widening and destruction fail the job")
        check('echo "exit-code=$code" >> "$GITHUB_OUTPUT"' in step and step.rstrip().endswith('[ "$code" -ne 1 ]'),
              "diff: an error fails at once, the exit code is kept for the next steps")
    comment = [r for r in runs if "gh pr comment" in r]
    check(len(comment) == 1 and "--edit-last || gh pr comment" in comment[0],
          "diff: one comment, edited on every push")
    fail = [s for s in job["steps"] if s.get("if") == "steps.diff.outputs.exit-code == '3'"]
    check(len(fail) == 1 and "exit 1" in fail[0]["run"], "diff: exit 3 fails the job after commenting")
    install = [s for s in job["steps"] if is_topoc_action(s)]
    check(len(install) == 1 and install[0].get("with", {}).get("version") == "${{ env.TOPOC_VERSION }}"
          and not install[0]["with"].get("files"), "diff: the topoc action installs TOPOC_VERSION, checks nothing")
    for s in install:
        check_action_inputs(s, "diff")
    check_version_pin(w, "diff", "github-diff.yml")
    topoc_flags_exist(runs, topoc)
    ado = load("azure-pipelines.yml")
    steps = {s["stage"]: s for s in ado["stages"]}["check"]["jobs"][0]["steps"]
    ado_diff = [s for s in steps if "topoc diff" in s.get("script", "")]
    check(len(ado_diff) == 1 and "PullRequest" in ado_diff[0].get("condition", "")
          and "/pullRequests/$(System.PullRequest.PullRequestId)/threads" in ado_diff[0]["script"]
          and ado_diff[0].get("env", {}).get("SYSTEM_ACCESSTOKEN") == "$(System.AccessToken)",
          "ado: pull requests get topoc diff as a comment thread")
    topoc_flags_exist(scripts(steps, "script"), topoc)


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
    check("resources" not in p and not any("checkout" in s and s["checkout"] != "self" for s in steps),
          "ado: topoc is not checked out and compiled")
    check(re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", str(p["variables"].get("topocVersion", ""))),
          "ado: topocVersion pins a release")
    text = (CI / "azure-pipelines.yml").read_text()
    check(len(re.findall(r"\b\d+\.\d+\.\d+\b", text.split("stages:")[0])) == 1,
          "ado: the topoc version is written once, in topocVersion")
    install = [r for r in runs if "topocReleases" in r]
    check(len(install) == 1, "ado: one step installs the release")
    if install:
        run_ado_install(install[0])

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
    for run in (github, github_drift, github_diff, azure_devops, action, release_template, dockerfile, actions_are_current):
        try:
            run(topoc) if run.__code__.co_argcount else run()
        except (KeyError, IndexError, TypeError, AttributeError, OSError, StopIteration) as e:
            failures.append(f"{run.__name__}: unexpected shape: {e!r}")
    for f in failures:
        print(f"FAILED: {f}")
    print(f"ci_examples: {checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
