"""The national templates as data: tables 2, 3 and 4 with stable row/column ids (the sections: ``sections_spec``).

Everything that names a row or a column (readers, rules, renderers) takes it from here, so
an id is defined once.  Labels are matched after ``normalize.label_key`` (NFKC, no spaces,
unified brackets).  See ../shared/spec/report-format.md for the source of every label.
"""

from __future__ import annotations

from .record import Record, Tr

TEMPLATE_2021 = "2021"
TEMPLATE_2019 = "2019"
TEMPLATE_PRE2019 = "pre2019"
TEMPLATE_UNKNOWN = "unknown"


class Col(Record):
    __slots__ = ("id", "zh", "en", "aliases")

    def __init__(self, id: str, zh: str, en: str, aliases: tuple[str, ...] = ()):
        self.id, self.zh, self.en, self.aliases = id, zh, en, aliases


class Row(Record):
    """zh: the label as printed; short: a short Chinese label for messages; aliases: key
    phrases that identify the row; cols: table 2 only, the row's columns; group: the row's
    group (table 3 results)."""

    __slots__ = ("id", "zh", "short", "en", "aliases", "cols", "group")

    def __init__(self, id: str, zh: str, short: str, en: str, aliases: tuple[str, ...] = (),
                 cols: tuple[str, ...] = (), group: str = ""):
        self.id, self.zh, self.short, self.en = id, zh, short, en
        self.aliases, self.cols, self.group = aliases, cols, group


class TableSpec(Record):
    """One table of one template version: its rows, columns and row groups.  Specs are
    singletons (``TABLES``), compared and hashed by identity."""

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    __slots__ = ("id", "version", "zh", "en", "rows", "cols", "groups", "row_by_id", "col_by_id", "_row_cols",
                 "_cell_ids")

    def __init__(self, id: str, version: str, zh: str, en: str, rows: tuple[Row, ...], cols: tuple[Col, ...],
                 groups: dict[str, tuple[str, ...]]):
        self.id, self.version, self.zh, self.en, self.rows, self.cols, self.groups = \
            id, version, zh, en, rows, cols, groups
        self.row_by_id = {r.id: r for r in rows}
        self.col_by_id = {c.id: c for c in cols}
        all_cols = tuple(c.id for c in cols)
        self._row_cols = {r.id: r.cols or all_cols for r in rows}
        self._cell_ids = tuple((r.id, c) for r in rows for c in self._row_cols[r.id])

    def row_cols(self, row: Row) -> tuple[str, ...]:
        """The columns a row has (table 2 rows differ; tables 3 and 4 are full grids)."""
        return self._row_cols[row.id]

    def cell_ids(self) -> tuple[tuple[str, str], ...]:
        return self._cell_ids


# --------------------------------------------------------------------------- table 2
_T2_ROWS_2021 = (
    Row("regulations", "规章", "规章", "rules (规章)", ("规章",), ("issued", "repealed", "in_force")),
    Row("normative_docs", "行政规范性文件", "行政规范性文件", "normative documents",
        ("行政规范性文件", "规范性文件"), ("issued", "repealed", "in_force")),
    Row("licensing", "行政许可", "行政许可", "administrative licensing", ("行政许可",), ("decisions",)),
    Row("penalty", "行政处罚", "行政处罚", "administrative penalty", ("行政处罚",), ("decisions",)),
    Row("coercion", "行政强制", "行政强制", "administrative coercion", ("行政强制",), ("decisions",)),
    Row("admin_fees", "行政事业性收费", "行政事业性收费", "administrative fees", ("行政事业性收费",), ("amount",)),
)
_T2_COLS_2021 = (
    Col("issued", "本年制发件数", "issued this year", ("本年制发件数", "本年制发")),
    Col("repealed", "本年废止件数", "repealed this year", ("本年废止件数", "本年废止")),
    Col("in_force", "现行有效件数", "in force", ("现行有效件数", "现行有效")),
    Col("decisions", "本年处理决定数量", "decisions this year", ("本年处理决定数量", "处理决定数量")),
    Col("amount", "本年收费金额（单位：万元）", "fees collected (10k yuan)", ("本年收费金额",)),
)
_T2_ROWS_2019 = (
    Row("regulations", "规章", "规章", "rules (规章)", ("规章",), ("made", "published", "total_published")),
    Row("normative_docs", "规范性文件", "规范性文件", "normative documents",
        ("规范性文件", "行政规范性文件"), ("made", "published", "total_published")),
    Row("licensing", "行政许可", "行政许可", "administrative licensing", ("行政许可",),
        ("prev_items", "change", "decisions")),
    Row("other_services", "其他对外管理服务事项", "其他对外管理服务事项", "other external services",
        ("其他对外管理服务事项",), ("prev_items", "change", "decisions")),
    Row("penalty", "行政处罚", "行政处罚", "administrative penalty", ("行政处罚",),
        ("prev_items", "change", "decisions")),
    Row("coercion", "行政强制", "行政强制", "administrative coercion", ("行政强制",),
        ("prev_items", "change", "decisions")),
    Row("admin_fees", "行政事业性收费", "行政事业性收费", "administrative fees", ("行政事业性收费",),
        ("prev_items", "change")),
    Row("procurement", "政府集中采购", "政府集中采购", "centralised procurement", ("政府集中采购",),
        ("procurement_items", "procurement_amount")),
)
_T2_COLS_2019 = (
    Col("made", "本年新制作数量", "made this year", ("本年新制作数量", "本年新制作")),
    Col("published", "本年新公开数量", "published this year", ("本年新公开数量", "本年新公开")),
    Col("total_published", "对外公开总数量", "total published", ("对外公开总数量",)),
    Col("prev_items", "上一年项目数量", "items last year", ("上一年项目数量",)),
    Col("change", "本年增/减", "change this year", ("本年增/减", "本年增减", "本年增")),
    Col("decisions", "处理决定数量", "decisions", ("处理决定数量", "本年处理决定数量")),
    Col("procurement_items", "采购项目数量", "procurement items", ("采购项目数量",)),
    Col("procurement_amount", "采购总金额", "procurement amount", ("采购总金额",)),
)

