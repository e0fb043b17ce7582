"""The facts, typed: one TypedDict per section, as the probes produce it and the checks read it.

Probes return these shapes (``doctor/probes/*``); checks receive them; ``--facts`` files from other
machines (and other versions of the doctor) are validated against them before any check reads them
(``validate``). A section whose fields have the wrong type is reported once as an ``error`` finding and
treated as not gathered, so the checks that need it say ``skip`` with the reason instead of crashing on a
string where a number was promised.

Every TypedDict is ``total=False``: a field the probe did not fill is absent (older files, a probe that
stopped early), and readers use ``.get``. Unknown fields are allowed (a newer doctor's file still replays).
What is checked is the type of each field that is present, recursively, as far as the declarations go.
"""

from __future__ import annotations

import math
import typing
from typing import Any, Literal, Optional, TypedDict, Union

JSON = Any
Num = Union[int, float]


# --- system --------------------------------------------------------------------------------------
class DiskFacts(TypedDict, total=False):
    path: Optional[str]
    free_bytes: Optional[int]
    total_bytes: Optional[int]
    measured_at: Optional[str]
    error: Optional[str]


class SystemFacts(TypedDict, total=False):
    os: str
    platform: str
    release: str
    machine: str
    wsl: bool
    cpu_count: Optional[int]
    ram_total_bytes: Optional[int]
    ram_available_bytes: Optional[int]
    swap_total_bytes: Optional[int]
    swap_free_bytes: Optional[int]
    disk: DiskFacts
    env: dict[str, str]
    home: Optional[str]
    user: Optional[str]
    hostname: Optional[str]
    doctor_python: Optional[str]
    doctor_python_version: Optional[str]
    secret_vars_set: list[str]
    distro: Optional[str]
    distro_id: Optional[str]
    distro_like: list[str]
    distro_version: Optional[str]
    container: Optional[str]
    euid: Optional[int]
    has_sudo: Optional[bool]


# --- gpu -----------------------------------------------------------------------------------------
class GpuProcess(TypedDict, total=False):
    pid: Optional[int]
    name: Optional[str]
    used_bytes: Optional[int]


class GpuDevice(TypedDict, total=False):
    index: int
    name: Optional[str]
    uuid: Optional[str]
    compute_capability: Optional[str]
    memory_total_bytes: Optional[int]
    memory_free_bytes: Optional[int]
    memory_used_bytes: Optional[int]
    pci_bus_id: Optional[str]
    processes: Optional[list[GpuProcess]]
    pcie_gen: Optional[Num]
    pcie_width: Optional[Num]
    pcie_max_width: Optional[Num]
    sm_clock_mhz: Optional[Num]
    sm_clock_max_mhz: Optional[Num]
    power_limit_w: Optional[Num]


class GpuAttempt(TypedDict, total=False):
    source: str
    ok: bool
    executable: str
    error: str


class GpuFacts(TypedDict, total=False):
    source: Optional[str]
    executable: Optional[str]
    driver_version: Optional[str]
    cuda_driver_version: Optional[str]
    devices: list[GpuDevice]
    attempts: list[GpuAttempt]


# --- python --------------------------------------------------------------------------------------
class TorchBuild(TypedDict, total=False):
    found: bool
    version: Optional[str]
    cuda: Optional[str]
    hip: Optional[str]
    location: Optional[str]


class PythonFacts(TypedDict, total=False):
    requested: str
    executable: str
    version: str
    implementation: str
    platform: str
    prefix: str
    base_prefix: str
    is_venv: bool
    embedded: bool
    is_doctor_python: bool
    duration_s: Num
    distribution_count: int
    packages: dict[str, str]
    torch_build: TorchBuild
    companion_builds: dict[str, str]  # torchvision/torchaudio __version__ with the build's local tag
    env_kind: str
    uv_made: bool
    has_pip: bool
    pip_version: Optional[str]
    package_tool: Optional[str]
    externally_managed: bool  # PEP 668: pip refuses to install here without --break-system-packages
    break_system_packages: bool  # PIP_BREAK_SYSTEM_PACKAGES or pip.conf already says install anyway
    selected: dict[str, Any]
    doctor_env: dict[str, Any]
    error: Optional[str]
    stderr_tail: Optional[str]


