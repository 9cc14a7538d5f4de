"""The HTML report: one module per section, ``page`` assembles them (``docs/html-report.md``)."""

from summarize.render.html.page import render_compare_html, render_report_dict_html, render_report_html

__all__ = ["render_compare_html", "render_report_dict_html", "render_report_html"]
