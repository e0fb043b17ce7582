"""Runtime area: the Python packages that run Klein next to torch, as the target environment has them.

diffusers path: diffusers >= 0.37 (Flux2KleinPipeline), transformers with Qwen3, accelerate for CPU offload,
and the import itself. Every path: torch, torchvision and torchaudio from one release and one build.
"""

from __future__ import annotations

import re
from typing import Any

from packaging.version import InvalidVersion, Version

from .. import manifests
from ..findings import Fix, fail, info, ok, skip, warn
from ..platform_rules import companions, pip_argvs
from ..registry import check
from ..shells import Run, make_fix

AREA = "Runtime"


def _py(facts: dict[str, Any]) -> str:
    py = facts.get("python") or {}
    return py.get("executable") or py.get("requested") or "python"


def _pip(facts: dict[str, Any], text: str, *reqs: str) -> Fix:
    """A pip (or uv) install into the diagnosed environment, written for the machine's shell."""
    args = ["install", "-U", *reqs]
    return make_fix(facts, text, [Run(a) for a in pip_argvs(_py(facts), args, facts.get("python"))])


def _version(text: str | None) -> Version | None:
    if not text:
        return None
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _rows() -> list[dict[str, Any]]:
    return list(manifests.load("requirements").get("package") or [])


@check("runtime.diffusers", area=AREA, title="diffusers, transformers and accelerate can run Flux2KleinPipeline",
       needs=["python", "runtime"], paths=["diffusers"])
def diffusers_stack(facts: dict[str, Any]):
    py = facts.get("python") or {}
    if py.get("error") or not py.get("packages") and not py.get("executable"):
        yield skip("runtime.diffusers.no-python", "The diffusers stack was not checked: the target Python could not "
                   "be examined (see the PyTorch area)")
        return
    packages = py.get("packages") or {}
    chosen = (facts.get("options") or {}).get("path") == "diffusers"
    if "diffusers" not in packages and not chosen:
        yield info("runtime.diffusers.absent", f"diffusers is not installed in {_py(facts)} (fine if you use ComfyUI)")
        return
    problems = 0
    for row in _rows():
        name, floor = row["name"], _version(row.get("min"))
        have = packages.get(name)
        make = fail if row.get("severity", "fail") == "fail" else warn
        if have is None:
            problems += 1
            yield make(f"runtime.{name}.missing", f"{name} is not installed in {_py(facts)}: the diffusers path needs it "
                       f"for {row['need']}", [f"source: {row['source']}"],
                       _pip(facts, f"Install {name} into the environment that runs Klein",
                            f"{name}>={row['min']}" if row.get("min") else name))
            continue
        hv = _version(have)
        if floor and hv is not None and hv < floor:
            problems += 1
            yield make(f"runtime.{name}.too-old", f"{name} {have} is too old for FLUX.2 [klein]: {row['min']} or newer "
                       f"is needed for {row['need']}", [f"installed: {name} {have}", f"source: {row['source']}"],
                       _pip(facts, f"Upgrade {name} in the environment that runs Klein", f"{name}>={row['min']}"))
    rt = facts.get("runtime") or {}
    if rt.get("tried") and not rt.get("ok"):
        err = str(rt.get("error") or "no answer")
        first = err.splitlines()[0][:300]
        if problems:
            # The import failed because of what is named above: one cause, said once.
            f = info("runtime.diffusers.import-failed", f"`from diffusers import Flux2KleinPipeline` fails there: {first}",
                     [f"python: {rt.get('python')}"])
        else:
            f = fail("runtime.diffusers.import-failed", f"`from diffusers import Flux2KleinPipeline` fails in "
                     f"{_py(facts)}: {first}", [f"python: {rt.get('python')}"] + ([f"missing module: {rt['module']}"]
                                                                                if rt.get("module") else []),
                     _pip(facts, "Install the diffusers stack again in the environment that runs Klein, then rerun "
                          "`klein-doctor check --path diffusers`", "diffusers>=0.37", "transformers>=4.51", "accelerate"))
        f.detail = rt.get("traceback_tail")
        yield f
        return
    if problems:
        return
    vs = ", ".join(f"{n} {packages[n]}" for n in ("diffusers", "transformers", "accelerate") if packages.get(n))
    if rt.get("tried") and rt.get("ok"):
        yield ok("runtime.diffusers.ok", f"`from diffusers import Flux2KleinPipeline` works ({vs})",
                 [f"import took {rt.get('seconds')} s in {rt.get('python')}"])
    else:
        yield ok("runtime.diffusers.versions", f"The diffusers stack is new enough ({vs})",
                 [f"import not tried: {rt.get('reason') or 'no runtime facts'}"])


