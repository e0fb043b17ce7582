"""Command line: `klein-doctor check | report | explain`.

Exit codes (the verdict's, doctor/verdict.py): 0 nothing failed (ready, or ready with areas not checked);
1 a `fail` (with --strict also a `warn` or an area the path needs left unchecked); 2 usage error, nothing
could be judged, or the doctor itself broke (an `error` finding, an unreadable --facts file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .findings import exit_code
from .safeio import SafeStdout, finite, silence_stdout

EPILOG = """exit codes: 0 nothing failed (ready, or ready with areas not checked: the output names them),
1 a failure (with --strict also a warning or an area the path needs left unchecked), 2 usage or internal error,
or nothing could be judged (every selected check skipped).
Nothing is sent over the network by `check` or `report`."""


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", choices=["comfyui", "diffusers"], help="the way you run Klein (default: judge both)")
    p.add_argument("--python", metavar="EXE", help="diagnose this interpreter (e.g. ComfyUI's python_embeded\\python.exe)")
    p.add_argument("--gpu", type=int, metavar="N", help="judge GPU N (default: CUDA_VISIBLE_DEVICES, else GPU 0)")
    p.add_argument("--scan", action="append", metavar="PATH", default=[],
                   help="scan these scripts/folders for attention overrides (repeatable)")
    p.add_argument("--check", dest="checks", action="append", metavar="ID", default=[],
                   help="run only this check (repeatable; a prefix like 'torch' selects a group)")
    p.add_argument("--list-checks", action="store_true", help="list every check and exit")
    p.add_argument("--facts", metavar="FILE", help="replay a diagnosis from saved facts; touch nothing on this machine")
    p.add_argument("--save-facts", metavar="FILE", help="write the gathered facts to FILE (redacted unless --no-redact; an existing file that is not a facts file is not overwritten)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 on warnings too, and when an area the path needs was not checked")
    p.add_argument("--no-redact", action="store_true",
                   help="keep home paths, user and host names, tokens, GPU UUIDs in --json, --save-facts, -v and report")
    p.add_argument("--torch-timeout", type=finite(1, 86400), metavar="S", default=120.0,
                   help="seconds the PyTorch probe may take (default 120)")
    p.add_argument("-v", "--verbose", action="store_true", help="show evidence and tracebacks")
    g = p.add_argument_group("model files and runtimes")
    g.add_argument("--variant", metavar="ID", help="the Klein variant you use (default: klein-4b-fp8 on comfyui, klein-4b on diffusers)")
    g.add_argument("--comfyui", metavar="DIR", help="the ComfyUI folder (default: COMFYUI_PATH, the current folder or its parents, comfy-cli and Desktop defaults)")
    g.add_argument("--models-dir", metavar="DIR", help="a ComfyUI models folder to check instead of the install's")
    g.add_argument("--model-dir", metavar="DIR", help="a local diffusers snapshot folder (instead of the Hugging Face cache)")
    g.add_argument("--manifest", metavar="FILE", help="use this models manifest instead of the built-in one (with --facts: judge the recorded files with it)")
    g.add_argument("--no-hash", action="store_true", help="skip sha256 verification (size and header checks still run)")
    g.add_argument("--workflow", action="append", metavar="FILE", default=[], help="lint this ComfyUI workflow, or every .json workflow in this folder (repeatable)")
    g.add_argument("--server", metavar="URL", help="a running ComfyUI server (default: try http://127.0.0.1:8188)")
    g.add_argument("--no-server", action="store_true", help="do not contact any ComfyUI server")
    s = p.add_argument_group("smoke generation")
    s.add_argument("--smoke", action="store_true", help="run a 4-step 1024x1024 generation and judge speed and VRAM")
    s.add_argument("--synthetic", action="store_true", help="with --smoke: real Klein 4B architecture, random weights, no download")
    s.add_argument("--smoke-out", metavar="FILE", default="klein-smoke.png", help="where the smoke image is saved")
    s.add_argument("--smoke-runs", type=int, metavar="N", default=3, help="timed generations after the warm-up (default 3)")
    s.add_argument("--smoke-timeout", type=finite(1, 86400), metavar="S", default=900.0, help="seconds the smoke run may take")
    s.add_argument("--smoke-mode", choices=["resident", "offload", "sequential"],
                   help="diffusers: keep the pipeline on the GPU, enable_model_cpu_offload(), or "
                        "enable_sequential_cpu_offload() (default: from free VRAM)")
    s.add_argument("--smoke-vram-limit", type=finite(0.1, 4096), metavar="GB",
                   help="diffusers: cap the smoke run's VRAM (to learn whether a smaller card would fit)")
    s.add_argument("--smoke-seed", type=int, metavar="N", help="diffusers: the seed (default 42)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="klein-doctor", epilog=EPILOG,
                                     description="Diagnose a machine for FLUX.2 [klein] 4B (ComfyUI or diffusers) "
                                                 "and print the exact fix for each problem.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"klein-doctor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    pc = sub.add_parser("check", help="run the checks and print findings with fixes", epilog=EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_common(pc)
    pc.add_argument("--json", action="store_true", help="print one JSON document (schema klein-doctor/2: verdict, findings, facts) and nothing else")
    pr = sub.add_parser("report", help="write a redacted markdown report for an issue tracker", epilog=EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_common(pr)
    pr.add_argument("--output", "-o", metavar="FILE", help="write the report here (default: stdout); an existing file that is not an earlier report is not overwritten")
    try:
        from . import install as _install
    except ImportError:
        _install = None  # type: ignore[assignment]
    if _install is not None:
        pi = sub.add_parser("install", help="download and verify the Klein files into the right folders",
                            epilog="exit codes: 0 every file in place and verified, 1 a file could not be installed "
                                   "(download, verification, a different file in the way, disk space), 2 usage error or "
                                   "an invalid models manifest, 130 interrupted (Ctrl-C; the next run resumes).\n"
                                   "huggingface_hub says where each file is (HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE, "
                                   "HF_HUB_OFFLINE honoured); transfers resume with Range and are hashed in the same pass.",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        _install.add_arguments(pi)
    pf = sub.add_parser("fix", help="repair what the check found: plan, one confirmation, journal, re-check, undo",
                        epilog="exit codes: 0 every repair applied and cured (or nothing to repair, or a plan shown), "
                               "1 a repair not cured or rolled back, or problems left that fix cannot repair, "
                               "2 usage error or nothing to undo.\nEvery change is journaled first; "
                               "`klein-doctor fix --undo` puts it back.",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    from .fixer.run import add_arguments as _fix_arguments

    _fix_arguments(pf)
    pe = sub.add_parser("explain", help="turn a pasted error or a ComfyUI log into cause and fix",
                        epilog="exit codes: 0 a known error was explained, 1 nothing known matched, 2 unreadable or empty input.",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    pe.add_argument("text", nargs="*", help="the error text, or log files' paths (default, or -: read stdin)")
    pe.add_argument("--log", metavar="FILE", help="read a log file instead")
    pe.add_argument("--json", action="store_true", help="print JSON")
    pe.add_argument("--vram", type=finite(0.1, 4096), metavar="GB",
                    help="your GPU's VRAM in GB, to say which Klein path fits after an out-of-memory error")
    pe.add_argument("-v", "--verbose", action="store_true")
    pe.add_argument("--no-redact", action="store_true",
                    help="keep home paths, user names and tokens of the pasted text in the output")
    return parser


def options_from(args: argparse.Namespace) -> dict[str, Any]:
    """The options that shape probing, saved with the facts so a replay knows what was asked."""
    return {
        "path": args.path,
        "python": args.python,
        "gpu": args.gpu,
        "scan": [str(Path(s).expanduser()) for s in args.scan],
        "torch_timeout": args.torch_timeout,
        "variant": args.variant,
        "comfyui": str(Path(args.comfyui).expanduser()) if args.comfyui else None,
        "models_dir": str(Path(args.models_dir).expanduser()) if args.models_dir else None,
        "model_dir": str(Path(args.model_dir).expanduser()) if args.model_dir else None,
        "manifest": str(Path(args.manifest).expanduser()) if args.manifest else None,
        "no_hash": bool(args.no_hash),
        "workflows": [str(Path(w).expanduser()) for w in args.workflow],
        "server": args.server,
        "no_server": bool(args.no_server),
        "smoke": bool(args.smoke),
        "synthetic": bool(args.synthetic),
        "smoke_out": args.smoke_out,
        "smoke_runs": args.smoke_runs,
        "smoke_timeout": args.smoke_timeout,
        "smoke_mode": args.smoke_mode,
        "smoke_vram_limit_gb": args.smoke_vram_limit,
        "smoke_seed": args.smoke_seed,
        "cwd": _cwd(),
    }


def _encoding_safe_streams() -> None:
    """A console that cannot encode a character (cp1252, cp437) gets \\uXXXX for it instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        if "utf" not in (getattr(stream, "encoding", None) or "utf-8").lower():
            try:
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass


