"""The HTML digest and one brief as an HTML page: Jinja2 templates shipped with the package.

One self-contained file: the CSS is inline, there is no script, no font or image to fetch,
so it opens offline, on a phone or a desktop, in light or dark mode, and prints. Page text
is untrusted input: autoescaping is on, so a title holding `<script>` or `{{ }}` shows as
text (Jinja never evaluates a value as a template).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path, PurePath
from urllib.parse import urlsplit, urlunsplit

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
    env.filters["source_href"] = source_href
    env.filters["source_label"] = source_label
    return env


# "javascript:", "data:", "ftp://"…: a scheme of two letters or more ("C:" stays a path).
_SCHEME = re.compile(r"^[\x00-\x20]*[A-Za-z][A-Za-z0-9+.-]+:")


def web_url(source: str) -> str | None:
    """The source as a link when it is a web page (http or https, with a host), else None."""
    try:
        parts = urlsplit(source.strip())
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            return urlunsplit(parts)
    except ValueError:
        pass
    return None


def source_href(source: str) -> str:
    """Where a source links: a web page to its URL, an input file to its `file:` URI.

    Any other scheme ("javascript:", "data:"…) and "-" (stdin) link nowhere: a source's
    name may come from page text (a feed's links), so only http and https pass as they are."""
    url = web_url(source)
    if url is not None:
        return url
    if source in ("-", "<stdin>", "<text>") or _SCHEME.match(source):
        return "#"
    try:
        return Path(source).resolve().as_uri()
    except ValueError:
        return "#"


def source_label(source: str) -> str:
    """A source's link text: a file's name; a page's host and the end of its path."""
    url = web_url(source)
    if url is None:
        return PurePath(source).name or source
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]  # never user:password
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) > 1:
        return f"{host}/…/{segments[-1]}"
    return "/".join([host, *segments])


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
