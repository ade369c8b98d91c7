"""Paragraphs the recipes share, in this project's own words: the wordings real reports use for
each fixed part, with the figures of the document they stand in."""

from __future__ import annotations

HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")

PERIODS = {
    "standard": "本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
    "no-second-year": "本报告中所列数据的统计期限为{y}年1月1日至12月31日。",
    "zi-zhi": "报告所列统计期限自{y}年1月1日至{y}年12月31日。",
    "shixian": "本报告数据统计时限为{y}年1月1日至{y}年12月31日。",
    "qi-zhi-no-year": "本年度报告中所列数据统计期限自{y}年1月1日起至12月31日止。",
    "cong-dao": "本报告统计期限从{y}年1月1日到12月31日止。",
    "shijian-colon": "报告中所列数据统计时间：{y}年1月1日—12月31日。",
    "shuju-cong": "本报告统计数据从{y}年1月1日至12月31日。",
    "shijian-wei": "统计时间为{y}年1月1日至{y}年12月31日。",
    "qi-no-zhi": "本报告所列数据统计期限自{y}年1月1日起至{y}年12月31日。",
    "spaced": "本报告所列数据统计期限为 {y} 年 1 月 1 日至 12 月 31 日。",
    "chuteshu": "除特别说明外，所列数据统计时段为{y}年1月1日至{y}年12月31日。",
    "jiezhi": "本年度报告所列数据的统计期限自{y}年1月1日至{y}年12月31日截止。",
}


def period(kind: str, year: int) -> str:
    return PERIODS[kind].format(y=year)


def preamble(body_short: str, year: int, period_kind: str = "standard", template_notice: bool = True,
             decree: str = "国务院令第711号", contact: str = "") -> str:
    basis = f"根据《中华人民共和国政府信息公开条例》（{decree}，以下简称《条例》）"
    if template_notice:
        basis += "和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》" \
                 "（国办公开办函〔2021〕30号）"
    text = (f"{basis}要求，{body_short}编制了{year}年政府信息公开工作年度报告。全文包括总体情况、主动公开政府信息情况、"
            "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
            f"其他需要报告的事项。{period(period_kind, year)}")
    return text + (contact or "")


def problems(we: str, year: int) -> list[str]:
    return [f"{year}年，{we}政府信息公开工作仍有不足：一是政策解读形式较为单一，图解、视频等解读方式运用不多；"
            "二是个别栏目更新不够及时。",
            f"下一步，{we}将丰富政策解读形式，压实栏目维护责任，定期开展自查，及时更新公开内容。"]


def fee_none(we: str, year: int) -> str:
    return f"{year}年，{we}未发出收费通知，未收取政府信息公开信息处理费。"
