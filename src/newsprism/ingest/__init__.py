"""Read articles from files, directories, URLs and standard input into normalised ``Article`` records."""

from newsprism.ingest.build import article_id, build_article
from newsprism.ingest.fetch import Fetched, Fetcher, address_problem
from newsprism.ingest.reader import SUPPORTED, read_articles
from newsprism.ingest.records import Draft, parse_content

__all__ = [
    "SUPPORTED",
    "Draft",
    "Fetched",
    "Fetcher",
    "address_problem",
    "article_id",
    "build_article",
    "parse_content",
    "read_articles",
]
