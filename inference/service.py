"""`claimtag serve`: the Python API over HTTP, with a page to paste an article into.

    claimtag serve --model default --port 8000 --workers 2

FastAPI on uvicorn: the request and response types below are pydantic models, so the
OpenAPI schema (`/openapi.json`, browsable at `/docs`) is generated from the very types that
validate every request, and uvicorn is the maintained ASGI server that runs several worker
processes. Each worker loads the model once (int8 ONNX on the fast path, no torch) and runs
it on one thread of its own, off the event loop: the server keeps answering health checks
and refusals while an article is tagged. At most `max_queue` requests wait for the model;
the next one gets 503 with Retry-After.

Every error is JSON, `{"error": {"status": 422, "message": "..."}}`, never a traceback.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException

from claimtag import __version__
from claimtag.inference.formats import provenance
from claimtag.model.errors import ClaimtagError
from claimtag.model.labels import LABELS

ENV = "CLAIMTAG_SERVE_CONFIG"  # how worker processes receive the config (uvicorn imports the app by name)
log = logging.getLogger("claimtag.serve")


@dataclass(frozen=True)
class ServiceConfig:
    """What `claimtag serve` runs; every field is a command-line option."""

    model: str = "default"  # model folder, or "default" for the shipped one
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1  # processes, each with its own copy of the model
    max_chars: int = 200_000  # longest article (text or HTML) a request may send: 413 beyond
    max_batch: int = 32  # most articles in one /v1/tag/batch request: 413 beyond
    max_queue: int = 64  # requests waiting for the model in one worker: 503 beyond
    fast: bool = True  # int8 ONNX Runtime; False: the fp32 torch model
    root_path: str = ""  # the path prefix a reverse proxy serves us under, e.g. /claimtag

    def body_limit(self) -> int:
        """Largest request body accepted: a full batch of the longest articles, as UTF-8 JSON."""
        return self.max_batch * (4 * self.max_chars + 1024) + 4096


def _check_config(config: ServiceConfig) -> None:
    for name in ("workers", "max_chars", "max_batch", "max_queue"):
        if getattr(config, name) < 1:
            raise ClaimtagError(f"--{name.replace('_', '-')} must be at least 1, got {getattr(config, name)}")
    if not 0 <= config.port <= 65535:
        raise ClaimtagError(f"--port must be between 0 and 65535, got {config.port}")


class ServiceError(Exception):
    """A request we refuse: its HTTP status and a one-line message for the caller."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


# ---------------------------------------------------------------- request and response types


def _encodable(value: str) -> str:
    """Refuse what cannot be written back as UTF-8 (a lone surrogate such as "\\ud800")."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError(f"not valid Unicode: a lone surrogate at position {err.start}") from None
    return value


Text = Annotated[str, AfterValidator(_encodable)]
Quantities = Literal["statistic", "all", "none"]


class ArticleIn(BaseModel):
    """One article: its plain text or its HTML page (the main text is extracted)."""

    model_config = ConfigDict(extra="forbid")
    text: Text | None = Field(None, description="the article as plain text; offsets index this string")
    html: Text | None = Field(None, description="the article's HTML page; offsets index its extracted text")
    id: Text | None = Field(None, max_length=1000, description="your name for the article, echoed back")

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of `text` or `html`")
        return self


class Options(BaseModel):
    """Options of one request; absent ones take the model's defaults."""

    min_confidence: float | None = Field(
        None, ge=0, le=1, description="flag sentences scored below this as unsure (default: the model's own)"
    )
    quantities: Quantities = Field("statistic", description="which sentences list their numbers")


class TagRequest(ArticleIn, Options):
    """`POST /v1/tag`: one article."""


class BatchRequest(Options):
    """`POST /v1/tag/batch`: several articles, their sentences batched together."""

    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, description="at most the server's --max-batch")


class QuantityOut(BaseModel):
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None


