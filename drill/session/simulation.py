"""Batches of bot-played drills, on one core or several, and the summary of their scores."""

from __future__ import annotations

import gc
import math
import signal
import statistics
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from fractions import Fraction

from drill.engine.events import OrderPlaced
from drill.engine.policies import POLICIES, Policy
from drill.engine.rules import Rules, compile_rules
from drill.engine.scoring import expectation_statuses, score
from drill.engine.simulate import play
from drill.scenario.models import Ruleset, Scenario

RATINGS = ("P", "S", "M", "U", "-")
"""HSEEP objective ratings, best first; '-' when nothing was expected."""

SCORE_NAMES = ("overall", "coordination", "recovery", "equity")
"""The scores a batch summary describes."""

Progress = Callable[[int], None]
"""Told how many more runs have finished."""


@dataclass(frozen=True)
class RunScore:
    """The scores of one bot-played drill."""

    seed: int
    overall: float
    coordination: float | None
    recovery: float
    equity: float | None
    objectives: dict[str, str] = field(default_factory=dict)
    responses: dict[str, str] = field(default_factory=dict)
    """on_time / late / missed for each expected response released, keyed 'inject#index'."""
    orders: dict[str, int] = field(default_factory=dict)
    """How many orders of each action the bots placed (for `drill balance`)."""

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class Batch:
    """The runs of a batch (every one in run order, unless not kept) and how long it took."""

    policy: str
    scores: list[RunScore]
    seconds: float
    jobs: int
    runs: int = -1
    """How many drills were played (also when their scores were not kept)."""

    def __post_init__(self) -> None:
        if self.runs < 0:
            object.__setattr__(self, "runs", len(self.scores))

    @property
    def drills_per_second(self) -> float:
        """Complete drills played per second of wall time."""
        return self.runs / self.seconds if self.seconds > 0 else 0.0


def run_one(rules: Rules, seed: int, policy: Policy) -> RunScore:
    """Play one complete drill with `policy` in every seat and score it."""
    drill = play(rules, seed, policy)
    scores = score(rules, drill.state)
    return RunScore(
        seed=seed,
        overall=scores.overall,
        coordination=scores.coordination,
        recovery=scores.recovery,
        equity=scores.equity,
        objectives=dict(scores.objectives),
        responses={f"{i}#{n}": s for (i, n), s in expectation_statuses(rules, drill.state).items()},
        orders=dict(Counter(e.order.action for e in drill.log if isinstance(e, OrderPlaced))),
    )


def policy_named(name: str) -> Policy:
    """The bot policy called `name`; KeyError names the known ones."""
    try:
        return POLICIES[name]
    except KeyError:
        known = ", ".join(sorted(POLICIES))
        raise KeyError(f"unknown policy '{name}' (known: {known})") from None


OnRun = Callable[[RunScore], None]
"""Told each run's scores, in run order, as soon as they are known."""


