"""Generated user templates: each one renders or is refused with a message, in bounds.

Templates are written by users and shared between offices; the sandbox must stop the
ones that escape, loop, recurse or build huge values before they cost the machine.
"""

from __future__ import annotations

import time

from hypothesis import event, given, settings
from hypothesis import strategies as st

from drafter.core import letterfile
from drafter.core.doctypes import default_registry
from drafter.templating.environment import TemplateProblem, compile_template
from drafter.templating.limits import TemplateLimits
from fuzz.bounds import PROFILE, bounded
from fuzz.strategies import user_template

TYPES = ("giay_moi", "quyet_dinh", "cong_van", "bao_cao")
# A shorter time limit than the default keeps thousands of runaway examples affordable;
# the other limits are the defaults users get.
LIMITS = TemplateLimits(seconds=0.5)
# A runaway template must stop within its time limit and this margin (a single large
# operation is not interrupted; the machine may be loaded).
MARGIN_SECONDS = 4.0


@st.composite
def typed_template(draw: st.DrawFn) -> tuple[str, str]:
    registry = default_registry()
    type_id = draw(st.sampled_from(TYPES))
    fields = [spec.id for spec in registry.get(type_id).fields]
    # A template must use every field its type declares; start with them, so that the
    # examples pass that check and reach the sandbox at run time.
    uses = "".join(f"{{{{ {field} }}}}\n" for field in fields)
    return type_id, uses + draw(user_template(fields))


@settings(settings.get_profile(PROFILE))
@given(case=typed_template())
def test_any_template_renders_or_is_refused(case: tuple[str, str]) -> None:
    type_id, source = case
    registry = default_registry()
    doctype = registry.get(type_id)
    letter, _problems = letterfile.load(doctype.sample_path, registry)
    started = time.monotonic()
    with bounded():
        try:
            output = compile_template(source, doctype).render(letter, LIMITS)
        except TemplateProblem as problem:
            message = str(problem)
            event("refused")
        else:
            message = ""
            event("rendered")
    elapsed = time.monotonic() - started
    assert elapsed < LIMITS.seconds + MARGIN_SECONDS, f"{elapsed:.1f} s for {source!r}"
    if message:
        assert message.split(":", 2)[-1].strip(), message
        assert "Traceback" not in message
    else:
        assert isinstance(output, str)
        assert len(output) <= LIMITS.max_chars
