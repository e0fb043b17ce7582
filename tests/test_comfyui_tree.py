"""The ComfyUI install tree: finding it in each layout, version, Klein nodes from source, interpreter,
launch flags, custom nodes, model folders and extra_model_paths.yaml, and the findings they give."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from doctor.checks.comfyui import update_fix
from doctor.comfyui import tree
from doctor.pipeline import run_one, select_checks
from tests.comfy_trees import add_extra_yaml, desktop_tree, git_tree, portable_tree

EMPTY_ENV: dict[str, str] = {}


def inspect(options, home: Path, env=None, os_name="linux"):
    return tree.inspect(options, env=env if env is not None else EMPTY_ENV, home=home, os_name=os_name)


def findings(facts_tree, check_prefix: str, extra: dict | None = None):
    facts = {"options": {"path": "comfyui"}, "comfyui_tree": facts_tree, "probe_errors": {}, **(extra or {})}
    out = []
    for c in select_checks([check_prefix]):
        out += run_one(c, facts)
    return out


def codes(fs, status=None):
    return {f.code for f in fs if status is None or f.status.value == status}


def test_git_tree_found_with_version_nodes_python_and_flags(tmp_path):
    root = git_tree(tmp_path)
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert t["found"] and t["layout"] == "git" and t["how_found"] == "--comfyui"
    assert t["version"] == "0.33.0" and t["version_source"] == "comfyui_version.py"
    assert t["klein_nodes"]["all_present"] is True
    assert t["klein_nodes"]["nodes"]["EmptyFlux2LatentImage"] == "comfy_extras/nodes_flux.py"
    assert t["klein_nodes"]["clip_type_flux2"] == "nodes.py"
    assert t["python"] == str(root / ".venv" / "bin" / "python")
    assert t["cuda_device"] == 1
    flags = {f["flag"]: f for f in t["launch_flags"]}
    assert flags["--use-flash-attention"]["file"].endswith("run.sh") and flags["--use-flash-attention"]["line"] == 3
    assert t["workflows_dir"] == str(root / "user" / "default" / "workflows")
    dm = t["model_folders"]["diffusion_models"]
    assert [(Path(e["path"]).name, e["source"]) for e in dm] == [("unet", "legacy alias unet"), ("diffusion_models", "default")]
    assert [Path(e["path"]).name for e in t["model_folders"]["text_encoders"]] == ["text_encoders", "clip"]
    assert t["model_folders"]["unet"][0]["source"] == "default"


def test_real_git_describe(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    root = git_tree(tmp_path, version="0.9.2", real_git=True)
    (root / "comfyui_version.py").unlink()
    (root / "pyproject.toml").unlink()
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert t["git_describe"] == "v0.9.2"
    assert (t["version"], t["version_source"]) == ("0.9.2", "git describe")


def test_git_refusing_a_checkout_another_user_owns_is_said_and_the_update_trusts_it_first(tmp_path, monkeypatch):
    """Root in a container reading a ComfyUI folder that another uid owns (a bind mount): git refuses it
    ("detected dubious ownership"), so `git pull` would fail. The probe records the refusal (the version still
    comes from comfyui_version.py), the update fix marks the folder safe before pulling, and that command, run as
    printed, makes git read the checkout."""
    import os
    import subprocess

    if shutil.which("git") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs git and root (to give the checkout to another uid)")
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    root = git_tree(tmp_path, version="0.3.10", real_git=True)
    subprocess.run(["chown", "-R", "54321:54321", str(root)], check=True)
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert t["git_refused"] == "dubious ownership" and t["git_describe"] is None
    assert (t["version"], t["version_source"]) == ("0.3.10", "comfyui_version.py")
    (f,) = [f for f in findings(t, "comfyui.version") if f.code == "comfyui.version.too-old"]
    assert "git refuses the checkout: dubious ownership (the folder belongs to another user)" in f.evidence
    assert f.fix.text.startswith("git refuses this checkout ('detected dubious ownership'")
    lines = f.fix.lines()
    assert lines[:3] == [f"cd {root}", f"git config --global --add safe.directory {root}", "git pull"]
    subprocess.run(["bash", "-c", lines[1]], check=True)  # the fix's own line, as printed, in bash
    assert tree.git_describe(root) == ("v0.3.10", None)
    # a checkout git reads gets no such step
    t2 = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert "git_refused" not in t2
    (f2,) = [f for f in findings(t2, "comfyui.version") if f.code == "comfyui.version.too-old"]
    assert f2.fix.lines()[1] == "git pull"
    # a Windows checkout: git names it with forward slashes
    assert tree.safe_directory_argv("C:\\Users\\me\\ComfyUI")[-1] == "C:/Users/me/ComfyUI"


def test_found_from_cwd_parent_and_env(tmp_path):
    root = git_tree(tmp_path)
    t = inspect({"cwd": str(root / "custom_nodes")}, tmp_path / "home")
    assert t["root"] == str(root) and t["how_found"] == "a parent of the current folder"
    t = inspect({}, tmp_path / "home", env={"COMFYUI_PATH": str(root)})
    assert t["how_found"] == "COMFYUI_PATH"


def test_comfy_cli_default_workspace(tmp_path):
    home = tmp_path / "home"
    git_tree(home / "comfy")
    t = inspect({}, home)
    assert t["found"] and t["how_found"] == "comfy-cli workspace"


def test_not_found_and_explicit_wrong_folder(tmp_path):
    t = inspect({"cwd": str(tmp_path)}, tmp_path / "home")
    assert not t["found"] and t["tried"]
    fs = findings(t, "comfyui.install")
    assert codes(fs, "warn") == {"comfyui.install.not-found"}
    t = inspect({"comfyui": str(tmp_path)}, tmp_path / "home")
    fs = findings(t, "comfyui.install")
    assert codes(fs, "fail") == {"comfyui.install.not-comfyui"}
    assert [f.title for f in fs] == [f"--comfyui {tmp_path} is not a ComfyUI folder"]
    # a typo or a file is said as what it is, not as "not a ComfyUI folder"
    (tmp_path / "run_nvidia_gpu.bat").write_text("python_embeded\\python.exe -s ComfyUI\\main.py\n")
    for given, says in ((tmp_path / "ComfyUl", "does not exist (a typo, or a path with spaces given without quotes?)"),
                        (tmp_path / "run_nvidia_gpu.bat", "is a file, not the ComfyUI folder")):
        t = inspect({"comfyui": str(given)}, tmp_path / "home")
        assert t["explicit_state"] in ("missing", "file")
        assert [f.title for f in findings(t, "comfyui.install")] == [f"--comfyui {given} {says}"]


def crt_argv(line: str) -> list[str]:
    """A Windows command line split as the C runtime splits it for a Python program (Microsoft's documented rules:
    2n backslashes before a quote are n and the quote toggles quoting, 2n+1 are n and a literal quote; other
    backslashes are literal)."""
    out, cur, quoted, i, started = [], "", False, 0, False
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            n = len(line[i:]) - len(line[i:].lstrip("\\"))
            if line[i + n:i + n + 1] == '"':
                cur += "\\" * (n // 2)
                if n % 2:
                    cur += '"'
                    i += n + 1
                else:
                    i += n
                started = True
                continue
            cur += "\\" * n
            i += n
            started = True
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch in " \t" and not quoted:
            if started:
                out.append(cur)
            cur, started = "", False
        else:
            cur += ch
            started = True
        i += 1
    if started:
        out.append(cur)
    return out


def test_a_folder_typed_with_a_backslash_before_its_closing_quote_is_said_as_that(tmp_path):
    """Windows Explorer's folder paths pasted as `--comfyui "C:\\ComfyUI_windows_portable\\" --smoke` reach the
    program, in cmd and Windows PowerShell, as one argument `C:\\ComfyUI_windows_portable" --smoke` (the C runtime
    reads `\\"` as a literal quote). check said only `does not exist (a typo, or a path with spaces ...)` (lead,
    stop 51); it names the stray quote and the path as meant, which the same rules read back as that folder."""
    assert crt_argv('a "C:\\x y\\" --smoke') == ["a", 'C:\\x y" --smoke']
    assert crt_argv('a "C:\\x y\\\\" b') == ["a", "C:\\x y\\", "b"] and crt_argv('a "" b') == ["a", "", "b"]
    line = 'klein-doctor check --comfyui "C:\\ComfyUI_windows_portable\\" --smoke'
    argv = crt_argv(line)
    assert argv[2:] == ["--comfyui", 'C:\\ComfyUI_windows_portable" --smoke']
    t = inspect({"comfyui": argv[3]}, tmp_path / "home")
    (title,) = [f.title for f in findings(t, "comfyui.install")]
    meant = 'type it without that backslash: "C:\\ComfyUI_windows_portable"'
    assert title.startswith(f"--comfyui {argv[3]} does not exist: ") and title.endswith(meant), title
    # the path as said, typed back in cmd, is the folder meant
    said = title[title.rindex('"C:'):]
    assert crt_argv(f"klein-doctor check --comfyui {said} --smoke")[2:] == [
        "--comfyui", "C:\\ComfyUI_windows_portable", "--smoke"]
    # a real folder given so: the same words, with that folder
    root = portable_tree(tmp_path / "portable")
    t = inspect({"comfyui": f'{root}" --smoke'}, tmp_path / "home")
    assert [f.title for f in findings(t, "comfyui.install")][0].endswith(f'type it without that backslash: "{root}"')
    # --models-dir and --model-dir share the words
    from doctor.checks._common import given_path_problem

    for noun in ("the models folder", "the snapshot folder"):
        assert given_path_problem("missing", noun, 'D:\\hf\\FLUX.2-klein-4B" --path diffusers').endswith(
            'type it without that backslash: "D:\\hf\\FLUX.2-klein-4B"')
        assert given_path_problem("file", noun, 'D:\\x"') == f"is a file, not {noun}"
    # install says the same for --comfyui and --from
    from conftest import run_cli

    for args in (["--comfyui", argv[3]], ["--models-dir", str(tmp_path), "--from", 'E:\\klein" -y']):
        proc = run_cli("install", "--path", "comfyui", *args, "--dry-run", cwd=tmp_path)
        assert proc.returncode == 2 and "type it without that backslash" in proc.stderr, proc.stderr
    # a typo without a quote keeps its words; a quote with nothing before it is no path meant
    for given in (tmp_path / "ComfyUl", '" --smoke'):
        t = inspect({"comfyui": str(given)}, tmp_path / "home")
        assert "a typo, or a path with spaces" in findings(t, "comfyui.install")[0].title


def test_models_check_names_the_wrong_comfyui_path_as_a_consequence(tmp_path):
    """`check --comfyui TYPO` once said "No ComfyUI install found: model files not checked" under Model files,
    as if nothing had been given; it names the path and follows from the comfyui finding (+1 consequence)."""
    import json

    from conftest import run_cli

    typo = tmp_path / "ComfyUl"
    r = run_cli("check", "--json", "--no-redact", "--path", "comfyui", "--comfyui", str(typo), "--no-server",
                "--check", "comfyui.install", "--check", "models.found", cwd=tmp_path)
    doc = json.loads(r.stdout)
    f = {x["code"]: x for x in doc["findings"]}
    assert f["comfyui.install.not-comfyui"]["status"] == "fail"
    m = f["models.none-found"]
    assert m["title"].startswith(f"--comfyui {typo} does not exist") and m["cause"] == "comfyui.install.not-comfyui"


def test_portable_layout(tmp_path):
    container = portable_tree(tmp_path)
    t = inspect({"comfyui": str(container)}, tmp_path / "home", os_name="win32")
    assert t["layout"] == "portable" and t["root"] == str(container / "ComfyUI")
    assert t["python"] == str(container / "python_embeded" / "python.exe")
    # run_cpu.bat ships with every portable; only the script the user runs counts
    assert not any(f["flag"] == "--cpu" for f in t["launch_flags"])
    assert any(f["flag"] == "--windows-standalone-build" for f in t["launch_flags"])
    # also found when pointed at the inner ComfyUI folder
    t2 = inspect({"comfyui": str(container / "ComfyUI")}, tmp_path / "home", os_name="win32")
    assert t2["layout"] == "portable"


def test_portable_update_command_with_windows_paths():
    # The updater uses paths relative to its own folder: every shell changes into it first.
    fix = update_fix({"layout": "portable", "root": r"C:\AI\Comfy UI_windows_portable\ComfyUI"})
    assert fix.lines("powershell") == [r'Set-Location -LiteralPath "C:\AI\Comfy UI_windows_portable\update"',
                                       r".\update_comfyui.bat"]
    assert fix.lines("cmd") == [r'cd /d "C:\AI\Comfy UI_windows_portable\update"', "update_comfyui.bat"]
    assert fix.shells() == ["powershell", "cmd"] and "restart ComfyUI" in fix.text
    fix = update_fix({"layout": "git", "root": "/opt/Comfy UI", "python": "/opt/Comfy UI/.venv/bin/python"})
    assert fix.lines("posix") == ["cd '/opt/Comfy UI'", "git pull",
                                  "'/opt/Comfy UI/.venv/bin/python' -m pip install -r requirements.txt"]
    assert "Check for Updates" in update_fix({"layout": "desktop", "root": "x"})


def test_portable_flash_flag_becomes_a_finding_with_file_and_line(tmp_path):
    container = portable_tree(tmp_path, bat=".\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build "
                                            "--use-flash-attention --force-fp16\npause\n")
    t = inspect({"comfyui": str(container)}, tmp_path / "home", os_name="win32")
    fs = findings(t, "comfyui.launch")
    by = {f.code: f for f in fs}
    assert "comfyui.launch.use-flash-attention" in by
    assert "run_nvidia_gpu.bat:1" in by["comfyui.launch.use-flash-attention"].title
    assert by["comfyui.launch.force-fp16"].status.value == "warn"
    # with GPU/Python facts that say flash-attn is absent, forcing it is a failure
    extra = {"python": {"packages": {}}, "gpu": {"devices": [{"index": 0, "name": "RTX 5090", "compute_capability": "12.0"}]},
             "torch": {}, "system": {"env": {}}}
    fs = findings(t, "comfyui.launch", extra)
    assert "comfyui.launch.use-flash-attention" in codes(fs, "fail")


def test_desktop_windows_layout(tmp_path):
    home = tmp_path / "home"
    d = desktop_tree(home, launch_args='{"use-sage-attention": "", "cuda-device": "0"}')
    env = {"APPDATA": str(d["appdata"]), "LOCALAPPDATA": str(home / "AppData" / "Local")}
    t = inspect({}, home, env=env, os_name="win32")
    assert t["found"] and t["layout"] == "desktop" and t["how_found"].startswith("ComfyUI Desktop config")
    assert t["root"] == str(d["base"]) and t["code_dir"] == str(d["code"])
    assert t["version"] == "0.33.0" and t["klein_nodes"]["all_present"]
    assert t["python"] == str(d["base"] / ".venv" / "Scripts" / "python.exe")
    flags = {f["flag"]: f for f in t["launch_flags"]}
    assert "--use-sage-attention" in flags and flags["--cuda-device"]["value"] == "0"
    assert t["cuda_device"] == 0
    assert codes(findings(t, "comfyui.version"), "ok") == {"comfyui.version.ok"}


def test_desktop_without_code_says_so(tmp_path):
    home = tmp_path / "home"
    desktop_tree(home, os_name="linux")
    t = inspect({}, home, os_name="linux")
    assert t["layout"] == "desktop" and t["code_dir"] is None and t["version"] is None
    assert codes(findings(t, "comfyui.version"), "warn") == {"comfyui.version.no-code"}


def test_old_version_fails_with_layout_update_command(tmp_path):
    root = git_tree(tmp_path, version="0.8.2", klein=False)
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert t["klein_nodes"]["all_present"] is False
    fs = findings(t, "comfyui.version")
    (f,) = fs
    assert f.code == "comfyui.version.too-old" and f.status.value == "fail"
    assert "0.9.2" in f.title and "git pull" in f.fix


def test_new_number_but_nodes_missing_is_caught_from_source(tmp_path):
    root = git_tree(tmp_path, version="0.33.0", klein=False)
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    (f,) = findings(t, "comfyui.version")
    assert f.code == "comfyui.version.nodes-missing"
    assert "EmptyFlux2LatentImage" in f.title and "CLIP type flux2" in f.title


def test_extra_model_paths_sections_base_path_default_and_multiline(tmp_path):
    root = git_tree(tmp_path)
    shared = tmp_path / "shared_models"
    add_extra_yaml(root, shared)
    (tmp_path / "other" / "unet").mkdir(parents=True)
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    (y,) = t["extra_model_paths"]["files"]
    assert y["ok"] and set(y["sections"]) == {"comfyui", "other_ui"}
    assert y["sections"]["comfyui"]["is_default"] is True
    assert y["sections"]["comfyui"]["folders"]["text_encoders"] == [str(shared / "models" / "text_encoders"),
                                                                    str(shared / "models" / "clip")]
    # relative base_path is relative to the yaml's folder
    assert y["sections"]["other_ui"]["base_path"] == str(root / ".." / "other")
    dm = t["model_folders"]["diffusion_models"]
    assert dm[0] == {"path": str(shared / "models" / "diffusion_models"), "source": "extra_model_paths.yaml:comfyui",
                     "is_default": True, "exists": True}
    assert any(e["source"] == "extra_model_paths.yaml:other_ui" and e["path"].endswith("unet") for e in dm)
    fs = findings(t, "comfyui.model-paths")
    assert codes(fs, "ok") == {"comfyui.model-paths.ok"}


def test_extra_model_paths_missing_folder_and_bad_yaml(tmp_path):
    root = git_tree(tmp_path)
    add_extra_yaml(root, tmp_path / "s", "a:\n    base_path: /nonexistent/x\n    vae: vae\n")
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert {"comfyui.model-paths.no-base", "comfyui.model-paths.missing-folder"} <= codes(findings(t, "comfyui.model-paths"), "warn")
    (root / "extra_model_paths.yaml").write_text("comfyui:\n  base_path: /x\n   vae: [unclosed\n", encoding="utf-8")
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    (y,) = t["extra_model_paths"]["files"]
    assert not y["ok"] and "not valid YAML at line" in y["error"]
    fs = findings(t, "comfyui.model-paths")
    assert codes(fs, "fail") == {"comfyui.model-paths.bad-yaml"}
    (root / "extra_model_paths.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert "not a mapping" in t["extra_model_paths"]["files"][0]["error"]


def test_models_dir_option_and_extra_config_flag(tmp_path):
    root = git_tree(tmp_path)
    cfg = tmp_path / "cfg" / "paths.yaml"
    add_extra_yaml(root, tmp_path / "s")
    (root / "extra_model_paths.yaml").rename(tmp_path / "moved.yaml")
    cfg.parent.mkdir()
    (tmp_path / "moved.yaml").rename(cfg)
    (root / "run.sh").write_text(f"python main.py --extra-model-paths-config {cfg}\n", encoding="utf-8")
    t = inspect({"comfyui": str(root), "models_dir": str(tmp_path / "mine")}, tmp_path / "home")
    assert [y["path"] for y in t["extra_model_paths"]["files"]] == [str(cfg)]
    sources = [e["source"] for e in t["model_folders"]["vae"]]
    assert sources[0] == "extra_model_paths.yaml:comfyui" and "--models-dir" in sources and "default" in sources


def test_custom_node_forcing_flash_attention(tmp_path):
    root = git_tree(tmp_path)
    (root / "run.sh").unlink()
    node = root / "custom_nodes" / "fast_attn_node"
    node.mkdir()
    (node / "__init__.py").write_text("import torch\nfrom flash_attn import flash_attn_func\n", encoding="utf-8")
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    fs = findings(t, "comfyui.launch")
    (f,) = [f for f in fs if f.code.startswith("comfyui.custom-node.")]
    assert f"{node / '__init__.py'}:2" in f.title


def test_logs_listed(tmp_path):
    root = git_tree(tmp_path)
    (root / "user" / "comfyui.log").write_text("x", encoding="utf-8")
    (root / "user" / "comfyui_8188.prev.log").write_text("x", encoding="utf-8")
    t = inspect({"comfyui": str(root)}, tmp_path / "home")
    assert [Path(p).name for p in t["logs"]] == ["comfyui.log", "comfyui_8188.prev.log"]


def test_tree_probe_hands_python_and_cuda_device_to_later_probes(tmp_path):
    """Through its facts, never by writing into the shared options (issue 11)."""
    from doctor.probes import ProbeContext
    from doctor.probes.comfyui import comfyui_tree_probe
    from doctor.probes.pyenv import python_target_probe, target_python

    root = git_tree(tmp_path)
    opts = {"comfyui": str(root)}  # also without --path comfyui
    ctx = ProbeContext(options=dict(opts))
    t = comfyui_tree_probe(ctx)
    ctx.results["comfyui_tree"] = t
    ctx.results["python_target"] = python_target_probe(ctx)
    assert ctx.options == opts  # nothing written into the shared options
    assert t["cuda_device"] == 1
    assert target_python(ctx.options, ctx.results) == str(root / ".venv" / "bin" / "python")
    ctx = ProbeContext(options={"path": "comfyui", "comfyui": str(root), "python": "/usr/bin/python3"})
    ctx.results["comfyui_tree"] = comfyui_tree_probe(ctx)
    assert python_target_probe(ctx)["how"] == "--python"
    assert target_python(ctx.options, ctx.results) == "/usr/bin/python3"
