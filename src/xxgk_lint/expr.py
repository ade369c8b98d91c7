"""A small, whitelisted expression language for rules — never Python ``eval``.

Grammar::

    comparison := sum (("==" | "!=" | "<=" | ">=" | "<" | ">") sum)?
    sum        := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | NAME | "sum" "(" NAME ("," NAME)* ")" | "(" sum ")"
    NAME       := identifier ("." identifier)*

A parsed expression is a tree of tuples; ``bind`` turns it into a closure over concrete
cells, given a resolver from names to lists of cell keys, so a rule is parsed once and
bound once per table layout.
"""

from __future__ import annotations

import re
from typing import Any, Callable

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_*][A-Za-z0-9_*]*)*)|(==|!=|<=|>=|[<>+\-*/(),]))")
COMPARATORS = ("==", "!=", "<=", ">=", "<", ">")
FUNCTIONS = ("sum",)


class ExprError(ValueError):
    """A malformed expression; ``pos`` is the 0-based character offset."""

    def __init__(self, message: str, pos: int = 0):
        super().__init__(message)
        self.pos = pos


def _tokenize(src: str) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    src = src.rstrip()
    while pos < len(src):
        m = _TOKEN.match(src, pos)
        if not m or m.end() == pos:
            raise ExprError(f"unexpected character {src[pos:].strip()[:1]!r}", pos)
        if m.group(1):
            out.append(("num", m.group(1), m.start(1)))
        elif m.group(2):
            out.append(("name", m.group(2), m.start(2)))
        else:
            out.append(("op", m.group(3), m.start(3)))
        pos = m.end()
    out.append(("end", "", len(src)))
    return out


class _Parser:
    def __init__(self, src: str):
        self.toks = _tokenize(src)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.i]

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        tok = self.toks[self.i]
        if value is not None and tok[1] != value:
            raise ExprError(f"expected {value!r}, found {tok[1] or 'end of expression'!r}", tok[2])
        self.i += 1
        return tok

    def comparison(self) -> tuple:
        left = self.sum()
        kind, val, _ = self.peek()
        if kind == "op" and val in COMPARATORS:
            self.take()
            return ("cmp", val, left, self.sum())
        return left

    def sum(self) -> tuple:
        node = self.term()
        while self.peek()[1] in ("+", "-") and self.peek()[0] == "op":
            op = self.take()[1]
            node = ("bin", op, node, self.term())
        return node

    def term(self) -> tuple:
        node = self.unary()
        while self.peek()[1] in ("*", "/") and self.peek()[0] == "op":
            op = self.take()[1]
            node = ("bin", op, node, self.unary())
        return node

    def unary(self) -> tuple:
        if self.peek() == ("op", "-", self.peek()[2]):
            self.take()
            return ("neg", self.unary())
        return self.atom()

    def atom(self) -> tuple:
        kind, val, pos = self.take()
        if kind == "num":
            return ("num", float(val) if "." in val else int(val))
        if kind == "name":
            if self.peek()[1] == "(" and self.peek()[0] == "op":
                if val not in FUNCTIONS:
                    raise ExprError(f"unknown function {val!r} (allowed: {', '.join(FUNCTIONS)})", pos)
                self.take("(")
                names = [self._name()]
                while self.peek()[1] == ",":
                    self.take()
                    names.append(self._name())
                self.take(")")
                return ("sum", tuple(names))
            return ("name", val)
        if val == "(":
            node = self.sum()
            self.take(")")
            return node
        raise ExprError(f"unexpected {val or 'end of expression'!r}", pos)

    def _name(self) -> str:
        kind, val, pos = self.take()
        if kind != "name":
            raise ExprError(f"expected a name, found {val!r}", pos)
        return val


def parse(src: str) -> tuple:
    """Parse an expression; raises ExprError with the offending position."""
    p = _Parser(src)
    node = p.comparison()
    kind, val, pos = p.peek()
    if kind != "end":
        raise ExprError(f"unexpected {val!r}", pos)
    return node


def names(node: tuple) -> list[str]:
    """Every name referenced by an expression, in order."""
    tag = node[0]
    if tag == "name":
        return [node[1]]
    if tag == "sum":
        return list(node[1])
    if tag == "neg":
        return names(node[1])
    if tag in ("bin", "cmp"):
        return names(node[2]) + names(node[3])
    return []


Resolver = Callable[[str], list[Any]]   # name -> list of cell keys (a sum for more than one)
Getter = Callable[[Any], Any]           # cell key -> number or None


def bind(node: tuple, resolve: Resolver) -> tuple[Callable[[Getter], Any], list[Any]]:
    """Compile ``node`` into ``fn(get) -> value`` plus the list of cell keys it reads.

    ``fn`` returns None when any cell it reads has no numeric value, so a rule over
    an unreadable cell says nothing (the cell's own rule reports it) instead of guessing.
    """
    keys: list[Any] = []

    def build(n: tuple) -> Callable[[Getter], Any]:
        tag = n[0]
        if tag == "num":
            v = n[1]
            return lambda get: v
        if tag in ("name", "sum"):
            ks: list[Any] = []
            for name in (n[1],) if tag == "name" else n[1]:
                ks.extend(resolve(name))
            keys.extend(ks)
            if len(ks) == 1:
                k = ks[0]
                return lambda get: get(k)

            def total(get: Getter, ks: tuple = tuple(ks)) -> Any:
                acc = 0
                for k in ks:
                    v = get(k)
                    if v is None:
                        return None
                    acc += v
                return acc
            return total
        if tag == "neg":
            f = build(n[1])
            return lambda get: None if (v := f(get)) is None else -v
        if tag == "bin":
            f, g, op = build(n[2]), build(n[3]), n[1]

            def binop(get: Getter) -> Any:
                a = f(get)
                if a is None:
                    return None
                b = g(get)
                if b is None:
                    return None
                if op == "+":
                    return a + b
                if op == "-":
                    return a - b
                if op == "*":
                    return a * b
                return None if b == 0 else a / b
            return binop
        raise ExprError(f"a comparison cannot be nested ({n[1]})")

    return build(node), keys


def render(node: tuple, resolve: Resolver, get: Getter, fmt: Callable[[Any], Any] = lambda v: v) -> str:
    """Show an expression with values in place of names ("64 + 0"); a sum shows its total."""
    tag = node[0]
    if tag == "num":
        return str(node[1])
    if tag in ("name", "sum"):
        keys = [k for n in ((node[1],) if tag == "name" else node[1]) for k in resolve(n)]
        values = [get(k) for k in keys]
        return "?" if None in values else str(fmt(sum(values)))
    if tag == "neg":
        return "-" + render(node[1], resolve, get, fmt)
    op = {"-": "−", "*": "×", "/": "÷"}.get(node[1], node[1])
    return f"{render(node[2], resolve, get, fmt)} {op} {render(node[3], resolve, get, fmt)}"


def compare(op: str, a: float, b: float, tolerance: float = 0) -> bool:
    if op == "==":
        return abs(a - b) <= tolerance
    if op == "!=":
        return abs(a - b) > tolerance
    return {"<": a < b, "<=": a <= b + tolerance, ">": a > b, ">=": a + tolerance >= b}[op]
