"""PyTorch and attention repairs in the diagnosed environment (venv, conda, portable python_embeded,
Desktop .venv), with the environment's own installer (pip or uv)."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from .. import manifests
from ..findings import Finding
from ..platform_rules import choose_wheel, companions, device_cc, release_of
from . import pkgs
from .base import Plan, repair

TORCH_CODES = ["torch.arch.missing", "torch.kernel.failed", "torch.cpu-build", "torch.rocm-build", "torch.import-error",
               "torch.crashed", "torch.missing"]
ATTN = {"attention.flash-attn.unusable": "flash-attn", "attention.xformers.fa3-on-sm120": "xformers",
        "attention.sage.unusable": "sageattention"}


def _os(facts: dict[str, Any]) -> str:
    return str((facts.get("system") or {}).get("os") or "linux")


def _gpu(facts: dict[str, Any]) -> dict[str, Any] | None:
    from ..checks._common import selected_gpu

    return selected_gpu(facts)[0]


@repair("torch.reinstall", codes=TORCH_CODES, checks=["torch"])
def torch_reinstall(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    py = facts.get("python") or {}
    if py.get("error") or not (py.get("executable") or py.get("requested")):
        return []
    env = pkgs.environment(py, _os(facts))
    t = facts.get("torch") or {}
    version = t.get("version") or ((py.get("torch_build") or {}).get("version"))
    current = release_of(version)
    dev = _gpu(facts)
    packages = py.get("packages") or {}
    if dev is None:
        if not any(f.code == "torch.missing" for f in findings):
            return []  # a CPU build on a machine without a GPU is not something to repair
        release, index, tag = (current or manifests.load("wheels")["recommended_release"]), None, "default index"
        why = "no NVIDIA GPU: the default wheel (rerun the check once the GPU is visible for the CUDA wheel that fits it)"
    else:
        choice = choose_wheel(device_cc(dev)[0], (facts.get("gpu") or {}).get("driver_version"), _os(facts), current)
        if choice is None:
            return [Plan(id=f"torch:{env['python']}", title="Reinstall PyTorch", cures=findings,
                         manual="No PyTorch wheel in the table fits this GPU and driver: update the driver first "
                                "(see the GPU findings), then run `klein-doctor fix` again")]
        release, index, tag = choice.release, choice.index_url, choice.tag
        why = f"{tag} wheels have kernels for {dev.get('name')} and run on driver {(facts.get('gpu') or {}).get('driver_version')}"
    if ctx.get("torch_version"):
        release = ctx["torch_version"]
        why += f" (release {release} asked for with --torch-version)"
    if ctx.get("torch_index"):
        index = ctx["torch_index"]
        why += f" (index overridden by --torch-index: its build is installed, not necessarily {tag})"
        tag = f"from {index}"
    comp = companions(release)
    reqs = [f"torch=={release}"]
    names = ["torch"]
    for n in ("torchvision", "torchaudio"):
        if n in packages and comp.get(n):
            reqs.append(f"{n}=={comp[n]}")
            names.append(n)
    argv = pkgs.install_argv(env, reqs, index_url=index, find_links=ctx.get("find_links"))
    dl = manifests.load("torch_companions")["download"]
    if dev is None:
        size = dl["cpu_bytes"]
    else:
        size = dl["windows_cuda_bytes"] if env["windows"] else dl["linux_cuda_bytes"]
    disk = int(size * dl["unpacked_factor"])
    notes = [why]
    if index and is_local(index):
        size = 0  # a local index or folder: the wheels are read from disk, not downloaded
        notes.append(f"the wheels come from the local index {index}: nothing is downloaded")
    old = ", ".join(f"{n} {packages[n]}" for n in names if n in packages) or "no PyTorch"
    changes = [f"{env['kind']} at {env['python']}: {old} -> " + ", ".join(reqs) + f" from {index or 'the default index'}"]
    if old != "no PyTorch":
        P = PureWindowsPath if env["windows"] else PurePosixPath
        where = str(P(env["prefix"]) / ".klein-doctor-backup") if env["prefix"] else "the environment's .klein-doctor-backup"
        changes.append(f"the old files are moved to {where} (undo restores them)")

    def apply(journal, c, say):
        inv = pkgs.inventory(env["python"], names)
        problem = pkgs.tool_available(env, inv)
        if problem:
            raise pkgs.PkgError(problem)
        by_conda = [n for n, d in inv["dists"].items() if d.get("installer") == "conda"]
        if by_conda:
            raise pkgs.PkgError(f"{', '.join(by_conda)} came from conda packages, which pip must not replace: run "
                                f"`conda remove --force {' '.join(by_conda)}` in that environment, then `klein-doctor fix` again")
        pkgs.swap(journal, env, names, argv, f"reinstall {' '.join(reqs)}", say=say)

    verb = "Reinstall" if "torch" in packages else "Install"
    return [Plan(id=f"torch:{env['python']}", title=f"{verb} PyTorch {release} ({tag})"
                 + (" with " + " and ".join(names[1:]) if names[1:] else "") + f" using {env['tool']}",
                 cures=findings, changes=changes, commands=[argv], download_bytes=size,
                 disk_bytes=disk, checks=["torch"] + (["gpu.driver"] if dev is not None else []), apply=apply, estimate=True,
                 notes=notes, watch=TORCH_CODES + ["gpu.driver.too-old-for-wheel"])]


def is_local(url: str) -> bool:
    """A file:// index or a folder on this machine (pip reads it, nothing is downloaded)."""
    return url.lower().startswith("file:") or ("://" not in url and bool(url.strip()))


@repair("attention.remove", codes=list(ATTN), checks=["attention"])
def attention_remove(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> list[Plan]:
    py = facts.get("python") or {}
    if not (py.get("executable") or py.get("requested")):
        return []
    env = pkgs.environment(py, _os(facts))
    packages = py.get("packages") or {}
    plans = []
    for f in findings:
        name = ATTN[f.code]
        version = packages.get(name)

        def apply(journal, c, say, name=name):
            pkgs.swap(journal, env, [name], None, f"remove {name} (no kernels for this GPU)", say=say)

        plans.append(Plan(id=f"attention:{name}:{env['python']}", title=f"Remove {name} {version or ''}".strip()
                          + " (it has no kernels for this GPU; PyTorch SDPA is used instead)",
                          cures=[f], changes=[f"{env['kind']} at {env['python']}: {name} {version or ''} is "
                                              f"uninstalled (its files are moved to the backup; undo restores them)"],
                          commands=[], checks=["attention"], apply=apply,
                          notes=["fix moves the files itself (so that undo can put them back); by hand: "
                                 + " ".join(pkgs.uninstall_argv(env, [name]))]))
    return plans
