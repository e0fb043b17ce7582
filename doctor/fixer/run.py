"""The `klein-doctor fix` command: check, plan, one confirmation, apply with a journal, re-check each
repair, end with a fresh verdict. `fix --undo` puts the last run's changes back.

Exit codes: 0 every repair applied and cured (or nothing to repair; a --dry-run shown); 1 a repair was
not cured or rolled back, or problems are left that fix cannot repair; 2 usage error or nothing to undo.

Test hook: KLEIN_DOCTOR_FAKE_GPU_FACTS=FILE replaces the gathered GPU facts with those of a saved facts
file (this build machine has no GPU; the repairs for one are proven on real environments with it).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..findings import Finding, Status, exit_code
from . import load_repairs
from .base import REPAIRS, Plan, fix_text, human
from .journal import Journal, UndoError, latest, state_dir

EXIT_OK, EXIT_LEFT, EXIT_USAGE = 0, 1, 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..cli import _add_common

    _add_common(p)
    f = p.add_argument_group("fix")
    f.add_argument("--yes", "-y", action="store_true", help="apply without asking (for scripts)")
    f.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    f.add_argument("--only", action="append", metavar="CODE", default=[],
                   help="repair only findings with this code (a prefix like 'torch' or a glob; repeatable)")
    f.add_argument("--undo", nargs="?", const="latest", metavar="JOURNAL",
                   help="put back what the last fix (or this journal file) changed")
    f.add_argument("--from", dest="from_dir", metavar="DIR", help="install model files from this local folder")
    f.add_argument("--torch-index", metavar="URL", help="install PyTorch from this index instead (a mirror)")
    f.add_argument("--torch-version", metavar="X.Y.Z", help="install this PyTorch release instead of the wheel table's choice")
    f.add_argument("--find-links", metavar="DIR", help="also look for wheels in this folder (pip/uv --find-links)")
    f.add_argument("--journal-dir", metavar="DIR",
                   help="where the journal goes (default: <ComfyUI>/.klein-doctor, else the user's state folder)")


def say(msg: str = "") -> None:
    print(msg, flush=True)


def shell_line(argv: list[str], windows: bool) -> str:
    return subprocess.list2cmdline(argv) if windows else shlex.join(argv)


def _windows(facts: dict[str, Any]) -> bool:
    return str((facts.get("system") or {}).get("os") or "").startswith("win")


def diagnose(options: dict[str, Any], ids: list[str] | None) -> tuple[dict[str, Any], list[Finding]]:
    from .. import pipeline

    checks = pipeline.select_checks(ids, options.get("path"))
    facts = pipeline.gather(options, pipeline.needed_probes(checks) if ids else None)
    fake = os.environ.get("KLEIN_DOCTOR_FAKE_GPU_FACTS")
    if fake:
        facts["gpu"] = pipeline.load_facts(fake).get("gpu") or {}
        facts.get("probe_errors", {}).pop("gpu", None)
    return facts, pipeline.run_checks(facts, checks)


def selected(findings: list[Finding], only: list[str]) -> list[Finding]:
    bad = [f for f in findings if f.status in (Status.FAIL, Status.WARN)]
    if not only:
        return bad
    return [f for f in bad if any(f.code == o or f.code.startswith(o + ".") or fnmatch.fnmatchcase(f.code, o)
                                  for o in only)]


def build_plans(findings: list[Finding], facts: dict[str, Any], ctx: dict[str, Any]) -> tuple[list[Plan], list[Finding]]:
    """Plans for the findings (registry order), and the findings no repair covers."""
    load_repairs()
    plans: list[Plan] = []
    covered: set[int] = set()
    for r in REPAIRS:
        mine = [f for f in findings if r.matches(f.code) and id(f) not in covered]
        if not mine:
            continue
        for p in r.fn(mine, facts, ctx):
            plans.append(p)
            covered.update(id(f) for f in p.cures)
    # A finding that follows from one a plan cures (its `cause`, issue 11) is expected to clear with it.
    cured_codes = {c: p for p in plans if not p.manual for c in p.codes}
    for f in findings:
        cause = getattr(f, "cause", None)
        if id(f) not in covered and cause in cured_codes:
            cured_codes[cause].notes.append(f"also clears {f.code} ({f.title}), which follows from {cause}")
            covered.add(id(f))
    left = [f for f in findings if id(f) not in covered]
    return plans, left


def render_plan(plans: list[Plan], left: list[Finding], facts: dict[str, Any], journal_dir: Path | None) -> None:
    win = _windows(facts)
    auto = [p for p in plans if not p.manual]
    manual = [p for p in plans if p.manual]
    if auto:
        say(f"Fix plan: {len(auto)} repair{'s' if len(auto) != 1 else ''}"
            + (f" (journal in {journal_dir})" if journal_dir else ""))
        for i, p in enumerate(auto, 1):
            say(f" {i}. {p.title}")
            say(f"    cures:    {', '.join(p.codes)}")
            for c in p.changes:
                say(f"    change:   {c}")
            for argv in p.commands:
                say(f"    command:  {shell_line(argv, win)}")
            approx = "~" if p.estimate else ""
            dl = "none" if p.download_bytes == 0 else (approx + human(p.download_bytes) if p.download_bytes else "unknown")
            disk = "none" if p.disk_bytes == 0 else (approx + human(p.disk_bytes) if p.disk_bytes else "unknown")
            say(f"    download: {dl}{' (estimate)' if p.estimate and p.download_bytes else ''}; disk needed: {disk}")
            for n in p.notes:
                say(f"    note:     {n}")
            say(f"    then:     check {', '.join(p.checks)} again")
    else:
        say("Nothing fix can repair by itself.")
    if manual or left:
        say("")
        say("Cannot be applied by fix (do these yourself; they are skipped):")
        for p in manual:
            say(f" - {', '.join(p.codes)}: {p.title}: {p.manual}")
        for f in left:
            fx = fix_text(f)
            say(f" - {f.code}: {f.title}" + (f"\n     how: {fx}" if fx else ""))


def _confirm(args: argparse.Namespace, what: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        say(f"not starting: {what}. Pass --yes to confirm when not running interactively.")
        return False
    try:
        answer = input(f"{what}? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def journal_folder(args: argparse.Namespace, facts: dict[str, Any]) -> Path:
    if args.journal_dir:
        return Path(args.journal_dir).expanduser() / ".klein-doctor"
    t = facts.get("comfyui_tree") or {}
    m = (facts.get("models") or {}).get("comfyui") or {}
    root = t.get("root") if t.get("found") else (m.get("root") if m.get("found") else None)
    if root and Path(root).is_dir() and os.access(root, os.W_OK):
        return Path(root) / ".klein-doctor"
    return state_dir()


def verify(plan: Plan, options: dict[str, Any]) -> tuple[str, list[str]]:
    if plan.verify is not None:
        return plan.verify()
    _, now = diagnose(options, plan.checks)
    # the findings it cures, and those (plan.watch) that say the repair itself did not work, e.g. a PyTorch
    # build the driver cannot run
    codes = set(plan.codes) | set(plan.watch)
    still = [f for f in now if f.status in (Status.FAIL, Status.WARN) and f.code in codes]
    if still:
        return "not cured", [f"{f.code}: {f.title}" for f in still]
    new = [f for f in now if f.status in (Status.FAIL, Status.ERROR)]
    return "cured", [f"now: {f.code}: {f.title}" for f in new]


def cmd_fix(args: argparse.Namespace) -> int:
    from ..cli import _bad_arguments, options_from

    if args.undo:
        return cmd_undo(args)
    problem = _bad_arguments(args)
    if problem:
        print(f"klein-doctor: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.from_dir and not Path(args.from_dir).expanduser().is_dir():
        print(f"klein-doctor: --from {args.from_dir}: no such folder", file=sys.stderr)
        return EXIT_USAGE
    from ..pipeline import FactsFileError

    replay = bool(args.facts)
    try:
        if replay:
            from .. import pipeline

            facts = pipeline.load_facts(args.facts)
            options = dict(facts.get("options") or {})
            facts["options"] = options
            findings = pipeline.run_checks(facts, pipeline.select_checks(args.checks or None, args.path or options.get("path")))
        else:
            options = options_from(args)
            # --smoke is the last word, after the repairs: the plan and the re-checks do without it
            options_now = dict(options, smoke=False)
            facts, findings = diagnose(options_now, args.checks or None)
    except KeyError as exc:
        from ..pipeline import unknown_checks_message

        print(f"klein-doctor: {unknown_checks_message(str(exc.args[0]))}", file=sys.stderr)
        return EXIT_USAGE
    except FactsFileError as exc:
        print(f"klein-doctor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    ctx = {"from_dir": str(Path(args.from_dir).expanduser().resolve()) if args.from_dir else None,
           "torch_index": args.torch_index, "find_links": args.find_links,
           "torch_version": args.torch_version, "replay": replay}
    todo = selected(findings, args.only)
    before = exit_code(findings)
    if args.only and not todo:
        say(f"No warning or failure matches --only {' '.join(args.only)}.")
        return EXIT_OK
    if not todo:
        say("The check found nothing to repair.")
        if options.get("smoke") and not replay:
            say("\nSmoke generation:")
            _, final = diagnose(options, ["smoke"])
            from ..render import terminal

            terminal.render(final, sys.stdout, verbose=args.verbose)
            return EXIT_OK if exit_code(final) == 0 else EXIT_LEFT
        return EXIT_OK
    plans, left = build_plans(todo, facts, ctx)
    folder = None if replay or args.dry_run else journal_folder(args, facts)
    render_plan(plans, left, facts, folder)
    auto = [p for p in plans if not p.manual and p.apply is not None]
    if replay:
        say("\n(replayed facts: a plan for the recorded machine; nothing is applied)")
        return EXIT_OK
    if args.dry_run:
        say("\n(--dry-run: nothing was changed)")
        return EXIT_OK
    if not auto:
        return EXIT_LEFT if before else EXIT_OK
    if not _confirm(args, f"Apply {len(auto)} repair{'s' if len(auto) != 1 else ''}"):
        return EXIT_LEFT
    try:
        journal = Journal(folder)
    except OSError as exc:
        say(f"cannot write the journal in {folder} ({exc.strerror or exc}); using {state_dir()}")
        journal = Journal(state_dir())
    say(f"\nJournal: {journal.path} (undo with `klein-doctor fix --undo`)")
    results: list[tuple[Plan, str, list[str]]] = []
    stopped = False
    for i, p in enumerate(auto, 1):
        say(f"\n[{i}/{len(auto)}] {p.title}")
        journal.begin_repair(p.id, p.title, p.codes)
        try:
            p.apply(journal, ctx, say)
        except KeyboardInterrupt:
            say("  interrupted: rolling this repair back")
            for pr in journal.undo(repair=p.id, say=say):
                say(f"  rollback problem: {pr}")
            journal.end_repair(p.id, "rolled back", "interrupted")
            journal.finish("interrupted")
            raise
        except Exception as exc:  # noqa: BLE001 - a failed step is rolled back and reported
            say(f"  failed: {exc}")
            problems = journal.undo(repair=p.id, say=say)
            for pr in problems:
                say(f"  rollback problem: {pr}")
            journal.end_repair(p.id, "rolled back", str(exc))
            results.append((p, "rolled back", [str(exc)] + problems))
            stopped = True
            break
        state, detail = verify(p, dict(options, smoke=False))
        journal.end_repair(p.id, state, "; ".join(detail))
        results.append((p, state, detail))
        say(f"  {state}" + "".join(f"\n    {d}" for d in detail))
    journal.finish("rolled back" if stopped else "done")
    say("\nRepairs:")
    for p, state, detail in results:
        say(f"  {state:12} {p.title}")
        for d in detail:
            say(f"               {d}")
    if stopped:
        say(f"  stopped after the failed repair; {len(auto) - len(results)} not attempted")
    final_opts = dict(options)
    fixed = {Path(p.id.split(':', 1)[1]).as_posix(): p for p, st, _ in results if p.id.startswith("workflow:") and st == "cured"}
    if fixed and final_opts.get("workflows"):
        from .workflows import fixed_path

        final_opts["workflows"] = [str(fixed_path(Path(w))) if Path(w).as_posix() in fixed else w
                                   for w in final_opts["workflows"]]
        say("  (the final check lints the corrected .fixed.json copies in place of the originals)")
    say("\nFresh check:")
    # with --check, the fresh check also runs what the repairs were re-checked with (a PyTorch swap's driver check)
    ids = list(dict.fromkeys(args.checks + [c for p, _, _ in results for c in p.checks])) if args.checks else None
    _, final = diagnose(final_opts, ids)
    originals = [p.id.split(":", 1)[1] for p, st, _ in results if p.id.startswith("workflow:") and st == "cured"]
    hidden = [f for f in final if any(f.title.startswith(o + ": ") for o in originals)]
    if hidden:
        final = [f for f in final if f not in hidden]
        say(f"  ({len(hidden)} finding(s) on the originals of the corrected workflows are not shown: "
            "the .fixed.json copies are judged instead)")
    from ..render import terminal

    terminal.render(final, sys.stdout, verbose=args.verbose)
    ok = not stopped and all(st == "cured" for _, st, _ in results)
    return EXIT_OK if ok and exit_code(final) == 0 else EXIT_LEFT


def cmd_undo(args: argparse.Namespace) -> int:
    extra = []
    if args.comfyui:
        extra.append(Path(args.comfyui).expanduser() / ".klein-doctor")
    if args.journal_dir:
        extra.append(Path(args.journal_dir).expanduser() / ".klein-doctor")
    path = latest(extra) if args.undo == "latest" else Path(args.undo).expanduser()
    if path is None or not path.is_file():
        print("klein-doctor: no fix journal to undo" + (f" ({args.undo})" if args.undo != "latest" else ""), file=sys.stderr)
        return EXIT_USAGE
    try:
        j = Journal.load(path)
    except (UndoError, ValueError, OSError) as exc:
        print(f"klein-doctor: {path}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if j.data.get("status") == "undone":
        say(f"{path} was already undone.")
        return EXIT_OK
    say(f"Undoing {path} (started {j.data.get('started')}, {j.data.get('status')}):")
    problems = j.undo(say=say)
    j.finish("undone" if not problems else "partly undone")
    for p in problems:
        say(f"  not undone: {p}")
    say("Done: everything is as it was before that fix." if not problems else "Undone, except the items above.")
    return EXIT_OK if not problems else EXIT_LEFT