class SentenceOut(BaseModel):
    """One sentence, as `claimtag tag --format json` writes it; `text[start:end]` is its text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    in_quote: bool
    label: Literal[LABELS]  # type: ignore[valid-type]  # the labels of model/labels.py, an enum in the schema
    score: float
    probs: dict[str, float]
    truncated: bool
    unsure: bool
    quantities: list[QuantityOut]
    quote_id: str | None
    speaker: str | None
    speaker_span: tuple[int, int] | None
    speaker_type: Literal["person", "organisation", "document", "unknown"] | None = None


class LabelShare(BaseModel):
    count: int
    share: float


class SpeakerOut(BaseModel):
    speaker: str | None
    speaker_type: Literal["person", "organisation", "document", "unknown"] | None = None
    quotations: int
    sentences: int
    quotes: list[str]


class TagResponse(BaseModel):
    """One tagged article: the records of `claimtag tag --format json`, with the same
    provenance (`model`, `model_version`: a digest of the model folder, `mode`) and the
    claimtag release that answered."""

    article: str
    model: str
    model_version: str = Field(description="digest of the model folder, as on every `claimtag tag` output row")
    mode: Literal["int8", "fp32"]
    claimtag_version: str
    meta: dict[str, str | list[str]] = Field(description="title, byline, date, captions the HTML carried")
    summary: dict[str, LabelShare]
    speakers: list[SpeakerOut]
    warnings: list[str]
    sentences: list[SentenceOut]


class BatchResponse(BaseModel):
    articles: list[TagResponse]


class ModelInfo(BaseModel):
    name: str
    version: str
    labels: list[str]
    min_confidence: float
    mode: Literal["int8", "fp32"]
    metrics: dict[str, Any]
    card: str


class Health(BaseModel):
    status: str


# ---------------------------------------------------------------- the app


@dataclass
class _Job:
    """One request's articles waiting for the model, and where its records go."""

    articles: list[ArticleIn]
    options: Options
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future


class _Worker:
    """The model of one worker process, used from one thread; counts the requests waiting for it.

    Tag requests that wait together are tagged in one model call, their sentences batched
    across articles as `claimtag tag` batches them across files: under concurrent clients the
    service keeps the throughput of one process tagging a folder (docs/serving.md).
    """

    def __init__(self, config: ServiceConfig) -> None:
        from claimtag.inference.tagger import Tagger, keep_loaded
        from claimtag.model.folder import resolve_model_path

        self.config = config
        self.tagger = Tagger.from_pretrained(config.model, fast=config.fast)
        keep_loaded()
        self.path = resolve_model_path(config.model)
        self.info = provenance(config.model, config.fast)
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimtag-model")
        self.waiting = 0
        self._queue: list[_Job] = []  # tag requests not yet taken by the model thread
        self._lock = threading.Lock()
        self._draining = False  # a drain is scheduled or running on the model thread

    def _admit(self) -> None:
        if self.waiting >= self.config.max_queue:
            raise ServiceError(503, "busy: too many requests are waiting; retry shortly", {"Retry-After": "1"})

    async def run(self, fn: Callable, *args: Any) -> Any:
        """Run `fn` on the model thread; 503 when too many requests already wait."""
        self._admit()
        self.waiting += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)
        finally:
            self.waiting -= 1

    async def tag(self, articles: list[ArticleIn], options: Options) -> list[dict]:
        """`--format json` records of `articles`, tagged on the model thread together with the
        other requests waiting then; 503 when too many requests already wait."""
        self._admit()
        loop = asyncio.get_running_loop()
        job = _Job(articles, options, loop, loop.create_future())
        self.waiting += 1
        try:
            with self._lock:
                self._queue.append(job)
                start, self._draining = not self._draining, True
            if start:
                self.pool.submit(self._drain)
            return await job.future
        finally:
            self.waiting -= 1

    def _drain(self) -> None:
        """On the model thread: tag the waiting requests, up to `max_batch` articles a model call,
        until none waits."""
        while True:
            with self._lock:
                if not self._queue:
                    self._draining = False
                    return
                jobs, n = [], 0
                while self._queue and (not jobs or n + len(self._queue[0].articles) <= self.config.max_batch):
                    n += len(self._queue[0].articles)
                    jobs.append(self._queue.pop(0))
            try:
                self._tag_jobs(jobs)
            except BaseException as err:  # a bug here must not leave its requests waiting forever
                for job in jobs:
                    _settle(job, error=err)

    def _tag_jobs(self, jobs: list[_Job]) -> None:
        """Tag the jobs' articles in one call per set of options; a refusal (e.g. HTML with no main
        text) or a failure answers its own request only."""
        read: dict[int, list[tuple[str, dict]]] = {}
        for k, job in enumerate(jobs):
            try:
                read[k] = [
                    _article_text(a, i, len(job.articles), self.config.max_chars) for i, a in enumerate(job.articles)
                ]
            except Exception as err:  # noqa: BLE001 - handed to the request's own handler
                _settle(job, error=err)
        groups: dict[tuple, list[int]] = {}
        for k in read:
            groups.setdefault((jobs[k].options.min_confidence, jobs[k].options.quantities), []).append(k)
        for (min_confidence, quantities), members in groups.items():
            try:
                tagger = self.tagger.with_options(min_confidence=min_confidence, quantities=quantities)
                tagged = iter(tagger.tag_many([text for k in members for text, _ in read[k]]))
                done = [(k, [next(tagged) for _ in read[k]]) for k in members]
            except Exception as err:  # noqa: BLE001 - answered as a 500 JSON error, the worker lives on
                for k in members:
                    _settle(jobs[k], error=err)
                continue
            for k, sentences in done:
                _settle(jobs[k], result=self._records(jobs[k].articles, read[k], sentences))

    def _records(self, articles: list[ArticleIn], read: list[tuple[str, dict]], tagged: list[list]) -> list[dict]:
        from claimtag.inference.formats import Result

        out = []
        for i, (article, (_, meta), sentences) in enumerate(zip(articles, read, tagged, strict=True)):
            warnings = [] if sentences else ["no sentences"]
            name = article.id if article.id is not None else "article" if len(articles) == 1 else str(i)
            result = Result(name, sentences, warnings, meta).to_dict(self.info)
            out.append({**result, "claimtag_version": __version__})
        return out


