"""HTTP downloads for ``update-spec``: timeouts, bounded retries with backoff, a size
limit, conditional requests, an optional checksum, progress on a terminal.

The body is kept in memory as received (content coding not removed: a gzip body is
checked and unpacked by the caller, which also bounds its unpacked size), so an
interrupted download leaves nothing behind.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import email.utils
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, TextIO

import requests
import urllib3.exceptions

from codegen import __version__

MiB = 1024 * 1024
CHUNK = 64 * 1024
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class DownloadError(Exception):
    """A download that failed for good: one line naming the URL and the cause."""


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: Optional[float] = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass(frozen=True)
class Options:
    timeout: float = 30.0  # seconds to connect, and without a byte while reading
    retries: int = 3  # further attempts after a failed one
    backoff: float = 1.0  # first wait between attempts, doubled each time
    max_backoff: float = 30.0
    max_bytes: int = 256 * MiB  # for the body as received, and again for its unpacked size
    deadline: float = 900.0  # one download, all attempts and waits included
    progress: Optional[TextIO] = None  # where to draw progress (only if it is a terminal)
    progress_min_bytes: int = 1 * MiB  # bodies known to be smaller show none


@dataclass(frozen=True)
class Fetched:
    """What one fetch got: ``not_modified`` (HTTP 304) or a complete ``body``."""

    source: str
    not_modified: bool
    body: bytes = b""
    content_encoding: Optional[str] = None
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    expected_sha256: Optional[str] = None  # what the server says the body's sha256 is
    attempts: int = 1


def _errno_reason(exc: BaseException) -> str:
    """The OS-level cause buried in a requests/urllib3 error ("Connection refused")."""
    seen: set[int] = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            return current.strerror
        for arg in current.args:
            if isinstance(arg, BaseException):
                found = _errno_reason(arg)
                if found:
                    return found
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException) and id(reason) not in seen:
            found = _errno_reason(reason)
            if found:
                return found
        current = current.__cause__ or current.__context__
    match = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(exc))
    return match.group(1).strip() if match else ""


def _retry_after(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _sha256_from_headers(headers: requests.structures.CaseInsensitiveDict[str]) -> Optional[str]:
    """A sha256 the server states for the body: S3's ``x-amz-checksum-sha256`` or a
    ``Content-Digest``/``Repr-Digest``/``Digest`` field; hex, or None."""
    candidates = []
    if headers.get("x-amz-checksum-sha256"):
        candidates.append(headers["x-amz-checksum-sha256"].strip())
    for name in ("Content-Digest", "Repr-Digest", "Digest"):
        for part in (headers.get(name) or "").split(","):
            key, _, value = part.strip().partition("=")
            if key.strip().lower() == "sha-256" and value:
                candidates.append(value.strip().strip(":"))
    for value in candidates:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) == 32:
            return raw.hex()
        if re.fullmatch(r"[0-9a-fA-F]{64}", value):
            return value.lower()
    return None


class _Progress:
    """``name  1.2 / 3.3 MiB  36%`` redrawn in place on a terminal, at most 10 times a second."""

    def __init__(self, stream: Optional[TextIO], name: str, total: Optional[int], min_bytes: int) -> None:
        self.stream = stream if stream is not None and _isatty(stream) else None
        if total is not None and total < min_bytes:
            self.stream = None
        self.name = name
        self.total = total
        self.last = 0.0
        self.drawn = False

    def update(self, done: int, final: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.1:
            return
        self.last = now
        if self.total:
            text = f"{self.name}  {done / MiB:.1f} / {self.total / MiB:.1f} MiB  {100 * done // self.total}%"
        else:
            text = f"{self.name}  {done / MiB:.1f} MiB"
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.stream is not None and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _size_error(source: str, size: int, limit: int) -> DownloadError:
    return DownloadError(f"{source}: the body is {size} bytes, over the limit of {limit} (see --max-bytes)")


def _attempt(
    session: requests.Session,
    url: str,
    options: Options,
    etag: Optional[str],
    last_modified: Optional[str],
    started: float,
) -> Fetched:
    headers = {"Accept-Encoding": "gzip", "User-Agent": f"cfn-codegen/{__version__}"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = options.timeout
    try:
        response = session.get(url, headers=headers, stream=True, timeout=(timeout, timeout), allow_redirects=True)
    except requests.exceptions.ConnectTimeout:
        raise _Retryable(f"could not connect within {timeout:g} s") from None
    except requests.exceptions.ReadTimeout:
        raise _Retryable(f"no response within {timeout:g} s") from None
    except requests.exceptions.SSLError as exc:
        raise DownloadError(f"{url}: TLS error: {_errno_reason(exc) or exc.__class__.__name__}") from None
    except requests.exceptions.ConnectionError as exc:
        raise _Retryable(f"cannot connect: {_errno_reason(exc) or 'connection failed'}") from None
    except requests.exceptions.RequestException as exc:
        raise DownloadError(f"{url}: {exc}") from None
    with response:
        status = response.status_code
        if status == 304:
            return Fetched(source=url, not_modified=True, etag=etag, last_modified=last_modified)
        if status in RETRY_STATUSES:
            raise _Retryable(f"HTTP {status} {response.reason or ''}".strip(), _retry_after(response.headers.get("Retry-After")))
        if status != 200:
            raise DownloadError(f"{url}: HTTP {status} {response.reason or ''}".strip())
        length_header = response.headers.get("Content-Length")
        length = int(length_header) if length_header and length_header.strip().isdigit() else None
        if length is not None and length > options.max_bytes:
            raise _size_error(url, length, options.max_bytes)
        name = url.rsplit("/", 1)[-1] or url
        progress = _Progress(options.progress, name, length, options.progress_min_bytes)
        body = bytearray()
        try:
            for chunk in response.raw.stream(CHUNK, decode_content=False):
                body += chunk
                if len(body) > options.max_bytes:
                    raise _size_error(url, len(body), options.max_bytes)
                if time.monotonic() - started > options.deadline:
                    raise DownloadError(f"{url}: not complete after {options.deadline:g} s (got {len(body)} bytes)")
                progress.update(len(body))
            progress.update(len(body), final=True)
        except (urllib3.exceptions.ReadTimeoutError, requests.exceptions.ReadTimeout):
            raise _Retryable(f"the server stalled: no data for {timeout:g} s after {len(body)} bytes") from None
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.IncompleteRead, requests.exceptions.ConnectionError) as exc:
            expected = f" of {length}" if length is not None else ""
            cause = _errno_reason(exc)
            raise _Retryable(
                f"truncated body: the connection closed after {len(body)}{expected} bytes" + (f" ({cause})" if cause else "")
            ) from None
        except OSError as exc:
            raise _Retryable(f"read failed after {len(body)} bytes: {exc.strerror or exc}") from None
        finally:
            progress.close()
        if length is not None and len(body) != length:
            raise _Retryable(f"truncated body: got {len(body)} of {length} bytes")
        return Fetched(
            source=url,
            not_modified=False,
            body=bytes(body),
            content_encoding=(response.headers.get("Content-Encoding") or "").strip().lower() or None,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            expected_sha256=_sha256_from_headers(response.headers),
        )


def fetch(
    url: str,
    options: Options,
    *,
    etag: Optional[str] = None,
    last_modified: Optional[str] = None,
    session: Optional[requests.Session] = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """GET ``url``; HTTP 304 when ``etag``/``last_modified`` still match. Retries
    connection failures, timeouts, truncated bodies and 408/425/429/5xx answers."""
    own = session is None
    session = session or requests.Session()
    started = time.monotonic()
    attempts = options.retries + 1
    try:
        for attempt in range(1, attempts + 1):
            try:
                return dataclasses.replace(_attempt(session, url, options, etag, last_modified, started), attempts=attempt)
            except _Retryable as exc:
                if attempt == attempts:
                    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
                    raise DownloadError(f"{url}: {exc.reason}{tries}") from None
                wait = min(options.max_backoff, options.backoff * 2 ** (attempt - 1))
                if exc.retry_after is not None:
                    wait = min(options.max_backoff, max(wait, exc.retry_after))
                if time.monotonic() - started + wait > options.deadline:
                    raise DownloadError(f"{url}: {exc.reason} (gave up after {attempt} attempts: deadline)") from None
                sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover
    finally:
        if own:
            session.close()


def read_file(path: Path, options: Options) -> Fetched:
    """A local file as if downloaded (``--file``), with the same size limit."""
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise _size_error(str(path), size, options.max_bytes)
        with path.open("rb") as stream:
            body = stream.read(options.max_bytes + 1)
    except OSError as exc:
        raise DownloadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(body) > options.max_bytes:
        raise _size_error(str(path), len(body), options.max_bytes)
    return Fetched(source=str(path), not_modified=False, body=body)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


__all__ = ["DownloadError", "Fetched", "Options", "fetch", "read_file", "sha256_hex"]