# --- python_target ------------------------------------------------------------------------------
class PythonTargetFacts(TypedDict, total=False):
    """Which interpreter is diagnosed, and why (probes/pyenv.py choose())."""
    executable: str
    how: str
    why: str
    tried: list[Any]


# --- runtime -------------------------------------------------------------------------------------
class RuntimeFacts(TypedDict, total=False):
    """`from diffusers import Flux2KleinPipeline` tried in the target Python (probes/runtime.py)."""
    tried: bool
    reason: str
    ok: bool
    error: Optional[str]
    module: Optional[str]
    traceback_tail: Optional[str]
    stderr_tail: Optional[str]
    seconds: Num
    python: str
    diffusers: Optional[str]


# --- torch ---------------------------------------------------------------------------------------
class ErrorInfo(TypedDict, total=False):
    type: str
    message: str


class TorchDevice(TypedDict, total=False):
    index: int
    name: str
    capability: list[int]
    total_memory: int


class TorchExtension(TypedDict, total=False):
    ok: bool
    version: Optional[str]
    error: ErrorInfo


class TorchFacts(TypedDict, total=False):
    ran: bool
    installed: Optional[bool]
    crashed: bool
    reason: str
    error: Optional[str]
    returncode: Optional[int]
    stderr_tail: str
    wall_s: Num
    import_s: Num
    import_error: ErrorInfo
    import_traceback: str
    version: str
    cuda: Optional[str]
    hip: Optional[str]
    arch_flags: list[str]
    arch_flags_error: ErrorInfo
    cudnn: Optional[int]
    is_available: bool
    cuda_error: ErrorInfo
    device_count: int
    devices: list[TorchDevice]
    kernel_device: int
    kernel_ok: Optional[bool]
    kernel_error: ErrorInfo
    mem_get_info: list[int]
    sdpa_flash: bool
    extensions: dict[str, TorchExtension]
    warnings: list[str]
    duration_s: Num


# --- scan (attention overrides in scripts) -------------------------------------------------------
class ScanHit(TypedDict, total=False):
    file: str
    line: int
    pattern: str
    id: str
    kind: str
    text: str


class ScanFacts(TypedDict, total=False):
    paths: list[str]
    missing: list[str]
    files_scanned: int
    skipped_large: int
    truncated: bool
    hits: list[ScanHit]


# --- comfyui_tree --------------------------------------------------------------------------------
class LaunchFlag(TypedDict, total=False):
    flag: str
    value: Optional[str]
    line: int
    text: str
    file: str


class ModelFolder(TypedDict, total=False):
    path: str
    source: str
    is_default: bool
    exists: bool


class KleinNodes(TypedDict, total=False):
    nodes: dict[str, Optional[str]]  # node -> the file that defines it (relative to the code folder), or null
    clip_type_flux2: Optional[str]  # the file that adds CLIP type flux2, or null
    all_present: Optional[bool]


class YamlSection(TypedDict, total=False):
    base_path: Optional[str]
    base_exists: bool
    is_default: bool
    folders: dict[str, list[str]]
    problems: list[str]


class YamlFile(TypedDict, total=False):
    path: str
    ok: bool
    error: Optional[str]
    sections: dict[str, YamlSection]


class ExtraModelPaths(TypedDict, total=False):
    files: list[YamlFile]
    missing: list[str]


# a folder and where its place came from ("from" is a Python keyword, hence the functional form)
FromPath = TypedDict("FromPath", {"path": str, "from": str}, total=False)


class ComfyTreeFacts(TypedDict, total=False):
    found: bool
    base_directory: FromPath  # ComfyUI's --base-directory (or the install folder) the model folders hang from
    folders: dict[str, FromPath]  # --output-directory, --user-directory, ... as the launch flags set them
    root: Optional[str]
    how_found: str
    layout: str
    tried: list[dict[str, Any]]
    code_dir: Optional[str]
    desktop_base: Optional[str]
    explicit_not_comfyui: str
    explicit_state: str  # "missing", "file" or "folder": what that --comfyui path is
    version: Optional[str]
    version_source: str
    git_describe: Optional[str]
    git_refused: str  # "dubious ownership": git refuses the checkout (owned by another user)
    klein_nodes: KleinNodes
    python: Optional[str]
    cuda_device: Optional[int]
    launch_flags: list[LaunchFlag]
    launch_scripts: list[Any]
    attention_scan: Optional[ScanFacts]
    model_folders: dict[str, list[ModelFolder]]
    extra_model_paths: ExtraModelPaths
    models_root: Optional[str]
    workflows_dir: Optional[str]
    logs: list[Any]
    source: str


