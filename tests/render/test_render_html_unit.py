"""The HTML report without a browser: escaping, structure, optional sections, charts, compare.

Reports here are typed reports built by hand around a real Document (tests/typed_reports.py),
so these tests need no model and a renamed section field breaks them.
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest

from summarize.compare import ActorNaming, CategoryComparison, Comparison, TermUse
from summarize.document import Document
from summarize.framing.section import CategoryStat, QuoteInfo
from summarize.render.html import render_compare_html, render_report_dict_html, render_report_html
from summarize.render.html.base import CSP
from summarize.render.html.charts import ArcPoint, sentiment_arc_svg
from summarize.render.html.palette import UNDERLINES, category_styles
from summarize.render.html.quotes import quote_ranges
from summarize.report import Report, ReportFormatError, SchemaVersionError
from summarize.sections import SECTIONS
from summarize.sentiment.section import ActorSentiment, Contribution, SentimentSection
from summarize.summary.section import Flag, SummarySentence
from tests.typed_reports import (
    ARTICLE,
    framing_section,
    make_report,
    sentiment_section,
    span,
    summary_section,
)

HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> & "quotes"'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


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


def test_driving_words_count_their_uses_when_none_pushed_up() -> None:
    # Bug fixed: the count's method came from the pushed-up list only, so an article whose words
    # all pushed down lost the ×N of each word.
    def sentiment(doc: Document) -> SentimentSection:
        words = [Contribution("assault", m.start(), m.end(), -0.6, 0, "lexicon")
                 for m in re.finditer("assault", doc.text)]
        return sentiment_section(doc, contributions=tuple(words), pushed_up=(), pushed_down=(words[0],))

    text = ARTICLE + " The assault went on."
    html = render_report_html(make_report(text, sentiment=sentiment), ("sentiment",))
    assert re.search(r'class="chip neg"[^>]*>assault ×2 <small>−0.60</small>', html)


def test_readability_figures_compare_article_and_summary() -> None:
    html = render_report_html(make_report(), SECTIONS)
    row = re.search(r"<th scope=\"row\">Flesch-Kincaid grade</th><td class=\"num\">9.1</td>"
                    r"<td class=\"num\">7.0</td>", html)
    assert row
    assert "SMOG needs at least 30 sentences" in html
    assert "20%" in html  # shares as percentages


def test_user_text_is_escaped_everywhere() -> None:
    text = f"A headline {HOSTILE}\n\nThe regime said {HOSTILE} today. It was calm."
    hostile_span = span(text, "regime", "<b>cat</b>", explanation=HOSTILE, alternative=HOSTILE,
                        speaker=HOSTILE, in_quote=True)
    word = Contribution(HOSTILE, 0, 5, 0.4, 0, "lexicon")
    report = make_report(
        text, title=HOSTILE,
        framing=lambda doc: framing_section(
            doc, [hostile_span], categories={"<b>cat</b>": CategoryStat(HOSTILE, 1, 1.0, 1)},
            quotes=[QuoteInfo(0, 10, HOSTILE, 9)]),
        summary=lambda doc: summary_section(
            doc, method=HOSTILE, sentences=[SummarySentence(HOSTILE, [0], 1.0, [Flag(HOSTILE, HOSTILE)])]),
        sentiment=lambda doc: sentiment_section(
            doc, backend=HOSTILE, actors=(ActorSentiment(HOSTILE, HOSTILE, (HOSTILE,), 1, 0.1, HOSTILE, ()),),
            contributions=(word,), pushed_up=(word,), pushed_down=()),
    )
    assert report.readability is not None
    report = dataclasses.replace(report, readability=dataclasses.replace(
        report.readability, grade_band=HOSTILE, warnings=[HOSTILE]))
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


def test_a_saved_report_that_is_not_one_is_refused_naming_the_field() -> None:
    data = make_report().to_dict()
    data["framing"]["spans"][0]["start"] = "five"
    with pytest.raises(ReportFormatError, match=r"framing\.spans\[0\]\.start: expected int, found a string"):
        render_report_dict_html(data)
    with pytest.raises(SchemaVersionError, match=r"schema_version '2\.0\.0'.*reads schema 1\.x"):
        Report.from_dict(make_report().to_dict() | {"schema_version": "2.0.0"})
    # A newer minor version (fields this version does not know) is read.
    assert Report.from_dict(make_report().to_dict() | {"schema_version": "1.9.0", "new": 1}).summary


def test_overlapping_and_cross_sentence_spans_keep_the_markup_valid() -> None:
    text = ARTICLE
    spans = [
        span(text, "unprovoked assault on the camp", "loaded"),
        span(text, "assault", "conflict"),  # inside the longer one: dropped
        span(text, "witnesses said. Police", "hedge"),  # crosses a sentence boundary: clipped
    ]
    report = make_report(framing=lambda doc: framing_section(doc, spans))
    tree = parse(render_report_html(report, SECTIONS))
    assert tree.errors == []
    assert _squash("".join(tree.article_text)) == _squash(ARTICLE)


def test_report_dict_without_document_keeps_offsets() -> None:
    report = make_report()
    data = report.to_dict()
    html = render_report_dict_html(data, None, None, SECTIONS)
    assert html == render_report_html(Report.from_dict(data), SECTIONS)
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


def test_compare_view_escapes_titles_and_renders_an_empty_comparison() -> None:
    html = render_compare_html(_comparison("<script>alert(1)</script>"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    empty = render_compare_html(Comparison(" ", "", 0, 0, 0.0, 0.0, 0.0, 0.0, [], [], [], [], [], 0.0))
    assert parse(empty).errors == [] and "Article A" in empty and "Article B" in empty
