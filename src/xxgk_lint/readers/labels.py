"""What a table cell's text names — a row, a group of table 3, a column, a 第二十条 item — by
label, over both template versions; and labels put back together where a line or a page break
cut them ("（四）无" / "法提供").  Text readers use it to tell cells from prose."""

from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import label_key
from ..template import TABLES
from ..values import is_value_like, parse_cell
from .blocks import RawCell


@lru_cache(maxsize=None)
def _label_index(table: str, what: str) -> dict[str, str]:
    """Normalised label → row (or column) id, over both template versions."""
    return {label_key(alias): item.id
            for (tid, _), spec in TABLES.items() if tid == table
            for item in (spec.rows if what == "row" else spec.cols)
            for alias in (*item.aliases, item.zh)}


def row_index(table: str) -> dict[str, str]:
    return _label_index(table, "row")


@lru_cache(maxsize=8192)
def match(table: str, what: str, text: str) -> str | None:
    """The row (what="row") or column id a label names: an exact match of its key, else the
    longest alias of 4+ characters the label starts with ("部分公开（区分处理的…）")."""
    key = label_key(text)
    if not key:
        return None
    index = _label_index(table, what)
    hit = index.get(key)
    if hit is not None:
        return hit
    best, best_len = None, 0
    for alias, id_ in index.items():
        if len(alias) >= 4 and key.startswith(alias) and len(alias) > best_len:
            best, best_len = id_, len(alias)
    return best


