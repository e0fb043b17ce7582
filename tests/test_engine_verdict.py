"""One verdict, one line per cause (issue 11): in process, on recorded machines."""

from __future__ import annotations

import io

from engine_kit import facts_of, run, triples

from doctor import verdict
from doctor.findings import Status, fail, ok, skip, warn
from doctor.render import terminal

CMD_128 = ("C:\\ComfyUI_windows_portable\\python_embeded\\python.exe -m pip install torch==2.7.1+cu128 "
           "torchvision==0.22.1+cu128 torchaudio==2.7.1+cu128 --index-url https://download.pytorch.org/whl/cu128")
TEXT_128 = ("Reinstall torch 2.7.1, torchvision 0.22.1 and torchaudio 2.7.1 together, built for CUDA 12.8 (cu128): it has "
            "kernels for this GPU and runs on this driver")
FIX_128 = TEXT_128 + " :: " + CMD_128


def test_arch_missing_is_the_cause_of_the_failed_kernel():
    out = run(facts_of("rtx5090-torch271-cu126"), "torch.arch", "torch.kernel")
    assert triples(out) == [("torch.arch.missing", "fail", FIX_128), ("torch.kernel.failed", "fail", FIX_128)]
    assert out[1].cause == "torch.arch.missing"
    v = verdict.compute(out, {})
    assert [f.code for f in v.root_causes] == ["torch.arch.missing"]
    assert v.state == "not-ready" and v.exit_code == 1


def test_terminal_prints_the_fix_once_and_ends_with_fix_these_first():
    findings = run(facts_of("rtx5090-torch271-cu126"))
    buf = io.StringIO()
    terminal.render(findings, buf, verdict=verdict.compute(findings, {}))
    text = buf.getvalue()
    assert text.count(CMD_128) == 2  # under the cause, and in "Fix these first"
    assert "    ✗ A test kernel failed on the GPU" in text  # indented under its cause
    lines = text.rstrip().splitlines()
    tail = lines[lines.index("Fix these first:"):]
    assert tail[1].startswith("  1. PyTorch 2.7.1+cu126 has no kernels") and "(+1 consequence)" in tail[1]
    assert tail[2].strip() == TEXT_128 and tail[3].strip() == CMD_128  # the text, then the command on its own line
    assert not any(line.startswith("  2.") for line in tail)  # one cause, one numbered line
    assert len(tail) <= 24 and lines[-1].strip() == CMD_128  # the run ends with the root causes


def test_nothing_judged_is_not_ready_and_exits_2():
    out = run(facts_of("no-gpu"), "torch.arch", "torch.kernel")
    assert all(f.status is Status.SKIP for f in out) or out == []
    v = verdict.compute(out, {})
    assert v.state == "nothing-judged" and v.exit_code == 2
    assert "Ready" not in v.headline


def test_ready_only_when_every_required_area_was_judged():
    base = [ok("system.ram.ok", "ram"), ok("gpu.found", "gpu"), ok("torch.ok", "torch")]
    for f, a in zip(base, ["System", "GPU", "PyTorch"]):
        f.area = a
    v = verdict.compute(base, {"path": "diffusers"})
    assert v.state == "ready-partial" and v.exit_code == 0
    assert [n["area"] for n in v.not_checked] == ["Attention", "Model files"]
    assert v.not_checked[1]["how"].startswith("klein-doctor check --check models")
    # the command is a command only (it runs as printed once DIR is filled in); the alternatives are words beside it
    assert v.not_checked[1]["how"] == "klein-doctor check --check models --comfyui DIR", v.not_checked[1]
    assert "--model-dir DIR" in v.not_checked[1]["how_also"] and "(" not in v.not_checked[1]["how"]
    assert all("(" not in n["how"] for n in v.not_checked), v.not_checked
    assert verdict.compute(base, {"path": "diffusers"}, strict=True).exit_code == 1
    more = base + [ok("attention.env.default", "a"), ok("models.found", "m")]
    more[-2].area, more[-1].area = "Attention", "Model files"
    assert verdict.compute(more, {"path": "diffusers"}).state == "ready"
    none_found = warn("models.none-found", "not checked")
    none_found.area = "Model files"
    assert verdict.compute(base + [none_found], {}).state == "ready-partial"  # a "not checked" warning judges nothing


def test_strict_warning_is_not_ready_everywhere():
    findings = [ok("system.ram.ok", "ram"), warn("gpu.vram.low", "low")]
    findings[0].area, findings[1].area = "System", "GPU"
    v = verdict.compute(findings, {}, strict=True)
    assert v.state == "not-ready" and v.exit_code == 1 and "Ready" not in v.headline
    assert "Ready" not in terminal.summary_line(findings, v)


def test_workflow_repeats_collapse_to_one_line_with_a_count():
    rows = []
    for i in range(25):
        f = fail("workflows.node-too-new", f"wf{i}.json: uses EmptyFlux2LatentImage, which needs ComfyUI 0.9.2 or newer",
                 fix="Update ComfyUI", cause="comfyui.version.too-old")
        f.area = "Workflows"
        rows.append(f)
    root = fail("comfyui.version.too-old", "ComfyUI 0.8.2 is too old", fix="update_comfyui.bat")
    root.area = "ComfyUI"
    lines = terminal.lines_for([root] + rows)
    titles = [t for _, s, t, k in lines if k == "title"]
    assert titles == ["ComfyUI 0.8.2 is too old",
                      "uses EmptyFlux2LatentImage, which needs ComfyUI 0.9.2 or newer (×25, -v lists them)"]
    assert [t for _, _, t, k in lines if k == "fix"].count("fix: Update ComfyUI") == 0
    assert len([t for _, _, t, k in terminal.lines_for([root] + rows, verbose=True) if k == "title"]) == 26


