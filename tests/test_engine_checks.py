"""Check tests in the anchors' style (Flutter's validator tests with a fake platform): typed facts in, exact
(code, status, fix) tuples out, in process, milliseconds each (tests/engine_kit.py)."""

from __future__ import annotations

import pytest
from engine_kit import facts_of, raw, run, triples

DRIVER_580 = ("Install NVIDIA driver 580 or newer (Ubuntu shown; sudo ubuntu-drivers install also works), then reboot"
              " :: sudo apt install nvidia-driver-580-open")


def test_driver_too_old_for_the_gpu():
    assert triples(run(facts_of("rtx5090-driver560"), "gpu.driver")) == [
        ("gpu.driver.too-old-for-gpu", "fail", DRIVER_580)]


def test_driver_570_with_a_cu130_wheel_alone_says_what_the_full_run_says():
    """`--check gpu.driver` reads the wheel's CUDA (torch facts, declared): it is not ok alone and fail in full."""
    expected = [("gpu.driver.too-old-for-wheel", "fail",
                 "Keep this driver and install PyTorch 2.11.0 built for CUDA 12.8 with its torchvision and torchaudio "
                 "(the command shown); or install NVIDIA driver 580 or newer (Ubuntu: sudo apt install "
                 "nvidia-driver-580-open) and reboot :: /opt/torch/.venv/bin/python3 -m pip install torch==2.11.0+cu128 "
                 "torchvision==0.26.0+cu128 torchaudio==2.11.0+cu128 --index-url https://download.pytorch.org/whl/cu128")]
    assert triples(run(facts_of("rtx4090-driver570-cu130"), "gpu.driver")) == expected
    assert [t for t in triples(run(facts_of("rtx4090-driver570-cu130"))) if t[0].startswith("gpu.driver")] == expected


def test_no_gpu():
    assert triples(run(facts_of("no-gpu"), "gpu.present")) == [
        ("gpu.none", "fail", "Install the NVIDIA driver (Ubuntu shown), reboot, and confirm that nvidia-smi lists the "
                             "GPU; FLUX.2 [klein] needs an NVIDIA GPU :: sudo ubuntu-drivers install")]


def _on(name: str, **system):
    f = raw(name)
    f["system"].update(system)
    return facts_of(name, system=f["system"])


def test_no_gpu_inside_a_container_is_the_hosts_business():
    """Inside a container the GPU comes from the host: no driver command for the container's own distribution,
    and the runtime's way to pass the GPU in (this team's own CI machine: Debian 12, Docker, root, no sudo)."""
    debian_docker = dict(distro="Debian GNU/Linux 12 (bookworm)", distro_id="debian", distro_like=[],
                         distro_version="12", container="docker", euid=0, has_sudo=False)
    ((code, status, fix),) = triples(run(_on("no-gpu", **debian_docker), "gpu.present"))
    assert (code, status) == ("gpu.none", "fail")
    assert fix.startswith("This runs in a Docker container: it sees a GPU only if the host's driver works")
    assert "`docker run --gpus all ...`" in fix and "nvidia-ctk runtime configure --runtime=docker" in fix
    assert " :: " not in fix  # no command to run in here: the host's commands are in the words
    (f,) = run(_on("no-gpu", **dict(debian_docker, container="kubernetes")), "gpu.present")
    assert "a Kubernetes pod" in f.fix.text and "nvidia.com/gpu: 1" in f.fix.text
    (f,) = run(_on("no-gpu", **dict(debian_docker, container="apptainer")), "gpu.present")
    assert "`apptainer exec --nv IMAGE ...`" in f.fix.text and "--gres=gpu:1" in f.fix.text
    (f,) = run(_on("no-gpu", **dict(debian_docker, container="lxc")), "gpu.present")
    assert f.fix.text.startswith("This runs in a container: it sees") and "NVIDIA Container Toolkit" in f.fix.text


