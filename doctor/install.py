"""`klein-doctor install --path comfyui|diffusers`: verified, resumable, atomic downloads.

Why it exists: by hand, users fetch three files from three repos, guess folders and hope the download
finished. Here every file is planned from manifests/models.toml, fetched only through
huggingface_hub, hashed while it arrives, and appears at the path ComfyUI or diffusers loads only
when complete and verified. Imported by the CLI at start-up, so heavy modules load inside functions.

Environment: HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE are read by huggingface_hub as usual;
KLEIN_DOCTOR_FAKE_FREE_BYTES (tests) pretends every destination has that many bytes free.
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
    p.add_argument("--dry-run", action="store_true", help="show the plan, download nothing")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p.add_argument("--force", action="store_true",
                   help="move a different existing file aside to a .backup-<time> name instead of stopping")
    p.add_argument("--from", dest="from_dir", metavar="DIR",
                   help="install from a local folder (USB disk, NAS copy) instead of the network; same verification")
    p.add_argument("--manifest", metavar="FILE", help="use this models manifest instead of the built-in one")
    p.add_argument("-v", "--verbose", action="store_true", help="show more detail")


# ---------------------------------------------------------------------------------------------- output


from .sizes import human as _human  # noqa: E402 - the one size formatter


class Out:
    """Messages to stderr (scrubbed of tokens), plan and summary to stdout; rich when a TTY."""

    def __init__(self, verbose: bool):
        from rich.console import Console

        self.verbose = verbose
        self.tty = sys.stderr.isatty()
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.out = Console(highlight=False, width=None if sys.stdout.isatty() else 220)

    def say(self, msg: str) -> None:
        from .installer.transfer import scrub

        self.err.print(scrub(msg), markup=False)

    def table(self, title: str, cols: list[str], rows: list[list[str]]) -> None:
        from rich.table import Table

        from .installer.transfer import scrub

        t = Table(title=title, title_justify="left", show_lines=False)
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*[scrub(x) for x in r])
        self.out.print(t)

    def bar(self, name: str, total: int | None) -> "Bar":
        return Bar(self, name, total)


class Bar:
    """A rich progress bar (speed, ETA) on a TTY, else a plain line every 10% / 5 s."""

    def __init__(self, out: Out, name: str, total: int | None):
        self.out, self.name, self.total, self.done = out, name, total, 0
        self.t0 = self.last = time.monotonic()
        self.next_pct = 10
        self.progress = None
        if out.tty:
            from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
                                       TransferSpeedColumn)

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                     TransferSpeedColumn(), TimeRemainingColumn(), console=out.err, transient=False)
            self.progress.start()
            self.task = self.progress.add_task(name, total=total)

    def sink(self, n: int, total: int | None) -> None:
        if total is not None and n == 0:
            self.total = total
            if self.progress is not None:
                self.progress.update(self.task, total=total)
            return
        self.done += n
        if self.progress is not None:
            self.progress.update(self.task, advance=n)
            return
        now = time.monotonic()
        pct = 100 * self.done // self.total if self.total else 0
        if pct >= self.next_pct or now - self.last > 5:
            self.next_pct = pct + 10
            self.last = now
            speed = self.done / max(now - self.t0, 1e-6)
            self.out.say(f"  {self.name}: {pct}% {_human(self.done)} of {_human(self.total)} at {_human(int(speed))}/s")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


# ---------------------------------------------------------------------------------------------- entry


def cmd_install(args: argparse.Namespace) -> int:
    from . import manifests
    from .installer.plan import PlanError
    from .installer.transfer import TransferError

    out = Out(getattr(args, "verbose", False))
    if args.manifest:
        mpath = Path(args.manifest).expanduser()
        if not mpath.is_file():
            out.say(f"klein-doctor install: --manifest {mpath}: no such file")
            return EXIT_USAGE
        manifests.set_override("models", mpath)
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


# ---------------------------------------------------------------------------------------------- comfyui


def _comfyui(args: argparse.Namespace, manifest: dict[str, Any], out: Out) -> int:
    from contextlib import ExitStack

    from .installer import place as pl
    from .installer.plan import PlanError, comfy_destinations, comfy_items, pick_variant

    variant = pick_variant(manifest, "comfyui", args.variant)
    models, dests, notes = comfy_destinations(Path(args.models_dir) if args.models_dir else None,
                                              Path(args.comfyui) if args.comfyui else None)
    items = comfy_items(variant, models, dests)
    from_dir = Path(args.from_dir).expanduser().resolve() if args.from_dir else None
    if from_dir is not None and not from_dir.is_dir():
        raise PlanError(f"--from {from_dir}: no such folder")
    out.say(f"Klein variant {variant['id']}: {variant.get('label', '')}")
    out.say(f"ComfyUI models folder: {models}")
    for n in notes:
        out.say(f"  extra_model_paths.yaml: {n}")
    if from_dir is None:
        from .installer.transfer import endpoint

        out.say(f"source: {endpoint()} (through huggingface_hub)")
    else:
        out.say(f"source: {from_dir} (offline, --from)")
    folders = sorted({i.dest.parent for i in items})
    with ExitStack() as stack:
        if not args.dry_run:
            for f in folders:
                stack.enter_context(pl.FolderLock(f, out.say))
                for p, size in pl.clean_orphans(f):
                    out.say(f"removed a partial download left by an interrupted run: {p.name} ({_human(size)}); "
                            "huggingface_hub restarts such a file from the beginning")
        code = _assess(items, models, from_dir, args, out)
        if code is not None:
            return code
        _print_plan(items, out, from_dir)
        if args.dry_run:
            return EXIT_OK
        conflicts = [i for i in items if i.action == "conflict"]
        if conflicts and not args.force:
            for i in conflicts:
                out.say(f"STOP: {i.dest} exists and is not the expected file ({i.note}). It was left untouched. "
                        "Move it away yourself, or rerun with --force to move it aside to a .backup-<time> name.")
            return EXIT_FAIL
        if not _disk_ok(items, out):
            return EXIT_FAIL
        todo = [i for i in items if i.action in ("fetch", "reuse", "conflict")]
        if not todo:
            out.say("everything is already in place and verified")
        elif not _confirm(args, out, f"{len(todo)} file(s) to install, {_human(sum(i.size or 0 for i in todo))}"):
            return EXIT_FAIL
        ok = True
        for n, i in enumerate(todo):
            if not _install_one(i, args, out):
                ok = False
                if i.result == "FAILED: network":  # the others would only wait through the same outage
                    for rest in todo[n + 1:]:
                        rest.result = "not attempted (network)"
                    break
        _summary(items, out)
        return EXIT_OK if ok else EXIT_FAIL


def _assess(items, models: Path, from_dir: Path | None, args, out: Out) -> int | None:
    """Decide per file: verified / fetch / reuse / conflict; HEAD each download (proves access, gets size)."""
    from .installer import place as pl
    from .installer.plan import reuse_candidates
    from .installer.transfer import TransferError, file_size
    from .installer.verify import safetensors_problem, sha256_file

    caches: dict[Path, pl.VerifiedCache] = {}
    hf_cache = None if from_dir else _hf_cache()
    for i in items:
        cache = caches.setdefault(i.dest.parent, pl.VerifiedCache(i.dest.parent))
        if i.dest.is_file():
            sha = cache.get(i.dest)
            if sha is None and i.accept:
                out.say(f"checking the existing {i.dest.name} ({_human(i.dest.stat().st_size)}) ...")
                sha = sha256_file(i.dest)
            if i.accept and sha in i.accept:
                i.action, i.note = "verified", f"sha256 ok ({i.accept[sha]})"
                cache.put(i.dest, sha)
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
        elif i.dest.exists():
            i.action, i.note = "conflict", "a folder or special file is in the way"
        for cand in reuse_candidates(i, models, hf_cache, from_dir):
            if i.size is not None and cand.stat().st_size != i.size:
                continue
            i.reuse_from = cand
            if i.action != "conflict":
                i.action = "reuse"
            break
        if from_dir is not None and i.reuse_from is None:
            out.say(f"{i.name} is not in {from_dir} (looked for {i.name}, {i.folder}/{i.name}, {i.repo_path} "
                    "and anywhere below by name)")
            return EXIT_FAIL
        if i.reuse_from is None and from_dir is None:
            try:
                size = file_size(i.repo, i.repo_path, i.revision)
            except TransferError as exc:
                if not args.dry_run:
                    raise
                # A plan is still worth showing offline; the real run will stop on the same error.
                why = type(exc.__cause__).__name__ if exc.__cause__ else "error"
                i.note = (i.note + "; " if i.note else "") + f"hub not reachable now ({why}); sizes from the manifest"
                continue
            if i.size is None:
                i.size = size
            elif size is not None and size != i.size:
                i.hub_size = size
                i.note = (i.note + "; " if i.note else "") + f"the hub says {size} bytes, the manifest {i.size}"
    return None


def _print_plan(items, out: Out, from_dir: Path | None) -> None:
    label = {"verified": "present, verified: skip", "fetch": "download", "reuse": "reuse local copy",
             "conflict": "DIFFERENT FILE IN THE WAY", "unverifiable": "present (no known hash): keep"}
    rows = []
    for i in items:
        src = str(i.reuse_from) if i.reuse_from else f"{i.repo}/{i.repo_path}@{i.revision}"
        rows.append([i.name, src, _human(i.size), str(i.dest), label[i.action] + (f" ({i.note})" if i.note else "")])
    out.table("Install plan", ["file", "source", "size", "destination", "action"], rows)


def _disk_ok(items, out: Out) -> bool:
    from .installer import place as pl

    need: dict[int, tuple[int, Path]] = {}
    for i in items:
        if i.action == "verified" or i.action == "unverifiable":
            continue
        dev = pl.device_of(i.dest.parent)
        size = i.size or 0
        if i.reuse_from is not None:
            try:
                if pl.device_of(i.reuse_from.parent) == dev:
                    size = 0  # a hard link costs no space
            except OSError:
                pass
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


def _install_one(i, args, out: Out) -> bool:
    from .installer import place as pl
    from .installer.transfer import TransferError, download_file, incomplete_dir
    from .installer.verify import TailHasher, safetensors_problem, sha256_file

    folder = i.dest.parent
    stage = pl.staging_dir(folder)
    stage.mkdir(parents=True, exist_ok=True)
    t_verify = 0.0
    try:
        if i.reuse_from is not None:
            how = pl.link_or_copy(i.reuse_from, stage / "reuse" / i.name)
            staged = stage / "reuse" / i.name
            out.say(f"{i.name}: {how} from {i.reuse_from}; verifying ...")
            t = time.monotonic()
            sha = sha256_file(staged)
            t_verify = time.monotonic() - t
            i.detail = how
        elif i.accept and i.hub_size is not None and i.size is not None:
            # Bytes of another size can never have the manifest's sha256: do not fetch (maybe gigabytes) to learn it.
            i.result = "FAILED: size"
            out.say(f"{i.name}: the hub serves {i.hub_size} bytes for {i.repo}/{i.repo_path} but the manifest expects "
                    f"{i.size} (sha256 {i.sha256}): the file on the hub changed or the endpoint serves something else. "
                    "Not downloaded, nothing placed; if it repeats, the models manifest or HF_ENDPOINT is wrong.")
            return False
        else:
            local = stage / "hf" / i.repo.replace("/", "--")
            inc = incomplete_dir(local, i.repo_path)
            inc.mkdir(parents=True, exist_ok=True)
            tail = TailHasher(inc)
            bar = out.bar(i.name, i.size)
            t0 = time.monotonic()
            try:
                staged = download_file(i.repo, i.repo_path, i.revision, local, bar.sink, i.size)
            except BaseException:
                tail.abort()
                raise
            finally:
                bar.close()
            t_end = time.monotonic()
            sha = tail.finish(staged) if i.accept else ""
            t_verify = time.monotonic() - t_end
            i.detail = f"{_human(int(staged.stat().st_size / max(t_end - t0, 1e-6)))}/s"
    except TransferError as exc:
        i.result = "FAILED: network" if exc.kind == "network" else f"FAILED: {exc.kind}"
        out.say(f"{i.name}: {exc}")
        return False
    if i.accept and sha not in i.accept:
        sha = sha256_file(staged)  # confirm with a full pass before calling it bad
    if i.accept and sha not in i.accept:
        q = pl.quarantine(staged, folder, i.name, sha)
        i.result = "FAILED: wrong bytes"
        out.say(f"{i.name}: sha256 mismatch: expected {i.sha256 or ' or '.join(i.accept)}, got {sha}. The file was "
                f"moved to {q} and NOT installed. Rerun to download it again; if it repeats, the source or the "
                "manifest is wrong.")
        return False
    if not i.accept:
        prob = safetensors_problem(staged) if i.name.endswith(".safetensors") else None
        if prob:
            q = pl.quarantine(staged, folder, i.name, sha256_file(staged))
            i.result = "FAILED: broken"
            out.say(f"{i.name}: {prob}; moved to {q}, not installed")
            return False
    if i.action == "conflict":
        backup = pl.backup_name(i.dest)
        os.replace(i.dest, backup)
        out.say(f"{i.dest.name}: the different file that was there is now {backup} (--force)")
        i.detail += f"; old file kept as {backup.name}"
    try:
        pl.place(staged, i.dest)
    except pl.Occupied:
        i.result = "FAILED"
        out.say(f"{i.dest} appeared while downloading; left untouched, the download stays in {staged}")
        return False
    if sha:
        pl.VerifiedCache(folder).put(i.dest, sha)
    i.result = "installed, sha256 verified" if i.accept else "installed (no known sha256; header checked)"
    if args.verbose and i.reuse_from is None:
        out.say(f"{i.name}: download took {t_end - t0:.3f} s; verification added {t_verify:.3f} s after the last byte")
    return True


def _summary(items, out: Out) -> None:
    rows = []
    for i in items:
        res = i.result or {"verified": "already verified", "unverifiable": "kept (no known hash)"}.get(i.action, "-")
        rows.append([i.name, i.folder, res, i.detail])
    out.table("Summary", ["file", "folder", "result", "detail"], rows)


# ---------------------------------------------------------------------------------------------- diffusers


def _diffusers(args: argparse.Namespace, manifest: dict[str, Any], out: Out) -> int:
    from fnmatch import fnmatch

    from .installer import place as pl
    from .installer.plan import PlanError, pick_variant
    from .installer.transfer import lfs_hashes, snapshot
    from .installer.verify import sha256_file

    if args.from_dir:
        raise PlanError("--from is supported with --path comfyui only; for diffusers copy the snapshot folder and "
                        "point from_pretrained at it")
    variant = pick_variant(manifest, "diffusers", args.variant)
    d = variant["diffusers"]
    repo, revision = d["repo"], str(d.get("revision") or "main")
    allow = ["model_index.json"] + [f"{c}/*" for c in d.get("components") or []]
    local_dir = Path(args.local_dir).expanduser().resolve() if args.local_dir else None
    out.say(f"Klein variant {variant['id']}: {variant.get('label', '')}")
    commit, lfs = lfs_hashes(repo, revision)
    wanted = {p: v for p, v in lfs.items() if any(fnmatch(p, a) for a in allow)}
    for f in d.get("files") or []:
        if f.get("sha256") and f["repo_path"] in wanted:
            wanted[f["repo_path"]] = (wanted[f["repo_path"]][0], f["sha256"].lower())
    target = local_dir or (_hf_cache() or Path.home() / ".cache" / "huggingface" / "hub")
    total = sum(s for s, _ in wanted.values())
    out.table("Install plan", ["repo", "revision", "files", "large files (verified)", "destination"],
              [[repo, f"{revision} ({commit})", ", ".join(allow), f"{len(wanted)}, {_human(total)}", str(target)]])
    if args.dry_run:
        return EXIT_OK
    target.mkdir(parents=True, exist_ok=True)
    lock_dir = local_dir or target / ("models--" + repo.replace("/", "--"))
    with pl.FolderLock(lock_dir, out.say):
        _clean_hf_orphans(target, local_dir is not None, out)
        if pl.free_bytes(target) < total + pl.FREE_MARGIN:
            out.say(f"not enough disk space for {target}: {_human(pl.free_bytes(target))} free, {_human(total)} needed "
                    f"plus a {_human(pl.FREE_MARGIN)} margin. Nothing was downloaded.")
            return EXIT_FAIL
        if not _confirm(args, out, f"snapshot of {repo} ({_human(total)} of large files)"):
            return EXIT_FAIL
        snap = snapshot(repo, commit or revision, allow, local_dir)
        bad = []
        from concurrent.futures import ThreadPoolExecutor

        def check(item: tuple[str, tuple[int, str]]) -> tuple[str, str, str]:
            path, (_size, sha) = item
            return path, sha, sha256_file(snap / path)

        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(check, sorted(wanted.items())))
        rows = []
        for path, want, got in results:
            if got != want:
                bad.append(path)
                q = _quarantine_snapshot(snap / path, local_dir, got)
                out.say(f"{path}: sha256 mismatch: expected {want}, got {got}; moved to {q}. Rerun to fetch it again.")
            rows.append([path, "FAILED: wrong bytes" if got != want else "sha256 verified"])
        out.table("Summary", ["file", "result"], rows)
        if bad:
            return EXIT_FAIL
    where = str(local_dir) if local_dir else repo
    rev = "" if local_dir else f', revision="{commit}"'
    out.out.print("Load it with (diffusers >= 0.37):\n", markup=False)
    out.out.print(
        "import torch\n"
        "from diffusers import Flux2KleinPipeline\n\n"
        f'pipe = Flux2KleinPipeline.from_pretrained("{where}"{rev}, torch_dtype=torch.bfloat16)\n'
        "pipe.enable_model_cpu_offload()  # fits ~13 GB of VRAM; with 24 GB or more use pipe.to(\"cuda\") instead\n"
        f'image = pipe("a red fox in fresh snow", num_inference_steps={variant.get("steps", 4)}, '
        f'guidance_scale={variant.get("guidance", 1.0)}, height=1024, width=1024).images[0]\n'
        'image.save("klein.png")', markup=False)
    return EXIT_OK


def _quarantine_snapshot(path: Path, local_dir: Path | None, sha: str) -> Path:
    from .installer import place as pl

    if local_dir is None:
        blob = path.resolve()
        target = blob.with_name(f"{blob.name}.{sha[:12]}.quarantined")
        os.replace(blob, target)
        path.unlink(missing_ok=True)
        return target
    meta = local_dir / ".cache" / "huggingface" / "download" / (path.relative_to(local_dir).as_posix() + ".metadata")
    meta.unlink(missing_ok=True)
    return pl.quarantine(path, local_dir, path.name, sha)


def _clean_hf_orphans(target: Path, is_local_dir: bool, out: Out) -> None:
    """Remove ``*.incomplete`` that huggingface_hub left after a kill (it never resumes them across runs).

    In the shared cache a file is an orphan only if huggingface_hub's own lock for it is free.
    """
    from filelock import FileLock, Timeout

    if is_local_dir:
        files = list((target / ".cache" / "huggingface" / "download").rglob("*.incomplete"))
        for f in files:
            f.unlink(missing_ok=True)
            out.say(f"removed a partial download left by an interrupted run: {f.name}")
        return
    for f in target.glob("models--*/blobs/*.incomplete"):
        etag = f.name.split(".")[0]
        lock = target / ".locks" / f.parent.parent.name / f"{etag}.lock"
        try:
            with FileLock(str(lock), timeout=0):
                f.unlink(missing_ok=True)
                out.say(f"removed a partial download left by an interrupted run: {f.name}")
        except (Timeout, OSError):
            continue
