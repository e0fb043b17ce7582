"""The rules over the GPU / wheel / driver tables."""

from __future__ import annotations

import pytest

from doctor import platform_rules as pr


@pytest.mark.parametrize("arch,cc,expected", [
    (["sm_80", "sm_86", "sm_90"], "8.6", True),
    (["sm_80", "sm_90"], "8.9", True),          # same major, newer minor runs sm_80 SASS
    (["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"], "12.0", False),  # cu126 on an RTX 50
    (["sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"], "12.0", True),
    (["sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"], "12.1", True),  # GB10 runs sm_120
    (["sm_90a"], "12.0", False),                 # arch-specific kernels never run elsewhere
    (["sm_90a"], "9.0", True),
    (["sm_86"], "9.0", False),                   # SASS never crosses majors
    (["sm_80", "compute_90"], "12.0", True),     # PTX JIT-compiles forward
    ([], "9.0", None),
    (["sm_90"], None, None),
])
def test_arch_covers(arch, cc, expected):
    assert pr.arch_covers(arch, cc) is expected


@pytest.mark.parametrize("have,need,ok", [
    ("580.159.04", "580", True), ("575.64.03", "580", False), ("525.60.13", "525.60.13", True),
    ("525.60.12", "525.60.13", False), ("560.94", "570", False), ("", "570", None), ("N/A", "570", None),
])
def test_driver_order(have, need, ok):
    assert pr.driver_at_least(have, need) is ok


@pytest.mark.parametrize("name,cc", [
    ("NVIDIA GeForce RTX 5090", "12.0"), ("NVIDIA GeForce RTX 5070 Ti", "12.0"), ("NVIDIA H100 80GB HBM3", "9.0"),
    ("NVIDIA GeForce RTX 4090", "8.9"), ("NVIDIA L40S", "8.9"), ("NVIDIA L4", "8.9"), ("NVIDIA A100-SXM4-80GB", "8.0"),
    ("NVIDIA GeForce RTX 3060", "8.6"), ("Tesla T4", "7.5"), ("NVIDIA RTX PRO 6000 Blackwell Workstation Edition", "12.0"),
])
def test_gpu_name_table(name, cc):
    assert pr.gpu_row(name)["cc"] == cc


def test_unknown_gpu_name():
    assert pr.gpu_row("Matrox Millennium") is None
    assert pr.device_cc({"name": "Matrox"}) == (None, "unknown")
    assert pr.device_cc({"name": "NVIDIA GeForce RTX 5090"}) == ("12.0", "name table")


def test_choose_wheel_keeps_release_when_a_variant_serves_the_gpu():
    c = pr.choose_wheel("12.0", "576.28", "win32", "2.7.1")
    assert (c.release, c.tag, c.same_release) == ("2.7.1", "cu128", True)


def test_choose_wheel_respects_the_driver():
    # cu130 (PyPI default for 2.11) needs 580: with 570 the cu128 variant is chosen
    c = pr.choose_wheel("8.9", "570.133.07", "linux", "2.11.0")
    assert c.tag == "cu128"
    c = pr.choose_wheel("8.9", "580.65.06", "linux", "2.11.0")
    assert c.tag == "cu130"


def test_choose_wheel_lowest_floor_when_no_driver_is_known():
    """explain reads a paste, not the machine: with no driver it asks for the variant with the lowest driver floor that
    has kernels for the GPU, where check (driver known) keeps the PyPI default. One selection loop serves both."""
    default = pr.choose_wheel("12.0", None)
    low = pr.choose_wheel("12.0", None, prefer="lowest-floor")
    assert default.tag == "cu130" and low.tag == "cu128", (default, low)
    assert pr.arch_covers(pr.expected_arch(low.release, low.tag), "12.0")
    floor = lambda c: pr.driver_tuple(pr.driver_floor(c.cuda)["min"])
    assert floor(low) <= floor(default)
    # an Ampere card is served by an older CUDA build with a lower floor still
    amp = pr.choose_wheel("8.6", None, prefer="lowest-floor")
    assert floor(amp) <= floor(low) and pr.arch_covers(pr.expected_arch(amp.release, amp.tag), "8.6")
    from doctor import explain
    assert explain._torch_index_url() == low.index_url


