"""The kinds of body that issue a report, in one place: their ids, their names in both
languages and the date in the following year by which the report is due.

Art. 49 of the 条例: departments by 31 January, people's governments by 31 March of Y+1.
Townships are not named in the law, and local rules usually say 31 January.  A zone reporting
for its area is held to a government's date.  A body whose kind its name does not settle (a
管委会) or that is unknown gets the later date, so a report is never called late on a guess
(DATE-DEADLINE-UNSURE says what the earlier date would mean).  ``deadlines`` in the
configuration overrides the dates."""

from __future__ import annotations

from typing import NamedTuple

from .record import Tr


class IssuerKind(NamedTuple):
    id: str
    name: Tr          # as a message names it: "按{kind}的期限"
    deadline: str     # MM-DD of the year after the report's


KINDS = (
    IssuerKind("government", Tr("人民政府", "people's government"), "03-31"),
    IssuerKind("department", Tr("政府部门", "government department"), "01-31"),
    IssuerKind("township", Tr("乡镇（街道）", "township/street"), "01-31"),
    IssuerKind("zone", Tr("开发区、新区", "development zone/new area"), "03-31"),
    IssuerKind("other", Tr("其他机关", "other body"), "03-31"),
    IssuerKind("unknown", Tr("类型不明的机关", "body of unknown kind"), "03-31"),
)
BY_ID = {k.id: k for k in KINDS}
ISSUER_KINDS = tuple(k.id for k in KINDS)
SETTABLE_KINDS = ISSUER_KINDS[:-1]          # what --issuer-kind, the config and a mapping may say
DEFAULT_DEADLINES = {k.id: k.deadline for k in KINDS}


def kind_name(kind: str) -> Tr:
    """The name of a kind of body in both languages (an unknown id reads as unknown)."""
    return (BY_ID.get(kind) or BY_ID["unknown"]).name


# the verbs an overview's first sentence puts after its body ("2023年，示例县教育局坚持…"): the
# readers take the body from such a sentence, the prose rules compare it with the report's body
SUBJECT_VERBS = ("坚持|认真|高度重视|深入|全面|紧紧|紧扣|围绕|持续|以|在|按照|严格|始终|聚焦|立足|贯彻|不断|"
                 "积极|秉持|扎实|着力|进一步")
