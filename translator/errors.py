"""Errors that carry a one-line message meant for the person running `brief`."""

from __future__ import annotations


class BriefError(Exception):
    """Base class: the message is shown as is, without a traceback."""

    exit_code = 1


class InputError(BriefError):
    """The input cannot be read, decoded or used as a French article."""


class NotFrenchError(InputError):
    """The text is readable but does not look like French."""


class FetchError(InputError):
    """A page or feed could not be fetched: network, HTTP status, robots.txt, limits."""

    exit_code = 6


class ModelError(BriefError):
    """The fr→en Argos model is missing, unusable or cannot be installed."""

    exit_code = 3


class ModelNotInstalledError(ModelError):
    """No installed Argos package translates fr→en."""

    def __init__(self, packages_dir: str) -> None:
        super().__init__(
            f"no French→English Argos model is installed (looked in {packages_dir}); "
            "run `brief models install` (online) or "
            "`brief models install --file PATH.argosmodel` (offline)"
        )


class OutputError(BriefError):
    """An output cannot be written: missing or read-only folder, disk full."""

    exit_code = 4
