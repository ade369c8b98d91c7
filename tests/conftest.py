from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No test may fail because the machine is slow: hypothesis's per-example deadline is off everywhere.
settings.register_profile("xxgk", deadline=None)
settings.load_profile("xxgk")

from xxgk_lint.engine import Engine
from xxgk_lint.rules import load_rules

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "leiyang-2023.txt"    # a real published report, as web extraction gives it


def _loopback_only() -> None:
    """No test sends traffic outside 127.0.0.0/8 (and ::1): a connection anywhere else fails the
    test that tried it, instead of reaching a private or public address."""
    import ipaddress
    import socket

    connect = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            try:
                ip = ipaddress.ip_address(host)
            except ValueError:
                raise AssertionError(f"a test connected to a name, not 127.0.0.0/8: {host}") from None
            if not ip.is_loopback:
                raise AssertionError(f"a test connected outside 127.0.0.0/8: {host}")
        return connect(self, address)

    socket.socket.connect = guarded


_loopback_only()


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def engine(rules):
    return Engine(rules)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # tests must not depend on (or write to) the user's cache
    monkeypatch.setenv("XXGK_LINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("XXGK_LINT_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))     # history stores
