"""`audit`: folders of reports for supervisors: workers, history, cross-report rules, exports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .common import EXIT_INPUT, fail, finish, rule_options, open_session


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--include", multiple=True, metavar="GLOB", help="File names to audit (repeatable) [default: report types].")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Paths or names to skip (repeatable).")
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes [default: all cores].")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write every finding to a CSV file.")
@click.option("--jsonl", "jsonl_path", type=click.Path(dir_okay=False), help="Write every finding as JSON lines.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), help="Write a workbook: summary, findings, rules.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write a self-contained HTML dashboard.")
@click.option("--mapping", type=click.Path(dir_okay=False), help="CSV of file, body, year, kind overriding identities.")
@click.option("--hierarchy", "hierarchy_path", type=click.Path(dir_okay=False),
              help="YAML of parent bodies, their children and the cells a parent aggregates.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="never",
              help="Lowest severity that makes the exit code 1 [default: never]; an unreadable file makes it 2.")
@rule_options
@click.option("--history", "history_path", type=click.Path(dir_okay=False),
              help="History store [default: .xxgk-lint/history.sqlite next to the first folder].")
@click.option("--no-history", is_flag=True, help="Keep no history: no cache, no cross-year rules.")
@click.option("--no-cache", is_flag=True, help="Read every file again, even when unchanged since the last audit.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def audit(paths, include, exclude, jobs, csv_path, jsonl_path, xlsx_path, html_path, mapping, hierarchy_path, lang,
          fail_on, select, ignore, rules_dirs, config_path, isolated, issuer_kind, history_path, no_history, no_cache,
          quiet) -> None:
    """Audit folders of reports: summary, CSV/JSONL/XLSX/HTML exports, history, cross-year rules."""
    from .. import audit as A
    from ..model import InputError

    try:
        from ..crossreport import load_hierarchy
        from ..identify import load_mapping

        mapping_data = load_mapping(mapping) if mapping else {}
        tree = load_hierarchy(hierarchy_path) if hierarchy_path else None
    except InputError as e:
        fail(str(e))
        sys.exit(EXIT_INPUT)
    session = open_session(config_path, isolated, select=select, ignore=ignore, rules_dirs=rules_dirs,
                       issuer_kind=issuer_kind or "", lang=lang or "", fail_on=fail_on, mapping=mapping_data,
                       hierarchy=tree)
    files = A.walk(paths, tuple(include) or A.DEFAULT_INCLUDE, tuple(exclude))
    if not files:
        fail("no report files found under " + ", ".join(paths))
        sys.exit(EXIT_INPUT)
    exports = [(option, fmt, out) for option, fmt, out in (
        ("--csv", "csv", csv_path), ("--jsonl", "jsonl", jsonl_path), ("--xlsx", "xlsx", xlsx_path),
        ("--html", "dashboard", html_path)) if out]
    try:
        from ..outputs import check_output

        inputs = [*files, *(p for p in (mapping, hierarchy_path) if p)]
        for option, _, out_path in exports:
            check_output(out_path, option, inputs)
        history = None
        if not no_history:
            from ..history import DEFAULT, History

            first = Path(paths[0])
            if history_path and not Path(history_path).parent.is_dir():
                raise InputError(f"--history {history_path}: the folder {Path(history_path).parent} does not exist",
                                 history_path)
            history = History(history_path or (first if first.is_dir() else first.parent) / DEFAULT)
    except InputError as e:
        fail(str(e))
        sys.exit(EXIT_INPUT)
    jobs = jobs or os.cpu_count() or 1
    if not quiet and sys.stderr.isatty() and not os.environ.get("PRE_COMMIT"):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True) as bar:
            task = bar.add_task("audit", total=len(files), rate="")

            def advance(result) -> None:
                speed = bar.tasks[0].speed
                bar.update(task, advance=1, rate=f"{speed:.0f}/s" if speed else "")

            results, interrupted = A.run(files, session, jobs, advance, history, not no_cache)
    else:
        results, interrupted = A.run(files, session, jobs, None, history, not no_cache)
    if history is not None:
        history.close()
    from ..render import get, write

    for _, fmt, out_path in exports:      # what was finished is written, even after Ctrl-C
        write(fmt, out_path, results, session.lang)
    for r in results:
        if r.error is not None:
            fail(str(r.error))
    if not quiet:
        get("summary")(results, session.lang, sys.stdout, {"interrupted": interrupted, "total": len(files)})
    if interrupted:
        sys.exit(130)
    finish(results, session.fail_on)
