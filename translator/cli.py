"""The `brief` command line: translate, clean, batch, models."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import timezone
from pathlib import Path

import click
from click.core import ParameterSource

from translator import __version__
from translator.summary.compose import DEFAULT_SENTENCES, WORDS_PER_SENTENCE, BriefOptions
from translator.errors import BriefError
from translator.batch.inputs import DEFAULT_GLOBS
from translator.translation.engine import COMPUTE_TYPES, DEVICES
from translator.french.reader import DEFAULT_MAX_BYTES
from translator.output.render import CLEAN_FORMATS, FORMATS
from translator.summary.rank import DEFAULT_METHOD, METHODS

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70


class BriefGroup(click.Group):
    """Turns expected failures into one line on stderr and a non-zero exit code."""

    def invoke(self, ctx: click.Context):
        from translator.quiet import quiet_libraries

        quiet_libraries()
        try:
            return super().invoke(ctx)
        except BriefError as exc:
            click.echo(f"brief: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("brief: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - last resort: no traceback for users
            if os.environ.get("BRIEF_DEBUG"):
                # The traceback for whoever debugs, and still the documented exit code
                # (an uncaught exception would exit 1, which means bad input).
                traceback.print_exc()
                ctx.exit(EXIT_INTERNAL)
            click.echo(
                f"brief: internal error: {type(exc).__name__}: {exc} (set BRIEF_DEBUG=1 for the traceback)", err=True
            )
            ctx.exit(EXIT_INTERNAL)


def check_output(output: str | None) -> None:
    """Fail before any work when -o points into a folder that does not exist."""
    if output and output != "-":
        from translator.errors import OutputError

        folder = Path(output).parent
        if not folder.is_dir():
            raise OutputError(f"cannot write {output}: no such folder {folder}")


def emit(text: str, output: str | None) -> None:
    """Print, or write to -o atomically once everything succeeded."""
    if output and output != "-":
        from translator.files import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def brief_options(func):
    """Options shared by `translate` and `batch`."""
    options = [
        click.option("--method", type=click.Choice(METHODS), default=DEFAULT_METHOD, show_default=True,
                     help="sumy summarizer that ranks the sentences."),
        click.option("--sentences", "-n", type=click.IntRange(1, 50), default=DEFAULT_SENTENCES, show_default=True,
                     help="Sentences in the summary, at most (with --words: fewer when they do not fit)."),
        click.option("--words", "-w", "word_budget", type=click.IntRange(0), default=None,
                     show_default=f"{WORDS_PER_SENTENCE} per sentence",
                     help="Words in the summary, at most: sentences after the lead that do not fit are left "
                          "out (the lead always stands). 0 = no limit."),
        click.option("--quotes", "-q", "quote_count", type=click.IntRange(0, 20), default=3, show_default=True,
                     help="Key quotes to list."),
        click.option("--translate-all/--no-translate-all", default=True, show_default=True,
                     help="Also translate the rest of the body (JSON's translation_en), or only what the "
                          "brief shows (faster). The brief is the same either way."),
        click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse inputs larger than this."),
        click.option("--beam-size", type=click.IntRange(1, 16), default=4, show_default=True,
                     help="Beam size (1 = greedy, fastest)."),
        click.option("--threads", type=click.IntRange(0, 256), default=0, show_default=True,
                     help="CPU threads for CTranslate2 (0 = automatic). A batch in one process "
                          "translates that many sub-batches at once, a thread each (0: one per core); with "
                          "--workers, the threads are shared out; one article is one call using them all."),
        click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True,
                     help="auto: a CUDA GPU when CTranslate2 sees one, else the CPU."),
        click.option("--compute-type", type=click.Choice(COMPUTE_TYPES), default="auto", show_default=True,
                     help="CTranslate2 compute type; auto: int8 on the CPU, int8_float16 on a GPU."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def web_options(func):
    """Options of fetching, for `translate URL` and `batch` with URLs or feeds."""
    options = [
        click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
                     help="Seconds a web server may stay silent (connecting: at most 10)."),
        click.option("--connections", type=click.IntRange(1, 64), default=8, show_default=True,
                     help="Pages fetched at once, over all sites."),
        click.option("--per-host", type=click.IntRange(1, 16), default=2, show_default=True,
                     help="Pages fetched at once from one site."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def fetch_limits(max_bytes: int, timeout: float, connections: int = 8, per_host: int = 2) -> "FetchLimits":
    from translator.web.fetch import FetchLimits

    return FetchLimits(connect_timeout=min(10.0, timeout), read_timeout=timeout, total_timeout=max(60.0, 3 * timeout),
                       max_bytes=max_bytes, connections=connections, per_host=per_host)


def warn(message: str) -> None:
    click.echo(f"brief: warning: {message}", err=True)


def decoding_options(device: str, compute_type: str, **options) -> "DecodingOptions":
    """DecodingOptions for the CLI's choices; says so when the device asked for is not there."""
    from translator.translation.engine import DecodingOptions, choose_device

    note = choose_device(device, compute_type).note
    if note:
        click.echo(f"brief: warning: {note}", err=True)
    return DecodingOptions(device=device, compute_type=compute_type, **options)