@pytest.mark.parametrize("system,commands", [
    # root on Debian (no sudo there): the commands bare
    (dict(distro_id="debian", distro_version="12", euid=0, has_sudo=False),
     "apt install nvidia-driver firmware-misc-nonfree"),
    # a Debian desktop user without sudo (installed with a root password): through su
    (dict(distro_id="debian", distro_version="12", euid=1000, has_sudo=False),
     "su - -c 'apt install nvidia-driver firmware-misc-nonfree'"),
    (dict(distro_id="fedora", distro_like=[], distro_version="41", euid=1000, has_sudo=True),
     "sudo dnf install https://mirrors.rpmfusion.org/free/fedora/rpmfusion-free-release-41.noarch.rpm "
     "https://mirrors.rpmfusion.org/nonfree/fedora/rpmfusion-nonfree-release-41.noarch.rpm ; sudo dnf install akmod-nvidia"),
    # Linux Mint by its own ID, Pop!_OS as root
    (dict(distro_id="linuxmint", distro_like=["ubuntu", "debian"], euid=1000, has_sudo=True), "sudo ubuntu-drivers install"),
    (dict(distro_id="pop", distro_like=["ubuntu", "debian"], euid=0), "ubuntu-drivers install"),
    # a derivative no row names, found through ID_LIKE
    (dict(distro_id="somearch", distro_like=["arch"], euid=1000, has_sudo=True), "sudo pacman -Syu nvidia-open"),
    # Rocky Linux 9 names fedora in ID_LIKE: NVIDIA's rhel9 repository, not RPM Fusion's Fedora 9 URL
    (dict(distro_id="rocky", distro_like=["rhel", "centos", "fedora"], distro_version="9.5", machine="x86_64",
          euid=1000, has_sudo=True),
     "sudo dnf install https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm ; "
     "sudo dnf config-manager --add-repo https://developer.download.nvidia.com/compute/cuda/repos/rhel9/x86_64/cuda-rhel9.repo ; "
     "sudo dnf install kernel-devel-matched kernel-headers ; sudo dnf install nvidia-open"),
    # an Alma Linux 10 arm64 server as root: NVIDIA's sbsa repository
    (dict(distro_id="almalinux", distro_like=["rhel", "centos", "fedora"], distro_version="10.0", machine="aarch64", euid=0),
     "dnf install https://dl.fedoraproject.org/pub/epel/epel-release-latest-10.noarch.rpm ; "
     "dnf config-manager --add-repo https://developer.download.nvidia.com/compute/cuda/repos/rhel10/sbsa/cuda-rhel10.repo ; "
     "dnf install kernel-devel-matched kernel-headers ; dnf install nvidia-open"),
    # an EL clone no row names, through ID_LIKE rhel: numbered like RHEL, so RHEL's repository fits
    (dict(distro_id="navy", distro_like=["rhel", "fedora"], distro_version="9.4", machine="x86_64", euid=0),
     "dnf install https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm ; "
     "dnf config-manager --add-repo https://developer.download.nvidia.com/compute/cuda/repos/rhel9/x86_64/cuda-rhel9.repo ; "
     "dnf install kernel-devel-matched kernel-headers ; dnf install nvidia-open"),
    (dict(distro_id="opensuse-tumbleweed", distro_like=["opensuse", "suse"], distro_version="20251130", euid=1000, has_sudo=True),
     "sudo zypper install openSUSE-repos-Tumbleweed-NVIDIA ; sudo zypper refresh ; sudo zypper install-new-recommends"),
    (dict(distro_id="opensuse-leap", distro_like=["suse", "opensuse"], distro_version="15.6", euid=0),
     "zypper install openSUSE-repos-Leap-NVIDIA ; zypper refresh ; zypper install-new-recommends"),
    (dict(distro_id="opensuse-leap", distro_like=["suse", "opensuse"], distro_version="16.0", euid=0),
     "zypper install openSUSE-repos-Leap16-NVIDIA ; zypper refresh ; zypper install-new-recommends"),
    # Manjaro's kernels carry their own modules: its hardware tool, not Arch's nvidia-open
    (dict(distro_id="manjaro", distro_like=["arch"], euid=1000, has_sudo=True), "sudo mhwd -a pci nonfree 0300"),
    # Devuan through ID_LIKE debian: Debian's package (no release number in the command)
    (dict(distro_id="devuan", distro_like=["debian"], distro_version="5", euid=0), "apt install nvidia-driver firmware-misc-nonfree"),
])
def test_no_gpu_driver_command_fits_the_distribution_and_the_user(system, commands):
    ((_, _, fix),) = triples(run(_on("no-gpu", **system), "gpu.present"))
    assert fix.split(" :: ")[1] == commands


