"""A web server on 127.0.0.1 for the tests (standard library, in a thread, port 0).

Another loopback address (127.0.0.2 on Linux) gives a second host, still on this machine.

Each path answers with a `Route`: a status, headers, a body, an optional delay before
answering, and what later requests get (a 429 first, then the page). It records every
request and the most requests it had waiting for an answer at once. Nothing here leaves the machine:
the server does not look its own address up (the standard library's `server_bind` asks the
resolver for its fully qualified name), and `unknown_host_names` stands in for the resolver.
"""

from __future__ import annotations

import ipaddress
import socket
import socketserver
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds before the status line
    length: bool = True  # send Content-Length (False: the body runs to the connection's end)
    then: Route | None = None  # what the next request gets


@dataclass
class Request:
    path: str
    user_agent: str
    at: float


class LocalWeb:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.active = 0
        self.most_active = 0
        self._lock = threading.Lock()
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                web._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = _LoopbackServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | None = None, **kwargs) -> str:
        self.routes[path] = route or Route(**kwargs)
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def start(self) -> LocalWeb:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append(Request(handler.path, handler.headers.get("User-Agent", ""), time.monotonic()))
            route = self.routes.get(handler.path)
            if route is not None and route.then is not None:
                self.routes[handler.path] = route.then
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        route = route or Route(404, b"not found", {"Content-Type": "text/plain"})
        time.sleep(route.delay)
        with self._lock:  # before answering: the client cannot have sent its next request yet
            self.active -= 1
        try:
            handler.send_response(route.status)
            for name, value in route.headers.items():
                handler.send_header(name, value)
            if route.length:
                handler.send_header("Content-Length", str(len(route.body)))
            handler.end_headers()
            handler.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (too large, timed out): what the test wanted


class _LoopbackServer(ThreadingHTTPServer):
    def server_bind(self) -> None:
        """HTTPServer.server_bind without its socket.getfqdn(host), a reverse DNS query."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def unknown_host_names(monkeypatch) -> list[str]:
    """Every host name but a loopback address fails as the system resolver fails an unknown name.

    socket.getaddrinfo raises what glibc's resolver raises for a name that does not exist
    (socket.gaierror EAI_NONAME), without asking anyone; loopback addresses resolve as usual
    (no query: they are numeric). Returns the names asked, in order.
    """
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        try:
            if ipaddress.ip_address(name).is_loopback:
                return real(host, *args, **kwargs)
        except ValueError:
            pass
        asked.append(name)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


# Three short French articles written for these tests, with the metadata a news site gives.
ARTICLES = {
    "tramway": {
        "title": "Le tramway de Brest prolongé jusqu'au port de commerce",
        "published": "2025-03-04T09:10:00+01:00",
        "paragraphs": [
            "La métropole de Brest a voté lundi le prolongement de sa deuxième ligne de tramway jusqu'au port "
            "de commerce, un chantier de trois ans.",
            "« Les habitants du quartier attendent cette ligne depuis dix ans, nous tenons enfin notre calendrier », "
            "a déclaré Mme Nolwenn Le Bihan, vice-présidente chargée des transports.",
            "Les travaux commenceront à l'automne et la circulation sera déviée rue de Siam pendant six mois.",
            "Le coût total du projet est estimé à cent vingt millions d'euros, dont un tiers payé par l'État.",
        ],
    },
    "ostreiculteurs": {
        "title": "Les ostréiculteurs du bassin d'Arcachon inquiets après un hiver trop doux",
        "published": "2025-02-11T18:40:00+01:00",
        "paragraphs": [
            "Les ostréiculteurs du bassin d'Arcachon constatent une mortalité inhabituelle des jeunes huîtres "
            "après un hiver particulièrement doux.",
            "« Nous avons perdu près de la moitié de nos naissains depuis décembre, du jamais vu en trente ans de "
            "métier », raconte Jean-Marc Duprat, président du comité régional.",
            "Les scientifiques de l'institut de recherche pour la mer analysent des prélèvements faits dans douze "
            "parcs du bassin.",
            "Les premiers résultats sont attendus avant la fin du mois, selon la préfecture de la Gironde.",
        ],
    },
    "bibliotheque": {
        "title": "Une bibliothèque ouverte la nuit pour les étudiants de Rennes",
        "published": "2025-01-20T07:30:00+01:00",
        "paragraphs": [
            "L'université de Rennes ouvre sa grande bibliothèque jusqu'à minuit pendant les examens, une première "
            "dans la région.",
            "« Beaucoup d'étudiants travaillent le soir pour payer leurs études, ils ont besoin d'un lieu calme », "
            "explique la directrice des bibliothèques, Anne-Sophie Kerjean.",
            "Trois cents places assises seront disponibles et des vigiles assureront la sécurité du bâtiment.",
            "L'expérience durera six semaines avant un premier bilan au printemps.",
        ],
    },
}
SITE = "La Gazette de l'Ouest"


def html_page(name: str, *, meta: bool = True, charset: str = "utf-8", extra: str = "") -> bytes:
    """An article page as a news site writes it: metadata in <head>, furniture around the body."""
    article = ARTICLES[name]
    head = f'<meta charset="{charset}"><title>{article["title"]} | {SITE}</title>'
    if meta:
        head += (
            f'<meta property="og:title" content="{article["title"]}">'
            f'<meta property="og:site_name" content="{SITE}">'
            f'<meta property="article:published_time" content="{article["published"]}">'
        )
    body = "".join(f"<p>{p}</p>" for p in article["paragraphs"])
    page = (
        f'<!doctype html><html lang="fr"><head>{head}</head><body>'
        "<nav><a href='/'>Accueil</a> | <a href='/sport'>Sport</a> | <a href='/culture'>Culture</a></nav>"
        f"<article><h1>{article['title']}</h1>{body}</article>{extra}"
        "<footer><p>Nous suivre sur Facebook</p><p>© La Gazette de l'Ouest 2025</p></footer></body></html>"
    )
    return page.encode(charset)