@lru_cache(maxsize=4096)
def near_match(table: str, what: str, text: str, loose: bool = False) -> tuple[str, str] | None:
    """(id, the template's label) of the one label a text names with a character wrong, added
    or lost ("本年废纸件数" for 本年废止件数, "处理绝对数量" for 处理决定数量) — a recovery: the
    cells read under it are doubted and the typo is reported.  None when no label is that
    close, or two are.  ``loose``: the label was read by OCR, which misreads several characters
    of a long label ("上年结以市信息公开申请数"): a third of them may be wrong, when no other
    label comes within two more."""
    key = label_key(text)
    if len(key) < 4 or match(table, what, text) is not None:
        return None
    found: dict[int, set[str]] = {}            # distance -> ids that close
    for alias, id_ in _label_index(table, what).items():
        if len(alias) >= 4:
            most = 1 if len(alias) < 6 else 2
            d = _edits(key, alias, max(most, len(alias) // 3) + 2 if loose else most)
            if d is not None:
                found.setdefault(d, set()).add(id_)
    if not found or len(found[min(found)]) != 1:
        return None
    best = min(found)
    if loose and best > 2:
        alias_len = max(len(a) for a, i in _label_index(table, what).items() if i in found[best])
        if best > max(2, alias_len // 3) or any(d < best + 2 and ids - found[best] for d, ids in found.items()):
            return None
    id_ = next(iter(found[min(found)]))
    return id_, max((a for a, i in _label_index(table, what).items() if i == id_), key=len)


def _edits(a: str, b: str, most: int) -> int | None:
    """How many characters replaced, added or lost make a into b, if at most ``most``."""
    if abs(len(a) - len(b)) > most:
        return None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1] if prev[-1] <= most else None


@lru_cache(maxsize=8192)
def label_kind(text: str, table: str = "") -> str | None:
    """What a cell's text is in the tables (``table`` or any): "row" (a row label), "group" (a
    group label of table 3: 三、本年度办理结果, （三）不予公开), "col" (a column label or the
    header words 信息内容/申请人情况/行政复议…), "item" (第二十条第（一）项) — else None.  Text
    readers use it to tell a table's cells from prose where the layout does not say."""
    key = label_key(text)
    if not key:
        return None
    if key.startswith("第二十条") or re.fullmatch(r"第[(（]?[一二三四五六七八九十]+[)）]?项", key):
        return "item"
    tables = (table,) if table else ("t2", "t3", "t4")
    if "t3" in tables and (t3_group(text) is not None or t3_fused(text) is not None):
        return "group"
    for t in tables:
        if _label_index(t, "row").get(key) is not None or (len(key) >= 4 and match(t, "row", text)):
            return "row"
    if key in _HEADER_WORDS or any(_label_index(t, "col").get(key) for t in tables):
        return "col"
    return None


_HEADER_WORDS = {label_key(w) for w in ("信息内容", "申请人情况", "法人或其他组织", "行政复议", "行政诉讼",
                                        "未经复议直接起诉", "复议后起诉")}


_T3_GROUP_KEYS = {
    label_key("本年度办理结果"): "results", label_key("不予公开"): "withheld", label_key("无法提供"): "unavailable",
    label_key("不予处理"): "not_processed", label_key("其他处理"): "other_processing",
    label_key("申请人情况"): "", label_key("法人或其他组织"): "",
}


def t3_group(text: str) -> str | None:
    key = label_key(text)
    if key[1:] in _T3_GROUP_KEYS and len(key) > 4:
        # "三本年度办理结果": the "、" lost, or "E.本年度办理结果": the numeral misread too (OCR of
        # a label set one character a line); a group label is long enough to know without it
        key = key[1:]
    if key in _T3_GROUP_KEYS:
        return _T3_GROUP_KEYS[key]
    if key.startswith("本年度办理结果"):
        return "results"
    return None


# a group's numeral, when its label is cut short by a page break ("（四）无" + "法提供" overleaf)
_T3_GROUP_NUMERALS = {"三": "withheld", "四": "unavailable", "五": "not_processed", "六": "other_processing"}
_CUT_GROUP = re.compile(r"^\s*[(（]([三四五六])[)）][\u4e00-\u9fff]{0,4}\s*(?=\d+\s*[.、．,，])")


def t3_fused(text: str) -> tuple[str, str] | None:
    """A group label and its first sub-row's label in one cell ("（三）不予公开1.属于国家秘密",
    "三、本年度办理结果（一）予以公开", or the group label cut short by a page break: "（四）无
    1.本机关不掌握相关政府信息"): (group, the sub-row's label), else None."""
    key = label_key(text)
    for gkey, group in _T3_GROUP_KEYS.items():
        if group and len(key) > len(gkey) and key.startswith(gkey):
            cut = next(i for i in range(1, len(text) + 1) if label_key(text[:i]) == gkey)
            rest = text[cut:]
            if match("t3", "row", rest) is not None:
                return group, rest
    m = _CUT_GROUP.match(text)
    if m is not None:
        rest = text[m.end():]
        row = match("t3", "row", rest)
        spec_group = _group_of(row) if row else None
        if spec_group == _T3_GROUP_NUMERALS[m.group(1)]:
            return spec_group, rest
    return None


@lru_cache(maxsize=None)
def _group_of(row: str) -> str:
    return next((r.group for (tid, _), spec in TABLES.items() if tid == "t3" for r in spec.rows if r.id == row), "")


def merge_broken_rows(rows: list[list[RawCell]], table: str) -> list[list[RawCell]]:
    """Rows broken over a page break, as Word and LibreOffice let a row run on to the next page
    ("6.属于四类过程" with its values / "性信息" alone on the next page): a row holding label text
    only, where the row above holds values and a label that names no row, is the rest of that
    label — joined to it when the two together name a row."""
    out: list[list[RawCell]] = []
    for cells in rows:
        prev = out[-1] if out else None
        texts = [c.text.strip() for c in cells]
        if prev is None or len(prev) != len(cells) or any(is_value_like(t) and t for t in texts):
            out.append(cells)
            continue
        if any(texts) and any(parse_cell(c.text)[1] == "number" for c in prev):
            label_cols = [k for k, t in enumerate(texts) if t]
            if all(prev[k].text.strip() and not is_value_like(prev[k].text) for k in label_cols):
                last = label_cols[-1]
                before = prev[last].text.strip()
                if match(table, "row", before) is None and match(table, "row", before + texts[last]) is not None:
                    joined = RawCell(before + texts[last], prev[last].loc)
                    out[-1] = [joined if c is prev[last] else c for c in prev]
                    continue
        out.append(cells)
    return out


def join_split_labels(rows: list[list[RawCell]], table: str) -> list[list[RawCell]]:
    """A label cell cut in two by a page break ("（四" at the foot of a page, "）无法提供" at the
    top of the next, in the same column): the first part names nothing, the two together do.
    Both are replaced, wherever they stand, by one cell holding the whole label."""
    swap: dict[int, RawCell] = {}
    for upper, lower in zip(rows, rows[1:]):
        for a, b in zip(upper, lower):
            ta, tb = a.text.strip(), b.text.strip()
            if is_value_like(ta) and ta or is_value_like(tb) and tb:
                break           # labels lead a row: past its first value there are none
            if a is b or not ta or not tb or id(a) in swap:
                continue
            if label_kind(ta, table) is None and label_kind(ta + tb, table) in ("row", "group"):
                swap[id(a)] = swap[id(b)] = RawCell(ta + tb, a.loc)
    if not swap:
        return rows
    return [[swap.get(id(c), c) for c in cells] for cells in rows]