def test_no_gpu_on_a_distribution_without_a_row_gets_words_not_an_ubuntu_command():
    ((_, _, fix),) = triples(run(_on("no-gpu", distro="Gentoo Linux", distro_id="gentoo", euid=1000), "gpu.present"))
    assert fix == ("Install the NVIDIA driver (Gentoo Linux: use its NVIDIA driver packages, or NVIDIA's installer from "
                   "https://www.nvidia.com/Download/index.aspx), reboot, and confirm that nvidia-smi lists the GPU; "
                   "FLUX.2 [klein] needs an NVIDIA GPU")


@pytest.mark.parametrize("system,name", [
    # a release no row fits: words, never the ID_LIKE relative's commands (Rocky 8 is not Fedora 8)
    (dict(distro="Rocky Linux 8.10 (Green Obsidian)", distro_id="rocky", distro_like=["rhel", "centos", "fedora"],
          distro_version="8.10"), "Rocky Linux 8.10 (Green Obsidian)"),
    (dict(distro="CentOS Linux 7 (Core)", distro_id="centos", distro_like=["rhel", "fedora"], distro_version="7"),
     "CentOS Linux 7 (Core)"),
    # Amazon Linux names fedora in ID_LIKE with its own numbering (2023): RPM Fusion's Fedora 2023 does not exist
    (dict(distro="Amazon Linux 2023.6.20241212", distro_id="amzn", distro_like=["fedora"], distro_version="2023"),
     "Amazon Linux 2023.6.20241212"),
    (dict(distro="openSUSE Leap 42.3", distro_id="opensuse", distro_like=["suse"], distro_version="42.3"),
     "openSUSE Leap 42.3"),
])
def test_no_gpu_on_a_release_no_row_fits_gets_words(system, name):
    ((_, _, fix),) = triples(run(_on("no-gpu", euid=1000, has_sudo=True, **system), "gpu.present"))
    assert fix == (f"Install the NVIDIA driver ({name}: use its NVIDIA driver packages, or NVIDIA's installer from "
                   "https://www.nvidia.com/Download/index.aspx), reboot, and confirm that nvidia-smi lists the GPU; "
                   "FLUX.2 [klein] needs an NVIDIA GPU")


def test_driver_too_old_on_a_derivative_by_id_like_gets_no_command_naming_the_parents_release():
    """Devuan 5 through ID_LIKE debian: NVIDIA's repository for "debian5" does not exist; the branch route is words."""
    sysf = dict(distro_id="devuan", distro_like=["debian"], distro_version="5", machine="x86_64", euid=0)
    (f,) = run(_on("rtx5090-driver560", **sysf), "gpu.driver")
    assert f.code == "gpu.driver.too-old-for-gpu" and f.fix.lines() == []
    assert "NVIDIA's CUDA repository for Debian" in f.fix.text and "debian5" not in f.fix.text
    (f,) = run(_on("rtx5090-driver560", **dict(sysf, distro_id="opensuse-tumbleweed", distro_like=["opensuse", "suse"])),
               "gpu.driver")
    assert f.fix.lines() == ["zypper install openSUSE-repos-Tumbleweed-NVIDIA", "zypper refresh", "zypper install-new-recommends"]


