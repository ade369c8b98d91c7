"""What every command shares: exit codes, the one-line error, the rule options, the session
and the exit code a run ends with.

Exit codes mean one thing each: 0 no finding at or above --fail-on; 1 findings;
2 bad usage, bad config, unreadable input or bad rule file; 3 internal error.
"""

from __future__ import annotations

import os
import sys

import click

from ..issuers import SETTABLE_KINDS

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def fail(message: str) -> None:
    click.echo(f"xxgk-lint: error: {message}", err=True)


def open_session(config_path: str | None, isolated: bool, **options):
    """The run's Session; a bad config or rule pack is exit 2 with one line."""
    from ..model import InputError
    from ..session import Session

    try:
        session = Session.load(config_path, isolated, **options)
        session.engine          # noqa: B018 - rule packs are loaded (and checked) before any file
        return session
    except InputError as e:
        fail(str(e))
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


def finish(results, fail_on: str) -> None:
    """Exit codes: 3 if our code failed on a file, else 2 if a file could not be read, else 1 if a
    finding reaches --fail-on, else 0."""
    from ..findings import SEVERITY_RANK

    if any(r.error is not None and r.error.internal for r in results):
        sys.exit(EXIT_INTERNAL)
    if any(r.error is not None for r in results):
        sys.exit(EXIT_INPUT)
    threshold = SEVERITY_RANK.get(fail_on, 99)
    # by the counts: an audit's results may hold their findings only in its (closed) store
    reached = [sev for sev, rank in SEVERITY_RANK.items() if rank >= threshold]
    sys.exit(EXIT_FINDINGS if any(r.counts().get(sev) for r in results for sev in reached) else EXIT_OK)


class Group(click.Group):
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
            from ..model import InputError

            if isinstance(e, InputError):
                fail(str(e))
                sys.exit(EXIT_INPUT)
            if os.environ.get("XXGK_LINT_DEBUG") or "--debug" in sys.argv:
                raise
            fail(f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)")
            sys.exit(EXIT_INTERNAL)


def web_options(f):
    """How URLs are fetched (check, audit, fetch)."""
    for decorator in reversed((
        click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
                     help="Seconds to wait for each read from a web server; a whole request ends "
                          "after 3 times that (60 s by default)."),
        click.option("--per-host", type=click.IntRange(min=1), default=2, show_default=True,
                     help="Requests at once to one web host."),
        click.option("--delay", type=click.FloatRange(min=0), default=0.5, show_default=True,
                     help="Seconds between the starts of two requests to one web host."),
        click.option("--allow-private", is_flag=True,
                     help="Follow redirects, links and frames to private and local addresses too (an "
                          "intranet audit); by default only the URLs given may be local."),
    )):
        f = decorator(f)
    return f


def fetcher(timeout: float, per_host: int, delay: float, allow_private: bool = False, given: tuple | list = ()):
    """The run's Fetcher; ``given``: the URLs the user gave, whose origins may be local and whose
    user and password (if any) it keeps: the command goes on with ``shown(url)``."""
    from ..web.fetch import Fetcher

    web = Fetcher(timeout=timeout, per_host=per_host, delay=delay, allow_private=allow_private, strict=True)
    for url in given:
        web.allow(url)
        web.login(url)
    return web
