"""Command line: thin glue between the session, lint_file and the renderers, one module per
command family (check, audit, fetch, info); what they share is in common.py."""

from __future__ import annotations

import click

from .. import __version__
from .audit import audit
from .check import check
from .common import Group
from .fetch import fetch
from .info import explain, extract, history_cmd, rules_cmd

@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xxgk-lint")
def cli() -> None:
    """Check 政府信息公开工作年度报告 against the national template and the law."""


for command in (check, audit, fetch, extract, history_cmd, rules_cmd, explain):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="xxgk-lint")
