"""Sentiment: per article, per sentence and toward each named actor, with the words behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.context import Context
from summarize.document import Document
from summarize.needs import Needs
from summarize.sentiment.actors import actor_sentiments, label_for
from summarize.sentiment.section import (
    Contribution,
    DocumentScore,
    SentenceScore,
    SentimentSection,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from summarize.entities import Actor
    from summarize.report import Report
    from summarize.sentiment.scoring import Scored
    from summarize.sentiment.stance import StanceScore
    from summarize.settings import Settings

_SPARK = "▁▂▃▄▅▆▇█"
STANCE_KINDS = ("person", "other")  # "other": undecided names, mostly people in news
TOP_WORDS_SHOWN = 8


def needs(settings: Settings) -> Needs:
    """The minilm backend reads the sentence embeddings (its head and the actor stance head) and
    explains each sentence from its token states; without them, by re-encoding occlusion variants."""
    if settings.sentiment.backend != "minilm":
        return Needs()
    return Needs(encoder=("sentence_embeddings", "token_states"), other_texts=occlusion_texts)


def occlusion_texts(doc: Document, ctx: Context) -> list[str]:
    """The occlusion variants the minilm backend will encode for ``doc`` (none when the encoder
    pass handed in its token states); a batch runner encodes them across many documents."""
    from summarize.sentiment.scoring import minilm_occlusion_texts, name_spans

    embeddings = ctx.handed_in_embeddings(doc)
    if embeddings is None or ctx.has_token_states(doc):
        return []
    return minilm_occlusion_texts(doc, embeddings, ctx.settings.sentiment, name_spans(ctx.actors(doc)))


def run(doc: Document, ctx: Context) -> SentimentSection:
    from summarize.sentiment.scoring import NEUTRAL_BAND, name_spans, score_document

    settings = ctx.settings.sentiment
    band = (
        settings.neutral_band
        if settings.neutral_band is not None
        else NEUTRAL_BAND.get(settings.backend, 0.1)
    )
    found = ctx.actors(doc)
    scored = score_document(doc, ctx, settings, names=name_spans(found))
    sentences = tuple(
        SentenceScore(
            index=s.index,
            score=round(scored.scores[s.index], 4),
            label=label_for(scored.scores[s.index], band),
            words=scored.contributions[s.index],
        )
        for s in doc.sentences
    )
    document_score = document_mean(doc, scored.scores)
    stances = actor_stances(doc, ctx, found[: settings.max_actors], scored, document_score)
    actors = actor_sentiments(found, scored.scores, scored.contributions, band, settings.max_actors, stances)
    contributions = tuple(sorted((c for cs in scored.contributions for c in cs), key=lambda c: c.start))
    return SentimentSection(
        pushed_up=strongest_words(contributions, 1),
        pushed_down=strongest_words(contributions, -1),
        backend=settings.backend,
        model=scored.model,
        document=DocumentScore(score=round(document_score, 4), label=label_for(document_score, band)),
        sentences=sentences,
        actors=actors,
        contributions=contributions,
        neutral_band=band,
        explanation=scored.explanation,
    )


def actor_stances(
    doc: Document, ctx: Context, actors: list[Actor], scored: Scored, document_score: float
) -> list[StanceScore | None]:
    """The stance head's score for each person (minilm backend only: it reads minilm sentence scores).

    Other backends, a missing head, and actors that are not people (the head was trained on people)
    fall back to the mean of the actor's sentence scores.
    """
    if ctx.settings.sentiment.backend != "minilm" or not actors:
        return []
    from summarize.errors import ModelError
    from summarize.sentiment.stance import SentenceInput, head_path, load_head, mention_roles
    from summarize.sentiment.vader_backend import compound_scores

    try:
        head = load_head()
    except ModelError as exc:
        ctx.warn(f"sentiment: actor scores are sentence means ({exc.message})")
        return []
    ctx.record_model(
        "sentiment", "summarize/actor_stance", f"project:{head_path().parent.name}/{head_path().name}"
    )
    embeddings = ctx.sentence_embeddings(doc, "sentiment") if "embedding" in head.uses else None
    scores = scored.scores
    if "vader" not in head.uses:
        vader = [0.0] * len(scores)
    elif scored.vader is not None:  # the sentiment head read the same compounds
        vader = list(scored.vader)
    else:
        vader = compound_scores([s.text for s in doc.sentences])
    out: list[StanceScore | None] = []
    for actor in actors:
        if actor.kind not in STANCE_KINDS:
            out.append(None)  # trained and measured on people only: countries keep the sentence mean
            continue
        roles = mention_roles(doc, actor)
        inputs = [
            SentenceInput(
                i,
                embeddings[i] if embeddings is not None else None,
                vader[i],
                scores[i],
                roles.get(i, "object"),
            )
            for i in actor.sentences
        ]
        out.append(head.score(inputs, document_score, len(doc.sentences)))
    return out


def document_mean(doc: Document, scores: tuple[float, ...]) -> float:
    """Mean sentence score weighted by word count, so a one-word line counts little."""
    weights = [max(1, sum(1 for t in doc.sentence_tokens(s.index) if t.is_word)) for s in doc.sentences]
    total = sum(weights)
    return sum(w * s for w, s in zip(weights, scores, strict=True)) / total if total else 0.0


def sparkline(scores: list[float]) -> str:
    """One block per sentence: low blocks negative, high blocks positive (-1..1)."""
    top = len(_SPARK) - 1
    return "".join(_SPARK[min(top, max(0, round((s + 1) / 2 * top)))] for s in scores)


def strongest_words(
    contributions: tuple[Contribution, ...], sign: int, limit: int = TOP_WORDS_SHOWN
) -> tuple[Contribution, ...]:
    """The strongest words pushing one way, one entry per word form.

    Lexicon weights are on another scale than the model's (pooled-)occlusion weights, so
    when a backend explained with its model, only those weights are ranked here (the JSON's
    ``contributions`` keeps both).
    """
    methods = {c.method for c in contributions}
    model_methods = sorted(methods - {"lexicon"})
    method = model_methods[0] if model_methods else "lexicon"
    best: dict[str, Contribution] = {}
    for c in contributions:
        if c.method != method or c.weight * sign <= 0:
            continue
        key = c.text.lower()
        if key not in best or abs(c.weight) > abs(best[key].weight):
            best[key] = c
    return tuple(sorted(best.values(), key=lambda c: -abs(c.weight))[:limit])


def top_contributions(
    section: SentimentSection, sign: int, limit: int = TOP_WORDS_SHOWN
) -> list[Contribution]:
    """The section's pushed-up (``sign`` 1) or pushed-down (-1) words, as every format shows them."""
    return list(section.pushed_up if sign > 0 else section.pushed_down)[:limit]


