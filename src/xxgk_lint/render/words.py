"""Every text the renderers print besides rule messages, in both languages: one table of ``Tr``
so that a wording (or a translation) is changed in one place and every output agrees."""

from __future__ import annotations

from functools import cache

from ..record import Tr

WORDS: dict[str, Tr] = {
    # fields of a report and of a finding: table headings, column names
    "file": Tr("文件", "file"), "files": Tr("文件", "files"), "body": Tr("发布机关", "body"),
    "year": Tr("年度", "year"), "kind": Tr("机关类型", "kind"), "template": Tr("模板", "template"),
    "reader": Tr("读取为", "read as"), "encoding": Tr("编码", "encoding"), "unknown": Tr("未知", "unknown"),
    "rule": Tr("规则", "rule"), "title": Tr("名称", "title"), "severity": Tr("级别", "severity"),
    "message": Tr("问题", "message"), "where": Tr("位置", "location"), "place_label": Tr("对象", "place"),
    "values": Tr("数值", "values"), "problem": Tr("读取问题", "read error"), "status": Tr("状态", "status"),
    "error": Tr("错误", "errors"), "warning": Tr("警告", "warnings"), "info": Tr("提示", "info"),
    "findings": Tr("问题数", "findings"), "reports": Tr("报告数", "reports"),
    # a finding drawn in full
    "place": Tr("位置", "place"), "help": Tr("帮助", "help"), "also": Tr("相关", "related"),
    # where a report's body was read from (check -v)
    "from_title": Tr("标题", "title"), "from_metadata": Tr("元数据", "metadata"),
    "from_text": Tr("从正文推断", "inferred from the text"), "from_period": Tr("统计期限", "statistics period"),
    "from_file_name": Tr("文件名", "file name"), "from_mapping": Tr("对照表", "mapping"),
    "from_opening": Tr("正文句子的主语", "the subject of a sentence"),
    "from_contact": Tr("联系方式一句", "the contact sentence"), "from_posted": Tr("网页来源", "the page's source line"),
    "kind_doubt": Tr("类型不确定", "kind not certain"),
    # where a fetched report was found (check -v)
    "source": Tr("来源", "source"), "via_page": Tr("网页正文", "the page"), "via_attachment": Tr("附件", "attachment"),
    "via_iframe": Tr("内嵌页面", "iframe"), "via_direct": Tr("文件", "file"),
    # a report's status in an audit
    "unreadable": Tr("无法读取", "unreadable"), "status_error": Tr("有错误", "error"),
    "status_warning": Tr("有警告", "warning"), "status_info": Tr("仅提示", "info"),
    "clean": Tr("未发现问题", "clean"), "status_duplicate": Tr("内容重复", "duplicate"),
    "same_as": Tr("与 {url} 内容相同，只检查一次", "the same content as {url}, checked once"),
    "same": Tr("；另有 {n} 个网址内容与已检查的相同", "; {n} more URLs with content already checked"),
    "more_files": Tr(" 等（另有 {n} 个）", " and {n} more"),
    # the audit's summary
    "dup": Tr("同一机关同一年度有多个文件", "Several files for one body and year"),
    "incomplete": Tr("审计未完成（被中断）：本文件只含已完成的 {done} 个文件，共 {total} 个",
                     "Audit incomplete (interrupted): this file holds only the {done} finished files of {total}"),
    "sheet_incomplete": Tr("未完成", "Incomplete"),
    "interrupted": Tr("已中断：只汇总已完成的文件", "Interrupted: only finished files are summarised"),
    "total": Tr("共审查 {n} 个文件（{done} 个完成）：无法读取 {u}，有错误 {e}，有警告 {w}，未发现问题 {c}",
                "{n} files audited ({done} finished): {u} unreadable, {e} with errors, {w} with warnings, {c} clean"),
    "more": Tr("（另有 {n} 个报告未列出，见导出文件）", "({n} more reports not listed; see the exports)"),
    # the workbook's sheets
    "sheet_summary": Tr("汇总", "Summary"), "sheet_findings": Tr("问题", "Findings"),
    "sheet_rules": Tr("规则", "Rules"), "sheet_duplicates": Tr("重复", "Duplicates"),
    # the dashboard
    "page_title": Tr("政府信息公开工作年度报告审查结果", "Disclosure report audit"),
    "card_reports": Tr("报告", "reports"), "by_rule": Tr("各规则问题数", "Findings per rule"),
    "by_status": Tr("报告状态", "Reports by status"), "heatmap": Tr("机关 × 规则", "Body × rule"),
    "table": Tr("报告一览", "Reports"), "filter": Tr("筛选（机关、文件、状态）…", "Filter (body, file, status)…"),
    "none": Tr("未发现问题", "no findings"),
    "prev": Tr("上一页", "Previous"), "next": Tr("下一页", "Next"),
    "page_of": Tr("第 {p} / {n} 页，共 {k} 个报告", "page {p} of {n}, {k} reports"),
}


@cache
def words(lang: str) -> dict[str, str]:
    """Every word in one language."""
    return {k: v.pick(lang) for k, v in WORDS.items()}


def status_label(status: str, lang: str) -> str:
    """How a report's status (unreadable, error, warning, info, clean) reads."""
    w = words(lang)
    return w.get(f"status_{status}") or w[status]
