"""The project's own files agree: one version number, and a lock file that fits pyproject.toml."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import pipeline
from pipeline.chunks import code_files
from pipeline.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def test_project_version_is_the_installed_version() -> None:
    # A mismatch means the virtual environment predates pyproject.toml: `make install`.
    assert pipeline.__version__ == project_version()


def test_project_version_heads_the_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## (\S+)", changelog, flags=re.MULTILINE)
    assert top is not None
    assert top.group(1) == project_version()


def test_project_cli_prints_the_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert project_version() in result.output


# requirements-lock.txt (written by `make lock`, installed by `make install` and CI) must
# still satisfy pyproject.toml: read both files, no network.
LOCK = ROOT / "requirements-lock.txt"
# The claim model's training environment has its own lock (`make model`; PyTorch stays
# out of .venv and CI).
TRAIN_LOCK = ROOT / "requirements-train-lock.txt"
TRAIN_EXTRA = "train"
FROM_PROJECT = "pipeline (pyproject.toml"  # pip-compile's "via" for a direct requirement


@dataclass
class Pin:
    version: str
    hashes: int = 0
    via: list[str] = field(default_factory=list)


def locked_pins(lock: Path = LOCK) -> dict[str, Pin]:
    pins: dict[str, Pin] = {}
    pin: Pin | None = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"([A-Za-z0-9._-]+)==(\S+)", line):
            pin = pins[canonicalize_name(match.group(1))] = Pin(match.group(2))
        elif pin is not None and line.strip().startswith("--hash=sha256:"):
            pin.hashes += 1
        elif pin is not None and (via := re.match(r"\s+# (?:via |  )(\S.*)", line)):
            pin.via.append(via.group(1))
    return pins


def project_requirements(train: bool = False) -> list[Requirement]:
    """The main lock's requirements, or with ``train`` the training lock's."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        data = tomllib.load(handle)
    project = data["project"]
    extras = project["optional-dependencies"]
    if train:
        return [Requirement(line) for line in extras[TRAIN_EXTRA]]
    lines = project["dependencies"] + data["build-system"]["requires"]
    for name, extra in extras.items():
        lines += extra if name != TRAIN_EXTRA else []
    return [Requirement(line) for line in lines]


@pytest.mark.parametrize("train", [False, True], ids=["main-lock", "train-lock"])
def test_project_requirements_are_locked_within_their_ranges(train: bool) -> None:
    pins = locked_pins(TRAIN_LOCK if train else LOCK)
    wrong = []
    for requirement in project_requirements(train):
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None or not requirement.specifier.contains(pin.version, prereleases=True):
            wrong.append(f"{requirement} (locked: {pin.version if pin else 'missing'})")
    assert not wrong, f"pyproject.toml and {LOCK.name} disagree, run `make lock`: {wrong}"


def test_project_lock_lists_no_dropped_requirement() -> None:
    direct = {canonicalize_name(requirement.name) for requirement in project_requirements()}
    stale = [
        name
        for name, pin in locked_pins().items()
        if any(via.startswith(FROM_PROJECT) for via in pin.via) and name not in direct
    ]
    assert not stale, f"{LOCK.name} still requires {stale}, which pyproject.toml dropped"


def test_project_lock_pins_every_package_with_hashes() -> None:
    pins = locked_pins()
    assert len(pins) > 50  # the whole tree, not only the direct requirements
    assert not [name for name, pin in pins.items() if not pin.hashes]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
@pytest.mark.parametrize("stage", ["normalise", "annotate", "extract", "tables"])
def test_project_makefile_reruns_a_stage_on_the_code_its_chunk_keys_hash(stage: str) -> None:
    rule = f"print-code: ; @echo $(call code_of,{stage})"
    printed = subprocess.run(
        ["make", "-s", "--no-print-directory", "-C", str(ROOT), "--eval", rule, "print-code"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert sorted(ROOT / path for path in printed) == sorted(code_files(stage))
