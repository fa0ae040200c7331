"""The pre-commit hook and the CI examples: well-formed, and their commands produce what they publish."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
CI = ROOT / "examples" / "ci"


def load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_pre_commit_hook_runs_newsconv_validate_on_feed_files() -> None:
    hooks = load(ROOT / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "newsconv-validate"]
    assert hook["entry"].split()[:2] == ["newsconv", "validate"]
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f"feed/a{ext}") for ext in (".xml", ".jsonld", ".json", ".ttl", ".nt", ".rdf"))
    assert not pattern.search("notes.txt")


def test_github_workflow_annotates_and_publishes_junit() -> None:
    workflow = load(CI / "github-actions.yml")
    assert isinstance(workflow, dict)
    steps = workflow["jobs"]["validate"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any("--report github" in r for r in runs)
    (junit,) = [r for r in runs if "--report junit" in r]
    output = shlex.split(junit)[shlex.split(junit).index("--output") + 1]
    published = [s["with"]["report_paths"] for s in steps if "junit-report" in s.get("uses", "")]
    assert published == [output]


def test_gitlab_job_publishes_the_junit_file_it_writes(tmp_path: Path, shared: Path) -> None:
    job = load(CI / "gitlab-ci.yml")
    assert isinstance(job, dict)
    spec = job["validate-feeds"]
    script = next(line for line in spec["script"] if "--report junit" in line)
    assert spec["artifacts"]["reports"]["junit"] in script
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    example = shared / "corpora" / "newsml-g2-examples" / "iptc-ex__LISTING_3_Photo_in_NewsML-G2.xml"
    (feeds / "photo.xml").write_bytes(example.read_bytes())
    command = script.replace("newsconv validate", f"{shlex.quote(sys.executable)} -m newsconv validate")
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        env={**os.environ, "FEEDS": "feeds/", "NEWSCONV_SCHEMA_DIR": str((shared / "schemas").resolve())},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = etree.parse(str(tmp_path / spec["artifacts"]["reports"]["junit"]))
    assert report.getroot().get("tests") == "1" and report.getroot().get("failures") == "0"
