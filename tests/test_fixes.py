"""Fixes are data and run as printed: every command of every finding on every recorded machine is checked
against its shell's rules (POSIX with bash -n, PowerShell and cmd with tests/shellcheck_win.py), quoting is
round-tripped through a real bash and through the Windows tokenisers, and fixes a test can apply are applied
and the check re-run."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import FACTS

from doctor import pipeline, shells
from doctor.findings import Command, Finding, Fix, Status, warn
from shellcheck_win import ShellError, check, check_cmd, check_posix_many, check_powershell, cmd_tokens, ps_tokens

NASTY = ["/home/u/My AI/venv/bin/python", "/opt/ComfyUI", "/srv/it's here/py", "/tmp/$HOME and `x`/py",
         "/data/Modèles 模型/vae", "/tmp/a\"b/c", "/tmp/100%/x", "/tmp/semi;colon&amp|pipe", "-rf", "", "~/My AI/py"]
WIN = [r"C:\ComfyUI_windows_portable\python_embeded\python.exe", r"C:\Users\Jane Doe\Documents\ComfyUI\.venv\Scripts\python.exe",
       r"D:\AI\it's mine\py.exe", r"D:\Modèles 模型\ComfyUI", r"C:\a&b (x86)\p.exe", r"C:\100%\x", r"C:\$env\x",
       "C:\\Users\\O\u2019Brien\\py.exe", r"~\My AI\py.exe"]


def _bash_argv(line: str) -> list[str]:
    out = subprocess.run(["bash", "-c", "printf '%s\\0' " + line], capture_output=True, timeout=10,
                         env={"HOME": "/home/u", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return out.stdout.decode().split("\0")[:-1]


@pytest.mark.parametrize("s", NASTY)
def test_posix_quoting_round_trips_through_bash(s):
    want = "/home/u/My AI/py" if s == "~/My AI/py" else s
    assert _bash_argv(shells.quote_posix(s)) == [want]
    assert "'~" not in shells.quote_posix(s)  # a quoted ~ is never expanded: "$HOME" is used instead


@pytest.mark.parametrize("s", WIN + NASTY[:-1])
def test_powershell_quoting_tokenises_back_to_the_argument(s):
    q = shells.quote_powershell(s)
    (tok,) = ps_tokens(q)
    assert tok[1] == s.replace("~\\", "$HOME\\")  # double quotes only when nothing in s is special to PowerShell; else single quotes
    line = shells.render_step("powershell", shells.Run([s, "-m", "pip", "list"])) if s else None
    if line:
        check_powershell(line)
        if q[0] in "'\"":
            assert line.startswith("& ")


def test_powershell_home_and_call_operator():
    assert shells.render_step("powershell", shells.Run([r"~\My AI\py.exe", "-V"])) == r'& "$HOME\My AI\py.exe" -V'
    assert shells.render_step("powershell", shells.Run([WIN[1], "-m", "pip"])) == \
        r'& "C:\Users\Jane Doe\Documents\ComfyUI\.venv\Scripts\python.exe" -m pip'
    assert shells.render_step("powershell", shells.Unset("DIFFUSERS_ATTN_BACKEND")) == "Remove-Item Env:DIFFUSERS_ATTN_BACKEND"
    with pytest.raises(ShellError):
        check_powershell(r'"C:\A B\python.exe" -m pip list')  # the parse error the issue reports
    with pytest.raises(ShellError):
        check_powershell(r"C:\x\python.exe -m pip uninstall -y xformers (ComfyUI then uses PyTorch attention)")


@pytest.mark.parametrize("s", [w for w in WIN if '"' not in w])
def test_cmd_quoting(s):
    line = shells.render_step("cmd", shells.Run([s, "-m", "pip"]))
    check_cmd(line)
    toks = cmd_tokens(line)
    value = toks[0].replace('"', "")
    want = s.replace("~\\", "%USERPROFILE%\\")
    assert value == want


def test_cmd_rules():
    assert shells.quote_cmd(r"C:\100%\x") == r'"C:\100"^%"\x"'
    with pytest.raises(shells.NotExpressible):
        shells.quote_cmd('C:\\a"b')
    with pytest.raises(ShellError):
        check_cmd('"C:\\100%PATH%\\x"')
    with pytest.raises(ShellError):
        check_cmd(r"C:\a&b\p.exe -m pip")
    assert shells.render_step("cmd", shells.Unset("X")) == "set X="
    # a step cmd cannot express leaves cmd out of the fix instead of printing a broken line
    fx = shells.make_fix({"system": {"os": "win32"}}, "t", [shells.Run(['C:\\a"b\\p.exe'])])
    assert fx.shells() == ["powershell"]


def test_shell_order_follows_the_machine():
    assert shells.shells_for({"system": {"os": "linux"}}) == ["posix"]
    assert shells.shells_for({"system": {"os": "linux", "wsl": True}}) == ["posix"]
    assert shells.shells_for({"system": {"os": "win32"}}) == ["powershell", "cmd"]
    assert shells.shells_for({"system": {"os": "win32", "shell": {"name": "cmd"}}}) == ["cmd", "powershell"]
    assert shells.detect_shell({"PSModulePath": r"C:\Users\j\Documents\WindowsPowerShell\Modules;C:\Program Files\WindowsPowerShell\Modules;C:\WINDOWS\system32\WindowsPowerShell\v1.0\Modules"},
                               windows=True, parents=[])["name"] == "powershell"
    assert shells.detect_shell({"PSModulePath": r"C:\Program Files\WindowsPowerShell\Modules;C:\WINDOWS\system32\WindowsPowerShell\v1.0\Modules"},
                               windows=True, parents=[])["name"] == "cmd"
    assert shells.detect_shell({}, windows=True, parents=["klein-doctor.exe", "cmd.exe"]) == \
        {"name": "cmd", "how": "parent process cmd.exe"}
    assert shells.detect_shell({"SHELL": "/bin/zsh"}, windows=False, parents=[])["name"] == "posix"


def test_fix_is_data_in_json_and_a_plain_string_still_works():
    f = warn("x.y", "t", [], "just words")
    assert f.fix == Fix(text="just words", commands=[])
    fx = shells.make_fix({"system": {"os": "win32"}}, "Reinstall", [shells.Run([WIN[1], "-m", "pip", "list"])])
    f = Finding(code="a", status=Status.FAIL, title="t", fix=fx)
    d = json.loads(json.dumps(f.to_dict()))
    assert d["fix"]["text"] == "Reinstall" and [c["shell"] for c in d["fix"]["commands"]] == ["powershell", "cmd"]
    back = Finding.from_dict(d)
    assert back.fix == fx and isinstance(back.fix.commands[0], Command)
    assert fx.display("\n") == "Reinstall\n" + fx.commands[0].line  # the terminal shows one shell's lines
    assert "pip list" in fx and "PowerShell:" in str(fx)


def _all_findings(path):
    facts = pipeline.load_facts(path)
    return facts, pipeline.run_checks(facts, pipeline.select_checks(None))


FACT_FILES = sorted(p for p in FACTS.glob("*.json") if not p.name.endswith(".check.json"))


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: p.stem)
def test_every_fix_command_on_every_recorded_machine_parses(path):
    facts, findings = _all_findings(path)
    want = shells.shells_for(facts)
    posix: list[str] = []
    n = 0
    for f in findings:
        if f.fix is None:
            continue
        assert isinstance(f.fix, Fix) and f.fix.text, f.code
        assert "`" not in f.fix.text or f.code.startswith(("logs.", "workflows.")), (f.code, f.fix.text)
        if f.fix.commands:
            assert f.fix.shells()[0] == want[0], (f.code, f.fix.shells())  # the machine's shell first
            assert set(f.fix.shells()) <= set(want), f.code
        for c in f.fix.commands:
            n += 1
            if c.shell == "posix":
                posix.append(c.line)
            else:
                check(c.shell, c.line)
    check_posix_many(posix)
    if path.stem not in ("h100-cu130", "device-real", "device-h200-final", "rtx3090-fp8", "two-gpus-cvd1"):
        assert n, "a broken scenario should have at least one command to run"


def test_pyenv_probe_tells_pip_from_uv_environments(tmp_path):
    """A uv-made venv has no pip: its fixes use `uv pip --python`; a normal venv keeps `python -m pip`."""
    import sys

    from doctor import subproc

    venv = tmp_path / "uv env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    cfg = venv / "pyvenv.cfg"
    cfg.write_text(cfg.read_text() + "uv = 0.5.11\n")
    exe = str(venv / "bin" / "python")
    res = subproc.run_script(exe, "pyenv_probe.py", timeout=25)
    assert res.data["package_tool"] == "uv" and res.data["env_kind"] == "venv" and res.data["has_pip"] is False
    from doctor.checks.attention import _uninstall
    facts = {"system": {"os": "linux"}, "python": dict(res.data, executable=exe)}
    assert _uninstall(facts, "xformers", "t").lines() == [f"uv pip uninstall --python '{exe}' xformers"]
    mine = subproc.run_script(sys.executable, "pyenv_probe.py", timeout=25).data
    assert mine["package_tool"] == "pip"


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: p.stem)
def test_recorded_machines_are_internally_consistent(path):
    facts = pipeline.load_facts(path)
    system, py = facts.get("system") or {}, facts.get("python") or {}
    exe = py.get("executable") or ""
    if str(system.get("os")).startswith("win"):
        assert system["platform"].startswith("Windows-") and system.get("machine") == "AMD64"
        assert py.get("platform") == "win32" and exe[1:3] == ":\\" and exe.lower().endswith(".exe")
        assert not any(k.startswith("nvidia-") for k in py.get("packages") or {})  # Windows wheels bundle CUDA
        assert (system.get("shell") or {}).get("name") in ("powershell", "cmd")
        for k in ("root", "python", "models_root"):
            v = (facts.get("comfyui_tree") or {}).get(k)
            assert v is None or v[1:3] == ":\\", (k, v)
    else:
        assert system["platform"].startswith("Linux-") and (not exe or exe.startswith("/"))
        assert py.get("platform", "linux") == "linux"
        if system.get("wsl"):
            assert "microsoft" in system["release"].lower() and "microsoft" in system["platform"].lower()
            assert (facts["gpu"].get("executable") or "/usr/lib/wsl/lib/nvidia-smi") == "/usr/lib/wsl/lib/nvidia-smi"


def _by_code(path, code):
    facts, findings = _all_findings(FACTS / f"{path}.json")
    return next(f for f in findings if f.code == code)


def test_windows_portable_from_cmd():
    up = _by_code("win-portable-cmd-old-comfyui", "comfyui.version.too-old")
    assert up.fix.shells() == ["cmd", "powershell"]  # cmd was detected: its lines come first and are shown
    assert up.fix.lines() == [r'cd /d "D:\AI Tools\ComfyUI_windows_portable\update"', "update_comfyui.bat"]
    assert up.fix.lines("powershell") == [r'Set-Location -LiteralPath "D:\AI Tools\ComfyUI_windows_portable\update"',
                                          r".\update_comfyui.bat"]
    x = _by_code("win-portable-cmd-old-comfyui", "attention.xformers.fa3-on-sm120")
    assert x.fix.lines() == [r'"D:\AI Tools\ComfyUI_windows_portable\python_embeded\python.exe" -m pip uninstall -y xformers']
    assert x.fix.lines("powershell")[0].startswith(r'& "D:\AI Tools')
    assert "--disable-xformers" in x.fix.text and "--disable-xformers" not in " ".join(x.fix.lines())


def test_windows_desktop_uv_venv_and_portable_torch_fix():
    x = _by_code("win-desktop-xformers", "attention.xformers.fa3-on-sm120")
    assert x.fix.lines() == ['uv pip uninstall --python "C:\\Users\\Jane O\'Neil\\Documents\\ComfyUI\\.venv\\Scripts\\python.exe" xformers']
    t = _by_code("rtx5090-torch271-cu126", "torch.arch.missing")
    assert t.fix.lines("cmd") == [r"C:\ComfyUI_windows_portable\python_embeded\python.exe -m pip install torch==2.7.1+cu128 "
                                  "torchvision==0.22.1+cu128 torchaudio==2.7.1+cu128 --index-url https://download.pytorch.org/whl/cu128"]


def test_wsl2_driver_fix_is_for_windows_and_the_wheel_for_wsl():
    d = _by_code("wsl2-driver560-cu130", "gpu.driver.too-old-for-wheel")
    assert d.fix.shells() == ["posix"] and "on Windows (not inside WSL)" in d.fix.text
    assert d.fix.lines() == ["'/home/<user>/Klein Art/.venv/bin/python' -m pip install torch==2.11.0+cu128 "
                             "torchvision==0.26.0+cu128 torchaudio==2.11.0+cu128 --index-url https://download.pytorch.org/whl/cu128"]
    facts = pipeline.load_facts(FACTS / "wsl2-driver560-cu130.json")
    facts["gpu"]["devices"] = []
    from doctor.checks.gpu import gpu_present
    (none,) = list(gpu_present(facts))
    assert none.fix.lines() == ["wsl.exe --shutdown", "/usr/lib/wsl/lib/nvidia-smi"]


# ------------------------------------------------------------------ applying a fix, then checking again
def _apply_posix(lines: list[str], env: dict[str, str], cwd=None) -> dict[str, str]:
    """Run the fix's lines in one real bash, as a user would type them; the environment it leaves."""
    script = "\n".join(["set -e"] + lines + ["env -0"])
    out = subprocess.run(["bash", "-c", script], capture_output=True, env=env, cwd=cwd, timeout=30)
    assert out.returncode == 0, out.stderr
    return dict(kv.split("=", 1) for kv in out.stdout.decode().split("\0") if "=" in kv)