_TAG = re.compile(r"\+(cu\d+|cpu|rocm[\d.]+|xpu)$")


def _tag(version: str | None) -> str | None:
    m = _TAG.search(version or "")
    return m.group(1) if m else None


def _minor(v: Version) -> tuple[int, int]:
    return v.release[0], (v.release[1] if len(v.release) > 1 else 0)


@check("runtime.torch-family", area=AREA, title="torch, torchvision and torchaudio come from one release and one build",
       needs=["python"])
def torch_family(facts: dict[str, Any]):
    py = facts.get("python") or {}
    packages = py.get("packages") or {}
    builds = py.get("companion_builds") or {}
    torch_v = (py.get("torch_build") or {}).get("version") or packages.get("torch")
    if not torch_v:
        return  # no torch: the PyTorch area says so
    tv = _version(torch_v)
    if tv is None:
        return
    family = manifests.load("requirements").get("torch_family") or {}
    offset = int(family.get("torchvision_minor_offset", 15))
    others = {}
    for name in ("torchvision", "torchaudio"):
        v = builds.get(name) or packages.get(name)
        if v:
            others[name] = v
    if not others:
        return
    tmaj, tmin = _minor(tv)
    wrong_release, patch_only, wrong_build = [], [], []
    for name, v in others.items():
        ov = _version(v)
        if ov is None:
            continue
        if name == "torchvision":
            expect = (0, tmin + offset) if tmaj == 2 else None
        else:
            expect = (tmaj, tmin)
        if expect and _minor(ov) != expect:
            wrong_release.append(f"{name} {v} belongs to torch {_owner(name, ov, offset)}, not {torch_v}")
        elif expect and ov.micro != tv.micro and name == "torchaudio":
            patch_only.append(f"{name} {v} was built for torch {ov.major}.{ov.minor}.{ov.micro}, torch is {torch_v}")
        ttag, otag = _tag(torch_v), _tag(v)
        if ttag and otag and ttag != otag:
            wrong_build.append(f"torch is built for {_build(ttag)}, {name} {v} for {_build(otag)}")
    evidence = [f"torch {torch_v}"] + [f"{n} {v}" for n, v in others.items()] + [
        f"source: {family.get('torchvision_source')}", f"source: {family.get('torchaudio_source')}"]
    fix = _family_fix(facts, tv, _tag(torch_v))
    if wrong_build:
        yield fail("runtime.torch-family.build-mismatch", "torch and its companions come from different builds: "
                   + "; ".join(wrong_build), evidence, fix)
    if wrong_release:
        yield fail("runtime.torch-family.version-mismatch", "torch and its companions come from different releases: "
                   + "; ".join(wrong_release), evidence, fix)
    if patch_only and not wrong_release and not wrong_build:
        yield warn("runtime.torch-family.patch-mismatch", "; ".join(patch_only), evidence, fix)
    if not (wrong_build or wrong_release or patch_only):
        yield ok("runtime.torch-family.ok", f"torch {torch_v} with " + ", ".join(f"{n} {v}" for n, v in others.items())
                 + ": one release, one build", evidence)


def _owner(name: str, v: Version, offset: int) -> str:
    if name == "torchvision" and v.major == 0:
        return f"2.{v.minor - offset}"
    return f"{v.major}.{v.minor}"


def _build(tag: str) -> str:
    if tag == "cpu":
        return "the CPU only"
    if tag.startswith("cu") and len(tag) >= 4:
        return f"CUDA {tag[2:-1]}.{tag[-1]}"
    return tag


def _family_fix(facts: dict[str, Any], tv: Version, tag: str | None) -> Fix:
    """torch with the torchvision and torchaudio built for it (wheels.toml [[companion]]), one build, from that
    build's index; without a companion row torch is pinned and pip picks the companions whose wheels require it."""
    row = companions(tv.base_version)
    local = f"+{tag}" if tag else ""
    if row:
        reqs = [f"torch=={tv.base_version}{local}", f"torchvision=={row['torchvision']}{local}",
                f"torchaudio=={row['torchaudio']}{local}"]
        what = f"torch {tv.base_version}, torchvision {row['torchvision']} and torchaudio {row['torchaudio']}"
    else:
        reqs = [f"torch=={tv.base_version}{local}", "torchvision", "torchaudio"]
        what = f"torch {tv.base_version} with the torchvision and torchaudio built for it"
    args = ["install", "--force-reinstall", *reqs] + (["--index-url", f"https://download.pytorch.org/whl/{tag}"] if tag else [])
    build = f" ({_build(tag)})" if tag else ""
    return make_fix(facts, f"Reinstall {what} together, one build{build}",
                    [Run(a) for a in pip_argvs(_py(facts), args, facts.get("python"))])
