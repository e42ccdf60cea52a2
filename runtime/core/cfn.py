"""CloudFormation elements: resources, parameters, outputs, conditions and mappings."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .construct import _NONE_YET, Construct, IConstruct
from .environment import ResourceEnvironment
from .errors import ResolutionError, ValidationError
from .intrinsics import Fn, ICfnConditionExpression
from .removal import CfnDeletionPolicy, RemovalPolicy
from .stack import Stack, _suggested_id, is_valid_logical_id
from .token import IResolvable, IResolveContext, Reference, ResolutionTypeHint, Token

__all__ = [
    "CfnElement",
    "CfnRefElement",
    "CfnResource",
    "CfnResourceOptions",
    "CfnReference",
    "CfnParameter",
    "CfnOutput",
    "CfnCondition",
    "CfnMapping",
]


def _find_stack(scope: IConstruct) -> Stack | None:
    current: IConstruct | None = scope
    while current is not None:
        if isinstance(current, Stack):
            return current
        current = current.node.scope
    return None


class CfnElement(Construct):
    """An element of a CloudFormation stack.

    :param scope: The parent construct.
    :param id: The construct id.
    """

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        self._cfnpy_stack = Stack.of(self)
        self._cfnpy_logical_id_override: str | None = None

    @staticmethod
    def is_cfn_element(x: Any) -> bool:
        """Returns ``true`` if a construct is a stack element (i.e. part of the synthesized cloudformation template).

        :param x:
        """
        return isinstance(x, CfnElement)

    @property
    def stack(self) -> Stack:
        """The stack in which this element is defined. CfnElements must be defined within a stack scope (directly or indirectly)."""
        return self._cfnpy_stack

    @property
    def logical_id(self) -> str:
        """The logical ID for this CloudFormation stack element.

        The logical ID of the element is calculated from the path of the
        resource node in the construct tree (as the AWS CDK does), unless it
        was overridden with ``override_logical_id``. Unlike the AWS CDK, the
        value is a plain string computed at each access; references (``ref``,
        ``get_att``) always render the final logical id.
        """
        if self._cfnpy_logical_id_override is not None:
            return self._cfnpy_logical_id_override
        return self._cfnpy_stack.get_logical_id(self)

    def override_logical_id(self, new_logical_id: str) -> None:
        """Overrides the auto-generated logical ID with a specific ID.

        :param new_logical_id: The new logical ID to use for this stack element.
        """
        if not isinstance(new_logical_id, str) or not is_valid_logical_id(new_logical_id):
            raise ValidationError(
                f"Invalid logical ID {new_logical_id!r}: logical IDs must match ^[A-Za-z0-9]{{1,255}}$",
                path=self.node.path,
                hint="use only letters and digits" + _suggested_id(new_logical_id),
            )
        self._cfnpy_logical_id_override = new_logical_id

    @property
    def creation_stack(self) -> list[str]:
        """The stack trace of the point where this element was created (not recorded by cfnpy)."""
        return []

    def _to_cloud_formation(self) -> dict[str, Any]:
        """Returns the CloudFormation 'snippet' for this entity, e.g. ``{"Resources": {...}}``.

        The snippet is resolved by the stack, so it may contain tokens.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement _to_cloud_formation()")


