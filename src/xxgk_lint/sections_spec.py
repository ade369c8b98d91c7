"""The six sections of the template as data (their numerals, titles, legal variants and the
phrases that identify them), and the markers of the obsolete pre-2019 format.  Re-exported by
``template``, where everything about the template's shape is looked up."""

from __future__ import annotations

from .normalize import label_key
from .record import Record


class SectionSpec(Record):
    """title: the canonical 2021 title without the numeral; variants: legal variants (accepted,
    reported at low severity); keys: any of these sets of phrases identifies the section."""

    __slots__ = ("key", "numeral", "title", "en", "variants", "keys")

    def __init__(self, key: int, numeral: str, title: str, en: str, variants: tuple[str, ...],
                 keys: tuple[tuple[str, ...], ...]):
        self.key, self.numeral, self.title, self.en, self.variants, self.keys = key, numeral, title, en, variants, keys


SECTIONS = (
    SectionSpec(1, "一", "总体情况", "Overview", ("政府信息公开工作的基本情况", "政府信息公开工作基本情况"),
                (("总体情况",), ("基本情况",))),
    SectionSpec(2, "二", "主动公开政府信息情况", "Proactive disclosure",
                ("行政机关主动公开政府信息情况",), (("主动公开政府信息",), ("主动公开",))),
    SectionSpec(3, "三", "收到和处理政府信息公开申请情况", "Requests received and handled",
                ("行政机关收到和处理政府信息公开申请情况",), (("收到和处理",), ("处理政府信息公开申请",))),
    SectionSpec(4, "四", "政府信息公开行政复议、行政诉讼情况", "Reconsideration and litigation",
                ("因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                 "因政府信息公开工作被申请行政复议提起行政诉讼情况"),
                (("行政复议", "行政诉讼"), ("复议", "诉讼"))),
    SectionSpec(5, "五", "存在的主要问题及改进情况", "Problems and improvements",
                ("政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况", "存在的主要问题和改进情况"),
                (("问题", "改进"), ("问题", "计划"), ("问题", "措施"), ("问题", "打算"))),
    SectionSpec(6, "六", "其他需要报告的事项", "Other matters", (), (("其他需要报告",),)),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
CANONICAL_TITLE_KEYS = {label_key(s.title): s.key for s in SECTIONS}
VARIANT_TITLE_KEYS = {label_key(v): s.key for s in SECTIONS for v in s.variants}

# Markers of the obsolete pre-2019 format (old 条例, Art. 31/32).
PRE2019_HEADINGS = ("概述", "依申请公开政府信息情况", "政府信息公开的收费及减免情况", "咨询处理情况")
PRE2019_ROWS = ("同意公开答复数", "否决公开答复总数", "当面申请数")
