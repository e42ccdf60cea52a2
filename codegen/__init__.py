"""cfn-codegen: generate the typed ``cfnpy`` package from the AWS CloudFormation specs.

The pipeline, one package per step: ``load`` (read and validate the inputs) ->
``model`` (merge them into one intermediate model) -> ``render`` (jinja2
templates, formatted with black) -> ``write`` (atomic swap of the output).
"""

__version__ = "0.1.0"
