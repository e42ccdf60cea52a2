"""A local HTTP server on loopback (127.0.0.1, an ephemeral port) that serves fixtures
and misbehaves on request: error statuses, truncated bodies, stalls, no length."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List, Optional, Tuple

# How a route answers.
NORMAL = "normal"
TRUNCATE = "truncate"  # Content-Length of the whole body, half of it sent, connection closed
STALL = "stall"  # half the body sent, then nothing until the test ends
HANG = "hang"  # nothing at all (not even headers) until the test ends
NO_LENGTH = "no-length"  # no Content-Length: the body runs until the connection closes


@dataclass
class Route:
    body: bytes
    headers: Dict[str, str] = field(default_factory=dict)
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    mode: str = NORMAL
    fail: List[int] = field(default_factory=list)  # statuses answered first, one per request
    status: int = 200


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-exchange (as the faults under test do) is no news."""


class FixtureServer:
    def __init__(self) -> None:
        self.routes: Dict[str, Route] = {}
        self.requests: List[Tuple[str, Dict[str, str]]] = []
        self.release = threading.Event()  # ends stalls and hangs
        self.partial_sent = threading.Event()  # a STALL route has sent its first half
        self._lock = threading.Lock()
        fixture = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                fixture._serve(self)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> "FixtureServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def hits(self, path: str) -> List[Dict[str, str]]:
        with self._lock:
            return [headers for p, headers in self.requests if p == path]

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append((handler.path, {k: v for k, v in handler.headers.items()}))
            route = self.routes.get(handler.path)
            failing = route.fail.pop(0) if route is not None and route.fail else None
        if route is None or failing is not None or route.status != 200:
            status = 404 if route is None else failing if failing is not None else route.status
            body = f"status {status}\n".encode()
            handler.send_response(status)
            handler.send_header("Content-Type", "text/plain")
            handler.send_header("Content-Length", str(len(body)))
            if status in (429, 503):
                handler.send_header("Retry-After", "0")
            handler.end_headers()
            handler.wfile.write(body)
            return
        if route.mode == HANG:
            self.release.wait(timeout=30)
            handler.close_connection = True
            return
        match = route.etag is not None and handler.headers.get("If-None-Match") == route.etag
        unchanged = route.last_modified is not None and handler.headers.get("If-Modified-Since") == route.last_modified
        if match or (unchanged and handler.headers.get("If-None-Match") is None):
            handler.send_response(304)
            if route.etag:
                handler.send_header("ETag", route.etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        if route.mode == NO_LENGTH:
            handler.send_header("Connection", "close")
        else:
            handler.send_header("Content-Length", str(len(route.body)))
        if route.etag:
            handler.send_header("ETag", route.etag)
        if route.last_modified:
            handler.send_header("Last-Modified", route.last_modified)
        for name, value in route.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        half = route.body[: len(route.body) // 2]
        try:
            if route.mode in (NORMAL, NO_LENGTH):
                handler.wfile.write(route.body)
            elif route.mode == TRUNCATE:
                handler.wfile.write(half)
            elif route.mode == STALL:
                handler.wfile.write(half)
                handler.wfile.flush()
                self.partial_sent.set()
                self.release.wait(timeout=30)
            handler.wfile.flush()
        except OSError:  # the client went away
            pass
        if route.mode != NORMAL:
            handler.close_connection = True
