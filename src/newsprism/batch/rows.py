"""Frozen records <-> Arrow-friendly rows.

The model's records are nested frozen dataclasses; Parquet wants flat columns. A parsed source is stored
column-wise (one list column per token field) because a row of token structs costs several times more
to build and read. The conversion is exact: ``source_from_row(source_row(s, ...))`` rebuilds ``s``
field for field (a test checks it), which is what lets the story stage run on what the article stage
wrote, in another process or on another machine.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.model import (
    Article,
    ArticleFindings,
    Attributed,
    Entity,
    LanguageSpan,
    Mention,
    Quote,
    Sentence,
    Skipped,
    Source,
    SourceLanguage,
    StoryReport,
    Token,
)

if TYPE_CHECKING:
    import pyarrow as pa

Row = dict[str, Any]

_TOKEN_FIELDS = ("start", "end", "text", "lemma", "pos", "tag", "dep", "head", "sent", "ent_type", "ent_iob")


def article_schema() -> pa.Schema:
    """The articles table: article fields, the parse column-wise, vectors flattened row-major."""
    import pyarrow as pa

    ints = pa.list_(pa.int32())
    strs = pa.list_(pa.string())
    return pa.schema(
        [
            ("id", pa.string()),
            ("shard", pa.string()),
            ("row", pa.int32()),
            ("title", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("published", pa.string()),
            ("language", pa.string()),
            ("origin", pa.string()),
            ("warnings", strs),
            ("author", pa.string()),
            ("text", pa.string()),
            ("sent_start", ints),
            ("sent_end", ints),
            ("sent_paragraph", ints),
            ("sent_tok_first", ints),
            ("sent_tok_last", ints),
            *[(f"tok_{name}", strs if name in _STR_TOKEN else ints) for name in _TOKEN_FIELDS],
            ("tok_space", pa.list_(pa.bool_())),
            ("ent_start", ints),
            ("ent_end", ints),
            ("ent_label", strs),
            ("dim", pa.int32()),
            ("vectors", pa.list_(pa.float32())),
            ("lead_vector", pa.list_(pa.float32())),
            ("findings", pa.string()),
        ]
    )


_STR_TOKEN = frozenset({"text", "lemma", "pos", "tag", "dep", "ent_type", "ent_iob"})


def source_row(source: Source, lead: np.ndarray, *, shard: str, row: int) -> Row:
    """One articles-table row for a segmented, embedded source (its id is the article id)."""
    a = source.article
    vectors = source.vectors if source.vectors is not None else np.zeros((0, lead.shape[0]), np.float32)
    out: Row = {
        "id": a.id,
        "shard": shard,
        "row": row,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published,
        "language": a.language,
        "origin": a.origin,
        "warnings": list(a.warnings),
        "author": a.author,
        "text": a.text,
        "sent_start": [s.start for s in source.sentences],
        "sent_end": [s.end for s in source.sentences],
        "sent_paragraph": [s.paragraph for s in source.sentences],
        "sent_tok_first": [s.tokens[0] for s in source.sentences],
        "sent_tok_last": [s.tokens[1] for s in source.sentences],
        "tok_space": [t.is_space for t in source.tokens],
        "ent_start": [e.start for e in source.entities],
        "ent_end": [e.end for e in source.entities],
        "ent_label": [e.label for e in source.entities],
        "dim": int(lead.shape[0]),
        "vectors": np.ascontiguousarray(vectors, dtype=np.float32).ravel(),
        "lead_vector": np.ascontiguousarray(lead, dtype=np.float32),
        "findings": findings_json(source.findings),
    }
    for name in _TOKEN_FIELDS:
        out[f"tok_{name}"] = [getattr(t, name) for t in source.tokens]
    return out


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"] or "",
        outlet=row["outlet"] or "",
        url=row["url"],
        published=row["published"],
        language=row["language"] or "en",
        origin=row["origin"] or "",
        warnings=tuple(row["warnings"] or ()),
        author=row.get("author") or "",  # parts written before the column have none
    )


def source_from_row(row: Mapping[str, Any], source_id: str) -> Source:
    """Rebuild the source under the id its story gives it (``s1``, ``s2`` ...)."""
    article = article_from_row(row)
    text = article.text
    sentences = tuple(
        Sentence(
            source=source_id,
            index=i,
            start=start,
            end=end,
            text=text[start:end],
            paragraph=paragraph,
            tokens=(first, last),
        )
        for i, (start, end, paragraph, first, last) in enumerate(
            zip(
                row["sent_start"],
                row["sent_end"],
                row["sent_paragraph"],
                row["sent_tok_first"],
                row["sent_tok_last"],
                strict=True,
            )
        )
    )
    columns = [row[f"tok_{name}"] for name in _TOKEN_FIELDS]
    tokens = tuple(
        Token(i, *values, is_space=bool(space))  # type: ignore[misc]
        for i, (*values, space) in enumerate(zip(*columns, row["tok_space"], strict=True))
    )
    entities = tuple(
        Entity(start=s, end=e, text=text[s:e], label=label)
        for s, e, label in zip(row["ent_start"], row["ent_end"], row["ent_label"], strict=True)
    )
    dim = int(row["dim"])
    flat = np.asarray(row["vectors"], dtype=np.float32)
    vectors = flat.reshape(len(sentences), dim) if dim else flat.reshape(len(sentences), 0)
    return Source(
        id=source_id,
        article=article,
        sentences=sentences,
        tokens=tokens,
        entities=entities,
        vectors=vectors,
        findings=findings_from_json(row.get("findings"), source_id, text),
    )


def findings_json(found: ArticleFindings | None) -> str | None:
    """The per-article lens results as compact JSON (texts are left out: offsets into the article's text
    give them back)."""
    if found is None:
        return None
    atts = found.attributions
    spans = found.language_spans
    lang = found.language
    data = {
        "attributions": None
        if atts is None
        else [
            {
                "speaker": None if a.speaker is None else [a.speaker.name, a.speaker.kind, a.speaker.alias],
                "quotes": [[q.kind, q.start, q.end, q.cue, q.speaker_span, q.cue_span] for q in a.quotes],
            }
            for a in atts
        ],
        "language_spans": None
        if spans is None
        else [[s.start, s.end, s.voice, s.category, s.score, s.neutral] for s in spans],
        "language": None
        if lang is None
        else [lang.loadedness, lang.per_100_words, lang.biased_share, lang.sentence_bias, lang.top_terms],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def findings_from_json(data: str | None, source_id: str, text: str) -> ArticleFindings | None:
    """Inverse of :func:`findings_json` for the source as its story names it."""
    if data is None:
        return None
    raw = json.loads(data)

    def span(value: list[int] | None) -> tuple[int, int] | None:
        return None if value is None else (int(value[0]), int(value[1]))

    atts = raw["attributions"]
    spans = raw["language_spans"]
    lang = raw["language"]
    return ArticleFindings(
        attributions=None
        if atts is None
        else tuple(
            Attributed(
                quotes=tuple(
                    Quote(
                        id="",
                        source=source_id,
                        speaker=None,
                        kind=kind,
                        start=start,
                        end=end,
                        text=text[start:end],
                        cue=cue,
                        speaker_span=span(speaker_span),
                        cue_span=span(cue_span),
                    )
                    for kind, start, end, cue, speaker_span, cue_span in a["quotes"]
                ),
                speaker=None if a["speaker"] is None else Mention(*a["speaker"]),
            )
            for a in atts
        ),
        language_spans=None
        if spans is None
        else tuple(
            LanguageSpan(source_id, start, end, text[start:end], voice, category, score, neutral)
            for start, end, voice, category, score, neutral in spans
        ),
        language=None
        if lang is None
        else SourceLanguage(lang[0], lang[1], lang[2], tuple(lang[3]), tuple(lang[4])),
    )


def skipped_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [("shard", pa.string()), ("row", pa.int32()), ("origin", pa.string()), ("reason", pa.string())]
    )


def skipped_row(skipped: Skipped, *, shard: str, row: int | None) -> Row:
    """``row`` is the record's position in its shard, or None when the whole shard was skipped."""
    return {"shard": shard, "row": row, "origin": skipped.origin, "reason": skipped.reason}


