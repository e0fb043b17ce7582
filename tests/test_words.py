"""Words users see: sources they can open, no internal file names, no project-internal "seed" vocabulary.

Scans every string in the manifests (source fields are shown with -v and in reports), every finding's
title, evidence and fix over every recorded machine, every --help text, and the README.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import FACTS, REPO

from doctor import pipeline
from doctor.cli import build_parser

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Internal documents and paths of the people who wrote the doctor: nothing a user can open.
INTERNAL = re.compile(r"models\.md|platform\.md|peers\.md|\.\./shared|shared/(fixtures|reference)|\bfixtures?\b|"
                      r"§\s*\d", re.I)
# "seed" as the random seed of a generation is ComfyUI/diffusers vocabulary; anything else is internal.
SEED_OK = re.compile(r"(noise_|smoke[-_])seeds?\b|`seeds?`|\bseeds? (?:widgets?|inputs?|values?|that does not advance)\b|\bseed[-_ ]everything\b|\bseed helper\b|\bseeded\b|\bseeds?\s*[=:]?\s*\d|\b(fixed|fresh|new|random|same|different|vary the|"
                     r"the) seeds?\b(?!'s| recipe)", re.I)

# A link's path is names (a GitHub user "Seedsa", a repository "ComfyUI-SeedVR2_VideoUpscaler"), and ByteDance's Seed
# models (SeedVR2, Seedream, Seed-OSS) are model names: neither is the internal word.
URL = re.compile(r"https?://\S+|\bSeed(?:VR\d*|ream|-OSS|-?Coder|Edit)\w*")


def bad_words(text: str) -> list[str]:
    found = [m.group(0) for m in INTERNAL.finditer(text)]
    rest = SEED_OK.sub("", URL.sub("", text))
    found += [rest[max(0, m.start() - 30): m.end() + 30] for m in re.finditer(r"\bseed", rest, re.I)]
    return found


def strings(o, path=""):
    if isinstance(o, str):
        yield path, o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield from strings(v, f"{path}.{k}")
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from strings(v, f"{path}[{i}]")


def test_manifest_strings():
    problems = []
    for toml in sorted((REPO / "manifests").glob("*.toml")):
        data = tomllib.loads(toml.read_text(encoding="utf-8"))
        # a signature whose own needles are a program's message about a seed (numpy's `Seed must be between 0 and
        # 2**32 - 1`) speaks the generation's vocabulary throughout
        seed_rows = {f".signature[{i}]" for i, row in enumerate(data.get("signature", []))
                     if any(re.search(r"\bseed\b", n, re.I) for n in row.get("needles", []))}
        for where, s in strings(data):
            if where.split(".", 2)[1:2] and "." + where.split(".", 2)[1] in seed_rows and not INTERNAL.search(s):
                continue
            if s in ("seed", "noise_seed") or where.endswith(("regex", "patterns")) or "patterns[" in where \
                    or where.startswith((".core_nodes.names[", ".core_display_names.names.", ".newer_options.sampler_name[")):
                continue  # ComfyUI input names, node class and display names (SeedNode), its sampler names (seeds_2) and
                # regular expressions, not words
            problems += [f"{toml.name}{where}: {w!r}" for w in bad_words(s)]
    assert not problems, "\n".join(problems)


def test_findings_over_every_recorded_machine():
    problems = []
    for path in sorted(FACTS.glob("*.json")):
        facts = pipeline.load_facts(path)
        for f in pipeline.diagnose(dict(facts.get("options") or {}), facts=facts).findings:
            text = " ".join([f.title, *f.evidence, str(f.fix or "")])
            problems += [f"{path.name} {f.code}: {w!r}" for w in bad_words(text)]
    assert not problems, "\n".join(problems)


def test_help_texts_and_readme():
    parser = build_parser()
    texts = [parser.format_help()]
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    texts += [p.format_help() for p in sub.choices.values()]
    problems = [w for t in texts for w in bad_words(t)]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    problems += [w for w in bad_words(readme) if "seed" in w.lower()]  # README's test section may name ../shared
    assert not problems, problems


def test_the_word_filter_catches_what_it_should():
    assert bad_words("seed recipe: 16 GB") and bad_words("the seed's prompt") and bad_words("models.md §1: x")
    assert bad_words("see ../shared/fixtures/comfyui/run.json") and bad_words("platform.md wheel table")
    assert not bad_words("RandomNoise noise_seed 42; --smoke-seed N; seed 42; a fixed seed; the seed (default 42)")
    assert not bad_words("a seed widget set to `fixed`; write a new `seed` into the JSON; a pack's seed that does not advance")
    assert not bad_words("https://github.com/Seedsa/Fooocus_Nodes/issues/44; numz/ComfyUI-SeedVR2_VideoUpscaler's SeedVR2 node")
    assert bad_words("see https://github.com/x/y and the seed recipe")  # a link does not excuse the words around it


def test_a_forced_backend_cites_the_row_its_problem_rests_on():
    """DIFFUSERS_ATTN_BACKEND=flash with a flash-attn too old for sm_120: the cause is the flash-attn row
    (Blackwell kernels from 2.7.4), so that row's source is cited, not only diffusers' list of names."""
    from doctor import manifests

    facts = pipeline.load_facts(FACTS / "rtx5090-attention-overrides.json")
    found = [f for f in pipeline.diagnose(dict(facts["options"]), facts=facts).findings if f.code == "attention.env.broken"]
    assert found and "flash-attn" in found[0].title
    rows = manifests.load("attention")
    assert found[0].evidence[0] == f"source: {rows['flash_attn']['source']}"
    assert f"backend names: {rows['diffusers']['source']}" in found[0].evidence
