"""Command line: thin glue between config, readers, engine and renderers.

Exit codes mean one thing each: 0 no finding at or above --fail-on; 1 findings;
2 bad usage, bad config, unreadable input or bad rule file; 3 internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .render import FORMATS, default_format
from .issuers import SETTABLE_KINDS

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _fail(message: str) -> None:
    click.echo(f"xxgk-lint: error: {message}", err=True)


def _session(config_path: str | None, isolated: bool, **options):
    """The run's Session; a bad config or rule pack is exit 2 with one line."""
    from .model import InputError
    from .session import Session

    try:
        session = Session.load(config_path, isolated, **options)
        session.engine          # noqa: B018 - rule packs are loaded (and checked) before any file
        return session
    except InputError as e:
        _fail(str(e))
        sys.exit(EXIT_INPUT)


def rule_options(f):
    """The options every checking command shares: which rules, which settings, which language."""
    for decorator in reversed((
        click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of messages [default: zh]."),
        click.option("--select", multiple=True, metavar="IDS", help="Only these rules (ids or prefixes, comma-separated)."),
        click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (ids or prefixes, comma-separated)."),
        click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
                     help="An extra directory of rule packs (repeatable)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Config file [default: nearest .xxgk-lint.yaml or pyproject.toml]."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
        click.option("--issuer-kind", type=click.Choice(SETTABLE_KINDS),
                     help="Treat every report as issued by this kind of body (an audit's --mapping row still wins)."),
    )):
        f = decorator(f)
    return f


def _exit(results, fail_on: str) -> None:
    """Exit codes: 3 if our code failed on a file, else 2 if a file could not be read, else 1 if a
    finding reaches --fail-on, else 0."""
    from .findings import SEVERITY_RANK

    if any(r.error is not None and r.error.internal for r in results):
        sys.exit(EXIT_INTERNAL)
    if any(r.error is not None for r in results):
        sys.exit(EXIT_INPUT)
    threshold = SEVERITY_RANK.get(fail_on, 99)
    sys.exit(EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
             else EXIT_OK)


class _Group(click.Group):
    """Turns any unexpected exception into exit code 3 with one line (traceback with --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:      # `xxgk-lint check … | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OK)
        except Exception as e:  # noqa: BLE001 - the last line of defence
            from .model import InputError

            if isinstance(e, InputError):
                _fail(str(e))
                sys.exit(EXIT_INPUT)
            if os.environ.get("XXGK_LINT_DEBUG") or "--debug" in sys.argv:
                raise
            _fail(f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)")
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xxgk-lint")
def cli() -> None:
    """Check 政府信息公开工作年度报告 against the national template and the law."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmts", type=click.Choice(FORMATS), multiple=True,
              help="Output format, repeatable with -o [default: full on a terminal, github in GitHub Actions, "
                   "concise otherwise].")
@click.option("-o", "--output", "outputs", type=click.Path(dir_okay=False), multiple=True,
              help="Write the n-th --format to this file (repeatable); formats without one go to standard output.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings as a baseline.")
@click.option("--ignore-file", type=click.Path(dir_okay=False),
              help="Reviewed exceptions [default: nearest .xxgk-lint-ignore.yaml].")
