"""Command line: thin glue between the session, lint_file and the renderers, one module per
command family (check, audit, fetch, info); what they share is in common.py.  A command's
module is imported only when that command runs (or help lists it): a pre-commit hook's
`check` never pays for `audit`'s imports."""

from __future__ import annotations

import click

from .. import __version__
from .common import Group

# command name -> (module, function): imported on first use
COMMANDS = {"check": ("check", "check"), "audit": ("audit", "audit"), "fetch": ("fetch", "fetch"),
            "extract": ("info", "extract"), "history": ("info", "history_cmd"), "rules": ("info", "rules_cmd"),
            "explain": ("info", "explain")}


class LazyGroup(Group):
    """click's lazily loading group, as its documentation shows it."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return super().get_command(ctx, name)
        from importlib import import_module

        module, attr = COMMANDS[name]
        return getattr(import_module(f".{module}", __name__), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xxgk-lint")
def cli() -> None:
    """Check 政府信息公开工作年度报告 against the national template and the law."""


def main() -> None:
    cli(prog_name="xxgk-lint")
