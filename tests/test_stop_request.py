"""Ctrl-C during a batch: a stop-at-once waits for the files being written to be whole."""

from __future__ import annotations

import os
import signal

import pytest

from translator.batch.stopping import StopRequest
from translator.files import write_atomic


def test_first_signal_only_asks_to_stop() -> None:
    with StopRequest() as stop:
        os.kill(os.getpid(), signal.SIGINT)
        assert stop.requested


def test_stop_at_once_raises_outside_a_write() -> None:
    with StopRequest() as stop:
        stop.at_once = True
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            signal.sigtimedwait([], 0)  # give Python a bytecode boundary to run the handler


def test_stop_at_once_waits_for_the_files_being_written(tmp_path) -> None:
    written = []
    with StopRequest() as stop:
        stop.at_once = True
        with pytest.raises(KeyboardInterrupt):
            with stop.writing():
                os.kill(os.getpid(), signal.SIGTERM)
                for name in ("brief.md", "record.json"):
                    write_atomic(tmp_path / name, "whole\n")
                    written.append(name)
    assert written == ["brief.md", "record.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md", "record.json"]  # no temp file left
    assert stop.requested


def test_an_error_inside_a_write_is_not_replaced_by_the_stop() -> None:
    with StopRequest() as stop:
        stop.at_once = True
        with pytest.raises(ValueError):
            with stop.writing():
                os.kill(os.getpid(), signal.SIGINT)
                raise ValueError("disk trouble")


def test_the_previous_handlers_come_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with StopRequest():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before
