"""How the batch driver cuts its work, and the translate_batches seam backends implement."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import UpperRecipe, UpperTranslator
from test_batch import write_articles

from translator.batch import driver
from translator.batch.driver import BatchSettings, run_batch
from translator.summary.compose import BriefOptions
from translator.batch.planning import plan_sub_batches
from translator.translation.engine import estimated_tokens, iter_translated_batches
from translator.translation.parallel import in_parallel
from translator.batch.backends.pool import WorkerPool


def article(name: str, count: int) -> list[str]:
    return [f"{name} phrase {'longue ' * (n % 5)}numéro {n}" for n in range(count)]


def test_every_unit_once_in_bounded_sub_batches() -> None:
    articles = [article(f"a{n}", 10 + n) for n in range(12)] + [article("a0", 10)]  # the last one repeats the first
    batches = plan_sub_batches(articles, size=8, window=3, length=len, budget=300)
    flat = [unit for batch in batches for unit in batch]
    assert sorted(flat) == sorted({unit for units in articles for unit in units})
    assert all(len(batch) <= 8 and (len(batch) == 1 or sum(map(len, batch)) <= 300) for batch in batches)


def test_early_articles_finish_early_and_lengths_are_sorted_within_a_window() -> None:
    articles = [article(f"a{n}", 12) for n in range(10)]
    batches = plan_sub_batches(articles, size=8, window=3, length=len, budget=10_000)
    first_window = [unit for batch in batches[:3] for unit in batch]
    assert set(articles[0]) <= set(first_window) and set(articles[1]) <= set(first_window)
    assert not set(articles[-1]) & set(first_window)
    # Cut in order of length, handed out longest first (the short calls end the window).
    shortest_first = [len(unit) for batch in reversed(batches[:3]) for unit in batch]
    assert shortest_first == sorted(shortest_first) and shortest_first[0] < shortest_first[-1]


def _brief_only(**overrides) -> BatchSettings:
    return BatchSettings(options=BriefOptions(translate_all=False), **overrides)


def _brief_only_run(paths: list[Path], tmp_path: Path, **overrides) -> UpperRecipe:
    """A `--brief-only` run of `paths` with the same settings: its recipe holds the briefs' calls."""
    probe = UpperRecipe()
    run_batch(paths, tmp_path / "probe", _brief_only(**overrides), probe)
    return probe


def _growing_articles(folder: Path, count: int) -> list[Path]:
    """Articles whose sentences grow longer from one article to the next."""
    folder.mkdir(parents=True)
    paths = []
    for n in range(count):
        detail = ", puis de la rénovation des écoles du quartier" * n
        lines = [f"Le conseil municipal de Villeneuve a voté mardi soir son budget pour {2020 + n}."] + [
            f"{opening}{detail}." for opening in (
                "Les élus de l'opposition ont longuement débattu du prix des cantines",
                "Le maire a défendu la hausse des tarifs du stationnement en centre-ville",
                "Une association de parents d'élèves avait lancé une pétition contre la fermeture d'une classe",
                "La séance s'est prolongée tard dans la nuit devant une salle comble",
                "Plusieurs commerçants ont demandé un soutien pour les travaux de la rue principale",
            )]
        paths.append(folder / f"a{n}.txt")
        paths[-1].write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return paths


def test_the_full_texts_are_sorted_as_one_window_longest_first(tmp_path) -> None:
    # Every article is prepared when the full texts start: their units are sorted all at
    # once (as the ceiling's are), not window by window, and handed out longest first.
    paths = _growing_articles(tmp_path / "in", 5)
    small = {"use_cache": False, "sub_batch_units": 1, "sort_window": 1}
    probe = _brief_only_run(paths, tmp_path, **small)
    brief_calls = len(probe.loaded[0].calls)
    recipe = UpperRecipe()
    run_batch(paths, tmp_path / "out", BatchSettings(**small), recipe)
    full_calls = recipe.loaded[0].calls[brief_calls:]
    assert len(full_calls) > 10 and not set(probe.translated()) & {u for call in full_calls for u in call}
    lengths = [estimated_tokens(unit) for call in reversed(full_calls) for unit in call]
    assert lengths == sorted(lengths) and lengths[0] < lengths[-1]


