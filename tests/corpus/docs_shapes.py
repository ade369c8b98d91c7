"""Shapes real report pages take that a reader must survive, from the study of published pages in
../shared/corpus/real-shapes.md (sections 1, 2 and 5): the body named only in the text (no title
line), the kind of zones, titles with the year after 工作 / a bare year ending their first line /
a metadata label in front / no title but an opening sentence, pinyin inside words in mirror
copies, periods with 年 or 月 dropped, garbled and title-only citations of the template notices,
reports with no numbered sections, old-style headings or all their text on one line, font-size
widgets in bylines, partial and complete lists of parts, a cut 2019 table-2 header, a lone "|"
after a row label, short forms of the body's own name, a body's tally of its own information,
PDFs with pages of prose and wrapped table-3 labels, near-miss wording and headings, unit words in
cells, and cut downloads.  Every body, figure and sentence is invented."""

from __future__ import annotations

import html as _html
from types import SimpleNamespace
from typing import Any

import opencc

from figures import As, t2, t2_2019, t3, t4
from make import Doc
from parts import HEADINGS as H
from parts import fee_none, period, preamble, problems
from tables_text import logical_t2, logical_t3, logical_t4, serialise
from writers import html_table, spans

PIPE = {"ascii": True}          # web extraction: full-width brackets, colons and commas come out ASCII
CRUMB = ("chrome", "当前位置：首页 > 政务公开 > 政府信息公开年报")

DOCS: list[Doc] = []


def add(*args, **kw) -> None:
    DOCS.append(Doc(*args, **kw))


def meta(body, kind, year, published, template="2021", period_=None) -> dict[str, Any]:
    return {"body": body, "kind": kind, "year": year,
            "period": period_ if period_ is not None else f"{year}-01-01/{year}-12-31",
            "published": published, "template": template}


def title_lost(why: str = "网页抽取丢了页面标题，正文里没有标题行", named: bool = False) -> dict[str, Any]:
    """The title line the extraction lost: a note only when the text names the report in full."""
    return {"rule": "META-TITLE-MISSING", "at": "field:title", "severity": "info" if named else "warning",
            "defect": False, "why": why + ("；前言写明了报告全称，只作提示" if named else "")}


def five(active: str, request: str, manage: str, platform: str, oversight: str) -> list[str]:
    """Section 一's five topics, one paragraph each."""
    return [f"（一）主动公开。{active}", f"（二）依申请公开。{request}", f"（三）政府信息管理。{manage}",
            f"（四）平台建设。{platform}", f"（五）监督保障。{oversight}"]


def tables(opts: dict[str, dict[str, Any]] | None = None) -> list[Any]:
    """Headings 二–四 with their tables."""
    o = opts or {}
    return [H[1], ("table", "t2", o.get("t2", {})), H[2], ("table", "t3", o.get("t3", {})),
            H[3], ("table", "t4", o.get("t4", {}))]


def tail(we: str, year: int) -> list[str]:
    """Sections 五 and 六."""
    return [H[4], *problems(we, year), H[5], fee_none(we, year)]


# ------------------------------------------------------------------------------------------------ text helpers
def lone_bar_lines(tid: str, fig: dict[str, list[Any]], template: str = "2021") -> list[str]:
    """A table as a mirror site's extraction gives it: one cell per line, each ending in " |",
    and a line holding only "|" between a row's label and its values (a hidden cell of the page)."""
    if tid == "t2":
        rows = logical_t2(fig, template)
        labels = {r for r in ("规章", "行政规范性文件", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚",
                              "行政强制", "行政事业性收费", "政府集中采购")}
        out: list[str] = []
        for row in rows:
            if row[0] in labels:
                out += [f"{row[0]} |", "|", *(f"{c} |" for c in row[1:])]
            else:
                out += [f"{c} |" for c in row]
        return out
    if tid == "t3":
        out = []
        for row in logical_t3(fig, template):
            if len(row) >= 8:                   # labels, then the seven values
                out += [*(f"{c} |" for c in row[:-7]), "|", *(f"{c} |" for c in row[-7:])]
            else:
                out += [f"{c} |" for c in row]
        return out
    return serialise(logical_t4(fig), "lines-pipe")


def cut_after(lines: list[str], label: str, keep: int) -> list[str]:
    """The lines up to ``label``'s row, and ``keep`` more lines of it: a download that stopped there."""
    k = lines.index(label)
    return lines[:k + 1 + keep]


_S2T = opencc.OpenCC("s2tw")
PINYIN = {"統": "tǒng", "數": "shù", "據": "jù", "發": "fā", "關": "guān", "務": "wù", "網": "wǎng", "聯": "lián",
          "強": "qiáng", "領": "lǐng", "導": "dǎo", "認": "rèn", "執": "zhí", "經": "jīng", "濟": "jì", "應": "yīng",
          "監": "jiān", "處": "chǔ", "訴": "sù", "訟": "sòng", "運": "yùn", "輸": "shū", "專": "zhuān", "審": "shěn"}


def mirror(text: str) -> str:
    """Text as a mirror site copies it: traditional script, and romanised pinyin with tone marks
    in brackets after some characters ("統(tǒng)計期限", "數(shù)據(jù)")."""
    trad = _S2T.convert(text).replace("發佈", "發布").replace("髮", "發")
    return "".join(f"{ch}({PINYIN[ch]})" if ch in PINYIN else ch for ch in trad)


def mirrored(blocks: list[Any]) -> list[Any]:
    """Every text block of a recipe mirrored; tables are left as the writer prints them."""
    out: list[Any] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(mirror(b))
        elif b[0] in ("title", "byline", "h", "chrome"):
            v = b[1]
            out.append((b[0], mirror(v) if isinstance(v, str) else [mirror(x) for x in v], *b[2:]))
        elif b[0] == "metatable":
            out.append(("metatable", [(mirror(k), mirror(v)) for k, v in b[1]]))
        elif b[0] == "lines":
            out.append(("lines", [mirror(x) for x in b[1]]))
        else:
            out.append(b)
    return out


def esc(text: str) -> str:
    return _html.escape(text)


class Unit(As):
    """A count printed with a unit word ("3个"), in every writer: the merged-cell layouts print
    a cell with str()."""

    def __str__(self) -> str:
        return self.text


# =============================================================================== 1. the body named in the text
# ------------------------------------------------------------- 现公布 BODY…报告; a bare date and the publisher
_f = {"t2": t2(norm=(0, 0, 2), lic=0, pen=3), "t3": t3(new=(3,), disclosed=(2,), unavailable_not_held=(1,)),
      "t4": t4()}
add("pipe-body-published-2023", "txt",
    "县统计局网页的抽取文本，没有标题行：机关名只在前言“现公布示例县统计局2023年政府信息公开工作年度报告”里，"
    "发布日期是一行不带标签的“2024-01-18”，后面隔几个空格跟着发布机关；“其中统计数据152条、工作动态96条、通知公告21条等”"
    "以“等”结尾，不是全部分项，不求和。",
    ["body-from-text", "date-bare-line", "parts-partial"],
    meta("示例县统计局", "department", 2023, "2024-01-18"), _f,
    [CRUMB,
     ("lines", ["2024-01-18      示例县统计局"]),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布示例县统计局2023年政府信息公开工作年度报告。"
     "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
     "存在的主要问题及改进情况、其他需要报告的事项六部分组成。" + period("standard", 2023),
     H[0],
     "2023年，我局紧扣统计工作职能，坚持依法公开、真实准确、及时便民，做好统计信息发布和解读。",
     *five("全年主动公开政府信息286条，其中统计数据152条、工作动态96条、通知公告21条等，统计月报按月在县政府网站统计专栏发布。",
           "全年收到政府信息公开申请3件，均在法定期限内答复。",
           "落实统计数据发布前审核和保密审查，规范统计信息发布流程。",
           "维护县政府网站统计专栏，开设“统计数据查询”栏目。",
           "将政务公开纳入股室年度考核，明确专人负责。"),
     *tables(), *tail("我局", 2023)],
    [title_lost(named=True)], options=PIPE)

# ---------------------------------------------------------- the subject of the first overview sentence; a zone
_f = {"t2": t2(norm=(2, 0, 11), lic=156, pen=4),
      "t3": t3(new=(5, 2), disclosed=(3, 1), partially_disclosed=(1,), unavailable_not_held=(1, 1)), "t4": t4()}
add("pipe-body-subject-zone-2024", "txt",
    "开发区管委会网页的抽取文本，没有标题行，前言也不写机关名：机关只在总体情况第一句的主语里（“2024年，示例经济开发区管委会坚持…”），"
    "开发区的管委会是开发区（zone）；署名行的字号挂件“字体:【 大 中 小”丢了右括号，是网站外壳，不是括号错误。",
    ["body-from-text", "zone-kind", "font-widget"],
    meta("示例经济开发区管委会", "zone", 2024, "2025-01-22"), _f,
    [("chrome", "首页 > 信息公开 > 法定主动公开内容 > 年度报告"),
     ("byline", "发布日期：2025-01-22 浏览次数：86 字体:【 大 中 小"),
     "根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，编制本年度报告。" + period("shixian", 2024),
     H[0],
     "2024年，示例经济开发区管委会坚持以企业和群众需求为导向，围绕招商引资、项目建设和营商环境推进政务公开，各项工作平稳有序。",
     *five("全年在开发区门户网站发布惠企政策、项目公示、工作动态等信息468条。",
           "全年收到政府信息公开申请7件，均按期答复。",
           "实行信息发布“一事一审”，落实保密审查。",
           "优化门户网站“政策直达”专栏，整合政务新媒体账号2个。",
           "将政务公开纳入各部门年度绩效考核，全年开展督查2次。"),
     *tables(), *tail("管委会", 2024)],
    [title_lost()], options=PIPE)