def simulate(
    ruleset: Ruleset,
    scenario: Scenario,
    *,
    runs: int,
    seed: int,
    policy: str,
    jobs: int = 1,
    progress: Progress | None = None,
    on_run: OnRun | None = None,
    keep: bool = True,
) -> Batch:
    """Play `runs` drills; run i uses seed `seed + i`. Scores do not depend on `jobs`.

    With `keep=False` the batch holds no scores (memory stays flat in `runs`): give
    `on_run` (e.g. a `Tally`'s `add`) to see each run as it ends, in run order.
    """
    seeds = range(seed, seed + runs)
    jobs = max(1, min(jobs, runs))
    kept: list[RunScore] = []

    def emit(run: RunScore) -> None:
        if keep:
            kept.append(run)
        if on_run is not None:
            on_run(run)

    started = time.perf_counter()
    if jobs == 1:
        _serial(compile_rules(ruleset, scenario), seeds, policy_named(policy), progress, emit)
    else:
        _parallel(ruleset, scenario, seeds, policy, jobs, progress, emit)
    return Batch(policy, kept, time.perf_counter() - started, jobs, runs)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Run Python's cycle collector less often while bots play a batch of drills.

    A drill allocates tens of thousands of small objects and almost none in cycles, so
    reference counting frees them; at the default threshold (700 allocations) the cycle
    collector still ran hundreds of times per drill, about 6 % of a batch's time.
    """
    before = gc.get_threshold()
    gc.set_threshold(10_000, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _serial(
    rules: Rules, seeds: Sequence[int], policy: Policy, progress: Progress | None, emit: OnRun
) -> None:
    with rare_collections():
        for seed in seeds:
            emit(run_one(rules, seed, policy))
            if progress is not None:
                progress(1)


# --- several processes -----------------------------------------------------------

_worker_rules: Rules | None = None
_worker_policy: Policy | None = None


def _init_worker(ruleset: Ruleset, scenario: Scenario, policy: str) -> None:
    """Compile the rules once per worker process."""
    global _worker_rules, _worker_policy
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's: it stops workers
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _worker_rules = compile_rules(ruleset, scenario)
    _worker_policy = policy_named(policy)


def _run_chunk(seeds: list[int]) -> list[RunScore]:
    """Play the drills of one chunk in a worker."""
    if _worker_rules is None or _worker_policy is None:
        raise RuntimeError("worker used before its initializer ran")
    with rare_collections():
        return [run_one(_worker_rules, seed, _worker_policy) for seed in seeds]


def chunks(seeds: Sequence[int], jobs: int) -> Iterator[list[int]]:
    """Consecutive slices small enough to balance `jobs` workers and show progress."""
    size = max(1, min(50, len(seeds) // (jobs * 4)))
    for start in range(0, len(seeds), size):
        yield list(seeds[start : start + size])


def _parallel(
    ruleset: Ruleset,
    scenario: Scenario,
    seeds: Sequence[int],
    policy: str,
    jobs: int,
    progress: Progress | None,
    emit: OnRun,
) -> None:
    policy_named(policy)  # fail here, not in every worker
    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(ruleset, scenario, policy))
    try:
        _in_order(pool, chunks(seeds, jobs), jobs, progress, emit)
    except BaseException:  # Ctrl+C or a failed worker: stop now, do not play the rest
        stop_pool(pool)
        raise
    pool.shutdown()


def _in_order(
    pool: ProcessPoolExecutor,
    work: Iterator[list[int]],
    jobs: int,
    progress: Progress | None,
    emit: OnRun,
) -> None:
    """Play the chunks a few at a time ahead, and hand their runs over in run order."""
    pending: deque[Future[list[RunScore]]] = deque()

    def submit_next() -> None:
        chunk = next(work, None)
        if chunk is not None:
            with sigint_blocked():  # workers start with Ctrl+C held, until they ignore it
                pending.append(pool.submit(_run_chunk, chunk))

    for _ in range(jobs * 3):
        submit_next()
    while pending:
        done = pending.popleft().result()
        submit_next()
        for run in done:
            emit(run)
        if progress is not None:
            progress(len(done))


@contextmanager
def sigint_blocked() -> Iterator[None]:
    """Hold Ctrl+C in this thread (and in processes it forks); delivered when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks to hold it with
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Terminate a pool's workers and shut it down without waiting for queued work.

    A second Ctrl+C is held until the workers are gone, so it cannot leave them behind.
    """
    with sigint_blocked():
        workers = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        for worker in workers:
            worker.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.join(timeout=5)
        if manager is not None:  # it sees the workers gone and ends; then exit cannot
            manager.join(timeout=5)  # wake it through a pipe it has closed (Python 3.11)


# --- summary ---------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """Mean, minimum, maximum and (population) standard deviation of one score."""

    measured: int
    mean: float | None
    min: float | None
    max: float | None
    stdev: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        """The spread of `values`; all None when there are none."""
        if not values:
            return cls(0, None, None, None, None)
        stdev = statistics.pstdev(values)
        return cls(len(values), statistics.fmean(values), min(values), max(values), stdev)


@dataclass(frozen=True)
class Summary:
    """What a batch says overall: the spread of each score and each objective's ratings."""

    runs: int
    scores: dict[str, Spread]
    objectives: dict[str, dict[str, int]]

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return asdict(self)


class Running:
    """One score's spread kept as it comes: exact sums, so the result equals `Spread.of`."""

    def __init__(self) -> None:
        self.count = 0
        self.total = Fraction(0)
        self.squares = Fraction(0)
        self.low: float | None = None
        self.high: float | None = None

    def add(self, value: float) -> None:
        """Count one more value."""
        exact = Fraction(value)
        self.count += 1
        self.total += exact
        self.squares += exact * exact
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)

    def spread(self) -> Spread:
        """What `Spread.of` gives for the same values, bit for bit."""
        if not self.count:
            return Spread(0, None, None, None, None)
        n = self.count
        variance = (self.squares - self.total * self.total / n) / n
        mean = float(self.total) / n  # float(exact sum) is what fsum gives
        return Spread(n, mean, self.low, self.high, _sqrt(variance))


def _sqrt(value: Fraction) -> float:
    """The correctly rounded square root of an exact fraction, as `statistics` takes it."""
    exact_sqrt = getattr(statistics, "_float_sqrt_of_frac", None)
    if exact_sqrt is None:  # pragma: no cover - other Python versions
        return math.sqrt(value)
    return float(exact_sqrt(value.numerator, value.denominator))


class Tally:
    """A batch summary kept run by run, in memory that does not grow with the runs."""

    def __init__(self, objectives: Sequence[str] = ()) -> None:
        self.objectives = list(objectives)
        self.runs = 0
        self.scores = {name: Running() for name in SCORE_NAMES}
        self.counts: dict[str, dict[str, int]] = {}

    def add(self, run: RunScore) -> None:
        """Count one more run."""
        self.runs += 1
        for name, running in self.scores.items():
            value = getattr(run, name)
            if value is not None:
                running.add(value)
        for objective, rating in run.objectives.items():
            counts = self.counts.setdefault(objective, dict.fromkeys(RATINGS, 0))
            counts[rating] = counts.get(rating, 0) + 1

    def summary(self) -> Summary:
        """The summary of the runs counted so far."""
        extra = sorted(set(self.counts) - set(self.objectives))
        counts = {o: self.counts.get(o, dict.fromkeys(RATINGS, 0)) for o in self.objectives + extra}
        spreads = {name: running.spread() for name, running in self.scores.items()}
        return Summary(self.runs, spreads, counts)


def summarise(scores: Iterable[RunScore], objectives: Sequence[str] = ()) -> Summary:
    """The spread of every score and how often each objective got P, S, M, U or '-'."""
    tally = Tally(objectives)
    for run in scores:
        tally.add(run)
    return tally.summary()
