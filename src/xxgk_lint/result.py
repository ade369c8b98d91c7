"""What checking one file gives: ``FileResult`` — the report, its findings (with their message
arguments, worded only when output is written), or the error that stopped it; its identity
and how long each step took.

``to_plain``/``from_plain`` carry a result between processes (audit workers) and into the
history store as JSON-able data in no language, so one cached audit serves every ``--lang``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .findings import Finding, Place
from .record import Tr
from .identify import Identity
from .model import InputError, InternalError, Report

if TYPE_CHECKING:
    from .rules import Rule


class FileResult:
    """``report`` is the full report after ``check`` and a snapshot (see snapshot.py) after an
    audit; ``cached`` marks a result read back from the history store, whose snapshot is read
    only if something asks for it (a cached audit mostly needs the findings); ``basis`` records,
    per cross-report need, what the findings of that need were computed from; ``same_as`` names
    the URL whose identical content was checked in its place (a column listing one report under
    many URLs has it read once).  A result an audit has stored may let go of its findings too
    (``release``): it keeps their counts, and reads them back from the store each time they are
    asked for — an audit of 10^5 reports does not hold 10^5 lists of findings."""

    __slots__ = ("path", "_report", "_stored", "_template", "_findings", "_counts", "_load", "error", "identity",
                 "timings", "cached", "basis", "source", "same_as")

    def __init__(self, path: str, report: Report | None = None, findings: list[Finding] | None = None,
                 error: InputError | None = None, identity: Identity | None = None,
                 timings: dict[str, float] | None = None, source: Any = None):
        self.path, self._report, self.error = path, report, error
        self._findings: list[Finding] | None = findings or []
        self._counts: dict[str, int] | None = None
        self._load: Any = None
        self._stored: str | None = None        # a snapshot as JSON, not read yet
        self._template = ""
        self.identity = identity if identity is not None else Identity()
        self.timings = timings or {}
        self.cached = False
        self.basis: dict[str, str | None] = {}
        self.source = source        # a web.Source when the report was fetched from a URL
        self.same_as: str | None = None

    @property
    def report(self) -> Report | None:
        if self._report is None and self._stored is not None:
            import json

            from .snapshot import from_plain

            self._report, self._stored = from_plain(json.loads(self._stored)), None
        return self._report

    @report.setter
    def report(self, report: Report | None) -> None:
        self._report, self._stored = report, None

    @property
    def template(self) -> str:
        """The template the report was checked against ("" for an unreadable file)."""
        return self._report.meta.template if self._report is not None else self._template

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            return self._load() if self._load is not None else []
        return self._findings

    @findings.setter
    def findings(self, findings: list[Finding]) -> None:
        self._findings, self._counts, self._load = findings, None, None

    def release(self, load: Any = None) -> None:
        """Let go of the report (an audit's store keeps it): what the outputs need stays; with
        ``load`` (the findings read back from the store), of the findings too."""
        self._template = self.template
        self._report = self._stored = None
        if load is not None and self._findings:
            self._counts = self.counts()
            self._findings, self._load = None, load

    def snapshot_json(self) -> str | None:
        """The report's snapshot as JSON (what the history store keeps)."""
        if self._stored is not None or self._report is None:
            return self._stored
        import json

        from .snapshot import to_plain

        return json.dumps(to_plain(self._report), ensure_ascii=False)

    @property
    def status(self) -> str:
        """unreadable, error, warning, info or clean: the worst a supervisor has to look at; or
        duplicate (the content of another URL, counted there)."""
        if self.error is not None:
            return "unreadable"
        if self.same_as is not None:
            return "duplicate"
        c = self.counts()
        return next((s for s in ("error", "warning", "info") if c[s]), "clean")

    def counts(self) -> dict[str, int]:
        if self._counts is not None:
            return dict(self._counts)
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity] += 1
        return c

    # ----------------------------------------------------------------- plain data
    def to_plain(self, with_report: bool = True) -> dict[str, Any]:
        """``with_report=False``: without the snapshot (the history store keeps it apart)."""
        from .snapshot import loc_plain, to_plain

        e = self.error
        i = self.identity
        report = self.report if with_report else None
        return {
            "path": self.path,
            "identity": [i.body, i.year, i.kind, i.source],
            "template": self.template,
            "error": None if e is None else {"message": e.message, "line": e.line, "col": e.col,
                                             "internal": e.internal, "trace": getattr(e, "trace", "")},
            "report": None if report is None else to_plain(report),
            "findings": [{"rule": f.rule_id, "severity": f.severity, "path": f.path, "loc": loc_plain(f.loc),
                          "place": f.place.as_dict(), "args": {k: _arg_plain(v) for k, v in f.args.items()},
                          "related": [loc_plain(r) for r in f.related]} for f in self.findings],
            "timings": self.timings,
            "basis": self.basis,
            "source": self.source.to_plain() if self.source is not None else None,
        }

    @classmethod
    def from_plain(cls, d: dict[str, Any], rules: dict[str, Rule], stored: str | None = None) -> "FileResult":
        """Back from plain data (and the snapshot as JSON, read when needed); findings of rules
        this run does not have are left out."""
        from .snapshot import from_plain, loc_from

        e = d["error"]
        error = None
        if e is not None:
            error = InternalError(e["message"], d["path"], e["trace"]) if e["internal"] else \
                InputError(e["message"], d["path"], e["line"], e["col"])
        findings = [Finding(rules[f["rule"]], f["severity"], f["path"], loc_from(f["loc"]), Place(**f["place"]),
                            {k: _arg_from(v) for k, v in f["args"].items()},
                            tuple(loc_from(r) for r in f["related"]))
                    for f in d["findings"] if f["rule"] in rules]
        result = cls(d["path"], from_plain(d["report"]) if d["report"] else None, findings, error,
                     Identity(*d["identity"]), d["timings"])
        result.basis = d["basis"]
        if d.get("source"):
            from .web import Source

            result.source = Source.from_plain(d["source"])
        result._template = d["template"]
        if result._report is None:
            result._stored = stored
        return result


def _arg_plain(v: Any) -> Any:
    if isinstance(v, Tr):
        return {"tr": [v.zh, v.en]}
    return v if v is None or isinstance(v, (str, int, float, bool)) else str(v)


def _arg_from(v: Any) -> Any:
    return Tr(*v["tr"]) if isinstance(v, dict) else v
