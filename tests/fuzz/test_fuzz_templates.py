"""Generated user templates: each one renders or is refused with a message, in bounds.

Templates are written by users and shared between offices; the sandbox must stop the
ones that escape, loop, recurse or build huge values before they cost the machine.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core import letterfile
from drafter.core.doctypes import default_registry
from drafter.templating.environment import TemplateProblem, compile_template
from fuzz.bounds import PROFILE, bounded
from fuzz.strategies import user_template

TYPES = ("giay_moi", "quyet_dinh", "cong_van", "bao_cao")


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
    with bounded():
        try:
            output = compile_template(source, doctype).render(letter)
        except TemplateProblem as problem:
            assert str(problem).strip()
            assert "Traceback" not in str(problem)
            return
    assert isinstance(output, str)
