"""Shapes of real page beginnings held out from the reader's first study (a run over page beginnings
of published reports): a page without a title line whose publishing sentence names only the place,
or whose body is only the subject of an overview sentence; a nameless report that speaks of itself
as 我局 or 我镇, its year only in an overview sentence; a period sentence with its last 日 lost or a
year's digits doubled; a title line with its last words scrambled; a page that stops after the
first item of section 五's list; a preamble that cites 《政府工作报告》 or the portal's annual-report
column beside the report's short name.  Every body, figure and sentence is invented."""

from __future__ import annotations

from typing import Any

from docs_shapes import CRUMB, PIPE, five, meta, tables, tail, title_lost
from figures import t2, t3, t4
from make import Doc
from parts import HEADINGS as H
from parts import period

DOCS: list[Doc] = []


def _add(*args: Any, **kw: Any) -> None:
    DOCS.append(Doc(*args, **kw))


def malformed(raw: str) -> dict[str, Any]:
    return {"rule": "META-PERIOD-MALFORMED", "at": "field:period", "severity": "warning", "defect": True,
            "why": f"统计期限写成“{raw}”，{'丢了最后的“日”字' if raw.endswith('止') else '年份数字多打了一遍'}"}


def cut(why: str) -> dict[str, Any]:
    return {"rule": "READ-CUT", "at": "-", "severity": "warning", "defect": False, "why": why}


_PARTS = ("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
          "存在的主要问题及改进情况、其他需要报告的事项。")

# ================================================================ 1. the publishing sentence names only the place
# ---------------------------------------------------------------------------- 现发布《示例区2024年…》 (pipe)
_f = {"t2": t2(reg=(0, 0, 1), norm=(4, 1, 23), lic=2140, pen=167, coe=9),
      "t3": t3(new=(31, 4, 0, 0, 1), prev=(2,), disclosed=(12, 2), partially_disclosed=(4,), withheld_three_safety=(1,),
               unavailable_not_held=(9, 1, 0, 0, 1), not_processed_repeat=(2,), other_overdue_correction=(2,)),
      "t4": t4(recon=(2, 1, 0, 0), direct=(0, 1, 0, 0))}
_add("pipe-place-sentence-2024", "txt",
     "区政府网页的抽取文本，没有标题行：前言的发布句“现发布《示例区2024年政府信息公开工作年度报告》”只写了地名——"
     "机关是区人民政府这一级（示例区，政府）；前言写明了报告全称，缺标题只作提示。无缺陷。",
     ["body-place-sentence", "body-from-text"],
     meta("示例区", "government", 2024, "2025-01-21"), _f,
     [CRUMB,
      ("byline", "发布时间：2025-01-21 09:30 浏览次数：213"),
      "依据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现发布《示例区2024年政府信息公开工作年度报告》。"
      + _PARTS + period("standard", 2024),
      H[0],
      "2024年，我区以政务公开助推政务服务提质增效，围绕重大决策、重点民生和优化营商环境加大公开力度。",
      *five("全年在区政府门户网站主动公开政府信息3865条，发布政策解读61篇，组织政府开放日活动4场。",
            "全年新收政府信息公开申请36件，上年结转2件，办结34件，结转下年度4件。",
            "开展规范性文件清理，动态更新政府信息公开指南和主动公开目录。",
            "整合区政府门户网站专题专栏14个，完成政务新媒体账号年度核查。",
            "将政务公开纳入全区绩效考核，邀请企业和群众代表开展社会评议1次，全年未发生责任追究情形。"),
      *tables(), *tail("我区", 2024)],
     [title_lost(named=True)], options=PIPE)

