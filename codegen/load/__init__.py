"""Reading and validating the inputs in ``specs/``."""

from codegen.load.inputs import Inputs, load_inputs

__all__ = ["Inputs", "load_inputs"]
