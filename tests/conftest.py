"""Shared fixtures: paths, the example articles and their events (extracted once per session)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    """True when golden files are to be rewritten (`--update-golden`, or UPDATE_GOLDEN=1)."""
    return bool(request.config.getoption("--update-golden") or os.environ.get("UPDATE_GOLDEN") == "1")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN


@pytest.fixture(scope="session")
def seed_articles():
    from timeline.ingest import read_articles

    return list(read_articles([EXAMPLES / "seed_articles.txt"]))


@pytest.fixture(scope="session")
def seed_events(seed_articles):
    from timeline.pipeline import extract_events

    return list(extract_events(seed_articles))


def _worker_pids(pid: int) -> list[int]:
    """The worker processes (`multiprocessing` spawn children) of process `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in (
                    stat.parent / "cmdline").read_bytes():
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


@pytest.fixture
def worker_pids():
    """A function: the worker processes of a build's process id."""
    return _worker_pids
