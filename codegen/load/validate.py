"""Structural validation of the inputs with jsonschema, before anything reads them.

Each input format has a schema in ``schemas/`` that states what the loaders rely
on. A document that breaks it is reported as one line: file, JSON pointer of the
deepest relevant error, and the reason.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match

from codegen.errors import SpecError, json_pointer

SCHEMA_DIR = Path(__file__).with_name("schemas")


@functools.lru_cache(maxsize=None)
def validator(schema_name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _reason(error: jsonschema.ValidationError) -> str:
    message = error.message
    if len(message) > 300:
        message = message[:300] + "..."
    return f"{message} (rule: {error.validator})"


def check(document: Any, schema_name: str, file: str) -> None:
    """Raise SpecError for the most relevant structural error in ``document``, if any."""
    try:
        error = best_match(validator(schema_name).iter_errors(document))
    except RecursionError:
        raise SpecError(file, "", "nested too deeply") from None
    if error is not None:
        raise SpecError(file, json_pointer(error.absolute_path), _reason(error))