# --- comfyui_server ------------------------------------------------------------------------------
class ServerError(TypedDict, total=False):
    kind: str
    message: str
    status: Optional[int]


class ServerDevice(TypedDict, total=False):
    name: Optional[str]
    type: Optional[str]
    index: Optional[Num]
    vram_total: Optional[Num]
    vram_free: Optional[Num]


class ObjectInfo(TypedDict, total=False):
    complete: bool
    node_names: Optional[list[str]]
    klein_nodes: dict[str, bool]
    clip_types: Optional[list[str]]
    files: dict[str, Optional[list[str]]]
    error: Any


class ComfyServerFacts(TypedDict, total=False):
    contacted: bool
    why: str
    url: str
    explicit: bool
    remote: bool
    reachable: bool
    is_comfyui: bool
    error: Optional[ServerError]
    source: Optional[str]
    version: Optional[str]
    python_version: Optional[str]
    pytorch_version: Optional[str]
    embedded_python: Any
    deploy_environment: Optional[str]
    os: Optional[str]
    argv: list[str]
    flags: list[dict[str, Any]]
    devices: list[ServerDevice]
    object_info: Optional[ObjectInfo]


# --- models --------------------------------------------------------------------------------------
class Integrity(TypedDict, total=False):
    ok: bool
    problem: Optional[str]
    expected_size: Optional[int]


class Identity(TypedDict, total=False):
    id: Optional[str]
    role: Optional[str]
    family: Optional[str]
    size_class: Optional[str]
    dtype: Optional[str]
    label: Optional[str]
    top_prefixes: list[str]
    key_prefix: Optional[str]
    tensors: int


class ModelFile(TypedDict, total=False):
    name: str
    path: str
    folder: str
    folder_type: str
    folder_source: Optional[str]
    size: Optional[int]
    mtime_ns: Optional[int]
    integrity: Integrity
    header: Optional[dict[str, Any]]  # the header summary the checks identify (safetensors_id.identify_summary)
    identity: Identity  # older facts files: the identity judged when they were recorded
    hash_state: str
    hash_error: Optional[str]
    sha256: Optional[str]
    expected_sha256: list[str]


class ModelsComfy(TypedDict, total=False):
    found: bool
    root: Optional[str]
    models_root: Optional[str]
    layout: str
    root_state: str  # --models-dir only: "missing", "file" or "folder"
    model_folders: dict[str, list[ModelFolder]]


class ModelsHF(TypedDict, total=False):
    hub_dir: str
    hub_source: str
    hub_exists: bool
    model_dir: Optional[str]
    model_dir_state: str  # --model-dir only: "missing", "file" or "folder"
    repos: list[dict[str, Any]]


class ManifestFile(TypedDict, total=False):
    role: str
    folder: str
    name: str
    repo: Optional[str]
    repo_path: Optional[str]
    revision: Optional[str]
    size: Optional[int]
    sha256: Optional[str]
    identity: Optional[str]
    alternates: list[Any]


class ManifestComfy(TypedDict, total=False):
    files: list[ManifestFile]


class ManifestVariant(TypedDict, total=False):
    id: str
    model: str
    default_for: list[str]
    gated: bool
    dtype: str
    label: str
    comfyui: ManifestComfy
    diffusers: dict[str, Any]


class ModelsManifest(TypedDict, total=False):
    path: Optional[str]
    variant: list[ManifestVariant]
    url_template: Optional[str]


class ModelsFacts(TypedDict, total=False):
    manifest: ModelsManifest  # older facts files; newer ones name the manifest used (manifest_path)
    manifest_path: Optional[str]
    comfyui: Optional[ModelsComfy]
    files: list[ModelFile]
    hf: Optional[ModelsHF]


# --- workflows -----------------------------------------------------------------------------------
class WorkflowNode(TypedDict, total=False):
    id: Any
    type: str
    widgets: dict[str, Any]


