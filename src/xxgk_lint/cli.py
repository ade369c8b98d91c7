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
from .template import SETTABLE_KINDS

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _fail(message: str) -> None:
    click.echo(f"xxgk-lint: error: {message}", err=True)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _settings(config_path: str | None, isolated: bool):
    from .config import find, load

    if isolated:
        return load(None)
    path = Path(config_path) if config_path else find(Path.cwd())
    return load(path)


def _ruleset(cfg, select, ignore, rules_dirs, lang, kind) -> str:
    """What decides an audit's findings besides the file: tool version, rule packs, settings."""
    import hashlib

    from .rules import builtin_rules_dir

    h = hashlib.sha256(f"{__version__}|{select}|{ignore}|{lang}|{kind}|{cfg.select}|{cfg.ignore}|{cfg.severity}|"
                       f"{cfg.deadlines}|{cfg.issuer_kind}".encode())
    for d in (builtin_rules_dir(), *cfg.rules, *(Path(r) for r in rules_dirs)):
        for p in sorted(Path(d).rglob("*.yaml")):
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _engine(cfg, select, ignore, rules_dirs):
    from .engine import DEFAULT_DEADLINES, Engine
    from .rules import load_rules

    rules = load_rules([*cfg.rules, *(Path(d) for d in rules_dirs)])
    return Engine(rules, select=_split(select) or cfg.select, ignore=[*cfg.ignore, *_split(ignore)],
                  severity=cfg.severity, deadlines={**DEFAULT_DEADLINES, **cfg.deadlines})


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
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of messages [default: zh].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--select", multiple=True, metavar="IDS", help="Only these rules (ids or prefixes, comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (ids or prefixes, comma-separated).")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra directory of rule packs (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Config file [default: nearest .xxgk-lint.yaml or pyproject.toml].")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--issuer-kind", type=click.Choice(SETTABLE_KINDS), help="Treat every report as issued by this kind of body.")
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Show what was read from each file (body, year, template).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check(files, fmts, outputs, baseline, write_baseline, ignore_file, show_config, lang, fail_on, select, ignore,
          rules_dirs, config_path, isolated, issuer_kind, color, quiet, verbose, debug) -> None:
    """Check report files: YAML/JSON, HTML, Word (.docx), PDF (text layer) or text, in any Chinese encoding."""
    from .findings import SEVERITY_RANK
    from .lint import lint_file
    from .model import InputError
    from .render import FileResult, get

    try:
        from .outputs import check_output

        for out_path in outputs:
            check_output(out_path, "-o", [*files, *([baseline] if baseline else [])])
        if write_baseline:
            check_output(write_baseline, "--write-baseline", files)
        cfg = _settings(config_path, isolated)
        engine = _engine(cfg, select, ignore, rules_dirs)
        from .suppress import find_file, load_file

        sup_path = Path(ignore_file) if ignore_file else (None if isolated else find_file(Path.cwd()))
        suppressions = load_file(sup_path) if sup_path else []
    except InputError as e:          # bad config, rule file or suppressions file
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    if show_config:
        from .config import describe

        click.echo(describe(cfg, {"select": select, "ignore": ignore, "lang": lang, "fail_on": fail_on,
                                  "rules": rules_dirs, "issuer_kind": issuer_kind}, sup_path))
    lang = lang or cfg.lang
    fail_on = fail_on or cfg.fail_on
    kind = issuer_kind or cfg.issuer_kind
    def prepare(report) -> None:
        if kind:
            report.meta.kind, report.meta.kind_source = kind, "cli" if issuer_kind else "config"

    results: list[FileResult] = []
    for path in files:
        result = lint_file(path, engine, prepare)
        if result.error is not None:
            _fail(str(result.error))
            if debug and result.error.internal:
                click.echo(result.error.trace, err=True, nl=False)
        results.append(result)

    if suppressions:
        from .suppress import apply_file

        apply_file(suppressions, results)
    if write_baseline:
        from .baseline import write

        write(write_baseline, results)
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
               "rules": engine.rules}
    for i, fmt in enumerate(fmts):
        if i < len(outputs) and outputs[i] != "-":
            from .outputs import atomic

            with atomic(outputs[i], "w", encoding="utf-8") as out:
                get(fmt)(results, lang, out, options | {"no_color": True})
        else:
            get(fmt)(results, lang, sys.stdout, options)
    if baseline and gone and not quiet:
        click.echo(f"xxgk-lint: {gone} baseline entr{'y' if gone == 1 else 'ies'} no longer occur{'s' if gone == 1 else ''}"
                   " (rewrite it with --write-baseline)", err=True)

    if any(r.error is not None and r.error.internal for r in results):
        sys.exit(EXIT_INTERNAL)
    if any(r.error for r in results):
        sys.exit(EXIT_INPUT)
    threshold = SEVERITY_RANK.get(fail_on, 99)
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


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
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of messages [default: zh].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="never",
              help="Lowest severity that makes the exit code 1 [default: never]; an unreadable file makes it 2.")