def test_choose_wheel_moves_release_when_none_serves_the_gpu():
    # 2.6 has no sm_120 variant at all: the recommended release is chosen
    c = pr.choose_wheel("12.0", "580.76", "linux", "2.6.0")
    assert not c.same_release and pr.arch_covers(pr.expected_arch(c.release, c.tag), "12.0")


def test_install_args_pin_torch_with_its_companions():
    c = pr.choose_wheel("12.0", "580", "linux", "2.8.0")
    assert pr.torch_install_args(c, "2.8.0+cu126") == [
        "install", "torch==2.8.0+cu128", "torchvision==0.23.0+cu128", "torchaudio==2.8.0+cu128",
        "--index-url", "https://download.pytorch.org/whl/cu128"]
    # the same build already installed (and broken): forced
    assert pr.torch_install_args(c, "2.8.0+cu128")[:2] == ["install", "--force-reinstall"]
    assert pr.pip_argv("/opt/my env/bin/python", ["uninstall", "-y", "x"]) == ["/opt/my env/bin/python", "-m", "pip", "uninstall", "-y", "x"]
    # a uv environment without pip: uv pip, aimed at that interpreter
    assert pr.pip_argv("/e/bin/python", ["uninstall", "-y", "x"], {"package_tool": "uv"}) == \
        ["uv", "pip", "uninstall", "--python", "/e/bin/python", "x"]


def test_every_wheel_release_has_its_companions():
    import re
    rows = pr.manifests.load("wheels")["companion"]
    assert all(re.search(r"\[[PSMI]\]", r["source"]) for r in rows)
    rec = pr.manifests.load("wheels")["recommended_release"]
    assert pr.companions(rec) and pr.companions("2.7.1")["torchvision"] == "0.22.1"


def test_driver_fix_per_platform():
    assert ["wsl.exe", "--shutdown"] in pr.driver_update_text("580", {"wsl": True, "os": "linux"})[1]
    assert "nvidia.com" in pr.driver_update_text("580", {"os": "win32"})[0]
    assert pr.driver_update_text("580", {"os": "linux"})[1] == [["sudo", "apt", "install", "nvidia-driver-580-open"]]


def test_every_manifest_row_has_a_source():
    from doctor import manifests

    for name in ("gpus", "wheels", "drivers", "attention", "requirements"):
        table = manifests.load(name)
        for key, rows in table.items():
            if isinstance(rows, list) and rows and isinstance(rows[0], dict):
                for row in rows:
                    assert row.get("source"), f"{name}.{key} row without a source: {row}"


def test_an_environment_without_pip_or_uv_gets_ensurepip_first():
    py = {"has_pip": False, "package_tool": None}
    assert pr.pip_argvs("/e/bin/python", ["install", "x"], py) == [["/e/bin/python", "-m", "ensurepip"],
                                                                   ["/e/bin/python", "-m", "pip", "install", "x"]]
    assert pr.pip_argvs("/e/bin/python", ["install", "x"], {"has_pip": True, "package_tool": "pip"}) == \
        [["/e/bin/python", "-m", "pip", "install", "x"]]


@pytest.mark.parametrize("path,win", [
    (r"C:\ComfyUI_windows_portable\python_embeded\python.exe", True),
    ("C:/Users/me/ComfyUI", True), ("d:", True), (r"\\server\share\ComfyUI", True), (r"ComfyUI\models", True),
    ("/root/ComfyUI", False), ("ComfyUI", False), ("ab:c", False), ("1:/x", False), ("/mnt/c:x", False), ("", False), (None, False),
])
def test_one_windows_path_rule(path, win):
    """One rule decides the shells, the path module, git's folder spelling and the redaction of a home: a drive
    letter or a backslash. A colon after anything but one letter is not."""
    from doctor.winpath import git_folder, is_windows_path
    from doctor.comfyui.tree import safe_directory_argv
    from doctor.redact import _replace_home
    assert is_windows_path(path) is win
    if path:
        assert git_folder(path) == (path.replace("\\", "/") if win else path)
        assert safe_directory_argv(path)[-1] == git_folder(path)
        # a home written this way is redacted this way: a Windows profile keeps its parent, a POSIX home is ~
        home = path.rstrip("\\/") + ("\\Jane Doe" if win else "/jane")
        assert _replace_home(home + ("\\x" if win else "/x"), home) == (
            home.rpartition("\\")[0].replace("/", "\\") + "\\<user>\\x" if win else "~/x")
