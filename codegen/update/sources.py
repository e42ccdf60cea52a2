"""Where ``update-spec`` fetches the two inputs from: AWS's URLs, by region.

The resource specification has one host per region (AWS's table, as cfn-lint
0.87.11 lists it in ``cfnlint/helpers.py``); the registry schema zip has one URL
pattern. ``[tool.cfn-codegen]`` may set ``region``, ``resource-spec-url`` and
``registry-schema-url`` (both may contain ``{region}``); the command line wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

from codegen.errors import ConfigError
from codegen.load.specfiles import RESOURCE_SPEC_FILE, SCHEMA_ZIP_FILE

DEFAULT_REGION = "us-east-1"

_SPEC = "CloudFormationResourceSpecification.json"

# AWS's per-region locations of the resource specification.
RESOURCE_SPEC_URLS: Mapping[str, str] = {
    "af-south-1": f"https://cfn-resource-specifications-af-south-1-prod.s3.af-south-1.amazonaws.com/latest/gzip/{_SPEC}",
    "ap-east-1": f"https://cfn-resource-specifications-ap-east-1-prod.s3.ap-east-1.amazonaws.com/latest/gzip/{_SPEC}",
    "ap-northeast-1": f"https://d33vqc0rt9ld30.cloudfront.net/latest/gzip/{_SPEC}",
    "ap-northeast-2": f"https://d1ane3fvebulky.cloudfront.net/latest/gzip/{_SPEC}",
    "ap-northeast-3": f"https://d2zq80gdmjim8k.cloudfront.net/latest/gzip/{_SPEC}",
    "ap-south-1": f"https://d2senuesg1djtx.cloudfront.net/latest/gzip/{_SPEC}",
    "ap-south-2": f"https://cfn-resource-specifications-ap-south-2-prod.s3.ap-south-2.amazonaws.com/latest/gzip/{_SPEC}",
    "ap-southeast-1": f"https://doigdx0kgq9el.cloudfront.net/latest/gzip/{_SPEC}",
    "ap-southeast-2": f"https://d2stg8d246z9di.cloudfront.net/latest/gzip/{_SPEC}",
    "ap-southeast-3": f"https://cfn-resource-specifications-ap-southeast-3-prod.s3.ap-southeast-3.amazonaws.com/latest/{_SPEC}",
    "ap-southeast-4": f"https://cfn-resource-specifications-ap-southeast-4-prod.s3.ap-southeast-4.amazonaws.com/latest/{_SPEC}",
    "ap-southeast-5": f"https://cfn-resource-specifications-ap-southeast-5-prod.s3.ap-southeast-5.amazonaws.com/latest/{_SPEC}",
    "ca-central-1": f"https://d2s8ygphhesbe7.cloudfront.net/latest/gzip/{_SPEC}",
    "ca-west-1": f"https://cfn-resource-specifications-ca-west-1-prod.s3.ca-west-1.amazonaws.com/latest/{_SPEC}",
    "cn-north-1": f"https://cfn-resource-specifications-cn-north-1-prod.s3.cn-north-1.amazonaws.com.cn/latest/gzip/{_SPEC}",
    "cn-northwest-1": f"https://cfn-resource-specifications-cn-northwest-1-prod.s3.cn-northwest-1.amazonaws.com.cn/latest/gzip/{_SPEC}",
    "eu-central-1": f"https://d1mta8qj7i28i2.cloudfront.net/latest/gzip/{_SPEC}",
    "eu-central-2": f"https://cfn-resource-specifications-eu-central-2-prod.s3.eu-central-2.amazonaws.com/latest/gzip/{_SPEC}",
    "eu-north-1": f"https://diy8iv58sj6ba.cloudfront.net/latest/gzip/{_SPEC}",
    "eu-south-1": f"https://cfn-resource-specifications-eu-south-1-prod.s3.eu-south-1.amazonaws.com/latest/gzip/{_SPEC}",
    "eu-south-2": f"https://cfn-resource-specifications-eu-south-2-prod.s3.eu-south-2.amazonaws.com/latest/gzip/{_SPEC}",
    "eu-west-1": f"https://d3teyb21fexa9r.cloudfront.net/latest/gzip/{_SPEC}",
    "eu-west-2": f"https://d1742qcu2c1ncx.cloudfront.net/latest/gzip/{_SPEC}",
    "eu-west-3": f"https://d2d0mfegowb3wk.cloudfront.net/latest/gzip/{_SPEC}",
    "il-central-1": f"https://cfn-resource-specifications-il-central-1-prod.s3.il-central-1.amazonaws.com/latest/gzip/{_SPEC}",
    "me-central-1": f"https://cfn-resource-specifications-me-central-1-prod.s3.me-central-1.amazonaws.com/latest/gzip/{_SPEC}",
    "me-south-1": f"https://cfn-resource-specifications-me-south-1-prod.s3.me-south-1.amazonaws.com/latest/gzip/{_SPEC}",
    "sa-east-1": f"https://d3c9jyj3w509b0.cloudfront.net/latest/gzip/{_SPEC}",
    "us-east-1": f"https://d1uauaxba7bl26.cloudfront.net/latest/gzip/{_SPEC}",
    "us-east-2": f"https://dnwj8swjjbsbt.cloudfront.net/latest/gzip/{_SPEC}",
    "us-gov-east-1": f"https://s3.us-gov-east-1.amazonaws.com/cfn-resource-specifications-us-gov-east-1-prod/latest/gzip/{_SPEC}",
    "us-gov-west-1": f"https://s3.us-gov-west-1.amazonaws.com/cfn-resource-specifications-us-gov-west-1-prod/latest/gzip/{_SPEC}",
    "us-west-1": f"https://d68hl49wbnanq.cloudfront.net/latest/gzip/{_SPEC}",
    "us-west-2": f"https://d201a2mn26r7lk.cloudfront.net/latest/gzip/{_SPEC}",
}

REGISTRY_SCHEMA_URL = "https://schema.cloudformation.{region}.amazonaws.{tld}/CloudformationSchema.zip"

# The two inputs: the key in provenance.json, the file in specs/, a name for people.
RESOURCE_SPEC = "resource-specification"
REGISTRY_SCHEMAS = "registry-schemas"
FILES = {RESOURCE_SPEC: RESOURCE_SPEC_FILE, REGISTRY_SCHEMAS: SCHEMA_ZIP_FILE}
TITLES = {RESOURCE_SPEC: "resource specification", REGISTRY_SCHEMAS: "registry schemas"}


@dataclass(frozen=True)
class Source:
    """One input to fetch: ``url`` (http/https) or a local ``file``."""

    kind: str  # RESOURCE_SPEC or REGISTRY_SCHEMAS
    url: Optional[str] = None
    file: Optional[str] = None
    official_url: str = ""
    expected_sha256: Optional[str] = None

    @property
    def location(self) -> str:
        return self.url if self.url is not None else str(self.file)


def _expand(template: str, region: str, key: str) -> str:
    try:
        return template.format(region=region, tld="com.cn" if region.startswith("cn-") else "com")
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"[tool.cfn-codegen] {key}: bad placeholder in {template!r}: {exc}") from None


def official_urls(extra: Mapping[str, Any], region: Optional[str] = None) -> dict[str, str]:
    """The configured URL of each input for ``region`` (default: ``[tool.cfn-codegen] region``)."""
    region = region or str(extra.get("region", DEFAULT_REGION))
    spec_template = extra.get("resource-spec-url")
    schema_template = extra.get("registry-schema-url", REGISTRY_SCHEMA_URL)
    for key, value in (("resource-spec-url", spec_template), ("registry-schema-url", schema_template)):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"[tool.cfn-codegen] {key} must be a string")
    if spec_template is None:
        if region not in RESOURCE_SPEC_URLS:
            known = ", ".join(sorted(RESOURCE_SPEC_URLS))
            raise ConfigError(f"no resource specification URL is known for region {region!r} (known: {known})")
        spec_url = RESOURCE_SPEC_URLS[region]
    else:
        spec_url = _expand(str(spec_template), region, "resource-spec-url")
    return {
        RESOURCE_SPEC: spec_url,
        REGISTRY_SCHEMAS: _expand(str(schema_template), region, "registry-schema-url"),
    }


def kind_of(location: str) -> str:
    """Which input a ``--url``/``--file`` names: a ``.zip`` is the schema zip, anything else the spec."""
    path = location.split("?", 1)[0].split("#", 1)[0]
    return REGISTRY_SCHEMAS if path.lower().endswith(".zip") else RESOURCE_SPEC


__all__ = [
    "DEFAULT_REGION",
    "FILES",
    "REGISTRY_SCHEMAS",
    "RESOURCE_SPEC",
    "RESOURCE_SPEC_URLS",
    "Source",
    "TITLES",
    "kind_of",
    "official_urls",
]