class CfnReference(Reference):
    """A Token that represents a CloudFormation reference to another resource (``Ref`` or ``Fn::GetAtt``).

    Use ``CfnReference.for_(element, attribute)``: references are cached, so
    the same attribute of the same element always gives the same token.
    The logical id is read at resolution time, so ``override_logical_id``
    called later is honoured.
    """

    def __init__(
        self,
        target: CfnElement,
        attribute: str,
        type_hint: ResolutionTypeHint | None = None,
    ) -> None:
        super().__init__(None, target, attribute, type_hint)
        self._cfnpy_element = target
        self._cfnpy_attribute = attribute

    @staticmethod
    def for_(
        target: CfnElement,
        attribute: str,
        type_hint: ResolutionTypeHint | None = None,
    ) -> CfnReference:
        """Return the CfnReference for the indicated target and attribute ("Ref" for a Ref).

        :param target:
        :param attribute:
        :param type_hint:
        """
        cache: dict[str, CfnReference] | None = getattr(target, "_cfnpy_references", None)
        if cache is None:
            cache = {}
            setattr(target, "_cfnpy_references", cache)
        reference = cache.get(attribute)
        if reference is None:
            reference = CfnReference(target, attribute, type_hint)
            cache[attribute] = reference
        return reference

    @property
    def attribute(self) -> str:
        """The attribute referenced ("Ref" for a Ref)."""
        return self._cfnpy_attribute

    def resolve(self, context: IResolveContext) -> Any:
        element = self._cfnpy_element
        consumer = _find_stack(context.scope)
        if consumer is not None and consumer is not element.stack:
            raise ResolutionError(
                f"Cross-stack reference from stack '{consumer.node.path}' to "
                f"'{element.node.path}' ({self._cfnpy_attribute}) is not supported by cfnpy",
                path=element.node.path,
                hint="export the value with CfnOutput(..., export_name=...) and read it with Fn.import_value(...)",
            )
        logical_id = element.logical_id
        if self._cfnpy_attribute == "Ref":
            return {"Ref": logical_id}
        return {"Fn::GetAtt": [logical_id, self._cfnpy_attribute]}


class CfnRefElement(CfnElement):
    """Base class for referenceable CloudFormation constructs which are not Resources."""

    @property
    def ref(self) -> str:
        """Return a string that will be resolved to a CloudFormation ``{ Ref }`` for this element.

        If, by any chance, the intrinsic reference of a resource is not a string, you could
        coerce it to an IResolvable through ``Lazy.any({ produce: resource.ref })``.
        """
        return Token.as_string(CfnReference.for_(self, "Ref"))


class CfnResourceOptions:
    """Options for a CloudFormation resource (``resource.cfn_options``)."""

    __slots__ = (
        "condition",
        "creation_policy",
        "deletion_policy",
        "update_policy",
        "update_replace_policy",
        "version",
        "description",
        "metadata",
    )

    def __init__(self) -> None:
        self.condition: CfnCondition | None = None
        """A condition to associate with this resource."""
        self.creation_policy: Any = None
        """The CreationPolicy attribute (CloudFormation-, snake_case- or camelCase-named keys)."""
        self.deletion_policy: CfnDeletionPolicy | str | None = None
        """The DeletionPolicy attribute."""
        self.update_policy: Any = None
        """The UpdatePolicy attribute (CloudFormation-, snake_case- or camelCase-named keys)."""
        self.update_replace_policy: CfnDeletionPolicy | str | None = None
        """The UpdateReplacePolicy attribute."""
        self.version: str | None = None
        """The version of this resource (custom resources only)."""
        self.description: str | None = None
        """The description of this resource (informational)."""
        self.metadata: dict[str, Any] | None = None
        """Metadata associated with the CloudFormation resource."""

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self.__slots__ if getattr(self, name) is not None
        )
        return f"CfnResourceOptions({fields})"


_SNAPSHOTTABLE_RESOURCE_TYPES = frozenset(
    [
        "AWS::DocDB::DBCluster",
        "AWS::EC2::Volume",
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::Neptune::DBCluster",
        "AWS::RDS::DBCluster",
        "AWS::RDS::DBInstance",
        "AWS::Redshift::Cluster",
    ]
)

_MERGE_EXCLUDE_KEYS = frozenset(
    [
        "Ref",
        "Fn::Base64",
        "Fn::Cidr",
        "Fn::FindInMap",
        "Fn::GetAtt",
        "Fn::GetAZs",
        "Fn::ImportValue",
        "Fn::Join",
        "Fn::Select",
        "Fn::Split",
        "Fn::Sub",
        "Fn::Transform",
        "Fn::And",
        "Fn::Equals",
        "Fn::If",
        "Fn::Not",
        "Fn::Or",
    ]
)


