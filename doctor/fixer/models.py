"""Model-file repairs on a ComfyUI install: wrong, damaged or other-build files are moved aside (renamed
after what they are, in the same folder, never deleted), misplaced files are moved into the folder their
loader reads, and the right files are installed by `klein-doctor install` (hub or --from DIR, sha256
verification, resume, atomic placement: all of install's guarantees)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from ..findings import Finding
from .base import Plan, repair
from .journal import stamp

CODES = ["models.identity.diffusion_model", "models.identity.text_encoder", "models.identity.vae",
         "models.integrity.broken", "models.integrity.size", "models.hash.mismatch",
         "models.missing.*", "models.misplaced.*"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-") or "unknown"


def _aside_name(f: dict[str, Any], reason: str, when: str) -> str:
    """A FLUX.1 VAE saved as flux2-vae.safetensors becomes flux1-vae.safetensors (still loadable for what it
    is); a damaged or other-build file gets a name no loader lists."""
    p = Path(f["name"])
    if reason == "identity":
        ident = (f.get("identity") or {}).get("id") or _slug((f.get("identity") or {}).get("label") or "unknown-model")
        return f"{ident}.safetensors"
    return f"{p.name}.{reason}-{when}"


def _doctor_cmd() -> list[str]:
    return [sys.executable, "-m", __name__.split(".")[0]]


@repair("models.replace", codes=CODES, checks=["models"])
def models_replace(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    from ..checks.models import ROLE_WORD, _default_folder, _plan

    m = facts.get("models") or {}
    comfy = m.get("comfyui") or {}
    if not comfy.get("found"):
        return []
    v, plan = _plan(facts)
    if v is None:
        return []
    codes = {f.code for f in findings}
    when = stamp()
    moves: list[tuple[Path, Path, str]] = []
    fetch: list[dict[str, Any]] = []
    changes: list[str] = []
    cured: list[Finding] = []
    for row, r in plan:
        role = row["role"]
        f = r["file"]
        reason = None
        if f is not None and f"models.identity.{role}" in codes and (f.get("identity") or {}).get("id") not in {
                s.get("identity") for s in r["specs"]}:
            reason = "identity"
        elif f is not None and "models.integrity.broken" in codes and not f["integrity"]["ok"]:
            reason = "damaged"
        elif f is not None and "models.hash.mismatch" in codes and f.get("hash_state") == "mismatch":
            reason = "sha256-mismatch"
        elif f is not None and "models.integrity.size" in codes and f["integrity"]["ok"] and \
                f["size"] not in [s.get("size") for s in r["specs"] if s["name"] == f["name"]]:
            reason = "other-build"
        if reason:
            src = Path(f["path"])
            dst = src.with_name(_aside_name(f, reason, when))
            if dst.exists():
                dst = src.with_name(f"{dst.stem}-{when}{dst.suffix}")
            moves.append((src, dst, f"{ROLE_WORD[role]} {f['name']} is {reason}"))
            what = (f.get("identity") or {}).get("label") if reason == "identity" else reason.replace("-", " ")
            changes.append(f"move aside {src} -> {dst.name} ({what})")
            fetch.append(row)
            cured += [x for x in findings if x.code in (f"models.identity.{role}", "models.integrity.broken",
                                                          "models.hash.mismatch", "models.integrity.size")]
        elif r["state"] == "misplaced" and f"models.misplaced.{role}" in codes:
            dest = Path(_default_folder(facts, row["folder"])) / f["name"]
            moves.append((Path(f["path"]), dest, f"{ROLE_WORD[role]} into the folder {row['folder']} its loader reads"))
            changes.append(f"move {f['path']} -> {dest} (where {row['folder']} loaders look)")
            cured += [x for x in findings if x.code == f"models.misplaced.{role}"]
        elif r["state"] == "missing" and f"models.missing.{role}" in codes:
            fetch.append(row)
            changes.append(f"install {row['name']} into {_default_folder(facts, row['folder'])}")
            cured += [x for x in findings if x.code == f"models.missing.{role}"]
    if not moves and not fetch:
        return []
    if fetch and v.get("gated") and not ctx.get("from_dir") and not os.environ.get("HF_TOKEN"):
        return [Plan(id=f"models:{comfy.get('models_root')}", title=f"Install the {v['id']} files", cures=cured,
                     manual=f"{v['id']} is gated: accept the licence on the model page of "
                            f"https://huggingface.co/{fetch[0].get('repo')} with your Hugging Face account, set HF_TOKEN "
                            "to a read token of that account, then run `klein-doctor fix` again (or pass --from DIR)")]
    commands: list[list[str]] = []
    install: list[str] | None = None
    new_files: list[str] = []
    if fetch:
        from ..installer.plan import install_where, manifest_args

        where = install_where(comfy, facts.get("comfyui_tree"))
        install = _doctor_cmd() + ["install", "--path", "comfyui", "--variant", v["id"], *where, "--yes"]
        if ctx.get("from_dir"):
            install += ["--from", ctx["from_dir"]]
        install += manifest_args(facts)
        commands.append(install)
        new_files = [str(Path(_default_folder(facts, row["folder"])) / row["name"]) for row in fetch]
        changes.append("install verifies each file's sha256 and places it only when complete")
    size = sum(int(row.get("size") or 0) for row in fetch)
    seen: set[int] = set()
    cured = [x for x in cured if not (id(x) in seen or seen.add(id(x)))]  # type: ignore[func-returns-value]

    def apply(journal, c, say):
        for src, dst, why in moves:
            say(f"  move {src} -> {dst}")
            journal.move(src, dst, why)
        if install:
            say("  $ " + " ".join(install))
            todo = [p for p in new_files if not Path(p).exists()]
            proc = journal.run(install, "install the right files", undo={"new_files": todo})
            if proc.returncode != 0:
                tail = [ln for ln in (proc.stderr or proc.stdout).strip().splitlines() if ln.strip()][-3:]
                raise RuntimeError(f"install failed (exit {proc.returncode}): " + " | ".join(tail))

    notes = []
    if fetch and not ctx.get("from_dir"):
        notes.append("downloads through huggingface_hub (HF_ENDPOINT, HF_TOKEN honoured); --from DIR installs from a local copy")
    if v.get("gated"):
        notes.append("gated repo: accept the licence on the model page and set HF_TOKEN first")
    return [Plan(id=f"models:{comfy.get('models_root')}", title=f"Replace the model files of {v['id']} that are wrong, "
                 "damaged, misplaced or missing", cures=cured, changes=changes, commands=commands,
                 download_bytes=0 if ctx.get("from_dir") else size, disk_bytes=size, checks=["models"], apply=apply,
                 notes=notes)]


@repair("models.diffusers", codes=["models.diffusers.missing", "models.diffusers.incomplete", "models.diffusers.no-snapshot",
                                   "models.diffusers.corrupt", "models.diffusers.orphans"], checks=["models"])
def diffusers_snapshot(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    """A missing, unfinished or damaged diffusers snapshot: `klein-doctor install --path diffusers` with the
    arguments check printed for it (the snapshot's own variant, --local-dir, --force for a plain folder's damaged
    files: they are moved aside, not deleted); the Hugging Face cache keeps what is already there."""
    from ..installer.plan import diffusers_install_args

    hf = (facts.get("models") or {}).get("hf") or {}
    repos = hf.get("repos") or []
    by_repo: dict[str, list[Finding]] = {}
    for f in findings:  # each finding names the snapshot it judges (its subject: the repo id)
        r = next((r for r in repos if f.subject and r.get("repo") == f.subject), None)
        by_repo.setdefault(r.get("repo") if r else "", []).append(f)
    plans = []
    for name, cured in by_repo.items():
        r = next((r for r in repos if r.get("repo") == name), None) if name else None
        replace = any(f.code == "models.diffusers.corrupt" for f in cured)
        plans += _diffusers_plan(cured, facts, r, diffusers_install_args(facts, r, replace), hf)
    return plans


def _diffusers_plan(findings: list[Finding], facts: dict[str, Any], r: dict[str, Any] | None, args: list[str],
                    hf: dict[str, Any]) -> list[Plan]:
    argv = _doctor_cmd() + ["install", "--path", "diffusers", "--yes", *args]
    where = hf.get("model_dir") or hf.get("hub_dir") or "the Hugging Face cache"

    def apply(journal, c, say):
        say("  $ " + " ".join(argv))
        proc = journal.run(argv, "download the diffusers snapshot",
                           undo={"note": f"the snapshot files downloaded into {where} are kept (the cache is shared)"})
        if proc.returncode != 0:
            tail = [ln for ln in (proc.stderr or proc.stdout).strip().splitlines() if ln.strip()][-3:]
            raise RuntimeError(f"install failed (exit {proc.returncode}): " + " | ".join(tail))

    name = (r or {}).get("repo") or "Klein"
    return [Plan(id=f"diffusers:{where}:{name}",
                 title=f"Download the diffusers snapshot of {name} (the files already there are kept)",
                 cures=findings, changes=[f"files are added to {where} (each verified)"]
                 + (["its damaged files are moved aside to .backup-<time> names, not deleted"] if "--force" in args else []),
                 commands=[argv],
                 download_bytes=None, disk_bytes=None, checks=["models"], apply=apply,
                 notes=["install shows the sizes before it downloads; HF_ENDPOINT and HF_TOKEN are honoured"])]
