"""Everything that writes into a folder a runtime reads.

Rules kept here: a file appears at its final path only complete and verified (hard link or rename
from a staging folder inside the same destination folder, so always the same filesystem); a
different existing file is never replaced (moved aside to a backup name only when the user says
--force); a bad download is moved to a quarantine name that ComfyUI does not list (it only lists
known model extensions); one install at a time per folder (a lock file), which also makes every
``*.incomplete`` found under the staging folder an orphan of a killed run, safe to delete.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

STATE_DIR = ".klein-doctor"
FREE_MARGIN = 512 << 20  # keep this much free after everything lands
FAKE_FREE_ENV = "KLEIN_DOCTOR_FAKE_FREE_BYTES"  # tests: pretend every folder has this many bytes free


def state_dir(folder: Path) -> Path:
    return folder / STATE_DIR


def staging_dir(folder: Path) -> Path:
    return state_dir(folder) / "staging"


class FolderLock:
    """An exclusive lock on one destination folder (``.klein-doctor/install.lock``)."""

    def __init__(self, folder: Path, say=print):
        from filelock import FileLock, Timeout  # lazy: huggingface_hub's own dependency

        state_dir(folder).mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(state_dir(folder) / "install.lock"))
        self._timeout = Timeout
        self.folder = folder
        self.say = say

    def __enter__(self) -> "FolderLock":
        try:
            self._lock.acquire(timeout=0.2)
        except self._timeout:
            self.say(f"another klein-doctor install is writing to {self.folder}; waiting for it to finish ...")
            self._lock.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def partial_path(folder: Path, name: str, sha256: str | None) -> Path:
    """Where the bytes of ``name`` collect while they arrive; named after the expected sha256 so that a
    partial file is only ever resumed towards the same file (a changed manifest starts a new one)."""
    return staging_dir(folder) / "partial" / f"{name}.{(sha256 or 'nohash')[:16]}.incomplete"


def clean_orphans(folder: Path, keep: set[Path] | None = None) -> list[tuple[Path, int]]:
    """Delete ``*.incomplete`` left by a killed run that no planned file will resume (call with the folder
    lock held, so none of them is being written). ``install`` owns downloads, so it is the one that cleans
    them up; ``check`` only reports them."""
    removed = []
    root = staging_dir(folder)
    if root.is_dir():
        for p in root.rglob("*.incomplete"):
            if keep and p in keep:
                continue
            try:
                size = p.stat().st_size
                p.unlink()
                removed.append((p, size))
            except OSError:
                pass
    return removed


def free_bytes(folder: Path) -> int:
    fake = os.environ.get(FAKE_FREE_ENV)
    if fake:
        return int(fake)
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def device_of(folder: Path) -> int:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return probe.stat().st_dev


def quarantine(bad: Path, folder: Path, name: str, actual_sha: str) -> Path:
    qdir = state_dir(folder) / "quarantine"
    qdir.mkdir(parents=True, exist_ok=True)
    target = qdir / f"{name}.{actual_sha[:12]}.quarantined"
    os.replace(bad, target)
    return target


def backup_name(dest: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    cand = dest.with_name(f"{dest.name}.backup-{stamp}")
    i = 1
    while cand.exists():
        cand = dest.with_name(f"{dest.name}.backup-{stamp}-{i}")
        i += 1
    return cand


class Occupied(Exception):
    """The final path holds a file we did not expect (appeared while we worked)."""


def place(staged: Path, dest: Path) -> None:
    """Make ``staged`` (complete, verified, same filesystem) appear at ``dest`` in one step.

    A hard link creates the name only if it does not exist (never overwrites); where links are not
    supported, an exists check then a rename (the folder lock keeps our own installs out of the gap).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(staged, dest)
    except FileExistsError as exc:
        raise Occupied(str(dest)) from exc
    except OSError:
        if dest.exists():
            raise Occupied(str(dest)) from None
        os.replace(staged, dest)
        return
    staged.unlink()


def link_or_copy(src: Path, dst: Path) -> str:
    """Reuse a blob: a hard link when on the same filesystem, else a copy. Returns 'linked'/'copied'."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.exists():
        dst.unlink()
    try:
        os.link(src, dst)
        return "linked"
    except OSError:
        tmp = dst.with_name(dst.name + ".copy.incomplete")
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
        return "copied"
