"""The optional rewrite against a small OpenAI-compatible server started on 127.0.0.1 by the test."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from summary_builders import claim, source, story

from newsprism.model import Story
from newsprism.pipeline import Findings
from newsprism.settings import SummarySettings
from newsprism.summarise import Summariser, faithful

pytestmark = pytest.mark.network

DIVERS = "Divers searched the engine room of the ferry Aurelia Star on Tuesday night, Mayor Tomas Hale said."
RESCUE = "The coast guard said its crews rescued 41 passengers from the harbour water in Kelmar."


@dataclass
class ChatServer:
    """Answers /v1/chat/completions like an OpenAI-compatible server; ``reply`` maps prompt -> content."""

    reply: Callable[[str], str] = lambda prompt: prompt
    status: int = 200
    raw: bytes | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def chat() -> Iterator[ChatServer]:
    state = ChatServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(
                {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
            )
            prompt = body["messages"][-1]["content"]
            payload = state.raw if state.raw is not None else json.dumps(
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": state.reply(prompt)}}]}
            ).encode()  # fmt: skip
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _story() -> Story:
    srcs = [source("s1", "Northwire", [RESCUE, DIVERS]), source("s2", "Kelmar Gazette", [RESCUE])]
    return story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1)))


def _run(chat: ChatServer) -> tuple[list[str], list[str]]:
    st = _story()
    plain = Summariser()(st, Findings()).sentences
    settings = SummarySettings(rewrite_url=chat.url, rewrite_model="tiny-local", rewrite_timeout=10)
    rewritten = Summariser(settings)(st, Findings()).sentences
    assert [(s.sources, s.claims) for s in rewritten] == [(s.sources, s.claims) for s in plain]
    return [s.text for s in plain], [s.text for s in rewritten]


def _replace(old: str, new: str) -> Callable[[str], str]:
    return lambda prompt: prompt.replace(old, new)


def test_off_by_default(chat: ChatServer) -> None:
    Summariser()(_story(), Findings())
    assert chat.requests == []


def test_a_faithful_rewrite_is_taken_and_the_request_is_openai_shaped(
    chat: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSPRISM_REWRITE_API_KEY", "local-key")
    chat.reply = _replace("the engine room of the ferry Aurelia Star", "the ferry Aurelia Star's engine room")
    plain, rewritten = _run(chat)
    assert rewritten[1] == plain[1].replace(
        "the engine room of the ferry Aurelia Star", "the ferry Aurelia Star's engine room"
    )
    assert rewritten[0] == plain[0]
    (request,) = chat.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer local-key"
    assert request["body"]["model"] == "tiny-local" and request["body"]["messages"][0]["role"] == "system"
    assert "[1] " in request["body"]["messages"][-1]["content"]


@pytest.mark.parametrize(
    "reply",
    [
        _replace("41 passengers", "47 passengers"),  # a number the sources do not give
        _replace("on Tuesday night", "on Monday night"),  # a different day
        _replace("Mayor Tomas Hale said", "said Mayor Tomas Hale of Rist"),  # a name from nowhere
        _replace(", Mayor Tomas Hale said", ""),  # the attribution's name dropped
        _replace("Divers searched", "Heroic divers frantically searched the ruined"),  # loaded words
        lambda prompt: "\n".join(f"[{i}] Officials urged calm as markets opened." for i in (1, 2)),  # drift
    ],
)
def test_an_unfaithful_rewrite_keeps_the_extractive_sentence(
    chat: ChatServer, reply: Callable[[str], str]
) -> None:
    chat.reply = reply
    plain, rewritten = _run(chat)
    changed = [i for i, (a, b) in enumerate(zip(plain, rewritten, strict=True)) if a != b]
    # only an untouched sentence may come back from the server as is; nothing unfaithful gets through
    assert changed == []


@pytest.mark.parametrize("status,raw", [(500, None), (200, b"not json"), (200, b'{"choices": []}')])
def test_a_failing_endpoint_keeps_the_extractive_summary(
    chat: ChatServer, status: int, raw: bytes | None
) -> None:
    chat.status, chat.raw = status, raw
    plain, rewritten = _run(chat)
    assert rewritten == plain


def test_a_missing_server_keeps_the_extractive_summary() -> None:
    st = _story()
    settings = SummarySettings(rewrite_url="http://127.0.0.1:9/v1", rewrite_timeout=2)
    assert Summariser(settings)(st, Findings()) == Summariser()(st, Findings())


def test_faithfulness_check() -> None:
    old = "According to Northwire, 12 people died in Kelmar on Tuesday."
    evidence = ["Port officials said 12 people died in Kelmar on Tuesday."]
    assert faithful("According to Northwire, 12 people died on Tuesday in Kelmar.", old, evidence, 0.5)
    assert not faithful("According to Northwire, 13 people died in Kelmar on Tuesday.", old, evidence, 0.5)
    assert not faithful("According to Northwire, people died in Kelmar on Tuesday.", old, evidence, 0.5)
    assert not faithful("According to Northwire, 12 people died in Rist on Tuesday.", old, evidence, 0.5)
    assert not faithful("", old, evidence, 0.5)
