"""How one stage is measured at one size, and the record of every measurement of a run.

Time: ``time.perf_counter`` around the call after ``gc.collect()`` (:func:`run_in_process`),
or from fork to exit of a fresh process (:func:`run_whole_process`).

Peak memory: for in-process stages the kernel's high-water mark of the resident set
(``VmHWM`` in ``/proc/self/status``, reset before each run through ``/proc/self/clear_refs``),
reported as the rise over the resident set before the run. Unlike ``tracemalloc`` this sees
Oxigraph's Rust heap and does not slow Python down; where ``/proc`` does not allow the
reset, ``tracemalloc`` is used instead (Python allocations only). For whole processes:
``ru_maxrss`` of the child (and its reaped children) from ``os.wait4``.

A stage is skipped at a size when a single run is predicted to exceed its limit (120 s for
most stages, longer for the docs builds and the pipeline; prediction from the smaller sizes
with the observed growth exponent, at least linear), or abandoned when a run does exceed it;
both are recorded with the reason. Stages whose single run takes longer than
:data:`settings.ONE_RUN_ABOVE_SECONDS` are run once only (recorded with a note). A stage
that raises, or a process that exits with an unexpected code, is recorded as ``error``.
"""

from __future__ import annotations

import gc
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import settings
from settings import FAST_RUN_SECONDS, FAST_RUNS, ONE_RUN_ABOVE_SECONDS, ROOT
from stages import Stage

# -- results ------------------------------------------------------------------------------


@dataclass
class Measurement:
    """One stage at one size: its runs (seconds) and peak memory, or why it has none."""

    status: str = "ok"  # ok | skipped | unavailable | error
    runs: list[float] = field(default_factory=list)
    reason: str | None = None
    peak_rss_mib: float | None = None
    peak_delta_mib: float | None = None
    memory_method: str | None = None
    predicted_seconds: float | None = None
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        """The median run time, if the stage ran."""
        return statistics.median(self.runs) if self.runs else None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with median, min and max added."""
        data = {k: v for k, v in asdict(self).items() if v not in (None, {}, [])}
        data["status"] = self.status
        if self.runs:
            data["runs"] = [round(r, 6) for r in self.runs]
            data["median"] = round(statistics.median(self.runs), 6)
            data["min"] = round(min(self.runs), 6)
            data["max"] = round(max(self.runs), 6)
        return data


class Results:
    """Every measurement of a run, by stage and size."""

    def __init__(self, stages: list[Stage]) -> None:
        self.stages = {s.name: s for s in stages}
        self.data: dict[str, dict[int, Measurement]] = {s.name: {} for s in stages}

    def put(self, stage: str, size: int, measurement: Measurement) -> Measurement:
        """Record ``measurement`` and print a one-line progress message."""
        self.data[stage][size] = measurement
        if measurement.runs:
            shown = f"{measurement.median:.4f} s ({len(measurement.runs)} runs)"
        else:
            shown = f"{measurement.status}: {measurement.reason}"
        print(f"[{size:>3} cities] {stage:<48} {shown}", file=sys.stderr, flush=True)
        return measurement

    def limit(self, stage: str) -> float:
        """The seconds one run of ``stage`` may take."""
        found = self.stages.get(stage)
        return found.limit if found is not None and found.limit else settings.LIMIT_SECONDS

    def get(self, stage: str, size: int) -> Measurement | None:
        """The measurement of ``stage`` at ``size``, if any."""
        return self.data.get(stage, {}).get(size)

    def median(self, stage: str, size: int) -> float | None:
        """The median of ``stage`` at ``size``, if it ran."""
        found = self.get(stage, size)
        return found.median if found else None

    def predict(self, stage: str, size: int) -> float | None:
        """The time of one run at ``size``, extrapolated from the smaller sizes measured.

        With two earlier sizes the observed growth exponent is used (clamped to 1 … 3, so at
        least linear); with one, linear growth; with none, nothing.
        """
        known = sorted(
            (n, m.median)
            for n, m in self.data.get(stage, {}).items()
            if n < size and m.median is not None and m.median > 0
        )
        if not known:
            return None
        n1, t1 = known[-1]
        exponent = 1.0
        if len(known) >= 2:
            n0, t0 = known[-2]
            exponent = min(3.0, max(1.0, math.log(t1 / t0) / math.log(n1 / n0)))
        return t1 * (size / n1) ** exponent


# -- memory -------------------------------------------------------------------------------


def _status_kib(key: str) -> int | None:
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else None


def _can_reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status_kib("VmHWM") is not None


RESET_PEAK = _can_reset_peak()


@contextmanager
def peak_memory(measurement: Measurement) -> Iterator[None]:
    """Record the peak memory of the enclosed code into ``measurement`` (max over runs)."""
    if RESET_PEAK:
        before = _status_kib("VmRSS") or 0
        Path("/proc/self/clear_refs").write_text("5")
        try:
            yield
        finally:
            peak = _status_kib("VmHWM") or 0
            _keep_peak(measurement, peak / 1024, (peak - before) / 1024, "VmHWM (resident set)")
        return
    tracemalloc.start()
    try:
        yield
    finally:
        _, peak_bytes = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        _keep_peak(measurement, None, peak_bytes / 2**20, "tracemalloc (Python heap only)")


def _keep_peak(m: Measurement, absolute: float | None, delta: float, method: str) -> None:
    m.memory_method = method
    if absolute is not None:
        m.peak_rss_mib = round(max(m.peak_rss_mib or 0.0, absolute), 1)
    m.peak_delta_mib = round(max(m.peak_delta_mib or 0.0, delta), 1)


# -- timing -------------------------------------------------------------------------------


class StageTimeout(Exception):
    """A run took longer than the limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`StageTimeout` in the main thread after ``seconds`` (SIGALRM)."""

    def _expired(signum: int, frame: object) -> None:
        raise StageTimeout

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _skip_if_predicted(results: Results, stage: str, size: int) -> Measurement | None:
    predicted = results.predict(stage, size)
    limit = results.limit(stage)
    if predicted is not None and predicted > limit:
        return Measurement(
            status="skipped",
            reason=(
                f"a single run is predicted to take {predicted:.0f} s "
                f"(> {limit:.0f} s limit), extrapolated from the smaller sizes"
            ),
            predicted_seconds=round(predicted, 3),
        )
    return None


def run_in_process(
    results: Results,
    stage: str,
    size: int,
    func: Callable[[], Any],
    *,
    repetitions: int,
    info: Callable[[Any], dict[str, Any]] | None = None,
) -> Any:
    """Time ``func`` ``repetitions`` times (see module docstring); return its last value."""
    skipped = _skip_if_predicted(results, stage, size)
    if skipped is not None:
        results.put(stage, size, skipped)
        return None
    measurement = Measurement()
    value: Any = None
    wanted = repetitions
    limit = results.limit(stage)
    while len(measurement.runs) < wanted:
        value = None
        gc.collect()
        try:
            with peak_memory(measurement), time_limit(limit):
                started = time.perf_counter()
                value = func()
                elapsed = time.perf_counter() - started
        except StageTimeout:
            measurement.status = "skipped"
            measurement.reason = f"a run exceeded the {limit:.0f} s limit; abandoned"
            measurement.runs = []
            value = None
            break
        except Exception as exc:
            measurement.status = "error"
            measurement.reason = f"{type(exc).__name__}: {str(exc).strip()[:500]}"
            measurement.runs = []
            value = None
            break
        measurement.runs.append(elapsed)
        if len(measurement.runs) == 1:
            if elapsed > ONE_RUN_ABOVE_SECONDS:
                wanted = 1
                measurement.info["note"] = (
                    f"one run only: a run takes > {ONE_RUN_ABOVE_SECONDS:.0f} s"
                )
            elif elapsed < FAST_RUN_SECONDS and repetitions > 1:
                wanted = max(repetitions, FAST_RUNS)
    if info is not None and value is not None:
        measurement.info.update(info(value))
    results.put(stage, size, measurement)
    return value


@dataclass
class ProcessRun:
    """One finished child process: exit code, seconds, peak RSS (MiB), its output's tails."""

    code: int
    seconds: float
    peak_mib: float
    stderr: str
    stdout: str = ""


