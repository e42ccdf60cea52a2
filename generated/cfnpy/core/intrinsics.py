"""CloudFormation intrinsic functions (``Fn``) and pseudo parameters (``Aws``)."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .errors import ValidationError
from .token import (
    IResolvable,
    IResolveContext,
    Intrinsic,
    Reference,
    Token,
    minimal_cloudformation_join,
)

__all__ = [
    "Fn",
    "Aws",
    "ICfnConditionExpression",
    "ICfnRuleConditionExpression",
]


class ICfnConditionExpression(IResolvable):
    """Represents a CloudFormation element that can be used within a Condition.

    You can use intrinsic functions, such as ``Fn.condition_if``,
    ``Fn.condition_equals``, and ``Fn.condition_not``, to conditionally create
    stack resources. ``CfnCondition`` objects are also condition expressions.
    """


class ICfnRuleConditionExpression(ICfnConditionExpression):
    """Interface to specify certain functions as Service Catalog rule-specific.

    These functions can only be used in ``Rules`` section of template.
    """

    @property
    def disambiguator(self) -> bool:
        """This field is only needed to defeat TypeScript's structural typing."""
        return True


class _FnBase(Intrinsic):
    def __init__(self, name: str, value: Any) -> None:
        super().__init__({name: value})
        self._fn_name = name

    def to_string(self) -> str:
        return Token.as_string(self, display_hint=self._fn_name)


class _FnConditionBase(Intrinsic, ICfnRuleConditionExpression):
    def __init__(self, name: str, value: Any) -> None:
        super().__init__({name: value})


class _FnJoin(IResolvable):
    def __init__(self, delimiter: str, list_of_values: Sequence[Any]) -> None:
        if len(list_of_values) == 0:
            raise ValidationError("FnJoin requires at least one value to be provided")
        self._delimiter = delimiter
        self._list_of_values = list_of_values

    def resolve(self, context: IResolveContext) -> Any:
        if Token.is_unresolved(self._list_of_values):
            # A list token: don't try to do smart things with it.
            return {"Fn::Join": [self._delimiter, self._list_of_values]}
        resolved = [
            x if isinstance(x, Reference) else context.resolve(x) for x in self._list_of_values
        ]
        values = minimal_cloudformation_join(self._delimiter, resolved)
        if len(values) == 1:
            return values[0]
        return {"Fn::Join": [self._delimiter, values]}

    def to_string(self) -> str:
        return Token.as_string(self, display_hint="Fn::Join")

    def to_json(self) -> str:
        return "<Fn::Join>"

    def __repr__(self) -> str:
        return f"<Fn::Join {self._delimiter!r} {list(self._list_of_values)!r}>"


class _FnToJsonString(IResolvable):
    def __init__(self, obj: Any) -> None:
        self._object = obj

    def resolve(self, context: IResolveContext) -> Any:
        from .stack import Stack

        Stack.of(context.scope).add_transform("AWS::LanguageExtensions")
        return {"Fn::ToJsonString": self._object}

    def to_string(self) -> str:
        return Token.as_string(self, display_hint="Fn::ToJsonString")


class _FnLength(IResolvable):
    def __init__(self, array: Any) -> None:
        self._array = array

    def resolve(self, context: IResolveContext) -> Any:
        from .stack import Stack

        Stack.of(context.scope).add_transform("AWS::LanguageExtensions")
        return {"Fn::Length": self._array}


def _is_literal_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and not Token.is_unresolved(x)


