"""Translation on a Ray cluster (`brief batch --ray`): a pool of actors, each holding the model.

The driver keeps everything else (reading, planning, the cache, records, outputs); only
French units go out, in sub-batches, and English comes back as each one finishes.

- Each actor loads the Argos package once and translates with `ArgosTranslator`.
- Nodes need no shared disk: an actor looks for the package in its node's Argos folder by
  model id; when it is missing, the driver puts the package (zipped) into Ray's object
  store once and the actor installs it into that folder, under the model id, so the next
  actor or run on that node skips both the transfer and the install.
- An actor that dies (killed, node lost) has its sub-batches sent again to the others,
  and a replacement is started; results do not depend on which actor made them.

Ray is optional (`pip install -e ".[ray]"`): this module imports it only when a pool is
started, and nothing else in `brief` imports this module unless `--ray` is given.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from translator.batch.backends.recipe import ArgosModel
from translator.translation.engine import AUTO_BATCH_SENTENCES, ArgosTranslator, DecodingOptions, package_model_id, packages_dir
from translator.errors import BriefError, ModelError
from translator.imports import heavy_imports

if TYPE_CHECKING:
    from argostranslate.package import Package

INSTALL_HINT = 'pip install -e ".[ray]"'
# Sub-batches queued per actor: one running, one waiting, so an actor never idles
# while the driver handles a result.
IN_FLIGHT_PER_ACTOR = 2
# Sub-batch size when `translate` splits a call itself: about one CTranslate2 batch
# (a sub-batch of similar lengths), so each actor call is as efficient as a local one.
SUB_BATCH_UNITS = AUTO_BATCH_SENTENCES
CONNECT_TIMEOUT_SECONDS = 5.0
AUTH_REFUSED = b"InvalidAuthToken"  # in Ray's log when a cluster with token authentication refuses us
NICENESS_VARIABLE = "RAY_worker_niceness"
ACTOR_START_TIMEOUT_SECONDS = 600.0
# Replacements for dead actors, per actor of the pool, before the run gives up.
REPLACEMENTS_PER_ACTOR = 3


class RayClusterError(BriefError):
    """Ray is not installed, the cluster cannot be reached, or it lost every actor."""

    exit_code = 5


def import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RayClusterError(f"--ray needs Ray, which is not installed; install it with: {INSTALL_HINT}") from None
    return ray


def parse_address(address: str) -> tuple[str, int] | None:
    """host and port of `ray://host:port` or `host:port`; None for `auto`/`local`."""
    if address in ("auto", "local"):
        return None
    rest = address.removeprefix("ray://")
    host, sep, port = rest.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise RayClusterError(f"--ray {address}: expected auto, ray://HOST:PORT or HOST:PORT")
    return host.strip("[]"), int(port)


def _auto_address() -> str | None:
    """Where `auto` leads (RAY_ADDRESS or the last `ray start` on this machine), if Ray says."""
    try:
        from ray._private.services import canonicalize_bootstrap_address  # private: best effort only

        return canonicalize_bootstrap_address("auto")
    except Exception:  # noqa: BLE001 - then ray.init finds out itself
        return None


def check_reachable(address: str) -> None:
    """Fail fast with one line: Ray itself retries an unreachable cluster for a long time."""
    target = _auto_address() if address == "auto" else address
    host_port = parse_address(target) if target else None
    if host_port is None:
        return
    try:
        socket.create_connection(host_port, timeout=CONNECT_TIMEOUT_SECONDS).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise RayClusterError(f"cannot reach the Ray cluster at {address}: {reason}") from None


def connect(address: str, ray: Any) -> bool:
    """Join the cluster at `address` (`local`: start one for this run); True if this call started Ray."""
    if ray.is_initialized():  # e.g. a test or a notebook that called ray.init itself
        return False
    check_reachable(address)
    # ray.init installs its own SIGTERM handler; keep brief's (kill = Ctrl-C: finished work stays).
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    if address == "local":
        options["_node_ip_address"] = "127.0.0.1"  # a cluster for this run only: not on the network
    ray_log = tempfile.TemporaryFile()
    try:
        with _stderr_to(ray_log), _local_workers_not_niced(address):
            ray.init(address=address, **options)
    except Exception as exc:  # noqa: BLE001 - Ray raises ConnectionError, ValueError, RuntimeError...
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        ray_log.seek(0)
        if AUTH_REFUSED in ray_log.read():
            first = (
                "the cluster wants its token: set RAY_AUTH_MODE=token, and RAY_AUTH_TOKEN "
                "(or ~/.ray/auth_token) to the cluster's token, here too"
            )
        raise RayClusterError(f"cannot connect to the Ray cluster at {address}: {first}") from None
    finally:
        ray_log.close()
        for sig, handler in handlers.items():
            if handler is not None:
                try:
                    signal.signal(sig, handler)
                except ValueError:  # not the main thread: Ray did not install handlers either
                    pass
    return True


@contextmanager
def _local_workers_not_niced(address: str) -> Iterator[None]:
    """A cluster started for this run runs its actors at normal priority, as `--workers` does.

    Ray starts workers at nice 15 (so that its own services come first on a shared node);
    on a busy machine that would leave the run's only real work behind everything else.
    """
    if address != "local" or NICENESS_VARIABLE in os.environ:
        yield
        return
    os.environ[NICENESS_VARIABLE] = "0"  # read by the raylet that ray.init starts
    try:
        yield
    finally:
        del os.environ[NICENESS_VARIABLE]


@contextmanager
def _stderr_to(sink: IO[bytes]) -> Iterator[None]:
    """Send file descriptor 2 to `sink` meanwhile: Ray's C++ core logs every retry there."""
    sys.stderr.flush()
    saved = os.dup(2)
    os.dup2(sink.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


# --- the package on each node ----------------------------------------------------------------


def package_archive(pkg: "Package", model_id: str) -> bytes:
    """The package folder as a zip whose top folder is the model id (stored: weights do not compress)."""
    buffer = io.BytesIO()
    root = Path(pkg.package_path)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, f"{model_id}/{path.relative_to(root).as_posix()}")
    return buffer.getvalue()


