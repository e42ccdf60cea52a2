"""Tags, as in AWS CDK: ``TagManager``, ``TagType``, and the ``Tags.of(scope)`` aspects.

Each taggable L1 resource has a ``TagManager`` (``resource.tags``) holding the tags set
on it with a priority; its ``Tags`` property (``tags_raw`` in Python) holds the tags
given directly to the resource, which count with priority 50 when the template is
rendered: below ``Tags.of(scope).add`` (100) and ``Tags.of(scope).remove`` (200), so a
tag added to a scope overrides an initial tag of the same key, and a removal removes it.
The rendered tags are sorted by key, in the shape the resource's CloudFormation type
takes (a list of ``Key``/``Value`` objects, with ``PropagateAtLaunch`` for Auto Scaling
groups, or a map).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .aspects import AspectPriority, Aspects
from .construct import IConstruct
from .errors import ValidationError
from .token import IResolvable, Token

if TYPE_CHECKING:
    from ._props import CfnResourceBase

__all__ = [
    "TagType",
    "TagManager",
    "TagManagerOptions",
    "ITaggable",
    "ITaggableV2",
    "TagProps",
    "Tag",
    "RemoveTag",
    "Tags",
]

# The priority of the tags given to a resource directly (AWS CDK's ``externalTagPriority``).
_EXTERNAL_TAG_PRIORITY = 50


class TagType(Enum):
    """How a resource type takes its tags in CloudFormation."""

    STANDARD = "STANDARD"
    """A list of ``{"Key": ..., "Value": ...}`` objects."""
    AUTOSCALING_GROUP = "AUTOSCALING_GROUP"
    """A list of ``{"Key": ..., "Value": ..., "PropagateAtLaunch": ...}`` objects."""
    MAP = "MAP"
    """A map of key to value."""
    KEY_VALUE = "KEY_VALUE"
    """A list of ``{"Key": ..., "Value": ...}`` objects (as stack tags)."""
    NOT_TAGGABLE = "NOT_TAGGABLE"
    """Not taggable: tags set on its manager are not rendered."""


class _Tag:
    __slots__ = ("key", "value", "priority", "apply_to_launched_instances")

    def __init__(self, key: str, value: Any, priority: float, apply_to_launched_instances: bool = True) -> None:
        self.key = key
        self.value = value
        self.priority = priority
        self.apply_to_launched_instances = apply_to_launched_instances

    def __repr__(self) -> str:
        return f"_Tag({self.key!r}, {self.value!r}, priority={self.priority!r})"


def _as_string(value: Any) -> Any:
    """A tag key or value as a string (a token as a string token), as AWS CDK's `${value}`."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, IResolvable):
        return Token.as_string(value)
    if isinstance(value, float) and value.is_integer() and not Token.is_unresolved(value):
        return str(int(value))
    if isinstance(value, float) and Token.is_unresolved(value):
        return Token.as_string(value)
    return str(value)


def _field(item: Any, *names: str) -> Any:
    """The field of a tag structure (a generated property type or a dict), by any of its spellings."""
    values = getattr(item, "_cfn_values", None)
    if callable(values) and not isinstance(item, Mapping):
        item = values()
    if isinstance(item, Mapping):
        for name in names:
            if name in item:
                return item[name]
    return None


_KEY = ("Key", "key")
_VALUE = ("Value", "value")
_PROPAGATE = ("PropagateAtLaunch", "propagate_at_launch", "propagateAtLaunch")


def _cfn_item(item: Any) -> Any:
    """A tag that could not be parsed (it holds tokens), kept as it is; a dict with
    snake_case or camelCase keys gets CloudFormation's names."""
    if isinstance(item, Mapping) and not isinstance(item, IResolvable):
        renamed: dict[Any, Any] = {}
        for key, value in item.items():
            if key in _KEY:
                key = "Key"
            elif key in _VALUE:
                key = "Value"
            elif key in _PROPAGATE:
                key = "PropagateAtLaunch"
            renamed[key] = value
        return renamed
    return item


