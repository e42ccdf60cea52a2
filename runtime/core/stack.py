"""App and Stack: the roots of synthesis."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Sequence

from ._uniqueid import make_unique_id, make_unique_resource_name
from .construct import Construct, IConstruct
from .environment import Environment
from .errors import CfnpyError, SynthesisError, ValidationError
from .intrinsics import Aws, Fn
from .token import Token, resolve

if TYPE_CHECKING:
    from .arn import ArnComponents, ArnFormat
    from .cfn import CfnElement, CfnResource

__all__ = [
    "App",
    "Stack",
    "TemplateOptions",
    "CloudAssembly",
    "StackArtifact",
]

_MAX_STACK_NAME = 128
_MAX_DESCRIPTION = 512
_LOGICAL_ID_MAX = 255

# Order of the sections in a rendered template. Sections not listed here
# come after, in the order in which they are first met.
_SECTION_ORDER = (
    "Description",
    "Transform",
    "AWSTemplateFormatVersion",
    "Metadata",
    "Parameters",
    "Rules",
    "Mappings",
    "Conditions",
    "Resources",
    "Outputs",
)

_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _ALPHA.union("0123456789")
_STACK_NAME_CHARS = _ALNUM.union("-")


def _is_valid_stack_name(name: str) -> bool:
    return bool(name) and name[0] in _ALPHA and all(c in _STACK_NAME_CHARS for c in name)


def is_valid_logical_id(logical_id: str) -> bool:
    """Whether ``logical_id`` matches ``^[A-Za-z0-9]{1,255}$`` (CloudFormation's rule)."""
    return 0 < len(logical_id) <= _LOGICAL_ID_MAX and all(c in _ALNUM for c in logical_id)


def _partition_of_region(region: str) -> str:
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    if region.startswith("us-isob-"):
        return "aws-iso-b"
    if region.startswith("us-isof-"):
        return "aws-iso-f"
    if region.startswith("us-iso-"):
        return "aws-iso"
    if region.startswith("eu-isoe-"):
        return "aws-iso-e"
    return "aws"


class TemplateOptions:
    """CloudFormation template options for a stack."""

    __slots__ = ("description", "template_format_version", "transforms", "metadata")

    def __init__(self) -> None:
        self.description: str | None = None
        """Gets or sets the description of this stack."""
        self.template_format_version: str | None = None
        """Gets or sets the AWSTemplateFormatVersion field of the CloudFormation template."""
        self.transforms: list[str] | None = None
        """Gets or sets the top-level template transform(s) for this stack (e.g. ``["AWS::Serverless-2016-10-31"]``)."""
        self.metadata: dict[str, Any] | None = None
        """Metadata associated with the CloudFormation template."""


class _LogicalIds:
    """Keeps track of logical id renames (``stack.rename_logical_id``)."""

    __slots__ = ("renames", "used")

    def __init__(self) -> None:
        self.renames: dict[str, str] = {}
        self.used: set[str] = set()

    def add_rename(self, old_id: str, new_id: str) -> None:
        if old_id in self.renames:
            raise ValidationError(f"A rename has already been registered for '{old_id}'")
        self.renames[old_id] = new_id

    def apply_rename(self, old_id: str) -> str:
        new_id = self.renames.get(old_id)
        if new_id is None:
            return old_id
        self.used.add(old_id)
        return new_id

    def assert_all_renames_applied(self) -> None:
        unused = [old for old in self.renames if old not in self.used]
        if unused:
            raise SynthesisError(
                "The following Logical IDs were attempted to be renamed, but not found: " + ", ".join(unused)
            )


class Stack(Construct):
    """A root construct which represents a single CloudFormation stack.

    :param scope: Parent of this stack, usually an ``App``. Default: a new ``App``.
    :param id: The construct ID of this stack. If ``stack_name`` is not explicitly defined, this id (and any parent IDs) will be used to determine the physical ID of the stack. Default: "Default".
    :param stack_name: Name to deploy the stack with. Default: - Derived from construct path.
    :param env: The AWS environment (account/region) where this stack will be deployed. Default: - environment-agnostic.
    :param description: A description of the stack. Default: - No description.
    """

    def __init__(
        self,
        scope: Construct | None = None,
        id: str | None = None,
        *,
        stack_name: str | None = None,
        env: Environment | Mapping[str, str | None] | None = None,
        description: str | None = None,
    ) -> None:
        if scope is None:
            scope = App()
        if id is None:
            id = "Default"
        super().__init__(scope, id)
        self._cfnpy_logical_ids = _LogicalIds()
        self._cfnpy_allocated_ids: dict[CfnElement, str] = {}

        account, region = _parse_env(env)
        self._cfnpy_account = account if account is not None else Aws.ACCOUNT_ID
        self._cfnpy_region = region if region is not None else Aws.REGION
        env_account = self._cfnpy_account if not Token.is_unresolved(self._cfnpy_account) else "unknown-account"
        env_region = self._cfnpy_region if not Token.is_unresolved(self._cfnpy_region) else "unknown-region"
        self._cfnpy_environment = f"aws://{env_account}/{env_region}"

        self.template_options = TemplateOptions()
        """Options for CloudFormation template (like version, transform, description)."""
        if description is not None:
            if len(description) > _MAX_DESCRIPTION:
                raise ValidationError(
                    f"Stack description must be <= 1024 bytes. Received description: '{description}'",
                    path=self.node.path,
                )
            self.template_options.description = description

        self._cfnpy_stack_name = stack_name if stack_name is not None else self._generate_stack_name()
        if len(self._cfnpy_stack_name) > _MAX_STACK_NAME:
            raise ValidationError(
                f"Stack name must be <= 128 characters. Stack name: '{self._cfnpy_stack_name}'",
                path=self.node.path,
            )
        if not _is_valid_stack_name(self._cfnpy_stack_name):
            raise ValidationError(
                "Stack name must match the regular expression: /^[A-Za-z][A-Za-z0-9-]*$/, "
                f"got '{self._cfnpy_stack_name}'",
                path=self.node.path,
                hint="pass stack_name=... or use a construct id made of letters, digits and dashes",
            )

    # -- lookup ---------------------------------------------------------

    @staticmethod
    def is_stack(x: Any) -> bool:
        """Return whether the given object is a Stack.

        :param x:
        """
        return isinstance(x, Stack)

    @staticmethod
    def of(construct: IConstruct) -> Stack:
        """Looks up the first stack scope in which ``construct`` is defined. Fails if there is no stack up the tree.

        :param construct: The construct to start the search from.
        """
        cached = getattr(construct, "_cfnpy_stack_of", None)
        if cached is not None:
            assert isinstance(cached, Stack)
            return cached
        current: IConstruct | None = construct
        while current is not None:
            if isinstance(current, Stack):
                try:
                    setattr(construct, "_cfnpy_stack_of", current)
                except AttributeError:  # pragma: no cover - objects with __slots__
                    pass
                return current
            if isinstance(current, App):
                break
            current = current.node.scope
        raise ValidationError(
            f"{type(construct).__name__} at '{construct.node.path}' should be created in the scope of a Stack, "
            "but no Stack found",
            hint="create it inside a Stack (e.g. MyConstruct(stack, 'Id'))",
        )

    # -- environment ----------------------------------------------------

    @property
    def account(self) -> str:
        """The AWS account into which this stack will be deployed.

        The value given in ``env`` or, if none, the ``Aws.ACCOUNT_ID`` token
        (``{"Ref": "AWS::AccountId"}``).
        """
        return self._cfnpy_account

    @property
    def region(self) -> str:
        """The AWS region into which this stack will be deployed (e.g. ``us-west-2``).

        The value given in ``env`` or, if none, the ``Aws.REGION`` token
        (``{"Ref": "AWS::Region"}``).
        """
        return self._cfnpy_region

    @property
    def environment(self) -> str:
        """The environment coordinates in which this stack is deployed, in the form ``aws://account/region``."""
        return self._cfnpy_environment

    @property
    def partition(self) -> str:
        """The partition in which this stack is defined.

        A literal (e.g. ``aws``, ``aws-cn``) when the region is a literal, else the ``Aws.PARTITION`` token.
        """
        if Token.is_unresolved(self._cfnpy_region):
            return Aws.PARTITION
        return _partition_of_region(self._cfnpy_region)

    @property
    def url_suffix(self) -> str:
        """The Amazon domain suffix for the region in which this stack is defined."""
        return Aws.URL_SUFFIX

    @property
    def stack_id(self) -> str:
        """The ID of the stack (the ``AWS::StackId`` pseudo parameter)."""
        return Aws.STACK_ID

    @property
    def notification_arns(self) -> list[str]:
        """Returns the list of notification Amazon Resource Names (ARNs) for the current stack."""
        return Aws.NOTIFICATION_ARNS

    @property
    def availability_zones(self) -> list[str]:
        """Returns the first two availability zones of the stack's region (``Fn::GetAZs``)."""
        return [Fn.select(0, Fn.get_azs()), Fn.select(1, Fn.get_azs())]

    @property
    def stack_name(self) -> str:
        """The concrete CloudFormation physical stack name.

        This is either the name defined explicitly in the ``stack_name`` prop or
        allocated based on the stack's location in the construct tree. Stacks that
        are directly defined under the app use their construct ``id`` as their stack
        name. Stacks that are defined deeper within the tree will use a hashed naming
        scheme based on the construct path to ensure uniqueness.
        """
        return self._cfnpy_stack_name

    @property
    def artifact_id(self) -> str:
        """The ID of the cloud assembly artifact for this stack (the stack name)."""
        return self._cfnpy_stack_name

    @property
    def template_file(self) -> str:
        """The name of the CloudFormation template file emitted to the output directory during synthesis.

        Example value: ``MyStack.template.json``
        """
        return f"{self.artifact_id}.template.json"

    @property
    def nested(self) -> bool:
        """Indicates if this is a nested stack (never, in cfnpy)."""
        return False

    def _generate_stack_name(self) -> str:
        ids: list[str] = []
        current: IConstruct | None = self
        while current is not None and not isinstance(current, App):
            if current.node.id:
                ids.append(current.node.id)
            current = current.node.scope
        ids.reverse()
        if len(ids) == 1:
            return ids[0]
        return make_unique_resource_name(ids, max_length=_MAX_STACK_NAME)

    # -- template options -----------------------------------------------

    def add_transform(self, transform: str) -> None:
        """Add a Transform to this stack. Duplicate values are removed when stack is synthesized.

        :param transform: The transform to add.
        """
        if self.template_options.transforms is None:
            self.template_options.transforms = []
        if transform not in self.template_options.transforms:
            self.template_options.transforms.append(transform)

    def add_metadata(self, key: str, value: Any) -> None:
        """Adds an arbitrary key-value pair, with information you want to record about the stack.

        These get translated to the Metadata section of the generated template.

        :param key:
        :param value:
        """
        if self.template_options.metadata is None:
            self.template_options.metadata = {}
        self.template_options.metadata[key] = value

    # -- logical ids ----------------------------------------------------

    def rename_logical_id(self, old_id: str, new_id: str) -> None:
        """Rename a generated logical identities.

        :param old_id:
        :param new_id:
        """
        if isinstance(new_id, str) and not Token.is_unresolved(new_id) and not is_valid_logical_id(new_id):
            raise ValidationError(
                f"Invalid logical ID '{new_id}' (renaming '{old_id}'): logical IDs must match ^[A-Za-z0-9]{{1,255}}$",
                path=self.node.path or None,
                hint="use only letters and digits" + _suggested_id(new_id),
            )
        self._cfnpy_logical_ids.add_rename(old_id, new_id)

    def get_logical_id(self, element: CfnElement) -> str:
        """Allocates a stack-unique CloudFormation-compatible logical identity for a specific resource.

        :param element: The CloudFormation element for which a logical identity is needed.
        """
        # A construct's path never changes: its id is allocated once (renames still apply).
        allocated = self._cfnpy_allocated_ids.get(element)
        if allocated is None:
            allocated = self._cfnpy_allocated_ids[element] = self.allocate_logical_id(element)
        return self._cfnpy_logical_ids.apply_rename(allocated)

    def allocate_logical_id(self, cfn_element: CfnElement) -> str:
        """Returns the naming scheme used to allocate logical IDs (as the AWS CDK's ``makeUniqueId``).

        The path components below the stack are used: a single component keeps
        its id; otherwise a human-readable part followed by a hash of the path.

        :param cfn_element: The element for which the logical ID is allocated.
        """
        components: list[str] = []
        current: IConstruct | None = cfn_element
        while current is not None and current is not self:
            components.append(current.node.id)
            current = current.node.scope
        if current is None:
            raise ValidationError(
                f"'{cfn_element.node.path}' is not defined in stack '{self.node.path}'",
                path=cfn_element.node.path,
            )
        components.reverse()
        return make_unique_id(components)

    # -- resolution / synthesis -----------------------------------------

    def resolve(self, obj: Any) -> Any:
        """Resolve a tokenized value in the context of the current stack.

        :param obj:
        """
        return resolve(obj, scope=self)

    def format_arn(
        self,
        *,
        resource: str,
        service: str,
        account: str | None = None,
        arn_format: ArnFormat | None = None,
        partition: str | None = None,
        region: str | None = None,
        resource_name: str | None = None,
    ) -> str:
        """Creates an ARN from components.

        If ``partition``, ``region`` or ``account`` are not specified, the stack's
        partition, region and account will be used.

        :param resource:
        :param service:
        :param account:
        :param arn_format:
        :param partition:
        :param region:
        :param resource_name:
        """
        from .arn import Arn, ArnComponents

        return Arn.format(
            ArnComponents(
                resource=resource,
                service=service,
                account=account,
                arn_format=arn_format,
                partition=partition,
                region=region,
                resource_name=resource_name,
            ),
            self,
        )

    def split_arn(self, arn: str, arn_format: ArnFormat) -> ArnComponents:
        """Splits the provided ARN into its components.

        :param arn: the ARN to split into its components.
        :param arn_format: the expected format of 'arn'.
        """
        from .arn import Arn

        return Arn.split(arn, arn_format)

    def _cfn_elements(self) -> list[CfnElement]:
        from .cfn import CfnElement

        found: list[CfnElement] = []

        def visit(construct: IConstruct) -> None:
            if isinstance(construct, CfnElement):
                found.append(construct)
            for child in construct.node.children:
                if isinstance(child, Stack):
                    continue
                visit(child)

        visit(self)
        return found

    def _constructs(self) -> list[IConstruct]:
        found: list[IConstruct] = []

        def visit(construct: IConstruct) -> None:
            found.append(construct)
            for child in construct.node.children:
                if not isinstance(child, Stack):
                    visit(child)

        visit(self)
        return found

    def _apply_construct_dependencies(self) -> None:
        """Turn ``node.add_dependency`` between constructs into DependsOn between their resources."""
        from .cfn import CfnResource

        def resources_under(construct: IConstruct) -> list[CfnResource]:
            out: list[CfnResource] = []

            def visit(c: IConstruct) -> None:
                if isinstance(c, CfnResource):
                    out.append(c)
                for child in c.node.children:
                    if not isinstance(child, Stack):
                        visit(child)

            visit(construct)
            return out

        for construct in self._constructs():
            dependencies = construct.node.dependencies
            if not dependencies:
                continue
            sources = resources_under(construct)
            for dependency in dependencies:
                for target in resources_under(dependency):
                    for source in sources:
                        if source is target:
                            continue
                        if Stack.of(target) is not self:
                            raise SynthesisError(
                                f"'{construct.node.path}' depends on '{dependency.node.path}', which is in another "
                                "stack: cross-stack dependencies are not supported by cfnpy",
                                path=construct.node.path,
                            )
                        source.add_dependency(target)

    def _check_dependency_cycles(self, resources: Sequence[CfnResource]) -> None:
        white, grey, black = 0, 1, 2
        color: dict[int, int] = {id(r): white for r in resources}
        stack: list[CfnResource] = []

        def visit(resource: CfnResource) -> None:
            color[id(resource)] = grey
            stack.append(resource)
            for dep in resource.obtain_dependencies():
                state = color.get(id(dep), black)
                if state == grey:
                    start = next(i for i, r in enumerate(stack) if r is dep)
                    cycle = [r.node.path for r in stack[start:]] + [dep.node.path]
                    raise SynthesisError(
                        f"Dependency cycle detected in stack '{self.stack_name}': " + " -> ".join(cycle),
                        path=self.node.path,
                        hint="remove one of the add_dependency()/DependsOn links of this cycle",
                    )
                if state == white:
                    visit(dep)
            stack.pop()
            color[id(resource)] = black

        for resource in resources:
            if color[id(resource)] == white:
                visit(resource)

    def to_template(self) -> dict[str, Any]:
        """Returns the CloudFormation template for this stack, as a JSON-compatible dict.

        Sections appear in the order ``Description``, ``Transform``,
        ``AWSTemplateFormatVersion``, ``Metadata``, ``Parameters``, ``Rules``,
        ``Mappings``, ``Conditions``, ``Resources``, ``Outputs``; empty sections
        are omitted; elements appear in construct-tree order.
        """
        # Synthesis makes many containers and leaves the tree as it was: the cyclic
        # garbage collector would only traverse the whole tree again and again (a cost that
        # grows faster than the stack). The objects there are set aside for the collector
        # meanwhile (gc.freeze), so it looks at what synthesis makes alone; unless something
        # else froze objects, which then stay as they are, and the collector is paused.
        frozen = gc.isenabled() and gc.get_freeze_count() == 0
        paused = gc.isenabled() and not frozen
        if frozen:
            gc.freeze()
        elif paused:
            gc.disable()
        try:
            return self._render_template()
        finally:
            if frozen:
                gc.unfreeze()
            elif paused:
                gc.enable()

    def _render_template(self) -> dict[str, Any]:
        from .cfn import CfnResource

        _invoke_aspects(self)
        self._apply_construct_dependencies()
        elements = self._cfn_elements()
        resources = [e for e in elements if isinstance(e, CfnResource)]
        self._check_dependency_cycles(resources)

        sections: dict[str, dict[str, Any]] = {}
        owners: dict[tuple[str, str], str] = {}
        for element in elements:
            try:
                logical_id = element.logical_id
                fragment = self.resolve(element._to_cloud_formation())
            except CfnpyError as error:
                error.add_context(f"While synthesizing {element.node.path}")
                raise
            except Exception as error:
                add_note = getattr(error, "add_note", None)  # Python >= 3.11
                if add_note is not None:
                    add_note(f"While synthesizing {element.node.path}")
                raise
            if not fragment:
                continue
            if not is_valid_logical_id(logical_id):
                raise SynthesisError(
                    f"Invalid logical ID '{logical_id}': logical IDs must match ^[A-Za-z0-9]{{1,255}}$",
                    path=element.node.path,
                    hint="use override_logical_id() with an alphanumeric id, or change the construct id"
                    + _suggested_id(logical_id),
                )
            for section, entries in fragment.items():
                if not isinstance(entries, dict):
                    raise SynthesisError(
                        f"Expecting the '{section}' section of the fragment to be an object",
                        path=element.node.path,
                    )
                target = sections.setdefault(section, {})
                for key, value in entries.items():
                    if key in target:
                        raise SynthesisError(
                            f"Duplicate logical ID '{key}' in section '{section}' of stack '{self.stack_name}': "
                            f"used by '{owners[(section, key)]}' and '{element.node.path}'",
                            path=element.node.path,
                            hint="give one of them another construct id, or use override_logical_id()",
                        )
                    target[key] = value
                    owners[(section, key)] = element.node.path
        _check_reference_cycles(self.stack_name, sections.get("Resources", {}), owners)
        for key in sections.get("Parameters", {}):
            if key in sections.get("Resources", {}):
                raise SynthesisError(
                    f"Duplicate logical ID '{key}' in stack '{self.stack_name}': used by the parameter "
                    f"'{owners[('Parameters', key)]}' and the resource '{owners[('Resources', key)]}'",
                    path=owners[("Resources", key)],
                )
        self._cfnpy_logical_ids.assert_all_renames_applied()

        options = self.template_options
        header: dict[str, Any] = {}
        if options.description is not None:
            header["Description"] = options.description
        if options.transforms:
            unique = list(dict.fromkeys(options.transforms))
            header["Transform"] = unique[0] if len(unique) == 1 else unique
        if options.template_format_version is not None:
            header["AWSTemplateFormatVersion"] = options.template_format_version
        if options.metadata:
            header["Metadata"] = options.metadata
        header = self.resolve(header)

        template: dict[str, Any] = {}
        for section in _SECTION_ORDER:
            if section in header:
                template[section] = header[section]
            elif sections.get(section):
                template[section] = sections[section]
        for section, entries in sections.items():
            if section not in template and entries:
                template[section] = entries
        return template


def _invoke_aspects(construct: IConstruct) -> None:
    """Apply the aspects of the tree of ``construct`` (``aspects.invoke_aspects``): in a tree
    without aspects nothing is done, nor imported."""
    root = construct.node.root
    if getattr(root, "_cfnpy_aspect_revision", 0):
        from .aspects import invoke_aspects

        invoke_aspects(root)


def _suggested_id(logical_id: Any) -> str:
    """`` (such as 'AB')``: ``logical_id`` with only its letters and digits, if that differs."""
    if not isinstance(logical_id, str):
        return ""
    fixed = "".join(c for c in logical_id if c in _ALNUM)[:_LOGICAL_ID_MAX]
    return f" (such as '{fixed}')" if fixed and fixed != logical_id else ""


# Keys of a resource that name things other than resources (conditions, policies).
_NOT_REFERENCES = frozenset({"Type", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy"})
# The one-key objects that refer to a resource.
_REFERENCE_KEYS = frozenset({"Ref", "Fn::GetAtt", "Fn::Sub"})


def _check_reference_cycles(stack_name: str, resources: Mapping[str, Any], owners: Mapping[tuple[str, str], str]) -> None:
    """Raise if resources depend on each other in a cycle through Ref, Fn::GetAtt, Fn::Sub or
    DependsOn in the rendered template: CloudFormation rejects such a template ("Circular
    dependency between resources") only at deployment."""
    edges: dict[str, list[str]] = {}
    for logical_id, entry in resources.items():
        found: list[str] = []
        if isinstance(entry, Mapping):
            _collect_targets(entry, found)
        edges[logical_id] = [target for target in found if target in resources]
    white, grey, black = 0, 1, 2
    color = dict.fromkeys(edges, white)
    for start in edges:
        if color[start] != white:
            continue
        color[start] = grey
        trail: list[tuple[str, int]] = [(start, 0)]
        while trail:
            node, index = trail[-1]
            if index == len(edges[node]):
                color[node] = black
                trail.pop()
                continue
            trail[-1] = (node, index + 1)
            target = edges[node][index]
            if color[target] == grey:
                ids = [n for n, _ in trail]
                cycle = ids[ids.index(target) :]
                _raise_cycle(stack_name, cycle, resources, owners)
            if color[target] == white:
                color[target] = grey
                trail.append((target, 0))


def _references_of(entry: Any) -> list[tuple[str, str]]:
    """The logical ids a rendered resource refers to, each with where and how (for messages)."""
    found: list[tuple[str, str]] = []
    if isinstance(entry, Mapping):
        depends_on = entry.get("DependsOn")
        for target in [depends_on] if isinstance(depends_on, str) else depends_on or ():
            if isinstance(target, str):
                found.append((target, "DependsOn"))
        for key, value in entry.items():
            if key not in _NOT_REFERENCES:
                _collect_references(value, key, found)
    return found


def _collect_targets(entry: Mapping[str, Any], found: list[str]) -> None:
    """The targets of ``_references_of(entry)``, in the same order, without describing them:
    the descriptions are needed only for the message of a cycle."""
    depends_on = entry.get("DependsOn")
    for target in [depends_on] if isinstance(depends_on, str) else depends_on or ():
        if isinstance(target, str):
            found.append(target)
    pending: list[Any] = [value for key, value in entry.items() if key not in _NOT_REFERENCES]
    pending.reverse()
    pop, push = pending.pop, pending.extend
    while pending:
        value = pop()
        if type(value) is dict:
            if len(value) == 1 and next(iter(value)) in _REFERENCE_KEYS:
                _single_key_targets(value, found)
            push(reversed(value.values()))
        elif type(value) is list:
            push(reversed(value))
        elif isinstance(value, (str, int, float)) or value is None:
            continue
        elif isinstance(value, (Mapping, list)):
            # Rare (subclasses): the general walk, same order.
            described: list[tuple[str, str]] = []
            _collect_references(value, "", described)
            found.extend(target for target, _ in described)


def _single_key_targets(value: Mapping[str, Any], found: list[Any]) -> None:
    described: list[tuple[str, str]] = []
    _reference_in(value, "", described)
    found.extend(target for target, _ in described)


def _collect_references(value: Any, where: str, found: list[tuple[str, str]]) -> None:
    if isinstance(value, Mapping):
        if len(value) == 1:
            _reference_in(value, where, found)
        for key, item in value.items():
            _collect_references(item, f"{where}.{key}", found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect_references(item, f"{where}[{index}]", found)


def _reference_in(value: Mapping[str, Any], where: str, found: list[tuple[str, str]]) -> None:
    """The reference made by a one-key object (``Ref``, ``Fn::GetAtt``, ``Fn::Sub``), if any."""
    ((key, argument),) = value.items()
    target: Any = None
    if key == "Ref":
        target = argument
    elif key == "Fn::GetAtt":
        target = argument[0] if isinstance(argument, list) and argument else argument
        target = target.split(".", 1)[0] if isinstance(target, str) else None
    elif key == "Fn::Sub":
        text: Any = argument
        names: Mapping[str, Any] = {}
        if isinstance(argument, list) and argument:
            text = argument[0]
            names = argument[1] if len(argument) > 1 and isinstance(argument[1], Mapping) else {}
        if isinstance(text, str):
            import re

            for match in re.finditer(r"\$\{([^!}][^}]*)\}", text):
                name = match.group(1).split(".", 1)[0]
                if name not in names:
                    found.append((name, f"{where} (Fn::Sub ${{{match.group(1)}}})"))
    if isinstance(target, str):
        found.append((target, f"{where} ({key} {target})"))


def _raise_cycle(
    stack_name: str, cycle: list[str], resources: Mapping[str, Any], owners: Mapping[tuple[str, str], str]
) -> None:
    def path(logical_id: str) -> str:
        return owners.get(("Resources", logical_id), logical_id)

    links = []
    for index, source in enumerate(cycle):
        target = cycle[(index + 1) % len(cycle)]
        how = next(h for t, h in _references_of(resources[source]) if t == target)
        links.append(f"{path(source)} needs {path(target)} through {how}")
    raise SynthesisError(
        f"Dependency cycle detected in stack '{stack_name}': "
        + " -> ".join(path(n) for n in cycle + cycle[:1])
        + " ("
        + "; ".join(links)
        + ")",
        path=path(cycle[0]),
        hint="CloudFormation cannot create resources that need each other: remove one of these references",
    )


def _parse_env(env: Environment | Mapping[str, str | None] | None) -> tuple[str | None, str | None]:
    if env is None:
        return None, None
    if isinstance(env, Environment):
        return env.account, env.region
    unknown = set(env) - {"account", "region"}
    if unknown:
        raise ValidationError(f"Unknown environment key(s): {', '.join(sorted(unknown))}")
    return env.get("account"), env.get("region")


class StackArtifact:
    """A synthesized stack: its name, template and template file."""

    __slots__ = ("stack_name", "artifact_id", "template_file", "template_full_path", "template")

    def __init__(
        self,
        *,
        stack_name: str,
        artifact_id: str,
        template_file: str,
        template_full_path: str,
        template: dict[str, Any],
    ) -> None:
        self.stack_name = stack_name
        self.artifact_id = artifact_id
        self.template_file = template_file
        self.template_full_path = template_full_path
        self.template = template

    def __repr__(self) -> str:
        return f"<StackArtifact {self.stack_name} {self.template_full_path}>"


class CloudAssembly:
    """The result of ``App.synth()``: the output directory and the synthesized stacks."""

    __slots__ = ("directory", "stacks")

    def __init__(self, directory: str, stacks: Sequence[StackArtifact]) -> None:
        self.directory = directory
        """The root directory of the cloud assembly."""
        self.stacks = list(stacks)
        """The synthesized stacks, in construct-tree order."""

    def get_stack_by_name(self, stack_name: str) -> StackArtifact:
        """Returns a stack artifact by its stack name.

        :param stack_name:
        """
        for artifact in self.stacks:
            if artifact.stack_name == stack_name:
                return artifact
        raise ValidationError(f"Unable to find stack with stack name \"{stack_name}\"")

    def get_stack_artifact(self, artifact_id: str) -> StackArtifact:
        """Returns a stack artifact by its artifact id.

        :param artifact_id:
        """
        for artifact in self.stacks:
            if artifact.artifact_id == artifact_id:
                return artifact
        raise ValidationError(f"Unable to find artifact with id \"{artifact_id}\"")

    def __fspath__(self) -> str:
        return self.directory

    def __repr__(self) -> str:
        return f"<CloudAssembly {self.directory} {[s.stack_name for s in self.stacks]}>"


class App(Construct):
    """A construct which represents an entire CDK app. This construct is normally the root of the construct tree.

    :param outdir: The output directory into which to emit synthesized artifacts. Default: ``$CDK_OUTDIR`` if set, else a new temporary directory.
    :param context: Additional context values for the application (``node.try_get_context``).
    """

    def __init__(self, outdir: str | None = None, *, context: Mapping[str, Any] | None = None) -> None:
        super().__init__(None, "")
        self._cfnpy_outdir = outdir
        if context:
            for key, value in context.items():
                self.node.set_context(key, value)

    @staticmethod
    def is_app(obj: Any) -> bool:
        """Checks if an object is an instance of the ``App`` class.

        :param obj: The object to evaluate.
        """
        return isinstance(obj, App)

    @property
    def outdir(self) -> str:
        """The output directory into which to emit synthesized artifacts."""
        if self._cfnpy_outdir is None:
            import os

            outdir = os.environ.get("CDK_OUTDIR")
            if not outdir:
                import tempfile

                outdir = tempfile.mkdtemp(prefix="cfnpy.out.")
            self._cfnpy_outdir = outdir
        return self._cfnpy_outdir

    @property
    def stacks(self) -> list[Stack]:
        """All the stacks of this app, in construct-tree order."""
        return [c for c in self.node.find_all() if isinstance(c, Stack)]

    def synth(self) -> CloudAssembly:
        """Synthesize this app: write ``<outdir>/<stackName>.template.json`` for each stack.

        The aspects (``Aspects.of(scope).add``) are applied first, then the
        validations registered with ``node.add_validation`` run; any error
        stops the synthesis.
        """
        import json
        import os

        _invoke_aspects(self)
        errors: list[str] = []
        for construct in self.node.find_all():
            for message in construct.node.validate():
                errors.append(f"[{construct.node.path}] {message}")
        if errors:
            raise SynthesisError("Validation failed with the following errors:\n  " + "\n  ".join(errors))

        stacks = self.stacks
        by_file: dict[str, Stack] = {}
        for stack in stacks:
            other = by_file.get(stack.template_file)
            if other is not None:
                raise SynthesisError(
                    f"Stacks '{other.node.path}' and '{stack.node.path}' have the same stack name "
                    f"'{stack.stack_name}': their templates would overwrite each other",
                    hint="give one of them another stack_name",
                )
            by_file[stack.template_file] = stack

        self.node.lock()
        try:
            rendered = [(stack, stack.to_template()) for stack in stacks]
        finally:
            self.node.unlock()

        outdir = self.outdir
        os.makedirs(outdir, exist_ok=True)
        artifacts: list[StackArtifact] = []
        for stack, template in rendered:
            path = os.path.join(outdir, stack.template_file)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(template, indent=1, ensure_ascii=False))
            artifacts.append(
                StackArtifact(
                    stack_name=stack.stack_name,
                    artifact_id=stack.artifact_id,
                    template_file=stack.template_file,
                    template_full_path=path,
                    template=template,
                )
            )
        return CloudAssembly(outdir, artifacts)
