"""The fix building blocks in-process (milliseconds): companion versions, environment kinds, flag and
shell-line edits, API-format workflow corrections, the journal's undo after a crash."""

from __future__ import annotations

import json

from doctor.fixer import journal as jmod
from doctor.fixer.comfy import _strip_flag
from doctor.fixer.envvars import comment_out, where_set
from doctor.fixer.pkgs import environment, install_argv
from doctor.fixer.torch_env import companions
from doctor.fixer.workflows import correct


def test_companions_from_the_table_and_the_rule():
    assert companions("2.7.1") == {"torchvision": "0.22.1", "torchaudio": "2.7.1"}
    assert companions("2.11.0") == {"torchvision": "0.26.0", "torchaudio": "2.11.0"}


def test_environment_kinds_and_commands(tmp_path):
    portable = {"executable": "C:\\ComfyUI_windows_portable\\python_embeded\\python.exe", "embedded": True,
                "prefix": "C:\\ComfyUI_windows_portable\\python_embeded"}
    env = environment(portable, "win32")
    assert env["kind"].startswith("ComfyUI portable") and env["tool"] == "pip"
    assert install_argv(env, ["torch==2.7.1"], "https://x/cu128")[:4] == [portable["executable"], "-s", "-m", "pip"]
    conda = tmp_path / "conda"
    (conda / "conda-meta").mkdir(parents=True)
    assert environment({"executable": str(conda / "bin/python"), "prefix": str(conda)}, "linux")["kind"] == "conda"
    desk = tmp_path / "ComfyUI" / ".venv"
    desk.mkdir(parents=True)
    (desk.parent / "models").mkdir()
    (desk / "pyvenv.cfg").write_text("home = /usr/bin\nuv = 0.9.5\n")
    e = environment({"executable": str(desk / "bin/python"), "prefix": str(desk), "is_venv": True}, "linux")
    assert e == {**e, "kind": "ComfyUI Desktop (.venv)", "tool": "uv"}
    assert install_argv(e, ["torch==2.11.0"])[:5] == ["uv", "pip", "install", "--python", str(desk / "bin/python")]


def test_strip_flag_keeps_the_rest_of_the_line():
    line = ".\\python_embeded\\python.exe -s ComfyUI\\main.py --use-flash-attention --windows-standalone-build"
    assert _strip_flag(line, "--use-flash-attention", None) == \
        ".\\python_embeded\\python.exe -s ComfyUI\\main.py --windows-standalone-build"
    assert _strip_flag("python main.py --use-flash-attention-2x", "--use-flash-attention", None) == \
        "python main.py --use-flash-attention-2x"  # another flag that starts the same is left alone


def test_shell_files_commented_out_line_endings_kept(tmp_path):
    (tmp_path / ".zshrc").write_bytes(b"a=1\r\nexport DIFFUSERS_ATTN_BACKEND=sage\r\n")
    (tmp_path / ".bashrc").write_text("# DIFFUSERS_ATTN_BACKEND=flash is commented already\n")
    mine, _ = where_set("DIFFUSERS_ATTN_BACKEND", tmp_path)
    assert mine == [(tmp_path / ".zshrc", [2])]
    out = comment_out((tmp_path / ".zshrc").read_bytes(), [2], "DIFFUSERS_ATTN_BACKEND")
    assert out.startswith(b"a=1\r\n# export DIFFUSERS_ATTN_BACKEND=sage  # disabled by klein-doctor fix") and out.endswith(b"\r\n")


def test_api_format_workflow_corrected():
    prompt = {"1": {"class_type": "UNETLoader", "inputs": {"unet_name": "flux-2-klein-4b-fp8.safetensors", "weight_dtype": "default"}},
              "2": {"class_type": "CLIPLoader", "inputs": {"clip_name": "qwen_3_4b.safetensors", "type": "flux"}},
              "3": {"class_type": "EmptySD3LatentImage", "inputs": {"width": 1000, "height": 1024, "batch_size": 1}},
              "4": {"class_type": "Flux2Scheduler", "inputs": {"steps": 28, "width": ["3", 0], "height": 1024}},
              "5": {"class_type": "CFGGuider", "inputs": {"cfg": 3.5, "model": ["1", 0]}}}
    changes = correct(prompt, {})
    assert {c for c, _ in changes} == {"workflows.clip-type", "workflows.wrong-latent", "workflows.latent-size",
                                        "workflows.steps", "workflows.cfg"}
    assert prompt["2"]["inputs"]["type"] == "flux2" and prompt["3"]["class_type"] == "EmptyFlux2LatentImage"
    assert prompt["3"]["inputs"]["width"] == 992 and prompt["4"]["inputs"]["steps"] == 4
    assert prompt["4"]["inputs"]["width"] == ["3", 0]  # links are never touched
    assert prompt["5"]["inputs"]["cfg"] == 1.0 and "_id" not in prompt["1"]


def test_journal_undo_after_a_crash_between_record_and_move(tmp_path, monkeypatch):
    monkeypatch.setenv("KLEIN_DOCTOR_STATE_DIR", str(tmp_path / "state"))
    a = tmp_path / "a.safetensors"
    a.write_bytes(b"old")
    j = jmod.Journal(tmp_path / "j")
    j.begin_repair("r", "t", ["x"])
    j.move(a, tmp_path / "a.aside", "test")
    a.write_bytes(b"new")                    # what an install put there
    (tmp_path / "s.sh").write_text("x --cpu\n")
    j.edit(tmp_path / "s.sh", b"x\n", "test")
    # a crash: the journal on disk is all undo has
    again = jmod.Journal.load(j.path)
    assert jmod.latest() == j.path
    assert again.undo() == []
    assert a.read_bytes() == b"old" and (tmp_path / "s.sh").read_text() == "x --cpu\n"
    kept = list(j.backups.glob("*installed-by-fix"))
    assert kept and kept[0].read_bytes() == b"new"
    assert json.loads(j.path.read_text())["ops"][0]["undone"]


def test_portable_update_plan_on_windows_paths():
    from doctor.findings import fail
    from doctor.fixer.comfy import comfyui_update

    f = fail("comfyui.version.too-old", "ComfyUI 0.8.2 is too old")
    facts = {"comfyui_tree": {"found": True, "layout": "portable", "version": "0.8.2",
                              "root": "C:\\Users\\Ana\\ComfyUI_windows_portable\\ComfyUI"}}
    (plan,) = comfyui_update([f], facts, {})
    assert plan.commands == [["cmd", "/c", "C:\\Users\\Ana\\ComfyUI_windows_portable\\update\\update_comfyui.bat"]]
    if plan.manual:  # off Windows the script cannot run: it is an instruction
        assert "C:\\Users\\Ana\\ComfyUI_windows_portable\\update\\update_comfyui.bat" in plan.manual
