"""Helpers shared by the benchmarks: timing whole processes, medians, and one JSON line per figure."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def emit(name: str, value: float, unit: str, **extra) -> None:
    """Print one figure as a JSON object on its own line."""
    print(
        json.dumps({"benchmark": name, "value": round(value, 4), "unit": unit, **extra}), flush=True
    )


def environment(**extra) -> dict:
    """The benchmark's environment. Bytecode caching stays on, as in an installed copy
    (pip compiles every module at install time), even where the shell turned it off."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def time_process(args: list[str], env: dict) -> float:
    """Wall time of one whole process, in seconds; it must exit 0."""
    started = time.perf_counter()
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr}")
    return elapsed


def median_ms(function, runs: int) -> float:
    """Median wall time of ``function`` in this process, in milliseconds, after one warm-up call."""
    function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def alternate(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, float]:
    """Run each command ``runs`` times, interleaved, and return each one's median."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for args in commands.values():  # one warm-up each: file caches, not the figure
        time_process(args, env)
    for _ in range(runs):
        for name, args in commands.items():
            times[name].append(time_process(args, env))
    return {name: statistics.median(values) for name, values in times.items()}


PYTHON = sys.executable


def show_and_close(app, page) -> None:
    """Show a page as a person would see it, then close and really delete it: processEvents()
    leaves deleteLater() to the event loop, which a benchmark never returns to."""
    from PySide6.QtCore import QEvent

    page.resize(1200, 760)
    page.show()
    app.processEvents()
    page.close()
    page.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