def test_driver_too_old_on_debian_as_root_uses_nvidias_repository_for_the_branch():
    sysf = dict(distro_id="debian", distro_version="12", machine="x86_64", euid=0, has_sudo=False)
    ((code, _, fix),) = triples(run(_on("rtx5090-driver560", **sysf), "gpu.driver"))
    assert code == "gpu.driver.too-old-for-gpu"
    assert fix == ("Install NVIDIA driver 580 or newer (Debian; from NVIDIA's CUDA repository for Debian: Debian's own "
                   "nvidia-driver package may be an older branch), then reboot :: wget "
                   "https://developer.download.nvidia.com/compute/cuda/repos/debian12/x86_64/cuda-keyring_1.1-1_all.deb ; "
                   "dpkg -i cuda-keyring_1.1-1_all.deb ; apt update ; apt install nvidia-open")
    # an arm64 machine takes NVIDIA's sbsa repository; without VERSION_ID the repository cannot be named: words only
    (f,) = run(_on("rtx5090-driver560", **dict(sysf, machine="aarch64")), "gpu.driver")
    assert "/debian12/sbsa/cuda-keyring" in f.fix.lines()[0]
    (f,) = run(_on("rtx5090-driver560", **dict(sysf, distro_version=None)), "gpu.driver")
    assert f.fix.lines() == [] and "NVIDIA's CUDA repository" in f.fix.text


def test_driver_too_old_inside_a_container_points_at_the_host():
    box = dict(distro_id="ubuntu", distro_version="24.04", container="docker", euid=0)
    ((_, _, fix),) = triples(run(_on("rtx5090-driver560", **box), "gpu.driver"))
    assert fix == ("Update the NVIDIA driver on the host to 580 or newer and reboot it: this runs in a Docker "
                   "container, which uses the host's driver, and nothing installed inside it changes the driver")
    # the wheel alternative stays a command; the driver half of it is the host's
    ((_, _, fix),) = triples(run(_on("rtx4090-driver570-cu130", **box), "gpu.driver"))
    assert "or update the NVIDIA driver on the host to 580 or newer (this runs in a Docker container" in fix
    assert " :: /opt/torch/.venv/bin/python3 -m pip install torch==2.11.0+cu128" in fix
    # Docker Desktop on Windows: the container runs on WSL2's kernel, but wsl.exe is not reachable from inside it
    ((_, _, fix),) = triples(run(_on("rtx5090-driver560", **dict(box, wsl=True)), "gpu.driver"))
    assert fix.startswith("Update the NVIDIA driver on Windows (Docker Desktop's WSL2 backend passes its GPU in) to 580")
    assert "wsl.exe" not in fix
    ((_, _, fix),) = triples(run(_on("no-gpu", **dict(box, wsl=True)), "gpu.present"))
    assert "Docker Desktop's WSL2 backend passes the GPU of the Windows NVIDIA driver" in fix and " :: " not in fix


def test_driver_too_old_on_ubuntu_as_root_drops_sudo():
    ((_, _, fix),) = triples(run(_on("rtx5090-driver560", distro_id="ubuntu", euid=0), "gpu.driver"))
    assert fix == ("Install NVIDIA driver 580 or newer (Ubuntu; ubuntu-drivers install also works), then reboot"
                   " :: apt install nvidia-driver-580-open")


def test_ampere_has_no_fp8_tensor_cores():
    assert triples(run(facts_of("rtx3090-fp8"), "gpu.fp8")) == [("gpu.fp8.no-tensor-cores", "info", None)]


def test_a_12_gib_card_on_diffusers_gets_the_offload_answer():
    """12 GiB holds enable_model_cpu_offload() (measured on the lent H200 with torch limited to 12 GB)."""
    (f,) = run(facts_of("two-gpus-cvd1"), "gpu.vram", path="diffusers")
    assert (f.code, f.status.value, f.fix) == ("gpu.vram.ok", "ok", None)
    assert f.title == ("12.0 GiB of VRAM: enough for BF16 through diffusers with enable_model_cpu_offload() (14.2 s per "
                       "image measured on an H200); BF16 through diffusers, fully resident (~20 GB) does not fit")


