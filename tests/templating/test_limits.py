"""Hostile body templates end within their limits, with a clear message and its line.

Every probe here once ran for minutes, took gigabytes or never ended.  Each runs under
a memory cap (``memory_cap``): a broken limit makes the test fail, not the machine
swap.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sample_letters import cong_van

from drafter.core import letterfile
from drafter.core.doctypes import DocType, default_registry
from drafter.core.fields import FieldKind, FieldSpec
from drafter.templating import environment
from drafter.templating.environment import TemplateProblem, compile_template, load_body_template
from drafter.templating.limits import ENVIRONMENT, TemplateLimits

pytestmark = pytest.mark.usefixtures("english", "memory_cap")

PATH = "/templates/thu/body.md.j2"
CAN_CU = FieldSpec(id="can_cu", label="Căn cứ", kind=FieldKind.LINES)
LINES = {"can_cu": [f"Căn cứ {i}" for i in range(20)]}
BOMB = "{% macro f(n) %}{% if n > 0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}"
BIG = "{% set s = 'a' * 999999 %}"  # as large as a single value may be


def doctype(folder: Path = Path("/templates/thu")) -> DocType:
    return replace(default_registry().get("cong_van"), fields=(CAN_CU,), folder=folder)


def render(source: str, limits: TemplateLimits | None = None) -> str:
    # Every field must be used: the probe comes on line 2, after them and a marker.
    template = compile_template(
        "{{ body }}{% for x in can_cu %}{% endfor %}§\n" + source, doctype(), PATH
    )
    return template.render(cong_van(fields=LINES), limits).split("§\n", 1)[1]


def problem(source: str, limits: TemplateLimits | None = None) -> TemplateProblem:
    with pytest.raises(TemplateProblem) as caught:
        render(source, limits)
    assert caught.value.path == PATH
    return caught.value


TOO_MUCH = "the template makes too much text (more than 1000000 characters)"


class TestRunaways:
    def test_exponential_macro_stops_at_the_depth_limit(self) -> None:
        error = problem(BOMB + "{{ f(60) }}")
        assert error.message == "the template nests calls too deeply (more than 50 levels)"
        assert error.line == 2

    def test_macro_that_never_finishes_stops_at_the_time_limit(self) -> None:
        # 2**40 calls, each within the depth limit and writing nothing.
        error = problem(BOMB + "{{ f(40) }}", TemplateLimits(seconds=0.2))
        assert error.message == "the template takes too long (more than 0.2 seconds)"
        assert error.line == 2

    @pytest.mark.parametrize(
        "source",
        [
            "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
            "{% for x in can_cu recursive %}{{ loop(x) }}{% endfor %}",
            "{% block b %}{{ self.b() }}{% endblock %}",
            "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}{{ a() }}",
            "{% macro m() %}{{ caller() }}{% endmacro %}"
            "{% macro r() %}{% call m() %}{{ r() }}{% endcall %}{% endmacro %}{{ r() }}",
        ],
    )
    def test_every_kind_of_recursion_is_counted(self, source: str) -> None:
        assert "nests calls too deeply" in problem(source).message

    def test_recursion_beyond_python_s_own_limit_has_a_message(self) -> None:
        # Configured deeper than Python's stack allows: RecursionError, still explained.
        error = problem(
            "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", TemplateLimits(max_depth=10**6)
        )
        assert error.message == "the template nests calls too deeply"

    @pytest.mark.parametrize(
        "source",
        [
            "{% for a in can_cu|list %}{% for b in can_cu|list %}{% for c in s|list %}"
            "{% endfor %}{% endfor %}{% endfor %}",
            "{% for c in s|list %}{% for d in s|list %}{% endfor %}{% endfor %}",
            "{% for c in s %}{% endfor %}",
            "{{ range(10**9)|list }}",
            "{{ range(200000)|length }}",
        ],
    )
    def test_loops_over_filtered_fields_are_counted(self, source: str) -> None:
        error = problem(BIG + source)
        assert error.message == "the template repeats its loops too often (more than 100000 times)"

    def test_loops_with_a_known_length_keep_it(self) -> None:
        text = render("{% for x in can_cu|reverse %}{{ loop.length }}{{ loop.last }};{% endfor %}")
        assert text.split(";")[:2] == ["20False", "20False"]
        assert text.split(";")[19] == "20True"


class TestHugeValues:
    @pytest.mark.parametrize(
        "source",
        [
            "{{ 'x'|center(10**9) }}",
            "{{ 'x'.center(10**9) }}",
            "{{ 'x'.ljust(10**9) }}",
            "{{ '%1000000000s' % 'x' }}",
            "{{ '%*s' % (10**9, 'x') }}",
            "{{ '%.1000000000f' % 1.5 }}",
            "{{ '%s'|format('x')|center(10**9) }}",
            "{{ '%1000000000s'|format('x') }}",
            "{{ '{:>1000000000}'.format('x') }}",
            "{{ '{:>{w}}'.format('x', w=10**9) }}",
            "{{ '{:>{w}}'.format('x', w='1000000000') }}",
            "{{ '{x:>1000000000}'.format_map({'x': 1}) }}",
            "{{ 'x' * 10**9 }}",
            "{{ ['x'] * 10**9 }}",
            "{{ 'x'|indent(10**9) }}",
            "{{ ('a' ~ '\\n' * 999)|indent(s) }}",
            "{{ 'x'|truncate(10**9) }}",
            "{{ s|wordwrap(1) }}",
            "{{ ('a ' * 400000)|wordwrap(1, wrapstring=s) }}",
            "{{ s|list|join(s) }}",
            "{{ s.join(s) }}",
            "{{ s|replace('', s) }}",
            "{{ s.replace('a', s) }}",
            "{{ s.translate({97: s}) }}",
            "{{ ('\\t' * 999999).expandtabs(999999) }}",
            "{{ s|batch(10**9, 'x')|list }}",
            "{{ ('%s' * 100000) % ((s,) * 100000) }}",
            "{{ ('{0}' * 100000).format(s) }}",
            "{{ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s }}",
            "{{ s + s }}",
            "{% set l = [s] * 999999 %}{{ l }}",
            "{% set l = [s] * 999999 %}{{ l|string }}",
            "{% set l = [s] * 999999 %}{{ l|join }}",
            "{{ ([[s] * 999999] * 999999)|sum(start=[]) }}",
            "{{ s|list|map('center', 999999)|list }}",
            "{% set t = s %}" + "{% set t %}{{ t }}{{ t }}{% endset %}" * 8,
            "{% macro m() %}{{ s }}{{ s }}{% endmacro %}{{ m()|length }}",
            "{% set l = [1] %}{% for x in can_cu %}{{ l.extend(l) }}{% endfor %}",
            "{% set ns = namespace(l=[]) %}{% for c in s %}{% set ns.l = ns.l + [s] %}{% endfor %}",
            "{% for c in can_cu %}{{ s }}{% endfor %}",
            "{% for c in s|list %}{% set t %}" + "a" * 100 + "{% endset %}{% endfor %}",
        ],
    )
    def test_refused_before_they_are_built(self, source: str) -> None:
        assert problem(BIG + source).message == TOO_MUCH

    def test_filters_that_write_html_or_json_are_not_available(self) -> None:
        for source in ("{{ body|tojson }}", "{{ body|pprint }}", "{{ body|urlize }}"):
            error = problem(source)
            assert "No filter named" in error.message and error.line == 2

    def test_lipsum_is_not_available(self) -> None:
        error = problem("{{ lipsum(10**6) }}")
        assert "'lipsum'" in error.message

    def test_ordinary_numbers_are_not_widths(self) -> None:
        # A sum of money is a number, not a size: only widths and counts are bounded.
        assert render("{{ 5000000 * 1000 }} {{ 7000000|default(0) }} {{ 2500000 + 1 }}").endswith(
            "5000000000 7000000 2500001"
        )

    def test_memory_error_has_a_message(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def exhausted(value: object) -> str:
            raise MemoryError

        monkeypatch.setitem(environment._ENV.filters, "upper", exhausted)
        error = problem("{{ body|upper }}")
        assert error.message == "the template needs more memory than there is"
        assert error.line == 2


class TestEverydayTemplates:
    def test_formats_joins_and_widths_of_letter_size_work(self) -> None:
        source = (
            "{{ '%-5s|' % 'ab' }}{{ '{:>4}|'.format(7) }}{{ can_cu[:2]|join('; ') }}|"
            "{{ 'x'|center(5) }}|{{ '%s-%s'|format(1, 2) }}|{{ 'a b c'|wordwrap(3) }}|"
            "{{ ('a' ~ 'b') * 2 }}|{{ can_cu|length }}"
        )
        assert render(source).splitlines() == [
            "ab   |   7|Căn cứ 0; Căn cứ 1|  x  |1-2|a b",
            "c|abab|20",
        ]

    def test_missing_values_still_take_a_default(self) -> None:
        assert (
            render("{{ issuer.nickname | default('x') }}{{ issuer.nick is defined }}") == "xFalse"
        )

    def test_macros_nest_within_the_limit(self) -> None:
        source = (
            "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{% endif %}{{ n }}{% endmacro %}{{ m(30) }}"
        )
        assert render(source).endswith("".join(str(n) for n in range(31)))

    def test_limits_are_read_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENVIRONMENT["max_chars"], "1000")
        assert (
            problem("{{ 'x' * 1001 }}").message
            == "the template makes too much text (more than 1000 characters)"
        )
        monkeypatch.delenv(ENVIRONMENT["max_chars"])
        monkeypatch.setenv(ENVIRONMENT["max_loops"], "5")
        assert "more than 5 times" in problem("").message

    def test_unreadable_settings_keep_the_defaults(self) -> None:
        limits = TemplateLimits.from_environment(
            {
                ENVIRONMENT["seconds"]: "0.5",
                ENVIRONMENT["max_depth"]: "many",
                ENVIRONMENT["max_chars"]: "-3",
                ENVIRONMENT["max_loops"]: " 20 ",
            }
        )
        assert limits == TemplateLimits(seconds=0.5, max_loops=20)

    def test_shipped_templates_render_their_samples(self) -> None:
        registry = default_registry()
        for dtype in registry.all():
            letter, _problems = letterfile.load(dtype.sample_path, registry)
            # Far within every limit: a tenth of each is still plenty.
            tight = TemplateLimits(seconds=0.5, max_chars=100_000, max_depth=5, max_loops=1000)
            assert load_body_template(dtype).render(letter, tight) == load_body_template(
                dtype
            ).render(letter), dtype.id

    def test_message_in_vietnamese(self) -> None:
        from drafter import i18n

        i18n.set_language("vi")
        assert (
            problem(BOMB + "{{ f(40) }}", TemplateLimits(seconds=0.1)).message
            == "mẫu chạy quá lâu (hơn 0.1 giây)"
        )
        assert (
            problem(BIG + "{{ s * 2 }}").message == "mẫu tạo ra quá nhiều chữ (hơn 1000000 ký tự)"
        )
        assert problem(BOMB + "{{ f(60) }}").message == "mẫu lồng các lời gọi quá sâu (hơn 50 tầng)"


class TestTemplateFiles:
    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
    def test_a_fifo_is_refused_without_blocking(self, tmp_path: Path) -> None:
        os.mkfifo(tmp_path / "body.md.j2")
        with pytest.raises(TemplateProblem, match="not a regular file"):
            load_body_template(doctype(tmp_path))

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_a_device_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "body.md.j2").symlink_to("/dev/zero")
        with pytest.raises(TemplateProblem, match="not a regular file"):
            load_body_template(doctype(tmp_path))

    def test_a_huge_file_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "body.md.j2").write_text("{{ body }}" + " " * 2_000_000, encoding="utf-8")
        with pytest.raises(TemplateProblem, match="too large"):
            load_body_template(doctype(tmp_path))

    def test_deeply_nested_source_is_a_problem(self) -> None:
        with pytest.raises(TemplateProblem) as caught:
            compile_template("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", doctype(), PATH)
        assert caught.value.message


def _cap_child_memory() -> None:
    cap = 2 << 30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


@pytest.mark.parametrize(
    ("language", "call", "seconds", "expected"),
    [
        ("en", "f(60)", "", "the template nests calls too deeply (more than 50 levels)"),
        ("vi", "f(60)", "", "mẫu lồng các lời gọi quá sâu (hơn 50 tầng)"),
        ("en", "f(40)", "0.5", "the template takes too long (more than 0.5 seconds)"),
    ],
)
def test_cli_render_stops_a_runaway_user_template(
    drafter_home: Path, tmp_path: Path, language: str, call: str, seconds: str, expected: str
) -> None:
    user_type = drafter_home / "data" / "templates" / "cong_van"
    shutil.copytree(default_registry().get("cong_van").folder, user_type)
    body = user_type / "body.md.j2"
    body.write_text(
        body.read_text(encoding="utf-8") + BOMB + f"{{{{ {call} }}}}\n", encoding="utf-8"
    )
    letter = tmp_path / "thu.letter"
    letterfile.save(cong_van(), letter)
    env = {
        **os.environ,
        "DRAFTER_HOME": str(drafter_home),
        "DRAFTER_LANG": language,
        "PYTHONIOENCODING": "utf-8",
        ENVIRONMENT["seconds"]: seconds,
    }
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "render", str(letter), "-o", str(tmp_path / "thu.docx")],
        capture_output=True,
        env=env,
        timeout=60,
        preexec_fn=_cap_child_memory,
        check=False,
    )
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2, stderr
    assert f"{body}:2: {expected}" in stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "thu.docx").exists()