class Fn:
    """CloudFormation intrinsic functions.

    http://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
    """

    @staticmethod
    def ref(logical_name: str) -> str:
        """The ``Ref`` intrinsic function returns the value of the specified parameter or resource.

        Note that it doesn't validate the logicalName, it mainly serves parameter/resource reference defined in a ``CfnInclude`` template.

        :param logical_name: The logical name of a parameter/resource for which you want to retrieve its value.
        """
        return _FnBase("Ref", logical_name).to_string()

    @staticmethod
    def get_att(logical_name_of_resource: str, attribute_name: str) -> IResolvable:
        """The ``Fn::GetAtt`` intrinsic function returns the value of an attribute from a resource in the template.

        :param logical_name_of_resource: The logical name (also called logical ID) of the resource that contains the attribute that you want.
        :param attribute_name: The name of the resource-specific attribute whose value you want.
        :returns: an IResolvable object
        """
        return _FnBase("Fn::GetAtt", [logical_name_of_resource, attribute_name])

    @staticmethod
    def join(delimiter: str, list_of_values: Sequence[str]) -> str:
        """The intrinsic function ``Fn::Join`` appends a set of values into a single value, separated by the specified delimiter.

        If a delimiter is the empty string, the set of values are concatenated
        with no delimiter. When no value is a token, the joined string itself is
        returned; otherwise adjacent literals are folded at resolution time.

        :param delimiter: The value you want to occur between fragments.
        :param list_of_values: The list of values you want combined.
        :returns: a token represented as a string
        """
        if len(list_of_values) == 0:
            raise ValidationError("FnJoin requires at least one value to be provided")
        if not Token.is_unresolved(delimiter) and not Token.is_unresolved(list_of_values):
            if all(isinstance(v, str) and not Token.is_unresolved(v) for v in list_of_values):
                return delimiter.join(list_of_values)
        return _FnJoin(delimiter, list_of_values).to_string()

    @staticmethod
    def split(delimiter: str, source: str, assumed_length: int | None = None) -> list[str]:
        """Split a string token into a token list of string values.

        Specify the location of splits with a delimiter such as ',' (a comma).
        Renders to the ``Fn::Split`` intrinsic function.

        If ``assumed_length`` is not given, the result is a list token that can
        only be passed on unmodified or used with ``Fn.select``. If it is
        given, the result is ``[Fn.select(0, split), Fn.select(1, split), ...]``.

        :param delimiter: A string value that determines where the source string is divided.
        :param source: The string value that you want to split.
        :param assumed_length: The length of the list that will be produced by splitting.
        :returns: a token represented as a string array
        """
        if not Token.is_unresolved(source):
            return list(source) if delimiter == "" else source.split(delimiter)
        if Token.is_unresolved(delimiter):
            raise ValidationError("Fn.split: 'delimiter' may not be a token value")
        split = Token.as_list(_FnBase("Fn::Split", [delimiter, source]), display_hint="Fn::Split")
        if assumed_length is None:
            return split
        if Token.is_unresolved(assumed_length):
            raise ValidationError("Fn.split: 'assumedLength' may not be a token value")
        return [Fn.select(i, split) for i in range(int(assumed_length))]

    @staticmethod
    def select(index: int, array: Sequence[str]) -> str:
        """The intrinsic function ``Fn::Select`` returns a single object from a list of objects by index.

        :param index: The index of the object to retrieve. This must be a value from zero to N-1, where N represents the number of elements in the array.
        :param array: The list of objects to select from. This list must not be null, nor can it have null entries.
        :returns: a token represented as a string
        """
        if (
            not Token.is_unresolved(index)
            and not Token.is_unresolved(array)
            and not any(Token.is_unresolved(x) for x in array)
        ):
            try:
                return array[int(index)]
            except IndexError:
                raise ValidationError(
                    f"Fn.select: index {index} is out of range for a list of {len(array)} element(s)"
                ) from None
        return _FnBase("Fn::Select", [index, array]).to_string()

    @staticmethod
    def sub(body: str, variables: Mapping[str, str] | None = None) -> str:
        """The intrinsic function ``Fn::Sub`` substitutes variables in an input string with values that you specify.

        :param body: A string with variables that AWS CloudFormation substitutes with their associated values at runtime. Write variables as ${MyVarName}.
        :param variables: The name of a variable that you included in the String parameter.
        :returns: a token represented as a string
        """
        return _FnBase("Fn::Sub", [body, dict(variables)] if variables else body).to_string()

    @staticmethod
    def base64(data: str) -> str:
        """The intrinsic function ``Fn::Base64`` returns the Base64 representation of the input string.

        :param data: The string value you want to convert to Base64.
        :returns: a token represented as a string
        """
        return _FnBase("Fn::Base64", data).to_string()

    @staticmethod
    def cidr(ip_block: str, count: int, size_mask: str | None = None) -> list[str]:
        """The intrinsic function ``Fn::Cidr`` returns the specified Cidr address block.

        :param ip_block: The user-specified default Cidr address block.
        :param count: The number of subnets' Cidr block wanted. Count can be 1 to 256.
        :param size_mask: The digit covered in the subnet.
        :returns: a token represented as a string
        """
        if _is_literal_number(count) and (count < 1 or count > 256):
            raise ValidationError(f"Fn::Cidr's count attribute must be between 1 and 256, {count} was provided.")
        args: list[Any] = [ip_block, count] if size_mask is None else [ip_block, count, size_mask]
        return Token.as_list(_FnBase("Fn::Cidr", args), display_hint="Fn::Cidr")

    @staticmethod
    def parse_domain_name(url: str) -> str:
        """Given an url, parse the domain name.

        :param url: the url to parse.
        """
        no_https = Fn.select(1, Fn.split("//", url))
        return Fn.select(0, Fn.split("/", no_https))

    @staticmethod
    def get_azs(region: str | None = None) -> list[str]:
        """The intrinsic function ``Fn::GetAZs`` returns an array that lists Availability Zones for a specified region.

        :param region: The name of the region for which you want to get the Availability Zones. Specifying an empty string is equivalent to specifying AWS::Region.
        :returns: a token represented as a string array
        """
        return Token.as_list(_FnBase("Fn::GetAZs", region or ""), display_hint="Fn::GetAZs")

    @staticmethod
    def import_value(shared_value_to_import: str) -> str:
        """The intrinsic function ``Fn::ImportValue`` returns the value of an output exported by another stack.

        :param shared_value_to_import: The stack output value that you want to import.
        :returns: a token represented as a string
        """
        return _FnBase("Fn::ImportValue", shared_value_to_import).to_string()

    @staticmethod
    def import_list_value(shared_value_to_import: str, assumed_length: int, delimiter: str = ",") -> list[str]:
        """Like ``Fn.import_value``, but import a list with a known length.

        :param shared_value_to_import:
        :param assumed_length:
        :param delimiter:
        """
        return Fn.split(delimiter, Fn.import_value(shared_value_to_import), assumed_length)

    @staticmethod
    def find_in_map(
        map_name: str,
        top_level_key: str,
        second_level_key: str,
        default_value: str | None = None,
    ) -> str:
        """The intrinsic function ``Fn::FindInMap`` returns the value corresponding to keys in a two-level map that is declared in the Mappings section.

        :param map_name:
        :param top_level_key:
        :param second_level_key:
        :param default_value:
        :returns: a token represented as a string
        """
        args: list[Any] = [map_name, top_level_key, second_level_key]
        if default_value is not None:
            args.append({"DefaultValue": default_value})
        return _FnBase("Fn::FindInMap", args).to_string()

    @staticmethod
    def transform(macro_name: str, parameters: Mapping[str, Any]) -> IResolvable:
        """Creates a token representing the ``Fn::Transform`` expression.

        :param macro_name: The name of the macro to perform the processing.
        :param parameters: The parameters to be passed to the macro.
        :returns: a token representing the transform expression
        """
        return _FnBase("Fn::Transform", {"Name": macro_name, "Parameters": dict(parameters)})

    @staticmethod
    def to_json_string(obj: Any) -> str:
        """Stringify a JSON value at deploy time (``Fn::ToJsonString``; adds the ``AWS::LanguageExtensions`` transform).

        :param obj: The object or array to stringify.
        """
        if not Token.is_unresolved(obj) and not isinstance(obj, (dict, list, tuple)):
            raise ValidationError("Fn.to_json_string: the argument must be a dict, a list or a token")
        return _FnToJsonString(obj).to_string()

    @staticmethod
    def len(array: Any) -> float:
        """The intrinsic function ``Fn::Length`` returns the number of elements within an array (adds the ``AWS::LanguageExtensions`` transform).

        :param array: The array you want to return the number of elements from.
        """
        if not Token.is_unresolved(array):
            if not isinstance(array, (list, tuple)):
                raise ValidationError("Fn.len: the argument must be a list or a token")
            return len(array)
        return Token.as_number(_FnLength(array))

    # -- conditions -----------------------------------------------------

    @staticmethod
    def condition_and(*conditions: ICfnConditionExpression) -> ICfnRuleConditionExpression:
        """Returns true if all the specified conditions evaluate to true (``Fn::And``).

        The minimum number of conditions that you can include is 1; more than 10 are nested.

        :param conditions: conditions to AND.
        :returns: an FnCondition token
        """
        if not conditions:
            raise ValidationError("Fn.conditionAnd() needs at least one argument")
        if len(conditions) == 1:
            return _as_rule_condition(conditions[0])
        if len(conditions) <= 10:
            return _FnConditionBase("Fn::And", list(conditions))
        return Fn.condition_and(*(Fn.condition_and(*conditions[i : i + 10]) for i in range(0, len(conditions), 10)))

    @staticmethod
    def condition_or(*conditions: ICfnConditionExpression) -> ICfnRuleConditionExpression:
        """Returns true if any one of the specified conditions evaluate to true (``Fn::Or``).

        :param conditions: conditions that evaluates to true or false.
        :returns: an FnCondition token
        """
        if not conditions:
            raise ValidationError("Fn.conditionOr() needs at least one argument")
        if len(conditions) == 1:
            return _as_rule_condition(conditions[0])
        if len(conditions) <= 10:
            return _FnConditionBase("Fn::Or", list(conditions))
        return Fn.condition_or(*(Fn.condition_or(*conditions[i : i + 10]) for i in range(0, len(conditions), 10)))

    @staticmethod
    def condition_equals(lhs: Any, rhs: Any) -> ICfnRuleConditionExpression:
        """Compares if two values are equal (``Fn::Equals``).

        :param lhs: A value of any type that you want to compare.
        :param rhs: A value of any type that you want to compare.
        :returns: an FnCondition token
        """
        return _FnConditionBase("Fn::Equals", [lhs, rhs])

    @staticmethod
    def condition_if(condition_id: str, value_if_true: Any, value_if_false: Any) -> ICfnRuleConditionExpression:
        """Returns one value if the specified condition evaluates to true and another value if not (``Fn::If``).

        :param condition_id: A reference to a condition in the Conditions section.
        :param value_if_true: A value to be returned if the specified condition evaluates to true.
        :param value_if_false: A value to be returned if the specified condition evaluates to false.
        :returns: an FnCondition token
        """
        return _FnConditionBase("Fn::If", [condition_id, value_if_true, value_if_false])

    @staticmethod
    def condition_not(condition: ICfnConditionExpression) -> ICfnRuleConditionExpression:
        """Returns true for a condition that evaluates to false or returns false for a condition that evaluates to true (``Fn::Not``).

        :param condition: A condition such as ``Fn::Equals`` that evaluates to true or false.
        :returns: an FnCondition token
        """
        return _FnConditionBase("Fn::Not", [condition])

    @staticmethod
    def condition_contains(list_of_strings: Sequence[str], value: str) -> ICfnRuleConditionExpression:
        """Returns true if a specified string matches at least one value in a list of strings (``Fn::Contains``).

        :param list_of_strings: A list of strings, such as "A", "B", "C".
        :param value: A string, such as "A", that you want to compare against a list of strings.
        :returns: an FnCondition token
        """
        return _FnConditionBase("Fn::Contains", [list_of_strings, value])

    @staticmethod
    def condition_each_member_equals(list_of_strings: Sequence[str], value: str) -> ICfnRuleConditionExpression:
        """Returns true if a specified string matches all values in a list (``Fn::EachMemberEquals``).

        :param list_of_strings: A list of strings, such as "A", "B", "C".
        :param value: A string, such as "A", that you want to compare against a list of strings.
        :returns: an FnCondition token
        """
        return _FnConditionBase("Fn::EachMemberEquals", [list_of_strings, value])

    @staticmethod
    def condition_each_member_in(
        strings_to_check: Sequence[str], strings_to_match: Sequence[str]
    ) -> ICfnRuleConditionExpression:
        """Returns true if each member in a list of strings matches at least one value in a second list (``Fn::EachMemberIn``).

        :param strings_to_check: A list of strings, such as "A", "B", "C".
        :param strings_to_match: A list of strings, such as "A", "B", "C".
        :returns: an FnCondition token
        """
        return _FnConditionBase("Fn::EachMemberIn", [strings_to_check, strings_to_match])

    @staticmethod
    def ref_all(parameter_type: str) -> list[str]:
        """Returns all values for a specified parameter type (``Fn::RefAll``).

        :param parameter_type: An AWS-specific parameter type, such as AWS::EC2::SecurityGroup::Id or AWS::EC2::VPC::Id.
        :returns: a token represented as a string array
        """
        return Token.as_list(_FnBase("Fn::RefAll", parameter_type), display_hint="Fn::RefAll")

    @staticmethod
    def value_of(parameter_or_logical_id: str, attribute: str) -> str:
        """Returns an attribute value or list of values for a specific parameter and attribute (``Fn::ValueOf``).

        :param parameter_or_logical_id: The name of a parameter for which you want to retrieve attribute values.
        :param attribute: The name of an attribute from which you want to retrieve a value.
        :returns: a token represented as a string
        """
        return _FnBase("Fn::ValueOf", [parameter_or_logical_id, attribute]).to_string()

    @staticmethod
    def value_of_all(parameter_type: str, attribute: str) -> list[str]:
        """Returns a list of all attribute values for a given parameter type and attribute (``Fn::ValueOfAll``).

        :param parameter_type: An AWS-specific parameter type, such as AWS::EC2::SecurityGroup::Id or AWS::EC2::VPC::Id.
        :param attribute: The name of an attribute from which you want to retrieve a value.
        :returns: a token represented as a string array
        """
        return Token.as_list(_FnBase("Fn::ValueOfAll", [parameter_type, attribute]), display_hint="Fn::ValueOfAll")


