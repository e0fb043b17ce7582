"""`klein-doctor install --path comfyui|diffusers`: verified, resumable, atomic downloads.

Why it exists: by hand, users fetch three files from three repos, guess folders and hope the download
finished. Here the models manifest is validated first (nothing it says can steer a write outside the
chosen folder), every file is planned from it, huggingface_hub says where the bytes are (HEAD, token,
endpoint), installer/fetch.py moves them (resumable with Range, hashed in the same pass, several files at
a time), and a file appears at the path ComfyUI or diffusers loads only when complete and verified.
Imported by the CLI at start-up, so heavy modules load inside functions.

Environment: HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE, HF_HUB_OFFLINE, HF_HUB_DOWNLOAD_TIMEOUT and
HF_HUB_ETAG_TIMEOUT are read through huggingface_hub as usual; KLEIN_DOCTOR_FAKE_FREE_BYTES (tests)
pretends every destination has that many bytes free; KLEIN_DOCTOR_CACHE_DIR moves the sha256 cache.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", choices=["comfyui", "diffusers"], required=True, help="where the files go")
    p.add_argument("--variant", metavar="ID", help="the Klein variant (default: klein-4b-fp8 for comfyui, "
                                                   "klein-4b for diffusers; see manifests/models.toml)")
    p.add_argument("--comfyui", metavar="DIR",
                   help="the ComfyUI folder (files go to DIR/models/<folder>, or to an is_default folder of its "
                        "extra_model_paths.yaml); default: COMFYUI_PATH, the current folder or its parents")
    p.add_argument("--models-dir", metavar="DIR", help="a ComfyUI models folder (instead of --comfyui)")
    p.add_argument("--local-dir", metavar="DIR", help="diffusers: a plain folder instead of the Hugging Face cache")
    p.add_argument("--dry-run", action="store_true", help="show the plan; download nothing, write nothing")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p.add_argument("--force", action="store_true",
                   help="move a different existing file (or a dangling link, a folder) aside to a .backup-<time> "
                        "name instead of stopping")
    p.add_argument("--from", dest="from_dir", metavar="DIR",
                   help="install from a local folder (USB disk, NAS copy) instead of the network; same verification")
    p.add_argument("--manifest", metavar="FILE", help="use this models manifest instead of the built-in one "
                                                      "(validated first: plain file names, known folders)")
    p.add_argument("--jobs", type=int, default=3, metavar="N",
                   help="files downloaded at the same time (default 3; 1 = one after the other, each one "
                        "starting while the last one's hash finishes)")
    p.add_argument("-v", "--verbose", action="store_true", help="show more detail")


# ---------------------------------------------------------------------------------------------- output


from .sizes import human as _human  # noqa: E402 - the one size formatter


class Out:
    """Messages to stderr (scrubbed of tokens and URL credentials), plan and summary to stdout.

    Tables: on a terminal a rich table when it fits the width; otherwise (narrow terminal, or piped) one
    block per row, each long value (paths, URLs, hashes) whole on its own line, so it can be read, copied
    and grepped."""

    def __init__(self, verbose: bool):
        import shutil

        self.verbose = verbose
        self.tty = sys.stderr.isatty()
        self.out_tty = sys.stdout.isatty()
        self.width = shutil.get_terminal_size((80, 24)).columns
        self._lock = __import__("threading").Lock()
        self._progress = None

    def say(self, msg: str) -> None:
        from .installer.transfer import scrub

        with self._lock:
            if self._progress is not None:
                self._progress.console.print(scrub(msg), markup=False, highlight=False)
            else:
                print(scrub(msg), file=sys.stderr, flush=True)

    def print(self, text: str) -> None:
        from .installer.transfer import scrub

        print(scrub(text), flush=True)

    def table(self, title: str, cols: list[str], rows: list[list[str]], key: int = 0) -> None:
        from .installer.transfer import scrub

        rows = [[scrub(x) for x in r] for r in rows]
        if self.out_tty:
            widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
            if sum(widths) + 3 * len(cols) + 1 <= self.width:
                from rich.console import Console
                from rich.table import Table

                t = Table(title=title, title_justify="left")
                for c in cols:
                    t.add_column(c, no_wrap=True)
                for r in rows:
                    t.add_row(*r)
                Console(highlight=False, width=self.width).print(t)
                return
        lines = [title]
        for r in rows:
            lines.append(f"- {r[key]}")
            for i, c in enumerate(cols):
                if i != key and r[i]:
                    lines.append(f"    {c}: {r[i]}")
        print("\n".join(lines), flush=True)

    def bar(self, name: str, total: int | None) -> "Bar":
        return Bar(self, name, total)

    def live(self):
        """A shared rich Progress for all bars (one line per file) on a terminal."""
        if not self.tty:
            return None
        with self._lock:
            if self._progress is None:
                from rich.console import Console
                from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
                                           TransferSpeedColumn)

                self._progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                          TransferSpeedColumn(), TimeRemainingColumn(),
                                          console=Console(stderr=True), transient=False)
                self._progress.start()
            return self._progress

    def stop_live(self) -> None:
        with self._lock:
            if self._progress is not None:
                self._progress.stop()
                self._progress = None


class Bar:
    """Progress of one file: a rich bar on a terminal, else a plain line every 10% (and always 100%).

    ``advance(n)`` counts bytes towards the file (a resumed part's re-hash included); ``advance(-1)``
    means the transfer restarted from byte 0."""

    def __init__(self, out: Out, name: str, total: int | None):
        self.out, self.name, self.total, self.done = out, name, total, 0
        self.t0 = self.last = time.monotonic()
        self.next_pct = 10
        self.live = out.live()
        self.task = self.live.add_task(name, total=total) if self.live is not None else None

    def advance(self, n: int) -> None:
        if n < 0:
            self.done, self.next_pct = 0, 10
            if self.live is not None:
                self.live.update(self.task, completed=0)
            return
        self.done += n
        if self.live is not None:
            self.live.update(self.task, advance=n)
            return
        now = time.monotonic()
        pct = 100 * self.done // self.total if self.total else 0
        if (pct >= self.next_pct and pct < 100) or now - self.last > 5:
            self.next_pct = pct // 10 * 10 + 10
            self.last = now
            self._line(pct, now)

    def _line(self, pct: int, now: float) -> None:
        speed = self.done / max(now - self.t0, 1e-6)
        self.out.say(f"  {self.name}: {pct}% {_human(self.done)} of {_human(self.total)} at {_human(int(speed))}/s")

    def close(self, ok: bool) -> None:
        if self.live is not None:
            if ok and self.total:
                self.live.update(self.task, completed=self.total)
            return
        if ok:
            self._line(100, time.monotonic())


# ---------------------------------------------------------------------------------------------- entry


def cmd_install(args: argparse.Namespace) -> int:
    import signal

    from . import cancel, manifests
    from .installer import fetch
    from .installer.plan import PlanError
    from .installer.transfer import TransferError

    out = Out(getattr(args, "verbose", False))
    if args.manifest:
        mpath = Path(args.manifest).expanduser()
        if not mpath.is_file():
            out.say(f"klein-doctor install: --manifest {mpath}: no such file")
            return EXIT_USAGE
        manifests.set_override("models", mpath)
    for flag, value in (("--comfyui", args.comfyui), ("--models-dir", args.models_dir),
                        ("--local-dir", getattr(args, "local_dir", None)), ("--from", getattr(args, "from_dir", None))):
        # a folder option naming a file: say so before anything is fetched (it would fail half way, or never)
        if value and Path(value).expanduser().exists() and not Path(value).expanduser().is_dir():
            out.say(f"klein-doctor install: {flag} {value} is a file, not a folder")
            return EXIT_USAGE
    try:
        manifest = manifests.load("models")
        if args.path == "comfyui":
            return _comfyui(args, manifest, out)
        return _diffusers(args, manifest, out)
    except manifests.ManifestError as exc:
        out.say(f"klein-doctor install: {exc}")
        return EXIT_USAGE
    except PlanError as exc:
        out.say(f"klein-doctor install: {exc}")
        return EXIT_USAGE
    except TransferError as exc:
        out.say(f"klein-doctor install: {exc}")
        return EXIT_FAIL
    except (KeyboardInterrupt, cancel.Cancelled):
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while we stop changes nothing
        except (ValueError, OSError):
            pass
        cancel.CANCEL.set()
        fetch.abort_all()
        out.stop_live()
        out.say("klein-doctor install: interrupted. Nothing unverified was placed; files already verified stay, "
                "and partial downloads are kept so the same command resumes them.")
        return 130
    finally:
        out.stop_live()


def _confirm(args: argparse.Namespace, out: Out, what: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        out.say(f"not starting: {what}. Pass --yes to confirm when not running interactively.")
        return False
    try:
        answer = input(f"{what}. Continue? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _hf_cache() -> Path | None:
    try:
        from huggingface_hub import constants

        return Path(constants.HF_HUB_CACHE)
    except Exception:  # noqa: BLE001
        return None


def _validate(manifest: dict[str, Any], args: argparse.Namespace, extra: set[str] | None = None) -> None:
    from .installer.plan import PlanError, validate

    source = str(Path(args.manifest).expanduser()) if args.manifest else "manifests/models.toml"
    errs = validate(manifest, source, extra)
    if errs:
        shown = errs[:20] + ([f"... and {len(errs) - 20} more"] if len(errs) > 20 else [])
        raise PlanError("the models manifest is not valid; nothing was done:\n  " + "\n  ".join(shown))


def _run_parallel(jobs: int, work: list, fn, overlap: bool = True) -> None:
    """Run ``fn(item)`` for each item with at most ``jobs`` bodies on the wire at once. With ``overlap`` two more
    threads than that let the next file's transfer start while a finished transfer's sha256 catches up (the
    link never waits for the hash; the cores hash files side by side). Ctrl-C (or cancel.CANCEL) stops them
    within a second: the sockets are shut down, the loops see the flag, and the caller's handler exits 130."""
    import queue
    import threading

    from . import cancel
    from .installer import fetch

    q: queue.Queue = queue.Queue()
    for w in work:
        q.put(w)
    errors: list[BaseException] = []
    jobs = max(1, jobs)
    link = fetch.set_streams(jobs)
    take = threading.Lock()   # an item and its ticket are taken together: the link serves the plan's order

    def worker() -> None:
        while not cancel.CANCEL.is_set():
            with take:
                try:
                    item = q.get_nowait()
                except queue.Empty:
                    return
                ticket = link.ticket() if link is not None else None
            fetch.set_ticket(ticket)
            try:
                fn(item)
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                errors.append(exc)
                return
            finally:
                fetch.set_ticket(None)
                if link is not None and ticket is not None:
                    link.done(ticket)

    n_threads = min(len(work), jobs + 2) if overlap else jobs
    threads = [threading.Thread(target=worker, daemon=True, name=f"install-{n}") for n in range(max(1, n_threads))]
    for t in threads:
        t.start()
    try:
        while any(t.is_alive() for t in threads):
            for t in threads:
                t.join(0.05)
            if cancel.CANCEL.is_set():
                raise cancel.Cancelled()
    except BaseException:
        cancel.CANCEL.set()
        fetch.abort_all()
        deadline = time.monotonic() + 0.8
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
        raise
    finally:
        fetch.set_streams(None)
    for exc in errors:
        if isinstance(exc, cancel.Cancelled):
            raise exc
    if errors:
        raise errors[0]


# ---------------------------------------------------------------------------------------------- comfyui


def _comfyui(args: argparse.Namespace, manifest: dict[str, Any], out: Out) -> int:
    from contextlib import ExitStack

    from .installer import place as pl
    from .installer.plan import PlanError, comfy_destinations, comfy_items, no_such_folder, pick_variant

    _validate(manifest, args)
    variant = pick_variant(manifest, "comfyui", args.variant)
    models, dests, notes = comfy_destinations(Path(args.models_dir) if args.models_dir else None,
                                              Path(args.comfyui) if args.comfyui else None)
    items = comfy_items(variant, models, dests)
    for i in items:  # the schema already forbids it; this is the last guard before any write
        root = dests.get(i.folder, models / i.folder)
        if i.dest.parent != root or i.dest.name != i.name or i.name in ("", ".", ".."):
            raise PlanError(f"{i.name}: destination {i.dest} is outside {root}; refusing")
    from_dir = Path(args.from_dir).expanduser().resolve() if args.from_dir else None
    if from_dir is not None and not from_dir.is_dir():
        raise PlanError(no_such_folder("--from", args.from_dir, from_dir))
    out.say(f"Klein variant {variant['id']}: {variant.get('label', '')}")
    out.say(f"ComfyUI models folder: {models}")
    for n in notes:
        out.say(f"  extra_model_paths.yaml: {n}")
    if from_dir is None:
        from .installer.transfer import endpoint, offline

        out.say(f"source: {endpoint()}" + (" (HF_HUB_OFFLINE is set: offline mode, nothing can be downloaded)"
                                           if offline() else ""))
    else:
        out.say(f"source: {from_dir} (offline, --from)")
    folders = sorted({i.dest.parent for i in items})
    with ExitStack() as stack:
        if not args.dry_run:
            for f in folders:
                stack.enter_context(pl.FolderLock(f, out.say))
            keep = {pl.partial_path(i.dest.parent, i.name, i.sha256) for i in items}
            for f in folders:
                for p, size in pl.clean_orphans(f, keep):
                    out.say(f"removed a partial download left by an interrupted run that this plan does not need: "
                            f"{p.name} ({_human(size)})")
        code = _assess(items, models, from_dir, args, out)
        if code is not None:
            return code
        if not args.dry_run:
            _drop_spent_partials(items, out)
        _print_plan(items, out, from_dir)
        if args.dry_run:
            return EXIT_OK
        missing = [i for i in items if i.action == "missing"]
        conflicts = [i for i in items if i.action == "conflict"]
        if conflicts and not args.force:
            for i in conflicts:
                out.say(f"STOP: {i.dest} exists and is not the expected file ({i.note}). It was left untouched. "
                        "Move it away yourself, or rerun with --force to move it aside to a .backup-<time> name.")
            return EXIT_FAIL
        if not _disk_ok(items, out):
            return EXIT_FAIL
        todo = [i for i in items if i.action in ("fetch", "reuse", "conflict")]
        if not todo and not missing:
            out.say("everything is already in place and verified")
        elif todo and not _confirm(args, out, f"{len(todo)} file(s) to install, "
                                              f"{_human(sum(i.size or 0 for i in todo))}"):
            return EXIT_FAIL
        from .hashing import HashCache

        from .installer import fetch

        cache = HashCache()
        network_down = []

        def one(i) -> None:
            if network_down and i.reuse_from is None:
                i.result = "not attempted (network)"
                return
            try:
                if not _install_one(i, args, out, cache) and i.result == "FAILED: network":
                    network_down.append(i)  # the others would only wait through the same outage
                    fetch.close_link()      # those already waiting for the link too
            except fetch.LinkClosed:
                i.result = "not attempted (network)"

        jobs = max(1, int(getattr(args, "jobs", 3) or 1))
        t_all = time.monotonic()
        _run_parallel(jobs, todo, one, overlap=from_dir is None)
        if args.verbose and todo:
            moved = sum(i.size or 0 for i in todo if i.result.startswith("installed"))
            out.say(f"transfers: {_human(moved)} with {jobs} stream(s) in {time.monotonic() - t_all:.2f} s "
                    "(sha256 computed in the same pass)")
        for i in missing:
            i.result = "NOT INSTALLED: " + i.note
        _summary(items, out)
        ok = all(i.result.startswith("installed") for i in todo) and not missing
        return EXIT_OK if ok else EXIT_FAIL


def _assess(items, models: Path, from_dir: Path | None, args, out: Out) -> int | None:
    """Decide per file: verified / fetch / reuse / conflict / missing; HEAD each download (proves access,
    gets size). Reads only: nothing here writes (``--dry-run`` runs exactly this)."""
    from .hashing import HashCache, digest
    from .installer.plan import reuse_candidates
    from .installer.transfer import TransferError, offline, offline_error, remote
    from .installer.verify import safetensors_problem

    cache = HashCache()
    hf_cache = None if from_dir else _hf_cache()
    for i in items:
        dangling = i.dest.is_symlink() and not i.dest.exists()
        if i.dest.is_file():
            sha = cache.get(i.dest)
            if sha is None and i.accept:
                out.say(f"checking the existing {i.dest.name} ({_human(i.dest.stat().st_size)}) ...")
                bar = out.bar(f"{i.dest.name} (sha256)", i.dest.stat().st_size)
                sha = digest(i.dest, None if args.dry_run else cache, progress=bar.advance)
                bar.close(True)
            if i.accept and sha in i.accept:
                i.action, i.note = "verified", f"sha256 ok ({i.accept[sha]})"
                continue
            if not i.accept:
                prob = safetensors_problem(i.dest)
                if prob is None:
                    i.action, i.note = "unverifiable", "present; no sha256 is known for it, header intact (kept)"
                    continue
                i.action, i.note = "conflict", f"broken: {prob}"
            else:
                i.action = "conflict"
                i.note = f"sha256 {sha} is not {i.sha256 or 'a known hash'}"
        elif dangling:
            try:
                target = os.readlink(i.dest)
            except OSError:
                target = "?"
            i.action, i.note = "conflict", f"a dangling symbolic link to {target}"
        elif i.dest.exists() or i.dest.is_symlink():
            i.action, i.note = "conflict", "a folder or special file is in the way"
        found_wrong: list[str] = []
        for cand in reuse_candidates(i, models, hf_cache, from_dir):
            if i.size is not None and cand.stat().st_size != i.size:
                found_wrong.append(f"{cand} has {cand.stat().st_size} bytes, expected {i.size}")
                continue
            i.reuse_from = cand
            if i.action != "conflict":
                i.action = "reuse"
            break
        if from_dir is not None and i.reuse_from is None:
            if i.action in ("verified", "unverifiable"):
                continue
            if found_wrong:
                i.note = "found but wrong size: " + "; ".join(found_wrong[:3])
            else:
                i.note = (f"not in {from_dir} (looked for {i.name}, {i.folder}/{i.name}, {i.repo_path} and "
                          "anywhere below by name)")
            i.action = "missing"
            out.say(f"{i.name}: {i.note}. Put a good copy into {from_dir}, or run without --from to download it.")
            continue
        if i.reuse_from is None and from_dir is None and i.action != "verified":
            if offline():
                if not args.dry_run:
                    raise offline_error(i.name)
                i.note = (i.note + "; " if i.note else "") + "HF_HUB_OFFLINE is set: cannot be downloaded"
                continue
            try:
                r = remote(i.repo, i.repo_path, i.revision)
            except TransferError as exc:
                if not args.dry_run:
                    raise
                # A plan is still worth showing offline; the real run will stop on the same error.
                why = type(exc.__cause__).__name__ if exc.__cause__ else "error"
                i.note = (i.note + "; " if i.note else "") + f"hub not reachable now ({why}); sizes from the manifest"
                continue
            i.remote, i.remote_at = r, time.monotonic()
            if i.size is None:
                i.size = r.size
            elif r.size is not None and r.size != i.size:
                i.hub_size = r.size
                i.note = (i.note + "; " if i.note else "") + f"the hub says {r.size} bytes, the manifest {i.size}"
    return None


def _drop_spent_partials(items, out: Out) -> None:
    """A run killed between placing a file (a hard link to its finished partial or staged reuse) and unlinking
    the staged name leaves the same bytes under both names; the next run finds the final file verified and would
    keep the staged one for ever (a partial is in the plan's keep set, a reuse is no ``*.incomplete``). With the
    folder lock held, drop what was staged for every file that is already verified at its final path."""
    from .installer import place as pl

    for i in items:
        if i.action != "verified":
            continue
        # the download's partial file, and the staged link or copy of a --from reuse (a copy when --from is on
        # another drive: the file's full size)
        for spent in (pl.partial_path(i.dest.parent, i.name, i.sha256), pl.staging_dir(i.dest.parent) / "reuse" / i.name):
            try:
                if spent.is_file() and not spent.is_symlink():
                    size = spent.stat().st_size
                    spent.unlink()
                    out.say(f"removed a {'partial download' if spent.suffix == '.incomplete' else 'staged copy'} of "
                            f"{i.name} left by an interrupted run; the installed file is verified ({_human(size)})")
            except OSError:
                pass


def _print_plan(items, out: Out, from_dir: Path | None) -> None:
    label = {"verified": "present, verified: skip", "fetch": "download", "reuse": "reuse local copy",
             "conflict": "DIFFERENT FILE IN THE WAY", "unverifiable": "present (no known hash): keep",
             "missing": "NOT AVAILABLE"}
    rows = []
    for i in items:
        src = str(i.reuse_from) if i.reuse_from else f"{i.repo}/{i.repo_path}@{i.revision}"
        rows.append([i.name, src, _human(i.size), str(i.dest), label[i.action] + (f" ({i.note})" if i.note else "")])
    out.table("Install plan", ["file", "source", "size", "destination", "action"], rows)


def _disk_ok(items, out: Out) -> bool:
    from .installer import place as pl

    need: dict[int, tuple[int, Path]] = {}
    for i in items:
        if i.action in ("verified", "unverifiable", "missing"):
            continue
        dev = pl.device_of(i.dest.parent)
        size = i.size or 0
        if i.reuse_from is not None:
            try:
                if pl.device_of(i.reuse_from.parent) == dev:
                    size = 0  # a hard link costs no space
            except OSError:
                pass
        else:
            part = pl.partial_path(i.dest.parent, i.name, i.sha256)
            if part.is_file():
                size = max(0, size - part.stat().st_size)  # resumed: only the rest is new
        have = need.get(dev, (0, i.dest.parent))
        need[dev] = (have[0] + size, have[1])
    for _dev, (bytes_needed, folder) in need.items():
        if not bytes_needed:
            continue
        free = pl.free_bytes(folder)
        if free < bytes_needed + pl.FREE_MARGIN:
            out.say(f"not enough disk space on the drive of {folder}: {_human(free)} free, {_human(bytes_needed)} "
                    f"needed plus a {_human(pl.FREE_MARGIN)} margin. Nothing was downloaded. Free some space or "
                    "pass --models-dir on a larger drive.")
            return False
    return True


def _install_one(i, args, out: Out, cache) -> bool:
    from . import hashing
    from .installer import place as pl
    from .installer.transfer import TransferError, download, remote
    from .installer.verify import safetensors_problem

    folder = i.dest.parent
    stage = pl.staging_dir(folder)
    stage.mkdir(parents=True, exist_ok=True)
    t0 = t_end = time.monotonic()
    try:
        if i.reuse_from is not None:
            staged = stage / "reuse" / i.name
            how = pl.link_or_copy(i.reuse_from, staged)
            out.say(f"{i.name}: {how} from {i.reuse_from}; verifying ...")
            bar = out.bar(f"{i.name} (sha256)", staged.stat().st_size)
            sha = hashing.digest(staged, cache, progress=bar.advance)
            bar.close(True)
            i.detail = how
        elif i.accept and i.hub_size is not None and i.size is not None:
            # Bytes of another size can never have the manifest's sha256: do not fetch (maybe gigabytes) to learn it.
            i.result = "FAILED: size"
            out.say(f"{i.name}: the hub serves {i.hub_size} bytes for {i.repo}/{i.repo_path} but the manifest expects "
                    f"{i.size} (sha256 {i.sha256}): the file on the hub changed or the endpoint serves something else. "
                    "Not downloaded, nothing placed; if it repeats, the models manifest or HF_ENDPOINT is wrong.")
            return False
        else:
            fresh = i.remote is not None and time.monotonic() - i.remote_at < 300
            r = i.remote if fresh else remote(i.repo, i.repo_path, i.revision)  # the plan's, unless it is old
            staged = pl.partial_path(folder, i.name, i.sha256)
            bar = out.bar(i.name, i.size)

            def resumed(n: int) -> None:
                out.say(f"{i.name}: resuming after the {_human(n)} an interrupted run received")

            ok = False
            try:
                res = download(r, i.repo, i.repo_path, staged, i.size, bar.advance, on_resume=resumed)
                ok = True
            finally:
                bar.close(ok)
            t0, t_end = time.monotonic() - res.seconds, time.monotonic()
            sha = res.sha256
            i.detail = f"{_human(int(res.fetched / max(res.seconds, 1e-6)))}/s" + (
                f", resumed after {_human(res.kept)}" if res.kept else "")
    except TransferError as exc:
        i.result = "FAILED: network" if exc.kind in ("network", "unreachable") else f"FAILED: {exc.kind}"
        out.say(f"{i.name}: {exc}")
        return False
    if i.accept and sha not in i.accept:
        q = pl.quarantine(staged, folder, i.name, sha)
        i.result = "FAILED: wrong bytes"
        if i.reuse_from is not None and args.from_dir:
            hint = (f"found in {args.from_dir} but it is not the expected file; put a good copy there, or run "
                    "without --from to download it")
        else:
            hint = "Rerun to download it again; if it repeats, the source or the manifest is wrong"
        out.say(f"{i.name}: sha256 mismatch: expected {i.sha256 or ' or '.join(i.accept)}, got {sha}. The file was "
                f"moved to {q} and NOT installed. {hint}.")
        return False
    if not i.accept:
        prob = safetensors_problem(staged) if i.name.endswith(".safetensors") else None
        if prob:
            q = pl.quarantine(staged, folder, i.name, hashing.sha256_file(staged))
            i.result = "FAILED: broken"
            out.say(f"{i.name}: {prob}; moved to {q}, not installed")
            return False
    if i.action == "conflict":  # only reached with --force: the run stopped before downloading otherwise
        if i.dest.exists() or i.dest.is_symlink():
            backup = pl.backup_name(i.dest)
            os.replace(i.dest, backup)
            out.say(f"{i.dest.name}: what was there ({i.note or 'a different file'}) is now {backup} (--force)")
            i.detail += f"; old entry kept as {backup.name}"
    try:
        pl.place(staged, i.dest)
    except pl.Occupied:
        i.result = "FAILED"
        out.say(f"{i.dest} appeared while downloading; left untouched, the download stays in {staged}")
        return False
    if sha:
        hashing.remember(i.dest, sha, cache)
    i.result = "installed, sha256 verified" if i.accept else "installed (no known sha256; header checked)"
    if args.verbose and i.reuse_from is None:
        out.say(f"{i.name}: download took {t_end - t0:.3f} s; verification added 0.000 s after the last byte "
                "(hashed in the same pass)")
    return True


def _summary(items, out: Out) -> None:
    rows = []
    for i in items:
        res = i.result or {"verified": "already verified", "unverifiable": "kept (no known hash)"}.get(i.action, "-")
        rows.append([i.name, i.folder, res, i.detail])
    out.table("Summary", ["file", "folder", "result", "detail"], rows)


# ---------------------------------------------------------------------------------------------- diffusers


def _git_blob_sha1(path: Path) -> str:
    import hashlib

    h = hashlib.sha1(f"blob {path.stat().st_size}\0".encode())  # noqa: S324 - git's own object id
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


class _DFile:
    """One file of a diffusers snapshot: where it goes, how it is checked, what happens to it."""

    def __init__(self, path: str, size: int, oid: str, lfs: bool, final: Path, part: Path, blob: Path | None):
        self.path, self.size, self.oid, self.lfs = path, size, oid, lfs
        self.final, self.part, self.blob = final, part, blob
        self.action, self.note, self.result = "fetch", "", ""

    def check(self, p: Path, cache) -> bool:
        from .hashing import digest

        if not p.is_file() or p.stat().st_size != self.size:
            return False
        return (digest(p, cache) if self.lfs else _git_blob_sha1(p)) == self.oid


def _diffusers(args: argparse.Namespace, manifest: dict[str, Any], out: Out) -> int:
    from fnmatch import fnmatch

    from .hashing import HashCache
    from .installer import place as pl
    from .installer.plan import PlanError, pick_variant
    from .installer.transfer import endpoint, repo_files

    _validate(manifest, args)
    if args.from_dir:
        raise PlanError("--from is supported with --path comfyui only; for diffusers copy the snapshot folder and "
                        "point from_pretrained at it")
    variant = pick_variant(manifest, "diffusers", args.variant)
    d = variant["diffusers"]
    repo, revision = d["repo"], str(d.get("revision") or "main")
    allow = ["model_index.json"] + [f"{c}/*" for c in d.get("components") or []]
    local_dir = Path(args.local_dir).expanduser().resolve() if args.local_dir else None
    out.say(f"Klein variant {variant['id']}: {variant.get('label', '')}")
    out.say(f"source: {endpoint()}")
    commit, listing = repo_files(repo, revision)
    commit = commit or revision
    pinned = {f["repo_path"]: f["sha256"].lower() for f in d.get("files") or [] if f.get("sha256")}
    cache_root = _hf_cache() or Path.home() / ".cache" / "huggingface" / "hub"
    repo_dir = cache_root / ("models--" + repo.replace("/", "--"))
    cache = None if args.dry_run else HashCache()
    files: list[_DFile] = []
    for path, (size, oid, lfs) in sorted(listing.items()):
        if not any(fnmatch(path, a) for a in allow):
            continue
        if lfs and path in pinned and pinned[path] != oid:
            oid = pinned[path]  # the manifest's hash wins: the hub must serve those bytes
        if local_dir is not None:
            final = local_dir / path
            part = local_dir / ".cache" / "klein-doctor" / "partial" / f"{path}.{oid[:16]}.incomplete"
            blob = None
        else:
            final = repo_dir / "snapshots" / commit / path
            blob = repo_dir / "blobs" / oid
            part = repo_dir / "blobs" / f"{oid}.incomplete"  # huggingface_hub's own name: either can resume it
        f = _DFile(path, size, oid, lfs, final, part, blob)
        root = local_dir if local_dir is not None else repo_dir
        if not os.path.normpath(final).startswith(os.path.normpath(root) + os.sep):
            raise PlanError(f"{path}: would be written outside {root}; refusing")
        if f.check(final, cache):
            f.action, f.note = "verified", "present, verified"
        elif blob is not None and f.check(blob, cache):
            f.action, f.note = "link", "blob present and verified; only the snapshot link is missing"
        elif final.is_symlink() or final.exists():
            if final.is_symlink() and not final.exists():
                f.note = "a dangling symbolic link"
                f.action = "fetch" if local_dir is None else "conflict"
            elif local_dir is None and final.is_symlink():
                f.action, f.note = "fetch", "the snapshot link points to other bytes; relinked after the download"
            else:
                f.action, f.note = "conflict", "a different file (or a folder) is in the way"
        files.append(f)
    target = local_dir or cache_root
    total = sum(f.size for f in files if f.action in ("fetch", "conflict"))
    label = {"verified": "present, verified: skip", "fetch": "download", "link": "link the verified blob",
             "conflict": "DIFFERENT FILE IN THE WAY"}
    out.say(f"repo {repo} at {revision} (commit {commit}) into {target}")
    out.table("Install plan", ["file", "size", "check", "destination", "action"],
              [[f.path, _human(f.size), ("sha256 " if f.lfs else "git sha1 ") + f.oid, str(f.final),
                label[f.action] + (f" ({f.note})" if f.note else "")] for f in files])
    if args.dry_run:
        return EXIT_OK
    conflicts = [f for f in files if f.action == "conflict"]
    if conflicts and not args.force:
        for f in conflicts:
            out.say(f"STOP: {f.final} exists and is not the expected file ({f.note}). It was left untouched. Move it "
                    "away yourself, or rerun with --force to move it aside to a .backup-<time> name.")
        return EXIT_FAIL
    lock_dir = local_dir or repo_dir
    lock_dir.mkdir(parents=True, exist_ok=True)
    with pl.FolderLock(lock_dir, out.say):
        _clean_hf_orphans(target, local_dir, {f.part for f in files}, out, repo_dir)
        if pl.free_bytes(target) < total + pl.FREE_MARGIN:
            out.say(f"not enough disk space for {target}: {_human(pl.free_bytes(target))} free, {_human(total)} needed "
                    f"plus a {_human(pl.FREE_MARGIN)} margin. Nothing was downloaded.")
            return EXIT_FAIL
        todo = [f for f in files if f.action != "verified"]
        if todo and not _confirm(args, out, f"snapshot of {repo} ({_human(total)} to download)"):
            return EXIT_FAIL
        if local_dir is None and revision != commit:
            (repo_dir / "refs").mkdir(parents=True, exist_ok=True)
            ref = repo_dir / "refs" / revision
            ref.parent.mkdir(parents=True, exist_ok=True)
            tmp = ref.with_name(ref.name + ".klein.tmp")
            tmp.write_text(commit)
            os.replace(tmp, ref)
        _run_parallel(max(1, int(getattr(args, "jobs", 3) or 1)), todo,
                      lambda f: _diffusers_one(f, repo, commit, local_dir, args, out, cache))
        out.table("Summary", ["file", "result"],
                  [[f.path, f.result or ("already verified" if f.action == "verified" else "-")] for f in files])
        if any(not f.result.startswith("installed") for f in todo):
            return EXIT_FAIL
    where = str(local_dir) if local_dir else repo
    rev = "" if local_dir else f', revision="{commit}"'
    out.print("Load it with (diffusers >= 0.37):\n")
    out.print(
        "import torch\n"
        "from diffusers import Flux2KleinPipeline\n\n"
        f'pipe = Flux2KleinPipeline.from_pretrained("{where}"{rev}, torch_dtype=torch.bfloat16)\n'
        "pipe.enable_model_cpu_offload()  # fits ~13 GB of VRAM; with 24 GB or more use pipe.to(\"cuda\") instead\n"
        f'image = pipe("a red fox in fresh snow", num_inference_steps={variant.get("steps", 4)}, '
        f'guidance_scale={variant.get("guidance", 1.0)}, height=1024, width=1024).images[0]\n'
        'image.save("klein.png")')
    return EXIT_OK


def _diffusers_one(f: _DFile, repo: str, commit: str, local_dir: Path | None, args, out: Out, cache) -> None:
    """Stage, verify, then make visible: the blob first, then the snapshot link (or the local-dir file), each
    by one rename, so a loader never sees bytes that were not verified."""
    from . import hashing
    from .installer import place as pl
    from .installer.transfer import TransferError, download, remote

    if f.action != "link":
        lock = None
        if local_dir is None:
            from filelock import FileLock

            lock_path = f.part.parent.parent.parent / ".locks" / f.part.parent.parent.name / f"{f.oid}.lock"
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(lock_path))  # huggingface_hub's own per-blob lock: never both on one blob
            lock.acquire()
        try:
            r = remote(repo, f.path, commit)
            bar = out.bar(f.path, f.size)
            ok = False
            try:
                res = download(r, repo, f.path, f.part, f.size, bar.advance)
                ok = True
            finally:
                bar.close(ok)
            got = res.sha256 if f.lfs else _git_blob_sha1(f.part)
            if got != f.oid:
                qdir = (local_dir / ".cache" / "klein-doctor" / "quarantine") if local_dir else f.part.parent
                qdir.mkdir(parents=True, exist_ok=True)
                q = qdir / f"{Path(f.path).name}.{got[:12]}.quarantined"
                os.replace(f.part, q)
                f.result = "FAILED: wrong bytes"
                kind = "sha256" if f.lfs else "git sha1"
                out.say(f"{f.path}: {kind} mismatch: expected {f.oid}, got {got}; moved to {q}, NOT installed. Rerun "
                        "to fetch it again; if it repeats, the source or the manifest is wrong.")
                return
            if local_dir is None:
                os.replace(f.part, f.blob)  # type: ignore[arg-type]
                if f.lfs:
                    hashing.remember(f.blob, res.sha256, cache)  # type: ignore[arg-type]
        except TransferError as exc:
            f.result = f"FAILED: {exc.kind}"
            out.say(f"{f.path}: {exc}")
            return
        finally:
            if lock is not None:
                lock.release()
    if f.final.is_symlink() or f.final.exists():
        if local_dir is not None or not f.final.is_symlink():
            backup = pl.backup_name(f.final)
            os.replace(f.final, backup)
            out.say(f"{f.final}: what was there is now {backup} (--force)")
    f.final.parent.mkdir(parents=True, exist_ok=True)
    if local_dir is None:
        tmp = f.final.with_name(f".{f.final.name}.klein.tmp")
        tmp.unlink(missing_ok=True)
        try:
            os.symlink(os.path.relpath(f.blob, f.final.parent), tmp)  # type: ignore[arg-type]
        except OSError:  # no symlinks (Windows without developer mode): a hard link or copy, as huggingface_hub does
            pl.link_or_copy(f.blob, tmp)  # type: ignore[arg-type]
        os.replace(tmp, f.final)
    else:
        os.replace(f.part, f.final)
        meta = local_dir / ".cache" / "huggingface" / "download" / f"{f.path}.metadata"
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(f"{commit}\n{f.oid}\n{time.time()}\n")  # huggingface_hub sees the file as up to date
        if f.lfs:
            hashing.remember(f.final, f.oid, cache)
    f.result = "installed, " + ("sha256 verified" if f.lfs else "git sha1 verified")