# ------------------------------------------------------------- no title: an opening sentence on the first line
_f = {"t2": t2(norm=(6, 2, 48)),
      "t3": t3(new=(14, 1), prev=(1,), disclosed=(6, 1), partially_disclosed=(2,), unavailable_not_held=(4,),
               not_processed_repeat=(1,), other_overdue_correction=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("pipe-title-sentence-office-2024", "txt",
    "市政府办公室网页的抽取文本：第一行是开头句“根据…，现将示例市人民政府办公室2024年政府信息公开工作情况报告如下：”，不是标题"
    "（没有标题）；机关名从这一句读出，联系句“请与示例市人民政府办公室政务公开科联系”去掉科室仍是办公室本身（机关就是办公室）；"
    "前言只以标题引用2021年的格式通知；落款带日期。",
    ["title-sentence", "body-from-text", "notice-by-title"],
    meta("示例市人民政府办公室", "department", 2024, "2025-01-17"), _f,
    [("chrome", "首页 > 政务公开 > 年度报告"),
     "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作"
     "年度报告格式〉的通知》要求，现将示例市人民政府办公室2024年政府信息公开工作情况报告如下：",
     "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。如对本报告有疑问，请与示例市人民政府办公室政务公开科联系"
     "（电话：0000-7654321）。",
     H[0],
     "2024年，我办紧紧围绕市委、市政府中心工作，统筹推进政务公开各项任务。",
     *five("全年在市政府门户网站主动公开政府信息2340条，发布政策解读43篇，新制发行政规范性文件6件。",
           "全年新收政府信息公开申请15件，上年结转1件，办结15件，结转下年度1件。",
           "严格执行公文公开属性源头认定，落实发布前保密审查。",
           "优化市政府门户网站政策文件库，规范政务新媒体运维。",
           "将政务公开纳入年度绩效考核，组织业务培训2次。"),
     *tables(), *tail("我办", 2024),
     ("sign", ["示例市人民政府办公室", "2025年1月17日"])],
    [title_lost("抽取文本第一行是开头句，不是标题；网页本身有标题", named=True)], options=PIPE)

# ---------------------------------------------------------------- 发布机构 | BODY; the body's usual short form
_f = {"t2": t2(norm=(1, 0, 5), lic=3260, pen=1842, coe=57),
      "t3": t3(new=(22, 1), disclosed=(8,), partially_disclosed=(3,), withheld_enforcement=(2,),
               unavailable_not_held=(6, 1), not_processed_petition=(2,), other_overdue_correction=(1,)),
      "t4": t4(recon=(1, 0, 0, 0), direct=(0, 0, 0, 1))}
add("pipe-body-metadata-police-2024", "txt",
    "公安分局网页的抽取文本，没有标题行：机关名只在元数据“发布机构 | 示例市公安局示例区分局”里；总体情况以惯用简称"
    "“区公安分局”为主语——是本机关，不是“另一机关”。",
    ["body-from-text", "body-short-form"],
    meta("示例市公安局示例区分局", "department", 2024, "2025-01-23"), _f,
    [("lines", ["当前位置：首页>政务公开>政府信息公开年报",
                "索 引 号 | 11000000MB0123456X/2025-00021 | 分 类 | 政府信息公开年报 |",
                "发布机构 | 示例市公安局示例区分局 | 发文日期 | 2025-01-23 |",
                "文 号 | | 主 题 词 | |"]),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现将本分局2024年政府信息公开工作年度报告公布如下。"
     + period("standard", 2024),
     H[0],
     "2024年，区公安分局坚持以人民为中心，严格落实《条例》规定，依法推进警务公开。",
     *five("全年通过区政府网站和“示例警方”公众号主动公开警务信息5230条，公开行政许可决定3260件、行政处罚决定1842件。",
           "全年收到政府信息公开申请23件，均在法定期限内办结。",
           "落实“谁制作、谁公开、谁审核”，规范公开属性认定。",
           "维护区政府网站公安分局专栏和户政业务办事指南专区。",
           "将警务公开纳入所队年度绩效考核，全年开展专项检查3次。"),
     *tables(), *tail("分局", 2024)],
    [title_lost()], options=PIPE)

# ------------------------------------------------------ contact sentence; a bare date and the publisher (HTML)
_f = {"t2": t2(reg=(1, 0, 6), norm=(3, 1, 27), lic=1420, pen=38, coe=2),
      "t3": t3(new=(26, 3, 0, 1, 1), prev=(2,), disclosed=(10, 1), partially_disclosed=(3,), withheld_process=(1,),
               unavailable_not_held=(9, 1, 0, 1, 1), unavailable_needs_creation=(1,), not_processed_repeat=(2,),
               other_overdue_correction=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("html-body-contact-2023", "html",
    "省水利厅的文章页，页面没有标题：正文第一段是开头句“根据…，现将2023年政府信息公开工作情况报告如下：”（不是标题，也不写机关名）；"
    "机关名在联系句“请与示例省水利厅办公室联系”里（去掉“办公室”，机关是水利厅），文章上方一行是不带标签的“2024-01-19”"
    "加空格和发布机关。",
    ["body-from-text", "title-sentence", "date-bare-line"],
    meta("示例省水利厅", "department", 2023, "2024-01-19"), _f,
    [("chrome", "首页 > 政务公开 > 法定主动公开内容 > 政府信息公开年报"),
     ("raw", '<div class="pubinfo">2024-01-19&nbsp;&nbsp;&nbsp;&nbsp;示例省水利厅</div>'),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将2023年政府信息公开工作情况报告如下：",
     "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在省水利厅门户网站查阅或下载。"
     "如对本报告有疑问，请与示例省水利厅办公室联系（电话：0000-88776655）。",
     H[0],
     "2023年，我厅坚持以公开促落实、以公开优服务，围绕水旱灾害防御、水资源管理和重大水利工程建设推进政务公开。",
     *five("全年主动公开政府信息1536条，发布政策解读24篇，公开水利工程建设项目信息210条。",
           "全年新收政府信息公开申请31件，上年结转2件，办结31件，结转下年度2件。",
           "落实公开属性源头认定和发布前保密审查，动态更新主动公开目录。",
           "优化厅门户网站“重点领域信息公开”专栏，规范政务新媒体运维。",
           "将政务公开纳入厅机关处室和直属单位年度考核，开展专项检查2次。"),
     *tables(), *tail("我厅", 2023)],
    [title_lost("页面只有正文，标题没有保存下来；第一段是开头句")], options={"page_title": ""})

# ------------------------------------------------------ the year only in the opening; no title, period or date
_f = {"t2": t2(norm=(2, 1, 17), lic=436, pen=58),
      "t3": t3(new=(9, 1), disclosed=(5, 1), partially_disclosed=(1,), unavailable_not_held=(2,),
               not_processed_repeat=(1,)),
      "t4": t4()}
add("pipe-year-opening-notitle", "txt",
    "市卫健委网页正文的抽取，没有标题、统计期限和日期，文件名也不带年份：年度只在总体情况第二句“2023年，我委…”里；"
    "机关名在前言“示例市卫生健康委员会…编制了本报告”里。缺统计期限是报告的缺陷；缺标题和日期是抽取的问题。",
    ["year-from-opening", "body-from-text"],
    meta("示例市卫生健康委员会", "department", 2023, None) | {"period": None}, _f,
    ["示例市卫生健康委员会依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制了本报告。全文包括总体情况、"
     "主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
     "其他需要报告的事项。",
     H[0],
     "我委认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。2023年，我委主动公开医疗机构执业登记、公共卫生服务、"
     "卫生健康监督执法等信息648条；全年收到政府信息公开申请10件，均在法定期限内答复；落实公开属性源头认定和保密审查，"
     "加强政府信息管理；维护市政府网站卫生健康专栏和“示例健康”公众号，推进平台建设；将政务公开纳入委机关处室年度考核，"
     "强化监督保障。",
     *tables(),
     H[4], "我委政府信息公开工作仍有不足：政策解读形式较为单一，部分专栏更新不够及时。",
     "下一步，我委将丰富解读形式，压实专栏维护责任，定期开展自查。",
     H[5], "本年度，我委未发出收费通知，未收取政府信息公开信息处理费。"],
    [title_lost(),
     {"rule": "META-PERIOD-MISSING", "at": "field:period", "severity": "warning", "defect": True,
      "why": "报告没有统计期限说明"},
     {"rule": "META-DATE-MISSING", "at": "field:published", "severity": "info", "defect": False,
      "why": "抽取文本没有日期（网页的日期行没有抽出来）"}],
    options=PIPE)

# ------------------------------------------------------------ 2024年度， after a cited notice; 来源： a street
_f = {"t2": t2(norm=(0, 0, 0)), "t3": t3(new=(1,), disclosed=(1,)), "t4": t4()}
add("html-year-notice-notitle", "html",
    "街道办事处的文章页，没有标题、统计期限和日期，文件名也不带年份：年度只在前言引用的通知之后“2024年度，城关街道办事处…”"
    "（通知的文号〔2025〕1号不是年度）；机关名在来源行“来源：示例区城关街道办事处”里；来源行的字号挂件“【字体：大 中 小”"
    "丢了右括号，是网站外壳。缺统计期限是报告的缺陷。",
    ["year-from-opening", "body-from-text", "font-widget"],
    meta("示例区城关街道办事处", "township", 2024, None) | {"period": None}, _f,
    [("chrome", "首页 > 街道动态 > 政务公开"),
     ("byline", "来源：示例区城关街道办事处　　【字体：大 中 小"),
     "根据《中华人民共和国政府信息公开条例》和《示例区政务公开办公室关于做好政府信息公开工作年度报告编制发布工作的通知》"
     "（示区公开办〔2025〕1号）要求，2024年度，城关街道办事处认真做好政府信息公开各项工作，现将有关情况报告如下。",
     H[0],
     "城关街道坚持把政务公开作为服务辖区群众的重要抓手。（一）主动公开：在区政府网站街道专栏发布辖区动态、惠民政策等信息73条。"
     "（二）依申请公开：全年收到政府信息公开申请1件，已依法予以公开。（三）政府信息管理：落实信息发布“三审”制度。"
     "（四）平台建设：同步更新街道专栏和社区公示栏。（五）监督保障：接受辖区群众和区政务公开办监督，纳入科室年度考评。",
     *tables(),
     H[4], "街道政务公开工作仍存在公开内容不够丰富、解读形式单一等问题。下一步，街道将加强信息采编，提升公开质量。",
     H[5], "本年度，街道未收取政府信息公开信息处理费。"],
    [title_lost("页面只保存了正文，没有标题"),
     {"rule": "META-PERIOD-MISSING", "at": "field:period", "severity": "warning", "defect": True,
      "why": "报告没有统计期限说明"},
     {"rule": "META-DATE-MISSING", "at": "field:published", "severity": "info", "defect": False,
      "why": "保存的页面没有日期"}],
    options={"page_title": ""})

# --------------------------------------------------------- 由BODY结合…编制; (一)…(七) and no numbered sections
_f = {"t2": t2(norm=(1, 0, 8), lic=392, pen=27, coe=1),
      "t3": t3(new=(12, 2), disclosed=(6, 1), partially_disclosed=(2,), unavailable_not_held=(3, 1),
               not_processed_repeat=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("pipe-no-sections-2024", "txt",
    "县自然资源局网页的抽取文本，没有标题，也没有“一、总体情况”这样的编号部分：全文按（一）至（七）分项写（主动公开、依申请公开、"
    "复议诉讼、信息管理和平台、监督保障、问题和改进、其他事项），表格跟在对应分项后；机关名在前言"
    "“特向社会公布《示例县自然资源局2024年度…报告》”“由示例县自然资源局结合…编制”里。这是一份报告（有统计期限），"
    "问题是没有按六部分组织，应报一条结构问题，而不是六条缺少部分。",
    ["no-sections", "body-from-text"],
    meta("示例县自然资源局", "department", 2024, "2025-01-20"), _f,
    [("byline", "发布时间：2025-01-20 16:05"),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，特向社会公布《示例县自然资源局2024年度政府信息公开工作"
     "年度报告》。本报告由示例县自然资源局结合全年工作实际编制，所列数据的统计期限为2024年1月1日至2024年12月31日。",
     "（一）主动公开政府信息情况",
     "全年主动公开国土空间规划、用地审批、矿产资源管理等政府信息463条，新制发行政规范性文件1件。", ("table", "t2"),
     "（二）收到和处理政府信息公开申请情况",
     "全年新收政府信息公开申请14件，均在法定期限内答复。", ("table", "t3"),
     "（三）政府信息公开行政复议、行政诉讼情况",
     "全年因政府信息公开被申请行政复议1件，复议机关维持原答复；未发生行政诉讼。", ("table", "t4"),
     "（四）政府信息管理和平台建设情况",
     "落实信息发布前保密审查，动态调整主动公开目录；维护县政府网站自然资源专栏，及时更新用地报批公示。",
     "（五）监督保障情况",
     "将政务公开纳入股室年度考核，全年开展自查2次。",
     "（六）存在的主要问题及改进情况", *problems("我局", 2024),
     "（七）其他需要报告的事项", fee_none("我局", 2024)],
    [{"rule": "SEC-STRUCTURE", "at": "-", "severity": "error", "defect": True,
      "why": "全文没有编号的部分标题，只有（一）至（七）分项：报告未按六部分组织"},
     title_lost(named=True)],
    options=PIPE)

# ----------------------------------------------- 结合…BODY政府信息公开工作编制而成; no sections (HTML); a park
_f = {"t2": t2(norm=(2, 0, 7), lic=64), "t3": t3(new=(4, 1), disclosed=(2, 1), unavailable_not_held=(2,)), "t4": t4()}
add("html-no-sections-zone-2024", "html",
    "农业科技产业园管委会的文章页，没有标题，也没有编号的部分标题，只有（一）至（七）分项（加粗），表格跟在分项后；"
    "机关名在前言“结合示例农业科技产业园管理委员会政府信息公开工作编制而成”里，产业园的管委会是园区（zone）。"
    "应报一条结构问题，而不是六条缺少部分。",
    ["no-sections", "body-from-text", "zone-kind"],
    meta("示例农业科技产业园管理委员会", "zone", 2024, "2025-01-21"), _f,
    [("chrome", "首页 | 园区概况 | 政务公开 | 招商引资", {"cls": "nav"}),
     ("byline", "发布时间：2025-01-21"),
     "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，结合示例农业科技产业园管理委员会政府信息公开工作"
     "编制而成。" + period("standard", 2024),
     ("h", "（一）主动公开情况"), "全年在园区门户网站发布招商政策、项目进展、企业服务等信息215条。", ("table", "t2"),
     ("h", "（二）依申请公开情况"), "全年收到政府信息公开申请5件，均按期办结。", ("table", "t3"),
     ("h", "（三）行政复议和行政诉讼情况"), "全年未发生因政府信息公开引起的行政复议和行政诉讼。", ("table", "t4"),
     ("h", "（四）政府信息管理情况"), "严格执行信息发布审核制度，落实保密审查。",
     ("h", "（五）平台建设和监督保障情况"), "维护园区门户网站信息公开专栏；将政务公开纳入各部门年度考核。",
     ("h", "（六）存在的主要问题及改进情况"), *problems("管委会", 2024),
     ("h", "（七）其他需要报告的事项"), fee_none("管委会", 2024)],
    [{"rule": "SEC-STRUCTURE", "at": "-", "severity": "error", "defect": True,
      "why": "全文没有编号的部分标题，只有（一）至（七）分项"},
     title_lost("页面只保存了正文，没有标题")],
    options={"page_title": ""})

# =================================================================================================== 3. titles
# ------------------------------------------------------------ year after 工作; unit words in cells; a lone "|"
_f = {"t2": t2(norm=(1, 0, 6), lic=48, pen=5),
      "t3": t3(new=(3, 1), disclosed=(2, 1), unavailable_not_held=(1,)), "t4": t4()}
_f["t3"]["new_received"][0] = Unit(3, "3件")
_f["t3"]["new_received"][6] = Unit(4, "4件")
_f["t3"]["disclosed"][6] = Unit(3, "3件")
_H5_PLAN = "五、存在的主要问题及明年工作计划"
add("pipe-title-year-after-2023", "txt",
    "县水利局镜像页的抽取：标题把年份放在“工作”之后（“示例县水利局政府信息公开工作2023年度报告”），是标题；表格一格一行、"
    "每格以“ |”结尾，行标签之后单独一行“|”（页面的隐藏格，不是空白格）；表三三格带“件”字（“3件”“4件”），一张表报一次；"
    "第五部分标题写成“存在的主要问题及明年工作计划”，是第五部分的变体。",
    ["title-year-after", "cell-unit", "pipe-lone-bar", "heading-variant", "cells-per-line"],
    meta("示例县水利局", "department", 2023, "2024-01-24"), _f,
    [("title", "示例县水利局政府信息公开工作2023年度报告"),
     ("byline", "发布时间：2024-01-24 09:40 来源：示例县水利局"),
     preamble("我局", 2023, "standard"),
     H[0],
     "2023年，我局围绕水利工程建设、河湖长制和水旱灾害防御推进政务公开。",
     *five("全年主动公开政府信息142条，重点公开水利工程建设项目和防汛抗旱信息。",
           "全年收到政府信息公开申请4件，均在法定期限内答复。",
           "落实信息发布审核，动态更新主动公开目录。",
           "维护县政府网站水利专栏，及时发布水情信息。",
           "将政务公开纳入股室年度考核，开展自查2次。"),
     H[1], ("lines", lone_bar_lines("t2", _f["t2"])), H[2], ("lines", lone_bar_lines("t3", _f["t3"])),
     H[3], ("lines", lone_bar_lines("t4", _f["t4"])),
     _H5_PLAN, "2023年，我局政府信息公开工作仍存在解读形式单一、基层水利工程信息更新不够及时等问题。",
     "明年，我局将加强政策解读，建立水利工程信息定期更新机制，提升公开质量。",
     H[5], fee_none("我局", 2023)],
    [{"rule": "CELL-UNIT", "at": "t3", "severity": "warning", "defect": True,
      "why": "表三三格写成“3件”“4件”，数字后带单位（一张表报一次）"},
     {"rule": "SEC-HEADING-VARIANT", "at": "section:5", "severity": "info", "defect": True,
      "why": "第五部分标题写成“存在的主要问题及明年工作计划”"}],
    options=PIPE)

_f = {"t2": t2(norm=(1, 0, 5)), "t3": t3(new=(5, 1), disclosed=(3, 1), unavailable_not_held=(2,)), "t4": t4()}
_f["t3"]["disclosed"][0] = Unit(3, "3个")
add("docx-title-year-after-2024", "docx",
    "市退役军人事务局的Word文件：标题把年份放在“工作”之后（“…政府信息公开工作2024年度报告”），是标题；表三一格写成“3个”"
    "（单位字），报在那一格；“其中工作动态210条、通知公告64条、政策文件22条、政策解读15篇、专题专栏3个等”中途换了单位"
    "并以“等”结尾，不是全部分项，不求和。",
    ["title-year-after", "cell-unit", "parts-partial"],
    meta("示例市退役军人事务局", "department", 2024, "2025-01-22"), _f,
    [("title", "示例市退役军人事务局政府信息公开工作2024年度报告"),
     preamble("我局", 2024, "standard"),
     H[0],
     "2024年，我局围绕退役军人就业创业、优待抚恤、褒扬纪念等工作推进政务公开。",
     *five("全年主动公开政府信息356条，其中工作动态210条、通知公告64条、政策文件22条、政策解读15篇、专题专栏3个等。",
           "全年收到政府信息公开申请6件，均按期答复。",
           "落实公开属性源头认定，规范信息发布审核。",
           "维护市政府网站退役军人事务专栏，开设“优待政策”专区。",
           "将政务公开纳入科室年度考核，组织业务培训1次。"),
     *tables(), *tail("我局", 2024),
     ("sign", ["示例市退役军人事务局", "2025年1月22日"])],
    [{"rule": "CELL-UNIT", "at": "t3.disclosed.natural_person", "severity": "warning", "defect": True,
      "why": "表三“（一）予以公开”自然人一格写成“3个”"}])

# ---------------------------------------------------------------- two-line title, line 1 ending in a bare year
_f = {"t2": t2(norm=(2, 1, 15), lic=286, pen=19, coe=1),
      "t3": t3(new=(11, 2), disclosed=(6, 1), partially_disclosed=(1,), unavailable_not_held=(3, 1),
               not_processed_repeat=(1,)),
      "t4": t4(recon=(0, 1, 0, 0))}
add("html-title-bare-year-2023", "html",
    "县住建局的文章页：标题分两行，第一行以年份结尾而没有“年”字（“示例县住房和城乡建设局2023” / “政府信息公开工作年度报告”）；"
    "总体情况以简称“县住建局”为主语，是本机关；“全年发布信息320条：工作动态200条、通知公告80条、政策文件30条”没有“其中”"
    "也是总数和分项，只合310条；表二表头“本年废止件数”错成“本年废纸件数”，这一列照读，报一次错字。",
    ["title-bare-year", "body-short-form", "parts-claimed", "label-typo"],
    meta("示例县住房和城乡建设局", "department", 2023, "2024-01-23"), _f,
    [CRUMB, ("title", ["示例县住房和城乡建设局2023", "政府信息公开工作年度报告"]),
     ("byline", "发布日期：2024-01-23 来源：县住建局"),
     preamble("我局", 2023, "standard"),
     H[0],
     "2023年，县住建局坚持以人民为中心，围绕住房保障、城市建设和建筑市场监管做好政府信息公开。",
     *five("全年发布信息320条：工作动态200条、通知公告80条、政策文件30条。",
           "全年收到政府信息公开申请13件，均在法定期限内答复。",
           "落实信息发布“三审三校”，规范公开属性认定。",
           "维护县政府网站住建专栏和“示例住建”公众号。",
           "将政务公开纳入股室年度考核，开展专项检查2次。"),
     *tables({"t2": {"labels": {"本年废止件数": "本年废纸件数"}}}), *tail("我局", 2023)],
    [{"rule": "PROSE-PARTS-SUM", "at": "section:1", "severity": "warning", "defect": True,
      "why": "“发布信息320条：”后三个分项只合310条"},
     {"rule": "READ-LABEL-TYPO", "at": "t2", "severity": "warning", "defect": True,
      "why": "表二表头“本年废止件数”错成“本年废纸件数”"}],
    options={"page_title": "示例县住房和城乡建设局2023政府信息公开工作年度报告"})

# ---------------------------------------------------------- a spaced 标　　题 label; a cut 2019 table-2 header
_f = {"t2": t2_2019(norm=(1, 1, 7), lic=(6, 0, 28), other=(2, 0, 11), pen=(3, 0, 5), coe=(0, 0, 0), fee=(1, 0),
                    proc=(3, 27.4)),
      "t3": t3("2019", new=(5,), disclosed=(3,), unavailable_not_held=(1,), other_processing=(1,)),
      "t4": t4()}
_rows = logical_t2(_f["t2"], "2019")
_rows = [["信息内容", "本年新", "对外公开总数量"] if r[1:2] == ["本年新制作数量"] else r for r in _rows]
add("pipe-t2-header-cut-2020", "txt",
    "县林草局2020年度报告的网页抽取：标题只在元数据行“标　　题　示例县林业和草原局2020年…报告”里（标签不是标题的一部分）；"
    "统计期限写成“自20201月1日起至202012月31日止”，丢了“年”字（应读出2020年全年，报“期限格式有误”）；"
    "2019年版表二第（一）项的表头被截成两格（“本年新”“对外公开总数量”），三列数都在，按位置读，报一次表头问题。",
    ["title-label", "period-dropped", "t2-header-cut", "template-2019"],
    meta("示例县林业和草原局", "department", 2020, "2021-01-22", "2019"), _f,
    [("lines", ["当前位置：首页>政务公开>政府信息公开年报",
                "索　引　号：000000000/2021-00008",
                "标　　题　示例县林业和草原局2020年政府信息公开工作年度报告",
                "发布日期：2021-01-22"]),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2019〕60号要求，编制本报告。"
     "本报告所列数据的统计期限自20201月1日起至202012月31日止。",
     H[0],
     "2020年，我局围绕林长制、森林防火和林木采伐管理推进政务公开。",
     *five("全年主动公开政府信息118条，重点公开林木采伐许可和生态护林员选聘信息。",
           "全年收到政府信息公开申请5件，均按期答复。",
           "落实发布审核和保密审查。",
           "维护县政府网站林草专栏。",
           "将政务公开纳入股室年度考核。"),
     H[1], ("lines", serialise(_rows, "pipe")), H[2], ("table", "t3"), H[3], ("table", "t4"),
     *tail("我局", 2020)],
    [{"rule": "META-PERIOD-MALFORMED", "at": "field:period", "severity": "warning", "defect": True,
      "why": "统计期限丢了“年”字（20201月1日、202012月31日）"},
     {"rule": "READ-HEADER", "at": "t2", "severity": "warning", "defect": True,
      "why": "表二第（一）项表头只有“本年新”“对外公开总数量”两格，数值按位置读"}],
    options=PIPE)

_f = {"t2": t2_2019(norm=(2, 2, 9), lic=(14, 1, 326), other=(3, 0, 41), pen=(22, 0, 518), coe=(4, 0, 12), fee=(2, 0),
                    proc=(5, 63.8)),
      "t3": t3("2019", new=(7, 1), disclosed=(4, 1), partially_disclosed=(1,), unavailable_not_held=(2,)),
      "t4": t4(recon=(1, 0, 0, 0))}
_layout = spans(SimpleNamespace(figures=_f, template="2019"), "t2", {})
_layout = [[("信息内容", 1, 1), ("本年新", 1, 2), ("对外公开总数量", 1, 1)]
           if any(t == "本年新制作数量" for t, _, _ in row) else row for row in _layout]
add("html-t2-header-cut-2019", "html",
    "市城管局2019年度报告页面：页面没有标题栏，标题只在信息栏“标　　题　示例市城市管理局2019年…报告”里（标签不是标题的一部分）；"
    "2019年版表二第（一）项表头被截（一格“本年新”跨两列，一格“对外公开总数量”），数值都在，按位置读，报一次表头问题。",
    ["title-label", "t2-header-cut", "template-2019"],
    meta("示例市城市管理局", "department", 2019, "2020-01-16", "2019"), _f,
    [CRUMB,
     ("raw", '<div class="xxgk_title"><span class="label">标　　题</span>　'
             '<span>示例市城市管理局2019年政府信息公开工作年度报告</span></div>'),
     ("byline", "发布日期：2020-01-16 来源：示例市城市管理局"),
     "根据新修订的《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2019〕60号要求，编制本报告。"
     + period("standard", 2019),
     H[0],
     "2019年，我局认真贯彻新修订的《条例》，围绕市容环境、城市管理执法等工作推进政务公开。",
     *five("全年主动公开政府信息367条，重点公开行政处罚结果和市政设施维护信息。",
           "全年收到政府信息公开申请8件，均在法定期限内答复。",
           "规范信息发布审核，落实保密审查。",
           "维护市政府网站城管专栏和“示例城管”公众号。",
           "将政务公开纳入科室年度考核。"),
     H[1], ("raw", html_table(_layout, {})), H[2], ("table", "t3"), H[3], ("table", "t4"),
     *tail("我局", 2019)],
    [{"rule": "READ-HEADER", "at": "t2", "severity": "warning", "defect": True,
      "why": "表二第（一）项表头被截成“本年新”“对外公开总数量”，数值按位置读"}],
    options={"page_title": ""})

# ================================================================================== 4. pinyin in mirror copies
_f = {"t2": t2(norm=(0, 0, 3), lic=12), "t3": t3(new=(2,), disclosed=(1,), unavailable_not_held=(1,)), "t4": t4()}
add("pipe-pinyin-mirror-2023", "txt",
    "县民政局报告被镜像站转成繁体，并在部分字后插入带声调的拼音（“統(tǒng)計期限”“數(shù)據(jù)”“發(fā)文日期”“處(chǔ)理”），"
    "标签、部分标题和统计期限句都被打断：去掉拼音后照常读出标题、日期、统计期限和六个部分。表格保持原样。无缺陷。",
    ["pinyin-inline", "encoding"],
    meta("示例县民政局", "department", 2023, "2024-01-22"), _f,
    mirrored([("title", "示例县民政局2023年政府信息公开工作年度报告"),
              ("byline", "发文日期：2024-01-22　　来源：示例县民政局"),
              "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2021〕30号要求，结合本局工作实际编制本报告。"
              "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问，请与示例县民政局办公室联系。",
              H[0],
              "2023年，我局在县委、县政府领导下，认真执行《条例》，围绕社会救助、养老服务和婚姻登记做好信息公开。",
              *five("全年主动公开政府信息174条，及时发布低保、特困供养等救助政策和资金发放信息。",
                    "全年收到政府信息公开申请2件，均依法答复。",
                    "落实信息发布审核和保密审查，规范公开属性认定。",
                    "维护县政府网站民政专栏和“示例民政”公众号。",
                    "将政务公开纳入股室年度考核，开展专项检查1次。"),
              *tables(), *tail("我局", 2023)]),
    [], options=PIPE)

_f = {"t2": t2(norm=(2, 0, 14), lic=2310, pen=176, coe=3),
      "t3": t3(new=(16, 2), disclosed=(8, 1), partially_disclosed=(2,), unavailable_not_held=(5, 1),
               not_processed_repeat=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("html-pinyin-mirror-2024", "html",
    "市交通运输局报告的镜像页：繁体字，部分字后插入带声调的拼音（“發(fā)文日期”“統(tǒng)計”“數(shù)據(jù)”“運(yùn)輸(shū)”），"
    "元数据表的标签单元格也被打断：去掉拼音后读出发布机构、发文日期、标题、统计期限和各部分标题。表格保持原样。无缺陷。",
    ["pinyin-inline", "encoding", "meta-table"],
    meta("示例市交通运输局", "department", 2024, "2025-01-20"), _f,
    mirrored([CRUMB,
              ("metatable", [("索引号", "11000000MB0009876Y/2025-00011"), ("发文日期", "2025-01-20"),
                             ("发布机构", "示例市交通运输局"), ("主题分类", "政府信息公开年报")]),
              ("title", "示例市交通运输局2024年政府信息公开工作年度报告"),
              "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2021〕30号要求编制。"
              "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。如对本报告有疑问，请与示例市交通运输局办公室联系。",
              H[0],
              "2024年，我局坚持以公开促服务，围绕综合交通建设、道路运输管理和交通执法推进政务公开。",
              *five("全年主动公开政府信息827条，及时发布公交线路调整、道路施工绕行等信息。",
                    "全年收到政府信息公开申请18件，均在法定期限内答复。",
                    "落实信息发布审核和保密审查，动态调整公开目录。",
                    "维护市政府网站交通专栏和“示例交通”公众号。",
                    "将政务公开纳入处室年度考核，组织业务培训2次。"),
              *tables(), *tail("我局", 2024)]),
    [], options={"page_title": ""})

# =============================================================================== 5. periods with 年/月 dropped
_f = {"t2": t2(norm=(0, 0, 1), lic=6), "t3": t3(new=(2,), disclosed=(2,)), "t4": t4()}
add("docx-town-period-2024", "docx",
    "镇政府的Word文件：统计期限写成“202411日至20241231日”（“年”“月”都丢了），应读出2024年全年并报“期限格式有误”；"
    "总体情况开头却是“2024年，我局坚持…”——镇的报告里出现“我局”，是照抄别的机关的文字；"
    "“制作、获取政府信息总数168条，其中主动公开152条、依申请公开11条、不予公开5条”说的是本机关信息的公开属性，不是申请的办理结果。",
    ["period-dropped", "other-body", "own-tally"],
    meta("示例县大河镇人民政府", "township", 2024, "2025-01-21"), _f,
    [("title", "示例县大河镇人民政府2024年政府信息公开工作年度报告"),
     "根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2021〕30号要求，编制本报告。"
     "本报告所列数据统计期限为202411日至20241231日。",
     H[0],
     "2024年，我局坚持以公开为常态、不公开为例外，扎实推进政务公开各项工作。",
     *five("全年制作、获取政府信息总数168条，其中主动公开152条、依申请公开11条、不予公开5条。主动公开的信息重点是惠民补贴、"
           "村务财务和乡村建设项目。",
           "全年收到政府信息公开申请2件，均予以公开。",
           "建立镇政务公开台账，落实信息发布审核。",
           "维护县政府网站乡镇专栏，更新镇村公开栏12期。",
           "将政务公开纳入村（社区）年度考核，开展督查2次。"),
     *tables(), *tail("我镇", 2024),
     ("sign", ["示例县大河镇人民政府", "2025年1月21日"])],
    [{"rule": "META-PERIOD-MALFORMED", "at": "field:period", "severity": "warning", "defect": True,
      "why": "统计期限丢了“年”“月”（202411日至20241231日）"},
     {"rule": "TEXT-OTHER-BODY", "at": "section:1", "severity": "warning", "defect": True,
      "why": "镇政府的报告里写“我局”"}])

# ======================================================================== 7. citations of the template notices
_f = {"t2": t2_2019(norm=(0, 0, 2), lic=(3, 1, 4), other=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fee=(0, 0),
                    proc=(2, 12.6)),
      "t3": t3("2019", new=(3,), disclosed=(2,), unavailable_not_held=(1,)), "t4": t4()}
add("pipe-citation-garbled-2022", "txt",
    "镇政府2022年度报告的网页抽取：前言引用“国办公开办函〔202130号”（右括号丢了），仍是2021年的格式通知——"
    "表格却是2019年版：报过时模板（所引与表格不符由这一条说，不另报）；丢掉的“〕”报一次括号不配对。",
    ["citation-garbled", "outdated-template", "template-2019", "pipe-tables"],
    meta("示例县青石镇人民政府", "township", 2022, "2023-01-17", "2019"), _f,
    [("title", "示例县青石镇人民政府2022年政府信息公开工作年度报告"),
     ("byline", "发布时间：2023-01-17 10:26 信息来源：青石镇人民政府"),
     "根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔202130号文件要求，我镇编制了2022年政府信息公开"
     "工作年度报告。" + period("standard", 2022),
     H[0],
     "2022年，我镇主动公开惠农补贴、乡村振兴项目、村务财务等信息104条；全年收到政府信息公开申请3件，均已依法答复；"
     "落实信息发布审核，政府信息管理规范；维护县政府网站乡镇专栏和各村公开栏，平台建设持续加强；镇纪委对公开工作开展监督检查，"
     "纳入年度考核。",
     H[1], ("table", "t2", {"pad": " |"}), H[2], ("table", "t3"), H[3], ("table", "t4"), *tail("我镇", 2022)],
    [{"rule": "TEXT-BRACKETS", "at": "-", "severity": "warning", "defect": True,
      "why": "“〔202130号”的“〕”丢了"},
     {"rule": "TPL-OUTDATED", "at": "field:template", "severity": "error", "defect": True,
      "why": "2022年度报告仍用2019年版表格（所引的2021年通知与表格不符，由过时模板这一条说）"}],
    options=PIPE)

_f = {"t2": t2(norm=(1, 0, 9), lic=214, pen=31, coe=2),
      "t3": t3(new=(6, 1), disclosed=(3, 1), partially_disclosed=(1,), unavailable_not_held=(2,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("plain-citation-garbled-2023", "txt",
    "县农业农村局PDF复制出的纯文本：总体情况第一段引用“（国办公开办函〔202130)”——“〕”和“号”都丢了，读作2021年的格式通知，"
    "丢掉的“〕”报在第一部分；“主动公开政府信息420条，其中政策文件40条、其他信息350条”以“其他”收尾，即称分项齐全，"
    "却只合390条；第四部分标题错成“政府信息公开行政法复议、行政诉讼情况”，仍是第四部分，表四在下面。",
    ["citation-garbled", "parts-claimed", "heading-typo", "plain-tables"],
    meta("示例县农业农村局", "department", 2023, "2024-01-19"), _f,
    [("title", "示例县农业农村局2023年政府信息公开工作年度报告"),
     preamble("我局", 2023, "standard", template_notice=False),
     H[0],
     "2023年，我局按照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔202130)要求，结合农业农村工作实际推进政务公开。",
     *five("全年主动公开政府信息420条，其中政策文件40条、其他信息350条。重点公开惠农补贴发放、农产品质量安全抽检等信息。",
           "全年收到政府信息公开申请7件，均在法定期限内答复。",
           "落实发布前保密审查，规范公开属性认定。",
           "维护县政府网站农业农村专栏和“示例农业”公众号。",
           "将政务公开纳入股室年度考核，开展专项检查1次。"),
     H[1], ("table", "t2", {"style": "spaces"}), H[2], ("table", "t3", {"style": "spaces"}),
     "四、政府信息公开行政法复议、行政诉讼情况", ("table", "t4", {"style": "spaces"}),
     *tail("我局", 2023),
     ("sign", ["示例县农业农村局", "2024年1月19日"])],
    [{"rule": "TEXT-BRACKETS", "at": "section:1", "severity": "warning", "defect": True,
      "why": "“〔202130)”的“〕”丢了"},
     {"rule": "PROSE-PARTS-SUM", "at": "section:1", "severity": "warning", "defect": True,
      "why": "以“其他信息”收尾的分项只合390条，总数420条"},
     {"rule": "SEC-HEADING-TYPO", "at": "section:4", "severity": "warning", "defect": True,
      "why": "第四部分标题错成“行政法复议”"}],
    producer="plain")

# ======================================================================================= 8. old-style headings
_f = {"t2": t2(norm=(0, 0, 4), lic=18), "t3": t3(new=(4,), disclosed=(3,), unavailable_not_held=(1,)), "t4": t4()}
add("pipe-old-headings-2021", "txt",
    "县司法局2021年度报告：标题和统计期限都正常，第一部分却是旧式标题“一、政府信息公开工作的基本情况”，下分1.至5.小项；"
    "前言以标题引用2019年的《…关于政府信息公开工作年度报告有关事项的通知》为依据，表格却是2021年版；"
    "“制作、获取政府信息总数312条，其中主动公开286条、依申请公开20条、不予公开6条”是本机关信息的公开属性，不是申请；"
    "“发布信息260条，其中工作动态150条、普法宣传80条、通知公告45条等”分项超过总数，带“等”也不对；"
    "署名行末尾的字号挂件只剩“【字号”，是网站外壳。",
    ["old-headings", "tpl-cited-2019", "notice-by-title", "own-tally", "parts-claimed", "font-widget"],
    meta("示例县司法局", "department", 2021, "2022-01-20"), _f,
    [("title", "示例县司法局2021年政府信息公开工作年度报告"),
     ("byline", "发布时间：2022-01-20 来源：县司法局 【字号"),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作"
     "年度报告有关事项的通知》要求，编制本报告。" + period("standard", 2021),
     "一、政府信息公开工作的基本情况",
     "1.主动公开情况。全年制作、获取政府信息总数312条，其中主动公开286条、依申请公开20条、不予公开6条。通过县政府网站发布信息"
     "260条，其中工作动态150条、普法宣传80条、通知公告45条等。",
     "2.依申请公开情况。全年收到政府信息公开申请4件，均在法定期限内答复。",
     "3.政府信息管理情况。落实公开属性源头认定和保密审查。",
     "4.平台建设情况。维护县政府网站司法行政专栏和“示例普法”公众号。",
     "5.监督保障情况。将政务公开纳入股室年度考核。",
     *tables(), *tail("我局", 2021)],
    [{"rule": "SEC-HEADING-VARIANT", "at": "section:1", "severity": "info", "defect": True,
      "why": "第一部分用旧式标题“政府信息公开工作的基本情况”"},
     {"rule": "TPL-CITED", "at": "field:template", "severity": "warning", "defect": True,
      "why": "以2019年的通知（年度报告有关事项）为依据，表格是2021年版"},
     {"rule": "PROSE-PARTS-SUM", "at": "section:1", "severity": "warning", "defect": True,
      "why": "“发布信息260条”的分项合275条，超过总数"}],
    options=PIPE)

_f = {"t2": t2(norm=(1, 1, 6), lic=1240, pen=12),
      "t3": t3(new=(8,), disclosed=(5,), partially_disclosed=(1,), unavailable_not_held=(2,)), "t4": t4()}
add("docx-old-headings-2022", "docx",
    "县人社局的Word文件：第一部分是旧式标题“一、政府信息公开工作的基本情况”（下分1.至5.），其余部分是模板标题；"
    "前言以标题引用2019年的“年度报告有关事项的通知”为依据而表格是2021年版；表二表头“本年废止件数”错成“本年废纸件数”，照读，报一次。",
    ["old-headings", "tpl-cited-2019", "notice-by-title", "label-typo", "date-signature"],
    meta("示例县人力资源和社会保障局", "department", 2022, "2023-01-19"), _f,
    [("title", "示例县人力资源和社会保障局2022年政府信息公开工作年度报告"),
     "本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的"
     "通知》的要求编制。" + period("standard", 2022),
     "一、政府信息公开工作的基本情况",
     "1.主动公开。全年主动公开就业创业、社会保险、劳动关系等政府信息538条。",
     "2.依申请公开。全年收到政府信息公开申请8件，全部按期答复。",
     "3.政府信息管理。规范公开属性认定，落实保密审查。",
     "4.平台建设。维护县政府网站人社专栏，开通社保查询专区。",
     "5.监督保障。将政务公开纳入股室年度考核，开展专项检查2次。",
     *tables({"t2": {"labels": {"本年废止件数": "本年废纸件数"}}}), *tail("我局", 2022),
     ("sign", ["示例县人力资源和社会保障局", "2023年1月19日"])],
    [{"rule": "SEC-HEADING-VARIANT", "at": "section:1", "severity": "info", "defect": True,
      "why": "第一部分用旧式标题“政府信息公开工作的基本情况”"},
     {"rule": "TPL-CITED", "at": "field:template", "severity": "warning", "defect": True,
      "why": "以2019年的通知为依据，表格是2021年版"},
     {"rule": "READ-LABEL-TYPO", "at": "t2", "severity": "warning", "defect": True,
      "why": "表二表头“本年废纸件数”"}])

# ===================================================================== 13. another body; 14c near-miss wording
_f = {"t2": t2(norm=(1, 0, 9), lic=36, pen=2),
      "t3": t3(new=(6,), disclosed=(3,), unavailable_not_held=(2,), other_overdue_correction=(1,)), "t4": t4()}
add("html-other-county-2022", "html",
    "县教育局的页面：总体情况第一句的主语是另一个县的教育局（“2022年，样板县教育局坚持…”），是照抄的文字；"
    "“期限届满仍未收到该申请人提交的补正材料”不是“未收到申请”；前言只以标题引用2021年的格式通知；"
    "第四部分标题错成“政府信息公开行政法复议、行政诉讼情况”，仍是第四部分。",
    ["other-body", "negation-wording", "notice-by-title", "heading-typo", "html-rowspan"],
    meta("示例县教育局", "department", 2022, "2023-01-18"), _f,
    [CRUMB, ("title", "示例县教育局2022年政府信息公开工作年度报告"),
     ("byline", "发布时间：2023-01-18 来源：示例县教育局"),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国"
     "政府信息公开工作年度报告格式〉的通知》要求，编制本报告。" + period("standard", 2022),
     H[0],
     "2022年，样板县教育局坚持以人民为中心的发展思想，围绕招生入学、教育收费、校园安全等群众关切做好信息公开。",
     *five("全年主动公开政府信息391条，重点公开义务教育招生政策和学生资助信息。",
           "全年收到政府信息公开申请6件，其中3件予以公开，2件因本机关不掌握相关信息告知申请人；另有1件申请内容不明确，"
           "我局依法书面告知补正，期限届满仍未收到该申请人提交的补正材料，按规定不再处理。",
           "落实信息发布审核和保密审查。",
           "维护县政府网站教育专栏和“示例教育”公众号。",
           "将政务公开纳入学校和股室年度考核。"),
     H[1], ("table", "t2"), H[2], ("table", "t3"),
     "四、政府信息公开行政法复议、行政诉讼情况", ("table", "t4"),
     *tail("我局", 2022)],
    [{"rule": "TEXT-OTHER-BODY", "at": "section:1", "severity": "warning", "defect": True,
      "why": "总体情况的主语是样板县教育局"},
     {"rule": "SEC-HEADING-TYPO", "at": "section:4", "severity": "warning", "defect": True,
      "why": "第四部分标题错成“行政法复议”"}],
    options={"page_title": "示例县教育局2022年政府信息公开工作年度报告"})

# =========================================================== 14b. PDFs: pages of prose, wrapped table-3 labels
WRAPPED = {"1.本机关不掌握相关政府信息": "1.本机关不掌握\n相关政府信息", "2.没有现成信息需要另行制作": "2.没有现成信息\n需要另行制作",
           "3.补正后申请内容仍不明确": "3.补正后申请内容\n仍不明确", "2.其他法律行政法规禁止公开": "2.其他法律行政法规\n禁止公开",
           "3.危及“三安全一稳定”": "3.危及“三安全\n一稳定”", "4.无正当理由大量反复申请": "4.无正当理由大量\n反复申请",
           "5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或\n重新出具已获取信息",
           "1.信访举报投诉类申请": "1.信访举报投诉类\n申请", "2.重复申请": "2.重复申请"}

_f = {"t2": t2(reg=(0, 0, 0), norm=(9, 3, 64), lic=18650, pen=2734, coe=143, fee=412.6),
      "t3": t3(new=(86, 7, 0, 1, 2, 1), prev=(3,), disclosed=(31, 3, 0, 1, 1), partially_disclosed=(9, 1),
               withheld_third_party=(2,), withheld_process=(3,), withheld_enforcement=(2,),
               unavailable_not_held=(24, 2, 0, 0, 1, 1), unavailable_needs_creation=(3,), unavailable_unclear=(1,),
               not_processed_petition=(5,), not_processed_repeat=(3,), other_overdue_correction=(1,), other_other=(2,)),
      "t4": t4(recon=(3, 1, 0, 1), direct=(2, 0, 1, 1), after=(1, 0, 0, 0))}
_R1 = [
    "2022年，示例县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实《条例》和省、市关于"
    "政务公开的工作部署，围绕稳经济、促发展、保民生、防风险等中心工作，以公开促落实、以公开强监管、以公开优服务，持续提升政府"
    "透明度和公信力。县政府常务会议两次专题研究政务公开工作，印发全县政务公开工作要点，将任务分解到县政府各部门和各乡镇，明确"
    "完成时限和责任单位，形成主要领导亲自抓、分管领导具体抓、政务公开办统筹协调、各单位各负其责的工作格局。",
    "（一）主动公开。全年通过县政府门户网站主动公开政府信息9860条，发布政策解读86篇，召开新闻发布会12场，县政府主要负责同志"
    "出席发布会3场。聚焦优化营商环境，集中公开涉企政策清单、行政审批事项目录和中介服务事项清单，及时更新“一件事一次办”办事"
    "指南；聚焦重大建设项目，按批准、实施两个阶段公开项目审批、招标投标、征收补偿和施工进展等信息；聚焦社会公益事业，公开教育、"
    "医疗卫生、社会救助、养老服务、食品药品安全等领域信息。",
    "围绕乡村振兴、生态环境、公共资源配置等重点领域，细化公开内容。乡村振兴方面，公开衔接推进乡村振兴补助资金分配、项目库建设"
    "和项目实施情况；生态环境方面，公开环境质量状况、重点排污单位名录和环境行政处罚信息；公共资源配置方面，依托县公共资源交易"
    "平台公开工程建设项目招标投标、政府采购、国有土地使用权出让等信息，做到交易过程全公开。",
    "深化政策解读和决策公开。坚持政策文件与解读材料同步组织、同步审签、同步发布，县政府及县政府办公室印发的行政规范性文件均配发"
    "解读材料；对涉及群众切身利益的重大决策事项，通过政府网站意见征集栏目公开征求意见，全年开展意见征集9次，并公开意见采纳情况。"
    "县政府年度重大行政决策事项目录经县政府常务会议审议后向社会公布，决策作出后及时公开决策文件和解读材料。",
    "围绕群众关心关注的热点问题，持续做好回应关切工作。全年通过政府网站留言板、12345政务服务便民热线等渠道受理群众咨询、建议和"
    "投诉4120件，按期办结率100%；对社会关注度高的教育入学、医保报销、农村饮水等问题，及时发布权威信息，主动解疑释惑。加强财政"
    "信息公开，县本级和各部门在规定时间内公开2022年度预算和2021年度决算，细化公开“三公”经费和政府采购信息，接受社会监督。",
    "推进基层政务公开标准化规范化，指导各乡镇对照试点领域标准目录完善政务公开事项清单，在乡镇便民服务中心和村（社区）公开栏同步"
    "公开惠民惠农政策、低保救助、困难群众补贴等信息，打通政务公开“最后一公里”。",
    "围绕“六稳”“六保”政策落实，集中公开减税降费、稳岗就业、助企纾困等政策措施，编制惠企政策汇编并在门户网站开设“惠企政策直达”"
    "专栏，全年发布惠企政策信息420条，推动政策应享尽享。",
    "推进就业、社保、教育等民生领域信息公开。按月公开城乡低保、特困人员救助供养资金发放情况，及时公开就业岗位信息、职业技能培训"
    "计划和补贴申领办法，公开义务教育学校招生范围、招生计划和录取结果。",
    "做好突发事件信息发布。汛期及时发布雨情、水情和地质灾害预警信息，公开防汛应急响应启动和调整情况；对群众关注的疫情防控政策调整，"
    "第一时间通过门户网站、政务新媒体和新闻发布会发布权威信息。",
    "推进法治政府建设信息公开。公开县政府法治政府建设年度报告、行政执法统计年报，县政府各执法部门在门户网站公示行政执法事项清单、"
    "执法流程和行政执法决定，接受社会监督。",
    "推进建议提案办理结果公开。全年承办县人大代表建议126件、县政协委员提案158件，均在规定时限内办结；对涉及公共利益、社会关注度"
    "高的建议提案，在县政府门户网站公开办理复文全文，同步公开办理工作总体情况，接受代表委员和社会公众监督。",
    "做好政府公报编辑发行。全年编印《示例县人民政府公报》12期，刊登县政府及县政府办公室文件、部门规范性文件等内容，免费赠阅至各"
    "乡镇便民服务中心、村（社区）服务站和县图书馆、档案馆，公报电子版同步在门户网站发布，方便群众查阅。",
    "推动政务服务信息公开。依托政务服务网动态公开县级政务服务事项清单，逐项明确办理条件、申请材料、办理时限和收费标准，做到办事"
    "指南与实际办理一致；在县政务服务中心设置综合咨询窗口和“办不成事”反映窗口，公开投诉渠道和处理结果。",
    "加强公共企事业单位信息公开。督促供水、供电、供气、公共交通等公共企事业单位公开服务标准、收费依据和办事流程，在营业场所和"
    "门户网站同步公示；指导教育、医疗卫生机构公开收费项目、服务承诺和监督电话，畅通群众咨询投诉渠道。",
    "做好审计整改和民生实事进展公开。县政府审计工作报告及审计查出问题整改情况按规定向社会公开；县政府确定的十项民生实事按季度"
    "公开进展情况，年底公开完成情况，让群众看得见、可评价。",
    "（二）依申请公开。进一步规范申请的接收、登记、审核、办理、答复和归档，落实“一案一档”。全县新收政府信息公开申请97件，上年"
    "结转3件，办结96件，结转下年度4件。对申请内容不明确的，依法一次性告知申请人补正；有1件申请在补正期限届满时仍未收到该申请人"
    "提交的补正材料，按规定不再处理。对涉及第三方合法权益的申请，依法书面征求第三方意见后作出答复，答复的规范性、准确性进一步提高。",
    "加强依申请公开业务指导。县政务公开办编印依申请公开答复文书参考样本，组织各部门、各乡镇依申请公开工作人员集中学习典型案例，"
    "对答复文书开展抽查评查2次，纠正告知内容不完整、救济途径表述不规范等问题。",
    "（三）政府信息管理。严格执行信息发布“三审三校”制度，落实公开前保密审查，全年未发生泄密和不当公开事件。全面清理县政府及县政府"
    "办公室现行有效的行政规范性文件，废止不再适用的3件，新制发9件，清理结果集中公开。动态调整主动公开基本目录，推进政府信息公开"
    "属性源头认定，公文办理时同步明确“主动公开”“依申请公开”或“不予公开”属性。",
    "加强政府信息公开审查。建立“业务科室初审、办公室复审、分管负责同志终审”的三级审查机制，对拟公开信息中涉及个人信息、商业秘密的"
    "内容进行去标识化处理；定期开展已公开信息自查，及时撤回和更正存在问题的信息。",
    "（四）政府信息公开平台建设。推进政府网站集约化，完成部门和乡镇网站整合迁移，统一信息资源库和栏目标准；规范政务新媒体管理，"
    "关停整合功能重复、更新缓慢的账号5个；县政务服务中心设立政府信息公开查阅点，提供政府公报和政策文件纸质文本查阅服务，全年接待"
    "查阅群众320人次。",
    "提升政府网站服务功能。优化门户网站智能搜索和政策文件库，实现政策文件按主题、发文机关和成文日期检索；开设无障碍浏览和长者模式，"
    "方便老年人和残障人士获取政府信息。",
    "（五）监督保障。将政务公开纳入全县年度综合考核，分值占比4%，考核结果与评先评优挂钩；组织人大代表、政协委员和群众代表对政务"
    "公开工作开展社会评议1次，评议结果为良好；县政务公开办开展季度检查4次，通报问题28个并督促整改到位；全年未发生因政务公开工作"
    "不力被责任追究的情况。举办全县政务公开业务培训2期，参训人员260余人次。",
    "压实工作责任。县政府各部门、各乡镇明确一名负责同志分管政务公开工作，配备专兼职工作人员，建立信息发布台账和问题整改台账，"
    "做到工作有人抓、问题有人改。",
]
add("pdf-rl-prose-pages-2022", "pdf",
    "县政府年报的reportlab PDF：标题分两行，第一行以年份结尾而没有“年”字（“示例县人民政府2022” / “政府信息公开工作年度报告”）；"
    "前两页整页是总体情况的长文（二十三段），表格从第二页末才开始，表三跨页；表三的长标签在单元格里折成两行，数值印在第一行旁（顶端对齐）；"
    "“仍未收到该申请人提交的补正材料”不是“未收到申请”；监督保障写了考核、社会评议和责任追究。无缺陷。",
    ["pdf-prose-pages", "pdf-label-wrapped", "title-bare-year", "negation-wording", "pdf-ruled", "pdf-page-break",
     "date-signature"],
    meta("示例县人民政府", "government", 2022, "2023-03-10"), _f,
    [("title", ["示例县人民政府2022", "政府信息公开工作年度报告"]),
     "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2021〕30号要求，由示例县人民政府办公室编制。"
     "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题"
     "及改进情况、其他需要报告的事项。" + period("standard", 2022)
     + "本报告电子版可在县政府门户网站下载。如对本报告有疑问，请与示例县人民政府办公室联系（电话：0000-6012345）。",
     H[0], *_R1,
     *tables({"t3": {"labels": WRAPPED, "valign": "TOP"}}), *tail("县政府", 2022),
     ("sign", ["示例县人民政府办公室", "2023年3月10日"])],
    [], options={"page_numbers": True})

_f = {"t2": t2(norm=(4, 2, 37), lic=2186, pen=96, coe=5),
      "t3": t3(new=(58, 6, 0, 1, 3), prev=(4,), disclosed=(21, 2), partially_disclosed=(6, 1),
               withheld_third_party=(1,), withheld_process=(2,), unavailable_not_held=(19, 2, 0, 1, 2),
               unavailable_needs_creation=(2,), not_processed_petition=(2,), not_processed_repeat=(3,),
               other_overdue_correction=(1,), other_other=(1,)),
      "t4": t4(recon=(2, 0, 0, 1), direct=(1, 0, 0, 0))}
_R2 = [
    "2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，认真落实《条例》和"
    "市委、市政府关于政务公开的部署要求，围绕国土空间规划、耕地保护、自然资源资产管理和不动产登记等职责，推动决策、执行、管理、"
    "服务、结果全过程公开，以高质量公开服务高质量发展。",
    "（一）主动公开。全年主动公开政府信息1260条，其中规划批前公示36条、土地供应公告24条、政策解读18条，涉及国土空间总体规划、"
    "详细规划、建设用地审批、矿业权出让等内容。规划批前公示在项目所在地现场和门户网站同步进行，公示期内收集并处理意见建议，"
    "批后及时公布审批结果。",
    "围绕耕地保护和节约集约用地，按季度公开耕地保护目标责任落实、补充耕地项目验收和土地卫片执法检查结果；围绕自然资源资产管理，"
    "公开国有建设用地使用权出让计划、出让结果和土地供应年度计划执行情况；围绕不动产登记便民利民，公开办事指南、收费标准和办理"
    "时限，在门户网站开设“登记一件事”专区，推动高频事项“一网通办”。",
    "加强规划信息公开。国土空间总体规划批准后，在门户网站开设专栏公开规划文本、图件和说明，组织规划公开展示活动，邀请市民参观并"
    "解读规划要点；详细规划和专项规划批准后均在法定时限内公开。",
    "推进不动产登记信息服务。公开不动产登记收费标准、办理流程和申请材料清单，推行“互联网+不动产登记”，群众可在线查询登记进度和"
    "办理结果；在登记大厅设置自助查询机，方便权利人查询本人不动产登记信息。",
    "做好自然资源统计信息公开。按年度公开土地利用现状、耕地保有量、森林覆盖率等自然资源统计数据，按季度公开建设用地供应和土地"
    "市场交易情况，为社会各界提供数据服务。",
    "推进生态修复信息公开。公开国土空间生态修复规划、历史遗留矿山生态修复项目清单和实施进展，公开全域土地综合整治试点项目的实施"
    "方案和验收结果。",
    "推进地质灾害防治信息公开。汛期前公开地质灾害隐患点分布、防治责任人和监测预警措施，汛期及时发布地质灾害气象风险预警信息21期，"
    "提醒群众做好防范。",
    "加强测绘地理信息公开。公开基础测绘成果目录和提供使用办法，发布标准地图和政务版地图服务，全年提供基础测绘成果服务86次。",
    "做好林业和湿地信息公开。公开林木采伐许可审批结果、林地征占用审核情况和湿地保护名录，按季度公开森林督查发现问题的整改进展。",
    "推进历史遗留问题化解信息公开。对群众反映集中的历史遗留项目不动产登记问题，公开分类处置政策、办理流程和进度，全年公开已处置"
    "项目17个。",
    "深化基层政务公开。指导各区分局完善征地补偿、宅基地审批等基层政务公开事项目录，推动征地信息在村（社区）公开栏和门户网站同步"
    "公开，保障被征地群众的知情权和参与权。加强政策解读和回应关切，坚持政策文件与解读材料同步起草、同步审签、同步发布，采用图解、"
    "短视频等形式解读耕地保护、不动产登记等政策；对群众关心的规划调整问题，及时通过门户网站和新闻媒体发布权威信息。",
    "畅通政民互动渠道。全年通过12345政务服务便民热线和门户网站留言受理群众咨询诉求1860件，按时办结率100%；对反映集中的"
    "不动产登记办理时限、历史遗留项目办证等问题，梳理形成常见问题解答并在门户网站公开，减少群众重复咨询。",
    "推进重大行政决策公开。对国土空间总体规划、历史文化名城保护规划等重大行政决策事项，在决策前通过门户网站、报纸和现场公示等"
    "方式公开征求意见，召开座谈会、论证会5场，公开意见收集和采纳情况；决策作出后及时公开决策文件和解读材料。",
    "做好征地信息公开。建设用地报批前，在拟征收土地所在的乡镇和村、组张贴征收土地预公告和征地补偿安置方案公告，同时在门户网站"
    "“征地信息公开”专栏发布；建设用地批准后，公开批准文件、征收范围、补偿标准和安置途径，方便被征地群众查询。",
    "加强自然资源执法信息公开。按照行政执法公示制度要求，公开执法主体、执法人员、执法依据、执法程序和救济渠道，行政处罚决定"
    "作出后7个工作日内在门户网站公开，全年公开行政处罚决定96件。",
    "推动矿产资源信息公开。公开矿业权出让计划、出让公告、出让结果和矿山地质环境治理恢复情况，公开采矿权人勘查开采信息公示结果，"
    "接受社会监督。",
    "做好建议提案办理结果公开。全年承办市人大代表建议34件、市政协委员提案41件，全部按期办结，办理复文在门户网站公开。",
    "（二）依申请公开。全年新收政府信息公开申请68件，上年结转4件，办结66件，结转下年度6件。申请内容主要集中在征地补偿、规划许可"
    "和不动产登记等方面。我局严格执行登记、审核、会商、答复、归档全流程管理，对疑难复杂申请组织法律顾问会商，确保答复依法规范；"
    "对申请人的补正、延期等事项，均依法书面告知。",
    "规范依申请公开答复文书。制定答复文书参考样本，明确告知内容、法律依据和救济途径；对涉及第三方的申请，依法书面征求第三方意见，"
    "全年征求意见3次。",
    "（三）政府信息管理。落实“三审三校”和保密审查制度，公文拟制时同步确定公开属性；全年新制发行政规范性文件4件，废止2件，"
    "现行有效37件，均在门户网站“政策文件”栏目集中公开并标注效力状态。定期开展已公开信息的审查清理，对过期失效信息及时调整。",
    "加强公开前审查。建立“处室初审、法规处复审、分管负责同志终审”的审查机制，对涉及个人信息、商业秘密的内容依法处理后公开。",
    "（四）平台建设。优化门户网站信息公开专栏，完善“国土空间规划”“征地信息”“矿业权”等专题栏目；规范“示例自然资源”政务新媒体"
    "运维，全年发布信息580余条；在不动产登记大厅设置政府信息公开查阅点，方便群众现场查阅。",
    "完善门户网站检索功能，政策文件可按主题、文号和成文日期检索，开设无障碍浏览模式。",
    "（五）监督保障。成立政务公开工作领导小组，局主要负责同志任组长；将政务公开纳入处室和直属单位年度绩效考核；全年开展专项检查"
    "3次，发现并整改问题16个；组织全局政务公开业务培训2次，提升工作人员的公开意识和业务能力。",
    "建立政务公开工作月调度机制，每月通报各处室和直属单位信息发布情况，对更新不及时的栏目督促整改。",
]
add("pdf-rl-prose-pages-2024", "pdf",
    "市自然资源和规划局的reportlab PDF：第一页整页、第二页大半页是总体情况的长文（二十六段），表格在后；表三的长标签折成两行，数值印在最后一行旁"
    "（底端对齐）；“1260条，其中规划批前公示36条、土地供应公告24条、政策解读18条”只点了几项，不是全部，不求和；"
    "“行政处罚决定作出后7个工作日内…公开”的7是期限，不是处罚决定数（其后的96件才是）；"
    "第五部分标题写成“存在的主要问题及明年工作计划”，是第五部分的变体。",
    ["pdf-prose-pages", "pdf-label-wrapped", "heading-variant", "parts-partial", "numbers-not-counts", "pdf-ruled",
     "date-signature"],
    meta("示例市自然资源和规划局", "department", 2024, "2025-01-24"), _f,
    [("title", "示例市自然资源和规划局2024年政府信息公开工作年度报告"),
     preamble("我局", 2024, "standard"),
     H[0], *_R2,
     *tables({"t3": {"labels": WRAPPED, "valign": "BOTTOM"}}),
     _H5_PLAN,
     "2024年，我局政府信息公开工作仍有不足：一是部分专题栏目更新不够及时；二是政策解读形式仍较单一，群众参与度不高。",
     "2025年，我局将建立专题栏目定期更新提醒机制，加强图解、视频解读，提升政策解读的针对性和可读性。",
     H[5], fee_none("我局", 2024),
     ("sign", ["示例市自然资源和规划局", "2025年1月24日"])],
    [{"rule": "SEC-HEADING-VARIANT", "at": "section:5", "severity": "info", "defect": True,
      "why": "第五部分标题写成“存在的主要问题及明年工作计划”"}],
    options={"page_numbers": True})

# =========================================================================== 8c. the report's text on one line
_f = {"t2": t2(norm=(3, 1, 22), lic=512, pen=44, coe=2),
      "t3": t3(new=(17, 2, 0, 0, 1), disclosed=(8, 1), partially_disclosed=(2,), unavailable_not_held=(5, 1, 0, 0, 1),
               not_processed_repeat=(2,)),
      "t4": t4(recon=(1, 0, 0, 0))}
_one = " ".join([
    preamble("我区", 2023, "standard"), H[0],
    "2023年，东湖管理区坚持以公开促服务，围绕生态保护、项目建设和民生保障推进政务公开。",
    *five("全年在区门户网站主动公开政府信息624条，重点公开惠民资金和项目建设信息。",
          "全年收到政府信息公开申请20件，均在法定期限内答复。",
          "落实信息发布审核和保密审查。", "维护区门户网站信息公开专栏和“东湖发布”公众号。",
          "将政务公开纳入区直部门年度考核，开展督查2次。"),
    H[1]])
_one_end = " ".join([H[4], *problems("我区", 2023), H[5], fee_none("我区", 2023), "示例市东湖管理区党政办公室 2024年1月19日"])
add("pipe-one-line-2023", "txt",
    "管理区网页的抽取：分享挂件（“分享到：”）之后，前言、“一、总体情况”及其正文和“二、主动公开政府信息情况”连成一行，"
    "第五、六部分连同落款又是一行，只有表格各自成行：行内的部分标题照样找到，按普通报告读。管理区不是人民政府，是园区类（zone）。无缺陷。",
    ["headings-inline", "zone-kind", "pipe-tables"],
    meta("示例市东湖管理区", "zone", 2023, "2024-01-19"), _f,
    [("title", "示例市东湖管理区2023年政府信息公开工作年度报告"),
     ("byline", "发布时间：2024-01-19 来源：东湖管理区党政办公室"),
     ("lines", ["分享到：  微信  微博  QQ空间  【打印】", _one]),
     ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     ("lines", [_one_end])],
    [], options=PIPE)

_f = {"t2": t2(norm=(0, 0, 3), lic=58, pen=6), "t3": t3(new=(3, 1), disclosed=(2, 1), unavailable_not_held=(1,)),
      "t4": t4()}
_one = " ".join([
    preamble("我局", 2024, "standard"), H[0],
    "2024年，我局围绕促消费、稳外贸和市场体系建设推进政务公开。",
    *five("全年主动公开政府信息186条，及时发布消费券发放和展会信息。",
          "全年收到政府信息公开申请4件，均按期答复。",
          "落实信息发布审核。", "维护区政府网站商务专栏。", "将政务公开纳入科室年度考核。"),
    H[1]])
_one_end = " ".join([H[4], *problems("我局", 2024), H[5], fee_none("我局", 2024)])
add("html-one-line-2024", "html",
    "区商务局页面：正文是一个不分段的长段落——前言、“一、总体情况”及其正文、“二、主动公开政府信息情况”连在一起，第五、六部分"
    "又连成一段，只有表格是表格；页面上方有分享挂件（“分享到：”）。行内的部分标题照样找到，按普通报告读。无缺陷。",
    ["headings-inline", "html-rowspan"],
    meta("示例区商务局", "department", 2024, "2025-01-17"), _f,
    [("chrome", "分享到：", {"cls": "share"}), ("chrome", "微信 微博 QQ空间", {"cls": "share"}),
     ("title", "示例区商务局2024年政府信息公开工作年度报告"),
     ("byline", "发布日期：2025-01-17 来源：示例区商务局"),
     ("raw", f"<p>{esc(_one)}</p>"), ("table", "t2"),
     ("raw", f"<p>{esc(H[2])}</p>"), ("table", "t3"), ("raw", f"<p>{esc(H[3])}</p>"), ("table", "t4"),
     ("raw", f"<p>{esc(_one_end)}</p>")],
    [], options={"page_title": "示例区商务局2024年政府信息公开工作年度报告"})

# =========================================================================================== 15. cut downloads
_f = {"t2": t2(norm=(1, 0, 4), pen=37),
      "t3": t3(new=(9, 1), disclosed=(5, 1), partially_disclosed=(1,), withheld_internal=(1,),
               unavailable_not_held=(2,))}
_t3_lines = cut_after(lone_bar_lines("t3", _f["t3"]), "5.属于三类内部事务信息 |", 1 + 4)   # the lone "|" and 4 cells
_shown = [r for r in _f["t3"]][:list(_f["t3"]).index("withheld_internal") + 1]
_f["t3"]["withheld_internal"] = [*_f["t3"]["withheld_internal"][:4], None, None, None]
add("pipe-cut-lone-bar-2024", "txt",
    "区医保局镜像页的抽取，下载在表三“5.属于三类内部事务信息”一行的第四格处中断：表格一格一行、行标签后单独一行“|”（不是空白格）；"
    "中断之后的表三各行、表四和第四至六部分都不在——只报一次“文件不完整”，不报缺少部分、缺表、缺行或短行。",
    ["cut-download", "pipe-lone-bar", "cells-per-line"],
    meta("示例区医疗保障局", "department", 2024, "2025-01-16"), _f,
    [("title", "示例区医疗保障局2024年政府信息公开工作年度报告"),
     ("byline", "发布时间：2025-01-16 11:02 来源：示例区医疗保障局"),
     preamble("我局", 2024, "standard"),
     H[0],
     "2024年，我局围绕医保待遇、基金监管和医保服务推进政务公开。",
     *five("全年主动公开政府信息203条，重点公开医保政策调整和定点医药机构信息。",
           "全年收到政府信息公开申请10件，均在法定期限内答复。",
           "落实信息发布审核和保密审查。", "维护区政府网站医保专栏。", "将政务公开纳入科室年度考核。"),
     H[1], ("lines", lone_bar_lines("t2", _f["t2"])), H[2], ("lines", _t3_lines)],
    [{"rule": "READ-CUT", "at": "-", "severity": "warning", "defect": False,
      "why": "下载在表三中断，其后的内容不在文件里"}],
    shown={"t3": _shown}, options=PIPE)

_f = {"t2": t2(norm=(0, 0, 2))}
add("html-cut-2023", "html",
    "县乡村振兴局页面的不完整保存：在第三部分的第一句话中间中断（“…做到”），表三、表四和第四至六部分都不在，"
    "页首没有日期（日期在页尾，已丢失）——只报一次“文件不完整”，不报缺少部分、缺表或缺日期。",
    ["cut-download"],
    meta("示例县乡村振兴局", "department", 2023, None), _f,
    [CRUMB, ("title", "示例县乡村振兴局2023年政府信息公开工作年度报告"),
     ("byline", "来源：示例县乡村振兴局 浏览次数：52"),
     preamble("我局", 2023, "standard"),
     H[0],
     "2023年，我局围绕巩固拓展脱贫攻坚成果、衔接资金使用和帮扶项目推进政务公开。",
     *five("全年主动公开政府信息97条，重点公开衔接资金分配和项目实施信息。",
           "全年收到政府信息公开申请2件，均按期答复。",
           "落实信息发布审核。", "维护县政府网站乡村振兴专栏。", "将政务公开纳入股室年度考核。"),
     H[1], ("table", "t2"), ("h", H[2]),
     ("raw", '<p style="text-indent:2em">2023年，我局严格按照法定程序和时限办理依申请公开事项，做到')],
    [{"rule": "READ-CUT", "at": "-", "severity": "warning", "defect": False,
      "why": "页面在第三部分的一句话中间中断"}],
    options={"page_title": "示例县乡村振兴局2023年政府信息公开工作年度报告", "footer": ""})


# ------------------------------------------------------------------------------------------------ before 2019
# Reports before the 2019 template: the 2008 条例's parts (概述, 依申请公开, 收费及减免 …) and one
# statistics table, 指标名称 | 计量单位 | 本年度 | 历年累计, whose rows the reader matches by label.
_OLD_ROWS = (("active", "主动公开信息数", "条"), ("requests", "受理依申请公开信息总数", "条"),
             ("req_in_person", "其中:1.当面申请数", "条"), ("req_fax", "2.传真申请数", "条"),
             ("req_email", "3.电子邮件申请数", "条"), ("req_online", "4.网上申请数", "条"),
             ("req_letter", "5.信函申请数", "条"), ("req_other", "6.其它形式申请数", "条"),
             ("replies", "本年度对申请的答复总数", "条"), ("reply_agree", "其中:1.同意公开答复数", "条"),
             ("reply_partial", "2.同意部分公开答复数", "条"), ("reply_refuse", "3.否决公开答复总数", "条"),
             ("reconsideration", "行政复议数", "件"), ("litigation", "行政诉讼数", "件"), ("complaints", "行政申诉数", "件"))
_OLD_HEADINGS = ("一、概述", "二、主动公开政府信息情况", "三、依申请公开政府信息情况", "四、政府信息公开的收费及减免情况",
                 "五、因政府信息公开申请行政复议、提起行政诉讼的情况", "六、政府信息公开工作存在的主要问题及改进措施",
                 "七、需要说明的事项与附表")


def _old_table_pipe(fig: dict[str, list[Any]], year: int) -> list[str]:
    return [f"指标名称 | 计量单位 | {year}年度 | 历年累计 |",
            *(f"{label} | {unit} | {fig[row][0]} | {fig[row][1]} |" for row, label, unit in _OLD_ROWS)]


def _old_table_html(fig: dict[str, list[Any]]) -> str:
    cells = "".join(f"<tr><td>{label}</td><td>{unit}</td><td>{fig[row][0]}</td><td>{fig[row][1]}</td></tr>"
                    for row, label, unit in _OLD_ROWS)
    return ('<table border="1"><tr><td>指标名称</td><td>计量单位</td><td>本年度</td><td>历年累计</td></tr>'
            + cells + "</table>")


_f = {"t1": {"active": [186, 1420], "requests": [9, 58], "req_in_person": [2, 20], "req_fax": [0, 1],
             "req_email": [1, 6], "req_online": [5, 25], "req_letter": [1, 6], "req_other": [0, 0],
             "replies": [9, 58], "reply_agree": [6, 40], "reply_partial": [1, 8], "reply_refuse": [2, 10],
             "reconsideration": [0, 1], "litigation": [0, 0], "complaints": [0, 0]}}
add("pipe-pre2019-2017", "txt",
    "县民政局2017年度报告（2008年条例的格式：概述、依申请公开、收费及减免……七部分，文末附统计表“指标名称｜计量单位｜2017年度｜"
    "历年累计”）：统计表按行读取并核对；正文“共受理申请11件”与表中本年度受理9件不符。3月15日发布，旧条例下期限是3月31日。",
    ["pre2019-table", "pipe-tables"],
    {"body": "示例县民政局", "kind": "department", "year": 2017, "period": "2017-01-01/2017-12-31",
     "published": "2018-03-15", "template": "pre2019"}, _f,
    [("title", "示例县民政局2017年政府信息公开工作年度报告"),
     ("byline", "发布日期:2018-03-15 来源:示例县民政局"),
     "本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、"
     "政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施、需要说明的事项"
     "与附表七个部分。本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。",
     _OLD_HEADINGS[0], "2017年，我局认真贯彻落实《条例》，围绕低保救助、养老服务做好政府信息公开。",
     _OLD_HEADINGS[1], "全年主动公开政府信息186条，重点公开低保、特困供养和救灾资金信息。",
     _OLD_HEADINGS[2], "全年共受理政府信息公开申请11件，均按期答复。",
     _OLD_HEADINGS[3], "全年未收取政府信息公开费用。",
     _OLD_HEADINGS[4], "全年未发生因政府信息公开申请引起的行政复议和行政诉讼。",
     _OLD_HEADINGS[5], "部分栏目更新不够及时。下一步将加强栏目维护，定期检查。",
     _OLD_HEADINGS[6], ("lines", _old_table_pipe(_f["t1"], 2017))],
    [{"rule": "PROSE-T1-RECEIVED", "at": "t1.requests.year", "severity": "warning", "defect": True,
      "why": "正文称受理申请11件，统计表本年度为9件"}],
    options=PIPE)

_f = {"t1": {**_f["t1"], "active": [230, 1650], "requests": [12, 70], "req_in_person": [3, 23], "req_online": [7, 30],
             "req_letter": [1, 7], "replies": [12, 70], "reply_agree": [9, 49], "reply_partial": [1, 9],
             "reply_refuse": [2, 12]}}
_f["t1"]["req_email"] = [1, 11]         # the cumulative channels now add up to 72: a figure wrong
add("html-pre2019-2018", "html",
    "市卫生计生委2018年度报告的网页（旧条例格式，附统计表）：统计表“历年累计”一列各申请方式相加72件，而申请总数写70件；"
    "本年度一列相加正确；正文受理12件与表一致。",
    ["pre2019-table"],
    {"body": "示例市卫生和计划生育委员会", "kind": "department", "year": 2018, "period": "2018-01-01/2018-12-31",
     "published": "2019-03-22", "template": "pre2019"}, _f,
    [CRUMB, ("title", "示例市卫生和计划生育委员会2018年政府信息公开工作年度报告"),
     ("byline", "发布时间：2019-03-22 10:20 来源：市卫生计生委"),
     "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。",
     _OLD_HEADINGS[0], "2018年，我委围绕医疗卫生和计划生育服务推进政府信息公开。",
     _OLD_HEADINGS[1], "全年主动公开政府信息230条，重点公开医疗机构执业登记和公共卫生服务信息。",
     _OLD_HEADINGS[2], "全年共受理政府信息公开申请12件，均按期答复。",
     _OLD_HEADINGS[3], "全年未收取政府信息公开费用。",
     _OLD_HEADINGS[4], "全年未发生因政府信息公开申请引起的行政复议和行政诉讼。",
     _OLD_HEADINGS[5], "政策解读形式较为单一。下一步将丰富解读形式。",
     _OLD_HEADINGS[6], ("raw", _old_table_html(_f["t1"]))],
    [{"rule": "T1-REQUESTS", "at": "t1.requests.cumulative", "severity": "warning", "defect": True,
      "why": "历年累计：各申请方式相加72件，申请总数70件"}],
    options={"page_title": "示例市卫生和计划生育委员会2018年政府信息公开工作年度报告"})