def run_process(command: list[str], *, limit: float, cwd: Path | None = None) -> ProcessRun:
    """Run ``command`` once; time it from fork to exit and read its ``ru_maxrss``.

    Raises :class:`StageTimeout` (after killing it) when it runs longer than ``limit``.
    """
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, env=env,
            start_new_session=True,
        )  # fmt: skip
        expired = threading.Event()

        def _kill() -> None:
            expired.set()
            with suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)

        timer = threading.Timer(limit, _kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if expired.is_set():
            raise StageTimeout
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]
        out.seek(0)
        printed = out.read().decode("utf-8", "replace")[-4000:]
    return ProcessRun(child.returncode, elapsed, usage.ru_maxrss / 1024, tail, printed)


def run_whole_process(
    results: Results,
    stage: str,
    size: int,
    command: list[str],
    *,
    repetitions: int,
    before_each: Callable[[int], None] | None = None,
    ok_codes: tuple[int, ...] = (0,),
    cwd: Path | None = None,
    info: Callable[[str], dict[str, Any]] | None = None,
) -> Measurement:
    """Time a command ``repetitions`` times (fresh process each), like ``run_in_process``.

    ``info`` turns the last run's standard output into extra facts for the result file.
    """
    skipped = _skip_if_predicted(results, stage, size)
    if skipped is not None:
        return results.put(stage, size, skipped)
    measurement = Measurement(memory_method="ru_maxrss of the child process (wait4)")
    measurement.info["command"] = " ".join(_shorten(part) for part in command)
    wanted = repetitions
    limit = results.limit(stage)
    run = 0
    while len(measurement.runs) < wanted:
        if before_each is not None:
            before_each(run)
        run += 1
        try:
            done = run_process(command, limit=limit, cwd=cwd)
        except StageTimeout:
            measurement.status = "skipped"
            measurement.reason = f"a run exceeded the {limit:.0f} s limit; killed"
            measurement.runs = []
            break
        if done.code not in ok_codes:
            measurement.status = "error"
            last = done.stderr.strip().splitlines()[-3:]
            measurement.reason = f"exit code {done.code}: " + " | ".join(last)[:500]
            measurement.runs = []
            break
        measurement.runs.append(done.seconds)
        measurement.info["exit_code"] = done.code
        if info is not None:
            measurement.info.update(info(done.stdout))
        measurement.peak_rss_mib = round(max(measurement.peak_rss_mib or 0, done.peak_mib), 1)
        if len(measurement.runs) == 1 and done.seconds > ONE_RUN_ABOVE_SECONDS:
            wanted = 1
            measurement.info["note"] = f"one run only: a run takes > {ONE_RUN_ABOVE_SECONDS:.0f} s"
    return results.put(stage, size, measurement)


def _shorten(part: str) -> str:
    """A command-line word with the machine's paths made relative, for the result file."""
    for root, shown in (
        (str(settings.WORK), "<work>"),
        (str(Path(sys.executable).parent), "<venv>/bin"),
        (str(ROOT), "<project>"),
    ):
        part = part.replace(root, shown)
    return part
