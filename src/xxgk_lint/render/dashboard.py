"""The audit as one self-contained HTML page a supervisor can e-mail: no CDN, no network.

Overview figures; charts drawn as inline SVG (findings per rule, reports by status) and a
body × rule heatmap; a sortable, filterable table of reports; each report's findings with
their locations.  The data is embedded as JSON; a few lines of plain JavaScript sort and
filter.
"""

from __future__ import annotations

import html
import json
from typing import Any, TextIO

from . import FileResult, incomplete_note, where
from .batch import STATUSES, rule_counts, worst_first
from .words import status_label, words

COLORS = {"unreadable": "#8e44ad", "error": "#c0392b", "warning": "#d68910", "info": "#2e86c1", "clean": "#229954", "duplicate": "#7f8c8d"}


def _bars(items: list[tuple[str, int, str]], width: int = 520) -> str:
    """A horizontal bar chart as inline SVG: (label, value, colour)."""
    if not items:
        return ""
    top = max(v for _, v, _ in items) or 1
    row = 22
    parts = [f'<svg class="chart" width="{width}" height="{row * len(items) + 4}" role="img">']
    for i, (label, value, colour) in enumerate(items):
        w = max(int((width - 230) * value / top), 1)
        y = i * row + 2
        parts.append(f'<text x="0" y="{y + 15}">{html.escape(label)}</text>'
                     f'<rect x="200" y="{y + 3}" width="{w}" height="16" fill="{colour}"/>'
                     f'<text x="{206 + w}" y="{y + 15}">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


_DATA = "\x00rows\x00"      # where the rows go in the page, written one at a time


def page(results: list[FileResult], lang: str = "zh", note: str = "") -> tuple[str, str, Any]:
    """The page before its rows, after them, and the rows' JSON texts, one report at a time (the
    rows of 10^5 reports are never one list nor one string)."""
    t = words(lang)
    ordered = worst_first(results)
    states = [r.status for r in ordered]
    total = {k: sum(r.counts()[k] for r in results) for k in ("error", "warning", "info")}
    rules = rule_counts(results, lang)
    by_rule = _bars([(f"{r} {title}"[:26], n, "#5d6d7e") for r, title, n, _ in rules[:15]])
    by_status = _bars([(status_label(s, lang), states.count(s), COLORS[s])
                       for s in STATUSES if states.count(s)])
    # heatmap: bodies with findings × the most frequent rules
    top_rules = [r for r, *_ in rules[:12]]
    bodies: dict[str, dict[str, int]] = {}
    for r in results:
        for f in r.findings:
            if f.rule_id in top_rules:
                row = bodies.setdefault(r.identity.body or r.path, {})
                row[f.rule_id] = row.get(f.rule_id, 0) + 1
    peak = max((n for row in bodies.values() for n in row.values()), default=1)
    heat = ['<table class="heat"><tr><th></th>' + "".join(f"<th>{html.escape(r)}</th>" for r in top_rules) + "</tr>"]
    for body in sorted(bodies, key=lambda b: -sum(bodies[b].values()))[:40]:
        cells = []
        for r in top_rules:
            n = bodies[body].get(r, 0)
            alpha = 0.15 + 0.85 * n / peak if n else 0
            cells.append(f'<td style="background:rgba(192,57,43,{alpha:.2f})">{n or ""}</td>')
        heat.append(f"<tr><th>{html.escape(body)}</th>{''.join(cells)}</tr>")
    heat.append("</table>")

    def rows() -> Any:
        for r, state in zip(ordered, states):
            row = {"file": r.path, "body": r.identity.body, "year": r.identity.year, "template": r.template,
                   "status": state, "status_label": status_label(state, lang), **r.counts(),
                   "error_text": str(r.error) if r.error is not None else
                   t["same_as"].format(url=r.same_as) if r.same_as else None,
                   "findings": [{"rule": f.rule_id, "severity": f.severity, "message": f.message(lang),
                                 "where": where(f.loc, "", lang)} for f in r.findings]}
            # no "<" in the script block: a body named "<!--<script>" cannot end it or open a comment
            yield json.dumps(row, ensure_ascii=False, default=str).replace("<", "\\u003c")
    head, tail = _PAGE.format(
        lang=lang, title=html.escape(t["page_title"]), n=len(results),
        note=f'<p class="incomplete" role="alert">{html.escape(note)}</p>' if note else "", errors=total["error"], warnings=total["warning"],
        unreadable=states.count("unreadable"), t=t, by_rule=by_rule, by_status=by_status, heat="".join(heat),
        data=_DATA, words=json.dumps(t, ensure_ascii=False).replace("<", "\\u003c"),
        colors=json.dumps(COLORS)).split(_DATA)
    return head, tail, rows()


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    head, tail, rows = page(results, lang, incomplete_note(options, lang))
    out.write(head + "[")
    for k, row in enumerate(rows):
        out.write(("," if k else "") + row)
    out.write("]" + tail)


_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk-lint audit dashboard">
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }}
h1 {{ font-size: 22px; }} h2 {{ font-size: 17px; margin-top: 28px; }}
.cards {{ display: flex; gap: 16px; }}
.card {{ border: 1px solid #ddd; border-radius: 6px; padding: 10px 18px; min-width: 110px; }}
.card b {{ display: block; font-size: 26px; }}
.chart text {{ font-size: 12px; }}
table {{ border-collapse: collapse; }}
#reports th, #reports td, .heat th, .heat td {{ border: 1px solid #ddd; padding: 4px 8px; font-size: 13px; }}
#reports th {{ cursor: pointer; background: #f4f6f7; user-select: none; }}
.heat td {{ text-align: center; min-width: 28px; }}
.findings {{ display: none; }} .open + .findings {{ display: table-row; }}
.findings td {{ background: #fbfcfc; }}
.sev-error {{ color: #c0392b; }} .sev-warning {{ color: #d68910; }} .sev-info {{ color: #2e86c1; }}
.incomplete {{ background: #fdedec; border: 1px solid #c0392b; color: #922b21; padding: 8px 12px; font-weight: bold; }}
#filter {{ padding: 6px; width: 320px; margin: 8px 0; }}
</style></head><body>
<h1>{title}</h1>
{note}
<div class="cards">
 <div class="card"><b id="n-reports">{n}</b>{t[card_reports]}</div>
 <div class="card"><b>{errors}</b>{t[error]}</div>
 <div class="card"><b>{warnings}</b>{t[warning]}</div>
 <div class="card"><b>{unreadable}</b>{t[unreadable]}</div>
</div>
<h2>{t[by_status]}</h2>{by_status}
<h2>{t[by_rule]}</h2>{by_rule}
<h2>{t[heatmap]}</h2>{heat}
<h2>{t[table]}</h2>
<input id="filter" type="search" placeholder="{t[filter]}">
<table id="reports"><thead><tr>
 <th data-key="file">{t[file]}</th><th data-key="body">{t[body]}</th><th data-key="year">{t[year]}</th>
 <th data-key="template">{t[template]}</th><th data-key="error">{t[error]}</th>
 <th data-key="warning">{t[warning]}</th><th data-key="status">{t[status]}</th>
</tr></thead><tbody></tbody></table>
<p id="pager"><button id="prev" type="button">{t[prev]}</button> <span id="page-of"></span>
 <button id="next" type="button">{t[next]}</button></p>
<script id="data" type="application/json">{data}</script>
<script>
(function () {{
  var rows = JSON.parse(document.getElementById("data").textContent);
  var words = {words}, colors = {colors};
  var rank = {{unreadable: 0, error: 1, warning: 2, info: 3, clean: 4, duplicate: 5}};
  var body = document.querySelector("#reports tbody");
  var sortKey = "status", sortDir = 1, pageNo = 0, PAGE = 200, shown = [];
  function esc(s) {{ return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) {{
    return {{"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}}[c]; }}); }}
  // the table shows a page of rows: a dashboard of 10^5 reports opens without building 10^5 rows
  function draw() {{
    var q = document.getElementById("filter").value.trim().toLowerCase();
    shown = rows.filter(function (r) {{
      return !q || [r.file, r.body, r.status, r.status_label].join(" ").toLowerCase().indexOf(q) >= 0; }});
    shown.sort(function (a, b) {{
      var x = sortKey === "status" ? rank[a.status] : a[sortKey], y = sortKey === "status" ? rank[b.status] : b[sortKey];
      if (x == null) x = ""; if (y == null) y = "";
      return (x > y ? 1 : x < y ? -1 : 0) * sortDir; }});
    pageNo = 0;
    drawPage();
  }}
  function drawPage() {{
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    pageNo = Math.min(Math.max(pageNo, 0), pages - 1);
    body.innerHTML = shown.slice(pageNo * PAGE, (pageNo + 1) * PAGE).map(function (r) {{
      var list = r.findings.length ? r.findings.map(function (f) {{
        return '<div class="sev-' + f.severity + '">' + esc(f.rule) + " " + esc(f.message) +
               (f.where ? " (" + esc(f.where) + ")" : "") + "</div>"; }}).join("")
        : esc(r.error_text || words.none);
      return '<tr class="report"><td>' + esc(r.file) + "</td><td>" + esc(r.body) + "</td><td>" + esc(r.year) +
        "</td><td>" + esc(r.template) + "</td><td>" + r.error + "</td><td>" + r.warning +
        '</td><td style="color:' + colors[r.status] + '">' + esc(r.status_label) + "</td></tr>" +
        '<tr class="findings"><td colspan="7">' + list + "</td></tr>"; }}).join("");
    document.getElementById("n-reports").setAttribute("data-shown", shown.length);
    document.getElementById("page-of").textContent = words.page_of.replace("{{p}}", pageNo + 1)
      .replace("{{n}}", pages).replace("{{k}}", shown.length);
    document.getElementById("prev").disabled = pageNo === 0;
    document.getElementById("next").disabled = pageNo >= pages - 1;
  }}
  document.getElementById("prev").addEventListener("click", function () {{ pageNo--; drawPage(); }});
  document.getElementById("next").addEventListener("click", function () {{ pageNo++; drawPage(); }});
  document.querySelectorAll("#reports th").forEach(function (th) {{
    th.addEventListener("click", function () {{
      var key = th.getAttribute("data-key");
      sortDir = key === sortKey ? -sortDir : 1; sortKey = key; draw(); }}); }});
  document.getElementById("filter").addEventListener("input", draw);
  body.addEventListener("click", function (e) {{
    var tr = e.target.closest("tr.report"); if (tr) tr.classList.toggle("open"); }});
  draw();
}})();
</script></body></html>
"""
