"""The live-server client against a real HTTP server on 127.0.0.1 replaying the ComfyUI 0.33.0 captures
(and variations derived from them), and the findings the server checks give."""

from __future__ import annotations

import time

import pytest

from doctor import manifests
from doctor.comfyui import server
from doctor.pipeline import run_one, select_checks
from tests.comfy_server import ComfyReplay, free_port


@pytest.fixture
def fx(shared):
    return shared / "fixtures" / "comfyui"


def findings(s, extra=None, prefix="comfyui.server"):
    facts = {"options": {"path": "comfyui"}, "comfyui_server": s, "probe_errors": {}, **(extra or {})}
    out = []
    for c in [c for c in select_checks(None) if c.id.startswith(prefix)]:
        out += run_one(c, facts)
    return out


def codes(fs, status=None):
    return {f.code for f in fs if status is None or f.status.value == status}


def test_real_capture_read_fully(fx):
    with ComfyReplay(fx) as url:
        s = server.check_server(url, explicit=True)
    assert s["is_comfyui"] and s["version"] == "0.33.0" and not s["remote"]
    assert s["pytorch_version"] == "2.13.0+cpu" and s["devices"][0]["type"] == "cpu"
    assert {"flag": "--cpu", "value": None} in s["flags"]
    assert {"flag": "--port", "value": "8199"} in s["flags"]
    oi = s["object_info"]
    assert oi["complete"] and len(oi["node_names"]) > 800 and "FluxKVCache" in oi["node_names"]
    assert oi["klein_nodes"] == {"EmptyFlux2LatentImage": True, "Flux2Scheduler": True}
    assert "flux2" in oi["clip_types"]
    assert "flux-2-klein-4b-fp8.safetensors" in oi["files"]["diffusion_models"]
    assert "flux2-vae.safetensors" in oi["files"]["vae"]
    fs = findings(s)
    assert "comfyui.server.up" in codes(fs, "ok")
    assert "comfyui.server-runtime.cpu" in codes(fs, "fail")  # --cpu in argv
    assert {"comfyui.server-nodes.ok", "comfyui.server-nodes.diffusion_models", "comfyui.server-nodes.vae"} <= codes(fs, "ok")
    assert "comfyui.server-version.ok" in codes(fs, "ok")


def test_empty_folders_capture_means_server_sees_no_files(fx):
    with ComfyReplay(fx, stage="empty") as url:
        s = server.check_server(url, explicit=True)
    fs = findings(s)
    assert {"comfyui.server-nodes.no-diffusion_models", "comfyui.server-nodes.no-text_encoders",
            "comfyui.server-nodes.no-vae"} <= codes(fs, "warn")


def test_old_version_and_missing_nodes(fx):
    with ComfyReplay(fx, variant="old") as url:
        s = server.check_server(url, explicit=True)
    fs = findings(s, {"comfyui_tree": {"found": True, "layout": "git", "root": "/srv/ComfyUI", "version": "0.8.2"}})
    assert {"comfyui.server-version.too-old", "comfyui.server-nodes.missing",
            "comfyui.server-nodes.no-flux2-clip"} <= codes(fs, "fail")
    too_old = next(f for f in fs if f.code == "comfyui.server-version.too-old")
    assert "git pull" in too_old.fix


@pytest.mark.parametrize("variant,code", [("missing-node", "comfyui.server-nodes.missing"),
                                          ("no-flux2-clip", "comfyui.server-nodes.no-flux2-clip")])
def test_node_variants(fx, variant, code):
    with ComfyReplay(fx, variant=variant) as url:
        s = server.check_server(url, explicit=True)
    assert code in codes(findings(s), "fail")
    assert "comfyui.server-nodes.ok" not in codes(findings(s))


def test_per_node_fallback_when_object_info_too_large(fx, monkeypatch):
    cfg = dict(manifests.load("comfyui")["server"], max_object_info_bytes=100_000)
    with ComfyReplay(fx, variant="missing-node") as url:
        oi = server.read_object_info(url, cfg)
    assert oi["complete"] is False and oi["node_names"] is None
    assert oi["klein_nodes"] == {"EmptyFlux2LatentImage": True, "Flux2Scheduler": False}
    assert "flux2" in oi["clip_types"] and "stopped reading" in oi["errors"][0]