@click.option("--show-config", is_flag=True, help="Print the effective configuration and where each value comes from.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 [default: error].")
@rule_options
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Show what was read from each file (body, year, template).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check(files, fmts, outputs, baseline, write_baseline, ignore_file, show_config, lang, fail_on, select, ignore,
          rules_dirs, config_path, isolated, issuer_kind, color, quiet, verbose, debug) -> None:
    """Check report files: YAML/JSON, HTML, Word (.docx), PDF (text layer) or text, in any Chinese encoding."""
    from .lint import lint_file
    from .model import InputError
    from .outputs import check_output
    from .render import get, write

    try:
        for out_path in outputs:
            check_output(out_path, "-o", [*files, *([baseline] if baseline else [])])
        if write_baseline:
            check_output(write_baseline, "--write-baseline", files)
        from .suppress import find_file, load_file

        sup_path = Path(ignore_file) if ignore_file else (None if isolated else find_file(Path.cwd()))
        suppressions = load_file(sup_path) if sup_path else []
    except InputError as e:          # an unusable output, a bad suppressions file
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    session = _session(config_path, isolated, select=select, ignore=ignore, rules_dirs=rules_dirs,
                       issuer_kind=issuer_kind or "", lang=lang or "", fail_on=fail_on or "")
    if show_config:
        from .config import describe

        click.echo(describe(session.cfg, {"select": select, "ignore": ignore, "lang": lang, "fail_on": fail_on,
                                          "rules": rules_dirs, "issuer_kind": issuer_kind}, sup_path))
    results = []
    for path in files:
        result = lint_file(path, session)
        if result.error is not None:
            _fail(str(result.error))
            if debug and result.error.internal:
                click.echo(result.error.trace, err=True, nl=False)
        results.append(result)

    if suppressions:
        from .suppress import apply_file

        apply_file(suppressions, results)
    if write_baseline:
        from .baseline import write as write_baseline_file

        write_baseline_file(write_baseline, results)
    gone = 0
    if baseline:
        from .baseline import apply

        try:
            gone = apply(baseline, results)
        except InputError as e:
            _fail(str(e))
            sys.exit(EXIT_INPUT)
    fmts = fmts or (default_format(sys.stdout.isatty()),)
    if len(outputs) > len(fmts):
        _fail("more -o files than --format options")
        sys.exit(EXIT_INPUT)
    options = {"quiet": quiet, "verbose": verbose, "no_color": color is False, "force_terminal": color or None,
               "rules": session.engine.rules}
    for i, fmt in enumerate(fmts):
        if i < len(outputs) and outputs[i] != "-":
            write(fmt, outputs[i], results, session.lang, options)
        else:
            get(fmt)(results, session.lang, sys.stdout, options)
    if baseline and gone and not quiet:
        click.echo(f"xxgk-lint: {gone} baseline entr{'y' if gone == 1 else 'ies'} no longer occur{'s' if gone == 1 else ''}"
                   " (rewrite it with --write-baseline)", err=True)
    _exit(results, session.fail_on)


@cli.command()
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
    from . import audit as A
    from .model import InputError

    try:
        from .crossreport import load_hierarchy
        from .identify import load_mapping

        mapping_data = load_mapping(mapping) if mapping else {}
        tree = load_hierarchy(hierarchy_path) if hierarchy_path else None
    except InputError as e:
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    session = _session(config_path, isolated, select=select, ignore=ignore, rules_dirs=rules_dirs,
                       issuer_kind=issuer_kind or "", lang=lang or "", fail_on=fail_on, mapping=mapping_data,
                       hierarchy=tree)
    files = A.walk(paths, tuple(include) or A.DEFAULT_INCLUDE, tuple(exclude))
    if not files:
        _fail("no report files found under " + ", ".join(paths))
        sys.exit(EXIT_INPUT)
    exports = [(option, fmt, out) for option, fmt, out in (
        ("--csv", "csv", csv_path), ("--jsonl", "jsonl", jsonl_path), ("--xlsx", "xlsx", xlsx_path),
        ("--html", "dashboard", html_path)) if out]
    try:
        from .outputs import check_output

        inputs = [*files, *(p for p in (mapping, hierarchy_path) if p)]
        for option, _, out_path in exports:
            check_output(out_path, option, inputs)
        history = None
        if not no_history:
            from .history import DEFAULT, History

            first = Path(paths[0])
            if history_path and not Path(history_path).parent.is_dir():
                raise InputError(f"--history {history_path}: the folder {Path(history_path).parent} does not exist",
                                 history_path)
            history = History(history_path or (first if first.is_dir() else first.parent) / DEFAULT)
    except InputError as e:
        _fail(str(e))
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
    from .render import get, write

    for _, fmt, out_path in exports:      # what was finished is written, even after Ctrl-C
        write(fmt, out_path, results, session.lang)
    for r in results:
        if r.error is not None:
            _fail(str(r.error))
    if not quiet:
        get("summary")(results, session.lang, sys.stdout, {"interrupted": interrupted, "total": len(files)})
    if interrupted:
        sys.exit(130)
    _exit(results, session.fail_on)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the YAML here (- for standard output) [default: standard output].")
