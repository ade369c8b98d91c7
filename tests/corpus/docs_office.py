"""Word files and PDFs: the Word file as drafted (titles over two paragraphs, a signature with the
date at the end, merged cells), and PDFs from three producers (reportlab, LibreOffice's export
of the Word file with embedded fonts, a WPS-like writer placing each character by itself)."""

from __future__ import annotations

from figures import t2, t2_2019, t3, t4
from make import Doc
from parts import HEADINGS as H
from parts import fee_none, preamble, problems

DOCS: list[Doc] = []
WPS_PUSH = 26      # blank points before table 3 that put the page break inside （四）无法提供 (found by trying)


def add(*args, **kw) -> None:
    DOCS.append(Doc(*args, **kw))


def overview(we: str, year: int, active: int, received: int) -> list[str]:
    return [f"{year}年，{we}认真贯彻《中华人民共和国政府信息公开条例》，按照上级部署推进政务公开各项工作。",
            f"（一）主动公开。全年主动公开政府信息{active}条，重点公开政策文件、规划计划和办事服务信息。",
            f"（二）依申请公开。全年收到政府信息公开申请{received}件，均在法定期限内答复。",
            "（三）政府信息管理。落实信息发布审核和保密审查，动态更新政府信息公开目录。",
            "（四）平台建设。维护政府网站专栏，规范政务新媒体运营。",
            "（五）监督保障。将政务公开纳入年度考核，组织业务培训。"]


def report(body: str, we: str, year: int, active: int, received: int, *, title=None, period_kind="standard",
           sign=None, overview_paras=None, section6=None, pre=None, tables=None) -> list:
    opts = tables or {}
    return [("title", title or f"{body}{year}年政府信息公开工作年度报告"),
            pre or preamble(we, year, period_kind),
            H[0], *(overview_paras or overview(we, year, active, received)),
            H[1], ("table", "t2", opts.get("t2", {})), H[2], ("table", "t3", opts.get("t3", {})),
            H[3], ("table", "t4", opts.get("t4", {})),
            H[4], *problems(we, year), H[5], section6 or fee_none(we, year),
            *([("sign", sign)] if sign else [])]


def meta(body, kind, year, published, template="2021"):
    return {"body": body, "kind": kind, "year": year, "period": f"{year}-01-01/{year}-12-31",
            "published": published, "template": template}


# --------------------------------------------------------------------------- Word
_f = {"t2": t2(norm=(1, 0, 8), lic=0, pen=0), "t3": t3(new=(6, 1), disclosed=(4, 1), unavailable_not_held=(2,)),
      "t4": t4()}
add("docx-title-two-paras-2024", "docx",
    "市统计局的Word原稿：标题分两段（机关名 / “2024年政府信息公开工作年度报告”），文末落款机关名和“2025年1月20日”，"
    "表格合并单元格。无缺陷。",
    ["title-two-lines", "date-signature", "word-merged"],
    meta("示例市统计局", "department", 2024, "2025-01-20"), _f,
    report("示例市统计局", "我局", 2024, 215, 7, title=["示例市统计局", "2024年政府信息公开工作年度报告"],
           sign=["示例市统计局", "2025年1月20日"]), [])

