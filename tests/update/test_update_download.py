"""The download layer on its own: sources by region, retries and backoff, conditional
requests, progress on a terminal (all against the loopback server)."""

from __future__ import annotations

import io
from typing import List

import pytest

from codegen.errors import ConfigError
from codegen.update.download import DownloadError, Options, fetch
from codegen.update.sources import REGISTRY_SCHEMAS, RESOURCE_SPEC, kind_of, official_urls
from conftest import NEW, ZIP
from update_server import FixtureServer, Route


def test_official_urls_by_region() -> None:
    urls = official_urls({})
    assert urls[RESOURCE_SPEC] == "https://d1uauaxba7bl26.cloudfront.net/latest/gzip/CloudFormationResourceSpecification.json"
    assert urls[REGISTRY_SCHEMAS] == "https://schema.cloudformation.us-east-1.amazonaws.com/CloudformationSchema.zip"
    west = official_urls({"region": "us-east-1"}, "eu-west-1")
    assert west[RESOURCE_SPEC].startswith("https://d3teyb21fexa9r.cloudfront.net/")
    assert west[REGISTRY_SCHEMAS] == "https://schema.cloudformation.eu-west-1.amazonaws.com/CloudformationSchema.zip"
    assert official_urls({"region": "cn-north-1"})[REGISTRY_SCHEMAS].endswith(".amazonaws.com.cn/CloudformationSchema.zip")
    custom = official_urls({"resource-spec-url": "https://mirror.example/{region}/spec.json", "region": "us-west-2"})
    assert custom[RESOURCE_SPEC] == "https://mirror.example/us-west-2/spec.json"
    with pytest.raises(ConfigError, match="no resource specification URL is known for region 'xx-nowhere-1'"):
        official_urls({}, "xx-nowhere-1")
    with pytest.raises(ConfigError, match="bad placeholder"):
        official_urls({"registry-schema-url": "https://x/{zone}.zip"})
    assert kind_of("https://x/CloudformationSchema.zip?sig=1") == REGISTRY_SCHEMAS
    assert kind_of("/tmp/spec.json.gz") == RESOURCE_SPEC


def test_backoff_doubles_and_is_bounded(server: FixtureServer) -> None:
    server.routes["/z.zip"] = Route(body=b"PK", fail=[500, 502, 503])
    waits: List[float] = []
    result = fetch(server.url("/z.zip"), Options(retries=3, backoff=0.25, max_backoff=0.6), sleep=waits.append)
    assert result.body == b"PK" and result.attempts == 4
    assert waits == [0.25, 0.5, 0.6]
    server.routes["/y.zip"] = Route(body=b"PK", fail=[500, 500])
    with pytest.raises(DownloadError, match=r"HTTP 500 Internal Server Error \(after 2 attempts\)"):
        fetch(server.url("/y.zip"), Options(retries=1, backoff=0), sleep=waits.append)


def test_conditional_request(server: FixtureServer) -> None:
    server.routes["/s.json"] = Route(body=b"{}", etag='"v1"', last_modified="Tue, 20 Oct 2026 22:11:15 GMT")
    first = fetch(server.url("/s.json"), Options())
    assert not first.not_modified and first.etag == '"v1"'
    again = fetch(server.url("/s.json"), Options(), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    server.routes["/s.json"].etag = '"v2"'
    changed = fetch(server.url("/s.json"), Options(), etag=first.etag)
    assert not changed.not_modified and changed.etag == '"v2"'


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(server: FixtureServer) -> None:
    body = (NEW / ZIP).read_bytes()
    server.routes["/p.zip"] = Route(body=body)
    terminal = Terminal()
    fetch(server.url("/p.zip"), Options(progress=terminal, progress_min_bytes=1000))
    shown = terminal.getvalue()
    assert "p.zip" in shown and "100%" in shown and shown.endswith("\r\x1b[K")
    piped = io.StringIO()
    fetch(server.url("/p.zip"), Options(progress=piped, progress_min_bytes=1000))
    assert piped.getvalue() == ""
    small = Terminal()
    fetch(server.url("/p.zip"), Options(progress=small))  # under 1 MiB: no progress
    assert small.getvalue() == ""
