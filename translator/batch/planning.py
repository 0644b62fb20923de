"""Sub-batches: how the units of arriving articles are grouped for the model.

A sub-batch is what one translator call takes, what a kill can lose and how long a
Ctrl-C may wait. Units are distinct (a unit two articles share goes once), articles are
taken in the order they arrive, so early ones finish early, and within a window of a few
sub-batches the units are sorted by length, so each call pads little; the window's longest
sub-batch goes first, so its calls end together.

Length is counted in the model's own tokens (`ModelRecipe.unit_length`): sorted by
characters, the fr-news units padded their calls to 1.42x their tokens (characters per
token vary from unit to unit: figures, names, punctuation), sorted by tokens to 1.08x,
and the same calls ran 1.24x faster (README "Batches").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from translator.translation.engine import estimated_tokens

# Measured with the real fr→en model on 2 cores (README "Batches"): sub-batches of 32 units
# sorted by length were as fast as any larger size; the token budget keeps a sub-batch of
# long sentences to a few seconds (1–5 s each) at no measurable cost.
SUB_BATCH_UNITS = 32
SUB_BATCH_TOKENS = 1024  # the model's tokens in one sub-batch at most (~23 in an average unit)
SORT_WINDOW = 16  # sub-batches whose units are sorted by length together (see README "Batches")


class SubBatchPlanner:
    """The distinct units of articles as they come, in sub-batches of at most `size` units and
    `budget` of `length` (tokens): articles in order, so early ones finish early; within each
    window of `window` sub-batches, sorted by length (similar lengths batch with less padding)."""

    def __init__(
        self, size: int, window: int, length: Callable[[str], int] = estimated_tokens, budget: int | None = None
    ) -> None:
        self.size = size
        self.window: int | None = max(1, window)  # None: one window, flushed at the end
        self.length = length
        self.budget = budget or size * SUB_BATCH_TOKENS // SUB_BATCH_UNITS
        self.seen: set[str] = set()
        self.buffer: list[str] = []

    def add(self, units: Iterable[str]) -> list[list[str]]:
        """One article's units; the sub-batches of a full window, if this filled one."""
        for unit in units:
            if unit not in self.seen:
                self.seen.add(unit)
                self.buffer.append(unit)
        return self.flush() if self.window and len(self.buffer) >= self.size * self.window else []

    def one_window(self) -> None:
        """From now on keep every unit for the last flush: when every article is known, all
        their units are sorted at once (as the ceiling's are)."""
        self.window = None

    def flush(self) -> list[list[str]]:
        """The sub-batches of whatever is buffered (a full window, or the end of the inputs),
        the longest first.

        Units are cut into sub-batches in order of length (similar lengths pad little), and
        the longest sub-batch is handed out first, the shortest last: short calls fill in
        beside the long ones and the calls at once end nearly together. Shortest first, the
        longest call of a window ran alone at its end (~3 s of one idle core at the end of
        the fr-news pages)."""
        batches: list[list[str]] = []
        current: list[str] = []
        total = 0
        for size, unit in sorted((self.length(unit), unit) for unit in self.buffer):
            if current and (len(current) >= self.size or total + size > self.budget):
                batches.append(current)
                current, total = [], 0
            current.append(unit)
            total += size
        if current:
            batches.append(current)
        self.buffer.clear()
        return batches[::-1]


def plan_sub_batches(
    units_per_article: Sequence[Sequence[str]],
    size: int,
    window: int,
    length: Callable[[str], int] = estimated_tokens,
    budget: int | None = None,
) -> list[list[str]]:
    """All sub-batches of `SubBatchPlanner` for articles known up front."""
    planner = SubBatchPlanner(size, window, length, budget)
    batches = [batch for units in units_per_article for batch in planner.add(units)]
    return batches + planner.flush()