def test_flash_attention_in_argv(fx):
    with ComfyReplay(fx, variant="flash-argv") as url:
        s = server.check_server(url, explicit=True)
    assert {"flag": "--cuda-device", "value": "1"} in s["flags"]
    fs = findings(s)
    assert "comfyui.server-runtime.use-flash-attention" in codes(fs, "info")
    assert "comfyui.server-runtime.cpu" not in codes(fs)
    extra = {"python": {"packages": {}}, "gpu": {"devices": [{"index": 0, "name": "RTX 5090", "compute_capability": "12.0"}]},
             "torch": {}, "system": {"env": {}}}
    fs = findings(s, extra)
    (f,) = [f for f in fs if f.code == "comfyui.server-runtime.use-flash-attention"]
    assert f.status.value == "fail" and "flash-attn is not installed" in f.title and "server argv" in f.title


def test_cuda_device_is_ok(fx):
    with ComfyReplay(fx, variant="cuda") as url:
        s = server.check_server(url, explicit=True)
    fs = findings(s, prefix="comfyui.server-runtime")
    assert codes(fs) == {"comfyui.server-runtime.ok"}
    assert "H100" in fs[0].title


def test_cpu_device_without_flag(fx):
    with ComfyReplay(fx, variant="cpu-no-flag") as url:
        s = server.check_server(url, explicit=True)
    assert "comfyui.server-runtime.cpu" in codes(findings(s), "fail")


@pytest.mark.parametrize("variant,kind", [("malformed", "not-json"), ("not-comfyui", "not-comfyui"), ("html", "not-json")])
def test_bad_servers(fx, variant, kind):
    with ComfyReplay(fx, variant=variant) as url:
        s = server.check_server(url, explicit=True)
    assert s["error"]["kind"] == kind and s["reachable"] and not s["is_comfyui"]
    assert f"comfyui.server.{kind}" in codes(findings(s), "fail")


def test_slow_server_times_out_within_bound(fx):
    with ComfyReplay(fx, variant="slow") as url:
        t0 = time.monotonic()
        s = server.check_server(url, explicit=True, timeout=0.5)
        assert time.monotonic() - t0 < 2.5
    assert s["error"]["kind"] == "timeout"
    assert "comfyui.server.timeout" in codes(findings(s), "fail")


def test_size_bound_on_system_stats(fx):
    with ComfyReplay(fx) as url:
        with pytest.raises(server.FetchError) as ei:
            server.get_json(url, "/system_stats", 2.0, 100)
    assert ei.value.kind == "too-large"


def test_http_error_status(fx):
    with ComfyReplay(fx) as url:
        with pytest.raises(server.FetchError) as ei:
            server.get_json(url, "/models/unet", 2.0, 1000)  # captured 404
    assert ei.value.kind == "http-status" and ei.value.status == 404


def test_refused_explicit_is_fail_default_is_info():
    url = f"http://127.0.0.1:{free_port()}"
    s = server.check_server(url, explicit=True)
    assert s["error"]["kind"] == "refused"
    assert codes(findings(s), "fail") == {"comfyui.server.refused"}
    s = server.check_server(url, explicit=False)
    assert codes(findings(s)) == {"comfyui.server.none"}


def test_which_server_is_asked(monkeypatch):
    asked = []
    monkeypatch.setattr(server, "check_server", lambda url, explicit: asked.append((url, explicit)) or {})
    assert server.server_facts({"no_server": True, "server": "http://x:1"})["contacted"] is False
    server.server_facts({"server": "gpu-box:8188"})
    server.server_facts({})
    assert asked == [("gpu-box:8188", True), ("http://127.0.0.1:8188", False)]
    assert server.normalize_url("gpu-box:8188/") == "http://gpu-box:8188"
    assert server.is_loopback("http://127.0.0.1:8188") and not server.is_loopback("http://10.0.0.5:8188")


def test_no_server_check_skips():
    assert codes(findings({"contacted": False, "why": "--no-server"})) == {"comfyui.server.not-asked"}


def test_server_version_differs_from_tree(fx):
    with ComfyReplay(fx) as url:
        s = server.check_server(url, explicit=True)
    fs = findings(s, {"comfyui_tree": {"found": True, "layout": "git", "root": "/srv/ComfyUI", "version": "0.20.1",
                                        "version_source": "comfyui_version.py"}})
    assert "comfyui.server-version.other-install" in codes(fs, "warn")


def test_combo_shapes():
    assert server.combo_options([["a", "b"], {}]) == ["a", "b"]
    assert server.combo_options(["COMBO", {"options": ["x"]}]) == ["x"]
    assert server.combo_options(["INT", {}]) is None