def test_applying_the_env_var_fix_clears_the_finding():
    from doctor.checks.attention import attention_env
    from doctor.probes.system import ENV_VARS

    facts = pipeline.load_facts(FACTS / "rtx5090-attention-overrides.json")
    (f,) = [x for x in attention_env(facts) if x.code == "attention.env.broken"]
    env = {"PATH": "/usr/bin:/bin", "DIFFUSERS_ATTN_BACKEND": facts["system"]["env"]["DIFFUSERS_ATTN_BACKEND"]}
    after = _apply_posix(f.fix.lines("posix"), env)
    facts["system"]["env"] = {k: after[k] for k in ENV_VARS if k in after}
    assert [x.code for x in attention_env(facts)] == ["attention.env.default"]


def test_applying_the_cuda_visible_devices_fix_makes_the_gpu_usable():
    from doctor.checks.gpu import gpu_present
    from doctor.probes.system import ENV_VARS

    facts = pipeline.load_facts(FACTS / "two-gpus-cvd1.json")
    facts["system"]["env"]["CUDA_VISIBLE_DEVICES"] = "7"  # names no GPU
    (f,) = list(gpu_present(facts))
    assert f.code == "gpu.hidden"
    after = _apply_posix(f.fix.lines("posix"), {"PATH": "/usr/bin:/bin", "CUDA_VISIBLE_DEVICES": "7"})
    facts["system"]["env"] = {k: after[k] for k in ENV_VARS if k in after}
    assert [x.code for x in gpu_present(facts)] == ["gpu.found"]