# --------------------------------------------------------------------------- story tables


def story_rows(
    story_id: str, report: StoryReport, article_ids: Sequence[str], report_path: str
) -> dict[str, list[Row]]:
    """The rows one story adds to the stories, claims, quotes and findings tables.

    Report ids (``s1``, ``c3``, ``q2``) are local to a story, so every row carries the story id and the
    article id behind each source id.
    """
    art = {s.id: aid for s, aid in zip(report.sources, article_ids, strict=True)}
    names = {p.id: p.name for p in report.speakers}
    stories = [
        {
            "story": story_id,
            "headline": report.headline or _fallback_headline(report),
            "size": len(report.sources),
            "articles": list(article_ids),
            "outlets": [s.outlet for s in report.sources],
            "claims": len(report.claims),
            "consensus": sum(c.support == "consensus" for c in report.claims),
            "quotes": len(report.quotes),
            "contradictions": len(report.contradictions),
            "report": report_path,
        }
    ]
    claims = [
        {
            "story": story_id,
            "claim": c.id,
            "support": c.support,
            "articles": [art[s] for s in c.sources],
            "contested": c.contested,
            "origins": c.origins,
            "sentence_articles": [art[p.source] for p in c.sentences],
            "starts": [p.start for p in c.sentences],
            "ends": [p.end for p in c.sentences],
            "texts": [p.text for p in c.sentences],
        }
        for c in report.claims
    ]
    quotes = [
        {
            "story": story_id,
            "quote": q.id,
            "article": art[q.source],
            "speaker": names.get(q.speaker or ""),
            "kind": q.kind,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "cue": q.cue,
            "shared_with": list(q.shared_with),
            "links": [{"quote": qid, "match": match} for qid, match in q.links],
        }
        for q in report.quotes
    ]
    findings: list[Row] = []
    for span in report.language:
        detail = {"voice": span.voice, "neutral": span.neutral}
        findings.append(
            _finding(
                story_id,
                "language",
                art[span.source],
                span.start,
                span.end,
                span.text,
                span.category,
                span.score,
                detail,
            )
        )
    for r in report.reuse:
        for p in r.passages:
            other = [art[s] for s in r.sources if s != p.source]
            findings.append(
                _finding(
                    story_id,
                    "reuse",
                    art[p.source],
                    p.start,
                    p.end,
                    p.text,
                    "reused",
                    r.similarity,
                    {"with": other, "changes": list(r.changes)},
                )
            )
    for c in report.contradictions:
        for p in c.values:
            findings.append(
                _finding(
                    story_id,
                    "contradiction",
                    art[p.source],
                    p.start,
                    p.end,
                    p.text,
                    c.kind,
                    None,
                    {"claims": list(c.claims), "explanation": c.explanation},
                )
            )
    for k, s in enumerate(report.summary):
        findings.append(
            _finding(
                story_id,
                "summary",
                None,
                None,
                None,
                s.text,
                f"sentence {k + 1}",
                None,
                {"articles": [art[x] for x in s.sources], "claims": list(s.claims)},
            )
        )
    return {"stories": stories, "claims": claims, "quotes": quotes, "findings": findings}


