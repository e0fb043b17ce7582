"""Rules over the GPU, driver and wheel tables: pure functions the checks share.

The tables themselves are data (``manifests/gpus.toml``, ``wheels.toml``, ``drivers.toml``); this module
only knows how to read them: version ordering, the same-major SASS rule, which wheel serves a GPU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from . import manifests
from .shells import POSIX, Run, render_step


def driver_tuple(v: str | None) -> tuple[int, ...] | None:
    """'580.159.04' -> (580, 159, 4). None for anything unreadable."""
    if not v:
        return None
    parts = re.findall(r"\d+", str(v))
    return tuple(int(p) for p in parts) if parts else None


def driver_at_least(have: str | None, need: str) -> bool | None:
    h, n = driver_tuple(have), driver_tuple(need)
    if h is None or n is None:
        return None
    width = max(len(h), len(n))
    return h + (0,) * (width - len(h)) >= n + (0,) * (width - len(n))


def cc_tuple(cc: str | None) -> tuple[int, int] | None:
    if not cc:
        return None
    m = re.match(r"^\s*(\d+)\.(\d+)\s*$", str(cc))
    if not m:
        return None
    return int(m.group(1)), int(m.group(2))


def sm_name(cc: str | None) -> str | None:
    t = cc_tuple(cc)
    return f"sm_{t[0]}{t[1]}" if t else None


def _arch_cc(entry: str) -> tuple[str, tuple[int, int]] | None:
    m = re.match(r"^(sm|compute)_(\d+)(\d)[a-z]?$", entry.strip())
    if not m:
        return None
    return m.group(1), (int(m.group(2)), int(m.group(3)))


def arch_covers(arch_list: list[str], cc: str | None) -> bool | None:
    """Can a binary with these compiled archs run on a GPU of capability ``cc``?

    SASS (sm_XY) runs on GPUs of the same major and a minor >= Y; arch-specific 'a' variants
    (sm_90a) only on exactly that GPU. PTX (compute_XY) JIT-compiles for any newer GPU.
    """
    gpu = cc_tuple(cc)
    if gpu is None or not arch_list:
        return None
    for entry in arch_list:
        parsed = _arch_cc(entry)
        if not parsed:
            continue
        kind, (maj, minor) = parsed
        if kind == "compute" and gpu >= (maj, minor):
            return True
        if kind == "sm":
            if entry.endswith("a"):
                if gpu == (maj, minor):
                    return True
            elif gpu[0] == maj and gpu[1] >= minor:
                return True
    return False


def gpu_row(name: str | None) -> dict[str, Any] | None:
    """The gpus.toml capability row whose name fragment matches ``name`` best (longest fragment)."""
    if not name:
        return None
    low = name.lower()
    best: tuple[int, dict[str, Any]] | None = None
    for row in manifests.load("gpus").get("capability", []):
        for frag in row["names"]:
            if re.search(r"(?<![a-z0-9])" + re.escape(frag.lower()) + r"(?![a-z0-9])", low):
                if best is None or len(frag) > best[0]:
                    best = (len(frag), row)
    return best[1] if best else None


def device_cc(dev: dict[str, Any]) -> tuple[str | None, str]:
    """The device's capability and where it came from ('driver' or 'name table')."""
    if dev.get("compute_capability"):
        return str(dev["compute_capability"]), "driver"
    row = gpu_row(dev.get("name"))
    if row:
        return row["cc"], "name table"
    return None, "unknown"


def has_fp8(cc: str | None) -> bool | None:
    t = cc_tuple(cc)
    if t is None:
        return None
    return t >= cc_tuple(manifests.load("gpus")["fp8"]["min_cc"])  # type: ignore[operator]


def release_of(torch_version: str | None) -> str | None:
    """'2.7.1+cu126' -> '2.7.1'."""
    if not torch_version:
        return None
    return torch_version.split("+", 1)[0]


def local_tag(torch_version: str | None) -> str | None:
    if torch_version and "+" in torch_version:
        return torch_version.split("+", 1)[1]
    return None


def cuda_major(cuda: str | None) -> int | None:
    m = re.match(r"^(\d+)", cuda or "")
    return int(m.group(1)) if m else None


def driver_floor(cuda: str | None, os_name: str = "linux") -> dict[str, Any] | None:
    major = cuda_major(cuda)
    for row in manifests.load("drivers").get("cuda_major", []):
        if row["major"] == major:
            key = "windows" if os_name.startswith("win") else "linux"
            return {"min": row[key], "source": row["source"], "major": major}
    return None


