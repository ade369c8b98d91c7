"""The commands that read rather than lint: extract (a report as YAML), history, rules, explain."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import EXIT_INPUT, EXIT_INTERNAL, fail


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the YAML here (- for standard output) [default: standard output].")
def extract(file, output) -> None:
    """Write the structured YAML of a report (any supported format)."""
    from ..extract import to_yaml
    from ..lint import lint_file
    from ..model import InputError
    from ..outputs import check_output
    from ..session import Session

    try:
        if output:
            check_output(output, "-o", [file])
    except InputError as e:
        fail(str(e))
        sys.exit(EXIT_INPUT)
    result = lint_file(file, Session(), check=False)
    if result.error is not None:
        fail(str(result.error))
        sys.exit(EXIT_INTERNAL if result.error.internal else EXIT_INPUT)
    text = to_yaml(result.report)
    if output and output != "-":
        from ..outputs import atomic

        with atomic(output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)


@click.command("history")
@click.argument("store", type=click.Path(), default=".", metavar="[STORE_OR_FOLDER]")
@click.option("--url", help="Every fetch of this URL: when, status, how the report was found, its digest.")
@click.option("--vacuum", is_flag=True, help="Drop what no audit will read again (a file's older results, "
              "unless a cross-year rule needs them), pack rows of older releases, give the space back.")
def history_cmd(store, url, vacuum) -> None:
    """List what a history store holds: body, year, file, template, findings, when audited; and
    the fetches of reports from the web.  A folder names the store an audit of it keeps (in the
    user's data folder); the default is the current folder's."""
    from ..render import console as new_console
    from rich.table import Table

    from ..history import History, default_store
    from ..model import InputError

    if Path(store).is_dir():
        store = str(default_store(Path(store)))
    if not Path(store).is_file():
        fail(f"{store}: no history store here")
        sys.exit(EXIT_INPUT)
    try:
        h = History(store)
        if vacuum:
            rows, kept, before, after = h.vacuum()
            h.close()
            click.echo(f"{store}: {rows} results, {kept} kept; {before / 1048576:.1f} MB -> {after / 1048576:.1f} MB")
            return
    except InputError as e:
        fail(str(e))
        sys.exit(EXIT_INPUT)
    console = new_console()
    fetches = h.fetches(url)
    if not url:
        table = Table(box=None, header_style="bold")
        for col in ("body", "year", "file", "template", "findings", "audited"):
            table.add_column(col)
        for body, year, path, template, n, at in h.listing():
            table.add_row(body, str(year or "?"), path, template, str(n), at)
        console.print(table)
    if fetches or url:
        table = Table(box=None, header_style="bold", title=None if url else "fetches")
        for col in ("url", "fetched", "status", "via", "sha256", "pictures", "document"):
            table.add_column(col, overflow="fold")
        for f in fetches:
            pictures = len(json.loads(f["pictures"])) if f.get("pictures") else 0
            table.add_row(f["url"], f["fetched_at"], str(f["status"]), f["via"], f["sha256"][:16],
                          str(pictures or ""), "" if f["document"] == f["url"] else f["document"])
        console.print(table)
    h.close()
    if url and not fetches:
        fail(f"{url}: never fetched into this store")
        sys.exit(EXIT_INPUT)


@click.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", help="Language [default: zh].")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra directory of rule packs (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown"]), default="table",
              help="markdown: every rule's full documentation (docs/rules.md is made this way).")
def rules_cmd(lang, rules_dirs, fmt) -> None:
    """List every rule: id, severity, kind, templates, title."""
    from ..rules import load_rules

    if fmt == "markdown":
        from ..explain import rules_markdown

        click.echo(rules_markdown(load_rules([Path(d) for d in rules_dirs]), lang), nl=False)
        return
    from ..render import console as new_console
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
    new_console().print(table)


@click.command()
@click.argument("rule_id")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", help="Language [default: zh].")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="An extra directory of rule packs (repeatable).")
def explain(rule_id, lang, rules_dirs) -> None:
    """Explain a rule: what it checks, why, its reference and examples."""
    from ..explain import explain_text
    from ..rules import load_rules

    rules = {r.id: r for r in load_rules([Path(d) for d in rules_dirs])}
    rule = rules.get(rule_id.upper())
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id.upper(), list(rules), n=3)
        fail(f"unknown rule {rule_id!r}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
        sys.exit(EXIT_INPUT)
    click.echo(explain_text(rule, lang))
