"""Benchmark: `brief batch` on URLs against the same batch on local files, in one run.

    python benchmarks/bench_web.py --serve ../shared/corpus/fr-news            # 200 ms per response
    python benchmarks/bench_web.py --serve ../shared/corpus/fr-news --delay 0.5 --repeat 2

Each page of the folder (.txt) is written as a plain HTML page (one <p> per line) into a
temporary folder, and served from 127.0.0.1 by a local server that waits `--delay`
seconds before every response (robots.txt included), like a distant site. Then, each in
its own process and with its own empty translation cache, the real `brief batch` CLI runs:

  files   brief batch HTML_FOLDER -o OUT        the pages read from disk
  web     brief batch URLS.txt -o OUT           the same pages fetched over HTTP

and the script prints the seconds of each, the ratio web/files (goal: at most 1.15) and
whether both wrote the same briefs (the source line aside). With --repeat N the phases
alternate N times and the best time of each is compared. Uses the installed fr→en model
(set ARGOS_PACKAGES_DIR); nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_html(pages: list[Path], folder: Path) -> list[Path]:
    """Each text page as an HTML page: one paragraph per non-blank line, nothing added."""
    folder.mkdir(parents=True)
    written = []
    for page in pages:
        lines = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
        target = folder / f"{page.stem}.html"
        target.write_text(f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"></head>\n<body>\n'
                          f"<article>\n{body}</article>\n</body></html>\n", encoding="utf-8")
        written.append(target)
    return written


class DelayedServer:
    """Serves a folder on 127.0.0.1, each response after `delay` seconds."""

    def __init__(self, folder: Path, delay: float) -> None:
        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                time.sleep(delay)
                super().do_GET()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{name}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def run_batch(inputs: str, out: Path, cache: Path) -> tuple[float, str]:
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "translator.cli", "batch", inputs, "-o", str(out)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"brief batch {inputs} failed ({result.returncode}):\n{result.stderr}")
    summary = next((line for line in result.stderr.splitlines() if " done, " in line), "")
    return seconds, summary.removeprefix("brief: ")


def briefs(out: Path) -> dict[str, str]:
    """Each brief without its source line (a path on one side, a URL on the other)."""
    return {p.name: re.sub(r"(?m)^.*source: `[^`]*`.*$", "", p.read_text(encoding="utf-8"))
            for p in out.glob("*.md") if p.name != "digest.md"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serve", type=Path, required=True, help="Folder of .txt pages to serve as HTML.")
    parser.add_argument("--delay", type=float, default=0.2, help="Seconds before each response (default 0.2).")
    parser.add_argument("--repeat", type=int, default=1, help="Alternate the two phases this many times.")
    parser.add_argument("--limit", type=int, default=0, help="Only the first N pages.")
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it (pages, outputs).")
    args = parser.parse_args()

    pages = sorted(args.serve.glob("*.txt"))
    pages = [p for p in pages if p.name.lower() != "readme.txt"][: args.limit or None]
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        work = args.keep or Path(tmp)
        html_pages = write_html(pages, work / "pages")
        server = DelayedServer(work / "pages", args.delay)
        urls = work / "urls.txt"
        urls.write_text("".join(server.url(p.name) + "\n" for p in html_pages), encoding="utf-8")
        times: dict[str, list[float]] = {"files": [], "web": []}
        summaries: dict[str, str] = {}
        try:
            for round_ in range(args.repeat):
                for phase, inputs in (("files", str(work / "pages")), ("web", str(urls))):
                    out = work / f"out-{phase}-{round_}"
                    seconds, summaries[phase] = run_batch(inputs, out, work / f"cache-{phase}-{round_}")
                    times[phase].append(seconds)
                    print(f"  {phase:<5} round {round_ + 1}: {seconds:6.2f} s  ({summaries[phase]})", file=sys.stderr)
        finally:
            server.stop()
        files_briefs, web_briefs = briefs(work / "out-files-0"), briefs(work / "out-web-0")
        differ = sorted(name for name, text in web_briefs.items() if files_briefs.get(name) != text)

    best = {phase: min(values) for phase, values in times.items()}
    print(f"{len(pages)} pages, {args.delay * 1000:.0f} ms per response, "
          f"best of {args.repeat}; each run with an empty translation cache\n")
    print("| | seconds | vs files |\n| --- | ---: | ---: |")
    print(f"| `brief batch` on local HTML files | {best['files']:.2f} | 1.00× |")
    print(f"| `brief batch` on the same pages over HTTP | {best['web']:.2f} | "
          f"**{best['web'] / best['files']:.2f}×** |")
    print(f"\nfiles: {summaries['files']}\nweb:   {summaries['web']}")
    print(f"same briefs (source line aside): {len(web_briefs) - len(differ)} of {len(web_briefs)} "
          f"(files wrote {len(files_briefs)}){'; differ: ' + ', '.join(differ) if differ else ''}")


if __name__ == "__main__":
    main()
