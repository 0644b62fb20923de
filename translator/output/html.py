"""The HTML digest and one brief as an HTML page: Jinja2 templates shipped with the package.

One self-contained file: the CSS is inline, there is no script, no font or image to fetch,
so it opens offline, on a phone or a desktop, in light or dark mode, and prints. Page text
is untrusted input: autoescaping is on, so a title holding `<script>` or `{{ }}` shows as
text (Jinja never evaluates a value as a template).
"""

from __future__ import annotations

import functools
from pathlib import Path, PurePath

from translator import __version__
from translator.document import Brief, Failure
from translator.output.digest import DigestEntry
from translator.output.stories import Story, make_story


@functools.cache
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("translator.output", "templates"),
        autoescape=True,  # every template, whatever its name: page text must never become markup
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["basename"] = lambda path: PurePath(path).name or path
    env.filters["file_uri"] = _file_uri
    return env


def _file_uri(path: str) -> str:
    """A link to the input file on this machine (`file:` URI); "-" (stdin) links nowhere."""
    if path in ("-", "<stdin>", "<text>"):
        return "#"
    try:
        return Path(path).resolve().as_uri()
    except ValueError:
        return "#"


def digest_html(stories: list[Story], failures: list[Failure], model_id: str | None = None) -> str:
    """The whole digest: contents, one <article> per story (in the order given), failures.

    No timestamp: a resumed batch writes the same bytes as a clean run."""
    return environment().get_template("digest.html.j2").render(
        stories=stories,
        failures=failures,
        articles=sum(len(story.sources) for story in stories),
        model=model_id,
        version=__version__,
        page_title="News digest",
    )


def brief_html(brief: Brief, output: str = "") -> str:
    """One brief as a page of its own (`brief translate --format html`)."""
    story = make_story([DigestEntry.from_brief(brief, output)])
    return environment().get_template("brief.html.j2").render(
        story=story,
        model=brief.model_id,
        version=__version__,
        page_title=brief.title or "(untitled)",
    )