# --------------------------------------------------------------------------- table 3
_T3_COLS = (
    Col("natural_person", "自然人", "natural persons", ("自然人",)),
    Col("commercial", "商业企业", "commercial enterprises", ("商业企业",)),
    Col("research", "科研机构", "research institutions", ("科研机构",)),
    Col("public_welfare", "社会公益组织", "public-welfare organisations", ("社会公益组织",)),
    Col("legal_service", "法律服务机构", "legal-service institutions", ("法律服务机构",)),
    Col("other_org", "其他", "other organisations", ("其他",)),
    Col("total", "总计", "total", ("总计",)),
)


def _r(id_: str, zh: str, short: str, en: str, *aliases: str, group: str = "") -> Row:
    return Row(id_, zh, short, en, tuple(aliases) or (zh,), (), group)


_T3_HEAD = (
    _r("new_received", "一、本年新收政府信息公开申请数量", "一、本年新收", "1. new requests this year",
       "本年新收政府信息公开申请数量", "本年新收"),
    _r("carried_over_prev", "二、上年结转政府信息公开申请数量", "二、上年结转", "2. carried over from last year",
       "上年结转政府信息公开申请数量", "上年结转"),
)
_T3_RESULTS_A = (
    _r("disclosed", "（一）予以公开", "（一）予以公开", "(1) disclosed", "予以公开", group="results"),
    _r("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开",
       "(2) partially disclosed", "部分公开", group="results"),
    _r("withheld_state_secret", "1.属于国家秘密", "（三）1.国家秘密", "(3)1 state secret", "属于国家秘密", "国家秘密",
       group="withheld"),
    _r("withheld_prohibited", "2.其他法律行政法规禁止公开", "（三）2.法规禁止公开", "(3)2 prohibited by law",
       "其他法律行政法规禁止公开", group="withheld"),
    _r("withheld_three_safety", "3.危及“三安全一稳定”", "（三）3.危及三安全一稳定", "(3)3 endangers security/stability",
       "危及三安全一稳定", "危及\"三安全一稳定\"", group="withheld"),
    _r("withheld_third_party", "4.保护第三方合法权益", "（三）4.第三方合法权益", "(3)4 third-party rights",
       "保护第三方合法权益", group="withheld"),
    _r("withheld_internal", "5.属于三类内部事务信息", "（三）5.内部事务信息", "(3)5 internal affairs",
       "属于三类内部事务信息", "三类内部事务信息", group="withheld"),
    _r("withheld_process", "6.属于四类过程性信息", "（三）6.过程性信息", "(3)6 process information",
       "属于四类过程性信息", "四类过程性信息", group="withheld"),
    _r("withheld_enforcement", "7.属于行政执法案卷", "（三）7.行政执法案卷", "(3)7 enforcement files",
       "属于行政执法案卷", "行政执法案卷", group="withheld"),
    _r("withheld_inquiry", "8.属于行政查询事项", "（三）8.行政查询事项", "(3)8 inquiry matters",
       "属于行政查询事项", "行政查询事项", group="withheld"),
    _r("unavailable_not_held", "1.本机关不掌握相关政府信息", "（四）1.不掌握", "(4)1 not held",
       "本机关不掌握相关政府信息", "不掌握相关政府信息", group="unavailable"),
    _r("unavailable_needs_creation", "2.没有现成信息需要另行制作", "（四）2.需另行制作", "(4)2 needs creation",
       "没有现成信息需要另行制作", "需要另行制作", group="unavailable"),
    _r("unavailable_unclear", "3.补正后申请内容仍不明确", "（四）3.补正后仍不明确", "(4)3 unclear after correction",
       "补正后申请内容仍不明确", group="unavailable"),
    _r("not_processed_petition", "1.信访举报投诉类申请", "（五）1.信访举报投诉", "(5)1 petitions/complaints",
       "信访举报投诉类申请", group="not_processed"),
    _r("not_processed_repeat", "2.重复申请", "（五）2.重复申请", "(5)2 repeated requests", "重复申请",
       group="not_processed"),
    _r("not_processed_publication", "3.要求提供公开出版物", "（五）3.公开出版物", "(5)3 published material",
       "要求提供公开出版物", group="not_processed"),
    _r("not_processed_mass", "4.无正当理由大量反复申请", "（五）4.大量反复申请", "(5)4 mass repeated requests",
       "无正当理由大量反复申请", group="not_processed"),
    _r("not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息", "（五）5.确认或重新出具",
       "(5)5 confirm/reissue obtained information", "要求行政机关确认或重新出具已获取信息", group="not_processed"),
)
_T3_OTHER_2021 = (
    _r("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "（六）1.逾期不补正", "(6)1 no correction in time", "申请人无正当理由逾期不补正", "逾期不补正",
       group="other_processing"),
    _r("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "（六）2.逾期未缴费", "(6)2 fee not paid in time", "申请人逾期未按收费通知要求缴纳费用", "逾期未按收费通知",
       group="other_processing"),
    _r("other_other", "3.其他", "（六）3.其他", "(6)3 other", "其他", group="other_processing"),
)
_T3_OTHER_2019 = (
    _r("other_processing", "（六）其他处理", "（六）其他处理", "(6) other handling", "其他处理",
       group="other_processing"),
)
_T3_TAIL = (
    _r("result_total", "（七）总计", "（七）总计", "(7) total results", "总计"),
    _r("carried_forward", "四、结转下年度继续办理", "四、结转下年度", "4. carried forward to next year",
       "结转下年度继续办理", "结转下年度"),
)


