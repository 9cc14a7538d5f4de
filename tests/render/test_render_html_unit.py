"""The HTML report without a browser: escaping, structure, optional sections, charts, compare.

Reports here are assembled by hand around a real Document (the project's own splitter),
with sections shaped like the JSON contracts, so these tests need no model.
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from summarize.compare import ActorNaming, CategoryComparison, Comparison, TermUse
from summarize.document import Source, build_document
from summarize.jsonable import to_jsonable
from summarize.render.html import render_compare_html, render_report_dict_html, render_report_html
from summarize.render.html_base import CSP
from summarize.render.html_charts import ArcPoint, sentiment_arc_svg
from summarize.render.html_palette import UNDERLINES, category_styles
from summarize.render.html_quotes import quote_ranges
from summarize.report import (
    SCHEMA_VERSION,
    SECTIONS,
    Provenance,
    Report,
    SentenceInfo,
    SourceInfo,
    Stats,
)

ARTICLE = (
    "Regime Forces Clear the Square\n\n"
    "The regime launched an unprovoked assault on the camp at dawn, witnesses said. "
    "Police claimed the camp was a hazard.\n\n"
    "\"We were asleep when they came and nobody warned us,\" said Ana Lis, a teacher. "
    "The ministry has yet to comment on the 63 injuries.\n\n"
    "Officials said the square reopened to traffic by noon."
)
HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> & "quotes"'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _span(text: str, term: str, category: str, **extra: Any) -> dict[str, Any]:
    start = text.index(term)
    return {
        "start": start, "end": start + len(term), "text": term, "category": category,
        "explanation": extra.get("explanation", f"{category} explanation"),
        "alternative": extra.get("alternative", "a neutral word"),
        "in_quote": extra.get("in_quote", False), "speaker": extra.get("speaker"),
    }


def make_report(text: str = ARTICLE, *, title: str | None = "Square cleared", sections: bool = True,
                **overrides: Any) -> Report:
    doc = build_document(text, Source(kind="text", title=title))
    n = len(doc.sentences)
    framing = overrides.get("framing") if "framing" in overrides else {
        "spans": [
            _span(text, "unprovoked assault", "loaded"),
            _span(text, "regime", "actor_label"),
            _span(text, "claimed", "attribution"),
            _span(text, "has yet to", "presupposition"),
        ],
        "categories": {
            "loaded": {"label": "Loaded and emotive terms", "count": 1, "per_1000_words": 18.2},
            "actor_label": {"label": "Labels for actors", "count": 1, "per_1000_words": 18.2},
            "attribution": {"label": "Stance-bearing attribution verbs", "count": 1, "per_1000_words": 18.2},
            "presupposition": {"label": "Presupposition markers", "count": 1, "per_1000_words": 18.2},
        },
        "sentences": [{"index": i, "score": 0.8 if i == 1 else 0.1, "biased": i == 1} for i in range(n)],
        "document": {"score": 0.31, "biased_share": 1 / n},
    }
    summary = {
        "method": "extractive", "model": {"id": "all-MiniLM-L6-v2", "source": "package"}, "chunks": 1,
        "sentences": [
            {"text": doc.sentences[1].text, "source_sentences": [1], "support": 1.0, "flags": []},
            {"text": "Some 99 people were hurt.", "source_sentences": [4], "support": 0.5, "flags": ["99"]},
        ],
    }
    sentiment = {
        "backend": "vader", "model": None, "document": {"score": -0.35, "label": "negative"},
        "sentences": [{"index": i, "score": (-1) ** i * 0.1 * i} for i in range(n)],
        "actors": [{"name": "Ana Lis", "aliases": ["Lis"], "mentions": 1, "score": -0.2,
                    "evidence": [{"sentence": 3, "score": -0.2}]}],
        "contributions": [{"text": "assault", "start": text.find("assault"), "end": 0, "weight": -0.6}],
    }
    readability = {
        "flesch_kincaid_grade": 9.1, "smog_index": None, "consensus_grade": 9.4,
        "grade_band": "grade 9-10, high school", "reading_time_seconds": 20.0, "long_words_share": 0.2,
        "sentence_lengths": {"mean": 12.0, "median": 11.0, "longest": [{"index": 1, "words": 15}]},
        "warnings": ["SMOG needs at least 30 sentences"],
        "summary": {"flesch_kincaid_grade": 7.0, "consensus_grade": 7.2, "grade_band": "grade 7"},
    }
    parts = {"summary": summary, "sentiment": sentiment, "framing": framing, "readability": readability}
    parts = {k: (v if sections else None) for k, v in parts.items()} | overrides
    return Report(
        schema_version=SCHEMA_VERSION,
        source=SourceInfo(**dataclasses.asdict(doc.source)),
        stats=Stats(len(text), doc.word_count, n, len(doc.paragraphs), {}),
        sentences=[SentenceInfo(s.index, s.text, s.start, s.end, s.paragraph) for s in doc.sentences],
        provenance=Provenance("0.1.0", [], {}, {"read": 0.01}, ["a <b>warning</b>"]),
        document=doc,
        **parts,
    )


class _Tree(HTMLParser):
    """Checks that tags nest and close properly; collects ids, hrefs and visible article text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.article_text: list[str] = []
        self._article_depth: int | None = None
        self._hidden_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag in VOID:
            return
        self.stack.append(tag)
        classes = (a.get("class") or "").split()
        if tag == "div" and "article" in classes:
            self._article_depth = len(self.stack)
        hidden = {"tag", "tip", "biasflag", "backref"}
        if self._article_depth and self._hidden_depth is None and hidden & set(classes):
            self._hidden_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        if self._hidden_depth == len(self.stack):
            self._hidden_depth = None
        if self._article_depth == len(self.stack):
            self._article_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._article_depth and self._hidden_depth is None:
            self.article_text.append(data)


def parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_page_is_well_formed_and_self_contained() -> None:
    html = render_report_html(make_report(), SECTIONS)
    tree = parse(html)
    assert tree.errors == []
    assert tree.stack == []
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    assert "default-src 'none'" in CSP and "img-src data:" in CSP and "script-src" not in CSP
    # Nothing that could fetch: no scripts, links, external sources or CSS imports.
    assert not any(tag in {"script", "link", "iframe", "img", "object", "embed"} for tag, _ in tree.tags)
    assert not any("src" in attrs for _, attrs in tree.tags)
    assert not re.search(r"url\((?!#)", html), "only in-page url(#id) references"
    assert "@import" not in html and "http://" not in html and "https://" not in html
    assert all(h.startswith("#") for h in tree.hrefs), tree.hrefs


def test_every_internal_link_has_a_target() -> None:
    tree = parse(render_report_html(make_report(), SECTIONS))
    ids = set(tree.ids)
    assert len(ids) == len(tree.ids), "duplicate ids"
    missing = [h for h in tree.hrefs if h[1:] not in ids]
    assert missing == []


def test_article_text_is_kept_whole_around_marks_and_quotes() -> None:
    report = make_report()
    html = render_report_html(report, SECTIONS)
    tree = parse(html)
    assert _squash("".join(tree.article_text)) == _squash(ARTICLE)


def test_framing_spans_are_highlighted_with_category_tag_and_explanation() -> None:
    html = render_report_html(make_report(), SECTIONS)
    mark = re.search(r'<span class="mark (c\d+)" tabindex="0"[^>]*>unprovoked assault'
                     r'<span class="tag" aria-hidden="true">loaded</span><span class="tip"[^>]*>'
                     r"<b>Loaded and emotive terms</b>", html)
    assert mark, "the span, its visible tag and its explanation are rendered together"
    assert "Neutral alternative: <i>a neutral word</i>" in html
    # Per-category rule with a colour AND an underline style (a non-colour cue).
    rule = re.search(rf"\.{mark.group(1)}\{{--mark:#[0-9A-F]{{6}};--mark-shade:#[0-9A-F]{{6}};"
                     rf"--mark-line:(\w+)\}}", html)
    assert rule and rule.group(1) in UNDERLINES
    assert '<div class="legend">' in html


def test_quoted_speech_is_set_apart() -> None:
    html = render_report_html(make_report(), SECTIONS)
    assert re.search(r'<span class="quote"[^>]*>&quot;We were asleep when they came and nobody warned us,'
                     r"&quot;</span>", html)


def test_summary_sentences_link_to_their_sources_and_flags_are_marked() -> None:
    html = render_report_html(make_report(), SECTIONS)
    first = re.search(r'<li id="sum-1">.*?</li>', html, re.S)
    assert first and 'href="#s-1"' in first.group(0)
    assert '<mark class="flag" title="Not found in the article">99</mark>' in html
    assert 'class="flagged"' in html
    # The article sentence links back to the summary sentence it supports.
    assert re.search(r'<span class="sent" id="s-1">.*?href="#sum-1"', html, re.S)