def _split_on_periods(path: str) -> list[str]:
    """Split on periods, a backslash escapes the next character."""
    parts = [""]
    i = 0
    while i < len(path):
        char = path[i]
        if char == "\\" and i + 1 < len(path):
            parts[-1] += path[i + 1]
            i += 2
            continue
        if char == ".":
            parts.append("")
        else:
            parts[-1] += char
        i += 1
    return parts


def _list_index(key: str) -> int:
    if not key.isdigit():
        raise ValidationError(f"Cannot apply override key '{key}' to a list: use a numeric index")
    return int(key)


def _get(target: Any, key: str) -> Any:
    if isinstance(target, list):
        index = _list_index(key)
        return target[index] if index < len(target) else None
    return target.get(key)


def _set(target: Any, key: str, value: Any) -> None:
    if isinstance(target, list):
        index = _list_index(key)
        while len(target) <= index:
            target.append(None)
        target[index] = value
    else:
        target[key] = value


def _delete(target: Any, key: str) -> None:
    if isinstance(target, list):
        index = _list_index(key)
        if index < len(target):
            target[index] = None  # a hole, rendered as null (as JavaScript does)
    else:
        target.pop(key, None)


def _is_excluded_intrinsic(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _MERGE_EXCLUDE_KEYS


def deep_merge(target: Any, source: Mapping[str, Any]) -> Any:
    """Merge ``source`` into ``target`` (in place) as the AWS CDK does for overrides.

    ``None`` values delete; intrinsics are replaced, not merged; objects that
    become empty are removed; numeric keys address list elements.
    """
    for key, value in source.items():
        if isinstance(value, dict):
            current = _get(target, key)
            if not isinstance(current, (dict, list)) or _is_excluded_intrinsic(current) or _is_excluded_intrinsic(value):
                current = {}
                _set(target, key, current)
            deep_merge(current, value)
            if not current:
                _delete(target, key)
        elif value is None:
            _delete(target, key)
        else:
            _set(target, key, value)
    return target


def _pascal_key(key: Any) -> Any:
    if not isinstance(key, str) or not key or key.startswith("Fn::") or key == "Ref":
        return key
    if "_" in key:
        return "".join(part[:1].upper() + part[1:] for part in key.split("_"))
    return key[:1].upper() + key[1:]


def _capitalize_property_names(value: Any) -> Any:
    if isinstance(value, list):
        return [_capitalize_property_names(v) for v in value]
    if isinstance(value, dict):
        return {_pascal_key(k): _capitalize_property_names(v) for k, v in value.items()}
    return value


def _path_sort_key(path: str) -> tuple[str, str]:
    # Approximates JavaScript's localeCompare, which the AWS CDK uses to order DependsOn.
    return (path.lower(), path.swapcase())


# The options of a resource that never asked for them (read, never changed).
_NO_OPTIONS = CfnResourceOptions()


class _RenderedResource(IResolvable):
    """Renders a CfnResource at resolution time (like the AWS CDK's PostResolveToken)."""

    def __init__(self, resource: CfnResource) -> None:
        self._resource = resource

    def resolve(self, context: IResolveContext) -> Any:
        resource = self._resource
        options = resource._cfnpy_options or _NO_OPTIONS
        condition = options.condition
        definition: dict[str, Any] = {
            "Type": resource.cfn_resource_type,
            "Properties": resource._cfn_properties(),
            "DependsOn": resource._cfnpy_render_depends_on(),
            "CreationPolicy": options.creation_policy,
            "UpdatePolicy": options.update_policy,
            "UpdateReplacePolicy": options.update_replace_policy,
            "DeletionPolicy": options.deletion_policy,
            "Version": options.version,
            "Description": options.description,
            "Metadata": options.metadata,
            "Condition": condition.logical_id if condition is not None else None,
        }
        rendered: dict[str, Any] = {}
        for key, value in definition.items():
            if value is None:  # most of them: nothing to resolve
                rendered[key] = None
                continue
            resolved = context.resolve(value)
            if key in ("CreationPolicy", "UpdatePolicy"):
                resolved = _capitalize_property_names(resolved)
            if isinstance(resolved, (dict, list)) and not resolved and key in ("Properties", "DependsOn", "Metadata"):
                resolved = None
            # keep the key even when None, so overrides keep the CDK's key order
            rendered[key] = resolved
        if resource._cfnpy_raw_overrides:
            deep_merge(rendered, context.resolve(resource._cfnpy_raw_overrides, remove_empty=False))
        return {key: value for key, value in rendered.items() if value is not None}


class CfnResource(CfnRefElement):
    """Represents a CloudFormation resource.

    :param scope: The parent construct.
    :param id: The construct id.
    :param type: CloudFormation resource type (e.g. ``AWS::S3::Bucket``).
    :param properties: Resource properties, CloudFormation-named. Default: - No resource properties.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        type: str,
        properties: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(scope, id)
        if not type:
            raise ValidationError("The `type` property is required", path=self.node.path)
        self._cfnpy_type = type
        self._cfnpy_properties: dict[str, Any] = dict(properties) if properties else _NONE_YET
        self._cfnpy_options: CfnResourceOptions | None = None  # made on first use
        self._cfnpy_raw_overrides: dict[str, Any] = _NONE_YET  # see Node._children
        self._cfnpy_depends_on: tuple[CfnResource, ...] = ()  # see Node._dependencies

    @staticmethod
    def is_cfn_resource(x: Any) -> bool:
        """Check whether the given object is a CfnResource.

        :param x:
        """
        return isinstance(x, CfnResource)

    @property
    def cfn_resource_type(self) -> str:
        """AWS resource type."""
        return self._cfnpy_type

    @property
    def cfn_options(self) -> CfnResourceOptions:
        """Options for this resource, such as condition, update policy etc."""
        options = self._cfnpy_options
        if options is None:
            options = self._cfnpy_options = CfnResourceOptions()
        return options

    @property
    def env(self) -> ResourceEnvironment:
        """The environment (account/region) of the stack of this resource."""
        return ResourceEnvironment(account=self.stack.account, region=self.stack.region)

    def _cfn_properties(self) -> dict[str, Any]:
        """The CloudFormation-named property values of this resource, still unresolved.

        Default: a copy of the ``properties`` given to the constructor.
        Generated subclasses override this (and validate in it).
        """
        return dict(self._cfnpy_properties)

    def _should_synthesize(self) -> bool:
        """Can be overridden by subclasses to determine if this resource will be rendered into the template."""
        return True

    # -- references -----------------------------------------------------

    def get_att(self, attribute_name: str, type_hint: ResolutionTypeHint | None = None) -> Reference:
        """Returns a token for an runtime attribute of this resource.

        Ideally, use generated attribute accessors (e.g. ``resource.arn``), but this can be used for future compatibility
        in case there is no generated attribute.

        :param attribute_name: The name of the attribute.
        :param type_hint:
        """
        return CfnReference.for_(self, attribute_name, type_hint)

    # -- overrides ------------------------------------------------------

    def add_override(self, path: str, value: Any) -> None:
        """Adds an override to the synthesized CloudFormation resource.

        To add a property override, either use ``add_property_override`` or prefix ``path`` with
        "Properties." (i.e. ``Properties.TopicName``). If the override is nested, separate each
        nested level using a dot (.) in the path parameter. If there is an array as part of the
        nesting, specify the index in the path. To include a literal ``.`` in the property name,
        prefix with a ``\\``. A ``None`` value deletes the value at ``path``.

        The value is not processed or translated: pass raw CloudFormation JSON values.

        :param path: The path of the property, you can use dot notation to override values in complex types.
        :param value: The value. Could be primitive or complex.
        """
        parts = _split_on_periods(path)
        if self._cfnpy_raw_overrides is _NONE_YET:
            self._cfnpy_raw_overrides = {}
        current = self._cfnpy_raw_overrides
        for key in parts[:-1]:
            nested = current.get(key)
            if not isinstance(nested, dict):
                nested = {}
                current[key] = nested
            current = nested
        current[parts[-1]] = value

    def add_deletion_override(self, path: str) -> None:
        """Syntactic sugar for ``add_override(path, None)``.

        :param path: The path of the value to delete.
        """
        self.add_override(path, None)

    def add_property_override(self, property_path: str, value: Any) -> None:
        """Adds an override to a resource property.

        Syntactic sugar for ``add_override("Properties.<...>", value)``.

        :param property_path: The path of the property.
        :param value: The value.
        """
        self.add_override(f"Properties.{property_path}", value)

    def add_property_deletion_override(self, property_path: str) -> None:
        """Adds an override that deletes the value of a property from the resource definition.

        :param property_path: The path to the property.
        """
        self.add_property_override(property_path, None)

    # -- dependencies ---------------------------------------------------

    def add_dependency(self, target: CfnResource) -> None:
        """Indicates that this resource depends on another resource and cannot be provisioned unless the other resource has been successfully provisioned.

        Renders as ``DependsOn`` (sorted, without duplicates). A dependency
        cycle is reported at synthesis.

        :param target:
        """
        self.add_resource_dependency(target)

    def add_depends_on(self, target: CfnResource) -> None:
        """Indicates that this resource depends on another resource (deprecated alias of ``add_dependency``).

        :param target:
        """
        self.add_resource_dependency(target)

    def add_resource_dependency(self, target: CfnResource) -> None:
        """Indicates that this resource depends on another resource and cannot be provisioned unless the other resource has been successfully provisioned.

        :param target:
        """
        if not isinstance(target, CfnResource):
            raise ValidationError(
                f"A resource can only depend on a CfnResource, got {type(target).__name__}",
                path=self.node.path,
                hint="use construct.node.add_dependency(other) for constructs that are not CfnResources",
            )
        if not target._should_synthesize():
            return
        if target is self:
            raise ValidationError(f"Resource '{self.node.path}' cannot depend on itself", path=self.node.path)
        if target.stack is not self.stack:
            raise ValidationError(
                f"'{self.node.path}' cannot depend on '{target.node.path}': they are in different stacks "
                "and cross-stack dependencies are not supported by cfnpy",
                path=self.node.path,
            )
        if not any(existing is target for existing in self._cfnpy_depends_on):
            self._cfnpy_depends_on += (target,)

    def remove_dependency(self, target: CfnResource) -> None:
        """Indicates that this resource no longer depends on another resource.

        :param target:
        """
        self._cfnpy_depends_on = tuple(d for d in self._cfnpy_depends_on if d is not target)

    def remove_resource_dependency(self, target: CfnResource) -> None:
        """Indicates that this resource no longer depends on another resource.

        :param target:
        """
        self.remove_dependency(target)

    def replace_dependency(self, target: CfnResource, new_target: CfnResource) -> None:
        """Replaces one dependency with another.

        :param target: The dependency to replace.
        :param new_target: The new dependency to add.
        """
        if not any(d is target for d in self._cfnpy_depends_on):
            raise ValidationError(f'"{self.node.path}" does not depend on "{target.node.path}"', path=self.node.path)
        self.remove_dependency(target)
        self.add_dependency(new_target)

    def obtain_dependencies(self) -> list[CfnResource]:
        """Retrieves an array of resources this resource depends on."""
        return list(self._cfnpy_depends_on)

    def obtain_resource_dependencies(self) -> list[CfnResource]:
        """Get a shallow copy of dependencies between this resource and other resources in the same stack."""
        return list(self._cfnpy_depends_on)

    def _cfnpy_render_depends_on(self) -> list[str]:
        targets = sorted(
            (d for d in self._cfnpy_depends_on if d._should_synthesize()),
            key=lambda d: _path_sort_key(d.node.path),
        )
        return list(dict.fromkeys(d.logical_id for d in targets))

    # -- metadata and policies -----------------------------------------

    def add_metadata(self, key: str, value: Any) -> None:
        """Add a value to the CloudFormation Resource Metadata.

        Note that this is a different set of metadata from CDK node metadata; this
        metadata ends up in the stack template under the resource, whereas CDK
        node metadata ends up in the Cloud Assembly.

        :param key:
        :param value:
        """
        options = self.cfn_options
        if options.metadata is None:
            options.metadata = {}
        options.metadata[key] = value

    def get_metadata(self, key: str) -> Any:
        """Retrieve a value from the CloudFormation Resource Metadata.

        :param key:
        """
        metadata = self.cfn_options.metadata
        return metadata.get(key) if metadata else None

    def apply_removal_policy(
        self,
        policy: RemovalPolicy | None = None,
        *,
        apply_to_update_replace_policy: bool | None = True,
        default: RemovalPolicy | None = None,
    ) -> None:
        """Sets the deletion policy of the resource based on the removal policy specified.

        The Removal Policy controls what happens to this resource when it stops
        being managed by CloudFormation, either because you've removed it from the
        CDK application or because you've made a change that requires the resource
        to be replaced.

        The resource can be deleted (``RemovalPolicy.DESTROY``), or left in your AWS
        account for data recovery and cleanup later (``RemovalPolicy.RETAIN``). In some
        cases, a snapshot can be taken of the resource prior to deletion
        (``RemovalPolicy.SNAPSHOT``).

        :param policy:
        :param apply_to_update_replace_policy: Apply the same deletion policy to the resource's "UpdateReplacePolicy". Default: true
        :param default: The default policy to apply in case the removal policy is not defined. Default: RETAIN.
        """
        policy = policy or default or RemovalPolicy.RETAIN
        if policy is RemovalPolicy.DESTROY:
            deletion = update_replace = CfnDeletionPolicy.DELETE
        elif policy is RemovalPolicy.RETAIN:
            deletion = update_replace = CfnDeletionPolicy.RETAIN
        elif policy is RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE:
            deletion = CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE
            update_replace = CfnDeletionPolicy.RETAIN
        elif policy is RemovalPolicy.SNAPSHOT:
            if self.cfn_resource_type not in _SNAPSHOTTABLE_RESOURCE_TYPES:
                import warnings

                warnings.warn(
                    f"{self.cfn_resource_type} does not support snapshot removal policy. "
                    f"This policy will be ignored. (at '{self.node.path}')",
                    stacklevel=2,
                )
            deletion = update_replace = CfnDeletionPolicy.SNAPSHOT
        else:
            raise ValidationError(f"Invalid removal policy: {policy!r}", path=self.node.path)
        self.cfn_options.deletion_policy = deletion
        if apply_to_update_replace_policy is not False:
            self.cfn_options.update_replace_policy = update_replace

    # -- rendering ------------------------------------------------------

    def _to_cloud_formation(self) -> dict[str, Any]:
        if not self._should_synthesize():
            return {}
        return {"Resources": {self.logical_id: _RenderedResource(self)}}

    def to_string(self) -> str:
        """Returns a string representation of this construct."""
        return f"{super().to_string()} [{self._cfnpy_type}]"


_LIST_PARAMETER_MARKERS = ("List<", "CommaDelimitedList")


def _is_list_type(type_name: str) -> bool:
    return any(marker in type_name for marker in _LIST_PARAMETER_MARKERS)


def _is_number_type(type_name: str) -> bool:
    return type_name == "Number"


class CfnParameter(CfnElement, IResolvable):
    """A CloudFormation parameter.

    Use the optional Parameters section to customize your templates.
    Parameters enable you to input custom values to your template each time
    you create or update a stack.

    :param scope: The parent construct.
    :param id: The construct id.
    :param type: The data type for the parameter (DataType). Default: String
    :param default: A value of the appropriate type for the template to use if no value is specified when a stack is created.
    :param allowed_pattern: A regular expression that represents the patterns to allow for String types.
    :param allowed_values: An array containing the list of values allowed for the parameter.
    :param constraint_description: A string that explains a constraint when the constraint is violated.
    :param description: A string of up to 4000 characters that describes the parameter.
    :param max_length: An integer value that determines the largest number of characters you want to allow for String types.
    :param max_value: A numeric value that determines the largest numeric value you want to allow for Number types.
    :param min_length: An integer value that determines the smallest number of characters you want to allow for String types.
    :param min_value: A numeric value that determines the smallest numeric value you want to allow for Number types.
    :param no_echo: Whether to mask the parameter value when anyone makes a call that describes the stack.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        type: str | None = "String",
        default: Any = None,
        allowed_pattern: str | None = None,
        allowed_values: Sequence[str] | None = None,
        constraint_description: str | None = None,
        description: str | None = None,
        max_length: float | None = None,
        max_value: float | None = None,
        min_length: float | None = None,
        min_value: float | None = None,
        no_echo: bool | None = None,
    ) -> None:
        super().__init__(scope, id)
        self.type: str = type or "String"
        """The data type for the parameter (DataType)."""
        self.default: Any = default
        """A value of the appropriate type for the template to use if no value is specified when a stack is created."""
        self.allowed_pattern = allowed_pattern
        """A regular expression that represents the patterns to allow for String types."""
        self.allowed_values: list[str] | None = list(allowed_values) if allowed_values is not None else None
        """An array containing the list of values allowed for the parameter."""
        self.constraint_description = constraint_description
        """A string that explains a constraint when the constraint is violated."""
        self.description = description
        """A string of up to 4000 characters that describes the parameter."""
        self.max_length = max_length
        """An integer value that determines the largest number of characters you want to allow for String types."""
        self.max_value = max_value
        """A numeric value that determines the largest numeric value you want to allow for Number types."""
        self.min_length = min_length
        """An integer value that determines the smallest number of characters you want to allow for String types."""
        self.min_value = min_value
        """A numeric value that determines the smallest numeric value you want to allow for Number types."""
        self.no_echo = no_echo
        """Indicates if this parameter is configured with "NoEcho" enabled."""

    def _type_hint(self) -> ResolutionTypeHint:
        if _is_list_type(self.type):
            return ResolutionTypeHint.STRING_LIST
        if _is_number_type(self.type):
            return ResolutionTypeHint.NUMBER
        return ResolutionTypeHint.STRING

    @property
    def value(self) -> IResolvable:
        """The parameter value as a Token."""
        return CfnReference.for_(self, "Ref", self._type_hint())

    @property
    def value_as_string(self) -> str:
        """The parameter value, if it represents a string."""
        if _is_list_type(self.type):
            raise ValidationError(
                f"Parameter type ({self.type}) is not a string or number type",
                path=self.node.path,
                hint="use value_as_list",
            )
        return Token.as_string(self.value)

    @property
    def value_as_number(self) -> float:
        """The parameter value, if it represents a number."""
        if not _is_number_type(self.type):
            raise ValidationError(
                f"Parameter type ({self.type}) is not a number type",
                path=self.node.path,
                hint="declare the parameter with type='Number'",
            )
        return Token.as_number(self.value)

    @property
    def value_as_list(self) -> list[str]:
        """The parameter value, if it represents a string list."""
        if not _is_list_type(self.type):
            raise ValidationError(
                f"Parameter type ({self.type}) is not a string list type",
                path=self.node.path,
                hint="declare the parameter with type='CommaDelimitedList' or 'List<...>'",
            )
        return Token.as_list(self.value)

    def resolve(self, context: IResolveContext) -> Any:
        """Resolves to the parameter's ``Ref``.

        :param context:
        """
        return self.value

    def _to_cloud_formation(self) -> dict[str, Any]:
        return {
            "Parameters": {
                self.logical_id: {
                    "Type": self.type,
                    "Default": self.default,
                    "AllowedPattern": self.allowed_pattern,
                    "AllowedValues": self.allowed_values,
                    "ConstraintDescription": self.constraint_description,
                    "Description": self.description,
                    "MaxLength": self.max_length,
                    "MaxValue": self.max_value,
                    "MinLength": self.min_length,
                    "MinValue": self.min_value,
                    "NoEcho": self.no_echo,
                }
            }
        }


