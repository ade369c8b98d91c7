"""Build the report model from a reader's blocks: sections, tables, metadata, template."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import InputError, Location, Note, Report, Section, Table
from ..normalize import label_key, squash
from ..sections_spec import CANONICAL_TITLE_KEYS, PRE2019_HEADINGS, SECTIONS, VARIANT_TITLE_KEYS
from ..template import SECTION_TABLE, TABLE_NAMES, TEMPLATE_PRE2019, TEMPLATE_UNKNOWN
from .. import template as templates
from . import cut as cut_mod
from . import meta as meta_mod
from .blocks import Document, Grid, Para
from .tables import BUILDERS, classify

# Site chrome that web extraction leaves in the text; it is no part of the report.
_CHROME = re.compile(r"^(?:扫一扫在手机(?:上)?打开当前页|【?(?:打印|关闭|收藏|字体|大|中|小|分享到?)[】：:]?(?:\s*【?"
                     r"(?:打印|关闭|收藏|大|中|小)】?)*|打印本页|关闭窗口|返回顶部|(?:上|下)一篇[:：].*|相关链接.*|"
                     r"分享到[:：]?.*)$")
_HEADING = re.compile(r"^([一二三四五六七八九十]{1,3})[、.,，]\s*(.{2,36}?)[。.:：]?$")
_NUMBER = re.compile(r"(?<![\d.年月日号])\b\d+(?:\.\d+)?\b(?![\d.年月日号%件条次个])")
_PRE2019_KEYS = {label_key(h) for h in PRE2019_HEADINGS}
# a document that says it is a report (its structure is then the findings, it is not refused)
_SAYS_REPORT = re.compile(r"(?:政府信息公开|政务公开|信息公开).{0,12}年度报告|统计(?:期限|时限)")


@lru_cache(maxsize=4096)
def classify_heading(text: str) -> tuple[int, str, str] | None:
    """(section key, numeral as written, form) for a section heading, else None.

    form: canonical (the 2021 wording), variant (a legal variant), garbled (the template's
    words with a character or two wrong), other (recognisable but reworded), pre2019 (a heading
    of the obsolete format, key 0)."""
    t = squash(text)
    if len(t) > 40:
        return None
    m = _HEADING.match(t)
    if not m:
        return None
    numeral, title = m.groups()
    k = label_key(title)
    if k in CANONICAL_TITLE_KEYS:
        return CANONICAL_TITLE_KEYS[k], numeral, "canonical"
    if k in VARIANT_TITLE_KEYS:
        return VARIANT_TITLE_KEYS[k], numeral, "variant"
    if k in _PRE2019_KEYS:
        return 0, numeral, "pre2019"
    garbled = _garbled(numeral, k)
    if garbled:
        return garbled, numeral, "garbled"
    for spec in SECTIONS:
        if any(all(ph in k for ph in phrases) for phrases in spec.keys) and len(k) <= 24:
            return spec.key, numeral, "other"
    return None


def _inline_heading_rx() -> re.Pattern[str]:
    titles = sorted({t for spec in SECTIONS for t in (spec.title, *spec.variants)}, key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[\s。；;]))([一二三四五六][、.．]\s*(?:" + "|".join(map(re.escape, titles)) + r"))(?=\s|$)")


_INLINE_HEADING = _inline_heading_rx()


def _split_inline_headings(blocks: list) -> list:
    """A page whose text is one long line with the headings inside it ("…。 一、总体情况 2023年，…
    二、主动公开政府信息情况 …"): each heading becomes a paragraph of its own, the text between them
    the paragraphs of their sections.  Only the template's own headings are split out."""
    out = []
    for b in blocks:
        if not isinstance(b, Para) or len(b.text) < 60 or "、" not in b.text:
            out.append(b)
            continue
        cuts = [m.span(1) for m in _INLINE_HEADING.finditer(b.text) if m.start(1) > 0 or m.end(1) < len(b.text)]
        if not cuts:
            out.append(b)
            continue
        pos = 0
        for start, end in cuts:
            for a, z in ((pos, start), (start, end)):
                piece = b.text[a:z]
                if piece.strip():
                    lead = len(piece) - len(piece.lstrip())
                    out.append(Para(piece.strip(), b.loc.span(a + lead, a + lead + len(piece.strip())), b.cont and a == 0))
            pos = end
        rest = b.text[pos:]
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            out.append(Para(rest.strip(), b.loc.span(pos + lead, pos + lead + len(rest.strip()))))
    return out


def _garbled(numeral: str, key: str) -> int:
    """The section a heading names with a character or two wrong ("行政法复议"): its numeral is
    the section's and its words all but the template's.  0 when it is not one."""
    from difflib import SequenceMatcher

    if len(key) < 6:
        return 0
    for spec in SECTIONS:
        if spec.numeral != numeral:
            continue
        for title in (spec.title, *spec.variants):
            want = label_key(title)
            if abs(len(want) - len(key)) <= 2 and SequenceMatcher(None, key, want).ratio() >= 0.88:
                return spec.key
    return 0


def _simplify(doc: Document) -> None:
    """Traditional characters read as simplified (same length, so locations hold)."""
    from .chinese import to_simplified

    done: set[int] = set()
    for block in doc.blocks:
        if isinstance(block, Para):
            block.text = to_simplified(block.text)
            continue
        for row in block.rows:
            for cell in row:
                if id(cell) not in done:      # merged cells are one object in many places
                    done.add(id(cell))
                    cell.text = to_simplified(cell.text)


def assemble(doc: Document) -> Report:
    from .chinese import looks_traditional, strip_pinyin

    for block in doc.blocks:        # Word and PDF mirrors (text and HTML lose it when decoded)
        if isinstance(block, Para):
            block.text = strip_pinyin(block.text)
    if looks_traditional("".join(b.text for b in doc.blocks if isinstance(b, Para))):
        _simplify(doc)
    doc.blocks = _split_inline_headings(doc.blocks)     # headings are known in simplified characters
    notes: list[Note] = []
    preamble = Section(0, "", "", "preamble", loc=Location(doc.path, 1, 1))
    sections: list[Section] = [preamble]
    current = preamble
    tables: dict[str, Table] = {}
    versions: dict[str, str] = {}
    paras: list[Para] = []
    preamble_count = 0
    opening: Para | None = None
    pre2019 = False
    seen_keys: set[int] = set()
    grids: dict[str, tuple[Section, Grid]] = {}    # table id -> (its section, its rows so far)
    trace = cut_mod.Trace()                         # what tells a document cut off
    dropped: list[tuple[int, Location, str]] = []   # text placed nowhere (READ-DROPPED)

    # each section's text is joined once at the end: += on a long report is quadratic
    texts: dict[int, list] = {}
    for block in doc.blocks:
        if isinstance(block, Para):
            if _CHROME.match(squash(block.text)):
                continue
            head = classify_heading(block.text)
            trace.saw(block, current if head is None else Section(head[0], "", "", ""))
            if head is not None:
                key, numeral, form = head
                if form == "pre2019":
                    pre2019 = True
                if key and key not in seen_keys:
                    seen_keys.add(key)
                    current = Section(key, block.text.strip(), numeral, form, loc=block.loc)
                    sections.append(current)
                    continue
                if key:
                    notes.append(Note("duplicate-section", block.loc, {"label": block.text.strip()}))
            if current is preamble:
                preamble_count += 1
            elif current.key == 1 and opening is None and block.text.strip():
                opening = block
            paras.append(block)
            # section, pieces, length, the open brackets of its last line, its last piece
            text = texts.setdefault(id(current), [current, [], 0, {}, ""])
            if text[2] and not (block.cont or _in_brackets(text[3], text[4], block.text)):
                text[1].append("\n")
                text[2] += 1
                text[3] = {}
            current.parts.append((text[2], block.loc))
            text[1].append(block.text)
            text[2] += len(block.text)
            for a, b in _PAIRS:
                text[3][a] = text[3].get(a, 0) + block.text.count(a) - block.text.count(b)
            text[4] = block.text
            continue
        # a grid
        current.has_table = True
        if block.image:
            trace.saw(block, current)
            tid = SECTION_TABLE.get(current.key)
            if tid and tid not in tables:   # a real table later in the section takes its place
                tables[tid] = Table(templates.current().tables[tid], {}, block.loc, form="image")
            continue
        kind = classify(block) or SECTION_TABLE.get(current.key)
        if kind == "pre2019":           # the old format's one statistics table
            pre2019, kind = True, "t1"
        trace.saw(block, current, kind if kind in BUILDERS else "")
        if kind is None and current is preamble:       # a CMS metadata block printed as a table
            fields = meta_mod.table_fields(block.rows)
            paras.extend(fields)
            preamble_count += len(fields)
            if not fields and _sentences(block):        # a layout table holding the report's own text
                dropped.append((current.key, block.loc, _grid_text(block)))
            continue
        if kind is None:                # no table of the template: its text lands nowhere
            if _grid_text(block):
                dropped.append((current.key, block.loc, _grid_text(block)))
            continue
        if kind in grids:
            if grids[kind][0] is current:     # one table split over several grids (page breaks)
                grids[kind][1].rows.extend(block.rows)
            else:
                notes.append(Note("duplicate-table", block.loc, {"table_id": kind, "label": TABLE_NAMES[kind].zh}))
            continue
        grids[kind] = (current, Grid(list(block.rows), block.loc))
    for sec, pieces, *_ in texts.values():
        sec.text = "".join(pieces)

    for kind, (_, grid) in grids.items():
        tables[kind], versions[kind] = BUILDERS[kind](grid, notes)
    for sec in sections:        # a section whose table text lost its rows and columns
        tid = SECTION_TABLE.get(sec.key)
        if tid and tid not in tables and len(_NUMBER.findall(sec.text)) >= 6:
            tables[tid] = Table(templates.current().tables[tid], {}, sec.loc, form="unreadable")
    if not seen_keys and not tables and not pre2019 and not any(_SAYS_REPORT.search(squash(p.text)) for p in paras[:60]):
        raise InputError("no report found: none of the six section headings (一、总体情况 …), none of "
                         "tables 2-4, and no sentence naming a 政府信息公开…年度报告 or its statistics period", doc.path)
    cut = cut_mod.find(trace, sections, tables, notes)
    meta = meta_mod.extract(paras, preamble_count, opening, doc.path)
    meta.template = _template(versions, pre2019)
    report = Report(doc.path, meta, sections, tables, notes, doc.lines, doc.reader)
    report.cut = cut
    report.dropped = dropped
    report._second_reading = doc._second_reading
    return report


def _grid_text(grid: Grid) -> str:
    """The Chinese text of a grid, each merged cell once ("" when it holds none worth a word)."""
    seen: set[int] = set()
    parts = []
    for row in grid.rows:
        for c in row:
            if id(c) not in seen and c.text.strip():
                seen.add(id(c))
                parts.append(c.text.strip())
    text = " ".join(parts)
    return text if sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 4 else ""


def _sentences(grid: Grid) -> bool:
    """A grid whose cells hold running text (a sentence's end, or a long run of words)."""
    text = _grid_text(grid)
    return "。" in text or any(len(c.text.strip()) >= 40 for row in grid.rows for c in row)


_END = ("。", "！", "？", "；", "!", "?", ";")
_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"))


def _in_brackets(open_in_line: dict[str, int], last: str, text: str) -> bool:
    """A paragraph broken inside a pair of brackets (a line break in 《…》 that a page or an
    extraction put there) goes on: the line above (``open_in_line``: opened less closed, by
    bracket; ``last``: its last piece) left one open, this one closes it."""
    return not last.endswith(_END) and any(open_in_line.get(a, 0) > 0 and text.count(b) > text.count(a)
                                           for a, b in _PAIRS)


def _template(versions: dict[str, str], pre2019: bool) -> str:
    """Detected from the tables (table 2's columns first, then table 3's shape).  A notice the
    text cites says nothing of the tables a report uses (reports cite the 2019 notice beside the
    2021 one for years), so it never decides: without tables the year implies the template."""
    for tid in ("t2", "t3"):
        v = versions.get(tid, TEMPLATE_UNKNOWN)
        if v != TEMPLATE_UNKNOWN:
            return v
    if pre2019:
        return TEMPLATE_PRE2019
    return TEMPLATE_UNKNOWN
