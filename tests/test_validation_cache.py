"""Validation verdicts remembered by content digest (codegen/load/verdicts.py), and
validation shared out over processes: neither changes what is reported, or when."""

from __future__ import annotations

import copy
import json
import random
import shutil
import zipfile
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import jsonschema
import pytest
from jsonschema.exceptions import best_match

from codegen import parallel
from codegen.errors import SpecError, json_pointer
from codegen.load import inputs as inputs_module
from codegen.load import load_inputs, validate, verdicts
from codegen.load.specfiles import SCHEMA_ZIP_FILE, write_schema_zip
from specs_fixture import REAL_SPECS

# Enough types that validation is shared out over processes (parallel.WORTH_IT).
COUNT = 72


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(verdicts.CACHE_ENV, str(folder))
    return folder


def _real_members() -> Dict[str, bytes]:
    with zipfile.ZipFile(REAL_SPECS / SCHEMA_ZIP_FILE) as archive:
        return {name: archive.read(name) for name in sorted(archive.namelist())}


def specs_with(target: Path, edit: Optional[Callable[[List[str], Dict[str, Any]], None]] = None) -> tuple[Path, List[str]]:
    """The real specs, their zip cut to COUNT members (spread over the alphabet); ``edit``
    changes the parsed members (by name) in place. Returns the folder and the types, in
    the order of their members."""
    shutil.copytree(REAL_SPECS, target)
    real = _real_members()
    names = sorted(real)[:: len(real) // COUNT][:COUNT]
    documents = {name: json.loads(real[name]) for name in names}
    if edit is not None:
        edit(names, documents)
    write_schema_zip(target / SCHEMA_ZIP_FILE, {name: json.dumps(doc).encode() for name, doc in documents.items()})
    return target, [documents[name]["typeName"] for name in names]


class Counted:
    """Counts the documents ``validate.check`` is called on, by schema name."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: Dict[str, int] = {}
        real = validate.check

        def check(document: Any, schema_name: str, file: str, **options: Any) -> None:
            if schema_name != "patch":
                self.calls[schema_name] = self.calls.get(schema_name, 0) + 1
            real(document, schema_name, file, **options)

        monkeypatch.setattr(validate, "check", check)


def error_of(specs: Path, types: Sequence[str], jobs: int) -> str:
    with pytest.raises(SpecError) as caught:
        load_inputs(specs, types, jobs=jobs)
    return str(caught.value)


def test_valid_inputs_are_validated_once(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs, types = specs_with(tmp_path / "specs")
    first = load_inputs(specs, types, jobs=1)
    assert list(cache.glob("valid-*.txt"))
    counted = Counted(monkeypatch)
    second = load_inputs(specs, types, jobs=1)
    assert counted.calls == {}  # neither the registry schemas nor the resource specification
    assert second.type_names == first.type_names and second.registry_schemas == first.registry_schemas


def test_a_changed_input_is_validated_again(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs, types = specs_with(tmp_path / "specs")
    load_inputs(specs, types, jobs=1)

    def describe(names: List[str], documents: Dict[str, Any]) -> None:
        documents[names[3]]["description"] = "changed"

    changed, _ = specs_with(tmp_path / "changed", describe)
    counted = Counted(monkeypatch)
    load_inputs(changed, types, jobs=1)
    assert counted.calls == {"registry-schema": 1}
    # Another choice of types is another verdict on the resource specification.
    load_inputs(changed, types[:-1], jobs=1)
    assert counted.calls == {"registry-schema": 1, "resource-specification": 1}


def test_changed_checks_validate_everything_again(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs, types = specs_with(tmp_path / "specs")
    load_inputs(specs, types, jobs=1)
    monkeypatch.setattr(verdicts, "checks_digest", lambda: "other checks")
    counted = Counted(monkeypatch)
    load_inputs(specs, types, jobs=1)
    assert counted.calls == {"registry-schema": COUNT, "resource-specification": 1}


def test_no_cache_when_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(verdicts.CACHE_ENV, "")
    assert verdicts.cache_folder() is None
    specs, types = specs_with(tmp_path / "specs")
    load_inputs(specs, types[:3], jobs=1)
    counted = Counted(monkeypatch)
    load_inputs(specs, types[:3], jobs=1)
    assert counted.calls == {"registry-schema": 3, "resource-specification": 1}


def test_an_unreadable_cache_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(verdicts.CACHE_ENV, str(blocker / "cache"))
    specs, types = specs_with(tmp_path / "specs")
    load_inputs(specs, types[:3], jobs=1)  # cannot write the verdicts: no error
    counted = Counted(monkeypatch)
    load_inputs(specs, types[:3], jobs=1)
    assert counted.calls == {"registry-schema": 3, "resource-specification": 1}


def _break(names: List[str], documents: Dict[str, Any]) -> None:
    """A structural error in member 10, an error of meaning in member 30, a misplaced
    type in member 50: the first is the one reported."""
    first = sorted(documents[names[10]]["properties"])[0]
    documents[names[10]]["properties"][first]["type"] = 5
    documents[names[30]]["required"] = ["NoSuchProperty"]
    documents[names[50]]["typeName"] = "AWS::Other::Place"


@pytest.mark.parametrize("jobs", [1, 2])
def test_malformed_inputs_give_the_same_error_every_time(tmp_path: Path, cache: Path, jobs: int) -> None:
    specs, types = specs_with(tmp_path / "specs", _break)
    expected = error_of(specs, types, jobs=1)
    assert "!" + sorted(_real_members())[:: len(_real_members()) // COUNT][10] + ": /properties/" in expected
    assert error_of(specs, types, jobs=jobs) == expected
    load_inputs(specs, types[:10], jobs=jobs)  # the members before the bad one, now known valid
    assert error_of(specs, types, jobs=jobs) == expected

    def meaning_first(names: List[str], documents: Dict[str, Any]) -> None:
        _break(names, documents)
        first = sorted(documents[names[10]]["properties"])[0]
        documents[names[10]]["properties"][first]["type"] = "string"

    specs, types = specs_with(tmp_path / "meaning", meaning_first)
    expected = error_of(specs, types, jobs=1)
    assert "/required/0: 'NoSuchProperty' is required but is not one of the properties" in expected
    assert error_of(specs, types, jobs=jobs) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_malformed_resource_specification_entry_is_found_in_parts(tmp_path: Path, cache: Path, jobs: int) -> None:
    specs, types = specs_with(tmp_path / "specs")
    import gzip

    spec_file = specs / "CloudFormationResourceSpecification.json.gz"
    spec = json.loads(gzip.decompress(spec_file.read_bytes()))
    first, second = [t for t in types[40:] if t in spec["ResourceTypes"]][:2]
    spec["ResourceTypes"][first]["Properties"] = {"bad name": {"PrimitiveType": "String"}}
    spec["ResourceTypes"][second]["Documentation"] = 5
    spec_file.write_bytes(gzip.compress(json.dumps(spec).encode(), mtime=0))
    message = error_of(specs, types, jobs=jobs)
    assert message == error_of(specs, types, jobs=1)
    assert f"/ResourceTypes/{first}" in message or f"/ResourceTypes/{second}" in message


def test_parallel_validation_returns_what_one_process_does(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(verdicts.CACHE_ENV, "")
    specs, types = specs_with(tmp_path / "specs")
    one = load_inputs(specs, types, jobs=1)
    two = load_inputs(specs, types, jobs=2)
    assert one == two
    assert len(types) >= parallel.WORTH_IT


# -- the $ref keyword resolved once: jsonschema's verdicts and errors, unchanged ---------


def _plain_validator(schema_name: str) -> Any:
    schema = json.loads((validate.SCHEMA_DIR / f"{schema_name}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    plain: Any = jsonschema.validators.extend(cls, {"pattern": validate._pattern})  # type: ignore[no-untyped-call]
    return plain(schema, format_checker=cls.FORMAT_CHECKER)


def _nodes(document: Any, path: List[Any]) -> List[List[Any]]:
    found = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _nodes(value, path + [key])
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _nodes(value, path + [index])
    return found


def _replace(document: Any, path: List[Any], value: Any) -> Any:
    if not path:
        return value
    result = copy.deepcopy(document)
    node = result
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return result


def _error(validator: Any, document: Any) -> Optional[tuple[str, str, str]]:
    error = best_match(validator.iter_errors(document))
    if error is None:
        return None
    return json_pointer(error.absolute_path), error.message, str(error.validator)


def _compare(schema_name: str, documents: Sequence[Any], rng: random.Random, mutations: int) -> None:
    ours, plain = validate.validator(schema_name), _plain_validator(schema_name)
    values: List[Any] = [5, -1, 1.5, "x", "", [], ["string"], {}, {"type": "nothing"}, None, True, "#/nowhere"]
    for document in documents:
        assert _error(ours, document) == _error(plain, document) is None
        paths = _nodes(document, [])
        for path in rng.sample(paths, min(len(paths), mutations)):
            broken = _replace(document, path, rng.choice(values))
            assert _error(ours, broken) == _error(plain, broken), (schema_name, path)


def test_refs_resolved_once_give_jsonschemas_errors() -> None:
    rng = random.Random(7)
    real = _real_members()
    documents = [json.loads(real[name]) for name in rng.sample(sorted(real), 20)]
    _compare("registry-schema", documents, rng, 15)
    from specs_fixture import real_resource_spec

    spec = real_resource_spec()
    subsets = [inputs_module._spec_subset(spec, rng.sample(sorted(spec["ResourceTypes"]), 3)) for _ in range(6)]
    _compare("resource-specification", subsets, rng, 25)


def test_a_verdict_file_others_may_write_is_not_believed(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs, types = specs_with(tmp_path / "specs")
    load_inputs(specs, types[:3], jobs=1)
    (file,) = cache.glob("valid-*.txt")
    assert file.stat().st_mode & 0o777 == 0o600
    file.chmod(0o622)
    counted = Counted(monkeypatch)
    load_inputs(specs, types[:3], jobs=1)
    assert counted.calls == {"registry-schema": 3, "resource-specification": 1}
    assert file.stat().st_mode & 0o777 == 0o600  # written anew, by this user
