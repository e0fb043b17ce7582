"""The fix journal: every change is written down before it is made, so `fix --undo` (or a rollback after a
failed step) can put things back — also after a `kill -9` in the middle of a step.

One journal per `fix` run: ``<dir>/.klein-doctor/fix-<time>.json``. Each operation is appended with
``state: "started"`` and saved (atomically, fsynced) before it touches anything, then marked ``"done"``.
Undo walks the operations backwards and reverses each one that started, whatever its state, by looking
at what is on disk (a move is reversed only if its target exists and its source does not). Nothing the
user owns is deleted: replaced files are moved or copied into the journal's backup folder first.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

SCHEMA = "klein-doctor/fix-journal/1"


def state_dir() -> Path:
    """The user's klein-doctor state folder (the index of journals lives here)."""
    if os.environ.get("KLEIN_DOCTOR_STATE_DIR"):
        return Path(os.environ["KLEIN_DOCTOR_STATE_DIR"]).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "klein-doctor"
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "klein-doctor"


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def stamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def sha256(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class UndoError(Exception):
    pass


class Journal:
    def __init__(self, folder: Path, data: dict[str, Any] | None = None, path: Path | None = None):
        self.folder = folder
        if data is None:
            folder.mkdir(parents=True, exist_ok=True)
            name = f"fix-{stamp()}"
            path = folder / f"{name}.json"
            n = 1
            while path.exists():
                n += 1
                path = folder / f"{name}-{n}.json"
            data = {"schema": SCHEMA, "started": _now(), "status": "running", "argv": sys.argv[1:], "ops": [],
                    "repairs": []}
        self.path = path or folder / "fix.json"
        self.data = data
        self.backups = self.path.with_suffix("")  # fix-<time>/ beside the json
        if not path or data.get("status") == "running":
            self.save()
            _index_add(self.path)

    # --------------------------------------------------------------------------------- bookkeeping
    @classmethod
    def load(cls, path: Path) -> "Journal":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA:
            raise UndoError(f"{path} is not a klein-doctor fix journal")
        return cls(path.parent, data, path)

    def save(self) -> None:
        self.data["updated"] = _now()
        _atomic_write(self.path, json.dumps(self.data, indent=1))

    def begin_repair(self, rid: str, title: str, codes: list[str]) -> None:
        self.data["repairs"].append({"id": rid, "title": title, "codes": codes, "result": "started"})
        self.current = rid
        self.save()

    def end_repair(self, rid: str, result: str, detail: str = "") -> None:
        for r in self.data["repairs"]:
            if r["id"] == rid:
                r["result"], r["detail"] = result, detail
        self.save()

    def _start(self, op: dict[str, Any]) -> dict[str, Any]:
        op.update(state="started", repair=getattr(self, "current", None), at=_now())
        self.data["ops"].append(op)
        self.save()
        return op

    def _done(self, op: dict[str, Any], **extra: Any) -> None:
        op.update(extra)
        op["state"] = "done"
        self.save()

    def backup_path(self, name: str) -> Path:
        self.backups.mkdir(parents=True, exist_ok=True)
        p = self.backups / name
        n = 1
        while p.exists():
            n += 1
            p = self.backups / f"{n}-{name}"
        return p

    def finish(self, status: str) -> None:
        self.data["status"] = status
        self.data["finished"] = _now()
        self.save()

    # --------------------------------------------------------------------------------- operations
    def move(self, src: Path, dst: Path, why: str) -> None:
        """Rename a file (never over an existing one)."""
        if dst.exists():
            raise FileExistsError(f"{dst} already exists; not overwriting it")
        op = self._start({"op": "move", "src": str(src), "dst": str(dst), "why": why})
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(src, dst)
        except OSError:
            shutil.move(str(src), str(dst))
        self._done(op)

    def create(self, path: Path, text: str, why: str) -> None:
        """Write a new file (refuses to replace one)."""
        if path.exists():
            raise FileExistsError(f"{path} already exists; not overwriting it")
        op = self._start({"op": "create", "path": str(path), "why": why})
        _atomic_write(path, text)
        self._done(op, sha256=sha256(path))

    def edit(self, path: Path, data: bytes, why: str) -> None:
        """Replace a file's content, keeping a copy of the old content in the backup folder."""
        backup = self.backup_path(path.name)
        op = self._start({"op": "edit", "path": str(path), "backup": str(backup), "why": why})
        shutil.copy2(path, backup)
        tmp = path.with_name(path.name + ".klein-doctor.tmp")
        tmp.write_bytes(data)
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
        self._done(op, sha256=sha256(path))

    def set_winreg(self, name: str, why: str) -> None:  # pragma: no cover - Windows only
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, "Environment", 0, winreg.KEY_ALL_ACCESS) as k:
            value, kind = winreg.QueryValueEx(k, name)
            op = self._start({"op": "winreg-delete", "name": name, "value": value, "kind": kind, "why": why})
            winreg.DeleteValue(k, name)
        self._done(op)

    def run(self, argv: list[str], why: str, cwd: str | None = None, undo: dict[str, Any] | None = None,
            timeout: float | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run a command; ``undo`` says how to reverse it (e.g. {"git_reset": sha, "cwd": root})."""
        op = self._start({"op": "run", "argv": argv, "cwd": cwd, "why": why, "undo": undo or {}})
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, env=env)
        self._done(op, rc=proc.returncode, tail=(proc.stdout + proc.stderr)[-2000:])
        return proc

    def record(self, op: dict[str, Any]) -> dict[str, Any]:
        """For steps that do their own work (package swaps): start an entry the caller updates and finishes."""
        return self._start(op)

    def update(self, op: dict[str, Any], **extra: Any) -> None:
        op.update(extra)
        self.save()

    def done(self, op: dict[str, Any], **extra: Any) -> None:
        self._done(op, **extra)

    # --------------------------------------------------------------------------------- undo
    def undo(self, repair: str | None = None, say: Callable[[str], None] = lambda s: None) -> list[str]:
        """Reverse every started operation (of one repair, or all), newest first. Returns problems."""
        from . import pkgs

        problems: list[str] = []
        for op in reversed(self.data["ops"]):
            if op.get("undone") or (repair is not None and op.get("repair") != repair):
                continue
            try:
                kind = op["op"]
                if kind == "move":
                    src, dst = Path(op["src"]), Path(op["dst"])
                    if dst.exists() and not src.exists():
                        src.parent.mkdir(parents=True, exist_ok=True)
                        os.rename(dst, src)
                        say(f"  moved back {dst} -> {src}")
                    elif dst.exists() and src.exists():
                        # something new stands at the old name (an installed file): keep both, ours aside
                        aside = self.backup_path(src.name + ".installed-by-fix")
                        os.rename(src, aside)
                        os.rename(dst, src)
                        say(f"  moved back {dst} -> {src} (the file fix had put there is kept at {aside})")
                elif kind == "create":
                    p = Path(op["path"])
                    if p.exists() and (op.get("sha256") is None or sha256(p) == op.get("sha256")):
                        p.unlink()
                        say(f"  removed {p} (written by fix)")
                    elif p.exists():
                        problems.append(f"{p} was changed after fix wrote it; left in place")
                elif kind == "edit":
                    p, b = Path(op["path"]), Path(op["backup"])
                    if b.exists():
                        shutil.copy2(b, p)
                        say(f"  restored {p}")
                elif kind == "run":
                    u = op.get("undo") or {}
                    for nf in u.get("new_files") or []:
                        p = Path(nf)
                        if p.exists():
                            aside = self.backup_path(p.name + ".installed-by-fix")
                            os.rename(p, aside) if _same_fs(p, aside.parent) else shutil.move(str(p), str(aside))
                            say(f"  set aside {p} (installed by fix) -> {aside}")
                    if u.get("git_reset"):
                        subprocess.run(["git", "-C", u["cwd"], "reset", "--keep", u["git_reset"]],
                                       capture_output=True, check=True)
                        say(f"  {u['cwd']}: git reset --keep {u['git_reset'][:12]}")
                    elif u.get("note"):
                        problems.append(u["note"])
                elif kind == "pkgswap":
                    problems += pkgs.undo_swap(op, say) or []
                elif kind == "winreg-delete":  # pragma: no cover - Windows only
                    import winreg

                    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, "Environment", 0, winreg.KEY_ALL_ACCESS) as k:
                        winreg.SetValueEx(k, op["name"], 0, op["kind"], op["value"])
                    say(f"  restored the user environment variable {op['name']}")
                op["undone"] = _now()
                self.save()
            except Exception as exc:  # noqa: BLE001 - keep undoing the rest, report this one
                problems.append(f"{op.get('op')} {op.get('path') or op.get('dst') or op.get('argv')}: {exc}")
        return problems


def _same_fs(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def _index() -> Path:
    return state_dir() / "journals.json"


def _index_add(path: Path) -> None:
    idx = _index()
    try:
        idx.parent.mkdir(parents=True, exist_ok=True)
        items = json.loads(idx.read_text(encoding="utf-8")) if idx.exists() else []
    except (OSError, ValueError):
        items = []
    if str(path) not in items:
        items.append(str(path))
        try:
            _atomic_write(idx, json.dumps(items[-200:], indent=1))
        except OSError:
            pass


def latest(extra_dirs: list[Path] = ()) -> Path | None:
    """The newest journal not yet undone: from the index, plus any .klein-doctor folders named."""
    cands: list[Path] = []
    try:
        cands += [Path(p) for p in json.loads(_index().read_text(encoding="utf-8"))]
    except (OSError, ValueError):
        pass
    for d in extra_dirs:
        cands += sorted(Path(d).glob("fix-*.json"))
    best: tuple[str, Path] | None = None
    for p in cands:
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("schema") != SCHEMA or data.get("status") == "undone" or not data.get("ops"):
            continue
        key = data.get("started", "") + p.name
        if best is None or key > best[0]:
            best = (key, p)
    return best[1] if best else None
