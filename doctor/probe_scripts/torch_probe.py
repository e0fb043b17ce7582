"""Runs inside the TARGET interpreter: import torch and ask CUDA the questions that matter.

Every stage is guarded: an import error (missing libcudnn, a wrong-ABI extension), a CUDA init
failure (driver too old), or "no kernel image" at the first launch is caught and reported with
PyTorch's own words. Warnings PyTorch emits lazily at CUDA init (sm_120 "not compatible with the
current PyTorch installation") are captured too, since users never see them scroll past.
Usage: torch_probe.py [DEVICE_INDEX]
"""
import json
import sys
import time
import traceback
import warnings

MARKER = "@@KLEIN_DOCTOR_JSON@@"


def err(exc):
    return {"type": type(exc).__name__, "message": str(exc)[:2000]}


def main():
    want = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].lstrip("-").isdigit() else 0
    out = {"installed": True}
    t0 = time.time()
    caught = []
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            import torch
        except BaseException as exc:  # noqa: BLE001 - ImportError, OSError (libcudnn), SystemExit
            out["import_error"] = err(exc)
            out["import_traceback"] = traceback.format_exc()[-4000:]
            if isinstance(exc, ModuleNotFoundError) and getattr(exc, "name", None) == "torch":
                out["installed"] = False
            finish(out, w, t0)
            return
        out["import_s"] = round(time.time() - t0, 3)
        out["version"] = torch.__version__
        out["cuda"] = getattr(torch.version, "cuda", None)
        out["hip"] = getattr(torch.version, "hip", None)
        try:
            flags = torch._C._cuda_getArchFlags() if hasattr(torch._C, "_cuda_getArchFlags") else None
        except Exception as exc:  # noqa: BLE001
            flags = None
            out["arch_flags_error"] = err(exc)
        out["arch_flags"] = flags.split() if isinstance(flags, str) else (list(flags) if flags else [])
        try:
            out["cudnn"] = torch.backends.cudnn.version()
        except Exception:  # noqa: BLE001
            out["cudnn"] = None
        try:
            out["is_available"] = bool(torch.cuda.is_available())
        except Exception as exc:  # noqa: BLE001
            out["is_available"] = False
            out["cuda_error"] = err(exc)
        devices = []
        if out["is_available"]:
            try:
                n = torch.cuda.device_count()
                out["device_count"] = n
                for i in range(n):
                    p = torch.cuda.get_device_properties(i)
                    devices.append({"index": i, "name": p.name, "capability": [p.major, p.minor],
                                    "total_memory": int(p.total_memory)})
            except Exception as exc:  # noqa: BLE001
                out["cuda_error"] = err(exc)
            idx = want if 0 <= want < len(devices) else 0
            out["kernel_device"] = idx
            try:
                x = torch.arange(1024, device="cuda:%d" % idx, dtype=torch.float32)
                y = float((x * 2).sum().item())
                torch.cuda.synchronize(idx)
                out["kernel_ok"] = abs(y - 1047552.0) < 1e-3
                if not out["kernel_ok"]:
                    out["kernel_error"] = {"type": "WrongResult", "message": "got %r, expected 1047552.0" % y}
            except Exception as exc:  # noqa: BLE001 - "no kernel image is available", OOM, ...
                out["kernel_ok"] = False
                out["kernel_error"] = err(exc)
            try:
                free, total = torch.cuda.mem_get_info(idx)
                out["mem_get_info"] = [int(free), int(total)]
            except Exception:  # noqa: BLE001
                pass
            try:
                out["sdpa_flash"] = bool(torch.backends.cuda.flash_sdp_enabled())
            except Exception:  # noqa: BLE001
                pass
        else:
            out["device_count"] = 0
        out["devices"] = devices
        out["extensions"] = try_extensions()
        finish(out, w, t0)


def try_extensions():
    """Import the compiled attention extensions that exist: an ABI mismatch shows as 'undefined symbol'."""
    import importlib.util
    res = {}
    for mod in ("flash_attn_2_cuda", "flash_attn", "sageattention", "xformers"):
        try:
            if importlib.util.find_spec(mod) is None:
                continue
        except Exception:  # noqa: BLE001
            continue
        if mod == "xformers":
            try:
                import xformers
                res[mod] = {"ok": True, "version": getattr(xformers, "__version__", None)}
            except BaseException as exc:  # noqa: BLE001
                res[mod] = {"ok": False, "error": err(exc)}
            continue
        try:
            __import__(mod)
            res[mod] = {"ok": True}
        except BaseException as exc:  # noqa: BLE001
            res[mod] = {"ok": False, "error": err(exc)}
    return res


def finish(out, w, t0):
    out["warnings"] = [str(x.message)[:1000] for x in w if x is not None][:20]
    out["duration_s"] = round(time.time() - t0, 3)
    sys.stdout.flush()
    sys.stdout.write("\n" + MARKER + "\n" + json.dumps(out) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