def _whole_token(tags: Any) -> bool:
    return isinstance(tags, IResolvable) or (isinstance(tags, (str, list, float)) and Token.is_unresolved(tags))


class _Formatter:
    """Converts between CloudFormation's shape of tags and the manager's tags."""

    kind = "a list of {Key, Value}"

    def parse(self, tags: Any, priority: float) -> tuple[list[_Tag], Any]:
        """The tags found in ``tags``, and the ones that cannot be read (tokens), kept as they are."""
        if _whole_token(tags):
            return [], tags
        if isinstance(tags, (str, bytes)) or not isinstance(tags, Sequence):
            raise ValidationError(f"Invalid tag input expected {self.kind} have {tags!r}")
        parsed: list[_Tag] = []
        dynamic: list[Any] = []
        for item in tags:
            tag = None if isinstance(item, IResolvable) else self.parse_item(item, priority)
            if tag is None:
                dynamic.append(_cfn_item(item))
            else:
                parsed.append(tag)
        return parsed, dynamic

    def parse_item(self, item: Any, priority: float) -> _Tag | None:
        key, value = _field(item, *_KEY), _field(item, *_VALUE)
        if key is None or value is None:
            return None
        return _Tag(_as_string(key), _as_string(value), priority)

    def format(self, tags: list[_Tag]) -> Any:
        return [{"Key": tag.key, "Value": tag.value} for tag in tags]


class _StandardFormatter(_Formatter):
    pass


class _KeyValueFormatter(_Formatter):
    def parse(self, tags: Any, priority: float) -> tuple[list[_Tag], Any]:
        if isinstance(tags, Mapping) and not isinstance(tags, IResolvable):
            return [_Tag(_as_string(k), _as_string(v), priority) for k, v in tags.items()], []
        return super().parse(tags, priority)


class _AsgFormatter(_Formatter):
    kind = "a list of {Key, Value, PropagateAtLaunch}"

    def parse_item(self, item: Any, priority: float) -> _Tag | None:
        tag = super().parse_item(item, priority)
        propagate = _field(item, *_PROPAGATE)
        if tag is None or propagate is None or Token.is_unresolved(propagate):
            return None
        if isinstance(propagate, str):
            propagate = propagate.lower() == "true"
        tag.apply_to_launched_instances = bool(propagate)
        return tag

    def format(self, tags: list[_Tag]) -> Any:
        return [
            {"Key": tag.key, "Value": tag.value, "PropagateAtLaunch": tag.apply_to_launched_instances is not False}
            for tag in tags
        ]


class _MapFormatter(_Formatter):
    kind = "a map of {key: value}"

    def parse(self, tags: Any, priority: float) -> tuple[list[_Tag], Any]:
        if _whole_token(tags):
            return [], tags
        if not isinstance(tags, Mapping):
            raise ValidationError(f"Invalid tag input expected {self.kind} have {tags!r}")
        return [_Tag(_as_string(key), _as_string(value), priority) for key, value in tags.items()], None

    def format(self, tags: list[_Tag]) -> Any:
        return {tag.key: tag.value for tag in tags}


class _NoFormat(_Formatter):
    def parse(self, tags: Any, priority: float) -> tuple[list[_Tag], Any]:
        return [], None

    def format(self, tags: list[_Tag]) -> Any:
        return None


_FORMATTERS: dict[TagType, _Formatter] = {
    TagType.STANDARD: _StandardFormatter(),
    TagType.KEY_VALUE: _KeyValueFormatter(),
    TagType.AUTOSCALING_GROUP: _AsgFormatter(),
    TagType.MAP: _MapFormatter(),
    TagType.NOT_TAGGABLE: _NoFormat(),
}


def _char_class(char: str) -> int:
    # JavaScript's localeCompare (ICU): punctuation and symbols, then digits, then letters.
    if char.isalpha():
        return 2
    if char.isdigit():
        return 1
    return 0


def _key_order(key: str) -> tuple[Any, ...]:
    """An approximation of JavaScript's ``localeCompare``, by which AWS CDK sorts tags."""
    return (tuple((_char_class(c), c.lower()) for c in key), key.swapcase())


