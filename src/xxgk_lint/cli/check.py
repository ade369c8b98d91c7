"""`check`: lint report files one by one, for drafting offices, pre-commit hooks and CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..render import FORMATS, default_format
from .common import EXIT_INPUT, fail, fetcher, finish, open_session, rule_options, web_options


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(), metavar="FILE_DIR_OR_URL...")
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
@web_options
def check(files, fmts, outputs, baseline, write_baseline, ignore_file, show_config, lang, fail_on, select, ignore,
          rules_dirs, config_path, isolated, issuer_kind, color, quiet, verbose, debug, timeout, per_host,
          delay, allow_private) -> None:
    """Check report files or URLs: YAML/JSON, HTML, Word (.docx), PDF (text layer) or text, in any
    Chinese encoding; a URL's page, or the attachment or iframe that holds its report.  A folder
    is checked as the report files in it (as `audit` finds them); a file among several or in a
    folder that is plainly not a report (a tool's config, a README) is skipped with a note."""
    from ..lint import lint_file
    from ..model import InputError
    from ..outputs import check_output
    from ..render import get, write

    try:
        for out_path in outputs:
            check_output(out_path, "-o", [*files, *([baseline] if baseline else [])])
        if write_baseline:
            check_output(write_baseline, "--write-baseline", files)
        from ..suppress import find_file, load_file

        sup_path = Path(ignore_file) if ignore_file else (None if isolated else find_file(Path.cwd()))
        suppressions = load_file(sup_path) if sup_path else []
    except InputError as e:          # an unusable output, a bad suppressions file
        fail(str(e))
        sys.exit(EXIT_INPUT)
    session = open_session(config_path, isolated, select=select, ignore=ignore, rules_dirs=rules_dirs,
                       issuer_kind=issuer_kind or "", lang=lang or "", fail_on=fail_on or "")
    if show_config:
        from ..config import describe

        click.echo(describe(session.cfg, {"select": select, "ignore": ignore, "lang": lang, "fail_on": fail_on,
                                          "rules": rules_dirs, "issuer_kind": issuer_kind}, sup_path))
    from ..model import NotAReportError
    from ..web import is_url, shown as without_password

    files, several = _expand(files)
    typed = [f for f in files if is_url(f)]
    web = fetcher(timeout, per_host, delay, allow_private, typed) if typed else None
    files = [without_password(f) if is_url(f) else f for f in files]     # never shown with a password
    results = []
    shown = _OcrProgress(session.lang) if sys.stderr.isatty() and not quiet else None
    for path in files:
        if shown is not None:
            shown.file(path)
        if is_url(path):
            from ..lint import lint_url

            result = lint_url(path, session, web)
        else:
            result = lint_file(path, session)
        if shown is not None:
            shown.stop()
        if several and isinstance(result.error, NotAReportError):
            click.echo(f"xxgk-lint: note: {result.error.path or path}: skipped, not a report", err=True)
            continue
        if result.error is not None:
            fail(str(result.error))
            if debug and result.error.internal:
                click.echo(result.error.trace, err=True, nl=False)
        results.append(result)

    if shown is not None:
        shown.close()
    if web is not None:
        web.close()
    if suppressions:
        from ..suppress import apply_file

        apply_file(suppressions, results)
    if write_baseline:
        from ..baseline import write as write_baseline_file

        write_baseline_file(write_baseline, results)
    gone = 0
    if baseline:
        from ..baseline import apply

        try:
            gone = apply(baseline, results)
        except InputError as e:
            fail(str(e))
            sys.exit(EXIT_INPUT)
    fmts = fmts or (default_format(sys.stdout.isatty()),)
    if len(outputs) > len(fmts):
        fail("more -o files than --format options")
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
    finish(results, session.fail_on)


class _OcrProgress:
    """"OCR 识别 scan.pdf：第 2/6 页…" on a terminal's stderr while OCR reads a file (seconds a
    page); nothing for the files it does not read, nothing when stderr is not a terminal."""

    def __init__(self, lang: str):
        from ..readers import ocr
        from ..record import Tr

        self.text = Tr("OCR 识别 {path}：第 {n}/{total} 页…", "OCR reading {path}: page {n}/{total}…").pick(lang)
        self.status, self.path = None, ""
        ocr.progress = self.page

    def file(self, path: str) -> None:
        self.path = path

    def page(self, n: int, total: int) -> None:
        if self.status is None:
            from rich.console import Console

            self.status = Console(stderr=True).status("")
            self.status.start()
        from rich.markup import escape

        self.status.update(self.text.format(path=escape(self.path), n=n, total=total))

    def stop(self) -> None:
        if self.status is not None:
            self.status.stop()
            self.status = None

    def close(self) -> None:
        from ..readers import ocr

        self.stop()
        ocr.progress = None


def _expand(args: tuple[str, ...]) -> tuple[list[str], bool]:
    """The files to check: each argument, a folder as the report files under it; and whether
    they are several (a file plainly not a report is then skipped, not failed)."""
    out: list[str] = []
    folder = False
    for arg in args:
        if os.path.isdir(arg):
            from ..audit import walk        # only then: a hook's check of files never imports the audit

            folder = True
            out += walk([arg])
        else:
            out.append(arg)
    return out, folder or len(out) > 1
