"""Figures of the corpus documents: tables 2-4 as {row id: [values in template column order]},
the form the sidecars keep.  Helpers fill in what follows by arithmetic (row totals, result
total, carried forward), so a document is wrong only where its recipe plants an error."""

from __future__ import annotations

from typing import Any

from xxgk_lint.template import table_spec

T3_SHORT = {"new": "new_received", "prev": "carried_over_prev", "fwd": "carried_forward", "total": "result_total"}


def t2(reg=(0, 0, 0), norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0) -> dict[str, list[Any]]:
    return {"regulations": list(reg), "normative_docs": list(norm), "licensing": [lic], "penalty": [pen],
            "coercion": [coe], "admin_fees": [fee]}


def t2_2019(reg=(0, 0, 0), norm=(0, 0, 0), lic=(0, 0, 0), other=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0),
            fee=(0, 0), proc=(0, 0)) -> dict[str, list[Any]]:
    return {"regulations": list(reg), "normative_docs": list(norm), "licensing": list(lic),
            "other_services": list(other), "penalty": list(pen), "coercion": list(coe), "admin_fees": list(fee),
            "procurement": list(proc)}


def t3(template: str = "2021", **rows: Any) -> dict[str, list[Any]]:
    """Rows as six values (natural persons, then the five organisations), or a single int for a
    natural-persons-only row; totals, the result total and the carry-forward are computed."""
    spec = table_spec("t3", template)
    given = {T3_SHORT.get(k, k): (list(v) + [0] * (6 - len(v)) if not isinstance(v, int) else [v, 0, 0, 0, 0, 0])
             for k, v in rows.items()}
    out: dict[str, list[Any]] = {}
    results = [r.id for r in spec.rows if r.id not in ("new_received", "carried_over_prev", "result_total",
                                                         "carried_forward")]
    for r in spec.rows:
        if r.id in ("result_total", "carried_forward"):
            continue
        v = given.get(r.id, [0] * 6)
        out[r.id] = [*v, sum(v)]
    total = [sum(out[r][c] for r in results) for c in range(7)]
    out["result_total"] = total
    fwd = given.get("carried_forward")
    if fwd is None:
        fwd = [out["new_received"][c] + out["carried_over_prev"][c] - total[c] for c in range(6)]
        if min(fwd) < 0:
            raise ValueError(f"more handled than received: {fwd}")
    out["carried_forward"] = [*fwd, sum(fwd)]
    return {r.id: out[r.id] for r in spec.rows}


def t4(recon=(0, 0, 0, 0), direct=(0, 0, 0, 0), after=(0, 0, 0, 0)) -> dict[str, list[Any]]:
    return {g: [*v, sum(v)] for g, v in (("reconsideration", recon), ("litigation_direct", direct),
                                          ("litigation_after", after))}


class As:
    """A value printed its own way: "+173" for 173, "184719元" for 184719."""

    def __init__(self, value: Any, text: str):
        self.value, self.text = value, text


def plain(v: Any) -> Any:
    """What a correct reader extracts from a printed value."""
    return v.value if isinstance(v, As) else v


def fmt(v: Any) -> str:
    if isinstance(v, As):
        return v.text
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}" if abs(v) < 1e15 else str(v)
    return str(v)