class CfnOutput(CfnElement):
    """A CloudFormation output.

    :param scope: The parent construct.
    :param id: The construct id.
    :param value: The value of the property returned by the aws cloudformation describe-stacks command. The value of an output can include literals, parameter references, pseudo-parameters, a mapping value, or the following intrinsic functions.
    :param description: A String type that describes the output value. The description can be a maximum of 4 K in length. Default: - No description.
    :param export_name: The name used to export the value of this output across stacks. Default: - the output is not exported
    :param condition: A condition to associate with this output value. Default: - No condition is associated with the output.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        value: Any,
        description: str | None = None,
        export_name: str | None = None,
        condition: CfnCondition | None = None,
    ) -> None:
        super().__init__(scope, id)
        if value is None:
            raise ValidationError(
                f'Missing value for CloudFormation output at path "{self.node.path}"', path=self.node.path
            )
        self.value: Any = value
        """The value of the property returned by the aws cloudformation describe-stacks command."""
        self.description = description
        """A String type that describes the output value."""
        self.export_name = export_name
        """The name used to export the value of this output across stacks."""
        self.condition = condition
        """A condition to associate with this output value."""

    @property
    def import_value(self) -> str:
        """Return the ``Fn.import_value`` expression to import this value into another stack.

        The returned value should not be used in the same stack, but in a
        different one. It must be deployed to the same environment, as
        CloudFormation exports can only be imported in the same Region and account.
        """
        if not self.export_name:
            raise ValidationError(
                "cannot create an ImportValue without an export name",
                path=self.node.path,
                hint="pass export_name=... to the CfnOutput",
            )
        return Fn.import_value(self.export_name)

    def _to_cloud_formation(self) -> dict[str, Any]:
        return {
            "Outputs": {
                self.logical_id: {
                    "Description": self.description,
                    "Value": self.value,
                    "Export": {"Name": self.export_name} if self.export_name is not None else None,
                    "Condition": self.condition.logical_id if self.condition is not None else None,
                }
            }
        }


class CfnCondition(CfnElement, ICfnConditionExpression):
    """Represents a CloudFormation condition, for resources which must be conditionally created and the determination must be made at deploy time.

    :param scope: The parent construct.
    :param id: The construct id.
    :param expression: The expression that the condition will evaluate. Default: - None.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        expression: ICfnConditionExpression | None = None,
    ) -> None:
        super().__init__(scope, id)
        self.expression = expression
        """The condition statement."""

    def resolve(self, context: IResolveContext) -> Any:
        """Synthesizes the condition (``{"Condition": logicalId}``).

        :param context:
        """
        return {"Condition": self.logical_id}

    def _to_cloud_formation(self) -> dict[str, Any]:
        if self.expression is None:
            return {}
        return {"Conditions": {self.logical_id: self.expression}}


