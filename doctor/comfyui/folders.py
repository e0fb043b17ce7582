"""ComfyUI's model folders and loaders, from manifests/comfyui.toml ([folders], [[loader]]): the one table."""

from __future__ import annotations

from .. import manifests


def _m() -> dict:
    return manifests.load("comfyui")


def folder_types() -> list[str]:
    """Every folder type the doctor looks at, new names first."""
    return list(_m()["folders"]["types"])


def legacy() -> dict[str, str]:
    """Legacy folder name -> the folder it stands for (unet -> diffusion_models)."""
    return dict(_m()["folders"]["legacy"])


def loaders() -> dict[str, tuple[str, str]]:
    """Loader node -> (its file input, the folder type it lists)."""
    return {r["node"]: (r["input"], r["folder"]) for r in _m()["loader"]}


def role_folders() -> dict[str, list[str]]:
    """Model role -> the folder types its loader searches (the folder, then its legacy names)."""
    old = legacy()
    return {r["role"]: [r["folder"], *[k for k, v in old.items() if v == r["folder"]]] for r in _m()["loader"]}


def loader_labels() -> dict[str, str]:
    """Model role -> the loader node a user picks the file in."""
    return {r["role"]: r["label"] for r in _m()["loader"]}