def test_collapsed_files_do_not_borrow_the_first_ones_size():
    sizes = ["4,070,624,520 bytes (4.07 GB)", "8,044,982,048 bytes (8.04 GB)", "336,213,556 bytes (336.21 MB)"]
    rows = []
    for name, size in zip(("dm.safetensors", "te.safetensors", "vae.safetensors"), sizes):
        f = ok("models.file.ok", f"{name}: header and size agree ({size})")
        f.area = "Model files"
        rows.append(f)
    titles = [t for _, _, t, k in terminal.lines_for(rows) if k == "title"]
    assert titles == ["header and size agree (×3, -v lists them)"]
    same = [ok("models.file.ok", f"{n}: header and size agree") for n in ("a", "b", "c")]
    for f in same:
        f.area = "Model files"
    assert [t for _, _, t, k in terminal.lines_for(same) if k == "title"] == ["header and size agree (×3, -v lists them)"]


def test_a_cause_takes_the_severity_of_its_worst_consequence():
    from doctor.pipeline import settle_causes

    c = warn("attention.flash-attn.unusable", "flash-attn cannot run")
    out = settle_causes([c, fail("attention.env.broken", "forced", cause="attention.flash-attn.unusable")])
    assert out[0].status is Status.FAIL


def test_skip_only_selection_says_how_to_check():
    s = skip("x.no-facts", "not checked")
    s.area = "GPU"
    v = verdict.compute([s], {"path": "comfyui"})
    assert v.state == "nothing-judged"
    assert {n["area"] for n in v.not_checked} == {"System", "GPU", "PyTorch", "ComfyUI", "Model files"}


def test_flux1_vae_under_the_flux2_name_is_one_cause_not_a_check_mark_above_a_cross(tmp_path, monkeypatch):
    import stfiles as st

    from doctor import pipeline

    monkeypatch.setenv("KLEIN_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    root = tmp_path / "ComfyUI"
    (root / "comfy").mkdir(parents=True)
    (root / "main.py").write_text("# ComfyUI\n")
    m = root / "models"
    st.write(m / "diffusion_models/flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    st.write(m / "text_encoders/qwen_3_4b.safetensors", st.qwen3_4b(), total_size=st.SIZE_QWEN3_4B)
    st.write(m / "vae/flux2-vae.safetensors", st.flux1_vae(), total_size=st.SIZE_FLUX1_AE)
    options = {"path": "comfyui", "comfyui": str(root), "no_hash": True, "no_server": True}
    live = pipeline.gather(options, {"models"})
    facts = facts_of("rtx5090-torch271-cu126", models=live["models"], comfyui_tree=live["comfyui_tree"])
    out = run(facts, "models.present", "models.identity", path="comfyui")
    present = next(f for f in out if f.code == "models.present.vae")
    assert present.cause == "models.identity.vae"
    v = verdict.compute(out, {"path": "comfyui"})
    assert "models.identity.vae" in [f.code for f in v.root_causes]
    lines = [(i, s, t) for i, s, t, k in terminal.lines_for(out, verdict=v) if k == "title"]
    ident = next(n for n, (_, s, t) in enumerate(lines) if "is a FLUX.1 VAE" in t)
    vae_ok = next(n for n, (_, s, t) in enumerate(lines) if t.startswith("VAE: flux2-vae.safetensors is in vae"))
    assert vae_ok == ident + 1 and lines[vae_ok][0] > lines[ident][0]  # under the ✗, indented: its consequence
    # shown under its cause, but a ✓ is not a problem that follows from it: no "(+1 consequence)" in the summary
    roots = [t for _i, _s, t, k in terminal.lines_for(out, verdict=v) if k == "root"]
    assert any("is a FLUX.1 VAE" in t for t in roots) and not any("consequence" in t for t in roots), roots


def test_flash_attn_without_kernels_is_a_failure_when_forced_and_carries_its_consequences():
    from engine_kit import raw

    f = raw("rtx5090-attention-overrides")
    out = run(facts_of("rtx5090-attention-overrides", **{k: f[k] for k in ("system", "scan")}), "attention")
    fa = next(x for x in out if x.code == "attention.flash-attn.unusable")
    assert fa.status is Status.FAIL
    consequences = verdict.consequences(out)["attention.flash-attn.unusable"]
    assert {c.code for c in consequences} >= {"attention.env.broken"}
    assert max(c.status.rank for c in consequences) <= fa.status.rank
    # not forced anywhere: installed but harmless, a warning
    f["system"]["env"].pop("DIFFUSERS_ATTN_BACKEND", None)
    f["scan"]["hits"] = [h for h in f["scan"]["hits"] if h.get("kind") != "flash"]
    out = run(facts_of("rtx5090-attention-overrides", system=f["system"], scan=f["scan"]), "attention.flash-attn")
    assert [(x.code, x.status) for x in out] == [("attention.flash-attn.unusable", Status.WARN)]
