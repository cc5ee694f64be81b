"""The README is part of the product: its commands exist, its Python example runs."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```")[1].strip().splitlines()
    assert len(first_block) == 2
    assert "timeline build examples/ -o output/" in first_block[0]
    assert "pytest" in first_block[1] and ".[test]" in first_block[1]


def test_every_cli_command_is_documented():
    for name in main.commands:
        assert f"timeline {name}" in README, name


def test_python_example_runs(tmp_path, monkeypatch):
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "output" / "timeline.html").exists()


def test_every_repository_path_the_readme_cites_exists():
    cited = set(re.findall(r"`((?:docs|tests|timeline|examples|output|\.ci)/[\w./*-]*)`", README))
    cited |= set(re.findall(r"\]\(((?:docs|tests)/[^)]+)\)", README))
    missing = [p for p in sorted(cited) if "*" not in p and not (ROOT / p).exists() and not p.startswith("output/")]
    assert not missing, missing
