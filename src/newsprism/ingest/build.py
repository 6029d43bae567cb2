"""Draft -> Article: extract, normalise once, check length and language, hash the text into an id."""

from __future__ import annotations

import hashlib
import re

from newsprism.model import Article, Skipped
from newsprism.normalise.boilerplate import drop_boilerplate
from newsprism.normalise.html import extract_html
from newsprism.normalise.language import guess_language
from newsprism.normalise.meta import normalise_author, normalise_date, outlet_from_url
from newsprism.normalise.text import normalise_line, normalise_text
from newsprism.segment._long import long_run, long_run_note
from newsprism.settings import IngestSettings

from .records import Draft


def article_id(text: str) -> str:
    """Content hash of the normalised text, so the same article gets the same id in every run."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def reprint_id(article: Article) -> str:
    """The id of another outlet's verbatim reprint: its outlet joins the hash (the text alone would give
    the first copy's id), so each outlet's copy is an article of its own, the same in every run."""
    return article_id(f"{article.outlet}\n{article.text}")


def build_article(draft: Draft, settings: IngestSettings) -> Article | Skipped:
    """The normalised article, or why it cannot be analysed."""
    warnings = list(draft.warnings)
    title, published, url, site_name, site_host = draft.title, draft.published, draft.url, "", ""
    author = normalise_author(draft.author)
    if draft.html:
        extracted = extract_html(draft.html, url=draft.url)
        warnings.extend(extracted.warnings)
        if not extracted.text:
            return Skipped(
                draft.origin,
                "no article text found in the HTML page (an index page, or text loaded by scripts?); "
                "copy the article text into a .txt file instead",
            )
        text = extracted.text
        title = title or extracted.title
        published = published or extracted.published
        url = url or extracted.url
        author = author or extracted.author  # the page's byline, when the input named no author
        site_name = extracted.site_name
        if site_name and " " not in site_name and ("." in site_name or ":" in site_name):
            site_host = outlet_from_url(f"//{site_name}")  # a host name, not a declared name
            site_name = ""
    else:
        text = normalise_text(draft.text, lines_are_paragraphs=draft.lines_are_paragraphs)
    text, notes = drop_boilerplate(text)  # ad labels, "Read more:" links, captions, paywall boxes
    warnings.extend(notes)
    if "chars]" in text[-40:] and (cut := _CUT_MARKER.search(text)):
        text = text[: cut.start()].rstrip()
        missing = int(cut[1].replace(",", ""))
        warnings.append(
            f"the source cut the text short (it ends in '[+{cut[1]} chars]', as news APIs mark it): "
            f"about {missing:,} characters of the article are missing and were not analysed"
        )

    if len(text) > settings.max_text_chars:
        text, note = _cut(text, settings.max_text_chars)
        warnings.append(note)
    if run := long_run(text):
        warnings.append(long_run_note(run))
    words = len(text.split())
    if words < settings.min_words:
        what = "empty" if words == 0 else f"nearly empty ({words} word{'s' if words != 1 else ''})"
        return Skipped(
            draft.origin,
            f"article is {what}; at least {settings.min_words} words are needed (ingest.min_words)",
        )
    guess = guess_language(text)
    if not guess.english and settings.require_english:
        return Skipped(
            draft.origin,
            f"not English (looks like {guess.name}); newsprism analyses English text, "
            "set ingest.require_english = false to read it anyway",
        )

    if words < 80 and _GATE.search(text):
        warnings.append(
            f"only {words} words, mentioning cookies, consent or a subscription: this may be the site's gate "
            "page, not the article; save the article's text to a .txt file and read that instead"
        )
    iso = normalise_date(published)
    if published and iso is None:
        warnings.append(f"publication date {published!r} not understood; kept as given")
    return Article(
        id=article_id(text),
        text=text,
        title=normalise_line(title),
        # The name a page declares (og:site_name, JSON-LD publisher) reads better than its host name.
        outlet=normalise_line(draft.outlet)
        or site_name
        or normalise_line(draft.fallback_outlet)
        or site_host
        or outlet_from_url(url)
        or normalise_line(draft.file_outlet),
        url=url.strip() if url else None,
        published=iso or (normalise_line(published) if published else None),
        language="en" if guess.english else guess.code,
        origin=draft.origin,
        warnings=tuple(warnings),
        author=author,
    )


# A news API's mark where it cut the article ("... last season. [+1520 chars]")
_CUT_MARKER = re.compile(r"\s*\[\+(\d[\d,]*) chars?\]\s*$", re.IGNORECASE)

# what a cookie wall, a bot check or a paywall says instead of the article
_GATE = re.compile(
    r"\b(?:cookies?|consent|enable javascript|subscribe to (?:read|continue)|subscribers only|"
    r"verify you are (?:a )?human|sign in to (?:read|continue)|are you a robot)\b",
    re.IGNORECASE,
)


def _cut(text: str, limit: int) -> tuple[str, str]:
    """Cut at the last paragraph break (or space) before ``limit`` so no sentence is split mid-word."""
    at = text.rfind("\n\n", 0, limit + 1)
    if at < limit // 2:
        at = text.rfind(" ", 0, limit + 1)
    if at <= 0:
        at = limit
    note = (
        f"text cut from {len(text):,} to {at:,} characters (ingest.max_text_chars); "
        "the rest of the article was not analysed"
    )
    return text[:at].rstrip(), note