# ----------------------------------------------------------------- 现公布示例自治县2021年度… (HTML, no title)
_f = {"t2": t2(norm=(2, 0, 15), lic=1276, pen=84, coe=3),
      "t3": t3(new=(12, 1), disclosed=(5, 1), partially_disclosed=(2,), unavailable_not_held=(3,),
               not_processed_repeat=(1,), other_overdue_correction=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
_add("html-place-sentence-2021", "html",
     "自治县政府的文章页，页面没有保存标题：前言“现公布示例自治县2021年度政府信息公开工作年度报告”里只有地名，"
     "机关是自治县（政府）；报告全称写在前言里，缺标题只作提示。无缺陷。",
     ["body-place-sentence", "body-from-text"],
     meta("示例自治县", "government", 2021, "2022-01-24"), _f,
     [("chrome", "首页 > 政府信息公开 > 政府信息公开年报"),
      ("byline", "发布日期：2022-01-24 字号：大 中 小"),
      "按照《中华人民共和国政府信息公开条例》的要求，现公布示例自治县2021年度政府信息公开工作年度报告。" + _PARTS
      + period("qi-zhi-no-year", 2021),
      H[0],
      "2021年，我县紧扣民族团结进步和乡村振兴重点任务，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
      *five("全年通过县政府门户网站主动公开政府信息2413条，发布双语政策解读18篇。",
            "全年受理政府信息公开申请13件，均在法定期限内答复。",
            "严格落实公文公开属性源头认定，规范信息发布三级审核。",
            "完成县政府门户网站集约化迁移，新开设“民族政策”专栏。",
            "将政务公开纳入乡镇和县直部门年度目标考核，组织社会评议1次，全年未发生需要责任追究的情形。"),
      *tables(), *tail("我县", 2021)],
     [title_lost("页面只保存了正文，标题没有保存下来", named=True)], options={"page_title": ""})

# ============================================================== 2. the body only as a sentence's subject
# ------------------------------------------------ 2023年，在区委、区政府的统一部署下，BODY…; 12月31止 (pipe)
_f = {"t2": t2(norm=(0, 0, 3), pen=2),
      "t3": t3(new=(4,), disclosed=(2,), unavailable_not_held=(1,), not_processed_repeat=(1,)),
      "t4": t4()}
_add("pipe-subject-sentence-2023", "txt",
     "区统计局网页的抽取文本，没有标题行，前言也不写机关名：机关只在总体情况第一句状语之后的主语里"
     "（“2023年，在区委、区政府的统一部署下，示例区统计局紧紧围绕…”）；统计期限“从2023年1月1日至12月31止”丢了最后的“日”字，"
     "照读为2023年全年，报写法不规范，不报缺少统计期限。",
     ["body-subject-sentence", "period-malformed-day", "body-from-text"],
     meta("示例区统计局", "department", 2023, "2024-01-19"), _f,
     [CRUMB,
      ("byline", "发布时间：2024-01-19 来源：本网"),
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，编制本年度报告。" + _PARTS
      + "本报告所列数据的统计期限从2023年1月1日至12月31止。",
      H[0],
      "2023年，在区委、区政府的统一部署下，示例区统计局紧紧围绕中心工作，把统计信息公开作为服务决策和服务社会的重要抓手。",
      *five("全年主动公开统计信息217条，按月发布主要经济指标，按季度发布经济运行情况分析。",
            "全年收到政府信息公开申请4件，均在法定期限内答复。",
            "落实统计数据发布审核和保密审查，统一统计数据口径。",
            "维护区政府网站统计信息专栏，新增“统计图解”栏目。",
            "将政务公开纳入股室年度考核，明确专人负责信息发布。"),
      *tables(), *tail("我局", 2023)],
     [title_lost(), malformed("从2023年1月1日至12月31止")], options=PIPE)

# ------------------------------------------------------------ BODY高度重视…; 至202024年12月31日止 (HTML)
_f = {"t2": t2(norm=(1, 0, 6), pen=58),
      "t3": t3(new=(11, 2), disclosed=(4, 1), partially_disclosed=(1,), unavailable_not_held=(4, 1),
               not_processed_petition=(1,), other_overdue_correction=(1,)),
      "t4": t4(recon=(0, 1, 0, 0))}
_add("html-subject-sentence-2024", "html",
     "县医保局的文章页，没有标题，前言不写机关名：机关只在总体情况第一句的主语里（“示例县医疗保障局高度重视…”，前面没有年份）；"
     "统计期限“自2024年1月1日起至202024年12月31日止”把年份数字多打了一遍，照读为2024年全年，报写法不规范。",
     ["body-subject-sentence", "period-malformed-day", "body-from-text"],
     meta("示例县医疗保障局", "department", 2024, "2025-01-16"), _f,
     [("chrome", "首页 > 部门信息公开 > 年度报告"),
      ("byline", "发布日期：2025-01-16 【打印】【关闭】"),
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现就本年度政府信息公开工作情况报告如下。" + _PARTS
      + "本报告所列数据统计期限自2024年1月1日起至202024年12月31日止。",
      H[0],
      "示例县医疗保障局高度重视政府信息公开工作，把医保政策公开作为回应群众关切的重要途径，明确分管领导和专人负责。",
      *five("全年主动公开医保政策、定点医药机构、基金监管等信息356条，公开行政处罚决定58件。",
            "全年新收政府信息公开申请13件，办结13件，均按期答复。",
            "规范信息发布审核流程，落实保密审查。",
            "维护县政府网站医保专栏，开设“医保政策问答”栏目。",
            "将政务公开纳入股室年度考核，开展自查2次。"),
      *tables(), *tail("我局", 2024)],
     [title_lost("页面只有正文，标题没有保存下来"), malformed("自2024年1月1日起至202024年12月31日止")],
     options={"page_title": ""})

# ==================================================== 3. no name anywhere: the kind from 我局 / 我镇, the year from
#                                                       an overview sentence
_NO_PERIOD = {"rule": "META-PERIOD-MISSING", "at": "field:period", "severity": "warning", "defect": True,
              "why": "报告没有统计期限说明"}


def _NO_DATE(why: str) -> dict[str, Any]:
    return {"rule": "META-DATE-MISSING", "at": "field:published", "severity": "info", "defect": False, "why": why}

_f = {"t2": t2(norm=(0, 0, 2), lic=58, pen=6),
      "t3": t3(new=(8,), disclosed=(4,), partially_disclosed=(1,), unavailable_not_held=(2,),
               not_processed_repeat=(1,)),
      "t4": t4()}
_add("pipe-self-bureau-overview-year", "txt",
     "部门网页正文的抽取，没有标题、统计期限和日期，文件名也不带年份，机关名哪里都不写：正文自称“我局”，机关类型据此推断为部门"
     "（不确定），机关名留空；年度只在总体情况的分项里（“（二）依申请公开：2022年共收到申请8件…”）。缺统计期限是报告的缺陷；"
     "缺标题和日期是抽取的问题。",
     ["kind-self-reference", "year-from-overview"],
     {"body": None, "kind": "department", "year": 2022, "period": None, "published": None,
      "template": "2021"}, _f,
     [("byline", "点击量：64"),
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，我局编制了本年度政府信息公开工作年度报告。" + _PARTS,
      H[0],
      "我局坚持以公开为常态、不公开为例外，结合部门职责做好政府信息公开工作。",
      "（一）主动公开：全年主动公开政策文件、行政许可和行政处罚结果等信息142条。",
      "（二）依申请公开：2022年共收到申请8件，已全部办结，其中予以公开4件、部分公开1件、本机关不掌握相关政府信息2件、"
      "重复申请1件。",
      "（三）政府信息管理：落实“先审后发”，严格公开属性认定。",
      "（四）平台建设：维护县政府网站部门专栏，及时更新办事指南。",
      "（五）监督保障：将政务公开纳入股室年度考核，明确专人负责。",
      *tables(),
      H[4], "我局政府信息公开工作仍有不足：一是政策解读形式较为单一；二是个别栏目更新不够及时。",
      "下一步，我局将丰富解读形式，压实栏目维护责任，定期开展自查。",
      H[5], "本年度，我局未发出收费通知，未收取政府信息公开信息处理费。"],
     [title_lost(), _NO_PERIOD, _NO_DATE("抽取文本没有日期（网页的日期行没有抽出来）")], options=PIPE)

_f = {"t2": t2(norm=(0, 0, 1)), "t3": t3(new=(3,), disclosed=(2,), unavailable_not_held=(1,)), "t4": t4()}
_add("html-self-town-overview-year", "html",
     "乡镇的文章页，没有标题、统计期限和日期，文件名也不带年份，机关名哪里都不写（署名行只有浏览次数）：正文自称“我镇”，机关类型据此推断为乡镇（不确定），"
     "机关名留空；年度只在总体情况的分项里（“2023年共收到政府信息公开申请3件”）。缺统计期限是报告的缺陷。",
     ["kind-self-reference", "year-from-overview"],
     {"body": None, "kind": "township", "year": 2023, "period": None, "published": None,
      "template": "2021"}, _f,
     [("chrome", "首页 > 镇务公开 > 政府信息公开年报"),
      ("byline", "浏览次数：41"),
      "根据《中华人民共和国政府信息公开条例》要求，我镇认真做好本年度政府信息公开工作年度报告编制工作，现将有关情况报告如下。",
      H[0],
      "我镇把政务公开作为联系服务群众的重要渠道，坚持镇村两级同步公开。",
      "（一）主动公开。通过县政府网站镇级专栏和村务公开栏公开惠农补贴、低保救助、项目建设等信息96条。",
      "（二）依申请公开。2023年共收到政府信息公开申请3件，予以公开2件，本机关不掌握相关政府信息1件，均按期答复。",
      "（三）政府信息管理。落实信息发布审核，公开前逐条核对涉及个人隐私的内容。",
      "（四）平台建设。规范镇级专栏栏目设置，村务公开栏按季度更新。",
      "（五）监督保障。将政务公开纳入镇机关站所和村级年度考核。",
      *tables(),
      H[4], "我镇政府信息公开工作仍存在公开内容不够丰富、更新不够及时等问题。",
      "下一步，我镇将加强信息采编和审核，提高公开时效。",
      H[5], "本年度，我镇未收取政府信息公开信息处理费。"],
     [title_lost("页面只保存了正文，没有标题"), _NO_PERIOD, _NO_DATE("保存的页面没有日期")], options={"page_title": ""})

# ============================================================================ 4. a title's last words scrambled
_WORDING = {"rule": "META-TITLE-WORDING", "at": "field:title", "severity": "warning", "defect": True,
            "why": "标题末尾几个字颠倒，不是“政府信息公开工作年度报告”"}

_f = {"t2": t2(norm=(0, 0, 1), lic=12),
      "t3": t3(new=(2,), disclosed=(1,), unavailable_not_held=(1,)), "t4": t4()}
_add("pipe-title-scrambled-2023", "txt",
     "镇政府网页的抽取文本：标题行“示例县示例镇2023年政府信息公开 工作告年度报”末尾几个字颠倒——是标题，机关和年度照读"
     "（示例县示例镇，乡镇），报标题名称不规范。",
     ["title-scrambled"],
     meta("示例县示例镇", "township", 2023, "2024-01-22"), _f,
     [CRUMB,
      ("title", "示例县示例镇2023年政府信息公开 工作告年度报"),
      ("byline", "发布时间：2024-01-22 来源：示例县示例镇"),
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，示例镇编制了本年度政府信息公开工作年度报告。" + _PARTS
      + period("standard", 2023),
      H[0],
      "2023年，我镇围绕乡村振兴和基层治理推进政务公开，做到应公开尽公开。",
      *five("全年通过县政府网站镇级专栏主动公开政府信息118条，村务公开栏公开事项342项。",
            "全年收到政府信息公开申请2件，均在法定期限内答复。",
            "落实信息发布审核制度，规范公开属性认定。",
            "维护县政府网站镇级专栏和镇政务微信公众号。",
            "将政务公开纳入镇机关站所年度考核。"),
      *tables(), *tail("我镇", 2023)],
     [_WORDING], options=PIPE)

_f = {"t2": t2(norm=(0, 0, 0)), "t3": t3(new=(1,), disclosed=(1,)), "t4": t4()}
_add("html-title-scrambled-2022", "html",
     "乡政府的文章页：标题“示例县示例乡2022年政府信息公开 工作报年度告”末尾几个字颠倒（网页标题同样如此）——是标题，"
     "机关和年度照读（示例县示例乡，乡镇），报标题名称不规范。",
     ["title-scrambled"],
     meta("示例县示例乡", "township", 2022, "2023-01-13"), _f,
     [("chrome", "首页 > 乡镇动态 > 信息公开"),
      ("title", "示例县示例乡2022年政府信息公开 工作报年度告"),
      ("byline", "发布日期：2023-01-13 来源：示例县示例乡"),
      "根据《中华人民共和国政府信息公开条例》要求，现将示例乡2022年政府信息公开工作情况报告如下。" + _PARTS
      + period("zi-zhi", 2022),
      H[0],
      "2022年，我乡坚持以群众关切为导向，推进乡村两级政务公开。",
      *five("全年在县政府网站乡级专栏公开政府信息64条，村务公开栏按季度更新。",
            "全年收到政府信息公开申请1件，已依法予以公开。",
            "落实信息发布“三审”制度。",
            "维护县政府网站乡级专栏。",
            "将政务公开纳入乡机关和村级年度考评。"),
      *tables(), *tail("我乡", 2022)],
     [_WORDING], options={"page_title": "示例县示例乡2022年政府信息公开 工作报年度告"})

# ============================== 5. a page that stops after section 五's first item; 6. the report's short name
#                                  beside 《政府工作报告》 and the portal's column
_f = {"t2": t2(norm=(1, 0, 9), lic=364, pen=21),
      "t3": t3(new=(7, 1), disclosed=(3, 1), partially_disclosed=(1,), unavailable_not_held=(2,),
               not_processed_repeat=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
_add("pipe-cut-open-list-2023", "txt",
     "县住建局网页的抽取文本，在第五部分列表的第一项之后中断：“五、存在的主要问题及改进情况”下只剩“（一）存在的主要问题。…”"
     "一句（句子完整），没有“（二）”，其后一行只有一个“?”——只报一次“文件不完整”，不报缺少第六部分或未说明收费。前言“现将2023年度政府信息公开工作报告"
     "公布如下”和总体情况里公开《示例县政府工作报告》、门户网站“政府信息公开年度报告专栏”都不是把报告叫错了名字。",
     ["cut-open-list", "report-name-quoted", "cut-download"],
     meta("示例县住房和城乡建设局", "department", 2023, "2024-01-23"), _f,
     [CRUMB,
      ("title", "示例县住房和城乡建设局2023年政府信息公开工作年度报告"),
      ("byline", "发布时间：2024-01-23 来源：示例县住房和城乡建设局"),
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将2023年度政府信息公开工作报告公布如下。"
      "本报告可在县人民政府门户网站“政府信息公开年度报告专栏”查阅。" + period("standard", 2023),
      H[0],
      "2023年，我局围绕城市更新、保障性住房和建筑市场监管推进政务公开。",
      *five("全年主动公开政府信息427条，转载公开《示例县政府工作报告》等综合性文件3件，公开行政许可决定364件。",
            "全年新收政府信息公开申请8件，办结8件，均按期答复。",
            "落实公开属性源头认定，规范信息发布审核。",
            "维护县政府网站住建专栏和住房保障专题。",
            "将政务公开纳入股室年度考核，开展业务培训1次。"),
      *tables(),
      H[4], "（一）存在的主要问题。一是政策解读形式较为单一，图解、视频解读运用不多；二是住房保障专题更新不够及时。",
      ("lines", ["?"])],
     [cut("页面在第五部分列表的第一项之后中断")], options=PIPE)

_f = {"t2": t2(norm=(2, 1, 12), lic=1586, pen=43, coe=4),
      "t3": t3(new=(16, 2, 1), prev=(1,), disclosed=(7, 1), partially_disclosed=(2,), unavailable_not_held=(5, 1, 1),
               not_processed_repeat=(1,), other_overdue_correction=(1,)),
      "t4": t4(recon=(1, 0, 0, 0), direct=(0, 0, 0, 1))}
_add("html-cut-open-list-2024", "html",
     "县人民政府办公室页面的不完整保存，在第五部分列表的第一项之后中断（“（一）存在的主要问题。…”之后没有下文，句子完整）——"
     "只报一次“文件不完整”，不报缺少第六部分或未说明收费；前言公开了县政府的《政府工作报告》、提到门户网站的“政府信息公开年度报告专栏”，并说“现将2024年度"
     "政府信息公开工作报告公布如下”，都不是把报告叫错了名字。",
     ["cut-open-list", "report-name-quoted", "cut-download"],
     meta("示例县人民政府办公室", "department", 2024, "2025-01-20"), _f,
     [("chrome", "首页 > 政务公开 > 年度报告"),
      ("title", "示例县人民政府办公室2024年政府信息公开工作年度报告"),
      ("byline", "发布日期：2025-01-20 来源：示例县人民政府办公室"),
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，全年公开县政府《政府工作报告》和各专项工作报告，"
      "年度报告统一在县人民政府门户网站“政府信息公开年度报告专栏”发布。现将2024年度政府信息公开工作报告公布如下。"
      + period("shixian", 2024),
      H[0],
      "2024年，我办统筹推进全县政务公开工作，围绕重大决策部署、重点领域信息和政策解读加大公开力度。",
      *five("全年在县政府门户网站主动公开政府信息1928条，发布政策解读37篇，新制发行政规范性文件2件。",
            "全年新收政府信息公开申请19件，上年结转1件，办结19件，结转下年度1件。",
            "落实公文公开属性源头认定，开展规范性文件清理。",
            "优化县政府门户网站政策文件库和“政府信息公开年度报告专栏”。",
            "将政务公开纳入乡镇和县直部门年度绩效考核，开展专项督查2次。"),
      *tables(),
      H[4], "（一）存在的主要问题。部分乡镇和部门公开内容更新不够及时，政策解读的形式还不够丰富。"],
     [cut("页面在第五部分列表的第一项之后中断")],
     options={"page_title": "示例县人民政府办公室2024年政府信息公开工作年度报告", "footer": ""})

# ============================================================ a copy from a flip-book page: the place, a doubled year
_f = {"t2": t2(reg=(0, 0, 2), norm=(3, 2, 31), lic=2675, pen=312, coe=14),
      "t3": t3(new=(27, 3, 0, 0, 2), prev=(1,), disclosed=(11, 1), partially_disclosed=(3, 1),
               withheld_third_party=(1,), unavailable_not_held=(8, 1, 0, 0, 1), unavailable_unclear=(1,),
               not_processed_repeat=(2,), other_overdue_correction=(1,)),
      "t4": t4(recon=(2, 0, 0, 0), after=(1, 0, 0, 0))}
_add("plain-place-sentence-2022", "txt",
     "翻页电子书页面复制出的文字（一段一行）：标题是图片，没有复制出来；前言的发布句“现发布《示例市示例区2022年政府信息公开"
     "工作年度报告》”只写了地名，机关是区政府（政府）；统计期限“至202022年12月31日止”年份数字多打了一遍，照读为2022年全年，"
     "报写法不规范；缺标题只作提示。",
     ["body-place-sentence", "period-malformed-day", "plain-tables"],
     meta("示例市示例区", "government", 2022, "2023-01-17"), _f,
     ["发布日期：2023年1月17日",
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现发布《示例市示例区2022年政府信息公开工作年度报告》。"
      + _PARTS + "本报告所列数据统计期限自2022年1月1日起至202022年12月31日止。",
      H[0],
      "2022年，我区坚持把政务公开作为建设法治政府的基础性工作，围绕稳经济、保民生和基层治理深化公开。（一）主动公开：全年主动公开"
      "政府信息4210条，发布政策解读72篇。（二）依申请公开：全年新收政府信息公开申请32件，上年结转1件，办结31件，结转下年度2件。"
      "（三）政府信息管理：完成规范性文件清理，更新主动公开目录。（四）平台建设：优化区政府门户网站政策文件库。"
      "（五）监督保障：将政务公开纳入全区绩效考核，组织社会评议1次，全年未发生责任追究情形。",
      H[1], ("table", "t2", {"style": "spaces"}),
      H[2], ("table", "t3", {"style": "spaces"}),
      H[3], ("table", "t4", {"style": "spaces"}),
      *tail("我区", 2022)],
     [title_lost("翻页电子书的标题是图片，复制的文字里没有", named=True),
      malformed("自2022年1月1日起至202022年12月31日止")],
     producer="plain")
