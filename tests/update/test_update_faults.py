"""Every fault leaves specs/ and generated/ exactly as they were, prints one line
``cfn-codegen: error: ...`` naming the cause, and exits 2."""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import json
import os
import socket
import zipfile
from pathlib import Path
from typing import Callable, List

import pytest

from conftest import FAST, NEW, SPEC_GZ, SPEC_PATH, ZIP, ZIP_PATH, Project, run
from update_server import HANG, NO_LENGTH, STALL, TRUNCATE, FixtureServer


def new_spec_json() -> bytes:
    return gzip.decompress((NEW / SPEC_GZ).read_bytes())


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


def rezip(edit: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(NEW / ZIP) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    edit(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def assert_failed(project: Project, before: object, code: int, err: List[str], *words: str) -> None:
    assert code == 2, err
    assert len(err) == 1, err
    assert err[0].startswith("cfn-codegen: error: "), err[0]
    for word in words:
        assert word in err[0], err[0]
    assert project.state() == before
    assert not [p for p in project.specs.iterdir() if p.name.startswith(".")]


def serve(server: FixtureServer, path: str, **changes: object) -> None:
    route = server.routes[path]
    for key, value in changes.items():
        setattr(route, key, value)


# -- HTTP and network --------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 500, 503])
def test_http_errors(project: Project, capsys: pytest.CaptureFixture[str], status: int) -> None:
    if status == 404:
        del project.server.routes[ZIP_PATH]
    else:
        serve(project.server, ZIP_PATH, status=status)
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, ZIP_PATH, f"HTTP {status}")
    attempts = 1 if status == 404 else 2  # 5xx are retried (--retries 1), 404 is not
    assert len(project.server.hits(ZIP_PATH)) == attempts
    if status != 404:
        assert "(after 2 attempts)" in err[0]


def test_connection_refused(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    before = project.state()
    code, _, err = run(capsys, "update-spec", "--url", f"http://127.0.0.1:{port}/CloudformationSchema.zip", *FAST)
    assert_failed(project, before, code, err, f"127.0.0.1:{port}", "cannot connect", "Connection refused", "after 2 attempts")


@pytest.mark.parametrize(
    "mode, words", [(STALL, "the server stalled: no data for 0.3 s after"), (HANG, "no response within 0.3 s")], ids=["stall", "hang"]
)
def test_timeout(project: Project, capsys: pytest.CaptureFixture[str], mode: str, words: str) -> None:
    serve(project.server, SPEC_PATH, mode=mode)
    before = project.state()
    code, _, err = run(capsys, "update-spec", "--timeout", "0.3", "--retries", "1", "--retry-backoff", "0")
    assert_failed(project, before, code, err, SPEC_PATH, words, "(after 2 attempts)")


def test_truncated_body(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    serve(project.server, ZIP_PATH, mode=TRUNCATE)
    size = len((NEW / ZIP).read_bytes())
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "truncated body", f"after {size // 2} of {size} bytes")


# -- corrupt or invalid data ---------------------------------------------------------


def test_corrupt_gzip(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    body = (NEW / SPEC_GZ).read_bytes()
    serve(project.server, SPEC_PATH, body=flip(body, len(body) // 2))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, SPEC_PATH, "corrupt gzip")


def test_gzip_cut_short(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    body = (NEW / SPEC_GZ).read_bytes()
    serve(project.server, SPEC_PATH, body=body[: len(body) - 100])  # complete as HTTP, not as gzip
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "corrupt gzip: truncated")


def test_corrupt_zip_member(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    body = (NEW / ZIP).read_bytes()
    with zipfile.ZipFile(NEW / ZIP) as archive:
        info = archive.infolist()[0]
    data_at = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    serve(project.server, ZIP_PATH, body=flip(body, data_at + info.compress_size // 2))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, f"{ZIP_PATH}!{info.filename}", "corrupt zip member")


def test_corrupt_zip_directory(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    body = (NEW / ZIP).read_bytes()
    serve(project.server, ZIP_PATH, body=body[: len(body) // 2])
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "corrupt zip")


def test_invalid_json(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    raw = new_spec_json()
    serve(project.server, SPEC_PATH, body=gzip.compress(raw[: len(raw) // 2], mtime=0))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, SPEC_PATH, "invalid JSON at line")


def test_invalid_json_in_a_zip_member(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    def cut(members: dict[str, bytes]) -> None:
        members["aws-lambda-function.json"] = members["aws-lambda-function.json"][:100]

    serve(project.server, ZIP_PATH, body=rezip(cut))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "!aws-lambda-function.json", "invalid JSON")


def test_schema_invalid_spec(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    spec = json.loads(new_spec_json())
    spec["ResourceTypes"]["AWS::Lambda::Function"]["Properties"]["MemorySize"]["PrimitiveType"] = "Int"
    serve(project.server, SPEC_PATH, body=gzip.compress(json.dumps(spec).encode(), mtime=0))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(
        project, before, code, err, SPEC_PATH, "/ResourceTypes/AWS::Lambda::Function/Properties/MemorySize/PrimitiveType"
    )


def test_schema_invalid_registry_schema(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    def retype(members: dict[str, bytes]) -> None:
        schema = json.loads(members["aws-lambda-function.json"])
        schema["properties"]["MemorySize"]["maximum"] = "lots"
        members["aws-lambda-function.json"] = json.dumps(schema).encode()

    serve(project.server, ZIP_PATH, body=rezip(retype))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "!aws-lambda-function.json: /properties/MemorySize/maximum")


def test_member_named_for_another_type(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    def rename(members: dict[str, bytes]) -> None:
        members["aws-lambda-eventsourcemapping.json"] = members.pop("aws-lambda-function.json")

    serve(project.server, ZIP_PATH, body=rezip(rename))
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "'AWS::Lambda::Function' belongs in aws-lambda-function.json")


# -- limits and checksums -------------------------------------------------------------


def test_body_over_the_size_limit(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    before = project.state()
    code, _, err = run(capsys, "update-spec", "--max-bytes", "1000", *FAST)
    assert_failed(project, before, code, err, "over the limit of 1000")
    assert len(project.server.hits(SPEC_PATH)) == 1  # refused on its Content-Length: not retried


def test_body_over_the_size_limit_without_length(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    serve(project.server, ZIP_PATH, mode=NO_LENGTH)
    before = project.state()
    code, _, err = run(capsys, "update-spec", "--only", "schemas", "--max-bytes", "5000", *FAST)
    assert_failed(project, before, code, err, ZIP_PATH, "over the limit of 5000")


def test_unpacked_size_over_the_limit(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    packed, unpacked = len((NEW / SPEC_GZ).read_bytes()), len(new_spec_json())
    limit = (packed + unpacked) // 2
    before = project.state()
    code, _, err = run(capsys, "update-spec", "--only", "spec", "--max-bytes", str(limit), *FAST)
    assert_failed(project, before, code, err, f"unpacks to more than the limit of {limit}")


def test_checksum_mismatch_from_the_command_line(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    before = project.state()
    wrong = hashlib.sha256(b"something else").hexdigest()
    code, _, err = run(capsys, "update-spec", "--only", "spec", "--sha256", wrong, *FAST)
    assert_failed(project, before, code, err, "checksum mismatch: --sha256 says", wrong)


def test_checksum_mismatch_from_the_server(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    import base64

    wrong = base64.b64encode(hashlib.sha256(b"something else").digest()).decode()
    serve(project.server, ZIP_PATH, headers={"x-amz-checksum-sha256": wrong})
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "checksum mismatch: the server says")


def test_matching_checksums_pass(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    import base64

    body = (NEW / ZIP).read_bytes()
    serve(project.server, ZIP_PATH, headers={"Content-Digest": f"sha-256=:{base64.b64encode(hashlib.sha256(body).digest()).decode()}:"})
    right = hashlib.sha256((NEW / SPEC_GZ).read_bytes()).hexdigest()
    assert run(capsys, "update-spec", "--only", "spec", "--sha256", right, *FAST)[0] == 0
    assert run(capsys, "update-spec", "--only", "schemas", *FAST)[0] == 0


# -- writing ----------------------------------------------------------------------------

TARGETS = [SPEC_GZ, ZIP, "provenance.json", "CHANGES.md", ".update-spec-journal.json"]


@pytest.mark.parametrize("target", TARGETS)
def test_disk_full(project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """The disk fills up while ``target`` is being written (its fsync fails with ENOSPC)."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        if name.startswith(f".{target}.tmp-"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc")
    monkeypatch.setattr(os, "fsync", fsync)
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "No space left on device", "is unchanged")


def test_writer_raises_enospc(project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import codegen.load.specfiles as specfiles

    def full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(specfiles, "atomic_write_bytes", full)
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "No space left on device", SPEC_GZ)


def test_target_not_writable(project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """As root nothing is read-only: the refusal is simulated where the folder is first written."""

    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(project.specs))

    monkeypatch.setattr("codegen.update.commit.tempfile.mkdtemp", refuse)
    before = project.state()
    code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "cannot write to", "Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_target_read_only(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    before = project.state()
    project.specs.chmod(0o555)
    try:
        code, _, err = run(capsys, "update-spec", *FAST)
    finally:
        project.specs.chmod(0o755)
    assert_failed(project, before, code, err, "not writable")
    assert project.server.requests == []  # found before downloading anything


def test_missing_specs_folder(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    before = project.state()
    code, _, err = run(capsys, "update-spec", "--specs", str(tmp_path / "nowhere"), *FAST)
    assert_failed(project, before, code, err, "nowhere: no such folder")


def test_bad_options(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    before = project.state()
    for args, words in [
        (["--sha256", "00" * 32], "--sha256 needs exactly one input"),
        (["--sha256", "xyz", "--only", "spec"], "64 hexadecimal digits"),
        (["--url", "ftp://example.invalid/x.json"], "only http:// and https://"),
        (["--url", "http://127.0.0.1:1/a.zip", "--file", "b.zip"], "two sources given for the registry schemas"),
    ]:
        code, _, err = run(capsys, "update-spec", *args)
        assert_failed(project, before, code, err, words)
    assert project.server.requests == []


def test_one_update_at_a_time(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    from codegen.update.commit import locked

    before = project.state()
    with locked(project.specs):
        code, _, err = run(capsys, "update-spec", *FAST)
    assert_failed(project, before, code, err, "another update-spec is running on it")
    assert run(capsys, "update-spec", *FAST)[0] == 0  # released