def test_units_are_sorted_and_bounded_by_the_length_the_model_counts() -> None:
    # A unit's length is what the recipe says (the model's tokens), not its characters:
    # here, words; "a-b-c-d-e-f" is one word however many characters it has.
    units = ["a-b-c-d-e-f", "un deux", "un deux trois quatre", "x", "un deux trois"]
    words = lambda text: len(text.split())  # noqa: E731
    batches = plan_sub_batches([units], size=8, window=1, length=words, budget=4)
    assert batches == [["un deux trois quatre"], ["un deux trois"], ["a-b-c-d-e-f", "x", "un deux"]]


def test_iter_translated_batches_falls_back_to_translate_in_order() -> None:
    upper = UpperTranslator()
    result = list(iter_translated_batches(upper, [["un", "deux"], ["trois"]]))
    assert result == [(0, ["UN", "DEUX"]), (1, ["TROIS"])]
    assert upper.calls == [["un", "deux"], ["trois"]]


class ReversedRecipe(UpperRecipe):
    """A backend that answers its sub-batches last first, as Ray actors or workers may."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: list[list[list[str]]] = []  # the sub-batches of each call, as handed over

    def load(self) -> UpperTranslator:
        translator = super().load()

        def translate_batches(batches):
            batches = list(batches)  # the driver hands sub-batches over as they are planned
            self.handed.append([list(batch) for batch in batches])
            for index in reversed(range(len(batches))):
                yield index, translator.translate(batches[index])

        translator.translate_batches = translate_batches
        return translator


def test_the_driver_puts_sub_batches_answered_out_of_order_back_in_place(tmp_path) -> None:
    """Each answer goes with its own sub-batch: the same briefs as a backend answering in order."""
    paths = write_articles(tmp_path / "in")
    settings = BatchSettings(use_cache=False, sub_batch_units=2)  # many sub-batches
    in_order, last_first = UpperRecipe(), ReversedRecipe()
    run_batch(paths, tmp_path / "in-order", settings, in_order)
    run_batch(paths, tmp_path / "reversed", settings, last_first)
    [forwards], [backwards] = in_order.loaded, last_first.loaded
    # The same sub-batches handed over (one call for both phases), each call's answered last first.
    assert len(forwards.calls) > 3 and [batch for call in last_first.handed for batch in call] == forwards.calls
    assert backwards.calls == [batch for call in last_first.handed for batch in call[::-1]]
    written = sorted(p.name for p in (tmp_path / "in-order").glob("*.md"))
    assert written and written == sorted(p.name for p in (tmp_path / "reversed").glob("*.md"))
    for name in written:
        assert (tmp_path / "reversed" / name).read_text() == (tmp_path / "in-order" / name).read_text()


def test_the_process_pool_backend_returns_every_sub_batch() -> None:
    pool = WorkerPool(UpperRecipe(), 2).load()
    try:
        batches = [[f"phrase {n}", f"autre {n}"] for n in range(9)]
        results = dict(pool.translate_batches(batches))
        assert results == {n: [f"PHRASE {n}", f"AUTRE {n}"] for n in range(9)}
        assert pool.translate(["seule"]) == ["SEULE"]
    finally:
        pool.close()


def test_titles_and_leads_go_to_the_model_first_while_speakers_are_found(tmp_path) -> None:
    # The producer cleans a chunk of inputs, hands over their titles and leads (which do not
    # depend on the speakers), and only then finds each article's speakers: the model's
    # first call is those, and no unit is translated twice.
    from test_batch import settings

    from translator.french.reader import read_document
    from translator.pipeline import early_units, plan, prepare_without_speakers, with_speakers
    from translator.translation.cache import normalise

    paths = write_articles(tmp_path / "in")
    options = settings().options
    early, shown = set(), set()
    for path in paths:
        unattributed = prepare_without_speakers(read_document(path))
        early |= {normalise(unit) for unit in early_units(unattributed, options)}
        planned = plan(with_speakers(unattributed), options).brief_only()
        shown |= {normalise(unit) for unit in planned.units()}
    assert early and early < shown  # titles and leads are part of what the briefs show
    recipe = UpperRecipe()
    report = run_batch(paths, tmp_path / "out", settings(use_cache=False), recipe)
    assert len(report.done) == len(paths)
    [translator] = recipe.loaded
    assert set(translator.calls[0]) == early
    translated = recipe.translated()
    assert len(translated) == len(set(translated))


class _LosesTheLast(UpperTranslator):
    """A backend with a bug: the last sub-batch never comes back, and no error is raised."""

    def translate_batches(self, batches):
        batches = list(batches)
        for index, batch in enumerate(batches[:-1]):
            yield index, self.translate(batch)


class _LosesTheLastRecipe(UpperRecipe):
    def load(self):
        self.loaded.append(_LosesTheLast())
        return self.loaded[-1]


def test_an_article_whose_units_never_come_back_is_reported_not_dropped(tmp_path) -> None:
    # A backend that loses a sub-batch without an error (a bug) must not leave its articles
    # silently unwritten: each is reported as failed, in one line.
    paths = write_articles(tmp_path / "in")
    report = run_batch(paths, tmp_path / "out", _brief_only(use_cache=False), _LosesTheLastRecipe())
    assert report.failed and len(report.done) + len(report.failed) == len(paths)
    assert all(failure.reason.startswith("internal error") for failure in report.failed)


def test_a_full_text_whose_units_never_come_back_is_reported_beside_its_brief(tmp_path) -> None:
    # With whole bodies wanted, the last sub-batch holds full-text units: the briefs are
    # written, and each article whose full text is stranded is listed as failed, once.
    paths = write_articles(tmp_path / "in")
    report = run_batch(paths, tmp_path / "out", BatchSettings(use_cache=False), _LosesTheLastRecipe())
    assert len(report.done) == len(paths) and report.failed
    assert all(failure.reason.startswith("full translation: internal error") for failure in report.failed)
    assert len({failure.source for failure in report.failed}) == len(report.failed)
    assert report.full_texts + len(report.failed) <= len(paths)
    assert "full translation: internal error" in (tmp_path / "out" / "digest.md").read_text()


class _TwoAtOnce(UpperTranslator):
    """Two calls at once, as on two cores; each call notes whether the digest existed when it started."""

    def __init__(self, digest: Path) -> None:
        super().__init__()
        self.digest = digest
        self.started: list[tuple[list[str], bool]] = []

    def translate(self, texts):
        self.started.append((list(texts), self.digest.exists()))
        time.sleep(0.02)
        return super().translate(texts)

    def translate_batches(self, batches):
        return in_parallel(lambda batch: self.translate(list(batch)), batches, 2)


class _TwoAtOnceRecipe(UpperRecipe):
    """Loads a `_TwoAtOnce` watching `digest`."""

    def __init__(self, digest: Path) -> None:
        super().__init__()
        self.digest = digest

    def load(self) -> _TwoAtOnce:
        self.loaded.append(_TwoAtOnce(self.digest))
        return self.loaded[-1]


def test_the_full_texts_start_while_the_last_briefs_and_the_digest_are_written(tmp_path) -> None:
    # The model is not left idle at the end of the briefs: the first full-text call starts
    # before the digest is written, and every brief's call started before any full text's.
    paths = write_articles(tmp_path / "in")
    small = {"use_cache": False, "sub_batch_units": 2}
    brief_units = set(_brief_only_run(paths, tmp_path, **small).translated())
    out = tmp_path / "out"
    recipe = _TwoAtOnceRecipe(out / "digest.md")
    report = run_batch(paths, out, BatchSettings(**small), recipe)
    assert len(report.done) == len(paths) and report.full_texts == len(paths)
    [translator] = recipe.loaded
    kinds = ["brief" if set(units) <= brief_units else "full" for units, _ in translator.started]
    assert "full" in kinds and kinds == sorted(kinds)  # the briefs' calls all start first
    assert any(kind == "full" and not digest_existed
               for kind, (_, digest_existed) in zip(kinds, translator.started))


def test_the_progress_bar_turns_to_full_texts_once_the_digest_is_written(tmp_path, monkeypatch) -> None:
    # The full texts' calls start while the last briefs are written; the bar's label says
    # "full text" only once those briefs and the digest are, and never in --brief-only.
    paths = write_articles(tmp_path / "in")
    labels: list[tuple[str, bool]] = []
    for name, settings in (("out", BatchSettings(use_cache=False, sub_batch_units=2)),
                           ("quick", _brief_only(use_cache=False, sub_batch_units=2))):
        out = tmp_path / name
        monkeypatch.setattr(driver.Progress, "relabel",
                            lambda self, label, out=out: labels.append((label, (out / "digest.md").exists())))
        run_batch(paths, out, settings, _TwoAtOnceRecipe(out / "digest.md"))
    assert labels == [("full text", True)]
