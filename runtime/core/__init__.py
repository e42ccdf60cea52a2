"""cfnpy.core: the hand-written runtime the generated ``cfnpy`` classes stand on.

A lightweight, dependency-free take on the AWS CDK core (construct tree,
tokens, intrinsics, stacks, CloudFormation elements, durations), with the
AWS CDK's Python names and semantics.

Modules:

* ``construct``   -- ``Construct``, ``Node``, ``IConstruct``
* ``token``       -- ``Token``, ``Tokenization``, ``IResolvable``, ``CfnRenderable``, ``Reference``
* ``lazy``        -- ``Lazy``
* ``intrinsics``  -- ``Fn``, ``Aws``
* ``stack``       -- ``App``, ``Stack``
* ``cfn``         -- ``CfnElement``, ``CfnResource``, ``CfnParameter``, ``CfnOutput``, ``CfnCondition``, ``CfnMapping``
* ``resource``    -- ``Resource``, ``IResource`` (L2 base)
* ``duration``    -- ``Duration``
* ``removal``     -- ``RemovalPolicy``, ``CfnDeletionPolicy``
* ``environment`` -- ``Environment``, ``ResourceEnvironment``
* ``arn``         -- ``Arn``, ``ArnFormat``, ``ArnComponents``
* ``names``       -- ``Names``
* ``aspects``     -- ``Aspects``, ``IAspect``, ``AspectPriority``, ``AspectOptions``, ``AspectApplication``
* ``tags``        -- ``Tags``, ``TagManager``, ``TagType``, ``Tag``, ``RemoveTag``, ``TagProps``, ``ITaggable``
* ``errors``      -- ``CfnpyError``, ``ValidationError``, ``SynthesisError``, ``ResolutionError``
"""

from __future__ import annotations

# The submodules load on first use of one of their names (PEP 562): importing a service
# module loads only the parts of the runtime it stands on.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .arn import Arn, ArnComponents, ArnFormat
    from .aspects import AspectApplication, AspectOptions, AspectPriority, Aspects, IAspect
    from .cfn import (
        CfnCondition,
        CfnElement,
        CfnMapping,
        CfnOutput,
        CfnParameter,
        CfnRefElement,
        CfnReference,
        CfnResource,
        CfnResourceOptions,
    )
    from .construct import (
        Construct,
        ConstructOrder,
        IConstruct,
        IDependable,
        IValidation,
        MetadataEntry,
        Node,
    )
    from .duration import Duration
    from .environment import Environment, ResourceEnvironment
    from .errors import CfnpyError, ResolutionError, SynthesisError, ValidationError
    from .intrinsics import Aws, Fn, ICfnConditionExpression, ICfnRuleConditionExpression
    from .lazy import (
        IAnyProducer,
        IListProducer,
        INumberProducer,
        IStableAnyProducer,
        IStableListProducer,
        IStableNumberProducer,
        IStableStringProducer,
        IStringProducer,
        Lazy,
    )
    from .names import Names
    from .removal import CfnDeletionPolicy, RemovalPolicy, RemovalPolicyOptions
    from .resource import IResource, Resource
    from .stack import App, CloudAssembly, Stack, StackArtifact, TemplateOptions
    from .tags import (
        ITaggable,
        ITaggableV2,
        RemoveTag,
        Tag,
        TagManager,
        TagManagerOptions,
        TagProps,
        Tags,
        TagType,
    )
    from .token import (
        CfnRenderable,
        Intrinsic,
        IPostProcessor,
        IResolvable,
        IResolveContext,
        Reference,
        ResolutionTypeHint,
        Token,
        Tokenization,
        TokenizedStringFragments,
    )

