"""Dask: the inputs read and extracted on a cluster (`timeline build --dask ADDRESS`).

The only module that imports dask (the extra `timeline[dask]`). The driver lists the input
files (names and sizes) and cuts the list into partitions (`pipeline.partition_inputs`: a few
files, or a span of a large JSONL or CSV file's records); each partition is one Dask task that
reads its files and extracts their events on a worker (`pipeline.extract_partition`), so the
inputs must be readable by the workers (a shared file system, or an fsspec URL). A bounded
window of tasks is in flight at a time and the results come back in input order, with the
warnings for bad inputs: every output is byte-identical to a local run and the driver's memory
stays flat. A `Cluster` also runs chunks of articles read by the driver
(`pipeline.extract_events(articles, dispatch=cluster)`).
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import itertools
import logging
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import TimelineError
from .events import load_triggers
from .lexicon import load_lexicon
from .nlp import load_nlp


class ClusterError(TimelineError):
    """Raised when dask is missing, a scheduler cannot be reached, or a chunk is lost (workers or scheduler gone)."""


try:
    import distributed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as e:
    raise ClusterError("--dask needs Dask: pip install 'timeline[dask]'") from e

if TYPE_CHECKING:
    from .pipeline import Options

# Seconds to wait for a scheduler: a wrong or closed address fails quickly instead of hanging.
CONNECT_TIMEOUT = 10.0
# Seconds between two looks at the cluster's size: workers started as batch jobs (dask-jobqueue)
# arrive while a build runs, and the window of chunks in flight grows with them.
RESIZE_EVERY = 5.0

Progress = Callable[[int, int, int], None]


class _Preload(WorkerPlugin):
    """A worker plugin: each worker process loads the model and the lexicons once, on start.

    The loaders are cached per process, so tasks find them loaded; a worker that cannot load
    them (a missing model, an --actors file not at the same path) fails at registration. It
    also stops the worker's profiler.
    """

    def __init__(self, model: str | None, actors_file: str | None):
        self.model = model
        self.actors_file = actors_file
        self.name = "timeline-preload-" + hashlib.sha1(repr((model, actors_file)).encode()).hexdigest()[:12]

    def setup(self, worker: distributed.Worker) -> None:
        load_nlp(self.model)
        load_lexicon(self.actors_file)
        load_triggers()
        # Dask's statistical profiler samples the running task's stack every 10 ms for the
        # dashboard's profile page: on extraction that costs several per cent of a worker's CPU
        for name in ("profile", "profile-cycle"):
            if name in worker.periodic_callbacks:
                worker.periodic_callbacks[name].stop()


class Cluster:
    """An open Dask client (and the LocalCluster it started, if any) that runs extraction tasks.

    Called as `cluster(tasks, extract)`, it is the `dispatch` of `pipeline.extract_listed` (the
    tasks: partitions of the inputs) and of `pipeline.extract_events` (chunks of articles): it
    yields `extract(task)` for each task, computed on the workers, in input order.
    """

    def __init__(self, client: distributed.Client, local: distributed.LocalCluster | None = None, on_progress: Progress | None = None):
        self.client = client
        self.local = local
        self.on_progress = on_progress

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the client, and the LocalCluster if this object started it."""
        self.client.close()
        if self.local is not None:
            self.local.close()

    def threads(self) -> int:
        """The number of worker threads the cluster has now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def __call__(self, chunks: Iterable[list], extract: Callable[[list], list]) -> Iterator[list]:
        run = f"timeline-{time.time_ns():x}"
        pending: deque[tuple[distributed.Future, int]] = deque()
        done = submitted = articles = 0
        ahead, resized = 2 * self.threads(), time.monotonic()
        try:
            for chunk in itertools.chain(chunks, [None]):
                if chunk is not None:
                    # the chunk travels inside its task: a worker that dies leaves the scheduler
                    # what it needs to run the task again elsewhere
                    pending.append((self.client.submit(extract, chunk, key=f"{run}-{submitted}", pure=False),
                                    len(chunk)))
                    submitted += 1
                    if time.monotonic() - resized > RESIZE_EVERY:
                        ahead, resized = 2 * self.threads(), time.monotonic()
                while pending and (chunk is None or len(pending) >= ahead):
                    future, size = pending[0]
                    result = _result(future, size)
                    yield result
                    pending.popleft()
                    # an article's events are a list; a partition's result also holds warnings
                    done, articles = done + 1, articles + sum(isinstance(item, list) for item in result)
                    if self.on_progress is not None:
                        self.on_progress(done, submitted, articles)
        finally:
            # on Ctrl-C or an error downstream: nothing goes on running for a closed build
            if pending:
                self.client.cancel([f for f, _ in pending])


def _result(future: distributed.Future, size: int) -> list:
    try:
        return future.result()
    except distributed.KilledWorker as e:
        raise ClusterError(f"a task of {size} articles or files was running on every worker that died: {e}") from e
    except concurrent.futures.CancelledError as e:  # the scheduler went away, or someone cancelled it
        reason = getattr(e, "reason", None) or "cancelled"
        raise ClusterError(f"a task of {size} articles or files was lost: {reason}") from e


def connect(address: str, workers: int = 1, options: Options | None = None,
            on_progress: Progress | None = None, timeout: float = CONNECT_TIMEOUT) -> Cluster:
    """Connect to the Dask scheduler at `address`, or start a LocalCluster of `workers` processes.

    Args:
        address: a scheduler address (`tcp://host:8786`), or "local".
        workers: the LocalCluster's worker processes (one thread each); ignored for an address.
        options: the run's options; each worker loads their model and lexicons once.
        on_progress: called with (tasks done, tasks submitted, articles done) as results arrive.
        timeout: seconds to wait for the scheduler before giving up.

    Returns:
        A `Cluster`, to be closed (it is a context manager).

    Raises:
        ClusterError: when Dask is not installed or the scheduler does not answer in time.
    """
    local = None
    try:
        if address == "local":
            # no dashboard, and its HTTP server (health checks) on any free port of the loopback
            with _sigint_ignored():
                local = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                 host="127.0.0.1", dashboard_address=None,
                                                 scheduler_kwargs={"dashboard_address": ":0"},
                                                 silence_logs=logging.ERROR)
            client = distributed.Client(local, set_as_default=False)
        else:
            _probe(address, timeout)
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        if local is not None:
            local.close()
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from e
    cluster = Cluster(client, local, on_progress)
    if options is not None:
        try:
            plugin = _Preload(options.model, options.actors_file)
            client.register_plugin(plugin, name=plugin.name)
        except BaseException:
            cluster.close()
            raise
    return cluster


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start processes inside that ignore SIGINT, so that Ctrl-C interrupts the driver alone.

    An ignored signal stays ignored across exec: on Ctrl-C the driver cancels the futures and
    closes its LocalCluster, instead of each worker printing a traceback.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _probe(address: str, timeout: float) -> None:
    """Fail at once for an unknown scheme or a closed port, where Dask would retry until `timeout`."""
    scheme, location = distributed.comm.parse_address(address)
    distributed.comm.registry.get_backend(scheme)  # ValueError: unknown address scheme
    if scheme in ("tcp", "tls"):
        host, port = distributed.comm.parse_host_port(location)
        with socket.create_connection((host, port), timeout=timeout):
            pass