def _cwd() -> str | None:
    """The working directory, or None when it was deleted under us (then it is simply not searched)."""
    try:
        return os.getcwd()
    except OSError:
        print("klein-doctor: the current folder no longer exists; it is not searched for ComfyUI", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    _encoding_safe_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.raw_argv = list(sys.argv[1:] if argv is None else argv)  # the report quotes the command line
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command in ("check", "report"):
            return cmd_check(args)
        if args.command == "install":
            from .install import cmd_install

            return cmd_install(args)
        if args.command == "fix":
            from .fixer.run import cmd_fix

            return cmd_fix(args)
        if args.command == "explain":
            from .explain import cmd_explain

            return cmd_explain(args)
    except KeyboardInterrupt:
        from .progress import interrupted

        print(interrupted(), file=sys.stderr)  # stops hashing, downloads and probe children; says what was done
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - the doctor's own bug: say so, exit 2
        print(f"klein-doctor: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if getattr(args, "verbose", False):
            traceback.print_exc()
        else:
            print("  (run with -v for the traceback, and please report it)", file=sys.stderr)
        return 2
    return 2


def _bad_arguments(args: argparse.Namespace) -> str | None:
    """Usage errors that argparse cannot see: said once, exit 2, before anything runs."""
    if args.manifest and not Path(args.manifest).expanduser().is_file():
        return f"--manifest {args.manifest}: no such file"
    if args.server:
        from urllib.parse import urlsplit

        url = args.server if "://" in args.server else "http://" + args.server
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a malformed port
        except ValueError as exc:
            return f"--server {args.server}: not a URL ({exc})"
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return f"--server {args.server}: not an http(s) URL with a host"
    if args.gpu is not None and args.gpu < 0:
        return f"--gpu {args.gpu}: GPU indices start at 0"
    if getattr(args, "variant", None) and not getattr(args, "facts", None):
        return _unknown_variant(args.variant, args.manifest)
    for flag, value, ours, what in (("--output", getattr(args, "output", None), _is_report, "report"),
                                    ("--save-facts", getattr(args, "save_facts", None), _is_facts, "facts file")):
        problem = _not_ours(value, ours, what)
        if problem:
            return f"{flag} {value}: {problem}"
    return None


def _is_report(head: str) -> bool:
    return head.lstrip("\ufeff").startswith("## klein-doctor report")  # markdown.render's first line


def _is_facts(head: str) -> bool:
    head = head.lstrip("\ufeff \t\r\n")
    return head.startswith("{") and '"schema": "klein-doctor-facts' in head[:200]  # the first key written


def _not_ours(value: str | None, ours: Callable[[str], bool], what: str) -> str | None:
    """Why an output file must not be written: it exists and is someone else's (a report or facts file written
    before by klein-doctor, or an empty file, is replaced; a device such as /dev/stdout is written to). Said before
    anything runs, so a user's notes.md is never overwritten by `report -o notes.md`."""
    if not value:
        return None
    from . import safeio

    path = Path(value).expanduser()
    state = safeio.path_state(path)
    if state == "folder":
        return "is a folder; name a file in it"
    try:
        st = safeio.regular_file(path) if state == "file" else None
    except safeio.Unreadable as exc:
        if exc.kind in ("missing", "special"):
            return None  # a dangling link (the write creates its target) or a device such as /dev/stdout
        return f"{exc.message.removeprefix(f'{path}: ')}; not overwritten"  # "cannot be read (permission denied)"
    if st is None or st.st_size == 0:
        return None  # nothing there yet (a missing folder is said when the write fails), or an empty file
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace")
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}); not overwritten"
    if ours(head):
        return None
    return (f"the file exists and is not a klein-doctor {what}: not overwritten (remove it or name another file)")


