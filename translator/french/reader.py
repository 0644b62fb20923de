"""Read an article from a file or stdin: size limit, binary check, encoding, HTML extraction."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from translator.errors import InputError

DEFAULT_MAX_BYTES = 2_000_000

# Magic numbers of common non-text files someone may pass by mistake.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or .docx/.argosmodel)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(p|div|article|body|head|span|br)\b[^>]*>", re.IGNORECASE)
# Control characters other than tab/newline/carriage return/form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class RawDocument:
    """Text read from the input, before cleaning."""

    source: str
    text: str
    encoding: str
    source_format: str = "text"  # "text" or "html"
    title: str | None = None
    published: date | None = None  # a datetime when the page gives the time
    site: str | None = None  # the publisher, from the page's metadata (or a fetched page's host)


def read_bytes(source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read raw bytes from a path, or from stdin when `source` is "-"."""
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(_too_large(name, size, max_bytes))
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(_too_large(name, len(data), max_bytes, at_least=name == "-"))
    return data


def _too_large(name: str, size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"{name}: input is too large ({more}{size / 1e6:.1f} MB, limit {limit / 1e6:.1f} MB); "
        "raise it with --max-bytes if this really is one article"
    )


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name). Refuses binary data.

    `declared` is the charset a web server or the page itself names: tried first,
    ignored when it is unknown or does not decode the bytes.
    """
    if not data.strip():
        raise InputError(f"{name}: input is empty")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{name}: this is {kind}, not a text or HTML article")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding, name)
            except UnicodeDecodeError as exc:  # the mark promises an encoding the bytes do not keep
                label = encoding.removesuffix("-sig").upper()
                raise InputError(
                    f"{name}: cannot decode the text: it starts with a {label} byte-order mark "
                    f"but is not valid {label} ({exc.reason})"
                ) from None
    if declared:
        try:
            return _checked(data.decode(declared), codecs.lookup(declared).name, name)
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Legacy code pages all decode most bytes, so "it decodes" proves little:
    # score each candidate by how French its non-ASCII characters look, with
    # charset-normalizer's best guess as one of the candidates.
    from charset_normalizer import from_bytes

    candidates = list(_LEGACY_ENCODINGS)
    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    decoded: list[tuple[float, str, str]] = []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        decoded.append((_french_score(text), encoding, text))
    if not decoded:
        raise InputError(f"{name}: cannot decode the text (not UTF-8 nor a known legacy encoding)")
    score, encoding, text = max(decoded, key=lambda item: item[0])
    return _checked(text, encoding, name)


# Tried in this order; ties keep the earlier one (cp1252 is what French Windows writes).
_LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850")
_FRENCH_CHARS = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”–—…€°\u00a0")


def _french_score(text: str) -> float:
    """Share of the non-ASCII characters that French text commonly uses."""
    special = [ch for ch in text if ord(ch) > 127]
    if not special:
        return 1.0
    return sum(ch in _FRENCH_CHARS for ch in special) / len(special)


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 100):
        raise InputError(f"{name}: looks like a binary file ({controls} control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), encoding


def looks_like_html(text: str, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(text)) or len(_HTML_TAGS.findall(text[:20000])) >= 3


def extract_html(text: str, name: str) -> tuple[str, str | None, date | None, str | None]:
    """Main text, title, date and site name of an HTML page, using trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return document.text, document.title, published, document.sitename or document.hostname


def read_document(source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read, decode and (for HTML) extract one article."""
    name = str(source)
    text, encoding = decode_bytes(read_bytes(source, max_bytes), name)
    return document_from_text(text, name, encoding)


def document_from_text(text: str, name: str = "<text>", encoding: str = "utf-8") -> RawDocument:
    """An article already decoded (plain text or HTML), as `read_document` would give it."""
    if looks_like_html(text, name):
        body, title, published, site = extract_html(text, name)
        return RawDocument(name, body, encoding, "html", title, published, site)
    return RawDocument(name, text, encoding)
