"""JSON output: the whole report, or one section for the per-analysis subcommands."""

from __future__ import annotations

import json

from summarize.jsonable import to_jsonable
from summarize.report import Report


def render_report_json(report: Report) -> str:
    return report.to_json(indent=2) + "\n"


def render_section_json(report: Report, name: str) -> str:
    """One analysis section, exactly as it appears under ``name`` in the full report."""
    return json.dumps(to_jsonable(report.section(name)), ensure_ascii=False, indent=2) + "\n"