def _settle(job: _Job, result: Any = None, error: BaseException | None = None) -> None:
    """Answer a job from the model thread (a client that went away has no one to answer)."""

    def done() -> None:
        if job.future.done():
            return
        if error is not None:
            job.future.set_exception(error)
        else:
            job.future.set_result(result)

    job.loop.call_soon_threadsafe(done)


def _article_text(article: ArticleIn, i: int, n: int, max_chars: int) -> tuple[str, dict]:
    """The text to tag (the main text of HTML) and what the markup carried beside it; refusals as ServiceError."""
    where = f"article {i}: " if n > 1 else ""
    body = article.text if article.text is not None else article.html
    if len(body) > max_chars:
        raise ServiceError(413, f"{where}{len(body):,} characters, over this server's limit of {max_chars:,}")
    meta: dict = {}
    if article.html is not None:
        from claimtag.inference.markup import html_to_plain

        plain = html_to_plain(article.html)
        body, meta = plain.text, plain.meta
        if not body.strip():
            raise ServiceError(422, f"{where}the HTML has no main text to tag")
    if not body.strip():
        raise ServiceError(422, f"{where}empty text: nothing to tag")
    return body, meta


class _CheckedBody(APIRoute):
    """JSON endpoints: a bounded, valid UTF-8 JSON body, or a clear 4xx before FastAPI parses it."""

    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            if request.method == "POST":
                await _check_json_body(request, request.app.state.config.body_limit())
            return await handler(request)

        return checked