class CfnMapping(CfnElement):
    """Represents a CloudFormation mapping.

    :param scope: The parent construct.
    :param id: The construct id.
    :param mapping: Mapping of key to a set of corresponding set of named values.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        mapping: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        super().__init__(scope, id)
        self._cfnpy_mapping: dict[str, dict[str, Any]] = {
            key: dict(values) for key, values in (mapping or {}).items()
        }

    def set_value(self, key1: str, key2: str, value: Any) -> None:
        """Sets a value in the map based on the two keys.

        :param key1: -
        :param key2: -
        :param value:
        """
        self._cfnpy_mapping.setdefault(key1, {})[key2] = value

    def find_in_map(self, key1: str, key2: str, default_value: str | None = None) -> str:
        """Returns a token that resolves to ``Fn::FindInMap`` on this mapping.

        :param key1: -
        :param key2: -
        :param default_value:
        """
        if default_value is None and not Token.is_unresolved(key1):
            if key1 not in self._cfnpy_mapping:
                raise ValidationError(f"Mapping doesn't contain top-level key '{key1}'", path=self.node.path)
            if not Token.is_unresolved(key2) and key2 not in self._cfnpy_mapping[key1]:
                raise ValidationError(f"Mapping doesn't contain second-level key '{key2}'", path=self.node.path)
        from .lazy import Lazy

        name = Lazy.uncached_string(lambda _context: self.logical_id, display_hint=f"{self.node.id}.LogicalId")
        return Fn.find_in_map(name, key1, key2, default_value)

    def _to_cloud_formation(self) -> dict[str, Any]:
        if not self._cfnpy_mapping:
            return {}
        return {"Mappings": {self.logical_id: self._cfnpy_mapping}}
