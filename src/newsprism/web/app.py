"""The FastAPI app: server-rendered pages for people, a JSON API (schema v1 reports) for programs.

One :class:`WebState` per app owns the pipeline (built lazily, in the worker thread, on the first
analysis), the job runner and the catalog. Each request opens its own store connection, because SQLite
connections belong to the thread that made them and FastAPI serves plain functions from a thread pool.
Article text reaches HTML only through Jinja's autoescaping or the report's escaping highlighter.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.model import StoryReport
from newsprism.pipeline import Pipeline
from newsprism.report.json import from_json
from newsprism.settings import Settings
from newsprism.store import Store, StoryRow, open_store, report_key
from newsprism.web import _api, _pages
from newsprism.web._catalog import Catalog, StoreFactory
from newsprism.web._inputs import Limits, RequestError, Submitted, check_submitted, mb, read_submitted
from newsprism.web._jobs import Job, JobError, JobRunner, Progress

log = logging.getLogger("newsprism.web")
HERE = Path(__file__).resolve().parent
BAR_SLOT = "<!--np-bar-->"  # where report.html.j2 leaves room for the app's bar


class WebState:
    """Everything one running app owns; built by :func:`create_app`, reachable as ``app.state.np``."""

    def __init__(
        self,
        open_store: StoreFactory,
        settings: Settings,
        *,
        pipeline: Pipeline | None = None,
        limits: Limits | None = None,
        trusted_origins: Iterable[str] = (),
    ) -> None:
        from newsprism.report.html import HtmlRenderer

        self.open_store = open_store
        self._settings = pipeline.settings if pipeline is not None else settings
        self._pipeline = pipeline
        self._pipeline_lock = threading.Lock()
        self.limits = limits or Limits()
        self._layout: str | None = None
        self.jobs = JobRunner()
        self.pages = PageCache()
        self.reports = HtmlRenderer()
        self.trusted_origins = frozenset(o.rstrip("/").lower() for o in trusted_origins)
        self.catalog = Catalog(lambda: self._settings)
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    @property
    def settings(self) -> Settings:
        return self._settings

    def pipeline(self) -> Pipeline:
        """The one pipeline; built on first use so the server starts at once and models load lazily."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._settings)
            return self._pipeline

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = self.open_store()
        try:
            yield store
        finally:
            store.close()

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        defaults = {"active": "", "retry": None, "hint": None, "back": None}
        html = self.env.get_template(name).render(**{**defaults, **context})
        return HTMLResponse(html, status_code=status)

    def report_html(self, report: StoryReport, nav: dict[str, Any]) -> str:
        """The standalone report (layout and escaping of ``newsprism compare``) under the app's bar.

        The app's one :class:`HtmlRenderer` keeps the report template compiled between requests.
        """
        html = self.reports.render(report)
        bar = self.env.get_template("_bar.html.j2").render(**nav)
        if BAR_SLOT in html:  # after the report's skip link, which stays the page's first focusable element
            return html.replace(BAR_SLOT, bar, 1)
        return html.replace("<body>", "<body>\n" + bar, 1)

    def _page_key(self, row: StoryRow) -> str:
        """The story page's cache key: its report's key, the page's layout (templates, version) and title."""
        if self._layout is None:
            digest = hashlib.sha256(self.reports.fingerprint.encode())
            for path in sorted((HERE / "templates").glob("*.j2")):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
            self._layout = digest.hexdigest()[:16]
        parts = [report_key(row.article_ids, self._settings), self._layout, row.title]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24]

    def kept_story_html(self, row: StoryRow, store: Store) -> str | None:
        """The story's page if it was rendered before, by this process or (kept in the store) another."""
        key = self._page_key(row)
        page = self.pages.get(f"story:{row.id}:{key}")
        if page is None:
            page = store.get_page(row.id, key)
            if page is not None:
                self.pages.put(f"story:{row.id}:{key}", page)
        return page

    def story_html(self, row: StoryRow, report_json: str, store: Store | None = None) -> str:
        """A story's report page: kept in memory, and in the store so a restarted server need not render it.

        ``store`` is an open store to read and write the kept page through (else one is opened).
        """
        key = self._page_key(row)
        page = self.pages.get(f"story:{row.id}:{key}")
        if page is not None:
            return page
        with nullcontext(store) if store is not None else self.store() as db:
            page = db.get_page(row.id, key)
            if page is None:
                nav = {
                    "title": row.title,
                    "links": [("Report JSON", f"/api/stories/{quote(row.id)}/report"), ("All stories", "/")],
                }
                page = self.report_html(from_json(report_json), nav)
                db.put_page(row.id, key, page)
        self.pages.put(f"story:{row.id}:{key}", page)
        return page

    # ------------------------------------------------------------------ jobs

    def analyse_story(self, story_id: str, title: str) -> Job:
        def work(progress: Progress) -> str:
            progress("loading the models" if self._pipeline is None else "reading the story")
            pipeline = self.pipeline()
            with self.store() as store:
                row = store.story(story_id)
                if row is None:
                    raise JobError(f"story {story_id} is no longer in the store; go back to the list")
                articles = store.articles(list(row.article_ids))
                if not articles:
                    raise JobError(f"story {story_id} has no readable articles")
                report = pipeline.analyse(articles, progress=progress)
                text = report.to_json()
                store.put_report(row.id, report_key(row.article_ids, pipeline.settings), text)
                progress("rendering the page")
                self.story_html(row, text, store)  # kept, so the first view (even after a restart) is fast
            return text

        return self.jobs.submit(title, work, story=story_id)

    def compare(self, items: list[Submitted]) -> Job:
        check_submitted(items, self.limits, allow_private=self._settings.fetch.allow_private)

        def work(progress: Progress) -> str:
            progress("loading the models" if self._pipeline is None else "reading the articles")
            pipeline = self.pipeline()
            progress("reading the articles")
            articles, skipped = read_submitted(items, pipeline.settings, transport=pipeline.transport)
            if not articles:
                reasons = "; ".join(f"{s.origin}: {s.reason}" for s in skipped) or "nothing was readable"
                raise JobError(f"none of the articles could be read ({reasons})")
            return pipeline.analyse(articles, skipped, progress=progress).to_json()

        n = len(items)
        return self.jobs.submit(f"Comparison of {n} article{'s' if n != 1 else ''}", work)