@click.option("--select", multiple=True, metavar="IDS", help="Only these rules (ids or prefixes, comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (ids or prefixes, comma-separated).")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra directory of rule packs (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Config file [default: nearest .xxgk-lint.yaml or pyproject.toml].")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--issuer-kind", type=click.Choice(SETTABLE_KINDS),
              help="Treat every report as issued by this kind of body (a --mapping row still wins).")
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
        cfg = _settings(config_path, isolated)
        _engine(cfg, select, ignore, rules_dirs)          # fail early on a bad rule pack or config
        mapping_data = A.load_mapping(mapping) if mapping else {}
        tree = A.load_hierarchy(hierarchy_path) if hierarchy_path else None
    except InputError as e:
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    lang = lang or cfg.lang
    files = A.walk(paths, tuple(include) or A.DEFAULT_INCLUDE, tuple(exclude))
    if not files:
        _fail("no report files found under " + ", ".join(paths))
        sys.exit(EXIT_INPUT)
    try:
        from .outputs import check_output

        inputs = [*files, *(p for p in (mapping, hierarchy_path) if p)]
        for option, out_path in (("--csv", csv_path), ("--jsonl", jsonl_path), ("--xlsx", xlsx_path),
                                 ("--html", html_path)):
            if out_path:
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
    options = {"config": config_path, "isolated": isolated, "select": select, "ignore": ignore, "rules": rules_dirs,
               "lang": lang, "mapping": mapping_data, "issuer_kind": issuer_kind, "history": history is not None,
               "hierarchy": tree,
               "ruleset": _ruleset(cfg, select, ignore, rules_dirs, lang, issuer_kind)}
    jobs = jobs or os.cpu_count() or 1
    show = not quiet and sys.stderr.isatty() and not os.environ.get("PRE_COMMIT")
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True) as bar:
            task = bar.add_task("audit", total=len(files), rate="")

            def advance(rec: dict) -> None:
                speed = bar.tasks[0].speed
                bar.update(task, advance=1, rate=f"{speed:.0f}/s" if speed else "")

            records, interrupted = A.run(files, options, jobs, advance, history, not no_cache)
    else:
        records, interrupted = A.run(files, options, jobs, None, history, not no_cache)
    if history is not None:
        history.close()
    if csv_path or jsonl_path or xlsx_path:      # what was finished is written, even after Ctrl-C
        from . import export

        if csv_path:
            export.write_csv(csv_path, records, lang)
        if jsonl_path:
            export.write_jsonl(jsonl_path, records)
        if xlsx_path:
            export.write_xlsx(xlsx_path, records, lang)
    if html_path:
        from . import dashboard

        dashboard.write(html_path, records, lang)
    for rec in records:
        if rec["error"]:
            _fail(rec["error"])
    if not quiet:
        from .render.audit import print_summary

        print_summary(records, lang, interrupted, len(files))
    if interrupted:
        sys.exit(130)
    if any(rec.get("internal") for rec in records):
        sys.exit(EXIT_INTERNAL)
    if any(rec["error"] for rec in records):
        sys.exit(EXIT_INPUT)
    from .findings import SEVERITY_RANK

    threshold = SEVERITY_RANK.get(fail_on, 99)
    if any(SEVERITY_RANK[f["severity"]] >= threshold for r in records for f in r["findings"]):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the YAML here (- for standard output) [default: standard output].")
def extract(file, output) -> None:
    """Write the structured YAML of a report (any supported format)."""
    from .extract import to_yaml
    from .model import InputError
    from .outputs import check_output
    from .readers import read_report

    try:
        if output:
            check_output(output, "-o", [file])
        report = read_report(file)
    except InputError as e:
        _fail(str(e))
        sys.exit(EXIT_INPUT)
    text = to_yaml(report)
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