def arch_driver_floor(cc: str | None) -> dict[str, Any] | None:
    t = cc_tuple(cc)
    if not t:
        return None
    for row in manifests.load("drivers").get("architecture", []):
        if row["cc_major"] == t[0]:
            return row
    return None


def _contains(spec: str, release: str) -> bool:
    try:
        return Version(release) in SpecifierSet(spec)
    except (InvalidSpecifier, InvalidVersion, ValueError):  # ValueError: over the 4,300-digit limit
        return False


def variants_for(release: str) -> list[dict[str, Any]]:
    return [v for v in manifests.load("wheels").get("variant", []) if _contains(v["torch"], release)]


def expected_arch(release: str | None, tag: str | None) -> list[str] | None:
    """The arch list the table says a wheel has (used when torch itself cannot tell)."""
    if not release:
        return None
    for v in variants_for(release):
        if tag is None and v.get("pypi_default") or v["tag"] == tag:
            return list(v["arch"])
    return None


@dataclass
class WheelChoice:
    release: str
    tag: str
    cuda: str
    same_release: bool
    index_url: str


def choose_wheel(cc: str | None, driver: str | None, os_name: str = "linux",
                 current_release: str | None = None, prefer: str = "pypi-default") -> WheelChoice | None:
    """The wheel to install for this GPU and driver: the user's own release if a variant of it serves the
    GPU, else the recommended release; among variants the PyPI default if it fits, else the newest CUDA
    whose driver floor the driver meets. With no driver known (explain reads a paste, not the machine),
    `prefer="lowest-floor"` takes the variant with the lowest driver floor instead, so the command runs on
    every driver that runs the GPU."""
    table = manifests.load("wheels")

    def fits(v: dict[str, Any]) -> bool:
        if cc and arch_covers(v["arch"], cc) is False:
            return False
        floor = driver_floor(v["cuda"], os_name)
        if driver and floor and driver_at_least(driver, floor["min"]) is False:
            return False
        return True

    def pick(release: str) -> dict[str, Any] | None:
        good = [v for v in variants_for(release) if fits(v)]
        if not good:
            return None
        if prefer == "lowest-floor":
            return min(good, key=lambda v: (driver_tuple((driver_floor(v["cuda"], os_name) or {}).get("min")) or (999,),
                                            driver_tuple(v["cuda"]) or (0,)))
        default = [v for v in good if v.get("pypi_default")]
        if default:
            return default[0]
        return max(good, key=lambda v: driver_tuple(v["cuda"]) or (0,))

    for release, same in ((current_release, True), (table["recommended_release"], False)):
        if not release:
            continue
        v = pick(release)
        if v:
            return WheelChoice(release=release, tag=v["tag"], cuda=v["cuda"], same_release=same,
                               index_url=table["index_url"].format(tag=v["tag"]))
    return None


def pip_argv(python: str | None, args: list[str], py_facts: dict[str, Any] | None = None) -> list[str]:
    """The argv that runs pip's ``args`` for the target interpreter: ``python -m pip ...``, or
    ``uv pip ... --python PY`` where the environment is uv's (a uv venv or uv tool has no pip)."""
    exe = python or "python"
    py = py_facts or {}
    args = list(args)
    if args and args[0] in ("install", "uninstall") and refuses_installs(py):
        args.insert(1, "--break-system-packages")
    if py.get("package_tool") == "uv":
        sub, rest = args[0], [a for a in args[1:] if a != "-y"]  # uv never prompts and has no -y
        return ["uv", "pip", sub, "--python", exe] + rest
    return [exe, "-m", "pip"] + args


def refuses_installs(py_facts: dict[str, Any]) -> bool:
    """pip (23.0+, PEP 668) refuses to install into this interpreter unless told: the distribution's or uv's
    managed Python outside a virtual environment, with no PIP_BREAK_SYSTEM_PACKAGES or pip.conf saying so. An
    older pip ignores the marker and does not know the option."""
    if not py_facts.get("externally_managed") or py_facts.get("break_system_packages"):
        return False
    pip = py_facts.get("pip_version") or (py_facts.get("packages") or {}).get("pip")
    if pip and py_facts.get("package_tool") != "uv":
        try:
            return Version(pip) >= Version("23.0")
        except InvalidVersion:
            return True
    return True


def companions(release: str) -> dict[str, Any] | None:
    """The torchvision and torchaudio releases built with this torch release (wheels.toml [[companion]])."""
    for row in manifests.load("wheels").get("companion", []):
        if row["torch"] == release:
            return row
    return None