_f = {"t2": t2_2019(norm=(1, 1, 5), lic=(3, 0, 120), other=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fee=(0, 0),
                    proc=(2, 18.5)),
      "t3": t3("2019", new=(9,), disclosed=(5,), unavailable_not_held=(3,), other_processing=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("docx-2019-template-2020", "docx",
    "县司法局2020年度的Word文件，2019年版表格（表三“（六）其他处理”一行），落款日期“2021年1月15日”。无缺陷。",
    ["template-2019", "date-signature", "word-merged"],
    meta("示例县司法局", "department", 2020, "2021-01-15", "2019"), _f,
    report("示例县司法局", "我局", 2020, 133, 9, sign=["示例县司法局", "2021年1月15日"],
           pre="根据《中华人民共和国政府信息公开条例》和国办公开办函〔2019〕60号要求，编制本报告。"
               "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"), [])

_f = {"t2": t2(norm=(2, 1, 16), lic=53, pen=0), "t3": t3(new=(11, 2), disclosed=(5, 1), partially_disclosed=(1,),
                                                         unavailable_not_held=(3, 1), not_processed_repeat=(2,)),
      "t4": t4(direct=(0, 0, 0, 1))}
add("docx-group-label-lines-2023", "docx",
    "县民政局的Word文件：表格标签在单元格里换行（“（四）无”↵“法提供”，“（三）不予”↵“公开”，“商业”↵“企业”）。无缺陷。",
    ["group-label-broken", "word-merged", "date-signature"],
    meta("示例县民政局", "department", 2023, "2024-01-22"), _f,
    report("示例县民政局", "我局", 2023, 267, 13, sign=["示例县民政局", "2024年1月22日"],
           tables={"t3": {"labels": {"（四）无法提供": "（四）无\n法提供", "（三）不予公开": "（三）不予\n公开",
                                     "商业企业": "商业\n企业", "科研机构": "科研\n机构"}}}), [])

_f = {"t2": t2(norm=(0, "", 4), lic=26, pen=""), "t3": t3(new=(7,), disclosed=(5,), unavailable_not_held=(2,)),
      "t4": t4()}
for _row in _f["t3"]:
    _f["t3"][_row] = [v if k in (0, 6) else "" for k, v in enumerate(_f["t3"][_row])]
add("docx-blank-cells-2024", "docx",
    "区人防办的Word文件：表三五个组织类型列留空，表二两格留空——每张表一条“应填0”的问题，而不是几十条。",
    ["blank-cells", "flood", "word-merged"],
    meta("示例区人民防空办公室", "department", 2024, "2025-01-16"), _f,
    report("示例区人民防空办公室", "我办", 2024, 58, 7, sign=["示例区人民防空办公室", "2025年1月16日"]),
    [{"rule": "CELL-NOT-NUMBER", "at": "t2", "severity": "error", "defect": True, "why": "表二两格空白"},
     {"rule": "CELL-NOT-NUMBER", "at": "t3", "severity": "error", "defect": True, "why": "表三五列空白"}])

_f = {"t2": t2(norm=(1, 0, 10), lic=420, pen=77, coe=3), "t3": t3(new=(17, 1), disclosed=(9,), partially_disclosed=(2,),
                                                                  unavailable_not_held=(5, 1), not_processed_repeat=(1,)),
      "t4": t4()}
add("docx-opening-year-2023", "docx",
    "县交通局的Word文件：总体情况第一句照抄上年“2022年，我局……”，标题、统计期限和落款都指向2023年度。",
    ["year-by-evidence", "date-signature"],
    meta("示例县公路管理局", "department", 2023, "2024-01-25"), _f,
    report("示例县公路管理局", "我局", 2023, 161, 18, sign=["示例县公路管理局", "2024年1月25日"],
           overview_paras=["2022年，我局围绕公路建设养护推进政务公开，主动公开政府信息161条；收到政府信息公开申请18件，"
                           "均依法答复；加强政府信息管理；维护政府网站专栏等平台；将公开工作纳入考核，强化监督保障。"]),
    [{"rule": "TEXT-OPENING-YEAR", "at": "section:1", "severity": "warning", "defect": True, "why": "开头写成2022年"}])

_f = {"t2": t2(norm=(0, 0, 3), lic=8), "t3": t3(new=(1,), disclosed=(1,)), "t4": t4()}
add("docx-repealed-basis-2022", "docx",
    "乡政府的Word文件：前言写“根据《中华人民共和国政府信息公开条例》（国务院令第492号）”——2019年已修订的旧条例。",
    ["repealed-basis", "date-signature"],
    meta("示例县石门乡人民政府", "township", 2022, "2023-01-13"), _f,
    report("示例县石门乡人民政府", "我乡", 2022, 74, 1, sign=["示例县石门乡人民政府", "2023年1月13日"],
           pre=preamble("我乡", 2022, "standard", template_notice=False, decree="国务院令第492号")),
    [{"rule": "LAW-REPEALED", "at": "-", "severity": "error", "defect": True, "why": "以492号令为依据"}])

# --------------------------------------------------------------------------- PDF: reportlab
_f = {"t2": t2(norm=(3, 1, 25), lic=940, pen=61, coe=2, fee=0.8),
      "t3": t3(new=(35, 2, 0, 1), prev=(1,), disclosed=(14, 1), partially_disclosed=(3,), withheld_process=(2,),
               unavailable_not_held=(12, 1, 0, 1), unavailable_needs_creation=(2,), not_processed_repeat=(2,)),
      "t4": t4(recon=(1, 0, 0, 1))}
add("pdf-rl-unruled-2023", "pdf",
    "reportlab 生成、表格不画线的PDF（CID字体不嵌入）：表格只能从文字位置还原，页脚有页码。无缺陷。",
    ["pdf-unruled", "pdf-page-break"],
    meta("示例市生态环境局", "department", 2023, "2024-01-23"), _f,
    report("示例市生态环境局", "我局", 2023, 512, 38, sign=["示例市生态环境局", "2024年1月23日"],
           tables={"t2": {"ruled": False}, "t3": {"ruled": False}, "t4": {"ruled": False}}),
    [], producer="reportlab", options={"page_numbers": True})

_f = {"t2": t2_2019(norm=(2, 2, 14), lic=(6, 1, 48), other=(2, 0, 15), pen=(4, 0, 9), coe=(0, 0, 0), fee=(1, 0),
                    proc=(3, 25.4)),
      "t3": t3("2019", new=(10, 1), disclosed=(6, 1), unavailable_not_held=(3,), other_processing=(1,)),
      "t4": t4()}
add("pdf-rl-ruled-2019-2020", "pdf",
    "reportlab 生成的有线表格PDF，2020年度，2019年版表格。无缺陷。",
    ["template-2019", "pdf-ruled", "pdf-page-break"],
    meta("示例县卫生健康局", "department", 2020, "2021-01-19", "2019"), _f,
    report("示例县卫生健康局", "我局", 2020, 188, 11, sign=["示例县卫生健康局", "2021年1月19日"],
           pre="根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据统计期限为2020年1月1日至12月31日。"),
    [], producer="reportlab")

# --------------------------------------------------------------------------- PDF: LibreOffice
_f = {"t2": t2(norm=(2, 0, 11), lic=36, pen=4), "t3": t3(new=(9, 2), disclosed=(6, 1), unavailable_not_held=(3, 1)),
      "t4": t4()}
add("pdf-lo-title-split-2024", "pdf",
    "LibreOffice 导出的PDF（字体子集嵌入，如Word“另存为PDF”）：标题分两行，文末落款带日期。无缺陷。",
    ["title-two-lines", "pdf-embedded", "date-signature", "pdf-ruled", "pdf-page-break"],
    meta("示例市档案馆", "department", 2024, "2025-01-21"), _f,
    report("示例市档案馆", "我馆", 2024, 96, 11, title=["示例市档案馆", "2024年政府信息公开工作年度报告"],
           sign=["示例市档案馆", "2025年1月21日"]), [], producer="libreoffice")

_f = {"t2": t2(reg=(0, 0, 0), norm=(7, 3, 58), lic=11204, pen=1320, coe=84, fee=260.35),
      "t3": t3(new=(142, 11, 0, 3, 6, 2), prev=(5, 1), disclosed=(61, 4, 0, 1, 2, 1), partially_disclosed=(17, 2),
               withheld_third_party=(3,), withheld_process=(5,), withheld_enforcement=(4, 1), withheld_inquiry=(2,),
               unavailable_not_held=(38, 4, 0, 2, 3, 1), unavailable_needs_creation=(5,), unavailable_unclear=(1,),
               not_processed_petition=(4,), not_processed_repeat=(3, 1), other_overdue_correction=(2,), other_other=(1,)),
      "t4": t4(recon=(4, 1, 0, 1), direct=(2, 0, 1, 1), after=(1, 0, 0, 0))}
_long = [
    "2023年，市人民政府办公室坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开的"
    "决策部署，紧紧围绕市委、市政府中心工作，以公开促落实、以公开强监管、以公开优服务，推动全市政务公开工作取得新成效。",
    "（一）主动公开。全年通过市政府门户网站主动公开政府信息18640条，其中政策文件386条、政策解读211篇、"
    "新闻发布会34场。聚焦优化营商环境、重大建设项目、社会公益事业等重点领域，持续加大公开力度，第一时间发布权威信息。",
    "围绕群众关注的教育、医疗、住房、就业等民生事项，开设“民生实事进展”专栏，按季度公开办理进度；对涉及群众切身利益的"
    "重要政策，坚持解读材料与政策文件同步起草、同步审签、同步发布。",
    "（二）依申请公开。进一步规范申请登记、审核、办理、答复、归档全流程，全市新收政府信息公开申请164件，上年结转6件，"
    "办结168件，结转下年度2件。对疑难复杂申请组织会商，答复的规范性和准确性明显提升。",
    "（三）政府信息管理。严格执行信息发布“三审三校”和保密审查制度；全面清理现行有效行政规范性文件，集中公开58件；"
    "动态调整主动公开基本目录，做到应公开尽公开。",
    "（四）政府信息公开平台建设。推进政府网站集约化，整合部门网站6个；规范政务新媒体管理，关停整合账号5个；"
    "提升政务服务便民热线与网站留言的联动办理水平。",
    "（五）监督保障。把政务公开纳入市对县（区）和市直部门年度绩效考核，分值权重提高到4%；邀请人大代表、政协委员和"
    "群众代表开展社会评议；全年未发生因政务公开工作不力需要追究责任的情况。",
]
add("pdf-lo-long-overview-2023", "pdf",
    "LibreOffice 导出的市政府年报PDF：总体情况七段长文，每一段都必须读进模型（真实PDF曾整段丢失）；“第一时间”“三审三校”"
    "不是件数。无缺陷。",
    ["pdf-embedded", "pdf-paragraphs", "numbers-not-counts", "pdf-page-break"],
    meta("示例市人民政府", "government", 2023, "2024-03-12"), _f,
    report("示例市人民政府", "市人民政府办公室", 2023, 18640, 164, overview_paras=_long,
           sign=["示例市人民政府办公室", "2024年3月12日"]), [], producer="libreoffice")

_f = {"t2": t2(norm=(1, 0, 12), lic=130, pen=21), "t3": t3(new=(8,), disclosed=(6,), unavailable_not_held=(2,)),
      "t4": t4()}
for _row in _f["t3"]:
    _f["t3"][_row] = [v if k in (0, 6) else "" for k, v in enumerate(_f["t3"][_row])]
add("pdf-lo-blank-cells-2024", "pdf",
    "LibreOffice 导出的PDF，表三五个组织类型列留空：一张表一条问题。",
    ["blank-cells", "flood", "pdf-embedded"],
    meta("示例县农业农村局", "department", 2024, "2025-01-17"), _f,
    report("示例县农业农村局", "我局", 2024, 144, 8, sign=["示例县农业农村局", "2025年1月17日"]),
    [{"rule": "CELL-NOT-NUMBER", "at": "t3", "severity": "error", "defect": True, "why": "表三五列空白"}],
    producer="libreoffice")

_f = {"t2": t2_2019(norm=(0, 0, 4), lic=(2, 0, 33), other=(0, 0, 0), pen=(1, 0, 2), coe=(0, 0, 0), fee=(0, 0),
                    proc=(1, 6.2)),
      "t3": t3("2019", new=(4,), disclosed=(3,), other_processing=(1,)),
      "t4": t4()}
add("pdf-lo-2019-2020", "pdf",
    "LibreOffice 导出的2020年度报告PDF，2019年版表格。无缺陷。",
    ["template-2019", "pdf-embedded"],
    meta("示例县科学技术局", "department", 2020, "2021-01-26", "2019"), _f,
    report("示例县科学技术局", "我局", 2020, 58, 4, sign=["示例县科学技术局", "2021年1月26日"],
           pre="根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告中所列数据的统计期限自2020年1月1日起至"
               "2020年12月31日止。"), [], producer="libreoffice")

# --------------------------------------------------------------------------- PDF: WPS-like
_f = {"t2": t2(norm=(2, 1, 13), lic=205, pen=9, coe=1), "t3": t3(new=(13, 1), disclosed=(7,), partially_disclosed=(1, 1),
                                                                unavailable_not_held=(4,), not_processed_repeat=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("pdf-wps-2024", "pdf",
    "WPS式PDF：每个字单独定位、嵌入TrueType字体、表格线是细长的填充矩形，页脚有页码。无缺陷。",
    ["pdf-wps", "date-signature"],
    meta("示例县城市管理局", "department", 2024, "2025-01-24"), _f,
    report("示例县城市管理局", "我局", 2024, 230, 14, sign=["示例县城市管理局", "2025年1月24日"]),
    [], producer="wps", options={"page_numbers": True})

_f = {"t2": t2(norm=(0, 0, 5), lic=19), "t3": t3(new=(3,), disclosed=(2,), unavailable_not_held=(1,)), "t4": t4()}
add("pdf-wps-period-wrong-2023", "pdf",
    "WPS式PDF：标题、开头和落款都是2023年度，统计期限却写“2022年1月1日至2022年12月31日”。",
    ["pdf-wps", "year-by-evidence"],
    {**meta("示例县审计局", "department", 2023, "2024-01-19"), "period": "2022-01-01/2022-12-31"}, _f,
    report("示例县审计局", "我局", 2023, 41, 3, sign=["示例县审计局", "2024年1月19日"],
           pre="根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告中所列数据的统计期限自2022年1月1日起至"
               "2022年12月31日止。"),
    [{"rule": "DATE-PERIOD", "at": "field:period", "severity": "error", "defect": True, "why": "统计期限写成2022年"}],
    producer="wps")

_f = {"t2": t2(norm=(1, 0, 9), lic=77, pen=12), "t3": t3(new=(21, 2), disclosed=(9, 1), partially_disclosed=(2,),
                                                         unavailable_not_held=(6, 1), unavailable_needs_creation=(1,),
                                                         not_processed_repeat=(2,)),
      "t4": t4()}
add("pdf-wps-label-page-break-2023", "pdf",
    "WPS式PDF，表三分组标签竖排在窄列里，恰在“（四）无法提供”中间换页：“（四）无”在上一页页脚，“法提供”在下一页页首。无缺陷。",
    ["pdf-wps", "group-label-broken", "pdf-page-break"],
    meta("示例县水务局", "department", 2023, "2024-01-29"), _f,
    report("示例县水务局", "我局", 2023, 126, 23, sign=["示例县水务局", "2024年1月29日"],
           overview_paras=["2023年，我局主动公开水利工程、防汛抗旱等信息126条；收到政府信息公开申请23件，均依法答复；"
                           "加强政府信息管理；维护政府网站水务专栏等平台；纳入年度考核，强化监督保障。"],
           tables={"t3": {"widths": (0.9, 0.9, 5.2) + (1.43,) * 7, "push_down": WPS_PUSH}}),
    [], producer="wps", options={"page_numbers": True})

# --------------------------------------------------------------------------- more shapes
_f = {"t2": t2(norm=(1, 1, 9), lic=612, pen=35, coe=2),
      "t3": t3(new=(41, 4, 0, 2), prev=(3,), disclosed=(19, 2), partially_disclosed=(4,), withheld_third_party=(2,),
               withheld_process=(1,), unavailable_not_held=(12, 1, 0, 1), not_processed_repeat=(2,),
               other_overdue_correction=(1,)),
      "t4": t4()}
add("docx-old-prose-2023", "docx",
    "县市场监管局的Word文件：依申请公开按老写法逐项列出办理结果（“予以公开21件，部分公开4件，不予公开3件，无法提供15件，"
    "不予处理2件”），其中“无法提供15件”与表三合计14件不符；主动公开总数和分项相加正确；“解读形式有待完善”是正常措辞。",
    ["prose-old-wording", "placeholder-wording", "parts-sum", "word-merged", "date-signature"],
    meta("示例县市场监督管理局", "department", 2023, "2024-01-23"), _f,
    report("示例县市场监督管理局", "我局", 2023, 0, 0, sign=["示例县市场监督管理局", "2024年1月23日"],
           overview_paras=[
               "2023年，我局坚持以公开促规范、以公开优服务，各项工作有序推进。",
               "（一）主动公开。全年主动公开政府信息326条，其中政策文件42条、工作动态215条、行政处罚信息69条。",
               "（二）依申请公开。全年共收到政府信息公开申请47件，上年结转3件。从办理结果看，予以公开21件，部分公开4件，"
               "不予公开3件，无法提供15件，不予处理2件，其他处理1件，结转下年度继续办理5件。",
               "（三）政府信息管理。落实发布前保密审查，政策解读形式有待完善。",
               "（四）平台建设。维护县政府网站市场监管专栏和“示例市场监管”公众号。",
               "（五）监督保障。把政务公开纳入股室年度考核。"]),
    [{"rule": "PROSE-T3-UNAVAILABLE", "at": "t3.unavailable_not_held.total", "severity": "error", "defect": True,
      "why": "正文无法提供15件，表三合计14件"}])

_f = {"t2": t2_2019(norm=(2, 0, 21), lic=(88, 3, 1040), other=(4, 0, 37), pen=(56, 1, 140), coe=(3, 0, 3),
                    fee=(0, 0), proc=(5, 86.3)),
      "t3": t3("2019", new=(16, 2), disclosed=(8, 1), partially_disclosed=(1,), unavailable_not_held=(5, 1),
               other_processing=(2,)),
      "t4": t4(direct=(0, 0, 0, 1))}
add("pdf-lo-parts-sum-2023", "pdf",
    "乡镇2023年度报告的LibreOffice导出PDF，仍用2019年版表格（过时模板，报一次）；总体情况长段落跨行跨页，"
    "“主动公开政府信息1208条，其中…”四个分项只合1198条。",
    ["outdated-template", "template-2019", "parts-sum", "pdf-paragraphs", "pdf-ruled", "pdf-embedded"],
    meta("示例县青山镇人民政府", "township", 2023, "2024-01-26", "2019"), _f,
    report("示例县青山镇人民政府", "我镇", 2023, 0, 0, sign=["示例县青山镇人民政府", "2024年1月26日"],
           pre="根据《中华人民共和国政府信息公开条例》和国办公开办函〔2019〕60号要求，编制本报告。"
               "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
           overview_paras=[
               "2023年，我镇按照县委、县政府部署，坚持把政务公开作为转变作风、服务群众的重要抓手，结合乡村振兴、"
               "基层治理和民生保障等重点工作，扎实推进决策、执行、管理、服务、结果公开，各项工作取得新进展。",
               "（一）主动公开。全年主动公开政府信息1208条，其中政策文件86条、财政信息312条、工作动态640条、"
               "村务公开信息160条。通过镇政务公开栏、村务公开栏同步公开惠农补贴、低保救助等群众关心的信息。",
               "（二）依申请公开。全年收到政府信息公开申请18件，均在法定期限内答复。",
               "（三）政府信息管理。落实发布审核和保密审查，建立政务公开台账。",
               "（四）平台建设。维护县政府网站乡镇专栏，更新镇政务公开栏12期。",
               "（五）监督保障。将政务公开纳入村（社区）年度考核，开展督查2次。"]),
    [{"rule": "TPL-OUTDATED", "at": "field:template", "severity": "error", "defect": True,
      "why": "2023年度报告仍用2019年版表格"},
     {"rule": "PROSE-PARTS-SUM", "at": "section:1", "severity": "warning", "defect": True,
      "why": "1208条的四个分项只合1198条"}],
    producer="libreoffice")

_f = {"t2": t2(norm=(0, 1, 6), lic=143, pen=18), "t3": t3(new=(9, 1), disclosed=(5,), partially_disclosed=(1,),
                                                          unavailable_not_held=(3, 1)),
      "t4": t4()}
add("pdf-wps-unruled-2022", "pdf",
    "WPS式PDF，表格不画线（每个字单独定位、嵌入字体），表三跨页，页脚有页码：表格只能从文字位置还原。无缺陷。",
    ["pdf-wps", "pdf-unruled", "pdf-page-break", "pdf-paragraphs"],
    meta("示例县林业局", "department", 2022, "2023-01-20"), _f,
    report("示例县林业局", "我局", 2022, 92, 10, sign=["示例县林业局", "2023年1月20日"],
           tables={"t2": {"ruled": False}, "t3": {"ruled": False, "push_down": 120}, "t4": {"ruled": False}}),
    [], producer="wps", options={"page_numbers": True})

_f = {"t2": t2(norm=(3, 0, 41), lic=2210, pen=96, coe=4, fee=12.6),
      "t3": t3(new=(18, 5, 1, 0, 1), prev=(2, 1), disclosed=(8, 2), partially_disclosed=(2, 1), withheld_process=(1,),
               unavailable_not_held=(5, 2, 1), not_processed_repeat=(1,), fwd=(3, 1, 0, 0, 1)),
      "t4": t4(recon=(1, 0, 0, 0), direct=(0, 0, 0, 1))}
add("docx-zone-carried-2024", "docx",
    "高新区以本区名义的Word报告，3月20日发布（开发区按政府的3月31日期限，不算逾期）；正文称“结转下年度继续办理3件”，"
    "表三“四、结转下年度继续办理”总计5件——消息应说“结转下年度”，而不是办理结果。",
    ["issuer-zone", "message-names-compared", "word-merged", "date-signature"],
    meta("示例高新技术产业开发区", "zone", 2024, "2025-03-20"), _f,
    report("示例高新技术产业开发区", "我区", 2024, 0, 0, sign=["示例高新技术产业开发区管理委员会", "2025年3月20日"],
           overview_paras=[
               "2024年，我区坚持以公开促服务，围绕科技创新和营商环境推进政务公开。",
               "（一）主动公开。全年主动公开政府信息1863条，发布惠企政策解读52篇。",
               "（二）依申请公开。全年新收政府信息公开申请25件，上年结转3件，按期办结，结转下年度继续办理3件。",
               "（三）政府信息管理。落实公开属性源头认定和发布审核。",
               "（四）平台建设。优化门户网站“企业服务”专栏，整合政务新媒体。",
               "（五）监督保障。把政务公开纳入园区部门年度考核。"]),
    [{"rule": "PROSE-T3-CARRIED", "at": "t3.carried_forward.total", "severity": "error", "defect": True,
      "why": "正文结转下年度3件，表三5件"}])
