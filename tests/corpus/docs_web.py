"""HTML pages as government sites publish them: article pages of TRS-like CMSs with their
metadata blocks, bylines and <meta> tags, tables with rowspan/colspan."""

from __future__ import annotations

from figures import t2, t2_2019, t3, t4
from make import Doc
from parts import HEADINGS as H
from parts import fee_none, period, preamble, problems

DOCS: list[Doc] = []


def add(*args, **kw) -> None:
    DOCS.append(Doc(*args, **kw))


CRUMB = ("chrome", "当前位置：首页 > 政务公开 > 政府信息公开年报")
NAV = ("chrome", "首页 | 政务公开 | 政务服务 | 互动交流 | 走进示例", {"cls": "nav"})

# --------------------------------------------------------------------------- 1
_f = {"t2": t2(norm=(31, 5, 402), lic=1764, pen=903, coe=27, fee=5120.38),
      "t3": t3(new=(24, 2, 0, 1), disclosed=(10, 1), partially_disclosed=(3,), withheld_enforcement=(2,),
               unavailable_not_held=(7, 1, 0, 1), other_other=(0,)),
      "t4": t4(recon=(2, 0, 1, 0), direct=(3, 0, 0, 1))}
add("html-trs-zone-2023", "html",
    "新区的文章页（仿平潭）：标题下“来源：…管委会办公室 时间：2024-02-20 10:12”，以新区名义报告全区情况（相当于政府的报告，"
    "3月31日前发布即可）；“第一时间受理、第一时间转办、第一时间答复的“三个一”机制”不是件数，文号〔2023〕不是件数。无缺陷。",
    ["date-line", "numbers-not-counts", "issuer-zone", "html-rowspan"],
    {"body": "示例滨海新区", "kind": "zone", "year": 2023, "period": "2023-01-01/2023-12-31",
     "published": "2024-02-20", "template": "2021"}, _f,
    [("head", {"keywords": "政府信息公开年报"}), NAV, CRUMB,
     ("title", "示例滨海新区2023年度政府信息公开工作年度报告"),
     ("byline", "来源：示例滨海新区管委会办公室 时间：2024-02-20 10:12"),
     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《示例省政府信息公开办法》要求，编制本报告。"
     "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
     "存在的主要问题及改进情况、其他需要报告的事项六部分组成。" + period("standard", 2023)
     + "如对本报告有疑问，请与新区政务公开办公室联系（电话：0000-12345678）。",
     H[0],
     "2023年，新区坚持以人民为中心深化政务公开，围绕开发建设和民生服务扩大公开范围。",
     "（一）主动公开方面。全年通过新区门户网站主动公开政府信息3460余条，发布政策解读41篇。",
     "（二）依申请公开方面。坚持第一时间受理、第一时间转办、第一时间答复的“三个一”工作机制，"
     "全区共收到政府信息公开申请27件，办结25件，2件结转下年度继续办理。",
     "（三）政府信息管理方面。印发《示例滨海新区政府信息公开审查办法》（示新管〔2023〕12号），规范审查流程。",
     "（四）平台建设方面。升级门户网站智能检索，关停长期不更新的政务新媒体2个。",
     "（五）监督保障方面。开展季度检查4次，将政务公开纳入各部门绩效考核，引入第三方评估。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("新区", 2023),
     H[5], "2023年，新区无收取信息处理费情况。"],
    [], options={"page_title": "示例滨海新区2023年度政府信息公开工作年度报告_示例滨海新区门户网站"})

# --------------------------------------------------------------------------- 2
_f = {"t2": t2(norm=(4, 1, 33), lic=820, pen=6), "t3": t3(new=(15, 1), prev=(1,), disclosed=(9, 1),
                                                          unavailable_not_held=(5,), not_processed_repeat=(1,)),
      "t4": t4(direct=(1, 0, 0, 0))}