def installed_package(model_id: str) -> "Package | None":
    """The package with this model id in this node's Argos folders, if any."""
    from argostranslate import package as argos_package

    for pkg in argos_package.get_installed_packages():
        if pkg.type == "translate" and package_model_id(pkg) == model_id:
            return pkg
    return None


def install_package(model_id: str, archive: bytes) -> tuple["Package", bool]:
    """This node's package with `model_id`, installed from `archive` unless it is there; True if installed.

    Like argostranslate's install_from_path, but into ARGOS_PACKAGES_DIR/<model id>,
    under a lock (actors of one node start together: one installs, the others wait)
    and extracted beside the folder, then renamed into place, so a killed actor never
    leaves half a package.
    """
    from argostranslate import package as argos_package
    from filelock import FileLock  # a dependency of Ray itself

    target = Path(packages_dir()) / model_id
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.parent.parent / f".brief-install-{model_id}.lock")):
        pkg = installed_package(model_id)
        if pkg is not None:
            return pkg, False
        staging = Path(tempfile.mkdtemp(prefix=".brief-install-", dir=target.parent.parent))
        try:
            with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
                zipped.extractall(staging)
            os.replace(staging / model_id, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    pkg = argos_package.Package(target)
    if package_model_id(pkg) != model_id:
        raise ModelError(f"{target} holds another model than {model_id}; remove that folder and run again")
    return pkg, True


class TranslationActor:
    """One Ray actor: the model loaded once, translating the sub-batches sent to it."""

    def __init__(self) -> None:
        self.translator: ArgosTranslator | None = None

    def load(self, model_id: str, decoding: DecodingOptions) -> bool:
        """Load the package if this node has it; False means: send it with `install`."""
        pkg = installed_package(model_id)
        if pkg is not None:
            self.translator = ArgosTranslator(pkg, decoding)
        return pkg is not None

    def install(self, model_id: str, decoding: DecodingOptions, archive: list) -> bool:
        """Install the package from the object store (`archive` holds its one ref), then load it.

        True if this actor installed it (False: another actor of its node just did).
        """
        import ray

        pkg, installed = install_package(model_id, ray.get(archive[0]))
        self.translator = ArgosTranslator(pkg, decoding)
        return installed

    def translate(self, texts: list[str]) -> list[str]:
        assert self.translator is not None, "load() or install() runs first"
        return self.translator.translate(texts)


# --- the driver side --------------------------------------------------------------------------


def _last_line(exc: BaseException) -> str:
    """Ray's errors run over many lines (traceback, actor details); the last one says what happened."""
    cause = getattr(exc, "cause", None)
    lines = str(cause if cause is not None else exc).strip().splitlines()
    return lines[-1].strip() if lines else type(exc).__name__


def _brief_error(exc: BaseException) -> BaseException:
    """The BriefError an actor raised, if that is what Ray wraps; else a one-line cluster error."""
    cause = getattr(exc, "cause", None)
    if isinstance(cause, BriefError):
        return cause
    return RayClusterError(f"translation failed on the Ray cluster: {_last_line(exc)}")


class RayTranslator:
    """A TextTranslator whose work runs on a pool of Ray actors.

    `translate_batches` yields each sub-batch's English as soon as it is done (any
    order); `translate` splits one call into sub-batches and puts the results back in
    order.
    """

    runs_elsewhere = True  # a Ctrl-C stops at once: the actors' results would be lost anyway

    def __init__(
        self, pkg: "Package", model_id: str, decoding: DecodingOptions, address: str = "local", actors: int = 0
    ) -> None:
        self.ray = import_ray()
        self.model_id = model_id
        self._package = pkg
        self._archive_ref: Any = None
        self.started_ray = connect(address, self.ray)
        cpus = max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        count = actors or max(1, cpus // 2)
        threads = decoding.intra_threads or max(1, cpus // count)
        self.decoding = replace(decoding, intra_threads=threads)
        # Reserve the CPUs the threads use, so Ray spreads actors over nodes that have them.
        self._actor_class = self.ray.remote(TranslationActor).options(
            num_cpus=min(threads, cpus / count), max_restarts=0, scheduling_strategy="SPREAD"
        )
        self.replacements_left = REPLACEMENTS_PER_ACTOR * count
        self.installs = 0  # times an actor installed the package on its node
        self.retried = 0  # sub-batches sent again after their actor died
        self.actors: list[Any] = self._start(count)

    # -- pool --

    def _start(self, count: int) -> list[Any]:
        """Start `count` actors, ship the package to those whose node lacks it, wait until all loaded."""
        ray = self.ray
        actors = [self._actor_class.remote() for _ in range(count)]
        try:
            found = ray.get([actor.load.remote(self.model_id, self.decoding) for actor in actors],
                            timeout=ACTOR_START_TIMEOUT_SECONDS)
            missing = [actor for actor, ok in zip(actors, found) if not ok]
            if missing:
                if self._archive_ref is None:
                    self._archive_ref = ray.put(package_archive(self._package, self.model_id))
                installed = ray.get(
                    [actor.install.remote(self.model_id, self.decoding, [self._archive_ref]) for actor in missing],
                    timeout=ACTOR_START_TIMEOUT_SECONDS,
                )
                self.installs += sum(installed)
        except ray.exceptions.GetTimeoutError:
            raise RayClusterError(
                f"the Ray actors did not start within {ACTOR_START_TIMEOUT_SECONDS:.0f}s; "
                "does the cluster have free CPUs (see `ray status`)?"
            ) from None
        except (ray.exceptions.RayTaskError, ray.exceptions.RayActorError) as exc:
            raise _brief_error(exc) from None
        return actors

    def _replace(self, actor: Any, error: BaseException) -> None:
        """Drop a dead actor and start another in its place (only once per dead actor)."""
        if actor not in self.actors:
            return
        self.actors.remove(actor)
        if self.replacements_left <= 0:
            if not self.actors:
                raise RayClusterError(f"every Ray actor died; the last said: {_last_line(error)}")
            return  # the others carry on
        self.replacements_left -= 1
        try:
            self.actors += self._start(1)
        except RayClusterError:
            if not self.actors:
                raise

    def close(self) -> None:
        """Stop the actors (and the local cluster, if this translator started it)."""
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []
        if self.started_ray:
            self.ray.shutdown()
            self.started_ray = False

    # -- translation --

    def translate_batches(self, batches: Iterable[Sequence[str]]) -> Iterator[tuple[int, list[str]]]:
        """Yield (index, English) for each batch as its actor finishes it, in any order."""
        ray = self.ray
        queue = deque((index, list(texts)) for index, texts in enumerate(batches))
        running: dict[Any, tuple[int, list[str], Any]] = {}

        def submit() -> None:
            while queue and self.actors:
                busy = {actor: 0 for actor in self.actors}
                for _, _, actor in running.values():
                    if actor in busy:
                        busy[actor] += 1
                actor = min(self.actors, key=busy.__getitem__)
                if busy[actor] >= IN_FLIGHT_PER_ACTOR:
                    return
                index, texts = queue.popleft()
                running[actor.translate.remote(texts)] = (index, texts, actor)

        try:
            submit()
            while running:
                (ref,), _ = ray.wait(list(running), num_returns=1)
                index, texts, actor = running.pop(ref)
                try:
                    english = ray.get(ref)
                except ray.exceptions.RayActorError as exc:
                    self.retried += 1
                    queue.appendleft((index, texts))
                    self._replace(actor, exc)
                    submit()
                    continue
                except ray.exceptions.RayTaskError as exc:
                    raise _brief_error(exc) from None
                submit()
                yield index, english
            if queue:  # cannot happen: _replace raises when no actor is left
                raise RayClusterError("no Ray actor left to translate on")
        finally:
            for ref in running:  # the caller stopped early (Ctrl-C, an error): drop queued work
                try:
                    ray.cancel(ref)
                except Exception:  # noqa: BLE001 - best effort; the actors go when the driver does
                    pass

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate `texts` in sub-batches spread over the actors; results in input order.

        Sorted by length first, as CTranslate2 does inside one call: a sub-batch of
        similar lengths wastes no decoding steps on padding, and the longest go out
        first, so the pool does not wait on one long sub-batch at the end.
        """
        order = sorted(range(len(texts)), key=lambda index: len(texts[index]), reverse=True)
        batches = [order[start : start + SUB_BATCH_UNITS] for start in range(0, len(order), SUB_BATCH_UNITS)]
        english: list[str] = [""] * len(texts)
        for number, results in self.translate_batches([[texts[index] for index in batch] for batch in batches]):
            for index, text in zip(batches[number], results, strict=True):
                english[index] = text
        return english


class RayModel(ArgosModel):
    """The installed fr→en package (same model id and cache key as ArgosModel), run on Ray actors.

    `address`: `local` starts a cluster for this run; `auto` joins the one `ray start`
    made on this machine (or RAY_ADDRESS); `ray://HOST:PORT` or `HOST:PORT` join a remote
    one. `actors`: pool size (0: one per 2 CPUs of the cluster). Threads per actor come
    from `decoding.intra_threads`, or else the cluster's CPUs shared among the actors.
    """

    def __init__(self, decoding: DecodingOptions | None = None, address: str = "local", actors: int = 0) -> None:
        import_ray()  # before any work: say how to install it
        parse_address(address)
        super().__init__(decoding)
        self.address = address
        self.actors = actors

    def load(self) -> RayTranslator:
        from translator.translation.engine import find_package

        # Starting or joining the cluster imports much of Ray (pydantic among it), which
        # must not run while the batch's producer imports spaCy (see translator.imports).
        with heavy_imports:
            return RayTranslator(find_package(), self.model_id, self.decoding, self.address, self.actors)