class WorkflowScope(TypedDict, total=False):
    name: str
    nodes: list[WorkflowNode]


class WorkflowFile(TypedDict, total=False):
    path: Optional[str]
    format: Optional[str]
    error: Optional[str]
    error_code: Optional[str]  # a finding code for errors that have their own (workflows.subgraph-cycle)
    path_state: Optional[str]  # "missing" / "empty-folder": the path given names no workflow; None otherwise
    origin: str
    folder: bool
    scopes: list[WorkflowScope]
    node_types: list[str]
    inactive: int


class WorkflowsFacts(TypedDict, total=False):
    files: list[WorkflowFile]
    workflows_dir: Optional[str]
    truncated: bool
    lookup: Optional[dict[str, dict[str, list[str]]]]
    folders_searched: dict[str, list[str]]
    headers: dict[str, dict[str, Any]]


# --- comfyui_log ---------------------------------------------------------------------------------
class LogScan(TypedDict, total=False):
    path: str
    size: Optional[int]
    mtime: Optional[int]
    scanned_bytes: int
    partial: bool
    hits: list[dict[str, Any]]
    context: dict[str, Any]
    error: Optional[str]


class ComfyLogFacts(TypedDict, total=False):
    tail_bytes: int
    logs: list[LogScan]


# --- smoke ---------------------------------------------------------------------------------------
class SmokeFacts(TypedDict, total=False):
    requested: bool
    ran: bool
    plan: dict[str, Any]
    result: dict[str, Any]


# --- options (what the user asked; saved so a replay knows) -------------------------------------
class OptionsFacts(TypedDict, total=False):
    path: Optional[Literal["comfyui", "diffusers"]]
    python: Optional[str]
    gpu: Optional[int]
    scan: list[str]
    torch_timeout: Optional[Num]
    variant: Optional[str]
    comfyui: Optional[str]
    models_dir: Optional[str]
    model_dir: Optional[str]
    manifest: Optional[str]
    no_hash: bool
    workflows: list[str]
    server: Optional[str]
    no_server: bool
    smoke: bool
    synthetic: bool
    smoke_out: Optional[str]
    smoke_runs: Optional[int]
    smoke_timeout: Optional[Num]
    smoke_mode: Optional[str]
    smoke_vram_limit_gb: Optional[Num]
    smoke_seed: Optional[int]
    cwd: Optional[str]
    # written by the tree probe into the options before facts schema klein-doctor-facts/1 kept them in the tree
    detected_python: Optional[str]
    comfyui_cuda_device: Optional[int]


# One TypedDict per section; the section names are the probe names (and `options`).
SECTIONS: dict[str, type] = {
    "system": SystemFacts,
    "gpu": GpuFacts,
    "python": PythonFacts,
    "torch": TorchFacts,
    "runtime": RuntimeFacts,
    "python_target": PythonTargetFacts,
    "scan": ScanFacts,
    "comfyui_tree": ComfyTreeFacts,
    "comfyui_server": ComfyServerFacts,
    "models": ModelsFacts,
    "workflows": WorkflowsFacts,
    "comfyui_log": ComfyLogFacts,
    "smoke": SmokeFacts,
    "options": OptionsFacts,
}

# Fields a probe always fills in a record of this type (a record without them was not made by a probe).
REQUIRED: dict[type, tuple[str, ...]] = {
    ScanHit: ("file", "line", "pattern"),
    GpuAttempt: ("source",),
    LaunchFlag: ("flag",),
    ModelFile: ("name", "path", "folder_type", "integrity"),
    ManifestVariant: ("id",),
    ManifestComfy: ("files",),
    YamlFile: ("path",),
    Integrity: ("ok",),
    ManifestFile: ("role", "folder", "name"),
    WorkflowScope: ("nodes",),
    WorkflowNode: ("type",),
    Identity: (),
}


def _tree_rule(v: dict[str, Any]) -> str | None:
    if v.get("found") and not isinstance(v.get("root"), str):
        return "root is missing although found is true"
    return None


def _integrity_rule(v: dict[str, Any]) -> str | None:
    if v.get("ok") is False and not isinstance(v.get("problem"), str):
        return "problem is missing although ok is false"
    return None