def test_sentiment_arc_and_actor_bars_are_svg() -> None:
    report = make_report()
    html = render_report_html(report, SECTIONS)
    arc = re.search(r'<svg class="chart arc".*?</svg>', html, re.S)
    assert arc
    assert arc.group(0).count("<rect") == len(report.sentences)
    assert '<svg class="chart bars"' in html and "Ana Lis" in html
    assert '<svg class="chart grades"' in html
    assert "9.4" in html and "7.2" in html  # article and summary consensus grades


def test_readability_figures_compare_article_and_summary() -> None:
    html = render_report_html(make_report(), SECTIONS)
    row = re.search(r"<th scope=\"row\">Flesch-Kincaid grade</th><td class=\"num\">9.1</td>"
                    r"<td class=\"num\">7.0</td>", html)
    assert row
    assert "SMOG needs at least 30 sentences" in html
    assert "20%" in html  # shares as percentages


def test_user_text_is_escaped_everywhere() -> None:
    text = f"A headline {HOSTILE}\n\nThe regime said {HOSTILE} today. It was calm."
    span = _span(text, "regime", "<b>cat</b>", explanation=HOSTILE, alternative=HOSTILE,
                 speaker=HOSTILE, in_quote=True)
    report = make_report(
        text, title=HOSTILE,
        framing={"spans": [span], "categories": {"<b>cat</b>": {"label": HOSTILE, "count": 1}},
                 "quotes": [{"start": 0, "end": 10, "speaker": HOSTILE, "words": 9}]},
        summary={"method": HOSTILE, "sentences": [{"text": HOSTILE, "source_sentences": [0],
                                                   "flags": [HOSTILE, {"text": HOSTILE}]}]},
        sentiment={"backend": HOSTILE, "document": {"label": HOSTILE},
                   "actors": [{"name": HOSTILE, "aliases": [HOSTILE], "score": 0.1,
                               "evidence": [HOSTILE]}],
                   "contributions": [{"text": HOSTILE, "weight": 0.4}]},
        readability={"grade_band": HOSTILE, HOSTILE: 3.0, "warnings": [HOSTILE]},
    )
    html = render_report_html(report, SECTIONS)
    tree = parse(html)
    assert tree.errors == []
    assert not any(tag in {"script", "img"} for tag, _ in tree.tags)
    assert not any(k.startswith("on") for _, attrs in tree.tags for k in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>cat</b>" not in html and "<b>warning</b>" not in html
    # Class names come from our own counters, never from a user's category name.
    assert re.search(r'class="mark c0 inq"', html)


def test_renders_without_any_analysis() -> None:
    report = make_report(sections=False)
    html = render_report_html(report, SECTIONS)
    tree = parse(html)
    assert tree.errors == []
    assert 'id="article"' in html and 'id="summary"' not in html and 'id="framing"' not in html
    assert _squash("".join(tree.article_text)) == _squash(ARTICLE)
    assert "<svg" not in html


@pytest.mark.parametrize("chosen", [("summary",), ("sentiment",), ("framing",), ("readability",),
                                    ("summary", "readability")])
def test_sections_argument_chooses_what_is_shown(chosen: tuple[str, ...]) -> None:
    html = render_report_html(make_report(), chosen)
    for name in SECTIONS:
        assert (f'<section id="{name}"' in html) == (name in chosen), name
    if "framing" not in chosen:
        assert 'class="mark ' not in html


@pytest.mark.parametrize("broken", [
    {"summary": {"sentences": "not a list"}},
    {"summary": {"sentences": [None, 3, {"text": None, "source_sentences": [999, -1, "x"]}]}},
    {"framing": {"spans": [{"start": 5}, {"start": 10, "end": 5}, {"start": 0, "end": 10 ** 6}]}},
    {"framing": {"spans": None, "categories": {"x": 3}, "sentences": [{"biased": True}]}},
    {"sentiment": {"sentences": [{"index": 999, "score": 1}, {"index": 0, "score": "bad"}],
                   "actors": [{"score": 1}, {"name": "N", "score": float("nan")}]}},
    {"readability": {"consensus_grade": "high", "sentence_lengths": [3, 4, "x"], "summary": []}},
    {"sentiment": [], "readability": "none", "framing": 7, "summary": {}},
])
def test_missing_or_malformed_fields_are_skipped_not_fatal(broken: dict[str, Any]) -> None:
    html = render_report_html(make_report(**broken), SECTIONS)
    assert parse(html).errors == []
    assert 'id="article"' in html


def test_overlapping_and_cross_sentence_spans_keep_the_markup_valid() -> None:
    text = ARTICLE
    spans = [
        _span(text, "unprovoked assault on the camp", "loaded"),
        _span(text, "assault", "conflict"),  # inside the longer one: dropped
        {**_span(text, "witnesses said. Police", "hedge")},  # crosses a sentence boundary: clipped
    ]
    report = make_report(framing={"spans": spans})
    tree = parse(render_report_html(report, SECTIONS))
    assert tree.errors == []
    assert _squash("".join(tree.article_text)) == _squash(ARTICLE)


def test_report_dict_without_document_keeps_offsets() -> None:
    report = make_report()
    data = report.to_dict()
    html = render_report_dict_html(data, None, None, SECTIONS)
    assert "unprovoked assault<span class=\"tag\"" in html
    assert parse(html).errors == []


def test_quote_ranges_find_speech_not_scare_quotes() -> None:
    text = 'He called it "cleared," then added: "We will stay here until the tax goes." Done.'
    ranges = quote_ranges(text, [(0, len(text))])
    assert [text[s:e] for s, e in ranges] == ['"We will stay here until the tax goes."']
    curly = "“An unclosed quote runs on to the end of the paragraph”\n\nNext."
    assert [curly[s:e] for s, e in quote_ranges(curly, [(0, 55)])] == [curly[:55]]


def test_category_styles_pair_colour_and_underline_uniquely() -> None:
    names = [f"category {i}" for i in range(35)]
    styles = category_styles(names)
    pairs = {(s.colour, s.underline) for s in styles.values()}
    assert len(pairs) == 35
    assert {s.css_class for s in styles.values()} == {f"c{i}" for i in range(35)}
    # Known categories keep their place whatever else is present.
    assert category_styles(["hedge", "loaded"])["loaded"].css_class == "c0"


def test_sentiment_arc_clips_scores_and_handles_empty() -> None:
    assert sentiment_arc_svg([]) == ""
    svg = sentiment_arc_svg([ArcPoint(0, 5.0, "<b>x</b>"), ArcPoint(1, -5.0), ArcPoint(2, 0.0)])
    heights = [float(h) for h in re.findall(r'<rect class="bar[^"]*"[^>]*height="([\d.]+)"', svg)]
    assert max(heights) <= 96.0 + 0.1  # half the plot height: +-1 at most
    assert "&lt;b&gt;x&lt;/b&gt;" in svg and "<b>" not in svg


def _comparison(title_a: str = "Version <A>") -> Comparison:
    return Comparison(
        title_a=title_a, title_b="Version B", words_a=800, words_b=820, score_a=0.61, score_b=0.22,
        biased_share_a=0.4, biased_share_b=0.1,
        categories=[
            CategoryComparison("loaded", "Loaded and emotive terms", 5, 0, 6.0, 0.0),
            CategoryComparison("attribution", "Stance-bearing attribution verbs", 4, 1, 4.8, 1.2),
        ],
        only_a=[TermUse("regime", "actor_label", 3, 1), TermUse("thugs", "loaded", 1, 0)],
        only_b=[TermUse("security operation", "euphemism", 2, 0)],
        shared=["claimed"],
        actors=[ActorNaming("Interior Ministry", 3, 4, ["Interior Ministry", "the ministry"],
                            ["Interior Ministry"], ["claimed"], [])],
        profile_distance=0.43,
    )


def test_compare_view_shows_both_profiles_and_terms_only_one_uses() -> None:
    html = render_compare_html(_comparison())
    tree = parse(html)
    assert tree.errors == []
    assert f'content="{CSP}"' in html
    assert "Version &lt;A&gt;" in html and "Version <A>" not in html
    only_a = re.search(r"<h3>Only in A:.*?</ul>", html, re.S)
    only_b = re.search(r"<h3>Only in B:.*?</ul>", html, re.S)
    assert only_a and "regime ×3" in only_a.group(0) and "thugs" in only_a.group(0)
    assert only_b and "security operation" in only_b.group(0) and "regime" not in only_b.group(0)
    assert re.search(r"<h3>Used by both</h3>.*claimed", html, re.S)
    assert html.count('<svg class="chart pairs"') == 1
    assert "43%" in html
    naming = re.search(r'<table class="naming">.*?</table>', html, re.S)
    assert naming and "the ministry" in naming.group(0) and "×4" in naming.group(0)


def test_compare_view_from_json_and_from_nothing() -> None:
    data = to_jsonable(_comparison("<script>alert(1)</script>"))
    html = render_compare_html(data)
    assert "<script>" not in html and "&lt;script&gt;" in html
    empty = render_compare_html({})
    assert parse(empty).errors == [] and "Article A" in empty
