"""`audit`: folders, URL lists and websites' report columns, for supervisors: workers, fetch
threads, history and archive, cross-report rules, exports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .common import EXIT_INPUT, fail, fetcher, finish, open_session, rule_options, web_options


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(), metavar="[FOLDER_FILE_OR_URL]...")
@click.option("--urls", "urls_path", type=click.Path(dir_okay=False),
              help="A list of report URLs, one a line, or a CSV with url, body, year, kind columns.")
@click.option("--crawl", multiple=True, metavar="URL",
              help="A column page listing reports (政府信息公开年报): audit the reports it links to (repeatable).")
@click.option("--pages", type=click.IntRange(min=1), default=5, show_default=True,
              help="How many pages of a --crawl column to follow.")
@click.option("--max-reports", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Report links one --crawl column may give (a hostile column may list endless ones).")
@click.option("--max-per-host", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Report links all --crawl columns together may give on one web host.")
@click.option("--include", multiple=True, metavar="GLOB", help="File names to audit (repeatable) [default: report types].")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Paths or names to skip (repeatable).")
@click.option("-j", "--jobs", default="auto", metavar="N|auto", callback=lambda ctx, param, v: _jobs_value(v),
              help="Worker processes; auto: as many as the cores and the free memory allow (a worker reading "
                   "scans takes up to 600 MB) [default: auto].")
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
              help="History store [default: one per audited folder in the user's data folder, "
                   "~/.local/share/xxgk-lint/history/; never inside what is audited].")
@click.option("--no-history", is_flag=True, help="Keep no history: no cache, no cross-year rules.")
@click.option("--no-cache", is_flag=True, help="Read every file again, even when unchanged since the last audit.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@web_options
def audit(paths, urls_path, crawl, pages, max_reports, max_per_host, include, exclude, jobs, csv_path, jsonl_path, xlsx_path, html_path, mapping,
          hierarchy_path, lang, fail_on, select, ignore, rules_dirs, config_path, isolated, issuer_kind, history_path,
          no_history, no_cache, quiet, timeout, per_host, delay, allow_private) -> None:
    """Audit folders of reports and reports on the web: summary, CSV/JSONL/XLSX/HTML exports,
    history and archive, cross-year rules."""
    from .. import audit as A
    from ..web import is_url, shown
    from ..model import InputError

    try:
        from ..crossreport import load_hierarchy
        from ..identify import load_mapping

        mapping_data = load_mapping(mapping) if mapping else {}
        tree = load_hierarchy(hierarchy_path) if hierarchy_path else None
        urls: list[str] = []
        if urls_path:
            from ..identify import load_urls

            urls, url_rows = load_urls(urls_path)
            mapping_data = {**url_rows, **mapping_data}
        if not (paths or urls or crawl):
            raise InputError("give folders, files or URLs to audit, --urls FILE or --crawl URL")
    except InputError as e:
        fail(str(e))
        sys.exit(EXIT_INPUT)
    session = open_session(config_path, isolated, select=select, ignore=ignore, rules_dirs=rules_dirs,
                       issuer_kind=issuer_kind or "", lang=lang or "", fail_on=fail_on, mapping=mapping_data,
                       hierarchy=tree)
    files = A.walk(paths, tuple(include) or A.DEFAULT_INCLUDE, tuple(exclude))
    # a dashboard this audit writes into the folder audited (there from its last run) is not a
    # report to audit; any other file at an export's path is, and the export is refused below
    if html_path and _our_dashboard(Path(html_path)):
        files = [f for f in files if is_url(f) or Path(f).resolve() != Path(html_path).resolve()]
    web, unreachable = None, []
    if urls or crawl or any(is_url(f) for f in files):
        web = fetcher(timeout, per_host, delay, allow_private, [*urls, *crawl, *(f for f in files if is_url(f))])
        # from here on every URL is without its user and password: shown, keyed, stored and exported
        urls, crawl = [shown(u) for u in urls], [shown(c) for c in crawl]
        files = [shown(f) if is_url(f) else f for f in files]
        session.mapping = {shown(k) if is_url(k) else k: v for k, v in session.mapping.items()}
        from ..web.columns import cap_hosts, crawl_column

        taken: dict[str, int] = {}
        for column in crawl:
            found, error = crawl_column(web, column, pages, session, max_reports)
            known = set(files)
            files += cap_hosts([u for u in found if u not in known], taken, max_per_host, column)
            unreachable += error
        known = set(files)
        files += [u for u in dict.fromkeys(urls) if u not in known]
    if not files and not unreachable:
        fail("no report files found under " + ", ".join(paths))
        sys.exit(EXIT_INPUT)
    exports = [(option, fmt, out) for option, fmt, out in (
        ("--csv", "csv", csv_path), ("--jsonl", "jsonl", jsonl_path), ("--xlsx", "xlsx", xlsx_path),
        ("--html", "dashboard", html_path)) if out]
    try:
        from ..outputs import check_output

        inputs = [*(f for f in files if not is_url(f)), *(p for p in (mapping, hierarchy_path, urls_path) if p)]
        for option, _, out_path in exports:
            check_output(out_path, option, inputs)
        history = None
        if not no_history:
            from ..history import History, default_store

            local = [p for p in paths if not is_url(p)]
            first = Path(local[0]) if local else Path.cwd()
            if history_path and not Path(history_path).parent.is_dir():
                raise InputError(f"--history {history_path}: the folder {Path(history_path).parent} does not exist",
                                 history_path)
            history = History(history_path or default_store(first if first.is_dir() else first.parent))
    except InputError as e:
        fail(str(e))
        sys.exit(EXIT_INPUT)
    batch = None
    if web is not None:
        import tempfile

        from ..web.batch import WebBatch

        # the archive lives beside the history store; without one, only for this run
        scratch = tempfile.TemporaryDirectory(prefix="xxgk-lint-") if history is None else None
        batch = WebBatch(web, history.path.parent / "archive" if history is not None else scratch.name,
                         threads=max(per_host * 4, 8))
    from ..workers import jobs as worker_count

    jobs = worker_count(jobs, files)
    terminated = _stop_on_sigterm()
    if not quiet and sys.stderr.isatty() and not os.environ.get("PRE_COMMIT"):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True) as bar:
            task = bar.add_task("audit", total=len(files), rate="")

            def advance(result) -> None:
                speed = bar.tasks[0].speed
                bar.update(task, advance=1, rate=f"{speed:.0f}/s" if speed else "")

            results, interrupted = A.run(files, session, jobs, advance, history, not no_cache, batch)
    else:
        results, interrupted = A.run(files, session, jobs, None, history, not no_cache, batch)
    results = unreachable + results
    if batch is not None:
        batch.close()
        if history is None:
            scratch.cleanup()
    try:        # the store stays open while the outputs are written: they read the findings from it
        _outputs(results, exports, session, quiet, interrupted, len(files) + len(unreachable))
    finally:
        if history is not None:
            history.close()
    if interrupted:
        sys.exit(143 if terminated else 130)     # 128 + the signal, as shells report it
    finish(results, session.fail_on)


def _outputs(results, exports, session, quiet: bool, interrupted: bool, total: int) -> None:
    """The exports, the unreadable files' errors and the summary."""
    from ..render import get, write

    marks = {"incomplete": (len(results), total)} if interrupted else {}
    for _, fmt, out_path in exports:      # what was finished is written, even after Ctrl-C, and says so
        write(fmt, out_path, results, session.lang, marks)
    failed = [r for r in results if r.error is not None]
    for r in failed[:SHOWN_ERRORS]:          # a folder of 20,000 broken files is not 20,000 lines
        fail(str(r.error))
    if len(failed) > SHOWN_ERRORS:
        fail(f"… and {len(failed) - SHOWN_ERRORS} more files that could not be read (every one is in the summary "
             "and the exports)")
    if not quiet:
        get("summary")(results, session.lang, sys.stdout, {"interrupted": interrupted, "total": total})


SHOWN_ERRORS = 20


def _our_dashboard(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return b'<meta name="generator" content="xxgk-lint audit dashboard">' in f.read(4096)
    except OSError:
        return False


def _jobs_value(value: str) -> str:
    value = str(value).strip().lower()
    if value != "auto" and not (value.isdigit() and int(value) > 0):
        raise click.BadParameter(f"{value!r}: a number of workers (1 or more) or auto")
    return value


def _stop_on_sigterm() -> list[int]:
    """SIGTERM (timeout, CI, a scheduler stopping the audit) stops it as Ctrl-C does: what finished
    is summarised and exported, marked interrupted.  The list is non-empty once it came."""
    import signal

    came: list[int] = []

    def stop(signum, frame) -> None:
        came.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    return came