def _unknown_variant(wanted: str, manifest: str | None) -> str | None:
    """`--variant klein-9x`: said before anything runs (it was said only where model files were found to judge),
    with the nearest known ids of the manifest in use."""
    import difflib

    import tomllib

    from . import manifests

    path = Path(manifest).expanduser() if manifest else manifests.manifest_dir() / "models.toml"
    try:
        with open(path, "rb") as fh:
            known = [v.get("id") for v in tomllib.load(fh).get("variant", []) if isinstance(v, dict) and v.get("id")]
    except (OSError, tomllib.TOMLDecodeError):
        return None  # an unreadable manifest is the models check's finding
    try:  # the smoke run's own ids and aliases (targets.toml: klein-base-4b, FLUX.2-klein-base-4B, ...) are valid too
        smoke = [n for r in manifests.load("targets").get("variant", []) if isinstance(r, dict)
                 for n in [r.get("id"), *(r.get("aliases") or [])] if n]
    except manifests.ManifestError:
        smoke = []
    if not known or wanted in known or wanted in smoke:
        return None
    near = difflib.get_close_matches(wanted, known, n=2, cutoff=0.6)
    return (f"--variant {wanted}: no such variant" + (f" (did you mean {' or '.join(near)}?)" if near else "")
            + f"; known: {', '.join(known)}")