def test_applying_the_move_fix_puts_the_file_where_the_loader_looks(tmp_path):
    import stfiles as st
    from conftest import run_json

    root = tmp_path / "My ComfyUI"
    (root / "comfy").mkdir(parents=True)
    (root / "main.py").write_text("# ComfyUI\n")
    m = root / "models"
    for d in ("diffusion_models", "text_encoders", "vae", "checkpoints"):
        (m / d).mkdir(parents=True)
    st.write(m / "diffusion_models/flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    st.write(m / "text_encoders/qwen_3_4b.safetensors", st.qwen3_4b(), total_size=st.SIZE_QWEN3_4B)
    st.write(m / "checkpoints/flux2-vae.safetensors", st.flux2_vae(), total_size=st.SIZE_FLUX2_VAE)
    env = {"KLEIN_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "HF_HUB_CACHE": str(tmp_path / "hub")}
    args = ("--check", "models", "--path", "comfyui", "--comfyui", str(root), "--no-hash", "--no-server", "--no-redact")
    rc, doc = run_json(*args, env=env, cwd=tmp_path)
    (f,) = [x for x in doc["findings"] if x["code"] == "models.misplaced.vae"]
    lines = [c["line"] for c in f["fix"]["commands"] if c["shell"] == "posix"]
    assert lines and all("My ComfyUI" in line for line in lines)
    _apply_posix(lines, {"PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    rc, doc = run_json(*args, env=env, cwd=tmp_path)
    codes = {x["code"] for x in doc["findings"]}
    assert "models.misplaced.vae" not in codes and "models.present.vae" in codes
    assert (m / "vae" / "flux2-vae.safetensors").is_file() and not (m / "checkpoints" / "flux2-vae.safetensors").exists()


def test_applying_the_workflow_fix_clears_the_finding(tmp_path, shared):
    """The CLIP-type fix is an edit in the workflow: make it as its text says, lint again, the finding is gone."""
    from conftest import run_json

    wf = json.loads((shared / "fixtures/templates/image_flux2_klein_text_to_image.json").read_text(encoding="utf-8"))
    loaders = [n for sg in wf["definitions"]["subgraphs"] for n in sg["nodes"] if n.get("type") == "CLIPLoader"]
    for n in loaders:
        n["widgets_values"][1] = "flux"
    path = tmp_path / "my wf.json"
    path.write_text(json.dumps(wf), encoding="utf-8")
    args = ("--workflow", str(path), "--check", "workflows", "--no-server", "--no-redact")
    rc, doc = run_json(*args, cwd=tmp_path, env={"HOME": str(tmp_path)})
    bad = [f for f in doc["findings"] if "has type 'flux'" in f["title"]]
    assert bad and all(f["status"] == "fail" for f in bad)
    text = bad[0]["fix"]["text"]
    assert text == "Set the CLIPLoader's type to flux2" and not bad[0]["fix"]["commands"]
    for n in loaders:  # the edit the fix names
        n["widgets_values"][1] = text.rsplit(" ", 1)[1]
    path.write_text(json.dumps(wf), encoding="utf-8")
    rc, doc = run_json(*args, cwd=tmp_path, env={"HOME": str(tmp_path)})
    assert not [f for f in doc["findings"] if "has type" in f["title"]]
    assert "workflows.ok" in {f["code"] for f in doc["findings"]}


def test_every_distributions_driver_commands_pass_bash_for_root_sudo_and_su_users():
    """Each [[linux_install]] row's commands, as root, through sudo and through su, are valid bash, and what bash
    runs is the row's argv (su's single argument holds the whole command)."""
    from doctor import manifests
    from doctor.platform_rules import linux_driver_install

    rows = manifests.load("drivers")["linux_install"]
    lines = []
    for row in rows:
        for user in (dict(euid=0), dict(euid=1000, has_sudo=True), dict(euid=1000, has_sudo=False)):
            for floor in (None, "580"):
                version = (row.get("versions") or ["12"])[0]
                system = dict(os="linux", machine="x86_64", distro_id=row["ids"][0], distro_version=version, **user)
                label, argvs = linux_driver_install(system, floor)
                assert argvs and label.startswith(row["name"])
                for argv in argvs:
                    line = shells.render_step(shells.POSIX, shells.Run(argv))
                    lines.append(line)
                    words = _bash_argv(line)
                    if user["euid"] == 0:
                        assert words[0] not in ("sudo", "su") and "{" not in line
                    elif user["has_sudo"]:
                        assert words[0] == "sudo"
                    else:
                        assert words[:3] == ["su", "-", "-c"] and len(words) == 4 and _bash_argv(words[3])[0] == argv[-1].split()[0]
    check_posix_many(lines)
