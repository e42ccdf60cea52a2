"""Writing outputs so that a failure never leaves half of them behind."""

from codegen.write.atomic import atomic_write_bytes, replace_tree

__all__ = ["atomic_write_bytes", "replace_tree"]