@click.group(cls=BriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brief")
def main() -> None:
    """Clean, translate (French → English, offline) and brief scraped news articles.

    \b
    Examples:
      brief translate article.txt                 English brief as text
      brief translate page.html -f html -o brief.html   one page to open in a browser
      brief translate page.html --format json -o brief.json
      brief translate https://example.fr/article  a page from the web
      cat article.txt | brief translate - --format markdown
      brief clean article.txt --show-removed      what cleaning keeps and drops
      brief batch articles/ -o digests/           many articles, one digest
      brief batch --feed https://example.fr/rss.xml -o digests/
      brief models install --file fr_en.argosmodel

    Exit codes: 0 ok, 1 bad input (or some batch inputs failed), 2 usage error,
    3 model missing or unusable, 4 output cannot be written, 5 Ray cluster
    unusable (--ray), 6 a page cannot be fetched (`translate URL`), 70 internal
    error, 130 interrupted.
    """


@main.command()
@click.argument("file", metavar="FILE")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="html: one self-contained page (no script, no network), with the French originals.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@brief_options
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
              help="For a URL: seconds the server may stay silent.")
def translate(file: str, fmt: str, output: str | None, method: str, sentences: int, word_budget: int | None,
              quote_count: int, translate_all: bool, max_bytes: int, beam_size: int, threads: int, device: str,
              compute_type: str, timeout: float) -> None:
    """Brief one French article in English.

    FILE is a text or HTML file, - for stdin, or an http(s) URL (fetched once, with
    robots.txt respected; only the fetching uses the network). The article is
    cleaned, translated with the installed Argos fr→en model, and summarised with
    sumy; key quotes are kept whole and marked “…”, with their speaker when the text
    names one.
    """
    from translator.translation.engine import ArgosTranslator
    from translator.french.reader import read_document
    from translator.pipeline import brief_one, prepare_without_speakers
    from translator.output.render import render_brief
    from translator.web.fetch import is_web_address

    check_output(output)
    if is_web_address(file):
        from translator.web.fetch import Fetcher
        from translator.web.pages import page_document

        with Fetcher(fetch_limits(max_bytes, timeout)) as fetcher:
            page = fetcher.fetch(file)
        document = page_document(page)
    else:
        document = read_document(file, max_bytes)
    unattributed = prepare_without_speakers(document)  # input errors surface before the model loads
    options = BriefOptions(method, sentences, quote_count, translate_all, word_budget)
    translator = ArgosTranslator(options=decoding_options(device, compute_type, beam_size=beam_size,
                                                          intra_threads=threads))
    brief = brief_one(unattributed, translator, options)
    emit(render_brief(brief, fmt), output)


