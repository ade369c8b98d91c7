from __future__ import annotations

import pytest

from xxgk_lint import expr


def evaluate(src: str, values: dict[str, float]):
    node = expr.parse(src)
    if node[0] == "cmp":
        lf, _ = expr.bind(node[2], lambda n: [n])
        rf, _ = expr.bind(node[3], lambda n: [n])
        a, b = lf(values.get), rf(values.get)
        return expr.compare(node[1], a, b)
    fn, _ = expr.bind(node, lambda n: [n])
    return fn(values.get)


@pytest.mark.parametrize("src,value", [
    ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("10 / 4", 2.5), ("-a + b", 1), ("a - b - c", -4),
    ("sum(a, b, c)", 6), ("2 * sum(a, b)", 6), ("a / 0", None),
])
def test_arithmetic(src, value):
    assert evaluate(src, {"a": 1, "b": 2, "c": 3}) == value


@pytest.mark.parametrize("src,value", [("a + b == c", True), ("a != b", True), ("a >= b", False),
                                       ("c <= 3", True), ("a < b", True), ("c > 4", False)])
def test_comparisons(src, value):
    assert evaluate(src, {"a": 1, "b": 2, "c": 3}) is value


def test_unknown_value_gives_none_not_zero():
    assert evaluate("a + missing", {"a": 1}) is None


def test_tolerance():
    assert expr.compare("==", 1.0, 1.004, tolerance=0.01)
    assert not expr.compare("==", 1.0, 1.02, tolerance=0.01)


@pytest.mark.parametrize("src,pos", [
    ("__import__('os')", 11), ("a ** b", 3), ("open(x)", 4), ("a +", 3), ("a == b == c", 7),
    ("lambda: 1", 6), ("a; b", 1), ("sum(1)", 4), ("a[0]", 1),
])
def test_rejects_anything_outside_the_grammar(src, pos):
    with pytest.raises(expr.ExprError):
        expr.parse(src)


def test_names_and_render():
    node = expr.parse("total == a + sum(b, c)")
    assert expr.names(node) == ["total", "a", "b", "c"]
    values = {"a": 1, "b": 2, "c": 3}
    assert expr.render(node[3], lambda n: [n], values.get) == "1 + 5"