def _tag_type(value: TagType | str) -> TagType:
    if isinstance(value, TagType):
        return value
    try:
        return TagType[value]
    except KeyError:
        pass
    try:
        return TagType(value)
    except ValueError:
        allowed = ", ".join(t.name for t in TagType)
        raise ValidationError(f"Unknown tag type {value!r}: expected one of {allowed}") from None


@runtime_checkable
class ITaggable(Protocol):
    """Interface to implement tags."""

    @property
    def tags(self) -> TagManager:
        """TagManager to set, remove and format tags."""
        ...


@runtime_checkable
class ITaggableV2(Protocol):
    """Modernized version of ITaggable (the manager is ``cdk_tag_manager``)."""

    @property
    def cdk_tag_manager(self) -> TagManager:
        """TagManager to set, remove and format tags."""
        ...


class TagManagerOptions:
    """Options to configure TagManager behavior.

    :param tag_property_name: The name of the property in CloudFormation for these tags. Normally this is ``tags``, but Cognito UserPool uses UserPoolTags. Default: "tags"
    """

    __slots__ = ("tag_property_name",)

    def __init__(self, *, tag_property_name: str | None = None) -> None:
        self.tag_property_name = tag_property_name

    def __repr__(self) -> str:
        return f"TagManagerOptions(tag_property_name={self.tag_property_name!r})"