class PageCache:
    """Rendered report pages by (story, report key): a cached report never changes, so neither does its page.

    Bounded by total size; the least recently used pages go first.
    """

    def __init__(self, max_chars: int = 64_000_000) -> None:
        self._pages: OrderedDict[str, str] = OrderedDict()
        self._size = 0
        self._max = max_chars
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: str) -> None:
        with self._lock:
            old = self._pages.pop(key, None)
            self._size -= len(old) if old else 0
            self._pages[key] = page
            self._size += len(page)
            while self._size > self._max and len(self._pages) > 1:
                _gone, dropped = self._pages.popitem(last=False)
                self._size -= len(dropped)


# ---------------------------------------------------------------------- middleware


class BodyLimit:
    """Refuses request bodies over the limit: at once when Content-Length says so, else while reading.

    With ``state``, a page (not the API) is refused with the app's HTML error page, not JSON.
    """

    def __init__(self, app: ASGIApp, limit: int, state: WebState | None = None) -> None:
        self.app = app
        self.limit = limit
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, int(declared), self.limit, self.state)(scope, receive, send)
            return
        if declared.isdigit() or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)  # declared sizes are exact: the server reads no more
            return
        # A streamed body (no Content-Length) is read here first, so an oversize one gets a clear 413
        # instead of failing somewhere inside the body parser.
        buffered: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            buffered.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.limit:
                await _too_large(scope, seen, self.limit, self.state, at_least=True)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return buffered.pop(0) if buffered else await receive()

        await self.app(scope, replay, send)


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an Origin or Referer value; None when it names no web origin ("null")."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme]


def _same_host(origin: tuple[str, str, int], host: str) -> bool:
    """Whether the origin names this server as the browser reached it (its Host header)."""
    try:
        parts = urlsplit(f"//{host.strip()}")
        port = parts.port
    except ValueError:
        return False
    return (parts.hostname or "").lower() == origin[1] and (port or _DEFAULT_PORTS[origin[0]]) == origin[2]


def cross_site_reason(
    method: str, path: str, headers: dict[bytes, bytes], trusted: frozenset[str] = frozenset()
) -> str | None:
    """Why a state-changing request looks sent by another website (cross-site request forgery), or None.

    Browsers name the page that sent a POST in Origin (or, failing that, Referer); a form on any other
    site can make a visitor's browser post to this server, which would then analyse and fetch on its
    behalf. The JSON API also serves scripts and curl, which send neither header, so only a foreign value
    is refused there; the HTML form, which only browsers use, must name this server.
    """
    if method.upper() in _SAFE_METHODS:
        return None
    host = headers.get(b"host", b"").decode("latin-1")
    for name in (b"origin", b"referer"):
        value = headers.get(name)
        if value is None:
            continue
        text = value.decode("latin-1")
        origin = _origin_of(text)
        if origin is not None:
            label = f"{origin[0]}://{origin[1]}" + (
                "" if origin[2] == _DEFAULT_PORTS[origin[0]] else f":{origin[2]}"
            )
            if _same_host(origin, host) or label in trusted:
                return None
            return f"it was sent from another website ({label})"
        return f"it was sent from a page with no origin ({name.decode()}: {text[:80]!r})"
    if path.startswith("/api/"):
        return None  # a program, not a browser
    return "the browser did not say which page sent it (no Origin or Referer header)"