def extract(file, output) -> None:
    """Write the structured YAML of a report (any supported format)."""
    from .extract import to_yaml
    from .lint import lint_file
    from .model import InputError
    from .outputs import check_output
    from .session import Session

    try:
        if output:
            check_output(output, "-o", [file])
    except InputError as e:
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    result = lint_file(file, Session(), check=False)
    if result.error is not None:
        _fail(str(result.error))
        sys.exit(EXIT_INTERNAL if result.error.internal else EXIT_INPUT)
    text = to_yaml(result.report)
    if output and output != "-":
        from .outputs import atomic

        with atomic(output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)


@cli.command("history")
@click.argument("store", type=click.Path(dir_okay=False), default=".xxgk-lint/history.sqlite")
def history_cmd(store) -> None:
    """List what a history store holds: body, year, file, template, findings, when audited."""
    from rich.console import Console
    from rich.table import Table

    from .history import History
    from .model import InputError

    if not Path(store).is_file():
        _fail(f"{store}: no history store here")
        sys.exit(EXIT_INPUT)
    try:
        h = History(store)
    except InputError as e:
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    table = Table(box=None, header_style="bold")
    for col in ("body", "year", "file", "template", "findings", "audited"):
        table.add_column(col)
    for body, year, path, template, n, at in h.listing():
        table.add_row(body, str(year or "?"), path, template, str(n), at)
    h.close()
    Console(highlight=False).print(table)


@cli.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", help="Language [default: zh].")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra directory of rule packs (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown"]), default="table",
              help="markdown: every rule's full documentation (docs/rules.md is made this way).")
def rules_cmd(lang, rules_dirs, fmt) -> None:
    """List every rule: id, severity, kind, templates, title."""
    from .rules import load_rules

    if fmt == "markdown":
        from .explain import rules_markdown

        click.echo(rules_markdown(load_rules([Path(d) for d in rules_dirs]), lang), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    rules = sorted(load_rules([Path(d) for d in rules_dirs]), key=lambda r: r.id)
    table = Table(box=None, header_style="bold")
    # an id is never cut short: the other columns wrap, the title most
    table.add_column("id", no_wrap=True, min_width=max(len(r.id) for r in rules))
    table.add_column("severity", no_wrap=True)
    for col in ("kind", "templates"):
        table.add_column(col, overflow="fold")
    table.add_column("title", overflow="fold", min_width=8, ratio=1)
    for r in rules:
        table.add_row(r.id, r.severity, r.kind, ",".join(r.templates), r.text("title", lang))
    Console(highlight=False).print(table)


@cli.command()
@click.argument("rule_id")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", help="Language [default: zh].")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra directory of rule packs (repeatable).")
def explain(rule_id, lang, rules_dirs) -> None:
    """Explain a rule: what it checks, why, its reference and examples."""
    from .explain import explain_text
    from .rules import load_rules

    rules = {r.id: r for r in load_rules([Path(d) for d in rules_dirs])}
    rule = rules.get(rule_id.upper())
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id.upper(), list(rules), n=3)
        _fail(f"unknown rule {rule_id!r}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
        sys.exit(EXIT_INPUT)
    click.echo(explain_text(rule, lang))


def main() -> None:
    cli(prog_name="xxgk-lint")