def quote_schema() -> pa.Schema:
    """The quotes table. Fixed rather than inferred: a group whose quotes link to none would otherwise
    write ``links`` as a list of nulls, and parts of one table must agree for readers that take the
    first part's schema. ``links`` is the JSON report's: each quote of another source of the story it
    relates to (story-local ids, as ``shared_with``) and how ("same-words", "paraphrase",
    "other-speaker", "same-speech")."""
    import pyarrow as pa

    return pa.schema(
        [
            ("story", pa.string()),
            ("quote", pa.string()),
            ("article", pa.string()),
            ("speaker", pa.string()),
            ("kind", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("cue", pa.string()),
            ("shared_with", pa.list_(pa.string())),
            ("links", pa.list_(pa.struct([("quote", pa.string()), ("match", pa.string())]))),
        ]
    )


def _fallback_headline(report: StoryReport) -> str:
    """A story row needs a name even when the summary found no headline it could vouch for (a one-source
    story with a two-word title, say): the first member title, however short, else the opening words."""
    for src in report.sources:
        if src.title.strip():
            return src.title.strip()
    return " ".join(report.sources[0].text.split()[:12]) if report.sources else ""


def _finding(
    story: str,
    kind: str,
    article: str | None,
    start: int | None,
    end: int | None,
    text: str,
    label: str,
    score: float | None,
    detail: Mapping[str, Any],
) -> Row:
    return {
        "story": story,
        "kind": kind,
        "article": article,
        "start": start,
        "end": end,
        "text": text,
        "label": label,
        "score": None if score is None else round(float(score), 6),
        "detail": json.dumps(detail, sort_keys=True, ensure_ascii=False),
    }
