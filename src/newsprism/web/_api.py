"""The JSON API: the same stories, outlets and comparisons as the pages, as schema v1 reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException

from newsprism.web._catalog import Sort, StoryItem
from newsprism.web._inputs import Kind, Submitted
from newsprism.web._jobs import Job, wait_for

if TYPE_CHECKING:
    from newsprism.web.app import WebState

REPORT = "application/json"
_REPORT_DOC: dict[int | str, dict[str, Any]] = {
    200: {"description": "A newsprism.report/1 report (see the schema in DESIGN.md)"},
    202: {"description": "The analysis is running: poll the job at `status_url`"},
}


class ArticleIn(BaseModel):
    """One article: exactly one of ``text``, ``html`` or ``url``; the other fields override what is read."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str = ""
    outlet: str = ""
    published: str | None = None
    author: str = Field("", description="who wrote it (wins over a byline the article has)")

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class CompareIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1)
    wait: bool = Field(True, description="wait for the report (else answer 202 with a job to poll)")
    timeout: float = Field(300.0, gt=0, le=3600, description="seconds to wait before answering 504")


def _item(i: StoryItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "title": i.title,
        "first_seen": i.first_seen,
        "last_seen": i.last_seen,
        "sources": i.sources,
        "outlets": list(i.outlets),
        "analysed": i.analysed,
        "loadedness_spread": round(i.figures.spread, 4) if i.figures else None,
        "page": f"/stories/{quote(i.id)}",
        "report": f"/api/stories/{quote(i.id)}/report",
    }


def _accepted(job: Job) -> JSONResponse:
    body = {**job.as_dict(), "status_url": f"/api/jobs/{job.id}", "report_url": f"/api/jobs/{job.id}/report"}
    return JSONResponse(body, status_code=202)


def install(app: FastAPI, state: WebState) -> None:
    @app.get("/api/stories", tags=["stories"])
    def list_stories(
        q: str = "",
        outlet: str = "",
        since: str = "",
        until: str = "",
        sort: Sort = "recent",
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        """Stories in the store, filtered and sorted like the list page."""
        with state.store() as store:
            items = state.catalog.stories(store, query=q, outlet=outlet, since=since, until=until, sort=sort)
        return {"total": len(items), "stories": [_item(i) for i in items[offset : offset + limit]]}

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: str) -> dict[str, Any]:
        with state.store() as store:
            row = store.story(story_id)
            if row is None:
                raise HTTPException(404, f"no story {story_id!r} in the store")
            return _item(state.catalog.item(store, row))

    @app.get("/api/stories/{story_id}/report", tags=["stories"], responses=_REPORT_DOC)
    async def story_report(story_id: str, wait: bool = False, timeout: float = 300.0) -> Response:
        """The story's report; analysed on first request (202 with a job, or the report with ``wait``)."""
        with state.store() as store:
            row = store.story(story_id)
            if row is None:
                raise HTTPException(404, f"no story {story_id!r} in the store")
            cached = state.catalog.cached_report(store, row)
        if cached is not None:
            return Response(cached, media_type=REPORT)
        job = state.jobs.for_story(row.id)
        if job is None or job.status in ("done", "failed"):
            job = state.analyse_story(row.id, row.title or "Untitled story")
        if not wait:
            return _accepted(job)
        return Response(await wait_for(job, min(timeout, 3600.0)), media_type=REPORT)

    @app.get("/api/outlets", tags=["outlets"])
    def list_outlets() -> dict[str, Any]:
        with state.store() as store:
            rows = state.catalog.outlets(store)
        return {"outlets": [{"name": n, "stories": k, "page": f"/outlets/{quote(n)}"} for n, k in rows]}

    @app.get("/api/outlets/{name:path}", tags=["outlets"])
    def get_outlet(name: str) -> dict[str, Any]:
        """An outlet across analysed stories: loadedness over time, wire reliance, who it quotes."""
        with state.store() as store:
            v = state.catalog.outlet(store, name)
        if v is None:
            raise HTTPException(404, f"no outlet {name!r} in the store")
        return {
            "name": v.name,
            "stories": v.stories,
            "analysed": len(v.analysed),
            "mean_loadedness": v.mean_loadedness,
            "mean_reused_share": v.mean_reused,
            "wire_share": v.wire_share,
            "wire": dict(v.wire),
            "speakers": [{"name": n, "quotes": k} for n, k in v.speakers],
            "timeline": [
                {
                    "story": r.story,
                    "title": r.title,
                    "date": r.date,
                    "loadedness": r.figures.loadedness,
                    "reused_share": r.figures.reused_share,
                    "wire": list(r.figures.wire),
                }
                for r in v.analysed
            ],
        }

    @app.post("/api/compare", tags=["compare"], responses=_REPORT_DOC)
    async def compare(body: CompareIn) -> Response:
        """Compare articles given as text, HTML or URLs: the report, or a job with ``wait: false``."""
        items = []
        for i, a in enumerate(body.articles, start=1):
            kind: Kind = "url" if a.url else "html" if a.html else "text"
            content = a.url or a.html or a.text or ""
            origin = a.url if a.url else f"article {i}"
            items.append(
                Submitted(
                    origin,
                    kind,
                    content,
                    title=a.title,
                    outlet=a.outlet,
                    published=a.published,
                    author=a.author,
                )
            )
        job = state.compare(items)
        if not body.wait:
            return _accepted(job)
        return Response(await wait_for(job, body.timeout), media_type=REPORT)

    @app.get("/api/jobs/{job_id}", tags=["jobs"])
    def get_job(job_id: str) -> dict[str, Any]:
        job = state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job (finished jobs are forgotten after a while)")
        return {**job.as_dict(), "report_url": f"/api/jobs/{job.id}/report"}

    @app.get("/api/jobs/{job_id}/report", tags=["jobs"], responses=_REPORT_DOC)
    def job_report(job_id: str) -> Response:
        job = state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job (finished jobs are forgotten after a while)")
        if job.status == "failed":
            raise HTTPException(422, job.error)
        if job.result is None:
            return _accepted(job)
        return Response(job.result, media_type=REPORT)