async def _check_json_body(request: Request, limit: int) -> None:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise ServiceError(415, f"send JSON with Content-Type: application/json (got {ctype or 'none'})")
    length = request.headers.get("content-length")
    if length is None:
        raise ServiceError(411, "send a Content-Length header (chunked uploads are not accepted)")
    if not length.isdigit() or int(length) > limit:
        raise ServiceError(413, f"request body of {length} bytes, over this server's limit of {limit:,}")
    body = await request.body()  # cached: FastAPI reads it again from memory
    try:
        json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ServiceError(400, f"the body is not UTF-8 (byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise ServiceError(400, f"malformed JSON: {err.msg} at line {err.lineno} column {err.colno}") from None


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors()[:5]:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(config: ServiceConfig) -> FastAPI:
    """The ASGI app: loads the model when the server starts, once per worker process."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.worker = _Worker(config)
        yield
        app.state.worker.pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="claimtag",
        summary="Label every sentence of a news article as claim, quote, statistic or context.",
        version="1",
        lifespan=lifespan,
        root_path=config.root_path,
    )
    app.state.config = config
    _add_error_handlers(app)
    app.include_router(_api(config))
    _add_page(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def refused(request: Request, err: ServiceError) -> JSONResponse:
        return _error(err.status, err.message, err.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(err))

    @app.exception_handler(HTTPException)
    async def http(request: Request, err: HTTPException) -> JSONResponse:
        return _error(err.status_code, str(err.detail), getattr(err, "headers", None))

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception) -> JSONResponse:
        log.exception("request failed: %s %s", request.method, request.url.path)
        return _error(500, "internal error while tagging this request (logged on the server)")


def _api(config: ServiceConfig) -> APIRouter:
    api = APIRouter(route_class=_CheckedBody)

    @api.post("/v1/tag", response_model=TagResponse, summary="Tag one article")
    async def tag(request: Request, body: TagRequest) -> dict:
        worker: _Worker = request.app.state.worker
        return (await worker.tag([body], body))[0]

    @api.post("/v1/tag/batch", response_model=BatchResponse, summary="Tag several articles at once")
    async def tag_batch(request: Request, body: BatchRequest) -> dict:
        if len(body.articles) > config.max_batch:
            raise ServiceError(413, f"{len(body.articles)} articles, over this server's limit of {config.max_batch}")
        worker: _Worker = request.app.state.worker
        return {"articles": await worker.tag(body.articles, body)}

    @api.get("/v1/model", response_model=ModelInfo, summary="The model: labels, version, metrics, card")
    async def model(request: Request) -> dict:
        return model_info(request.app.state.worker)

    @api.get("/healthz", response_model=Health, summary="Liveness: the process answers")
    async def healthz() -> dict:
        return {"status": "ok"}

    @api.get("/readyz", response_model=Health, summary="Readiness: the model is loaded", responses={503: {}})
    async def readyz(request: Request) -> Response:
        if getattr(request.app.state, "worker", None) is None:
            return _error(503, "the model is still loading")
        return JSONResponse({"status": "ready"})

    return api


def model_info(worker: _Worker) -> dict:
    """What `GET /v1/model` reports: the folder's labels, version, headline metrics and card."""
    from claimtag.model.folder import ModelMeta

    ModelMeta.read(worker.path)  # checks that its labels are LABELS
    metrics_file = worker.path / "metrics.json"
    metrics = json.loads(metrics_file.read_text(encoding="utf-8")) if metrics_file.exists() else {}
    if worker.info.mode == "int8" and "fast" in metrics:  # the int8 file is a distilled student: its own scores
        metrics = metrics["fast"]
    headline = ("n", "macro_f1", "macro_f1_ci", "accuracy", "ece", "f1")
    summary = {
        split: {k: v for k, v in values.items() if k in headline}
        for split, values in metrics.items()
        if isinstance(values, dict) and "macro_f1" in values
    }
    card = worker.path / "README.md"
    return {
        "name": worker.tagger.name,
        "version": worker.info.model_version,
        "labels": list(LABELS),
        "min_confidence": worker.tagger.min_confidence,
        "mode": worker.info.mode,
        "metrics": summary,
        "card": card.read_text(encoding="utf-8") if card.exists() else "",
    }


# ---------------------------------------------------------------- the page

_FORM = """<form method="post" action="{action}" class="paste">
<p><label for="text"><b>Paste an article</b> (plain text, or the HTML of its page)</label></p>
<textarea id="text" name="text" rows="12" style="width:100%" required>{text}</textarea>
<p><label><input type="checkbox" name="html" value="1"{checked}> this is HTML: extract the main text</label>
<button type="submit">Tag it</button></p></form>{error}"""


def _add_page(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page(request: Request) -> HTMLResponse:
        return HTMLResponse(_page(request, "", False))

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_tagged(request: Request) -> HTMLResponse:
        body = await request.body()
        if len(body) > request.app.state.config.body_limit():
            return HTMLResponse(_page(request, "", False, error="the article is too long for this server"), 413)
        form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        text, is_html = form.get("text", [""])[0], bool(form.get("html", [""])[0])
        worker: _Worker = request.app.state.worker
        try:
            article = ArticleIn(html=text) if is_html else ArticleIn(text=text)
            records = await worker.run(_tag_page, worker, article)
        except ServiceError as err:
            return HTMLResponse(_page(request, text, is_html, error=err.message), err.status)
        except ValueError as err:
            return HTMLResponse(_page(request, text, is_html, error=str(err)), 422)
        return HTMLResponse(_page(request, text, is_html, results=records))


def _tag_page(worker: _Worker, article: ArticleIn) -> list:
    from claimtag.inference.formats import Result

    text, meta = _article_text(article, 0, 1, worker.config.max_chars)
    return [Result("your article", worker.tagger.tag(text), meta=meta)]


def _page(request: Request, text: str, is_html: bool, *, results: list | None = None, error: str = "") -> str:
    import html

    from claimtag.inference.formats import html_page

    action = html.escape(request.scope.get("root_path", "") + "/")
    shown = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    form = _FORM.format(action=action, text=html.escape(text), checked=" checked" if is_html else "", error=shown)
    return html_page(results or [], model=request.app.state.worker.tagger.name, before=form)


# ---------------------------------------------------------------- running it


def serve(config: ServiceConfig, *, forwarded_allow_ips: str | None = None) -> None:
    """Run the service until stopped (Ctrl-C or SIGTERM): one process, or `config.workers` processes."""
    import uvicorn

    from claimtag.model.folder import ModelMeta, resolve_model_path

    _check_config(config)
    ModelMeta.read(resolve_model_path(config.model))  # a wrong --model is a one-line error, before any worker starts
    options = {"host": config.host, "port": config.port, "forwarded_allow_ips": forwarded_allow_ips}
    if config.workers == 1:
        uvicorn.run(create_app(config), **options)
        return
    os.environ[ENV] = json.dumps(asdict(config))
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=config.workers, **options)


def app_from_environment() -> FastAPI:
    """The app of one of several worker processes, configured by `serve` through the environment."""
    return create_app(ServiceConfig(**json.loads(os.environ[ENV])))