def _as_rule_condition(condition: ICfnConditionExpression) -> ICfnRuleConditionExpression:
    if isinstance(condition, ICfnRuleConditionExpression):
        return condition
    return _FnConditionWrapper(condition)


class _FnConditionWrapper(ICfnRuleConditionExpression):
    def __init__(self, inner: ICfnConditionExpression) -> None:
        self._inner = inner

    def resolve(self, context: IResolveContext) -> Any:
        return self._inner


def _pseudo_string(name: str) -> str:
    return Token.as_string(Intrinsic({"Ref": name}), display_hint=name.replace("::", "."))


class Aws:
    """Accessor for pseudo parameters.

    Since pseudo parameters need to be anchored to a stack somewhere in the
    construct tree, this class takes an scope parameter; the pseudo parameter
    values can be obtained as properties from an scoped object.
    """

    ACCOUNT_ID: str = _pseudo_string("AWS::AccountId")
    NOTIFICATION_ARNS: list[str] = Token.as_list(
        Intrinsic({"Ref": "AWS::NotificationARNs"}), display_hint="AWS.NotificationARNs"
    )
    NO_VALUE: str = _pseudo_string("AWS::NoValue")
    PARTITION: str = _pseudo_string("AWS::Partition")
    REGION: str = _pseudo_string("AWS::Region")
    STACK_ID: str = _pseudo_string("AWS::StackId")
    STACK_NAME: str = _pseudo_string("AWS::StackName")
    URL_SUFFIX: str = _pseudo_string("AWS::URLSuffix")
