"""The HTML pages: story list, story report, outlets, compare, and analysis progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from newsprism.report.json import from_json
from newsprism.web._catalog import OutletView, Sort
from newsprism.web._inputs import RequestError, Submitted, mb, uploads

if TYPE_CHECKING:
    from newsprism.web._jobs import Job
    from newsprism.web.app import WebState

SORTS: dict[str, str] = {
    "recent": "most recent",
    "sources": "most sources",
    "loadedness": "loadedness spread",
}
PAGE = 100


def install(app: FastAPI, state: WebState) -> None:
    @app.get("/", include_in_schema=False)
    def story_list(
        q: str = "", outlet: str = "", since: str = "", until: str = "", sort: str = "recent", page: int = 1
    ) -> Response:
        chosen: Sort = sort if sort in SORTS else "recent"  # type: ignore[assignment]
        with state.store() as store:
            items = state.catalog.stories(
                store, query=q, outlet=outlet, since=since, until=until, sort=chosen
            )
            outlets = [name for name, _n in state.catalog.outlets(store)]
        page = max(1, page)
        shown = items[(page - 1) * PAGE : page * PAGE]
        return state.render(
            "list.html.j2",
            active="stories",
            items=shown,
            total=len(items),
            page=page,
            pages=max(1, -(-len(items) // PAGE)),
            outlets=outlets,
            sorts=SORTS,
            form={"q": q, "outlet": outlet, "since": since, "until": until, "sort": chosen},
            quote=quote,
        )

    @app.get("/stories/{story_id}", include_in_schema=False)
    def story_page(story_id: str, retry: bool = False) -> Response:
        with state.store() as store:
            row = store.story(story_id)
            if row is None:
                raise HTTPException(404, f"no story {story_id!r} in the store; go back to the story list")
            if row.id != story_id:
                return RedirectResponse(f"/stories/{quote(row.id)}", status_code=303)
            page = state.kept_story_html(row, store)  # no report parsing when the page was kept
            if page is None:
                cached = state.catalog.cached_report(store, row)
                if cached is not None:
                    page = state.story_html(row, cached, store)
        if page is not None:
            return HTMLResponse(page)
        job = state.jobs.for_story(row.id)
        if job is not None and job.status == "failed" and not retry:
            return state.render(
                "error.html.j2",
                status=422,
                status_code=422,
                message=job.error,
                retry=f"/stories/{quote(row.id)}?retry=1",
            )
        if job is None or job.status in ("done", "failed"):
            job = state.analyse_story(row.id, row.title or "Untitled story")
        return _progress(state, job, back=f"/stories/{quote(row.id)}")

    @app.get("/outlets", include_in_schema=False)
    def outlet_list() -> Response:
        with state.store() as store:
            rows = state.catalog.outlets(store)
        return state.render("outlets.html.j2", active="outlets", outlets=rows, quote=quote)

    @app.get("/outlets/{name:path}", include_in_schema=False)
    def outlet_page(name: str) -> Response:
        with state.store() as store:
            view = state.catalog.outlet(store, name)
        if view is None:
            raise HTTPException(404, f"no outlet {name!r} in the store; see the outlet list")
        return state.render("outlet.html.j2", active="outlets", v=view, chart=chart(view), quote=quote)

    @app.get("/compare", include_in_schema=False)
    def compare_form() -> Response:
        return _compare_form(state)

    @app.post("/compare", include_in_schema=False)
    async def compare_submit(request: Request) -> Response:
        limits = state.limits
        async with request.form(
            max_files=limits.max_articles, max_fields=200, max_part_size=limits.max_upload_bytes
        ) as form:
            texts = [str(t) for t in form.getlist("text")]
            outlets = [str(o) for o in form.getlist("outlet")]
            authors = [str(a) for a in form.getlist("author")]
            items: list[Submitted] = []
            for i, text in enumerate(texts):
                if text.strip():
                    items.append(
                        Submitted(
                            origin=f"pasted text {i + 1}",
                            kind="text",
                            content=text,
                            outlet=_nth(outlets, i).strip(),
                            author=_nth(authors, i).strip(),
                        )
                    )
            urls = str(form.get("urls") or "")
            for line in urls.splitlines():
                if line.strip():
                    items.append(Submitted(origin=line.strip(), kind="url", content=line.strip()))
            try:
                items.extend(await uploads(form.getlist("files"), limits))
                job = state.compare(items)
            except RequestError as exc:
                # The form again, with the message and everything that was typed (a refused URL or an
                # oversize file must not cost the user the articles pasted beside it).
                kept = {"texts": texts, "outlets": outlets, "authors": authors, "urls": urls}
                return _compare_form(state, status=exc.status, error=exc.message, kept=kept)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", include_in_schema=False)
    def job_page(job_id: str) -> Response:
        job = state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "this analysis is no longer kept on the server; run it again")
        if job.status == "done" and job.story is not None:
            return RedirectResponse(f"/stories/{quote(job.story)}", status_code=303)
        if job.status == "done" and job.result is not None:
            nav = {
                "title": job.title,
                "links": [("Report JSON", f"/api/jobs/{job.id}/report"), ("New comparison", "/compare")],
            }
            page = state.pages.get(f"job:{job.id}")
            if page is None:
                page = state.report_html(from_json(job.result), nav)
                state.pages.put(f"job:{job.id}", page)
            return HTMLResponse(page)
        if job.status == "failed":
            return state.render(
                "error.html.j2", status=422, status_code=422, message=job.error, retry="/compare"
            )
        return _progress(state, job, back=f"/jobs/{job.id}")


def _compare_form(
    state: WebState, *, status: int = 200, error: str = "", kept: dict[str, Any] | None = None
) -> Response:
    kept = kept or {}
    texts = list(kept.get("texts") or [])
    outlets = list(kept.get("outlets") or [])
    authors = list(kept.get("authors") or [])
    boxes = [
        {"text": _nth(texts, i), "outlet": _nth(outlets, i), "author": _nth(authors, i)}
        for i in range(max(2, len(texts)))
    ]
    return state.render(
        "compare.html.j2",
        status=status,
        active="compare",
        limits=state.limits,
        mb=mb,
        error=error,
        boxes=boxes,
        urls=kept.get("urls", ""),
    )


def _nth(values: list[str], i: int) -> str:
    """The ``i``-th of a form's repeated fields; "" when a box sent none (a script may leave some out)."""
    return values[i] if i < len(values) else ""


def _progress(state: WebState, job: Job, *, back: str) -> Response:
    return state.render("job.html.j2", active="", job=job, reload=back)


def chart(view: OutletView, width: int = 640, height: int = 140) -> dict[str, Any]:
    """Loadedness over time as SVG coordinates, computed here so the page needs no charting script."""
    rows = view.analysed
    pad = 24
    points = []
    n = len(rows)
    for i, r in enumerate(rows):
        x = pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)
        y = height - pad - (height - 2 * pad) * max(0.0, min(1.0, r.figures.loadedness))
        points.append({"x": round(x, 1), "y": round(y, 1), "row": r})
    line = " ".join(f"{p['x']},{p['y']}" for p in points)
    return {"width": width, "height": height, "pad": pad, "points": points, "line": line}
