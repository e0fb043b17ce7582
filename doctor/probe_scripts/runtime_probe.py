"""Runs inside the TARGET interpreter: does `from diffusers import Flux2KleinPipeline` work there?

Only this import tells the truth about a diffusers stack: a new enough diffusers can still fail on an old
transformers (no Qwen3ForCausalLM) or a broken torch. Standard library only; the outcome is data.
"""
import json
import sys
import time
import traceback

MARKER = "@@KLEIN_DOCTOR_JSON@@"


def main():
    out = {"import": "from diffusers import Flux2KleinPipeline"}
    t0 = time.perf_counter()
    try:
        import diffusers
        out["diffusers"] = getattr(diffusers, "__version__", None)
        from diffusers import Flux2KleinPipeline  # noqa: F401
        # The pipeline's text encoder class; diffusers imports transformers lazily.
        from transformers import Qwen3ForCausalLM  # noqa: F401
        out["ok"] = True
    except BaseException as exc:  # noqa: BLE001 - every failure is the finding
        out["ok"] = False
        out["error"] = "%s: %s" % (type(exc).__name__, str(exc)[:1500])
        out["module"] = getattr(exc, "name", None)
        out["traceback_tail"] = traceback.format_exc()[-2000:]
    out["seconds"] = round(time.perf_counter() - t0, 3)
    sys.stdout.write("\n" + MARKER + "\n" + json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