# Rules across fields of one record.
RULES: dict[type, Any] = {ComfyTreeFacts: _tree_rule, Integrity: _integrity_rule}

# Facts-file fields that are not sections a check reads.
META = ("schema", "collected_at", "tool_version", "probe_errors", "probe_durations", "scenario")


def _mismatch(value: Any, tp: Any, where: str, depth: int = 0) -> str | None:
    """None when ``value`` fits ``tp``; else the first place it does not, in words."""
    if depth > 40:
        return None
    if tp is Any:
        return None
    origin = typing.get_origin(tp)
    if origin is Union:
        args = typing.get_args(tp)
        problems = [_mismatch(value, a, where, depth + 1) for a in args]
        if any(p is None for p in problems):
            return None
        return f"{where} is {_kind(value)}, expected {_name(tp)}"
    if origin is Literal:
        allowed = typing.get_args(tp)
        return None if value in allowed and isinstance(value, str) else f"{where} is {value!r}, expected one of {', '.join(map(str, allowed))}"
    if tp is type(None):
        return None if value is None else f"{where} is {_kind(value)}, expected null"
    if tp is bool:
        return None if isinstance(value, bool) else f"{where} is {_kind(value)}, expected true/false"
    if tp is int:
        return None if isinstance(value, int) and not isinstance(value, bool) else f"{where} is {_kind(value)}, expected an integer"
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        return None if ok else f"{where} is {_kind(value)}, expected a number"
    if tp is str:
        return None if isinstance(value, str) else f"{where} is {_kind(value)}, expected text"
    if origin is list:
        if not isinstance(value, list):
            return f"{where} is {_kind(value)}, expected a list"
        (item,) = typing.get_args(tp) or (Any,)
        for i, v in enumerate(value):
            p = _mismatch(v, item, f"{where}[{i}]", depth + 1)
            if p:
                return p
        return None
    if origin is dict:
        if not isinstance(value, dict):
            return f"{where} is {_kind(value)}, expected an object"
        kt, vt = typing.get_args(tp) or (Any, Any)
        for k, v in value.items():
            if not isinstance(k, str):
                return f"{where} has a non-text key"
            p = _mismatch(v, vt, f"{where}.{k}", depth + 1)
            if p:
                return p
        return None
    if isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__annotations__"):  # a TypedDict
        if not isinstance(value, dict):
            return f"{where} is {_kind(value)}, expected an object"
        hints = _hints(tp)
        for k in REQUIRED.get(tp, ()):
            if k not in value:
                return f"{where}.{k} is missing"
        rule = RULES.get(tp)
        if rule is not None and rule(value):
            return f"{where}: {rule(value)}"
        for k, v in value.items():
            if k in hints:
                p = _mismatch(v, hints[k], f"{where}.{k}", depth + 1)
                if p:
                    return p
        return None
    return None


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    if tp not in _HINTS:
        _HINTS[tp] = typing.get_type_hints(tp)
    return _HINTS[tp]


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return "a number" if not isinstance(v, float) or math.isfinite(v) else "a non-finite number"
    if isinstance(v, str):
        return "text"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, dict):
        return "an object"
    return type(v).__name__


def _name(tp: Any) -> str:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    names = {bool: "true/false", int: "an integer", float: "a number", str: "text", type(None): "null"}
    parts = [names.get(a, "a list" if typing.get_origin(a) is list else
                       ("one of " + ", ".join(map(str, typing.get_args(a))) if typing.get_origin(a) is Literal
                        else "an object")) for a in args]
    if len(args) < len(typing.get_args(tp)):
        parts.append("null")
    return " or ".join(dict.fromkeys(parts))


def validate_section(name: str, value: Any) -> str | None:
    """None when ``value`` is a valid ``name`` section; else what is wrong with it, in words."""
    tp = SECTIONS.get(name)
    if tp is None:
        return None
    return _mismatch(value, tp, name)


def validate(facts: dict[str, Any]) -> dict[str, str]:
    """{section: problem} for each present section whose types are wrong (an empty dict: all fit)."""
    out: dict[str, str] = {}
    for name in SECTIONS:
        if name in facts:
            p = validate_section(name, facts[name])
            if p:
                out[name] = p
    return out
