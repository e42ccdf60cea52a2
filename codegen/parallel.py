"""Work spread over the machine's cores, in forked worker processes.

A worker starts as a copy of this process (``fork``): what the work reads (parsed
inputs, compiled templates) is shared as it is, not pickled; only the task and its
result cross between processes. Results come back in the order of the tasks, so
what is made from them does not depend on which worker ran what, or when.

``CFN_CODEGEN_JOBS`` sets the number of processes (``1``: all in this process, as
on a system without ``fork``); by default, one per core this process may use.
"""

from __future__ import annotations

import os
from typing import Any, Callable, List, Optional, Sequence, Tuple, TypeVar

JOBS_ENV = "CFN_CODEGEN_JOBS"
# Fewer tasks than this (types, documents) are done in this process: forking costs more.
WORTH_IT = 64

State = TypeVar("State")
Task = TypeVar("Task")
Result = TypeVar("Result")

# What the workers read, set just before they are forked (and cleared after).
_shared: Optional[Tuple[Callable[[Any, Any], Any], Any]] = None


def jobs() -> int:
    """How many processes to use."""
    value = os.environ.get(JOBS_ENV, "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the main process's to handle (it ends the workers)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(task: Any) -> Any:
    assert _shared is not None
    function, state = _shared
    return function(state, task)


def fork_map(
    function: Callable[[State, Task], Result], state: State, tasks: Sequence[Task], processes: int
) -> List[Result]:
    """``[function(state, task) for task in tasks]``, over up to ``processes`` processes.

    ``function`` must be a module-level function, and its results picklable; ``state`` is
    not pickled. Tasks are handed out one at a time, in order: put the longest first."""
    processes = min(processes, len(tasks))
    if processes <= 1 or not _can_fork():
        return [function(state, task) for task in tasks]
    import multiprocessing

    global _shared
    _shared = (function, state)
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=_ignore_interrupts) as pool:
            return pool.map(_run, tasks, chunksize=1)
    finally:
        _shared = None
