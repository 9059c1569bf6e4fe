"""`claimtag serve`: the real server on a free localhost port, real HTTP clients, no mocks.

The server runs the shipped default model on the fast path (int8 ONNX), as users run it.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, settings

from claimtag.inference.cli import main
from claimtag.inference.markup import html_to_plain

ARTICLE = (
    "Port strike to go ahead, union says\n\n"
    "Dock workers at Felixstowe will walk out on Monday, the Unite union said. "
    "The strike will cost the port about £4m a day, according to the British Ports Association.\n\n"
    "“We have no choice,” said Maria Okafor, the union’s regional secretary. “Our members have waited two years.”\n\n"
    "The port handles 36% of Britain’s container freight. Talks broke down last week.\n"
)
HTML = (
    "<html><head><title>Strike</title></head><body><nav>Home | News</nav><article><h1>Port strike</h1>"
    "<p>Dock workers will walk out on Monday, the union said. The strike will cost about £4m a day.</p>"
    "<p>“We have no choice,” said Maria Okafor. Talks broke down last week after the company offered 3%.</p>"
    "</article><footer>© News Ltd</footer></body></html>"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(*options: str) -> Iterator[str]:
    """Run `claimtag serve` in its own process until the test module is done; yields its URL."""
    port = _free_port()
    cmd = [sys.executable, "-m", "claimtag.inference.cli", "serve", "--port", str(port), *options]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the server did not start:\n{proc.stdout.read()}")
        time.sleep(0.1)
    try:
        yield url
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
        assert "Traceback" not in out, out  # no request, good or bad, ever crashed a handler


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from _start("--max-chars", "5000", "--max-batch", "4")


@pytest.fixture(scope="module")
def tagger():
    from claimtag.inference.tagger import Tagger

    return Tagger.from_pretrained()


def _post(url: str, body: object, **kw) -> httpx.Response:
    return httpx.post(url, json=body, timeout=60, **kw)


def test_tag_round_trip_offsets_index_the_posted_text(server: str, tagger) -> None:
    r = _post(f"{server}/v1/tag", {"text": ARTICLE, "id": "strike"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["article"] == "strike" and body["model"] == "default"
    from claimtag import __version__
    from claimtag.inference.formats import provenance

    info = provenance("default")  # the same provenance as every `claimtag tag` output row
    assert (body["model_version"], body["mode"], body["claimtag_version"]) == (info.model_version, "int8", __version__)
    sents = body["sentences"]
    assert [s["text"] for s in sents] == [ARTICLE[s["start"] : s["end"]] for s in sents]
    for s in sents:
        if s["speaker_span"]:
            a, b = s["speaker_span"]
            assert ARTICLE[a:b] == s["speaker"]
    # the same records as the Python API (and so as `claimtag tag --format json`)
    expected = [t.to_dict() for t in tagger.tag(ARTICLE)]
    assert [{**s, "speaker_span": tuple(s["speaker_span"]) if s["speaker_span"] else None} for s in sents] == [
        {**e, "quantities": list(e["quantities"])} for e in expected
    ]
    assert any(s["speaker"] == "Maria Okafor" for s in sents)
    assert sum(v["count"] for v in body["summary"].values()) == len(sents)


def test_html_article_is_extracted_and_options_apply(server: str) -> None:
    r = _post(f"{server}/v1/tag", {"html": HTML, "quantities": "all", "min_confidence": 1.0})
    assert r.status_code == 200, r.text
    text = html_to_plain(HTML).text
    sents = r.json()["sentences"]
    assert sents and all(text[s["start"] : s["end"]] == s["text"] for s in sents)
    assert "Home | News" not in text and all(s["unsure"] for s in sents)  # every score is below 1.0
    assert any(q["text"] == "3%" for s in sents for q in s["quantities"])
    assert r.json()["meta"]["title"] == "Port strike"


def test_requests_waiting_together_are_tagged_in_one_model_call(monkeypatch: pytest.MonkeyPatch, tagger) -> None:
    import asyncio

    from claimtag.inference.service import ServiceConfig, ServiceError, TagRequest, _Worker
    from claimtag.inference.tagger import Tagger

    worker = _Worker(ServiceConfig())
    calls: list[int] = []
    tag_many = Tagger.tag_many

    def counted(self, articles, *args, **kw):
        articles = list(articles)
        calls.append(len(articles))
        return tag_many(self, articles, *args, **kw)

    monkeypatch.setattr(Tagger, "tag_many", counted)
    texts = [ARTICLE, ARTICLE.replace("union", "guild"), "Rates rose 2% in May.", "It rained. Then it stopped."]
    requests = [TagRequest(text=t, id=str(i)) for i, t in enumerate(texts)]
    requests += [TagRequest(text=texts[2], min_confidence=0.999), TagRequest(html="<html><body></body></html>")]

    async def all_at_once() -> list:
        return await asyncio.gather(*(worker.tag([r], r) for r in requests), return_exceptions=True)

    got = asyncio.run(all_at_once())
    assert len(calls) <= 3 and sum(calls) == 5  # 5 articles in at most 3 calls, never one call each
    for text, records in zip(texts, got[:4], strict=True):
        assert [(s["text"], s["label"], s["score"]) for s in records[0]["sentences"]] == [
            (t.text, t.label, t.score) for t in tagger.tag(text)
        ]
    assert all(s["unsure"] for s in got[4][0]["sentences"])  # its own options, not its neighbours'
    assert isinstance(got[5], ServiceError) and got[5].status == 422  # its failure is its own


def test_batch_tags_every_article_in_order(server: str, tagger) -> None:
    texts = [ARTICLE, "Rates rose 2% in May. The bank said more rises may follow.", ARTICLE.upper()]
    r = _post(f"{server}/v1/tag/batch", {"articles": [{"text": t, "id": f"a{i}"} for i, t in enumerate(texts)]})
    assert r.status_code == 200, r.text
    got = r.json()["articles"]
    assert [a["article"] for a in got] == ["a0", "a1", "a2"]
    for a, text in zip(got, texts, strict=True):
        assert [s["label"] for s in a["sentences"]] == [t.label for t in tagger.tag(text)]


def test_model_health_and_schema(server: str) -> None:
    info = httpx.get(f"{server}/v1/model").json()
    assert info["labels"] == ["claim", "quote", "statistic", "context"]
    assert info["mode"] == "int8" and 0 < info["min_confidence"] < 1
    assert 0.5 < info["metrics"]["test"]["macro_f1"] <= 1 and "claimtag" in info["card"]
    stored = json.loads((Path(__file__).parents[1] / "model" / "default" / "metrics.json").read_text(encoding="utf-8"))
    # int8 serves the default's distilled student: its own scores, not the fp32 network's
    assert info["metrics"]["test"]["macro_f1"] == stored["fast"]["test"]["macro_f1"]
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{server}/readyz").json() == {"status": "ready"}
    paths = httpx.get(f"{server}/openapi.json").json()["paths"]
    assert {"/v1/tag", "/v1/tag/batch", "/v1/model", "/healthz", "/readyz"} <= set(paths)


BAD = [
    ("malformed JSON", b'{"text": "Rates rose', {}, 400, "malformed JSON"),
    ("invalid UTF-8", b'{"text": "caf\xe9 prices rose"}', {}, 400, "not UTF-8"),
    ("binary", bytes(range(256)), {}, 400, "UTF-8"),
    ("wrong type", {"text": 5}, {}, 422, "text"),
    ("empty text", {"text": ""}, {}, 422, "empty text"),
    ("blank text", {"text": " \n\t "}, {}, 422, "empty text"),
    ("no body field", {"id": "x"}, {}, 422, "exactly one of `text` or `html`"),
    ("both fields", {"text": "a", "html": "<p>a</p>"}, {}, 422, "exactly one"),
    ("unknown field", {"text": "Rates rose.", "lang": "en"}, {}, 422, "lang"),
    ("bad option", {"text": "Rates rose.", "min_confidence": 2}, {}, 422, "min_confidence"),
    ("bad choice", {"text": "Rates rose.", "quantities": "some"}, {}, 422, "quantities"),
    ("lone surrogate", b'{"text": "Rates rose \\ud800 today."}', {}, 422, "lone surrogate"),
    ("too long", {"text": "Rates rose. " * 500}, {}, 413, "over this server's limit of 5,000"),
    (
        "html without text",
        {"html": "<html><head><script>var a = 1;</script></head><body></body></html>"},
        {},
        422,
        "no main text",
    ),
    ("not JSON", b"text=Rates+rose", {"content-type": "application/x-www-form-urlencoded"}, 415, "Content-Type"),
    ("not an object", [1, 2], {}, 422, ""),
]


@pytest.mark.parametrize(("what", "body", "headers", "status", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_a_clear_json_error(server: str, what, body, headers, status: int, message: str) -> None:
    if isinstance(body, bytes):
        r = httpx.post(f"{server}/v1/tag", content=body, headers={"content-type": "application/json", **headers})
    else:
        r = _post(f"{server}/v1/tag", body, headers=headers)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["status"] == status and message in error["message"]
    assert "Traceback" not in r.text
    assert httpx.get(f"{server}/healthz").status_code == 200


def test_batch_limits(server: str) -> None:
    five = {"articles": [{"text": "Rates rose."}] * 5}
    r = _post(f"{server}/v1/tag/batch", five)
    assert r.status_code == 413 and "5 articles, over this server's limit of 4" in r.json()["error"]["message"]
    r = _post(f"{server}/v1/tag/batch", {"articles": [{"text": "Rates rose."}, {"text": ""}]})
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("article 1: empty text")
    assert _post(f"{server}/v1/tag/batch", {"articles": []}).status_code == 422
    assert httpx.get(f"{server}/v1/tag").status_code == 405


def test_fifty_concurrent_requests_are_all_answered_correctly(server: str, tagger) -> None:
    texts = [f"Sales rose {i}% in March, the company said. “It was a good month,” said Ann Lee." for i in range(50)]
    with ThreadPoolExecutor(50) as pool:
        responses = list(pool.map(lambda t: _post(f"{server}/v1/tag", {"text": t}), texts))
    assert [r.status_code for r in responses] == [200] * 50
    for r, text in zip(responses, texts, strict=True):
        got = r.json()["sentences"]
        assert [(s["text"], s["label"], s["speaker"]) for s in got] == [
            (t.text, t.label, t.speaker) for t in tagger.tag(text)
        ]


def test_a_full_queue_answers_503_with_retry_after() -> None:
    gen = _start("--max-queue", "1")
    url = next(gen)
    try:
        long = ARTICLE * 12
        barrier = threading.Barrier(12)

        def post(_: int) -> httpx.Response:
            barrier.wait()
            return _post(f"{url}/v1/tag", {"text": long})

        with ThreadPoolExecutor(12) as pool:
            responses = list(pool.map(post, range(12)))
        codes = sorted(r.status_code for r in responses)
        assert set(codes) == {200, 503} and codes.count(200) >= 1, codes
        busy = next(r for r in responses if r.status_code == 503)
        assert busy.headers["retry-after"] == "1" and "busy" in busy.json()["error"]["message"]
        assert _post(f"{url}/v1/tag", {"text": ARTICLE}).status_code == 200  # and it recovers
    finally:
        gen.close()


@pytest.mark.slow
def test_several_workers_share_the_port() -> None:
    gen = _start("--workers", "2")
    url = next(gen)
    try:
        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(lambda _: _post(f"{url}/v1/tag", {"text": ARTICLE}).status_code, range(8)))
        assert codes == [200] * 8
    finally:
        gen.close()


def test_bad_command_line_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["serve", "--model", str(tmp_path / "missing")]) == 2
    assert main(["serve", "--workers", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("claimtag: error: ") for line in err)
    assert "--workers must be at least 1" in err[1]


# ---------------------------------------------------------------- property tests from the schema


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_generated_request_gets_a_server_error(server: str, mode: str) -> None:
    """Requests generated from the served OpenAPI schema (valid ones, then invalid ones): no 5xx."""
    import schemathesis
    from hypothesis import given

    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 5
    if mode == "negative":  # only requests with a body can be invalid
        operations = [op for op in operations if op.method.upper() == "POST"]
    examples = int(os.environ.get("CLAIMTAG_SCHEMA_EXAMPLES", "30"))
    for operation in operations:

        @given(case=operation.as_strategy(schemathesis.GenerationMode(mode)))
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case) -> None:
            response = case.call(timeout=60)
            assert response.status_code < 500, (case.method, case.path, case.body, response.text)
            if response.status_code >= 400:
                assert response.json()["error"]["message"]

        no_server_error()


# ---------------------------------------------------------------- the page, in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_page_paste_submit_and_see_highlighted_sentences(server: str, tagger) -> None:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page()
        page.goto(server + "/")
        page.fill("textarea#text", ARTICLE)
        page.click("button[type=submit]")
        spans = page.locator("article span.s")
        spans.first.wait_for()
        assert spans.count() == len(tagger.tag(ARTICLE)) > 5
        assert spans.nth(0).inner_text() == "Port strike to go ahead, union says"
        colours = {spans.nth(i).evaluate("e => getComputedStyle(e).backgroundColor") for i in range(spans.count())}
        assert len(colours) >= 2 and "rgba(0, 0, 0, 0)" not in colours
        assert "Maria Okafor" in page.locator("details.who").inner_text()
        assert page.locator("textarea#text").input_value().split() == ARTICLE.split()  # kept for another try
        page.fill("textarea#text", "   ")
        page.evaluate("document.querySelector('textarea').removeAttribute('required')")
        page.click("button[type=submit]")
        assert "empty text" in page.locator(".error").inner_text()
        browser.close()


def test_request_and_response_are_valid_json_schema_types(server: str) -> None:
    """The schema documents the error shape users parse and the records they get."""
    spec = httpx.get(f"{server}/openapi.json").json()
    tag = spec["components"]["schemas"]["TagResponse"]["properties"]
    assert {"sentences", "speakers", "summary", "model_version"} <= set(tag)
    assert json.dumps(spec)  # serialisable as served
