"""Header identity and integrity on sparse files with the real key sets."""

from __future__ import annotations

import time

import pytest
import stfiles as st

from doctor import safetensors_id as sid


def test_klein_key_sets_match_the_published_counts():
    # models.md section 3: 149 / 201 / 299 tensors; parameter counts of the bf16 files
    assert (len(st.klein_4b()), st.n_params(st.klein_4b())) == (149, 3_875_544_576)
    assert (len(st.klein_9b()), st.n_params(st.klein_9b())) == (201, 9_078_581_248)
    assert (len(st.flux2_dev()), st.n_params(st.flux2_dev())) == (299, 32_223_281_152)


@pytest.mark.parametrize("identity", sorted(st.IDENTITIES))
def test_every_signature_identifies_its_own_header(tmp_path, identity):
    p = st.write_identity(tmp_path / f"{identity}.safetensors", identity)
    fp = sid.fingerprint(p)
    assert fp["identity"]["id"] == identity
    assert fp["integrity"] == {"ok": True, "problem": None, "expected_size": p.stat().st_size}


def test_every_signature_has_a_fixture():
    from doctor import manifests
    ids = {s["id"] for s in manifests.load("signatures")["signature"]}
    assert ids == set(st.IDENTITIES)


def test_real_size_klein_4b_fp8_is_sparse_and_fast(tmp_path):
    p = st.write(tmp_path / "flux-2-klein-4b-fp8.safetensors", st.klein_4b(fp8=True), total_size=st.SIZE_KLEIN_4B_FP8)
    assert p.stat().st_size == st.SIZE_KLEIN_4B_FP8
    assert p.stat().st_blocks * 512 < 1_000_000  # a hole, not 4 GB of disk
    sid.fingerprint(p)
    t = time.perf_counter()
    fp = sid.fingerprint(p)
    elapsed = time.perf_counter() - t
    assert fp["identity"]["id"] == "flux2-klein-4b" and fp["identity"]["dtype"] == "fp8-e4m3"
    assert fp["integrity"]["ok"]
    assert elapsed < 0.05  # goal 5 ms; slack for a shared CI core


def test_comfy_prefixed_checkpoint_keys(tmp_path):
    p = st.write(tmp_path / "k.safetensors", st.klein_4b(prefix="model.diffusion_model."))
    ident = sid.fingerprint(p)["identity"]
    assert ident["id"] == "flux2-klein-4b" and ident["key_prefix"] == "model.diffusion_model." and ident["dtype"] == "bf16"


def test_flux1_vae_named_flux2_vae_is_told_apart(tmp_path):
    a = sid.fingerprint(st.write(tmp_path / "flux2-vae.safetensors", st.flux1_vae()))["identity"]
    b = sid.fingerprint(st.write(tmp_path / "ae.safetensors", st.flux2_vae(), total_size=st.SIZE_FLUX2_VAE))["identity"]
    assert (a["id"], a["label"]) == ("flux1-vae", "FLUX.1 VAE (also SD3's 16-channel VAE)")
    assert b["id"] == "flux2-vae"


def test_truncated_download_found_from_offsets(tmp_path):
    p = st.write(tmp_path / "qwen_3_4b.safetensors", st.qwen3_4b(), truncate_to=2_000_000_000)
    fp = sid.fingerprint(p)
    assert not fp["integrity"]["ok"]
    assert fp["integrity"]["problem"].startswith("truncated: the header describes")
    assert fp["identity"]["id"] == "qwen3-4b"  # still recognisable


def test_padded_file(tmp_path):
    fp = sid.fingerprint(st.write(tmp_path / "v.safetensors", st.flux2_vae(), extra=100))
    assert fp["integrity"]["problem"].startswith("padded: the file has 100 bytes")


def test_overlapping_offsets(tmp_path):
    hdr = b'{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}}'
    p = st.write_raw_header(tmp_path / "o.safetensors", hdr, size=8 + len(hdr) + 24)
    assert "overlaps" in sid.fingerprint(p)["integrity"]["problem"]


def test_unknown_file_lists_top_prefixes(tmp_path):
    t = {f"lora_unet_block_{i}.alpha": ("F32", []) for i in range(3)}
    t.update({f"adapter.layers.{i}.weight": ("F16", [4, 4]) for i in range(5)})
    ident = sid.fingerprint(st.write(tmp_path / "u.safetensors", t))["identity"]
    assert ident["id"] is None and ident["label"] == "unknown safetensors file"
    assert ident["top_prefixes"][0] == "adapter.layers (5)"


@pytest.mark.parametrize("data,needle", [
    (b"", "too short"),
    (b"\xff" * 8, "header length field says"),
    (b"version https://git-lfs.github.com/spec/v1\n", "header length field says"),
])
def test_not_safetensors(tmp_path, data, needle):
    p = tmp_path / "x.safetensors"
    p.write_bytes(data)
    fp = sid.fingerprint(p)
    assert not fp["integrity"]["ok"] and needle in fp["integrity"]["problem"]
