"""The commands that open no window: ``new``, ``import-partners``, ``report``, ``analyse``, ``export``,
``snapshot``, ``changes``, ``--version``.

A stable interface (scripts and tests use it). Exit codes: 0 success; 2 bad input, with a clear message on
stderr and no traceback; 1 anything else (a one-line message; the traceback too when IMAGINGNET_DEBUG=1), and
1 with no message when the reader of the output stops reading (``report | head -1``). Every command takes
``--details``: a refusal that has more to say (SQLite's report on a damaged file) hints at it.
Nothing here imports Qt, so these commands run with no display and start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from imagingnet_desktop import __version__
from imagingnet_desktop.domain.figure_text import plural
from imagingnet_desktop.domain.names import printable
from imagingnet_desktop.domain.network.network import checked_network_name
from imagingnet_desktop.domain.network.partner_fields import FieldError
from imagingnet_desktop.store.errors import WorkspaceError
from imagingnet_desktop.workspace.network.partner_import import ImportRefused
from imagingnet_desktop.workspace.table_exports import TABLE_EXPORTS

if TYPE_CHECKING:
    from imagingnet_desktop.workspace.workspace import Workspace

PROG = "imagingnet"
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
DEBUG_ENV = "IMAGINGNET_DEBUG"


class BadInput(Exception):
    """Input the user can correct; ``str()`` is the message."""


# --------------------------------------------------------------------------- commands


def _new(args: argparse.Namespace) -> int:
    from imagingnet_desktop.workspace.network.partner_import import DEMO_NETWORK_NAME, create_demo
    from imagingnet_desktop.workspace.workspace import Workspace

    path = Path(args.workspace)
    if path.exists():
        raise BadInput(f"{path} already exists; choose another name (new never overwrites a file).")
    default_name = DEMO_NETWORK_NAME if args.demo else path.stem
    name = _network_name(args.name if args.name is not None else default_name)
    workspace = create_demo(path, name) if args.demo else Workspace.create(path, name)
    try:
        count = len(workspace.network.partners)
    finally:
        workspace.close()
    _write(f"Created {path}: '{name}' with {plural(count, 'partner')}.\n")
    _warn_if_not_tidied(args, workspace)
    return EXIT_OK


def _warn_if_not_tidied(args: argparse.Namespace, workspace: Workspace) -> None:
    if workspace.close_problem:
        _error(args.command, f"note: {workspace.close_problem}")


def _network_name(raw: str) -> str:
    try:
        return checked_network_name(raw)
    except FieldError as exc:
        raise BadInput(f"{exc}{': give one with --name' if not raw.strip() else ''}.") from None


def _import_partners(args: argparse.Namespace) -> int:
    from imagingnet_desktop.workspace.network.partner_import import import_partners, parse_file
    from imagingnet_desktop.workspace.shares_votes.scenarios import agreed_scenario_problem
    from imagingnet_desktop.workspace.workspace import Workspace

    source = Path(args.file)
    if not Path(args.workspace).exists():
        raise BadInput(f"There is no workspace at {args.workspace}; create it first with '{PROG} new'.")
    parse_file(source)  # a file with problems never opens (so never touches) the workspace
    workspace = Workspace.open(args.workspace)
    try:
        outcome = import_partners(workspace, source)
        unworkable = agreed_scenario_problem(workspace) if outcome.changed else None
    finally:
        workspace.close()
    lines = [f"{outcome.headline(source.name, Path(args.workspace).name)}."]
    if outcome.added:
        lines.append(f"  added: {', '.join(outcome.added)}")
    if outcome.updated:
        lines.append(f"  updated: {', '.join(outcome.updated)}")
    lines += [f"  {note}" for note in outcome.notes]
    _write("\n".join(lines) + "\n")
    if unworkable:
        _error(args.command, f"warning: {unworkable}")
    _warn_if_not_tidied(args, workspace)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from imagingnet_desktop.workspace.reports.report import build_report, render_text
    from imagingnet_desktop.workspace.workspace import Workspace

    workspace = Workspace.open_read_only(args.workspace)
    try:
        report = build_report(workspace)
        notices = list(workspace.notices)
    finally:
        workspace.close()
    for notice in notices:
        _error(args.command, f"note: {notice}")
    if args.json:
        text = json.dumps(report, indent=2, ensure_ascii=not _stdout_is_utf8(), allow_nan=False)
        _write(text + "\n")
    else:
        _write(render_text(report))
    return EXIT_OK


def _analyse(args: argparse.Namespace) -> int:
    from imagingnet_desktop.domain.scenarios.analysis import analyse
    from imagingnet_desktop.workspace.shares_votes.scenario_options import (
        OptionError,
        Options,
        analysis_json,
        scenario_from_options,
    )
    from imagingnet_desktop.workspace.shares_votes.scenarios import save_scenario_as
    from imagingnet_desktop.workspace.workspace import Workspace

    if args.agree and args.save_as is None:
        raise BadInput("--agree: only with --save-as NAME (it marks the scenario saved as the agreed one).")
    if not Path(args.workspace).exists():
        raise BadInput(f"There is no workspace at {args.workspace}; create it first with '{PROG} new'.")
    options = Options(args.basis, args.blend, args.votes, args.rule, args.min_partners, args.veto)
    workspace = Workspace.open(args.workspace) if args.save_as is not None else Workspace.open_read_only(
        args.workspace)
    try:
        partners = workspace.network.partners
        try:
            scenario = scenario_from_options(options, partners, args.save_as or "Command-line scenario")
        except OptionError as exc:
            raise BadInput(str(exc)) from None
        analysis = analyse(partners, scenario)
        if analysis.problem is not None:
            raise BadInput(f"this scenario cannot be worked out: {analysis.problem} Nothing was saved.")
        saved = None
        if args.save_as is not None:
            try:
                saved = save_scenario_as(workspace, scenario, args.save_as, agree=args.agree)
            except FieldError as exc:
                raise BadInput(f"--save-as: {exc}") from None
    finally:
        workspace.close()
    if args.json:
        _write(json.dumps(analysis_json(analysis, agreed=saved is not None and saved.agreed), indent=2, ensure_ascii=not _stdout_is_utf8(),
                          allow_nan=False) + "\n")
    else:
        from imagingnet_desktop.workspace.shares_votes.analysis_text import analysis_text

        _write(analysis_text(analysis))
    if saved is not None:
        agreed = " and marked as the agreed scenario" if saved.agreed else ""
        _error(args.command, f"saved as the scenario '{saved.scenario.name}'{agreed} (one edit; delete it under "
                             "Shares & votes to take it back)")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.document in TABLE_EXPORTS:
        return _export_table(args)
    from imagingnet_desktop.workspace.exports.export import ExportFileError, ExportKind, export_draft
    from imagingnet_desktop.workspace.workspace import Workspace

    kind = ExportKind.MOU if args.document == "mou" else ExportKind.HEADS_OF_TERMS
    target = Path(args.output)
    if target.suffix.lower() != ".docx":
        raise BadInput(f"The output must be a Word file ending .docx ({target.name} was given); nothing was written.")
    if not Path(args.workspace).exists():
        raise BadInput(f"There is no workspace at {args.workspace}; create it first with '{PROG} new'.")
    workspace = Workspace.open(args.workspace)
    try:
        outcome = export_draft(workspace, kind, target)
    except ExportFileError as problem:
        raise BadInput(str(problem)) from None
    finally:
        workspace.close()
    _write(outcome.summary() + "\n")
    return EXIT_OK


def _export_table(args: argparse.Namespace) -> int:
    from imagingnet_desktop.documents.output import ExportFileError
    from imagingnet_desktop.workspace.table_exports import export_table
    from imagingnet_desktop.workspace.workspace import Workspace

    output = Path(args.output)
    if output.resolve() == Path(args.workspace).resolve():
        raise BadInput("The output file is the workspace itself; choose another file name.")
    workspace = Workspace.open_read_only(args.workspace)
    try:
        written = export_table(workspace, args.document, output)
    except ExportFileError as problem:  # a full disk, a folder that may not be written, a file open in Excel
        raise BadInput(str(problem)) from None
    finally:
        workspace.close()
    _write(f"Wrote the {args.document} table to {written}.\n")
    return EXIT_OK


def _snapshot(args: argparse.Namespace) -> int:
    from imagingnet_desktop.workspace.snapshots.snapshots import take_snapshot, taken_at_text
    from imagingnet_desktop.workspace.workspace import Workspace

    workspace = Workspace.open(args.workspace)
    try:
        taken = take_snapshot(workspace, args.name)
    finally:
        workspace.close()
    _write(f"Took snapshot '{taken.name}' of {Path(args.workspace).name} ({taken_at_text(taken)}).\n")
    return EXIT_OK


def _changes(args: argparse.Namespace) -> int:
    from imagingnet_desktop.workspace.snapshots.snapshots import changes_since, find_snapshot, render_text
    from imagingnet_desktop.workspace.workspace import Workspace

    workspace = Workspace.open_read_only(args.workspace)
    try:
        found = changes_since(workspace, find_snapshot(workspace, args.since))
    finally:
        workspace.close()
    if args.json:
        _write(json.dumps(found.as_json(), indent=2, ensure_ascii=not _stdout_is_utf8()) + "\n")
    else:
        _write(render_text(found))
    return EXIT_OK


# --------------------------------------------------------------------------- output


def _stdout_is_utf8() -> bool:
    return (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "").replace("_", "") == "utf8"


def _write(text: str) -> None:
    """Print any Unicode: a console that cannot show a character gets an escape rather than a crash."""
    if not _stdout_is_utf8() and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    sys.stdout.write(printable(text))  # a name holding ESC never reaches the terminal as a control sequence
    sys.stdout.flush()


def _error(command: str | None, message: str) -> None:
    where = f"{PROG} {command}" if command else PROG
    text = f"{where}: {printable(message)}\n"
    stream = sys.stderr
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.write(text.encode("ascii", "backslashreplace").decode("ascii"))
    stream.flush()


# --------------------------------------------------------------------------- parsing and dispatch


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="ImagingNet Desktop: form an NHS Imaging Network in partnership board workshops.",
        epilog=(
            f"Run '{PROG} [WORKSPACE]' to open the app (no argument: the last workspace, else a new demo one); "
            f"'{PROG} --exit-after-start [WORKSPACE]' opens it, shows the window once and exits. "
            "Exit codes: 0 success, 2 bad input, 1 anything else."
        ),
    )
    parser.add_argument("--version", "-V", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--details", action="store_true",
                        help="on a refusal, print the full report (SQLite's own, for a damaged file) too")
    new = commands.add_parser("new", parents=[common], help="create a workspace file (never overwrites one)")
    new.add_argument("workspace", metavar="WORKSPACE", help="the file to create, e.g. network.imagingnet")
    new.add_argument("--demo", action="store_true", help="fill it with the demo network")
    new.add_argument(
        "--name", metavar="NAME", help="the network's name (default: the demo's name, else the file name)"
    )
    new.set_defaults(handler=_new)

    imp = commands.add_parser(
        "import-partners",
        parents=[common],
        help="import partner baselines from CSV or XLSX (all or nothing)",
        description="Import partner baselines. A code already in the workspace updates that partner; "
        "columns absent from the file leave its other figures as they are. On any problem nothing "
        "changes and every problem is listed by row and column.",
    )
    imp.add_argument("workspace", metavar="WORKSPACE")
    imp.add_argument("file", metavar="FILE", help="a .csv (UTF-8) or .xlsx file with the template header")
    imp.set_defaults(handler=_import_partners)

    rep = commands.add_parser("report", parents=[common], help="print the network, its totals and checks (reads only)")
    rep.add_argument("workspace", metavar="WORKSPACE")
    rep.add_argument("--json", action="store_true", help="print JSON instead of text")
    rep.set_defaults(handler=_report)

    ana = commands.add_parser(
        "analyse", parents=[common], help="work a shares & votes scenario through, as the tab shows it (writes only with --save-as)",
        description="Print what the Shares & votes tab shows for one scenario: shares, votes, Banzhaf and "
        "Shapley-Shubik power, veto and null players, the smallest coalitions that pass and that block, and the "
        "warnings. What is not given is the default: activity alone, equal votes, a simple majority. Nothing is "
        "written unless --save-as is given (then one saved scenario, one undoable edit).")
    ana.add_argument("workspace", metavar="WORKSPACE")
    shares = ana.add_mutually_exclusive_group()
    shares.add_argument("--basis", metavar="BASIS", help="shares on one basis: activity, pay, non_pay, total_cost "
                        "or valuation (proportional votes follow it)")
    shares.add_argument("--blend", metavar="WEIGHTS", help="shares on a blend, e.g. activity=50,pay=50 "
                        "(weights 0-100; proportional votes follow it)")
    ana.add_argument("--votes", metavar="VOTES", help="equal, proportional, or custom:NSH=3,EMV=2,... "
                     "(a number for every partner)")
    ana.add_argument("--rule", metavar="RULE", help="majority, unanimity, qualified:75%% or qualified:2/3")
    ana.add_argument("--min-partners", metavar="N", type=int, help="at least N partners in favour")
    ana.add_argument("--veto", metavar="CODES", help="partners holding a veto, e.g. NSH,EMV")
    ana.add_argument("--json", action="store_true", help="print JSON (the keys of report --json's shares and "
                     "voting, with warnings and coalitions)")
    ana.add_argument("--save-as", metavar="NAME", help="save the scenario under NAME (one undoable edit)")
    ana.add_argument("--agree", action="store_true", help="with --save-as: mark it as the agreed scenario")
    ana.set_defaults(handler=_analyse)

    exp = commands.add_parser("export", parents=[common],
                              help="export a table to CSV or XLSX, or a draft document to Word")
    exp.add_argument("document", choices=("mou", "heads-of-terms", *TABLE_EXPORTS), metavar="KIND",
                     help=f"{', '.join(TABLE_EXPORTS)} (FILE.csv or FILE.xlsx); mou, heads-of-terms (FILE.docx)")
    exp.add_argument("workspace", metavar="WORKSPACE")
    exp.add_argument("-o", "--output", metavar="FILE", required=True)
    exp.set_defaults(handler=_export)

    snap = commands.add_parser("snapshot", parents=[common],
                               help="take a named snapshot of the workspace (e.g. before a workshop)")
    snap.add_argument("workspace", metavar="WORKSPACE")
    snap.add_argument("name", metavar="NAME")
    snap.set_defaults(handler=_snapshot)

    chg = commands.add_parser("changes", parents=[common],
                              help="list what changed since a snapshot, per area (reads only)")
    chg.add_argument("workspace", metavar="WORKSPACE")
    chg.add_argument("--since", metavar="NAME", required=True, help="the snapshot's name")
    chg.add_argument("--json", action="store_true", help="print JSON instead of text")
    chg.set_defaults(handler=_changes)
    return parser


COMMANDS = ("new", "import-partners", "report", "analyse", "export", "snapshot", "changes")


def command_list() -> str:
    return ", ".join(COMMANDS[:-1]) + " or " + COMMANDS[-1]


def unknown_command(word: str) -> int:
    """``imagingnet reprot x``: say the command is unknown and list the commands (exit 2)."""
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    _error(None, f"'{word}' is not a command.{hint} The commands are {command_list()}; "
                 f"'{PROG} WORKSPACE' opens the app (see {PROG} --help).")
    return EXIT_BAD_INPUT


_BAD_INPUT: tuple[type[BaseException], ...] = (BadInput, WorkspaceError, ImportRefused, FieldError)


def run(argv: Sequence[str]) -> int:
    """Run one command; returns the exit code (never raises, except for a debug traceback)."""
    try:
        return _run(argv)
    except BrokenPipeError:  # the reader stopped reading (``report | head -1``): nothing to tell anyone
        _stop_writing_to_stdout()
        return EXIT_FAILED


def _stop_writing_to_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not meet the closed pipe again (the
    Python documentation's advice for SIGPIPE)."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture): nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def _run(argv: Sequence[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:  # --help, --version and usage errors (argparse prints them)
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_usage(sys.stderr)
        _error(None, f"choose a command: {command_list()} (see --help)")
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except _BAD_INPUT as problem:
        details = getattr(problem, "details", "")
        show = details and getattr(args, "details", False)
        hint = " (add --details for the full report)" if details and not show and "\n" not in str(problem) else ""
        _error(args.command, f"{problem}{hint}")
        if show:
            sys.stderr.write("".join(f"  {printable(line)}\n" for line in details.splitlines()))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error(args.command, "interrupted")
        return 130
    except BrokenPipeError:
        raise
    except Exception as failure:  # anything else: one line, the traceback only on request
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        summary = " ".join(str(failure).split()) or type(failure).__name__
        _error(args.command, f"failed: {summary} ({type(failure).__name__}; set {DEBUG_ENV}=1 for details)")
        return EXIT_FAILED
