"""Tiny builders for summary tests: sources without a parse or vectors, claims by sentence position."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.model import Article, Claim, Passage, Sentence, Source, Story, Support

if TYPE_CHECKING:
    from newsprism.model import StoryReport
    from newsprism.pipeline import Pipeline


def source(sid: str, outlet: str, sentences: Sequence[str], title: str = "") -> Source:
    text = " ".join(sentences)
    out, at = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(source=sid, index=i, start=at, end=at + len(s), text=s))
        at += len(s) + 1
    return Source(
        id=sid, article=Article(id=sid, text=text, title=title, outlet=outlet), sentences=tuple(out)
    )


def claim(
    cid: str, story_sources: Sequence[Source], *members: tuple[str, int], origins: int | None = None
) -> Claim:
    """A claim group from (source id, sentence index) pairs; support follows the number of sources."""
    by_id = {s.id: s for s in story_sources}
    passages = []
    for sid, index in members:
        sent = by_id[sid].sentences[index]
        passages.append(Passage(sid, sent.start, sent.end, sent.text))
    sources = tuple(dict.fromkeys(p.source for p in passages))
    support: Support = (
        "single" if len(sources) == 1 else ("consensus" if len(sources) == len(story_sources) else "partial")
    )
    return Claim(id=cid, support=support, sources=sources, sentences=tuple(passages), origins=origins)


def passage_of(st: Story, sid: str, text: str) -> Passage:
    """The passage of ``text`` in source ``sid``'s first sentence, so tests never hand-count offsets."""
    sent = st.source(sid).sentences[0]
    start = sent.start + sent.text.index(text)
    return Passage(sid, start, start + len(text), text)


def story(sources: Sequence[Source], *claims: Claim) -> Story:
    return Story(sources=tuple(sources), claims=tuple(claims))


def cited_correctly(st: Story, sources: Sequence[str], claims: Sequence[str]) -> bool:
    """Every cited source holds a sentence of one of the cited claims, and something is cited."""
    holding = {p.source for c in st.claims if c.id in claims for p in c.sentences}
    return bool(sources) and bool(claims) and all(s in holding for s in sources)


def analyse(pipeline: Pipeline, articles: list[Article]) -> StoryReport:
    """Run the pipeline; a lens whose model files are still being built upstream skips, with the reason."""
    import pytest

    from newsprism.errors import ModelMissingError

    try:
        return pipeline.analyse(articles)
    except ModelMissingError as exc:
        pytest.skip(f"a lens cannot load its model files yet: {exc}")