def _groups(rows: tuple[Row, ...]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for r in rows:
        if r.group:
            groups.setdefault(r.group, []).append(r.id)
    return {k: tuple(v) for k, v in groups.items()}


# --------------------------------------------------------------------------- table 4
_T4_ROWS = (
    Row("reconsideration", "行政复议", "行政复议", "administrative reconsideration", ("行政复议",)),
    Row("litigation_direct", "行政诉讼（未经复议直接起诉）", "行政诉讼·未经复议直接起诉",
        "lawsuits without prior reconsideration", ("未经复议直接起诉",), group="litigation"),
    Row("litigation_after", "行政诉讼（复议后起诉）", "行政诉讼·复议后起诉",
        "lawsuits after reconsideration", ("复议后起诉",), group="litigation"),
)
_T4_COLS = (
    Col("upheld", "结果维持", "upheld", ("结果维持",)),
    Col("corrected", "结果纠正", "corrected", ("结果纠正",)),
    Col("other", "其他结果", "other result", ("其他结果",)),
    Col("pending", "尚未审结", "pending", ("尚未审结",)),
    Col("total", "总计", "total", ("总计",)),
)


def _spec(id_, version, zh, en, rows, cols) -> TableSpec:
    return TableSpec(id_, version, zh, en, rows, cols, _groups(rows))


TABLE_IDS = ("t2", "t3", "t4")
TABLE_NAMES = {"t2": Tr("表二", "Table 2"), "t3": Tr("表三", "Table 3"), "t4": Tr("表四", "Table 4"),
               "t1": Tr("统计表（旧格式）", "the statistics table (old format)")}
# every table a rule may name: the three of the template, and the one statistics table of the
# reports before 2019 (t1, below), which is checked where a report has it and never asked for
ALL_TABLE_IDS = (*TABLE_IDS, "t1")
# the section each table of the template stands in, and the table of each such section
TABLE_SECTION = {"t2": 2, "t3": 3, "t4": 4}
SECTION_TABLE = {key: tid for tid, key in TABLE_SECTION.items()}


def tables_of(version: str, t2: tuple[tuple[Row, ...], tuple[Col, ...]],
              t3: tuple[tuple[Row, ...], tuple[Col, ...]],
              t4: tuple[tuple[Row, ...], tuple[Col, ...]]) -> dict[str, TableSpec]:
    """A version's tables from their rows and columns."""
    return {tid: _spec(tid, version, *TABLE_NAMES[tid], rows, cols)
            for tid, (rows, cols) in (("t2", t2), ("t3", t3), ("t4", t4))}


# --------------------------------------------------------------------------- template versions
class TemplateVersion(Record):
    """One version of the national template, as data: its id, its name in both languages, the
    notice that issued it (``citation``, a pattern for the text that cites it), the first report
    year it governs, and its tables.  Everything that depends on the version — detection from a
    document, the spec of a table, the template a year implies, what a rule pack may name — is
    derived from the registered versions, so a new version is one record (``register``) and its
    own rule pack."""

    __slots__ = ("id", "name", "citation", "first_year", "tables")

    def __init__(self, id: str, name: tuple[str, str], citation: str, first_year: int,
                 tables: dict[str, TableSpec]):
        import re

        self.id, self.name, self.first_year, self.tables = id, Tr(*name), first_year, tables
        self.citation = re.compile(citation)


VERSIONS: dict[str, TemplateVersion] = {}
TABLES: dict[tuple[str, str], TableSpec] = {}      # (table id, version id) -> spec, all versions
_evidence: dict[str, tuple[frozenset[str], dict[str, frozenset[str]]]] = {}     # detect(), per table


def register(version: TemplateVersion) -> None:
    VERSIONS[version.id] = version
    TABLES.update({(tid, version.id): spec for tid, spec in version.tables.items()})
    _evidence.clear()


register(TemplateVersion(
    TEMPLATE_2021, ("2021年版（国办公开办函〔2021〕30号）", "2021 (国办公开办函〔2021〕30号)"),
    # also garbled ("〔202130号", "〔202130)": the bracket lost) and cited by its title only
    r"[〔\[]\s*2021\s*[〕\]]?\s*30\s*[号)）]|印发\s*[〈《<]?\s*中华人民共和国政府信息公开工作年度报告格式", 2021,
    tables_of(TEMPLATE_2021, (_T2_ROWS_2021, _T2_COLS_2021),
              (_T3_HEAD + _T3_RESULTS_A + _T3_OTHER_2021 + _T3_TAIL, _T3_COLS), (_T4_ROWS, _T4_COLS))))
register(TemplateVersion(
    TEMPLATE_2019, ("2019年版（国办公开办函〔2019〕60号）", "2019 (国办公开办函〔2019〕60号)"),
    r"[〔\[]\s*2019\s*[〕\]]?\s*60\s*[号)）]|关于政府信息公开工作年度报告有关事项的通知", 2019,
    tables_of(TEMPLATE_2019, (_T2_ROWS_2019, _T2_COLS_2019),
              (_T3_HEAD + _T3_RESULTS_A + _T3_OTHER_2019 + _T3_TAIL, _T3_COLS), (_T4_ROWS, _T4_COLS))))
PRE2019_NAME = Tr("2019年以前的旧格式", "pre-2019 format")

# --------------------------------------------------------------------------- the pre-2019 table
# The reports before the 2019 template ended with one statistics table (指标名称 | 计量单位 |
# 本年度 | 历年累计), laid out by each province; its common rows are these.
_T1_ROWS = tuple(Row(id_, zh, zh, en, aliases) for id_, zh, en, aliases in (
    ("active", "主动公开信息数", "information published", ("主动公开信息数", "主动公开政府信息数", "主动公开信息总数")),
    ("requests", "受理申请总数", "requests received", ("受理申请总数", "申请总数", "收到申请数", "受理依申请公开信息总数",
                                                   "受理政府信息公开申请总数", "依申请公开信息总数", "受理依申请公开总数")),
    ("req_in_person", "当面申请数", "in person", ("当面申请数",)),
    ("req_fax", "传真申请数", "by fax", ("传真申请数",)),
    ("req_email", "电子邮件申请数", "by e-mail", ("电子邮件申请数",)),
    ("req_online", "网上申请数", "online", ("网上申请数", "网络申请数")),
    ("req_letter", "信函申请数", "by letter", ("信函申请数",)),
    ("req_other", "其他形式申请数", "other ways", ("其他形式申请数", "其它形式申请数")),
    ("replies", "对申请的答复总数", "requests answered", ("对申请的答复总数", "本年度对申请的答复总数", "申请答复数",
                                                       "答复总数", "已答复数")),
    ("reply_agree", "同意公开答复数", "disclosed", ("同意公开答复数",)),
    ("reply_partial", "同意部分公开答复数", "partly disclosed", ("同意部分公开答复数",)),
    ("reply_refuse", "否决公开答复总数", "refused", ("否决公开答复总数", "不同意公开答复数", "否决公开答复数")),
    ("reconsideration", "行政复议数", "reconsiderations", ("行政复议数", "行政复议数量", "行政复议案件数")),
    ("litigation", "行政诉讼数", "lawsuits", ("行政诉讼数", "行政诉讼数量", "行政诉讼案件数")),
    ("complaints", "行政申诉数", "complaints", ("行政申诉数",)),
))
_T1_COLS = (Col("year", "本年度", "this year", ("本年度", "本年", "本期实际", "统计数", "数量")),
            Col("cumulative", "历年累计", "all years", ("历年累计", "累计")))
TABLES[("t1", TEMPLATE_PRE2019)] = TableSpec("t1", TEMPLATE_PRE2019, *TABLE_NAMES["t1"], _T1_ROWS, _T1_COLS, {})


def current() -> TemplateVersion:
    """The version in force now: the latest first year."""
    return max(VERSIONS.values(), key=lambda v: v.first_year)


def known_templates() -> tuple[str, ...]:
    """Every template a report can be checked against, and what a rule may name."""
    return (*VERSIONS, TEMPLATE_PRE2019, TEMPLATE_UNKNOWN)


def implied_by_year(year: int | None) -> str:
    """The version a report of this year is due in (the current one for an unknown year)."""
    if year is None:
        return current().id
    fitting = [v for v in VERSIONS.values() if v.first_year <= year]
    return max(fitting, key=lambda v: v.first_year).id if fitting else TEMPLATE_PRE2019


def since(version: str) -> tuple[str, ...]:
    """The versions from this one on (``since: "2021"`` in a rule pack)."""
    first = VERSIONS[version].first_year
    return tuple(v.id for v in VERSIONS.values() if v.first_year >= first)


def covers(templates: tuple[str, ...], template: str) -> bool:
    """Whether what a rule names ("2021", "all" versions, "since:2021") includes a report's template."""
    for t in templates:
        if t == template or (template in VERSIONS and (
                t == "all" or t.startswith("since:") and VERSIONS[template].first_year >= VERSIONS[t[6:]].first_year)):
            return True
    return False


def table_spec(table_id: str, version: str) -> TableSpec:
    """The spec for a table; unknown/pre-2019 versions read as the current template."""
    return TABLES.get((table_id, version)) or current().tables[table_id]


def _items(spec: TableSpec) -> frozenset[str]:
    return frozenset({f"r:{r}" for r in spec.row_by_id} | {f"c:{c}" for c in spec.col_by_id})


def detect(table_id: str, rows: set[str] | frozenset[str] = frozenset(),
           cols: set[str] | frozenset[str] = frozenset()) -> str:
    """The version a table's rows and columns (as read) belong to, or unknown.

    Only what some versions have and others lack is evidence; the version with the most of it
    wins, then the one with fewer of the rows and columns read missing, then the one with fewer
    of its own distinctive items unread (a version that adds a column to another does not win
    a table without it).  A table every version shares (table 4) says nothing."""
    if table_id not in _evidence:
        specs = {vid: _items(v.tables[table_id]) for vid, v in VERSIONS.items() if table_id in v.tables}
        common = frozenset.intersection(*specs.values()) if specs else frozenset()
        _evidence[table_id] = (common, specs)
    common, specs = _evidence[table_id]
    seen = {f"r:{r}" for r in rows} | {f"c:{c}" for c in cols}
    scored = []
    for vid, items in specs.items():
        own = items - common
        scored.append((-len(seen & own), len(seen - items), len(own - seen), vid))
    scored.sort()
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[0][:3] == scored[1][:3]):
        return TEMPLATE_UNKNOWN
    return scored[0][3]