def torch_pins(choice: WheelChoice) -> list[str]:
    """torch, torchvision and torchaudio pinned to the chosen build (the local +cuXXX tag included, so pip
    replaces another CUDA build of the same release); torch alone when the table has no companion row."""
    row = companions(choice.release)
    pins = [f"torch=={choice.release}+{choice.tag}"]
    if row:
        pins += [f"torchvision=={row['torchvision']}+{choice.tag}", f"torchaudio=={row['torchaudio']}+{choice.tag}"]
    return pins


def pip_argvs(python: str | None, args: list[str], py_facts: dict[str, Any] | None = None) -> list[list[str]]:
    """pip_argv, preceded by ``python -m ensurepip`` where the environment has neither pip nor uv (a venv made
    with --without-pip)."""
    py = py_facts or {}
    first = [[python or "python", "-m", "ensurepip"]] if py.get("has_pip") is False and not py.get("package_tool") else []
    return first + [pip_argv(python, args, py)]


def torch_install_args(choice: WheelChoice, current_version: str | None = None) -> list[str]:
    """pip arguments that install the chosen build of torch + torchvision + torchaudio from its index. When that
    exact build is already installed (it is broken: it does not import or crashes) the install is forced."""
    force = current_version is not None and current_version == f"{choice.release}+{choice.tag}"
    return ["install"] + (["--force-reinstall"] if force else []) + torch_pins(choice) + ["--index-url", choice.index_url]


def as_root(argv: list[str], system: dict[str, Any]) -> list[str]:
    """A command that needs root, as this user runs it: bare when the doctor runs as root (containers, root
    shells, where sudo is often not installed), else behind sudo; where sudo is not installed (Debian installed
    with a root password), through ``su - -c``. A facts file without the user id gets sudo."""
    if system.get("euid") == 0:
        return list(argv)
    if system.get("has_sudo") is False:
        return ["su", "-", "-c", _quoted(argv)]
    return ["sudo", *argv]


def _repo_arch(system: dict[str, Any]) -> str | None:
    machine = str(system.get("machine") or "").lower()
    return {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "sbsa", "arm64": "sbsa"}.get(machine)


def linux_install_row(system: dict[str, Any]) -> dict[str, Any] | None:
    """The [[linux_install]] row for this distribution (os-release ID, then ID_LIKE in order), or None.

    A row with ``versions`` fits only those VERSION_ID majors; a row with ``by_like = false`` is taken for its own
    IDs only (its commands name the distribution's own release, which a derivative's VERSION_ID is not). A
    distribution that a row names by its ID but whose release no row fits gets no row: None with no fall-through
    to its ID_LIKE (Rocky Linux 8 is not Fedora 8)."""
    rows = manifests.load("drivers").get("linux_install", [])
    version_major = str(system.get("distro_version") or "").split(".")[0]
    own = system.get("distro_id")
    for ident in [own] + list(system.get("distro_like") or []):
        if not ident:
            continue
        named = [r for r in rows if ident in r.get("ids", []) and (ident == own or r.get("by_like", True))]
        fits = [r for r in named if not r.get("versions") or version_major in r["versions"]]
        if fits:
            return dict(fits[0], matched_like=ident != own)
        if named:
            return None
    return None


def _fill(argvs: list[list[str]], system: dict[str, Any], major: int | None,
          like: bool = False) -> list[list[str]] | None:
    """The row's commands with their placeholders filled, as root; None when a placeholder has no value here."""
    version = str(system.get("distro_version") or "")
    values = {"major": str(major) if major else "", "version": version,
              "version_major": version.split(".")[0], "repo_arch": _repo_arch(system) or ""}
    if like:  # a derivative's VERSION_ID is its own release, not the release these commands name
        values.update(version="", version_major="")
    out = []
    for argv in argvs:
        filled = []
        for arg in argv:
            for key, val in values.items():
                if "{" + key + "}" in arg:
                    if not val:
                        return None
                    arg = arg.replace("{" + key + "}", val)
            filled.append(arg)
        out.append(as_root(filled, system))
    return out


def container_row(system: dict[str, Any]) -> dict[str, Any] | None:
    """The [[container_gpu]] row when the doctor runs inside a container (None on a plain machine)."""
    kind = system.get("container")
    if not kind:
        return None
    rows = manifests.load("drivers").get("container_gpu", [])
    return next((r for r in rows if r.get("kind") == kind), None) or next((r for r in rows if r.get("kind") == "*"), None)


def _quoted(argv: list[str]) -> str:
    """A command as bash reads it (the project's POSIX quoting, shells.render_step)."""
    return render_step(POSIX, Run(argv))