@main.command()
@click.argument("file", metavar="FILE")
@click.option("--format", "-f", "fmt", type=click.Choice(CLEAN_FORMATS), default="text", show_default=True)
@click.option("--show-removed", is_flag=True, help="Also list the dropped lines and why.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True)
def clean(file: str, fmt: str, show_removed: bool, output: str | None, max_bytes: int) -> None:
    """Print the cleaned French body of FILE (no model needed).

    Timestamps, bylines, share/follow lines, related links and the trailing run of
    unrelated headlines are dropped; --show-removed or --format json says which and why.
    """
    from translator.french.clean import clean_document
    from translator.french.reader import read_document
    from translator.output.render import render_clean

    check_output(output)
    article = clean_document(read_document(file, max_bytes))
    if not article.paragraphs:
        raise BriefError(f"{file}: no article text left after cleaning (only headlines or page furniture)")
    emit(render_clean(article, fmt, show_removed), output)


def check_ray_options(address: str, workers: int) -> None:
    from translator.batch.backends.ray import RayClusterError, parse_address

    if workers > 1:
        raise click.UsageError("--ray and --workers both choose where translation runs; give one of them")
    try:
        parse_address(address)
    except RayClusterError as exc:
        # `--ray DIR` takes DIR as the address: say how to start a local cluster instead.
        raise click.UsageError(f"{exc} (to start a local cluster, write --ray=local or put --ray last)") from None


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("--output", "-o", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the briefs, digest.html, digest.md and digest.json (created if needed).")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="Format of each article's brief.")
@click.option("--glob", "globs", multiple=True, default=DEFAULT_GLOBS, show_default=True,
              help="File pattern to take from directories (repeatable).")
@click.option("--batch-size", type=click.IntRange(0, 65536), default=0, show_default="0 = auto",
              help="CTranslate2 batch size in --batch-type units; auto is about 64 sentences, counted in tokens.")
@click.option("--batch-type", type=click.Choice(["tokens", "examples"]), default="tokens", show_default=True,
              help="Count --batch-size in tokens (adapts to sentence length) or in sentences.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes, each with its own model copy; threads are shared out among them.")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Translate on Ray actors: ADDRESS is auto, ray://HOST:10001, HOST:PORT or local; "
                   "--ray alone starts a local cluster for this run. Needs the [ray] extra.")
@click.option("--ray-actors", type=click.IntRange(0, 4096), default=0, show_default="0 = one per 2 cluster CPUs",
              help="Ray actors, each with its own model copy; threads from --threads or the cluster's CPUs.")
@click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
              help="Reuse translations of sentences seen before (SQLite).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="BRIEF_CACHE_DIR",
              help="Where the translation cache lives [env: BRIEF_CACHE_DIR; default: the user cache folder].")
@click.option("--brief-only", is_flag=True,
              help="Stop once the briefs and the digest are written: translate only what they show "
                   "(the same as --no-translate-all).")
@click.option("--group/--no-group", "group", default=True, show_default=True,
              help="Gather articles about the same event, from several sources, into one story.")
@click.option("--quiet", is_flag=True, help="No progress bars and no summary line.")
@click.option("--feed", "feeds", multiple=True, metavar="FEED",
              help="An RSS or Atom feed (URL or file) whose items to brief (repeatable).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]), metavar="DATE",
              help="Only feed items published since DATE (2025-03-01 or 2025-03-01T08:00, UTC; "
                   "items without a date are kept).")