class TagManager:
    """TagManager facilitates a common implementation of tagging for Constructs.

    Normally, you do not need to use this class, as the CloudFormation specification
    will indicate which resources are taggable. However, sometimes you will need this
    to make custom resources taggable. Use ``tag_manager.rendered_tags`` to obtain a
    value that will resolve to the tags at synthesis time.

    The rendered tags use CloudFormation's names (``Key``, ``Value``, ``PropagateAtLaunch``).

    :param tag_type: How the resource type takes its tags.
    :param resource_type_name: The CloudFormation resource type (for ``include_resource_types``/``exclude_resource_types``).
    :param initial_tags: Tags given to the resource, in its CloudFormation shape; they have priority 50.
    :param tag_property_name: The name of the property in CloudFormation for these tags. Default: "tags"
    """

    def __init__(
        self,
        tag_type: TagType | str,
        resource_type_name: str,
        initial_tags: Any = None,
        *,
        tag_property_name: str | None = None,
    ) -> None:
        self._tag_type = _tag_type(tag_type)
        self._formatter = _FORMATTERS[self._tag_type]
        self._resource_type_name = resource_type_name
        self.tag_property_name: str = tag_property_name or "tags"
        """The property name for tag values (normally ``tags``)."""
        self._tags: dict[str, _Tag] = {}
        self._priorities: dict[str, float] = {}
        self._dynamic_tags: Any = None
        self._rendered: IResolvable | None = None
        self._did_have_initial_tags = initial_tags is not None
        if initial_tags is not None:
            parsed, self._dynamic_tags = self._formatter.parse(initial_tags, _EXTERNAL_TAG_PRIORITY)
            self._set(parsed, self._tags, self._priorities)

    # -- lookup -----------------------------------------------------------

    @staticmethod
    def is_taggable(construct: Any) -> bool:
        """Check whether the given construct is Taggable.

        :param construct:
        """
        if _resource_tag_type(construct) is not None:
            return True
        try:
            return isinstance(getattr(construct, "tags", None), TagManager)
        except Exception:  # a ``tags`` property that cannot be read here
            return False

    @staticmethod
    def is_taggable_v2(construct: Any) -> bool:
        """Check whether the given construct is ITaggableV2.

        :param construct:
        """
        try:
            return isinstance(getattr(construct, "cdk_tag_manager", None), TagManager)
        except Exception:
            return False

    @staticmethod
    def of(construct: Any) -> TagManager | None:
        """Return the TagManager associated with the given construct, if any.

        :param construct:
        """
        if TagManager.is_taggable_v2(construct):
            manager: TagManager = construct.cdk_tag_manager
            return manager
        if _resource_tag_type(construct) is not None:
            return _resource_tag_manager(construct)
        if TagManager.is_taggable(construct):
            tags: TagManager = construct.tags
            return tags
        return None

    # -- tags -------------------------------------------------------------

    @property
    def tag_type(self) -> TagType:
        """How the resource takes its tags."""
        return self._tag_type

    @property
    def resource_type_name(self) -> str:
        """The CloudFormation resource type of the tagged resource."""
        return self._resource_type_name

    @property
    def rendered_tags(self) -> IResolvable:
        """A lazy value that represents the rendered tags at synthesis time.

        If you need to make a custom construct taggable, use the value of this
        property to pass to the ``tags`` property of the underlying construct.
        """
        if self._rendered is None:
            from .lazy import Lazy

            self._rendered = Lazy.uncached_any(lambda _context: self.render_tags())
        return self._rendered

    def set_tag(self, key: str, value: str, priority: float = 0, apply_to_launched_instances: bool = True) -> None:
        """Adds the specified tag to the array of tags.

        The tag replaces a tag of the same key set with a priority lower than or equal to ``priority``.

        :param key: -
        :param value: -
        :param priority: -
        :param apply_to_launched_instances: -
        """
        _check_key(key)
        if value is None:
            raise ValidationError(f"Tag '{key}' must have a value")
        tag = _Tag(_as_string(key), _as_string(value), priority, apply_to_launched_instances is not False)
        self._set([tag], self._tags, self._priorities)

    def remove_tag(self, key: str, priority: float) -> None:
        """Removes the specified tag from the array if it exists.

        :param key: The tag to remove.
        :param priority: The priority of the remove operation.
        """
        if priority >= self._priorities.get(key, 0):
            self._tags.pop(key, None)
            self._priorities[key] = priority

    def render_tags(self, combine_with_tags: Any = None) -> Any:
        """Renders tags into the proper format based on TagType.

        This method will eagerly render the tags currently applied. In most cases, you
        should be using ``tag_manager.rendered_tags`` instead, which will return a ``Lazy``
        value that will resolve to the correct tags at synthesis time.

        :param combine_with_tags: Tags given to the resource directly (its CloudFormation
            shape: tag structures or dicts, or a map), with priority 50. Tags that hold
            tokens where a key or value is expected are kept as they are, after the others.
        :returns: the tags in CloudFormation's shape, sorted by key, or None if there are none.
        """
        if combine_with_tags is not None and self._did_have_initial_tags:
            raise ValidationError(
                "Specify external tags either during the creation of TagManager, or as a parameter to "
                "renderTags(), but not both"
            )
        tags, dynamic = self._tags, self._dynamic_tags
        if combine_with_tags is not None:
            parsed, dynamic = self._formatter.parse(combine_with_tags, _EXTERNAL_TAG_PRIORITY)
            if parsed:
                # Not kept in the manager: changing the resource's tags later changes what renders.
                tags, priorities = dict(self._tags), dict(self._priorities)
                self._set(parsed, tags, priorities)
        formatted = self._formatter.format(sorted(tags.values(), key=lambda t: _key_order(t.key)))
        if _whole_token(dynamic):
            if formatted:
                raise ValidationError(
                    f"Cannot combine the tags of a {self._resource_type_name} given as a token with the tags "
                    f"set by Tags.of() or tags.set_tag() ({', '.join(sorted(tags))})",
                    hint="give the tags as a list (or map) whose keys and values may be tokens, or leave this "
                    "resource type out: Tags.of(scope).add(..., exclude_resource_types=["
                    f"{self._resource_type_name!r}])",
                )
            return dynamic
        if formatted is None:
            return None
        if isinstance(formatted, list):
            combined = formatted + list(dynamic or ())
            return combined or None
        merged = dict(formatted)
        if isinstance(dynamic, Mapping):
            merged.update(dynamic)
        return merged or None

    def tag_values(self) -> dict[str, str]:
        """Render the tags in a readable format (key to value, sorted by key)."""
        return {tag.key: tag.value for tag in sorted(self._tags.values(), key=lambda t: _key_order(t.key))}

    def apply_tag_aspect_here(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> bool:
        """Determine if the aspect applies here.

        Looks at the include and exclude resourceTypeName arrays to determine if the aspect applies here.

        :param include: -
        :param exclude: -
        """
        if exclude and self._resource_type_name in exclude:
            return False
        if include and self._resource_type_name not in include:
            return False
        return True

    def has_tags(self) -> bool:
        """Returns true if there are any tags defined."""
        return bool(self._tags)

    @staticmethod
    def _set(tags: list[_Tag], into: dict[str, _Tag], priorities: dict[str, float]) -> None:
        for tag in tags:
            if tag.priority >= priorities.get(tag.key, 0):
                into[tag.key] = tag
                priorities[tag.key] = tag.priority

    def __repr__(self) -> str:
        return f"<TagManager {self._tag_type.name} {self._resource_type_name} {self.tag_values()!r}>"


def _check_key(key: Any) -> None:
    if not isinstance(key, str):
        if isinstance(key, IResolvable):
            return
        raise ValidationError(f"A tag key must be a string, got {type(key).__name__}: {key!r}")


# -- the generated L1 classes -------------------------------------------------

_MANAGER = "_cfnpy_tag_manager"


def _resource_tag_type(construct: Any) -> TagType | None:
    """The tag type of a generated L1 resource (its class's ``_tag_type``), if it is taggable."""
    name = getattr(type(construct), "_tag_type", None)
    if name is None or not callable(getattr(construct, "_tag_manager", None)):
        return None
    tag_type = _tag_type(name)
    return None if tag_type is TagType.NOT_TAGGABLE else tag_type


def _resource_tag_manager(resource: Any) -> TagManager:
    """The TagManager of a generated L1 resource, created on first use."""
    manager = getattr(resource, _MANAGER, None)
    if isinstance(manager, TagManager):
        return manager
    tag_type = _tag_type(getattr(type(resource), "_tag_type", None) or TagType.NOT_TAGGABLE)
    manager = TagManager(tag_type, resource.cfn_resource_type, tag_property_name="tags")
    setattr(resource, _MANAGER, manager)
    return manager


def _tags_prop(cls: type[CfnResourceBase]) -> Any:
    """The ``Prop`` of the resource's tags: ``_tag_property`` (``tags_raw`` unless the class
    names another)."""
    return cls._key_table().get(cls._tag_property)


def _render_resource_tags(resource: CfnResourceBase, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (the resource's CloudFormation properties) with its tags rendered by its TagManager."""
    cls = type(resource)
    if _resource_tag_type(resource) is None:
        return values
    prop = _tags_prop(cls)
    if prop is None:
        return values
    raw = values.get(prop.cfn_name)
    existing = getattr(resource, _MANAGER, None)
    if raw is None and (existing is None or not existing.has_tags()):
        return values
    manager = _resource_tag_manager(resource)
    try:
        rendered = manager.render_tags(raw)
    except ValidationError as error:
        if error.path is not None:
            raise
        raise ValidationError(
            f"{cls.__qualname__}.{prop.name}: {error.message}", path=resource.node.path, hint=error.hint
        ) from None
    out: dict[str, Any] = {}
    for p in cls._props:
        if p is prop:
            if rendered is not None:
                out[p.cfn_name] = rendered
        elif p.cfn_name in values:
            out[p.cfn_name] = values[p.cfn_name]
    return out


# -- Tags.of ------------------------------------------------------------------


class TagProps:
    """Properties for a tag.

    :param apply_to_launched_instances: Whether the tag should be applied to instances in an AutoScalingGroup. Default: true
    :param exclude_resource_types: An array of Resource Types that will not receive this tag. An empty array will allow this tag to be applied to all resources. A non-empty array will apply this tag only if the Resource type is not in this array. Default: []
    :param include_resource_types: An array of Resource Types that will receive this tag. An empty array will match any Resource. A non-empty array will apply this tag only to Resource types that are included in this array. Default: []
    :param priority: Priority of the tag operation. Higher or equal priority tags will take precedence. Default: 100 for ``Tags.of().add``, 200 for ``Tags.of().remove``, 50 for tags given to CloudFormation resources directly.
    """

    __slots__ = ("apply_to_launched_instances", "exclude_resource_types", "include_resource_types", "priority")

    def __init__(
        self,
        *,
        apply_to_launched_instances: bool | None = None,
        exclude_resource_types: Sequence[str] | None = None,
        include_resource_types: Sequence[str] | None = None,
        priority: float | None = None,
    ) -> None:
        if priority is not None and (isinstance(priority, bool) or not isinstance(priority, (int, float))):
            raise ValidationError(f"A tag priority must be a number, got {type(priority).__name__}: {priority!r}")
        for name, types in (("exclude_resource_types", exclude_resource_types), ("include_resource_types", include_resource_types)):
            if types is not None and (isinstance(types, str) or not all(isinstance(t, str) for t in types)):
                raise ValidationError(
                    f"{name} must be a list of resource type names, got {types!r}",
                    hint=f"{name}=['AWS::S3::Bucket']",
                )
        self.apply_to_launched_instances = apply_to_launched_instances
        self.exclude_resource_types = list(exclude_resource_types) if exclude_resource_types is not None else None
        self.include_resource_types = list(include_resource_types) if include_resource_types is not None else None
        self.priority = priority

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__ if getattr(self, name) is not None)
        return f"TagProps({shown})"


class _TagBase:
    """The common functionality of the Tag and RemoveTag aspects."""

    _default_priority: float = 0

    def __init__(
        self,
        key: str,
        *,
        apply_to_launched_instances: bool | None = None,
        exclude_resource_types: Sequence[str] | None = None,
        include_resource_types: Sequence[str] | None = None,
        priority: float | None = None,
    ) -> None:
        _check_key(key)
        self.key = key
        """The string key for the tag."""
        self._props = TagProps(
            apply_to_launched_instances=apply_to_launched_instances,
            exclude_resource_types=exclude_resource_types,
            include_resource_types=include_resource_types,
            priority=priority,
        )

    @property
    def props(self) -> TagProps:
        """The properties of this tag operation."""
        return self._props

    def visit(self, construct: IConstruct) -> None:
        """Apply the operation to ``construct`` if it is taggable.

        :param construct:
        """
        manager = TagManager.of(construct)
        if manager is not None:
            self._apply_manager(manager)

    def _apply_manager(self, manager: TagManager) -> None:
        raise NotImplementedError


class Tag(_TagBase):
    """The Tag Aspect will handle adding a tag to this node and cascading tags to children.

    :param key: -
    :param value: -
    :param apply_to_launched_instances: Whether the tag should be applied to instances in an AutoScalingGroup. Default: true
    :param exclude_resource_types: An array of Resource Types that will not receive this tag. Default: []
    :param include_resource_types: An array of Resource Types that will receive this tag. Default: []
    :param priority: Priority of the tag operation. Default: 100
    """

    _default_priority = 100

    def __init__(
        self,
        key: str,
        value: str,
        *,
        apply_to_launched_instances: bool | None = None,
        exclude_resource_types: Sequence[str] | None = None,
        include_resource_types: Sequence[str] | None = None,
        priority: float | None = None,
    ) -> None:
        super().__init__(
            key,
            apply_to_launched_instances=apply_to_launched_instances,
            exclude_resource_types=exclude_resource_types,
            include_resource_types=include_resource_types,
            priority=priority,
        )
        if value is None:
            raise ValidationError(f"Tag '{key}' must have a value")
        if not isinstance(value, (str, IResolvable)):
            raise ValidationError(
                f"Tag '{key}' must have a string value, got {type(value).__name__}: {value!r}",
                hint=f"pass str(value): Tags.of(scope).add({key!r}, {str(value)!r})",
            )
        self.value = value
        """The string value of the tag."""

    def _apply_manager(self, manager: TagManager) -> None:
        props = self._props
        if manager.apply_tag_aspect_here(props.include_resource_types, props.exclude_resource_types):
            manager.set_tag(
                self.key,
                self.value,
                self._default_priority if props.priority is None else props.priority,
                props.apply_to_launched_instances is not False,
            )

    def __repr__(self) -> str:
        return f"Tag({self.key!r}, {self.value!r}, {self._props!r})"


class RemoveTag(_TagBase):
    """The RemoveTag Aspect will handle removing tags from this node and children.

    :param key: -
    :param apply_to_launched_instances: Whether the tag should be applied to instances in an AutoScalingGroup. Default: true
    :param exclude_resource_types: An array of Resource Types that will not receive this tag. Default: []
    :param include_resource_types: An array of Resource Types that will receive this tag. Default: []
    :param priority: Priority of the tag operation. Default: 200
    """

    _default_priority = 200

    def _apply_manager(self, manager: TagManager) -> None:
        props = self._props
        if manager.apply_tag_aspect_here(props.include_resource_types, props.exclude_resource_types):
            manager.remove_tag(self.key, self._default_priority if props.priority is None else props.priority)

    def __repr__(self) -> str:
        return f"RemoveTag({self.key!r}, {self._props!r})"


class Tags:
    """Manages AWS tags for all resources within a construct scope.

    Use ``Tags.of(scope)``.
    """

    __slots__ = ("_scope",)

    def __init__(self, scope: IConstruct) -> None:
        self._scope = scope

    @staticmethod
    def of(scope: IConstruct) -> Tags:
        """Returns the tags API for this scope.

        :param scope: The scope.
        """
        return Tags(scope)

    def add(
        self,
        key: str,
        value: str,
        *,
        apply_to_launched_instances: bool | None = None,
        exclude_resource_types: Sequence[str] | None = None,
        include_resource_types: Sequence[str] | None = None,
        priority: float | None = None,
    ) -> None:
        """Add tags to the node of a construct and all its the taggable children.

        :param key: -
        :param value: -
        :param apply_to_launched_instances: Whether the tag should be applied to instances in an AutoScalingGroup. Default: true
        :param exclude_resource_types: An array of Resource Types that will not receive this tag. An empty array will allow this tag to be applied to all resources. A non-empty array will apply this tag only if the Resource type is not in this array. Default: []
        :param include_resource_types: An array of Resource Types that will receive this tag. An empty array will match any Resource. A non-empty array will apply this tag only to Resource types that are included in this array. Default: []
        :param priority: Priority of the tag operation. Higher or equal priority tags will take precedence. Default: 100
        """
        tag = Tag(
            key,
            value,
            apply_to_launched_instances=apply_to_launched_instances,
            exclude_resource_types=exclude_resource_types,
            include_resource_types=include_resource_types,
            priority=priority,
        )
        Aspects.of(self._scope).add(tag, priority=AspectPriority.MUTATING)

    def remove(
        self,
        key: str,
        *,
        apply_to_launched_instances: bool | None = None,
        exclude_resource_types: Sequence[str] | None = None,
        include_resource_types: Sequence[str] | None = None,
        priority: float | None = None,
    ) -> None:
        """Remove tags from the node of a construct and all its the taggable children.

        :param key: -
        :param apply_to_launched_instances: Whether the tag should be applied to instances in an AutoScalingGroup. Default: true
        :param exclude_resource_types: An array of Resource Types that will not receive this tag. Default: []
        :param include_resource_types: An array of Resource Types that will receive this tag. Default: []
        :param priority: Priority of the tag operation. Higher or equal priority tags will take precedence. Default: 200
        """
        remove = RemoveTag(
            key,
            apply_to_launched_instances=apply_to_launched_instances,
            exclude_resource_types=exclude_resource_types,
            include_resource_types=include_resource_types,
            priority=priority,
        )
        Aspects.of(self._scope).add(remove, priority=AspectPriority.MUTATING)
