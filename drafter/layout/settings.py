"""The numbers NĐ 30 leaves to the implementer, declared once: default, legal range,
unit and label of each.

The preferences dialog, the preferences file and the layout all derive from the
fields of :class:`LayoutSettings` and their :class:`SettingSpec`; a new setting is one
line here (and its use in :mod:`drafter.layout.build`).

Defaults follow the recommendation of the standard's digest (§12): 13/13/14/14 in the
header, 14 for the type name, the summary and the body, 12 for V/v, Nơi nhận 12 + 11.
Every value can be changed by the user, but only inside the range the decree allows.
The size of "Số:" (ô 3) is not a setting: the decree fixes it at 13 pt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

from drafter.core.problems import Problem
from drafter.i18n import N_, _


class Unit(StrEnum):
    MM = "mm"
    CM = "cm"
    PT = "pt"
    LINES = "lines"  # a multiple of single line spacing
    SHARE = "share"  # a fraction of the length of the text above

    @property
    def label(self) -> str:
        """How the unit is printed after a setting's label, in the user's language."""
        if self is Unit.LINES:
            return _("lines")
        if self is Unit.SHARE:
            return _("share of the text")
        return self.value


@dataclass(frozen=True)
class SettingSpec:
    """What a layout setting is: everything but its current value."""

    name: str
    default: float
    low: float
    high: float
    unit: Unit
    label: str  # English source text; shown through _()
    choices: tuple[float, ...] = ()  # when the decree names only some values of the range

    @property
    def display_label(self) -> str:
        return _("{label} ({unit})").format(label=_(self.label), unit=self.unit.label)

    @property
    def step(self) -> float:
        return 0.5 if self.high - self.low >= 2 else 0.01

    def problem(self, value: float) -> str | None:
        """Why *value* is not allowed, or None."""
        if not self.low - 1e-9 <= value <= self.high + 1e-9:
            return _("must be between {low:g} and {high:g}").format(low=self.low, high=self.high)
        if self.choices and not any(abs(value - c) < 1e-9 for c in self.choices):
            return _("must be one of: {choices}").format(
                choices=", ".join(f"{c:g}" for c in self.choices)
            )
        return None


def _setting(
    default: float, low: float, high: float, unit: Unit, label: str, choices: tuple[float, ...] = ()
) -> float:
    """A field of :class:`LayoutSettings` with its declaration (the name is filled in
    from the field)."""
    spec = SettingSpec("", default, low, high, unit, label, choices)
    return field(default=default, metadata={"spec": spec})


@dataclass(frozen=True)
class LayoutSettings:
    # Page margins (Appendix I, I.5)
    margin_top: float = _setting(20.0, 20, 25, Unit.MM, N_("Top margin"))
    margin_bottom: float = _setting(20.0, 20, 25, Unit.MM, N_("Bottom margin"))
    margin_left: float = _setting(30.0, 30, 35, Unit.MM, N_("Left margin"))
    margin_right: float = _setting(15.0, 15, 20, Unit.MM, N_("Right margin"))
    # Font sizes (Appendix I, table of ô 1 to 13)
    quoc_hieu_size: float = _setting(13.0, 12, 13, Unit.PT, N_("Quốc hiệu size"))
    tieu_ngu_size: float = _setting(14.0, 13, 14, Unit.PT, N_("Tiêu ngữ size"))
    issuer_size: float = _setting(13.0, 12, 13, Unit.PT, N_("Issuing body size"))
    date_size: float = _setting(14.0, 13, 14, Unit.PT, N_("Place and date size"))
    title_size: float = _setting(14.0, 13, 14, Unit.PT, N_("Type name size"))
    vv_size: float = _setting(12.0, 12, 13, Unit.PT, N_("V/v size"))
    body_size: float = _setting(14.0, 13, 14, Unit.PT, N_("Body size"))
    signature_size: float = _setting(14.0, 13, 14, Unit.PT, N_("Signature size"))
    # Body paragraphs: indent 1 or 1.27 cm, at least 6 pt apart, single to 1.5 lines
    first_line_indent_cm: float = _setting(
        1.27, 1.0, 1.27, Unit.CM, N_("First-line indent"), choices=(1.0, 1.27)
    )
    paragraph_space_pt: float = _setting(6.0, 6, 24, Unit.PT, N_("Space between paragraphs"))
    line_spacing: float = _setting(1.0, 1.0, 1.5, Unit.LINES, N_("Line spacing"))
    # Header columns: the left holds the issuer, the right the Quốc hiệu (not normative;
    # the samples use about 65 + 100 mm)
    header_left_mm: float = _setting(65.0, 50, 80, Unit.MM, N_("Header left column"))
    header_right_mm: float = _setting(100.0, 90, 110, Unit.MM, N_("Header right column"))
    # Rule line under the issuer and the summary: 1/3 to 1/2 of the text above it
    rule_share: float = _setting(0.4, 1 / 3, 0.5, Unit.SHARE, N_("Rule line length"))


def _specs() -> dict[str, SettingSpec]:
    out = {}
    for spec in fields(LayoutSettings):
        declared: SettingSpec = spec.metadata["spec"]
        out[spec.name] = SettingSpec(
            spec.name,
            declared.default,
            declared.low,
            declared.high,
            declared.unit,
            declared.label,
            declared.choices,
        )
    return out


# Every setting's declaration, in the order of the dialog.
SPECS: dict[str, SettingSpec] = _specs()
# Legal ranges: (minimum, maximum) for each setting, from NĐ 30 Appendix I.
RANGES: dict[str, tuple[float, float]] = {name: (s.low, s.high) for name, s in SPECS.items()}


def check(settings: LayoutSettings) -> list[Problem]:
    """Every setting outside what NĐ 30 allows."""
    problems = []
    for name, spec in SPECS.items():
        message = spec.problem(getattr(settings, name))
        if message is not None:
            problems.append(Problem(f"settings.{name}", message))
    return problems


DEFAULT = LayoutSettings()