@click.option("--max-items", type=click.IntRange(1), metavar="N", help="At most the N newest items of each feed.")
@click.option("--refetch", is_flag=True, help="Fetch pages again instead of using the copies kept in OUTDIR.")
@web_options
@brief_options
@click.pass_context
def batch(ctx: click.Context, inputs: tuple[str, ...], outdir: Path, fmt: str, globs: tuple[str, ...],
          batch_size: int, batch_type: str, workers: int, ray_address: str | None, ray_actors: int,
          use_cache: bool, cache_dir: Path | None, brief_only: bool, group: bool, quiet: bool,
          feeds: tuple[str, ...], since, max_items: int | None, refetch: bool, timeout: float, connections: int,
          per_host: int, method: str, sentences: int, word_budget: int | None,
          quote_count: int, translate_all: bool, max_bytes: int, beam_size: int, threads: int, device: str,
          compute_type: str) -> None:
    """Brief many French articles into OUTDIR, with a combined digest.

    INPUT is a file, a directory (searched recursively with --glob), an http(s) URL,
    a file listing URLs (one a line), or - to read a list of paths or URLs from stdin;
    --feed adds the items of RSS/Atom feeds. Each article's brief goes to OUTDIR/NAME.md
    (or .json, .txt, .html); digest.html (open it in a browser), digest.md and digest.json
    gather them all as stories, newest first, with contents and the inputs that failed.
    Articles from several sources about the same event become one story (decided on the
    French, before translation; --no-group keeps one story per article). The model is
    loaded once and sentences of many articles are translated together, while the next
    pages are fetched and cleaned.

    Briefs come first: what every brief shows is translated across all articles, the
    briefs and the digest are written, and only then is the rest of each body translated
    into its output (a Translation section; translation_en in JSON), unless --brief-only
    or --no-translate-all. Re-running the same command resumes: written briefs are
    skipped (only their missing full translations are added), translations already made
    come from the cache, and pages fetched before are read from OUTDIR/.brief-web
    (--refetch fetches them again; a changed page is briefed again). Feeds are fetched
    on every run.

    Ctrl-C stops after the sub-batches under way (a few seconds) and keeps all finished work.
    Exit code 1 if any input failed (the others are still briefed), 130 if interrupted.
    """
    from translator.batch.backends import model_recipe
    from translator.batch.driver import BatchSettings, run_batch
    from translator.batch.inputs import collect_inputs, read_list
    from translator.batch.pages import split_arguments, web_sources
    from translator.translation.engine import batch_threads, choose_device
    from translator.web.fetch import Fetcher
    from translator.web.store import PageStore, StoredWeb

    if ray_address is not None:
        check_ray_options(ray_address, workers)
    elif ray_actors:
        raise click.UsageError("--ray-actors goes with --ray")
    if not inputs and not feeds:
        raise click.UsageError("give files, directories, URLs, --feed FEED, or - to read a list from stdin")
    if (since or max_items) and not feeds:
        raise click.UsageError("--since and --max-items choose feed items; give --feed FEED")
    if brief_only and translate_all and ctx.get_parameter_source("translate_all") is ParameterSource.COMMANDLINE:
        raise click.UsageError("--brief-only and --translate-all contradict each other; give one of them")
    arguments = [a for a in inputs if a != "-"]
    if "-" in inputs:
        arguments += read_list(click.get_text_stream("stdin"))
    urls, others = split_arguments(arguments)
    paths, failures = collect_inputs(others, globs, exclude=outdir)
    fetcher = Fetcher(fetch_limits(max_bytes, timeout, connections, per_host))
    web = StoredWeb(fetcher, PageStore(outdir), refetch, warn)
    pages, feed_failures = web_sources(urls, feeds, web, since and since.replace(tzinfo=timezone.utc), max_items)
    failures += feed_failures
    if not paths and not pages and not failures and not feeds:
        raise BriefError(f"no input files found (patterns: {', '.join(globs)})")
    inter, intra = batch_threads(threads, choose_device(device, compute_type).device, workers, ray_address is not None)
    decoding = decoding_options(device, compute_type, beam_size=beam_size, max_batch_size=batch_size,
                                batch_type=batch_type, inter_threads=inter, intra_threads=intra)
    settings = BatchSettings(fmt, BriefOptions(method, sentences, quote_count, translate_all and not brief_only,
                                               word_budget),
                             max_bytes, use_cache, cache_dir, group=group, loaders=connections)
    show_progress = not quiet and sys.stderr.isatty()
    model = model_recipe(decoding, workers, ray_address, ray_actors)
    with fetcher:
        report = run_batch([*paths, *pages], outdir, settings, model, failures, show_progress)
    if report.interrupted:
        written = f"; digest in {outdir / 'digest.html'}" if report.digest_seconds is not None else ""
        click.echo(f"brief: interrupted; {report.summary()}{written}. Run the same command again to resume.",
                   err=True)
        sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(f"brief: {report.summary()}; digest in {outdir / 'digest.html'}", err=True)
    for failure in report.failed:
        click.echo(f"brief: failed: {failure.source}: {failure.reason}", err=True)
    if report.failed:
        sys.exit(1)


@main.group()
def models() -> None:
    """List or install the Argos fr→en model.

    Packages live in Argos's package folder; set ARGOS_PACKAGES_DIR to use another one.
    """


@models.command("list")
@click.option("--available", is_flag=True, help="Also list fr→en packages in the online Argos index.")
def models_list(available: bool) -> None:
    """Show installed translation packages (and, online, what can be installed)."""
    from translator.translation import packages
    from translator.translation.engine import choose_device, packages_dir

    found = packages.installed()
    click.echo(f"Installed in {packages_dir()}:")
    if not found:
        click.echo("  (none) - run `brief models install` or `brief models install --file PATH.argosmodel`")
    for info in found:
        mark = "  *" if (info.from_code, info.to_code) == ("fr", "en") else "   "
        click.echo(f"{mark} {info.name} {info.version}  {info.path}")
    choice = choose_device()
    why = "CTranslate2 sees a CUDA GPU" if choice.device == "cuda" else "CTranslate2 sees no CUDA GPU"
    click.echo(f"Device (--device auto): {choice.device}, compute type {choice.compute_type} ({why})")
    if available:
        click.echo("Available from the Argos index:")
        for info in packages.available():
            click.echo(f"    {info.name} {info.version}")


@models.command("install")
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path),
              help="Install this local .argosmodel instead of downloading (works offline).")
def models_install(file: Path | None) -> None:
    """Install the fr→en model from the Argos index, or from a local file with --file."""
    from translator.translation import packages

    info = packages.install_file(file) if file else packages.install_from_index()
    click.echo(f"installed {info.name} {info.version} into {info.path}")


def run() -> None:  # pragma: no cover - console entry point alias
    main(prog_name="brief")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