add("html-meta-table-2024", "html",
    "市民政局的文章页：元数据是两列一对的表格（“发布机构”与值分在两个单元格），<meta name=\"PubDate\">；标题分成两个段落"
    "（机关名 / “2024年政府信息公开工作年度报告”）。无缺陷。",
    ["meta-table", "meta-tags", "title-two-lines", "html-rowspan"],
    {"body": "示例市民政局", "kind": "department", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-01-20", "template": "2021"}, _f,
    [("head", {"ArticleTitle": "示例市民政局2024年政府信息公开工作年度报告", "PubDate": "2025-01-20 09:30",
               "ContentSource": "示例市民政局"}), NAV, CRUMB,
     ("metatable", [("索引号", "11100000MB0001234X/2025-00003"), ("主题分类", "政府信息公开年报"),
                    ("发布机构", "示例市民政局"), ("发布日期", "2025-01-20"), ("文号", "无"), ("有效性", "有效")]),
     ("title", ["示例市民政局", "2024年政府信息公开工作年度报告"], {"tag": "p", "apart": True}),
     preamble("我局", 2024, "standard"),
     H[0],
     "（一）主动公开。全年主动公开社会救助、养老服务、婚姻登记等信息742条。",
     "（二）依申请公开。全年收到政府信息公开申请16件，上年结转1件，办结16件，结转下年度1件。",
     "（三）政府信息管理。落实政府信息公开属性源头认定，全年调整公开目录2次。",
     "（四）平台建设。改版门户网站民政专栏，新增“养老服务地图”。",
     "（五）监督保障。将政务公开纳入处室年度考核，开展专项检查2次。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("我局", 2024), H[5], fee_none("我局", 2024)],
    [], options={"page_title": "示例市民政局2024年政府信息公开工作年度报告_示例市人民政府"})

# --------------------------------------------------------------------------- 3
_f = {"t2": t2(norm=(2, 0, 15), lic=396, pen=57, coe=4), "t3": t3(new=(8, 3), disclosed=(5, 2),
                                                                  unavailable_not_held=(3, 1)),
      "t4": t4(recon=(0, 1, 0, 0))}
add("html-firstpublishedtime-2024", "html",
    "县自然资源局的页面：正文里没有日期，只有 <meta name=\"firstpublishedtime\"> 给出发布时间；“报告所列统计期限自…至…”的写法。无缺陷。",
    ["meta-tags", "period-wording", "html-rowspan"],
    {"body": "示例县自然资源局", "kind": "department", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-01-24", "template": "2021"}, _f,
    [("head", {"firstpublishedtime": "2025-01-24 16:20:31", "lastmodifiedtime": "2025-03-02 08:00:00"}), CRUMB,
     ("title", "示例县自然资源局2024年政府信息公开工作年度报告", {"tag": "h1"}),
     preamble("我局", 2024, "zi-zhi"),
     H[0],
     "2024年，我局围绕国土空间规划、耕地保护、不动产登记等做好信息公开：主动公开政府信息516条；依申请公开收到申请11件，"
     "全部按期办结；政府信息管理上严格保密审查；平台建设上维护县政府网站自然资源专栏；监督保障上开展自查2次。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("我局", 2024), H[5], fee_none("我局", 2024)],
    [], options={"page_title": "示例县自然资源局2024年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 4
_f = {"t2": t2(norm=(0, 0, 6), lic=45, pen=3),
      "t3": t3(new=(12,), disclosed=(7,), unavailable_not_held=(4,)),
      "t4": t4()}
_f["t3"]["result_total"] = [10, 0, 0, 0, 0, 0, 10]      # (七)总计 written as 10: the sub-rows add to 11
_f["t3"]["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]      # … and the carry-forward made to balance
for _row in _f["t3"]:                  # the five organisation columns filled with "/" throughout
    _f["t3"][_row] = [v if k in (0, 6) else "/" for k, v in enumerate(_f["t3"][_row])]
add("html-slash-cells-2022", "html",
    "县商务局页面：表三五个组织类型列全填“/”（一个习惯，报一次）；“（七）总计”写成10而分项合计11（结转数凑平了收支）——"
    "这处算术错误不能被“/”的洪水淹没。",
    ["flood", "blank-cells", "html-rowspan"],
    {"body": "示例县商务局", "kind": "department", "year": 2022, "period": "2022-01-01/2022-12-31",
     "published": "2023-01-30", "template": "2021"}, _f,
    [CRUMB, ("title", "示例县商务局2022年政府信息公开工作年度报告"),
     ("byline", "发布日期：2023-01-30 来源：示例县商务局"),
     preamble("我局", 2022, "standard"),
     H[0],
     "2022年，我局主动公开促消费、外贸外资等信息203条；依申请公开方面收到申请12件；政府信息管理方面落实审核发布；"
     "平台建设方面维护县政府网站商务专栏；监督保障方面接受社会监督。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("我局", 2022), H[5], fee_none("我局", 2022)],
    [{"rule": "CELL-NOT-NUMBER", "at": "t3", "severity": "error", "defect": True, "why": "五列全填“/”，报一次"},
     {"rule": "T3-RESULT-TOTAL", "at": "t3.result_total.natural_person", "severity": "error", "defect": True,
      "why": "（七）总计10，分项合计11"},
     {"rule": "T3-RESULT-TOTAL", "at": "t3.result_total.total", "severity": "error", "defect": True,
      "why": "总计列同上"}],
    options={"page_title": "示例县商务局2022年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 5
_f = {"t2": t2_2019(reg=(0, 0, 0), norm=(3, 3, 24), lic=(0, 0, 0), other=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0),
                    fee=(0, 0), proc=(4, 36.52)),
      "t3": t3("2019", new=(5, 1), disclosed=(3,), unavailable_not_held=(2, 1)),
      "t4": t4()}
add("html-2019-template-2019", "html",
    "市审计局2019年度报告页面：2019年版表格（表二“本年新制作数量/本年新公开数量/对外公开总数量”、政府集中采购，"
    "表三“（六）其他处理”一行），“统计期限自2019年1月1日起至12月31日止”。无缺陷。",
    ["template-2019", "period-wording", "html-rowspan"],
    {"body": "示例市审计局", "kind": "department", "year": 2019, "period": "2019-01-01/2019-12-31",
     "published": "2020-01-14", "template": "2019"}, _f,
    [CRUMB, ("title", "示例市审计局2019年政府信息公开工作年度报告"),
     ("byline", "发布时间：2020-01-14 17:05 来源：市审计局"),
     "根据新修订的《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，特发布本报告。"
     + period("qi-zhi-no-year", 2019),
     "一、总体情况",
     "2019年，我局认真贯彻新修订的《条例》，主动公开审计结果公告、部门预决算等信息86条；收到政府信息公开申请6件，"
     "均已按时答复；加强政府信息管理；完善门户网站审计专栏，推进平台建设；把公开工作纳入年度考核，强化监督保障。",
     "二、主动公开政府信息情况", ("table", "t2"), "三、收到和处理政府信息公开申请情况", ("table", "t3"),
     "四、政府信息公开行政复议、行政诉讼情况", ("table", "t4"),
     "五、存在的主要问题及改进情况", *problems("我局", 2019),
     "六、其他需要报告的事项", "2019年，我局未收取政府信息公开有关费用。"],
    [], options={"page_title": "示例市审计局2019年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 6
_f = {"t2": t2(reg=(1, 0, 12), norm=(14, 6, 188), lic=30521, pen=4210, coe=366, fee=3120.5),
      "t3": t3(new=(210, 16, 0, 2, 5, 3), prev=(6, 1), disclosed=(90, 6, 0, 1, 2, 1), partially_disclosed=(20, 2),
               withheld_third_party=(4,), withheld_process=(6,), withheld_enforcement=(5, 1), withheld_inquiry=(3,),
               unavailable_not_held=(60, 5, 0, 1, 2, 1), unavailable_needs_creation=(4,), unavailable_unclear=(2,),
               not_processed_petition=(6,), not_processed_repeat=(3, 1), other_overdue_correction=(4,),
               other_other=(1,)),
      "t4": t4(recon=(5, 1, 1, 2), direct=(3, 1, 0, 2), after=(1, 0, 0, 0))}
add("html-gbk-county-gov-2022", "html",
    "县人民政府的年报页面，GBK编码（<meta charset=gb2312>），发布日期写成“2023年03月15日”（政府的期限是3月31日）；"
    "监督保障部分写了考核、社会评议和责任追究结果。无缺陷。",
    ["encoding", "date-line", "html-rowspan"],
    {"body": "示例县人民政府", "kind": "government", "year": 2022, "period": "2022-01-01/2022-12-31",
     "published": "2023-03-15", "template": "2021"}, _f,
    [NAV, ("title", "示例县人民政府2022年政府信息公开工作年度报告"),
     ("byline", "信息来源：示例县人民政府办公室     发布日期：2023年03月15日     点击："),
     preamble("县人民政府办公室", 2022, "standard"),
     H[0],
     "2022年，县政府坚持以公开促落实、促规范、促服务。（一）主动公开：县政府门户网站主动公开政府信息12600余条。"
     "（二）依申请公开：全县新收政府信息公开申请236件，上年结转7件。（三）政府信息管理：全面清理现行有效规范性文件。"
     "（四）平台建设：推进政府网站集约化，整合政务新媒体8个。（五）监督保障：将政务公开纳入全县综合考核，"
     "分值占比4%；组织群众代表开展社会评议1次，评议结果良好；全年未发生因政府信息公开工作引起的责任追究情况。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("县政府", 2022), H[5], fee_none("县政府", 2022)],
    [], encoding="gb18030", options={"charset": "gb2312", "page_title": "示例县人民政府2022年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 7
_f = {"t2": t2(norm=(2, 1, 19), lic=12, pen=0, fee=0), "t3": t3(new=(5,), disclosed=(3,), unavailable_not_held=(2,)),
      "t4": t4()}
add("html-traditional-2023", "html",
    "繁体字镜像页面（統計期限、條例、總體情況）：按简体读取。无缺陷。",
    ["encoding", "period-wording"],
    {"body": "示例县财政局", "kind": "department", "year": 2023, "period": "2023-01-01/2023-12-31",
     "published": "2024-01-19", "template": "2021"}, _f,
    [("title", "示例縣財政局2023年政府信息公開工作年度報告"),
     ("byline", "發布時間：2024-01-19 10:00 來源：示例縣財政局"),
     "根據《中華人民共和國政府信息公開條例》要求，現公布本局2023年度報告。本報告中所列數據的統計期限自2023年1月1日起"
     "至2023年12月31日止。",
     "一、總體情況",
     "2023年，本局主動公開預決算、政府採購等信息142條；依申請公開方面，全年收到申請5件，均按時答覆；政府信息管理方面，"
     "嚴格發布審核；平台建設方面，維護縣政府網站財政專欄；監督保障方面，納入年度考核。",
     "二、主動公開政府信息情況", ("table", "t2"), "三、收到和處理政府信息公開申請情況", ("table", "t3"),
     "四、政府信息公開行政復議、行政訴訟情況", ("table", "t4"),
     "五、存在的主要問題及改進情況", "本局政策解讀形式仍較單一。下一步將加強圖解解讀，提升公開質量。",
     "六、其他需要報告的事項", "2023年，本局未收取信息處理費。"],
    [], options={"page_title": "示例縣財政局2023年政府信息公開工作年度報告"})

# --------------------------------------------------------------------------- 8
_f = {"t2": t2(norm=(1, 1, 9), lic=64, pen=19, coe=2), "t3": t3(new=(9, 1), disclosed=(4,), partially_disclosed=(1,),
                                                                unavailable_not_held=(3, 1), withheld_third_party=(1,)),
      "t4": t4()}
add("html-label-br-2024", "html",
    "区应急管理局页面：表格标签里有换行（“（四）无<br>法提供”“（三）不予<br>公开”“商业<br>企业”），空白格是&nbsp;。无缺陷。",
    ["group-label-broken", "html-rowspan"],
    {"body": "示例区应急管理局", "kind": "department", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-01-23", "template": "2021"}, _f,
    [CRUMB, ("title", "示例区应急管理局2024年政府信息公开工作年度报告", {"tag": "h1"}),
     ("byline", "发布日期：2025-01-23"),
     preamble("我局", 2024, "standard"),
     H[0],
     "2024年，我局主动公开安全生产、防灾减灾等信息298条；收到政府信息公开申请10件，均依法答复；政府信息管理方面"
     "落实“三审三校”；平台建设方面维护区政府网站应急专栏；监督保障方面开展专项检查。",
     H[1], ("table", "t2"),
     H[2], ("table", "t3", {"labels": {"（四）无法提供": "（四）无\n法提供", "（三）不予公开": "（三）不予\n公开",
                                       "商业企业": "商业\n企业", "科研机构": "科研\n机构"}}),
     H[3], ("table", "t4"),
     H[4], *problems("我局", 2024), H[5], fee_none("我局", 2024)],
    [], options={"page_title": "示例区应急管理局2024年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 9
_f = {"t2": t2(norm=(0, 0, 2), lic=88, pen=14), "t3": t3(new=(4,), disclosed=(4,)), "t4": t4()}
add("html-period-reversed-2023", "html",
    "县林业局页面：统计期限写成“自2023年1月1日起至2022年12月31日止”，起止颠倒。",
    ["year-by-evidence", "period-wording"],
    {"body": "示例县林业局", "kind": "department", "year": 2023, "period": "2023-01-01/2022-12-31",
     "published": "2024-01-17", "template": "2021"}, _f,
    [CRUMB, ("title", "示例县林业局2023年政府信息公开工作年度报告"), ("byline", "发布时间：2024-01-17 08:51"),
     "根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告中所列数据的统计期限自2023年1月1日起至2022年12月31日止。",
     H[0],
     "2023年，我局主动公开林木采伐许可、森林防火等信息97条；收到政府信息公开申请4件；落实政府信息管理制度；"
     "维护县政府网站林业专栏等平台；将政务公开纳入年度考核，加强监督保障。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("我局", 2023), H[5], fee_none("我局", 2023)],
    [{"rule": "DATE-PERIOD", "at": "field:period", "severity": "error", "defect": True, "why": "统计期限起止颠倒"}],
    options={"page_title": "示例县林业局2023年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 10
_f = {"t2": t2(norm=(0, 0, 1)), "t3": t3(new=(2,), disclosed=(2,)), "t4": t4()}
add("html-section6-none-2024", "html",
    "区退役军人事务局页面：第六部分只写“无。”——不是空白，但没有说明信息处理费的收取情况。",
    ["section6-none"],
    {"body": "示例区退役军人事务局", "kind": "department", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-01-10", "template": "2021"}, _f,
    [CRUMB, ("title", "示例区退役军人事务局2024年政府信息公开工作年度报告"), ("byline", "发布日期：2025-01-10"),
     preamble("我局", 2024, "standard"),
     H[0],
     "2024年，我局主动公开优待抚恤、就业安置等信息75条；收到政府信息公开申请2件，均予以公开；规范政府信息管理；"
     "维护区政府网站专栏平台；纳入年度考核，强化监督保障。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("我局", 2024), H[5], "无。"],
    [{"rule": "SEC6-FEE", "at": "section:6", "severity": "warning", "defect": True, "why": "只写“无。”"}],
    options={"page_title": "示例区退役军人事务局2024年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 11
_f = {"t2": t2(norm=(3, 0, 22), lic=540, pen=11, coe=0), "t3": t3(new=(6, 4), disclosed=(3, 2), unavailable_not_held=(3, 2)),
      "t4": t4()}
add("html-uncertain-hightech-2024", "html",
    "高新区管委会页面：<meta name=\"PubDate\"> 和署名行都是2025-02-10；开发区的管委会为本区报告，按政府的3月31日期限，"
    "2月10日发布不晚。无缺陷。",
    ["issuer-zone", "meta-tags", "date-line"],
    {"body": "示例高新技术产业开发区管理委员会", "kind": "zone", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-02-10", "template": "2021"}, _f,
    [("head", {"PubDate": "2025-02-10 14:22"}), CRUMB,
     ("title", "示例高新技术产业开发区管理委员会2024年政府信息公开工作年度报告"),
     ("byline", "发布时间：2025-02-10 14:22 来源：党政办公室"),
     preamble("管委会", 2024, "standard"),
     H[0],
     "2024年，管委会主动公开招商政策、企业服务等信息460条；收到政府信息公开申请10件，均按期办结；政府信息管理方面落实审核；"
     "平台建设方面维护高新区门户网站；监督保障方面纳入各部门年度考核。",
     H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
     H[4], *problems("管委会", 2024), H[5], fee_none("管委会", 2024)],
    [],
    options={"page_title": "示例高新技术产业开发区管理委员会2024年政府信息公开工作年度报告"})

# --------------------------------------------------------------------------- 12
_f = {"t2": t2(norm=(6, 2, 51), lic=2650, pen=388, coe=12, fee=16.8),
      "t3": t3(new=(33, 4, 0, 0, 1), disclosed=(15, 2), partially_disclosed=(4,), unavailable_not_held=(10, 2, 0, 0, 1),
               not_processed_repeat=(2,), other_overdue_correction=(1,)),
      "t4": t4(recon=(1, 0, 0, 0))}
_br = "<br>".join
add("html-br-paragraphs-2021", "html",
    "2021年度（新模板第一年）的区政府办页面：正文是一个 div 里用 <br> 分行的文字（老式 CMS），标题在 <h2>。无缺陷。",
    ["html-br", "html-rowspan"],
    {"body": "示例区人民政府办公室", "kind": "department", "year": 2021, "period": "2021-01-01/2021-12-31",
     "published": "2022-01-28", "template": "2021"}, _f,
    [CRUMB, ("title", "示例区人民政府办公室2021年政府信息公开工作年度报告", {"tag": "h2"}),
     ("byline", "时间：2022-01-28 来源：区政府办", {"stay": True}),
     ("raw", "<div class=\"content\">" + _br([
         preamble("我办", 2021, "standard"),
         H[0],
         "2021年，区政府办公室按照新版格式要求做好年报编制。主动公开区政府文件、会议纪要等信息1120条；依申请公开收到申请38件，"
         "全部按期办结；政府信息管理方面开展规范性文件清理；平台建设方面完成政府网站集约化迁移；监督保障方面开展年度考评。",
         H[1]]) + "</div>"),
     ("table", "t2"), ("raw", f"<div>{H[2]}</div>"), ("table", "t3"), ("raw", f"<div>{H[3]}</div>"), ("table", "t4"),
     ("raw", "<div>" + _br([H[4], *problems("我办", 2021), H[5], fee_none("我办", 2021)]) + "</div>")],
    [], options={"page_title": "示例区人民政府办公室2021年政府信息公开工作年度报告", "article_class": "content"})

# --------------------------------------------------------------------------- 13
_f = {"t2": t2(norm=(1, 0, 7), lic=318, pen=12), "t3": t3(new=(20, 3, 0, 2), prev=(2,), disclosed=(9, 1),
                                                           partially_disclosed=(2,), withheld_process=(2,),
                                                           unavailable_not_held=(6, 1, 0, 1), not_processed_repeat=(2,)),
      "t4": t4(recon=(1, 0, 0, 0))}
add("html-zone-br-withheld-2024", "html",
    "经济技术开发区的老式页面：整篇正文是一个 div 里用 <br> 分行（书名号里的文件名跨了 <br>），来源行日期写“2025/3/10 10:30”，"
    "开发区以本区名义报告（3月31日前发布不晚）；总体情况五个方面都用自己的话写（“各栏目发布信息380条”“接到群众申请25件”"
    "“严格落实发布审核”“维护好管委会网站专栏”“纳入年度考评”）；正文称“不予公开3件”，表三“（三）不予公开”合计2件。",
    ["html-br", "issuer-zone", "topics-other-words", "date-line", "text-broken-lines"],
    {"body": "示例经济技术开发区", "kind": "zone", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-03-10", "template": "2021"}, _f,
    [NAV, ("title", "示例经济技术开发区2024年政府信息公开工作年度报告", {"tag": "h2"}),
     ("byline", "来源：示例经济技术开发区管委会 2025/3/10 10:30", {"stay": True}),
     ("raw", "<div class=\"content\">" + _br([
         "根据《中华人民共和国政府信息公开条例》要求，编制本报告。" + period("shijian-wei", 2024),
         H[0],
         "2024年，开发区围绕招商引资和企业服务做好政务公开。各栏目发布信息380条，重点是惠企政策和项目建设进展。"
         "全年接到群众申请25件，上年结转2件，均按期答复；其中予以公开10件，部分公开2件，不予公开3件，无法提供8件，"
         "不予处理2件。严格落实发布审核，执行《示例经济技术开发区",
         "政务信息发布管理办法》。维护好管委会网站专栏，保持更新。将公开工作纳入各部门年度考评。",
         H[1]]) + "</div>"),
     ("table", "t2"), ("raw", f"<div>{H[2]}</div>"), ("table", "t3"), ("raw", f"<div>{H[3]}</div>"), ("table", "t4"),
     ("raw", "<div>" + _br([H[4], *problems("开发区", 2024), H[5], fee_none("开发区", 2024)]) + "</div>")],
    [{"rule": "PROSE-T3-WITHHELD", "at": "t3.withheld_state_secret.total", "severity": "error", "defect": True,
      "why": "正文不予公开3件，表三合计2件"}],
    options={"page_title": "示例经济技术开发区2024年政府信息公开工作年度报告", "article_class": "content"})

# --------------------------------------------------------------------------- 14, 15
# a web page printed to PDF by the browser (producer "chromium"): how an office keeps the page it
# published, and how a supervisor often receives it; the height of the space before table 2 places
# the page breaks (found by trying, with Debian's Chromium 150)
_f = {"t2": t2(norm=(12, 2, 187), lic=2316, pen=418, coe=9, fee=36.5),
      "t3": t3(new=(41, 3, 0, 1, 0, 2), prev=(2,), disclosed=(17, 2, 0, 1), partially_disclosed=(5,),
               withheld_third_party=(2,), withheld_process=(3,), withheld_inquiry=(1,),
               unavailable_not_held=(9, 1, 0, 0, 0, 1), unavailable_needs_creation=(2,), not_processed_repeat=(2,),
               other_other=(1,)),
      "t4": t4(recon=(2, 1, 0, 0), direct=(1, 0, 1, 0))}


def _printed(body: str, year: int, published: str, received: int, space: int) -> list:
    return [("head", {"ArticleTitle": f"{body}{year}年政府信息公开工作年度报告"}), NAV, CRUMB,
            ("metatable", [("索引号", f"11431121MB0000000X/{year + 1}-00031"), ("发布机构", body),
                           ("发布日期", published), ("主题分类", "政府信息公开年报")]),
            ("title", f"{body}{year}年政府信息公开工作年度报告"),
            preamble("我局", year), H[0],
            f"{year}年，我局认真贯彻《中华人民共和国政府信息公开条例》，围绕市场监管中心工作推进政务公开。",
            "（一）主动公开。全年主动公开政府信息1260条，行政许可信息2316条次在“双公示”专栏同步发布。",
            f"（二）依申请公开。全年收到政府信息公开申请{received}件，上年结转2件，办结47件，结转下年度2件。",
            "（三）政府信息管理。落实信息发布“三审三校”，清理规范性文件，现行有效187件。",
            "（四）平台建设。维护县政府门户网站部门专栏，规范政务新媒体运营。",
            "（五）监督保障。将政务公开纳入年度考核，组织业务培训2次。",
            ("raw", f'<div style="height:{space}px"></div>'),
            H[1], ("table", "t2"), H[2], ("table", "t3"), H[3], ("table", "t4"),
            H[4], *problems("我局", year), H[5], fee_none("我局", year)]


add("pdf-chromium-split-2023", "pdf",
    "县市场监管局的网页用浏览器“打印为PDF”：元数据表格的格子连成一行（“发布日期2024-01-26”无冒号），标题字号大、紧接其下；"
    "border=1 的表格每格一个框、格间两条线，各页吸附到不同的线上（同一列边相差几磅）；表二末行单独落到下一页，表三跨三页，"
    "“三、本年度办理结果”等合并单元格只印在第一页、下一页是空框并在行中间结束；文字层把“一”“页”写成部首（⼀、⻚）。无缺陷。",
    ["pdf-browser-print", "pdf-page-break", "pdf-ruled", "meta-table", "pdf-radicals"],
    {"body": "示例县市场监督管理局", "kind": "department", "year": 2023, "period": "2023-01-01/2023-12-31",
     "published": "2024-01-26", "template": "2021"}, _f,
    _printed("示例县市场监督管理局", 2023, "2024-01-26", 47, 0), [], producer="chromium")

add("pdf-chromium-t4-break-2024", "pdf",
    "同一类浏览器打印的PDF，表四在表头中间分页（“行政复议”下的表头跨页，下一页前五列是空框），表三跨页；正文称收到申请52件，"
    "表三“一、本年新收”总计47件。",
    ["pdf-browser-print", "pdf-page-break", "pdf-ruled", "pdf-radicals"],
    {"body": "示例县市场监督管理局", "kind": "department", "year": 2024, "period": "2024-01-01/2024-12-31",
     "published": "2025-01-22", "template": "2021"}, _f,
    _printed("示例县市场监督管理局", 2024, "2025-01-22", 52, 400),
    [{"rule": "PROSE-T3-RECEIVED", "at": "t3.new_received.total", "severity": "error", "defect": True,
      "why": "正文收到申请52件，表三新收47件"}], producer="chromium")
