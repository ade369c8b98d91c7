"""The issuing body: the kind of body a name is, and the body named in the text of a report
that shows no title line (web extraction often loses it, mirror sites drop it).

Where the text names the body, in the order trusted:
1. the sentence that publishes the report: 现公布/现将/特向社会公布/特编制 BODY 2023年政府信息公开…报告;
2. who drew it up: 由BODY编制, BODY编制了本报告, 结合BODY政府信息公开工作…编制;
3. the subject of a sentence that opens the preamble or the overview: 2023年，BODY坚持…,
   2023年，在区委的领导下，BODY紧紧围绕…, BODY高度重视…;
4. the contact sentence: 请与BODY办公室（地址…）联系 (the organ, not its office);
5. the site's byline: 来源：BODY.
The first three say whose report it is; the last two only who answers for it or posted it, so a
deadline resting on them is not certain (``Metadata.doubts``).  Where no name is found, the
kind of body may still show in how the text speaks of itself (我局, 我镇: ``kind_in_text``).
"""

from __future__ import annotations

import functools
import re
from types import SimpleNamespace

from ..issuers import SUBJECT_VERBS
from ..normalize import norm_text, squash
from ..record import Tr

PLACE_SUFFIXES = ("自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "盟", "旗")
_ZONE = re.compile(r"(?:开发区|高新区|经开区|产业园|园区|新区|管理区|实验区|示范区|保税区|自贸区|试验区|合作区|"
                   r"度假区|风景区|景区|新城|港区)(?:党工委)?(?:管委会|管理委员会)?$")
_TOWNSHIP = tuple(p + s for p in ("乡", "镇", "街道", "苏木") for s in ("", "人民政府", "办事处", "党政办公室", "政府"))
_DEPARTMENT = ("局", "委员会", "委", "办公室", "办", "中心", "厅", "署", "院", "所", "站", "队", "处", "部", "会", "馆")
# a department name that may be a public institution (事业单位) held to other rules
_LOOSE = ("中心", "院", "所", "站", "队", "处", "部", "会", "馆")


def issuer_kind(body: str) -> str:
    """government / department / township / zone / other, from the body's name ("" → unknown).

    A zone (开发区, 高新区, 产业园, 管理区, 综合实验区 …), named alone or as its 管委会, reports for
    its area as a government does, and is held to a government's date; a 管理区 is no people's
    government."""
    b = squash(body)
    if not b:
        return "unknown"
    if _ZONE.search(b):
        return "zone"
    if "管委会" in b or "管理委员会" in b:
        return "department" if b.endswith(_DEPARTMENT) and not b.endswith(("管委会", "管理委员会")) else "other"
    if b.endswith(_TOWNSHIP):
        return "township"
    if b.endswith("政府"):
        return "government"
    if b.endswith(_DEPARTMENT):
        return "department"
    if b.endswith(PLACE_SUFFIXES):
        return "government"     # "示例县": the area's report, made by its government
    return "other"


def kind_doubt(body: str) -> Tr | None:
    """Why a kind taken from this name is not certain (a 中心, a 所: maybe a public institution)."""
    b = squash(body)
    if issuer_kind(b) == "department" and b.endswith(_LOOSE) and not b.endswith("委员会"):
        return Tr(f"机关类型由名称「{body}」推断", f"the kind of body is guessed from its name \"{body}\"")
    return None


# an organ's name: a run of Chinese ending as organs' names end (not a pronoun like 我局, 本机关)
_ORG = (r"(?P<body>[\u4e00-\u9fff（）()]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|街道办事处|管理委员会|"
        r"管委会|委员会|办事处|分局|局|委|厅|办公室|办|中心|署|院|所|站|队|开发区|高新区|新区|园区|管理区|实验区|"
        r"街道|乡|镇))")
# the place alone, where the sentence names the report right after it (现发布《东宝区2024年…》)
_PLACE = r"(?P<body>[\u4e00-\u9fff]{2,20}?(?:自治区|自治州|自治县|省|市|县|区|旗|盟))"
_PRONOUN = re.compile(r"^(?:我|本|该|各|全|贵|此|其)")
_YEAR = r"(?:19|20)\d{2}\s*年度?"
_REPORT = r"(?:政府信息公开|信息公开|政务公开)"
_PUBLISH = r"(?:现公布|现发布|现公开|现向社会公布|特向社会公布|现将|特编制|现编制|编制了?|发布)《?"
QUOTED = re.compile(r"《[^《》]{0,80}》")


@functools.cache
def _patterns() -> SimpleNamespace:
    """The sentence patterns, compiled on first use: only a report without a title line needs
    them (compiling them costs more than reading a YAML report)."""
    strong = (      # (pattern, whether cited titles 《…》 are blanked first: they are no part of its frame)
        (re.compile(_PUBLISH + _ORG + _YEAR + _REPORT), False),
        (re.compile(_PUBLISH + _PLACE + _YEAR + _REPORT), False),
        (re.compile(r"由" + _ORG + r"(?:结合|根据|依据|按照|负责)?[^。；]{0,30}?编制"), True),
        (re.compile(_ORG + r"(?:编制了?|编制完成了?)(?:本|该)?(?:年度)?报告"), True),
        (re.compile(r"结合" + _ORG + "(?:" + _YEAR + ")?" + _REPORT + r"工作[^。；]{0,12}编制"), True),
        (re.compile(r"^" + _ORG + r"(?:依据|根据|按照|依照)[^。；]{0,60}?编制"), True),
    )
    return SimpleNamespace(
        strong=strong,
        subject=re.compile(r"(?:^|[。；;：:）)]|[,，](?=" + _YEAR + r"[,，]))\s*(?:" + _YEAR + r"\s*[,，]\s*)?"
                           r"(?:(?:截至|截止到?)[^，,。；]{4,20}?[,，]\s*)?(?:在[^，,。；]{2,30}?[下中][,，]\s*)?"
                           + _ORG + "(?=" + SUBJECT_VERBS + "|通过)"),
        # 请与BODY（地址…）联系, also with 联系 only inside the brackets, and 请联系：BODY，地址…
        contact=re.compile(r"(?:(?:请与|请联系[:：]?|可与|向)" + _ORG + r"(?:[（(][^（）()]{0,80}[）)])?(?:联系|咨询)"
                           r"|(?:请与|请联系[:：]?)" + _ORG.replace("<body>", "<body2>")
                           + r"(?:[（(][^（）()]{0,80}[）)])?(?=[。；;，,]|$))"),
        # the report's full name in the publishing sentence: the body, then the year, or the year first
        named=re.compile(_PUBLISH + r"(?P<name>(?:" + _YEAR + r")?[\u4e00-\u9fff（）()]{2,40}?(?:" + _YEAR + r")?"
                         + _REPORT + r"[^。；;《》]{0,12}?报告)"),
        name_body=re.compile(r"^(?:" + _YEAR + r")?(?P<body>.*?)(?:" + _YEAR + r")?" + _REPORT))


_OFFICE = re.compile(r"(?<=[局委厅府区])(?:党政办公室|党政综合办公室|办公室|综合科|综合处|综合股|政务公开办公室|信息公开办公室|政策法规科)$")


def named_in_text(head: list[str], early: list[str]) -> tuple[str, str] | None:
    """(body, how it was found: "text", "opening" or "contact") from the preamble's lines and
    the first paragraphs of the overview, or None."""
    rx = _patterns()
    lines = [norm_text(line) for line in head]
    blanked = [QUOTED.sub("《》", line) for line in lines]
    for pattern, blank in rx.strong:
        for line in blanked if blank else lines:
            if (m := pattern.search(line)) and (organ := _organ(m.group("body"))):
                return organ, "text"
    for line in (*head, *early):
        for m in rx.subject.finditer(squash(line)):
            if organ := _organ(m.group("body")):
                return organ, "opening"
    for line in lines:
        if (m := rx.contact.search(line)) and (organ := _organ(m.group("body") or m.group("body2"))):
            return _OFFICE.sub("", organ), "contact"
    return None


def report_named(head: list[str]) -> str:
    """The report's full name, body and year in it, as the preamble's publishing sentence gives it."""
    rx = _patterns()
    for line in head:
        m = rx.named.search(norm_text(line))
        if m is None or not re.search(r"(?:19|20)\d{2}", m.group("name")):
            continue
        named = rx.name_body.match(m.group("name"))
        body = named.group("body") if named else ""
        if body and not _PRONOUN.match(body) and issuer_kind(body) not in ("other", "unknown"):
            return m.group("name")
    return ""


def _organ(name: str) -> str:
    """The organ a matched name is, or "" when it is a pronoun or a generic word (本机关, 各部门)."""
    name = squash(name).strip("，,、的")
    for lead in ("根据", "依据", "按照", "结合", "关于"):
        if name.startswith(lead):
            name = name[len(lead):]
    if len(name) < 3 or _PRONOUN.match(name) or issuer_kind(name) == "other":
        return ""
    return name



# how a report speaks of its own body: 我局 is a department's, 我委 a department's or (beside its
# 管委会) a zone's, 我镇/本街道 a township's, 我县/我市/我区 alone a government's (a department
# says 我县 too, but also 我局)
_SELF_DEPARTMENT = re.compile(r"[我本](?:局|厅|委(?!员|托|屈))")
_SELF_TOWNSHIP = re.compile(r"[我本](?:镇|乡(?!村)|街道)")
_SELF_GOVERNMENT = re.compile(r"我(?:县|市|区|旗)(?![委级])")


def kind_in_text(text: str) -> str | None:
    """The kind of body a report that names none speaks as, when it speaks as one only."""
    department, township = _SELF_DEPARTMENT.search(text), _SELF_TOWNSHIP.search(text)
    if department and township:
        return None
    if department:
        zone = "委" in department.group(0) and ("管委会" in text or "管理委员会" in text)
        return "zone" if zone else "department"
    if township:
        return "township"
    return "government" if _SELF_GOVERNMENT.search(text) else None
