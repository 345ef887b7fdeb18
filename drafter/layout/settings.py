"""The numbers NĐ 30 leaves to the implementer, with our defaults and the legal ranges.

Defaults follow the recommendation of the standard's digest (§12): 13/13/14/14 in the
header, 14 for the type name, the summary and the body, 12 for V/v, Nơi nhận 12 + 11.
Every value can be changed by the user, but only inside the range the decree allows.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from drafter.core.problems import Problem
from drafter.i18n import _


@dataclass(frozen=True)
class LayoutSettings:
    # Page margins in mm (Appendix I, I.5)
    margin_top: float = 20.0
    margin_bottom: float = 20.0
    margin_left: float = 30.0
    margin_right: float = 15.0
    # Font sizes in points
    quoc_hieu_size: float = 13.0
    tieu_ngu_size: float = 14.0
    issuer_size: float = 13.0
    number_size: float = 13.0
    date_size: float = 14.0
    title_size: float = 14.0
    vv_size: float = 12.0
    body_size: float = 14.0
    signature_size: float = 14.0
    # Body paragraphs
    first_line_indent_cm: float = 1.27
    paragraph_space_pt: float = 6.0
    line_spacing: float = 1.0  # a multiple of single spacing
    # Header columns in mm; the right one holds the Quốc hiệu
    header_left_mm: float = 65.0
    header_right_mm: float = 100.0
    # Rule line under the issuer and the summary, as a share of the text above it
    rule_share: float = 0.4


# Legal ranges: (minimum, maximum) for each setting, from NĐ 30 Appendix I.
RANGES: dict[str, tuple[float, float]] = {
    "margin_top": (20, 25),
    "margin_bottom": (20, 25),
    "margin_left": (30, 35),
    "margin_right": (15, 20),
    "quoc_hieu_size": (12, 13),
    "tieu_ngu_size": (13, 14),
    "issuer_size": (12, 13),
    "number_size": (13, 13),
    "date_size": (13, 14),
    "title_size": (13, 14),
    "vv_size": (12, 13),
    "body_size": (13, 14),
    "signature_size": (13, 14),
    "first_line_indent_cm": (1.0, 1.27),
    "paragraph_space_pt": (6, 24),
    "line_spacing": (1.0, 1.5),
    "header_left_mm": (50, 80),
    "header_right_mm": (90, 110),
    "rule_share": (1 / 3, 0.5),
}


def check(settings: LayoutSettings) -> list[Problem]:
    """Every setting outside the range NĐ 30 allows."""
    problems = []
    for spec in fields(settings):
        low, high = RANGES[spec.name]
        value = getattr(settings, spec.name)
        if not low - 1e-9 <= value <= high + 1e-9:
            problems.append(Problem(f"settings.{spec.name}", _(
                "must be between {low:g} and {high:g}").format(low=low, high=high)))
    if settings.first_line_indent_cm not in (1.0, 1.27):
        problems.append(Problem("settings.first_line_indent_cm", _("must be 1 or 1.27")))
    return problems


DEFAULT = LayoutSettings()
