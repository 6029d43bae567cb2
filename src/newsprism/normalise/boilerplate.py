"""Whole lines of page furniture left out of article text: ad labels, "Read more:" links, newsletter and
paywall boxes, photo captions, live-blog labels.

Conservative by design: only a whole paragraph is dropped, only when it is short and matches one of the
patterns below from its first word to its last, so an article sentence that merely mentions a newsletter
or a photograph is kept. A text that would lose every paragraph is left as it is (the gate-page warning
speaks about such a text).
"""

from __future__ import annotations

import re

# Paragraphs longer than this are article text, whatever they say.
_MAX_WORDS = 60

_PATTERNS = (
    # ad labels
    r"(?:advertisement|advertising|advert|ad|sponsored(?: content)?|paid content|"
    r"(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?|continue reading below|"
    r"scroll (?:down )?to continue(?: with content| reading)?)[.:]?",
    # links to other stories
    r"(?:read more|read also|also read|see also|related|related (?:stories|articles|coverage|content|links)|"
    r"more on this(?: story)?|recommended(?: reading| for you)?|most read|you may also like|further reading|"
    r"more from [^:]{1,40})(?:\s*[:\u2014|>]\s*.{0,200})?",
    # newsletter boxes
    r"(?:sign up|subscribe|register)\b.{0,200}\b(?:newsletters?|briefing|bulletin|inbox|e-?mails?)\b.{0,200}",
    # follow prompts and live-blog furniture
    r"follow (?:our|the|along with our|all (?:of )?the) (?:live|latest)\b.{0,200}",
    r"follow us on (?:twitter|x|facebook|instagram|tiktok|threads|bluesky|linkedin|whatsapp)\b.{0,120}",
    r"(?:update|updated|new update|latest|latest updates?|breaking|breaking news|key events?|"
    r"pinned(?: post)?|live|show key events only|refresh|share|copy link|link copied|"
    r"share this (?:update|post|article|story|page)|share on (?:twitter|x|facebook|whatsapp|linkedin|email))"
    r"[.:!]?",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# A paywall notice, which also means the text before it may be only the article's start.
_PAYWALL = re.compile(
    r"(?:subscribe (?:now )?to (?:keep|continue) reading|(?:log|sign) in to (?:keep|continue) reading|"
    r"(?:this|the rest of this) (?:article|story) is (?:only )?(?:available )?(?:for|to) "
    r"(?:subscribers|members)|you have reached your (?:free )?article limit)",
    re.IGNORECASE,
)
_PAYWALL_ANYWHERE = re.compile(r"\balready a (?:subscriber|member)\?", re.IGNORECASE)
# A photo caption: a credit at the end of a short paragraph, after the caption's sentence if any
# ("Smoke rises over the mill. Photograph: Jon Avery/Varnholt Courier", "... (AP Photo/Luis Cortez)",
# "... Ada Lind/Getty Images").
_NAME = r"[A-Z][\w.'\u2019-]*"
_CREDIT = re.compile(
    r"(?:^|(?<=[.!?)\"'])\s)(?i:(?:photograph|photo|picture|image|illustration|composite|graphic)s?"
    r"(?: credit)?|credit)\s?:\s?(?P<name>[^:]{2,80}?)\.?$|"
    r"\((?P<agency>[^()]{0,40}\b(?i:photo|photograph|file photo|pictures?)\b[^()]{0,40})\)\.?$|"
    rf"\b{_NAME}(?: {_NAME}){{0,3}}/(?:Getty Images|AFP via Getty Images|Shutterstock|Alamy(?: Stock Photo)?|"
    r"Reuters|AP|AFP|PA|EPA)\.?$"
)
_CAPTION_WORDS = 40  # a caption is short
_CREDIT_WORDS = 8  # a credit names a person or an agency
_NAME_JOINERS = frozenset({"for", "via", "and", "of", "the", "de", "van", "von", "der", "da", "le", "la"})

PAYWALL_NOTE = "a paywall notice was left out of the text; the article may be incomplete"


def drop_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` (normalised, paragraphs separated by blank lines) without boilerplate paragraphs, and
    a note when a paywall notice was among them."""
    paragraphs = text.split("\n\n")
    kept: list[str] = []
    paywall = False
    for para in paragraphs:
        spaces = para.count(" ")
        if spaces < _MAX_WORDS:
            if _PAYWALL.match(para) or ("?" in para and _PAYWALL_ANYWHERE.search(para)):
                paywall = True
                continue
            if _BOILERPLATE.fullmatch(para) or (
                spaces < _CAPTION_WORDS and ("/" in para or ":" in para or "(" in para) and _is_caption(para)
            ):
                continue
        kept.append(para)
    if len(kept) == len(paragraphs) or not kept:
        return text, ()
    return "\n\n".join(kept), (PAYWALL_NOTE,) if paywall else ()


def _is_caption(para: str) -> bool:
    m = _CREDIT.search(para)
    if m is None:
        return False
    name = m["name"]
    if name is None:
        return True
    words = name.replace("/", " ").split()
    return len(words) <= _CREDIT_WORDS and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_JOINERS for w in words
    )
