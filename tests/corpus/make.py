"""Writes the corpus documents and their sidecars from the recipes in docs_*.py.

    python tests/corpus/make.py            # every document, and README.md's list of them
    python tests/corpus/make.py NAME…      # some
    python tests/corpus/make.py --readme   # only README.md's list
    python tests/corpus/make.py --sidecars [NAME…]   # the sidecars only (LibreOffice never
                                                    # writes the same PDF twice)

The documents are committed; this script only says how they were made.  A recipe is a list
of blocks in reading order — the same vocabulary for every format:

    ("chrome", text)            site navigation, breadcrumbs, footers
    ("head", {name: content})   HTML <meta> tags (HTML only)
    ("metatable", [(k, v)…])    the CMS metadata block as a table, two pairs a row
    ("title", text | [lines])   the title, on one line or several
    ("byline", text)            "来源：… 时间：…" under the title
    ("h", text)                 a heading
    text                        a paragraph
    ("table", tid, {options})   table 2, 3 or 4 from the recipe's figures
    ("lines", [texts])          literal lines (text formats)
    ("raw", text)               literal markup (HTML)
    ("sign", [lines])           the signature at the end
PDFs come from three producers: reportlab (a CID font, not embedded), LibreOffice exporting
the Word file (embedded TrueType subsets, as Word's own export gives), and a WPS-like writer
that places every character by itself and rules tables with thin filled rectangles.  The
LibreOffice ones need `soffice` and a CJK font (Debian: libreoffice-writer-nogui,
fonts-wqy-zenhei).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))      # tests.generators


class Doc:
    def __init__(self, name: str, fmt: str, stands_for: str, shapes: list[str], meta: dict[str, Any],
                 figures: dict[str, dict[str, list[Any]]], blocks: list[Any], findings: list[dict[str, Any]],
                 producer: str = "", encoding: str = "utf-8", shown: dict[str, list[str]] | None = None,
                 options: dict[str, Any] | None = None):
        self.name, self.fmt, self.stands_for, self.shapes = name, fmt, stands_for, shapes
        self.meta, self.figures, self.blocks, self.findings = meta, figures, blocks, findings
        self.producer = producer or {"txt": "pipe", "html": "html", "docx": "word", "pdf": "reportlab"}[fmt]
        self.encoding, self.shown, self.options = encoding, shown or {}, options or {}

    @property
    def template(self) -> str:
        return str(self.meta.get("template", "2021"))

    @property
    def file(self) -> str:
        return f"{self.name}.{self.fmt}"


def sidecar(doc: Doc) -> dict[str, Any]:
    from figures import plain

    tables = {}
    for tid, rows in doc.figures.items():
        keep = doc.shown.get(tid)
        tables[tid] = {r: [plain(x) for x in v] for r, v in rows.items() if keep is None or r in keep}
    meta = dict(doc.meta)
    return {"document": doc.file, "producer": doc.producer, "stands_for": doc.stands_for,
            "shapes": doc.shapes, "meta": meta, "tables": tables, "findings": doc.findings}


def _dump(data: dict[str, Any]) -> str:
    class Flow(yaml.SafeDumper):
        pass

    def short_list(dumper, value):
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value,
                                         flow_style=all(not isinstance(v, (dict, list)) for v in value))

    def finding(dumper, value):
        return dumper.represent_mapping("tag:yaml.org,2002:map", value,
                                        flow_style="rule" in value)
    Flow.add_representer(list, short_list)
    Flow.add_representer(dict, finding)
    return yaml.dump(data, Dumper=Flow, allow_unicode=True, sort_keys=False, width=120)


def write(doc: Doc, document: bool = True) -> None:
    from writers import render

    if document:
        (HERE / doc.file).write_bytes(render(doc))
    (HERE / f"{doc.name}.expect.yaml").write_text(
        "# Made by tests/corpus/make.py from its recipe; see tests/corpus/README.md.\n" + _dump(sidecar(doc)),
        encoding="utf-8")


def recipes() -> list[Doc]:
    import docs_heldout
    import docs_office
    import docs_shapes
    import docs_text
    import docs_web

    out = [*docs_text.DOCS, *docs_web.DOCS, *docs_office.DOCS, *docs_shapes.DOCS, *docs_heldout.DOCS]
    names = [d.name for d in out]
    assert len(names) == len(set(names)), "duplicate document names"
    return out


README_MARK = "<!-- documents: written by make.py from the recipes -->"


def readme_table(docs: list[Doc]) -> str:
    lines = [README_MARK, "", "| document | producer | stands for | shapes | findings |", "|---|---|---|---|---|"]
    for d in sorted(docs, key=lambda d: d.name):
        found = ", ".join(f"{f['rule']} ({f['at']})" for f in d.findings) or "none"
        lines.append(f"| `{d.file}` | {d.producer} | {d.stands_for.replace('|', '/')} | {', '.join(d.shapes)} | "
                     f"{found} |")
    return "\n".join(lines) + "\n"


def write_readme(docs: list[Doc]) -> None:
    path = HERE / "README.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index(README_MARK)] + readme_table(docs), encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    docs = recipes()
    wanted = set(args) - {"--readme", "--sidecars"}
    if "--readme" not in args:
        for d in docs:
            if not wanted or d.name in wanted:
                write(d, document="--sidecars" not in args)
                print("wrote", d.name)
    write_readme(docs)
