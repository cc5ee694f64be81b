"""Tests for timeline/cluster.py: `--dask` on a real scheduler and two workers on 127.0.0.1.

The outputs of a build on the cluster are byte-identical to a local build's, also when a worker
is killed in the middle of the run; Ctrl-C leaves no output and no task behind; a closed port
fails at once with one line and exit status 2.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from distributed import Client  # noqa: E402

from timeline.cli import main  # noqa: E402
from timeline.pipeline import CHUNK, read_inputs  # noqa: E402

BIN = Path(sys.executable).parent
COPIES = 25  # x 8 source articles cut to their first paragraphs: 200 articles, 7 chunks


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples_dir, data_dir) -> Path:
    """A JSONL file of a few hundred small articles, with one bad record in the middle."""
    base = list(read_inputs([examples_dir, data_dir / "dev_articles.txt"]))
    lines = []
    for k in range(COPIES):
        for a in base:
            text = "\n".join(a.text.split("\n")[:6])
            lines.append(json.dumps({"id": f"{a.id}-{k}", "title": f"{a.title} ({k})", "date": a.date, "text": text}))
    lines.insert(len(lines) // 2, '{"title": "broken')
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(lines) > 6 * CHUNK
    return path


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory):
    """The outputs and the stderr of a local build of the corpus, one process."""
    out = tmp_path_factory.mktemp("local") / "out"
    result = invoke("build", corpus, "-o", out, "--workers", "1")
    assert result.exit_code == 1, result.stderr  # the bad record is skipped
    assert "warning: skipped " in result.stderr
    return files(out), result.stderr.replace(str(out), "OUT")


def _start(args: list[str], log: Path) -> subprocess.Popen:
    with open(log, "wb") as f:
        return subprocess.Popen([str(BIN / "dask"), *args], stdout=f, stderr=subprocess.STDOUT)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a `dask scheduler` listening on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("scheduler")
    info = folder / "scheduler.json"
    proc = _start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                   "--scheduler-file", str(info)], folder / "scheduler.log")
    deadline = time.monotonic() + 60
    while not info.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert info.exists(), (folder / "scheduler.log").read_text()
    yield json.loads(info.read_text())["address"]
    _stop(proc)


@pytest.fixture
def workers(scheduler, tmp_path):
    """Two `dask worker` processes of one thread each (no nanny: killing one kills the worker)."""
    procs = {}
    for name in ("w0", "w1"):
        procs[name] = _start(["worker", scheduler, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                              "--name", name, "--no-dashboard"], tmp_path / f"{name}.log")
    with Client(scheduler, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=120)
        yield client, procs
    for proc in procs.values():
        _stop(proc)


def _build(scheduler: str, corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "timeline"), "build", str(corpus), "-o", str(out), "--dask", scheduler],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_cluster_build_is_byte_identical_to_a_local_build(scheduler, workers, corpus, local_build, tmp_path):
    client, _ = workers
    proc = _build(scheduler, corpus, tmp_path / "out")
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr
    # the same warning for the bad record, the same count
    assert stderr.replace(str(tmp_path / "out"), "OUT") == local_build[1]
    assert files(tmp_path / "out") == local_build[0]
    assert len(client.run(os.getpid)) == 2  # both workers are still there


def test_a_worker_killed_mid_run_loses_nothing(scheduler, workers, corpus, local_build, tmp_path):
    client, procs = workers
    names = {addr: w["name"] for addr, w in client.scheduler_info(n_workers=-1)["workers"].items()}
    proc = _build(scheduler, corpus, tmp_path / "out")
    busy_since = None
    while proc.poll() is None and procs["w1"].poll() is None:
        # kill w1 once it has been extracting a chunk for a while
        busy = any(names.get(addr) == "w1" and keys for addr, keys in client.processing().items())
        busy_since = (busy_since or time.monotonic()) if busy else None
        if busy_since and time.monotonic() - busy_since > 1.0:
            procs["w1"].kill()
        time.sleep(0.1)
    assert procs["w1"].poll() == -signal.SIGKILL, "the build ended before the worker could be killed"
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr
    assert files(tmp_path / "out") == local_build[0]


def test_ctrl_c_cancels_the_chunks_and_leaves_no_output(scheduler, workers, corpus, tmp_path):
    client, _ = workers
    proc = _build(scheduler, corpus, tmp_path / "out")
    while proc.poll() is None and not any(client.processing().values()):
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr
    assert not any((tmp_path / "out").glob("*"))

    def ours(dask_scheduler):
        return [k for k in dask_scheduler.tasks if str(k).startswith("timeline-")]

    deadline = time.monotonic() + 20
    while client.run_on_scheduler(ours) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not client.run_on_scheduler(ours)


def test_a_closed_port_fails_at_once_with_one_line(tmp_path, examples_dir):
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.monotonic()
    result = invoke("build", examples_dir, "-o", tmp_path / "out", "--dask", f"tcp://127.0.0.1:{port}")
    assert time.monotonic() - start < 5
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: ")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_local_cluster_gives_the_events_of_a_local_run(examples_dir):
    local = invoke("extract", examples_dir, "--workers", "1")
    dask = invoke("extract", examples_dir, "--dask", "local", "--workers", "1")
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == local.stdout


def test_workers_read_a_file_url_folder_and_build_what_a_local_build_does(scheduler, workers, seed_articles, tmp_path):
    """The driver lists the folder; the workers read its files (a bad one among them) and extract."""
    news = tmp_path / "news"
    news.mkdir()
    for k, a in enumerate(seed_articles):
        (news / f"{k}.jsonl").write_text(json.dumps({"title": a.title, "date": a.date, "text": a.text}) + "\n")
    (news / "bad.txt").write_bytes(b"\x00\x01" * 50)
    url = f"file://{news}"
    local = invoke("build", url, "-o", tmp_path / "local", "--workers", "1")
    assert local.exit_code == 1 and f"{url}/bad.txt: binary data, not text" in local.stderr, local.stderr
    proc = subprocess.run([str(BIN / "timeline"), "build", url, "-o", str(tmp_path / "out"), "--dask", scheduler],
                          check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.replace("/out/", "/local/") == local.stderr
    assert files(tmp_path / "out") == files(tmp_path / "local")