def test_an_8_gib_card_on_diffusers_is_pointed_at_comfyui_or_sequential_offload():
    f = raw("two-gpus-cvd1")
    for d in f["gpu"]["devices"]:
        d["memory_total_bytes"] = 8 * 1024**3
    (v,) = run(facts_of("two-gpus-cvd1", gpu=f["gpu"]), "gpu.vram", path="comfyui")
    assert v.code == "gpu.vram.path-too-big" and v.status.value == "warn"


@pytest.mark.parametrize("ram_gib,expected", [(64, ("system.ram.ok", "ok", None)),
                                              (8, ("system.ram.low", "warn", "Close other programs, add swap, or use "
                                                   "ComfyUI's FP8 files (smaller loads)"))])
def test_ram(ram_gib, expected):
    f = raw("h100-cu130")
    f["system"]["ram_total_bytes"] = ram_gib * 1024**3
    assert triples(run(facts_of("h100-cu130", system=f["system"]), "system.ram")) == [expected]


def test_unreadable_ram_is_unknown_not_low():
    f = raw("h100-cu130")
    f["system"]["ram_total_bytes"] = None
    assert triples(run(facts_of("h100-cu130", system=f["system"]), "system.ram")) == [
        ("system.ram.unknown", "warn", None)]


def test_a_failed_python_probe_skips_python_checks_with_the_reason():
    out = run(facts_of("h100-cu130", python={"requested": "/nope/python", "is_doctor_python": False,
                                             "duration_s": 0.0, "error": "interpreter not found: /nope/python"}),
              "attention.flash-attn", "attention.xformers")
    assert triples(out) == [("attention.flash-attn.not-judged", "skip", None),
                            ("attention.xformers.not-judged", "skip", None)]
    assert "interpreter not found: /nope/python" in out[0].title


def test_a_system_python_pip_refuses_gets_the_flag_in_every_pip_command_and_says_why():
    """An Ubuntu 24.04 machine whose ComfyUI runs on /usr/bin/python3 (PEP 668's marker, pip 24.0): the torch
    reinstall carries --break-system-packages, and system.python says why in one info line."""
    f = raw("rtx5090-driver560")
    py = dict(f["python"], requested="/usr/bin/python3", executable="/usr/bin/python3", is_venv=False,
              env_kind="system", has_pip=True, pip_version="24.0", package_tool="pip", externally_managed=True,
              break_system_packages=False)
    facts = facts_of("rtx5090-torch271-cu126", python=py)
    (f_info,) = [x for x in run(facts, "system.python") if x.code == "python.externally-managed"]
    assert f_info.status.value == "info"
    assert f_info.title == ("/usr/bin/python3 is managed by the distribution (PEP 668): pip refuses to install into "
                            "it, so the pip commands shown carry --break-system-packages")
    assert "~/klein-venv" in f_info.fix.text
    pips = [line for x in run(facts, "torch.arch") if x.fix for line in x.fix.lines() if " -m pip " in line]
    assert pips and all(line.startswith("/usr/bin/python3 -m pip install --break-system-packages ") for line in pips)
    # told already (PIP_BREAK_SYSTEM_PACKAGES or pip.conf), a venv, or a pip older than 23: nothing to add or say
    for other in (dict(py, break_system_packages=True), dict(py, is_venv=True, env_kind="venv", externally_managed=False),
                  dict(py, pip_version="22.0.2")):
        facts = facts_of("rtx5090-torch271-cu126", python=other)
        assert "python.externally-managed" not in {x.code for x in run(facts, "system.python")}
        lines = [line for x in run(facts, "torch.arch") if x.fix for line in x.fix.lines()]
        assert lines and not any("--break-system-packages" in line for line in lines)