def _linux_driver(system: dict[str, Any], min_driver: str | None) -> tuple[str, str, list[list[str]]]:
    """The distribution's short name, the words naming it (with its alternative and notes), and the commands that
    install the driver (branch ``min_driver`` or newer when given) on this Linux, as this user runs them."""
    major = (driver_tuple(min_driver) or (0,))[0] if min_driver else None
    row = linux_install_row(system)
    if row is None and not system.get("distro_id"):
        # a facts file without os-release: Ubuntu's commands, said as an example
        cmds = [as_root(["apt", "install", f"nvidia-driver-{major}-open"], system)] if major else \
            [as_root(["ubuntu-drivers", "install"], system)]
        also = f"; {_quoted(as_root(['ubuntu-drivers', 'install'], system))} also works" if major else ""
        return "Ubuntu", f"Ubuntu shown{also}", cmds
    if row is None:
        distro = system.get("distro") or system.get("distro_id")
        return distro, (f"{distro}: use its NVIDIA driver packages, or NVIDIA's installer from "
                        "https://www.nvidia.com/Download/index.aspx"), []
    cmds = _fill(row["branch"] if major else row["any"], system, major,
                 like=row.get("matched_like", False) and not row.get("like_versions", False)) or []
    words = row.get("branch_words" if major else "any_words")
    also = row.get("also") if major else None
    label = row["name"] + (f"; {_quoted(as_root(also, system))} also works" if also else "") + (f"; {words}" if words else "")
    return row["name"], label, cmds


def linux_driver_install(system: dict[str, Any], min_driver: str | None = None) -> tuple[str, list[list[str]]]:
    """Words naming the distribution, and the commands that install the driver (branch ``min_driver`` or newer
    when given) on this Linux, as this user runs them."""
    _, label, cmds = _linux_driver(system, min_driver)
    return label, cmds


def driver_update_words(min_driver: str, system: dict[str, Any]) -> str:
    """The driver update in a few words, for a fix whose command is something else."""
    box = container_row(system)
    if box:
        host = "Windows" if system.get("wsl") else "the host"
        return (f"update the NVIDIA driver on {host} to {min_driver} or newer (this runs in {box['name']}, which uses "
                f"the host's driver) and reboot {host}")
    if system.get("wsl"):
        return (f"update the NVIDIA driver on Windows (not inside WSL) to {min_driver} or newer, then restart WSL "
                "with wsl.exe --shutdown")
    if str(system.get("os", "")).startswith("win"):
        return f"install NVIDIA driver {min_driver} or newer from https://www.nvidia.com/Download/index.aspx and reboot"
    name, label, cmds = _linux_driver(system, min_driver)
    if len(cmds) == 1:
        return f"install NVIDIA driver {min_driver} or newer ({name}: {_quoted(cmds[0])}) and reboot"
    return f"install NVIDIA driver {min_driver} or newer ({label}) and reboot"


def driver_update_text(min_driver: str, system: dict[str, Any]) -> tuple[str, list[list[str]]]:
    """The driver fix as words plus the commands that do it on this OS (none where it is a download or the
    driver is the host's)."""
    box = container_row(system)
    if box:
        host = "on Windows (Docker Desktop's WSL2 backend passes its GPU in)" if system.get("wsl") else "on the host"
        return (f"Update the NVIDIA driver {host} to {min_driver} or newer and reboot it: this runs in "
                f"{box['name']}, which uses the host's driver, and nothing installed inside it changes the driver", [])
    if system.get("wsl"):
        return (f"Update the NVIDIA driver on Windows (not inside WSL) to {min_driver} or newer from "
                "https://www.nvidia.com/Download/index.aspx or the NVIDIA App, then restart WSL", [["wsl.exe", "--shutdown"]])
    if str(system.get("os", "")).startswith("win"):
        return (f"Install NVIDIA driver {min_driver} or newer from https://www.nvidia.com/Download/index.aspx "
                "or the NVIDIA App, then reboot", [])
    label, cmds = linux_driver_install(system, min_driver)
    return f"Install NVIDIA driver {min_driver} or newer ({label}), then reboot", cmds


def companions(release: str) -> dict[str, str]:
    """torchvision / torchaudio releases built for this torch release (manifests/torch_companions.toml)."""
    table = manifests.load("torch_companions")
    for row in table.get("release") or []:
        if row["torch"] == release:
            return {"torchvision": row["torchvision"], "torchaudio": row["torchaudio"]}
    try:
        v = Version(release)
    except InvalidVersion:
        return {}
    rule = table["rule"]
    return {"torchvision": f"0.{v.minor + int(rule['torchvision_minor_offset'])}.{v.micro}",
            "torchaudio": release if rule.get("torchaudio_same_as_torch") else ""}