def _clean_hf_orphans(target: Path, local_dir: Path | None, keep: set[Path], out: Out,
                      repo_dir: Path | None = None) -> None:
    """Remove ``*.incomplete`` files that a killed download left and this plan will not resume (``install``
    owns downloads; ``check`` only reports them). In the shared cache only this repo's blobs are looked at
    (another repo's partial file is huggingface_hub's to resume), and a file is an orphan only if
    huggingface_hub's own lock for it is free."""
    from filelock import FileLock, Timeout

    if local_dir is not None:
        cands = list((local_dir / ".cache").rglob("*.incomplete")) if (local_dir / ".cache").is_dir() else []
        for f in cands:
            if f not in keep:
                f.unlink(missing_ok=True)
                out.say(f"removed a partial download left by an interrupted run: {f.name}")
        return
    for f in (repo_dir or target).glob("blobs/*.incomplete" if repo_dir else "models--*/blobs/*.incomplete"):
        if f in keep:
            continue
        etag = f.name.split(".")[0]
        lock = target / ".locks" / f.parent.parent.name / f"{etag}.lock"
        try:
            with FileLock(str(lock), timeout=0):
                f.unlink(missing_ok=True)
                out.say(f"removed a partial download left by an interrupted run: {f.name}")
        except (Timeout, OSError):
            continue
