"""The JSON members of a review package (.rvpkg), validated with pydantic.

round.json      the round: who runs it, deadlines, quotas, aggregation policy, calendar, rubric pins
applicants.json the applicants, their acceptance (受理/补正) and their materials
experts.json    the panel: names, roles, public keys, assignments
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..calendar import CalendarYear
from ..carriers import CarrierType
from ..policy import AggregationPolicy

APPLICANT_ID = r"^[A-Za-z0-9_\-]{1,32}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadlines(_Strict):
    submission: date | None = None  # 申报截止
    review: date | None = None  # 评审完成
    report: date  # 报送市人力资源保障局 (the publicity window must end before it)


class RubricPin(_Strict):
    rubric_id: str
    version: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class IntakeRef(_Strict):
    """The bureau's intake the experts' outboxes send to (SPEC "The bureau's intake service"). In the
    spec folder only `url` and `identity_file`; the built package also carries that file's key."""

    url: str = Field(pattern=r"^https?://[^\s/]+(/\S*)?$")
    identity_file: str = Field(pattern=r"^[^/\\]{1,128}\.pub$")
    public_key_pem: str = ""  # the intake's receipt key (filled in by package build)
    fingerprint: str = ""
    # Optional pin (issue 12): SHA-256 of the intake's TLS certificate (DER), so that a bureau's own
    # self-signed certificate is trusted and nothing else is. Absent from packages without a pin.
    tls_sha256: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")

    @field_validator("tls_sha256", mode="before")
    @classmethod
    def _hex(cls, value: object) -> object:
        # as `openssl x509 -noout -fingerprint -sha256` prints it (AB:CD:…) or as plain hex
        return value.replace(":", "").strip().lower() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _pinned_means_tls(self) -> IntakeRef:
        if self.tls_sha256 and not self.url.startswith("https://"):
            raise ValueError("a pinned certificate (tls_sha256) needs an https:// url")
        return self


class RoundFile(_Strict):
    schema_: Literal["reviewdesk-round/1"] = Field(alias="schema")
    round_id: str = Field(pattern=r"^[A-Za-z0-9_\-]{1,64}$")
    year: int = Field(ge=2000, le=2100)
    district: str = Field(min_length=1)
    bureau: str = Field(min_length=1)
    programme: str = Field(min_length=1)
    title: str = Field(min_length=1)
    call_reference: str = ""
    # Where and how the public raises objections during 公示 (printed on the notice); optional, so
    # packages made before these fields import unchanged.
    bureau_address: str = ""
    bureau_phone: str = ""
    correction_days: int = Field(default=5, ge=1, le=30)  # working days an applicant has to 补正
    deadlines: Deadlines
    publicity_days: int = Field(default=5, ge=1, le=30)
    quotas: dict[CarrierType, int]
    policy: AggregationPolicy
    required_materials: dict[CarrierType, list[str]]
    rubrics: dict[CarrierType, RubricPin]
    calendar: list[CalendarYear] = Field(min_length=1)
    intake: IntakeRef | None = None  # optional: packages without it still import


class MaterialEntry(_Strict):
    position: int = Field(ge=1, le=99)
    name: str = Field(min_length=1)
    status: Literal["ok", "encrypted", "missing"]
    member: str | None = None
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    size: int | None = Field(default=None, ge=0)
    pages: int | None = Field(default=None, ge=0)


class Finding(_Strict):
    """One completeness problem found when the package was built (补正 reasons)."""

    material: str
    problem: Literal["missing", "extra", "unreadable", "encrypted", "empty"]


class ApplicantEntry(_Strict):
    applicant_id: str = Field(pattern=APPLICANT_ID)
    name: str = Field(min_length=1)
    uscc: str
    entity_kind: str
    industry: str = ""
    carrier_type: CarrierType
    address: str = ""
    legal_representative: str = ""
    contact: str = ""
    acceptance: Literal["accepted", "correction"]
    findings: list[Finding] = []
    materials: list[MaterialEntry]


class ApplicantsFile(_Strict):
    schema_: Literal["reviewdesk-applicants/1"] = Field(alias="schema")
    applicants: list[ApplicantEntry]


class ExpertEntry(_Strict):
    expert_id: str = Field(pattern=APPLICANT_ID)
    name: str = Field(min_length=1)
    role: Literal["member", "chair"]
    organisation: str = ""
    title: str = ""
    public_key_pem: str
    fingerprint: str
    applicants: list[str]


class ExpertsFile(_Strict):
    schema_: Literal["reviewdesk-experts/1"] = Field(alias="schema")
    experts: list[ExpertEntry]


def decimal_str(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)
