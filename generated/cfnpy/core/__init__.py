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
* ``errors``      -- ``CfnpyError``, ``ValidationError``, ``SynthesisError``, ``ResolutionError``
"""

from __future__ import annotations

from .arn import Arn, ArnComponents, ArnFormat
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

__all__ = [
    "App",
    "Arn",
    "ArnComponents",
    "ArnFormat",
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
    "IValidation",
    "Intrinsic",
    "Lazy",
    "MetadataEntry",
    "Names",
    "Node",
    "Reference",
    "RemovalPolicy",
    "RemovalPolicyOptions",
    "ResolutionError",
    "ResolutionTypeHint",
    "Resource",
    "ResourceEnvironment",
    "Stack",
    "StackArtifact",
    "SynthesisError",
    "TemplateOptions",
    "Token",
    "Tokenization",
    "TokenizedStringFragments",
    "ValidationError",
]
