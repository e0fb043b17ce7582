"""One process-wide cancellation flag: set by the first Ctrl-C, polled by long loops (hashing, downloads, probes)."""

from __future__ import annotations

import threading

CANCEL = threading.Event()


class Cancelled(Exception):
    """Raised by a long loop that saw CANCEL set."""


def check() -> None:
    """Raise Cancelled if the user asked to stop; call it once per chunk in every long loop."""
    if CANCEL.is_set():
        raise Cancelled()