def cmd_check(args: argparse.Namespace) -> int:
    if args.list_checks:
        from .registry import all_checks

        for c in all_checks():
            opt = f"; optional: {', '.join(c.optional)}" if c.optional else ""
            print(f"{c.id:28} {c.area:12} {c.title}  [needs: {', '.join(c.needs) or '-'}{opt}]")
        return 0
    facts = None
    if args.facts:
        from . import pipeline

        try:
            facts = pipeline.load_facts(args.facts)
        except pipeline.FactsFileError as exc:
            print(f"klein-doctor: {exc}", file=sys.stderr)
            return 2
    problem = _bad_arguments(args)
    if problem:
        print(f"klein-doctor: {problem}", file=sys.stderr)
        return 2
    if facts is None:
        options = options_from(args)
    else:
        # A replay judges the recorded machine with the recorded options, except the judging choices the
        # maintainer makes now: which GPU and which path to judge.
        options = dict(facts.get("options") or {})
        if args.gpu is not None:
            options["gpu"] = args.gpu
        if args.path:
            options["path"] = args.path
        if args.manifest:  # judge the recorded files with a corrected manifest
            options["manifest"] = str(Path(args.manifest).expanduser())
        facts["options"] = options
    from . import pipeline

    if facts is None:
        try:
            selected = pipeline.select_checks(args.checks or None, options.get("path"))
        except KeyError:
            selected = []  # said below, with the same message
        if "torch" in pipeline.probes_for(selected):
            from .probes.torch_probe import prestart

            prestart(options)
    from .redact import NoRedactor, Redactor

    try:
        result = pipeline.diagnose(options, facts=facts, check_ids=args.checks or None)
    except KeyError as exc:
        print(f"klein-doctor: {pipeline.unknown_checks_message(str(exc.args[0]))}", file=sys.stderr)
        return 2
    redactor = NoRedactor() if args.no_redact else Redactor(result.facts)
    facts_out = redactor.obj(result.facts)
    findings = [type(f).from_dict(redactor.obj(f.to_dict())) for f in result.findings]
    from .verdict import compute

    verdict = compute(findings, options, strict=args.strict)
    code = verdict.exit_code
    if args.save_facts:
        try:
            Path(args.save_facts).expanduser().write_text(json.dumps(facts_out, indent=1, default=str), encoding="utf-8")
        except OSError as exc:
            print(f"klein-doctor: cannot write --save-facts {args.save_facts}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    if args.command == "report":
        from .render import markdown

        from .shells import POSIX, Run, render_step

        # each argument redacted, then quoted: a home path redacted to `~/...` inside quotes would not expand
        argv = [redactor.text(a) for a in getattr(args, "raw_argv", sys.argv[1:])]
        command = render_step(POSIX, Run(["klein-doctor", *argv]))
        text = markdown.render(findings, facts_out, redacted=not args.no_redact, command=command)
        if args.output:
            try:
                Path(args.output).expanduser().write_text(text, encoding="utf-8", errors="backslashreplace")
            except OSError as exc:
                print(f"klein-doctor: cannot write --output {args.output}: {exc.strerror or exc}", file=sys.stderr)
                return 2
            print(f"report written to {args.output} ({len(text)} characters)", file=sys.stderr)
        else:
            try:
                markdown.write(text, sys.stdout)  # UTF-8 whatever the console's encoding
            except (OSError, ValueError, AttributeError):  # closed stdout, /dev/full, a reader gone
                SafeStdout().write(text)
        return code
    if args.json:
        from .render import jsonout

        SafeStdout().write(jsonout.dumps(jsonout.document(findings, facts_out, code, verdict)) + "\n")
        return code
    from .render import terminal

    header = None
    if args.facts:
        header = f"Replaying facts from {redactor.text(str(args.facts))} (collected {result.facts.get('collected_at')})"
    from .probes.pyenv import diagnosed_line  # which Python is judged, and why: the first line of the output
    # Plain `check` output stays on this machine: real paths, so its commands run as printed. -v output (evidence,
    # tracebacks) is what people paste, so it is redacted like the report.
    shown_facts = facts_out if args.verbose else result.facts
    header_lines = [h for h in (header, diagnosed_line(shown_facts)) if h]
    terminal.render(findings if args.verbose else result.findings, SafeStdout(), verbose=args.verbose,
                    header=header_lines, verdict=verdict)
    return code


def run() -> None:
    """Console-script entry point."""
    code = main()
    from .cancel import CANCEL

    if code == 130 and CANCEL.is_set():
        # Ctrl-C: leave now. Waiting for interpreter shutdown would join worker threads, and a second
        # Ctrl-C there (after Python restores the default handler) kills the process mid-shutdown.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001
                pass
        os._exit(130)
    sys.exit(code)
