"""Read articles from files, directories, URLs and standard input into normalised ``Article`` records.

What ``read_articles`` accepts, in the order given (bad inputs become ``Skipped`` with a reason):

- ``.txt`` / ``.md`` / unknown extensions: optional ``Title:``, ``Outlet:``, ``Date:``, ``URL:``, ``Author:``
  lines at the top, a blank line, then the body (blank lines separate paragraphs; a byline line at the top
  of the body becomes the author);
- ``.html`` / ``.htm`` or anything that sniffs as HTML: main text and metadata via trafilatura;
- ``.json`` (an object, a list, or ``{"articles": [...]}``) and ``.jsonl`` / ``.ndjson``: fields
  ``title``, ``text`` (or ``content``, ``body``; ``html`` for markup), ``outlet`` (or ``source``),
  ``url``, ``published`` (or ``date``, ``publishedAt``), ``author`` (or ``byline``, ``creator``,
  ``authors`` as a list);
- ``http://`` and ``https://`` URLs (public addresses only unless ``fetch.allow_private``), and
  ``file://`` URLs as local paths; any other scheme is skipped with a reason naming it;
- RSS/Atom feed files (recognised by content), named or in a folder: each entry is an article; an OPML
  list in a folder is skipped with a reason (only a named one is fetched, by ``newsprism ingest``);
- RSS/Atom feed URLs (a feed content type, or XML or any text that sniffs as a feed): each entry is an
  article, a summary-only entry read from the page it links to;
- ``-`` for standard input, and directories (their article files and those of every subfolder, sorted
  by path; hidden files and folders and links to folders are left out).
"""

from newsprism.ingest.build import article_id, build_article
from newsprism.ingest.fetch import Fetched, Fetcher, address_problem
from newsprism.ingest.reader import read_articles
from newsprism.ingest.records import Draft, parse_content

__all__ = [
    "Draft",
    "Fetched",
    "Fetcher",
    "address_problem",
    "article_id",
    "build_article",
    "parse_content",
    "read_articles",
]
