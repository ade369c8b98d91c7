"""Documents that are not whole: a truncated download that stops inside a table or a sentence, a
page whose rest sits behind a link, one page of a flip-book that begins in the middle.

Such a document is reported once (READ-CUT), and nothing outside what it holds is reported missing:
not the sections after the cut, not the rows of the table it cuts open, not a date that would
stand in the lost part.  A document is cut only where it shows it:
- at its end, when its last block is a table (no whole report ends on one: section 五 and 六 come
  after the tables) or a paragraph that stops mid-sentence, with sections still to come, or a
  list that stops at its first item before 六 ("（一）…" and no "（二）": a page that stops at a
  clean sentence end, its list's other items lost);
- at its start, when it opens with table rows before any section heading and its first heading
  is not 一 (the page of a longer document).
A fragment that begins in the middle says nothing of what follows its last section either.
"""

from __future__ import annotations

import re

from ..model import Cut, Location, Note, Section, Table
from ..normalize import squash
from ..record import Tr
from ..template import SECTION_TABLE, TABLE_NAMES, TABLE_SECTION
from .blocks import Grid, Para

_ENDS = ("。", "！", "？", "；", "!", "?", ";", "…", "”", "）", ")", "》", "】")
_WORDS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")
# a list item's mark: （一） (一) 1. 1、 一是; the first of a list is 一 or 1
_ITEM = re.compile(r"^(?:[（(]([一二三四五六七八九十]{1,2}|\d{1,2})[)）]|(\d{1,2})[.、．](?!\d)|([一二三四五六七八九十])是)")
_DATE = re.compile(r"^[(（]?\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})")


class Trace:
    """What assembling saw that tells a cut: the last block with its section and table, and the
    tables the document opens with before any heading."""

    __slots__ = ("last", "last_section", "last_table", "lead_tables", "lead_prose", "open_list")

    def __init__(self) -> None:
        self.last: Para | Grid | None = None
        self.last_section = 0
        self.last_table = ""
        self.lead_tables: list[str] = []      # tables met before the first section heading
        self.lead_prose = False                # a sentence met before the first heading
        self.open_list = False                 # the last section's list has its first item only

    def saw(self, block: Para | Grid, section: Section, table: str = "") -> None:
        if isinstance(block, Para) and not _WORDS.search(block.text):
            return                              # a stray mark ("?", "|") is no end of anything
        if section.key != self.last_section:
            self.open_list = False
        if isinstance(block, Para):
            item = _ITEM.match(squash(block.text))
            if item:
                self.open_list = next(g for g in item.groups() if g) in ("一", "1")
        self.last, self.last_section, self.last_table = block, section.key, table
        if section.key == 0:
            if table:
                self.lead_tables.append(table)
            elif isinstance(block, Para) and len(block.text) >= 20 and "。" in block.text:
                self.lead_prose = True


def find(trace: Trace, sections: list[Section], tables: dict[str, Table], notes: list[Note]) -> Cut | None:
    keys = sorted(s.key for s in sections if s.key)
    start = keys[0] if keys and keys[0] > 1 and trace.lead_tables and not trace.lead_prose else 0
    end_at, end_loc, cut_table = _end(trace, tables, notes)
    last = keys[-1] if keys else 0
    end = max(last, TABLE_SECTION.get(cut_table, 0), 1) if end_at is not None else 0
    if start and not end and last < 6:
        end = last                      # a page from the middle: what follows is not in it
    if not start and not end:
        return None
    if end_at is not None and not cut_table:    # a paragraph cut in a section whose table it never reached
        tid = SECTION_TABLE.get(end, "")
        cut_table = tid if tid and (tid not in tables or not _whole(tables[tid])) else ""
    opened = tuple(dict.fromkeys((trace.lead_tables[:1] if start else []) + ([cut_table] if cut_table else [])))
    first = trace.lead_tables[0] if start else ""
    start_at = Tr(f"始于{TABLE_NAMES[first].zh}中间", f"starts inside {TABLE_NAMES[first].en}") if first else None
    return Cut(start, end, start_at, end_at, end_loc, opened)


def _end(trace: Trace, tables: dict[str, Table], notes: list[Note]) -> tuple[Tr | None, Location | None, str]:
    """Where the document stops in the middle (a Tr naming it), the place, and the table it cuts."""
    block = trace.last
    if block is None:
        return None, None, ""
    if isinstance(block, Grid):
        tid = trace.last_table
        table = tables.get(tid)
        last_row = block.rows[-1] if block.rows else []
        label = next((c.text.strip() for c in last_row if c.text.strip()), "")
        lines = {c.loc.line for c in last_row}       # (a row of one cell per line spans several)
        short = [n for n in notes if n.code in ("short-row", "extra-cells") and n.args.get("table_id") == tid
                 and n.loc is not None and n.loc.line in lines]
        if table is None or not table.present:
            return None, None, ""
        if _whole(table) and not short and (trace.last_section >= 6 or tid == "t1"):
            return None, None, ""       # a whole table in 六, or the old format's table appended at the end
        # (no whole report ends on a table of 二–四: what follows it is lost)
        for n in short:                 # the cut row is short because of the cut
            notes.remove(n)
        name = TABLE_NAMES[tid]
        return (Tr(f"止于{name.zh}「{label[:20]}」", f"stops inside {name.en} (\"{label[:20]}\")"),
                last_row[0].loc if last_row else block.loc, tid)
    text = squash(block.text)
    if trace.last_section >= 6 or not text or _DATE.match(text):
        return None, None, ""
    shown = block.text.strip()[-16:]
    if not text.endswith(_ENDS):
        return Tr(f"止于「…{shown}」", f"stops at \"…{shown}\""), block.loc, ""
    # (not in 六: a whole report may end on its one numbered matter, "1.本机关未收取信息处理费。")
    if trace.open_list and trace.last_section and _ITEM.match(text):
        return Tr(f"止于列表第一项「…{shown}」之后", f"stops after a list's first item (\"…{shown}\")"), block.loc, ""
    return None, None, ""


def _whole(table: Table) -> bool:
    """Whether a table's last template row was read (a cut table never reaches it)."""
    last = table.spec.rows[-1].id
    return any(c.state != "missing" for (r, _), c in table.cells.items() if r == last)
