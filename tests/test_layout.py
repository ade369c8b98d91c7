"""The house a newcomer sees: small modules, and no import cycle among them (imports inside
functions count: a lazy import is still a dependency)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).parent.parent / "src" / "xxgk_lint"
MAX_LINES = 400


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST):
    """Every import statement, but those under ``if TYPE_CHECKING:`` (annotations only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _imports(node)


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [f"{target}.{a.name}" for a in node.names]
                found = [n for n in names if n in modules] or ([target] if target in modules else [])
                graph[name].update(t for t in found if t != name)
            elif isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name in modules and a.name != name)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, or [] (a package importing its own submodules' names is not one: a
    submodule importing its package's __init__ is the only direction that counts)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str]:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if m.startswith(n + "."):          # a submodule reaching its own package: runs first anyway
                continue
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return []

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return []


def test_no_import_cycle():
    assert _cycle(_graph()) == []


def test_the_checker_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"p": {"p.x"}, "p.x": {"p"}}) == []


def test_no_module_over_400_lines():
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_bilingual_texts_have_one_shape():
    """Renderer texts are Tr values in render/words.py, not {"zh": {...}, "en": {...}} tables
    spread over modules (which drift: one language gains a key the other lacks)."""
    per_language = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                    if re.search(r"""["']zh["']\s*:\s*\{""", p.read_text(encoding="utf-8"))}
    assert per_language == set()


def test_renderer_words_agree_in_both_languages():
    from string import Formatter

    from xxgk_lint.render.words import WORDS, status_label

    fields = lambda s: sorted(f for _, f, _, _ in Formatter().parse(s) if f)  # noqa: E731
    for key, tr in WORDS.items():
        assert tr.zh and tr.en, key
        assert fields(tr.zh) == fields(tr.en), key
    assert status_label("error", "zh") == "有错误" and status_label("unreadable", "en") == "unreadable"


def test_no_module_imports_another_modules_private_names():
    private = []
    for p in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                private += [f"{p.relative_to(SRC)}: {a.name}" for a in node.names
                            if a.name.startswith("_") and not a.name.startswith("__")]
    assert private == []
