"""Service modules whose classes load on first use (PEP 562).

Each generated resource lives in a module of its own (``cfnpy.aws_s3._cfn_bucket``);
the service module (``cfnpy.aws_s3``) names them all but imports one only when it is
asked for, so ``import cfnpy.aws_ec2`` does not build hundreds of classes it may never
use. Type checkers see ordinary imports (the service module imports every name under
``typing.TYPE_CHECKING``).
"""

from __future__ import annotations

import sys
from typing import Any, Callable, List, Sequence, Tuple


def lazy_exports(
    module_name: str, table: Sequence[Tuple[str, Sequence[str]]]
) -> Tuple[Callable[[str], Any], Callable[[], List[str]]]:
    """``__getattr__`` and ``__dir__`` for the module ``module_name``: ``table`` pairs each
    submodule (``"._cfn_bucket"``) with the names it defines."""
    where = {name: submodule for submodule, names in table for name in names}

    def __getattr__(name: str) -> Any:
        submodule = where.get(name)
        if submodule is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        loaded = __import__(module_name + submodule, fromlist=(name,))
        value = getattr(loaded, name)
        setattr(sys.modules[module_name], name, value)  # later lookups skip this function
        return value

    def __dir__() -> List[str]:
        return sorted(set(vars(sys.modules[module_name])) | set(where))

    return __getattr__, __dir__


__all__ = ["lazy_exports"]
