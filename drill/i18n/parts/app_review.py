"""Catalogue: the improvement-plan and report-and-export dialogs after a drill."""

from __future__ import annotations

REVIEW: dict[str, tuple[str, str]] = {
    "review.plan_intro": (
        "One corrective action per row; leave a row empty to drop it.",
        "每行一项纠正措施；留空的行不保存。",
    ),
    "review.save": ("Save", "保存"),
    "review.saved": ("Improvement plan saved.", "改进计划已保存。"),
    "review.title": ("Report and export", "报告与导出"),
    "review.folder": ("Folder to write to", "保存到文件夹"),
    "review.written": ("Written: {path}", "已写入：{path}"),
    "review.not_written": ("Could not write {path}: {reason}", "无法写入 {path}：{reason}"),
    "review.report.html": ("Report (HTML, A4)", "报告（HTML，A4）"),
    "review.report.md": ("Report (Markdown)", "报告（Markdown）"),
    "review.export.json": ("Export (JSON)", "导出（JSON）"),
    "review.export.csv": ("Export (CSV)", "导出（CSV）"),
}