_MODULE_OF = {
    "App": "stack",
    "Arn": "arn",
    "ArnComponents": "arn",
    "ArnFormat": "arn",
    "AspectApplication": "aspects",
    "AspectOptions": "aspects",
    "AspectPriority": "aspects",
    "Aspects": "aspects",
    "Aws": "intrinsics",
    "CfnCondition": "cfn",
    "CfnDeletionPolicy": "removal",
    "CfnElement": "cfn",
    "CfnMapping": "cfn",
    "CfnOutput": "cfn",
    "CfnParameter": "cfn",
    "CfnRefElement": "cfn",
    "CfnReference": "cfn",
    "CfnRenderable": "token",
    "CfnResource": "cfn",
    "CfnResourceOptions": "cfn",
    "CfnpyError": "errors",
    "CloudAssembly": "stack",
    "Construct": "construct",
    "ConstructOrder": "construct",
    "Duration": "duration",
    "Environment": "environment",
    "Fn": "intrinsics",
    "IAnyProducer": "lazy",
    "IAspect": "aspects",
    "ICfnConditionExpression": "intrinsics",
    "ICfnRuleConditionExpression": "intrinsics",
    "IConstruct": "construct",
    "IDependable": "construct",
    "IListProducer": "lazy",
    "INumberProducer": "lazy",
    "IPostProcessor": "token",
    "IResolvable": "token",
    "IResolveContext": "token",
    "IResource": "resource",
    "IStableAnyProducer": "lazy",
    "IStableListProducer": "lazy",
    "IStableNumberProducer": "lazy",
    "IStableStringProducer": "lazy",
    "IStringProducer": "lazy",
    "ITaggable": "tags",
    "ITaggableV2": "tags",
    "IValidation": "construct",
    "Intrinsic": "token",
    "Lazy": "lazy",
    "MetadataEntry": "construct",
    "Names": "names",
    "Node": "construct",
    "Reference": "token",
    "RemovalPolicy": "removal",
    "RemovalPolicyOptions": "removal",
    "RemoveTag": "tags",
    "ResolutionError": "errors",
    "ResolutionTypeHint": "token",
    "Resource": "resource",
    "ResourceEnvironment": "environment",
    "Stack": "stack",
    "StackArtifact": "stack",
    "SynthesisError": "errors",
    "Tag": "tags",
    "TagManager": "tags",
    "TagManagerOptions": "tags",
    "TagProps": "tags",
    "TagType": "tags",
    "Tags": "tags",
    "TemplateOptions": "stack",
    "Token": "token",
    "Tokenization": "token",
    "TokenizedStringFragments": "token",
    "ValidationError": "errors",
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "App",
    "Arn",
    "ArnComponents",
    "ArnFormat",
    "AspectApplication",
    "AspectOptions",
    "AspectPriority",
    "Aspects",
    "Aws",
    "CfnCondition",
    "CfnDeletionPolicy",
    "CfnElement",
    "CfnMapping",
    "CfnOutput",
    "CfnParameter",
    "CfnRefElement",
    "CfnReference",
    "CfnRenderable",
    "CfnResource",
    "CfnResourceOptions",
    "CfnpyError",
    "CloudAssembly",
    "Construct",
    "ConstructOrder",
    "Duration",
    "Environment",
    "Fn",
    "IAnyProducer",
    "IAspect",
    "ICfnConditionExpression",
    "ICfnRuleConditionExpression",
    "IConstruct",
    "IDependable",
    "IListProducer",
    "INumberProducer",
    "IPostProcessor",
    "IResolvable",
    "IResolveContext",
    "IResource",
    "IStableAnyProducer",
    "IStableListProducer",
    "IStableNumberProducer",
    "IStableStringProducer",
    "IStringProducer",
    "ITaggable",
    "ITaggableV2",
    "IValidation",
    "Intrinsic",
    "Lazy",
    "MetadataEntry",
    "Names",
    "Node",
    "Reference",
    "RemovalPolicy",
    "RemovalPolicyOptions",
    "RemoveTag",
    "ResolutionError",
    "ResolutionTypeHint",
    "Resource",
    "ResourceEnvironment",
    "Stack",
    "StackArtifact",
    "SynthesisError",
    "Tag",
    "TagManager",
    "TagManagerOptions",
    "TagProps",
    "TagType",
    "Tags",
    "TemplateOptions",
    "Token",
    "Tokenization",
    "TokenizedStringFragments",
    "ValidationError",
]