def _method_note(methods: list[str]) -> str:
    """What the actor score is, in a line: the writer's stance, or the fallback mean."""
    from summarize.sentiment.actors import STANCE_METHOD

    stance = (
        "people: the writer's stance toward them (stance head), not how good or bad the events are; "
        "evidence is each sentence's push on that score"
    )
    mean = "mean score of the sentences that mention the actor"
    if methods == [STANCE_METHOD]:
        return stance
    if STANCE_METHOD in methods:
        return f"{stance}; countries, organisations and places: {mean}"
    return f"{mean} (no stance head with this backend)"


def _style(score: float, band: float) -> str:
    return "green" if score >= band else "red" if score <= -band else "yellow"


POLAR_SENTENCE_CHARS = 160  # the most polar sentences, shortened at a word with "…"


def render_terminal(section: SentimentSection, report: Report) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    band = section.neutral_band
    doc_line = Text()
    doc_line.append("Article: ", style="bold")
    doc_line.append(
        f"{section.document.score:+.2f} {section.document.label}", style=_style(section.document.score, band)
    )
    doc_line.append(f"   backend {section.backend} · {section.model}", style="dim")
    arc = Text("Arc:     ", style="bold")
    for sentence in section.sentences:
        arc.append(sparkline([sentence.score]), style=_style(sentence.score, band))
    arc.append(f"  ({len(section.sentences)} sentences, first to last)", style="dim")
    parts: list[RenderableType] = [doc_line, arc]

    if section.actors:
        table = Table(title="Actors", title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("actor (aliases)", ratio=3)
        table.add_column("kind", style="dim", no_wrap=True)
        table.add_column("n", justify="right", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("driven by (sentence: push, words)", ratio=3)
        for actor in section.actors:
            name = Text(actor.name, style="bold")
            aliases = [a for a in actor.aliases if a != actor.name]
            if aliases:
                name.append(f" ({', '.join(aliases)})", style="dim")
            evidence = Text()
            for k, e in enumerate(actor.evidence):
                if k:
                    evidence.append("; ")
                evidence.append(f"#{e.sentence + 1} ", style="dim")
                evidence.append(f"{e.contribution:+.2f}", style=_style(e.contribution, 0.01))
                if e.words:
                    evidence.append(" " + ", ".join(e.words[:2]))
            table.add_row(
                name,
                actor.kind,
                str(actor.mentions),
                Text(f"{actor.score:+.2f} {actor.label}", style=_style(actor.score, band)),
                evidence,
            )
        parts.append(table)
        methods = sorted({a.method for a in section.actors})
        parts.append(Text(f"Actor scores: {_method_note(methods)}", style="dim"))

    words = Text()
    for label, sign, style in (("Pushed up:   ", 1, "green"), ("Pushed down: ", -1, "red")):
        top = top_contributions(section, sign)
        words.append(label, style="bold")
        if top:
            for k, c in enumerate(top):
                if k:
                    words.append(", ")
                words.append(c.text, style=style)
                words.append(f" {c.weight:+.2f}", style="dim")
        else:
            words.append("none", style="dim")
        words.append("\n")
    words.append(f"Explained by {section.explanation}.", style="dim")
    parts.append(words)

    from summarize.text.clip import clip_words

    polar = sorted(section.sentences, key=lambda s: -abs(s.score))[:3]
    if polar and report.sentences:
        lines = Table.grid(padding=(0, 1))
        lines.add_column(justify="right", style="dim")
        lines.add_column(justify="right")
        lines.add_column()
        for s in polar:
            text = report.sentences[s.index].text
            lines.add_row(
                f"#{s.index + 1}",
                Text(f"{s.score:+.2f}", style=_style(s.score, band)),
                Text(clip_words(text, POLAR_SENTENCE_CHARS)),
            )
        parts.append(Text("Most polar sentences", style="bold"))
        parts.append(lines)
    return Group(*parts)


def render_markdown(section: SentimentSection, report: Report) -> str:
    from summarize.render.markdown import escape_markdown as esc

    lines = [
        f"**Article:** {section.document.score:+.2f} ({section.document.label}) · "
        f"backend `{section.backend}` · model {esc(section.model)}",
        "",
        f"**Arc** ({len(section.sentences)} sentences): `{sparkline([s.score for s in section.sentences])}`",
        "",
    ]
    if section.actors:
        lines += [
            "| actor | kind | mentions | score | aliases | evidence |",
            "|---|---|---:|---:|---|---|",
        ]
        for a in section.actors:
            evidence = "; ".join(
                f"#{e.sentence + 1} {e.contribution:+.2f} {esc(', '.join(e.words[:3]))}".rstrip()
                for e in a.evidence
            )
            aliases = esc(", ".join(x for x in a.aliases if x != a.name))
            lines.append(
                f"| {esc(a.name)} | {a.kind} | {a.mentions} | {a.score:+.2f} {a.label} | {aliases} "
                f"| {evidence} |"
            )
        lines += ["", f"_Actor scores: {_method_note(sorted({a.method for a in section.actors}))}._", ""]
    for label, sign in (("Pushed up", 1), ("Pushed down", -1)):
        top = top_contributions(section, sign)
        shown = ", ".join(f"{esc(c.text)} ({c.weight:+.2f}, #{c.sentence + 1})" for c in top) or "none"
        lines.append(f"- **{label}:** {shown}")
    lines += ["", f"_Explained by {esc(section.explanation)}._"]
    return "\n".join(lines) + "\n"