class SameOrigin:
    """Refuses POSTs that other websites make a visitor's browser send (see :func:`cross_site_reason`)."""

    def __init__(self, app: ASGIApp, state: WebState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            path = str(scope.get("path", ""))
            method = str(scope.get("method", "GET"))
            reason = cross_site_reason(method, path, headers, self.state.trusted_origins)
            if reason is not None:
                message = (
                    f"this request was refused because {reason}; submit the form from this server's own "
                    "pages, or call the API without an Origin header (or start the server with that origin "
                    "trusted)"
                )
                await _error_response(path, 403, message, self.state)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _too_large_text(size: int, limit: int, *, at_least: bool = False) -> str:
    what = f"over {mb(limit)}" if at_least else mb(size)
    return (
        f"the request is {what}, above this server's limit of {mb(limit)} in all, so nothing was read or "
        "analysed; upload fewer or smaller files, paste only the article text, or split the articles into "
        "several comparisons"
    )


# The server refuses an oversize body unread, so the page it answers with cannot give the form back filled.
_TOO_LARGE_BACK = (
    "Go back to the form: browsers usually keep what was typed in it. Copy anything you cannot type "
    "again before you change it, then send less at a time."
)


def _too_large(
    scope: Scope, size: int, limit: int, state: WebState | None, *, at_least: bool = False
) -> Response:
    path = str(scope.get("path", ""))
    message = _too_large_text(size, limit, at_least=at_least)
    if _wants_json(path) or state is None:
        return _error_response(path, 413, message, state)
    back = "/compare" if path == "/compare" else None
    return state.render(
        "error.html.j2", status=413, status_code=413, message=message, hint=_TOO_LARGE_BACK, back=back
    )


def _wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def _error_response(path: str, status: int, message: str, state: WebState | None) -> Response:
    if _wants_json(path) or state is None:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return state.render("error.html.j2", status=status, status_code=status, message=message)


# ---------------------------------------------------------------------- the app


def create_app(
    store: Path | str | StoreFactory | None = None,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    trusted_origins: Iterable[str] = (),
) -> FastAPI:
    """The web app over ``store`` (a path, a factory returning a fresh Store, or None for the default).

    ``trusted_origins`` (e.g. ``https://news.example.org``) may POST besides the server's own pages;
    needed only behind a proxy that rewrites the Host header.
    """
    if store is None or isinstance(store, str | Path):
        path = store

        def factory() -> Store:
            return open_store(path)

    else:
        factory = store
    state = WebState(
        factory, settings or Settings(), pipeline=pipeline, limits=limits, trusted_origins=trusted_origins
    )
    app = FastAPI(
        title="newsprism",
        version="1",
        description="Stories and cross-source coverage reports (report schema newsprism.report/1).",
        debug=False,
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.np = state
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon; browsers asked on every page and logged a 404

    _install_errors(app, state)
    _pages.install(app, state)
    _api.install(app, state)

    @app.middleware("http")
    async def timing(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with our own form
        # posts, and SameOrigin could not tell them from a sandboxed foreign page.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    app.add_middleware(BodyLimit, limit=state.limits.max_request_bytes, state=state)
    app.add_middleware(SameOrigin, state=state)  # outermost: refused before the body is read
    app.router.on_shutdown.append(state.jobs.shutdown)
    return app


_EXAMPLE = (
    'send a JSON object such as {"articles": [{"text": "...", "outlet": "..."}, {"url": "https://..."}]}'
)


def _install_errors(app: FastAPI, state: WebState) -> None:
    async def problem(request: Request, exc: Exception) -> Response:
        p = cast(RequestError, exc)
        return _error_response(request.url.path, p.status, p.message, state)

    async def http_error(request: Request, exc: Exception) -> Response:
        e = cast(StarletteHTTPException, exc)
        message = str(e.detail) if e.detail else "request failed"
        if e.status_code == 404 and message == "Not Found":
            message = "there is nothing at this address; go back to the story list"
        return _error_response(request.url.path, e.status_code, message, state)

    async def invalid(request: Request, exc: Exception) -> Response:
        errors = cast(RequestValidationError, exc).errors()
        parts = []
        for err in errors[:5]:
            loc = tuple(err.get("loc", ()))
            if err.get("type") == "json_invalid":  # was "0: JSON decode error"
                why = (err.get("ctx") or {}).get("error", "")
                at = f" at character {loc[-1]}" if len(loc) > 1 else ""
                parts.append(f"the body is not valid JSON ({why}{at}); {_EXAMPLE}")
                continue
            if loc == ("body",) and err.get("type") == "missing":  # was "request: Field required"
                parts.append(f"the request has no body; {_EXAMPLE}")
                continue
            where = ".".join(str(x) for x in loc if x != "body")
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _error_response(request.url.path, 422, "invalid request: " + "; ".join(parts), state)

    async def crashed(request: Request, exc: Exception) -> Response:
        log.error("error while serving %s", request.url.path, exc_info=exc)
        message = "something went wrong on the server; the details are in the server log"
        return _error_response(request.url.path, 500, message, state)

    app.add_exception_handler(RequestError, problem)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crashed)
