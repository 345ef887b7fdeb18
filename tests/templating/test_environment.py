"""Body templates: strict variables, the schema check both ways, file and line in every
error, and a sandbox that refuses escapes and resource bombs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sample_letters import cong_van

from drafter.core.doctypes import DocType, default_registry
from drafter.core.fields import FieldKind, FieldSpec
from drafter.templating.environment import (
    TemplateProblem,
    compile_template,
    escape_markdown,
    load_body_template,
)

pytestmark = pytest.mark.usefixtures("english")

FOLDER = Path("/templates/thu")
PATH = str(FOLDER / "body.md.j2")


def doctype(*fields: FieldSpec, folder: Path = FOLDER) -> DocType:
    base = default_registry().get("cong_van")
    return replace(base, fields=tuple(fields), folder=folder)


def render(source: str, *fields: FieldSpec, **letter_changes: object) -> str:
    template = compile_template(source, doctype(*fields), PATH)
    return template.render(cong_van(**letter_changes))


def problem(source: str, *fields: FieldSpec, **letter_changes: object) -> TemplateProblem:
    with pytest.raises(TemplateProblem) as caught:
        render(source, *fields, **letter_changes)
    assert caught.value.path == PATH
    return caught.value


NOI_DUNG = FieldSpec(id="noi_dung", label="Nội dung", kind=FieldKind.MARKDOWN)
CAN_CU = FieldSpec(id="can_cu", label="Căn cứ", kind=FieldKind.LINES)


class TestRendering:
    def test_builtins(self) -> None:
        text = render("{{ place }}, {{ date | date }}; {{ issuer_name }}; {{ number }}")
        assert text == "Hà Nội, ngày 05 tháng 3 năm 2026; SỞ GIÁO DỤC VÀ ĐÀO TẠO; 5"

    def test_upper_filter(self) -> None:
        assert render("{{ subject | upper }}", subject="về việc tuyển sinh") == "VỀ VIỆC TUYỂN SINH"

    def test_fields_and_loops(self) -> None:
        source = "{% for line in can_cu %}\n{{ line }}\n{% endfor %}\n{{ noi_dung }}"
        text = render(
            source,
            CAN_CU,
            NOI_DUNG,
            fields={"can_cu": ["Căn cứ A", "Căn cứ B"], "noi_dung": "**x**"},
        )
        assert text == "Căn cứ A\nCăn cứ B\n**x**"

    def test_plain_text_is_escaped_markdown_field_is_not(self) -> None:
        plain = FieldSpec(id="ghi_chu", label="Ghi chú")
        text = render(
            "{{ ghi_chu }}|{{ noi_dung }}",
            plain,
            NOI_DUNG,
            fields={"ghi_chu": "*a*", "noi_dung": "*a*"},
        )
        assert text == "\\*a\\*|*a*"

    def test_missing_field_value_uses_the_empty_value(self) -> None:
        assert render("[{% for x in can_cu %}{{ x }}{% endfor %}]", CAN_CU) == "[]"

    def test_date_filter_on_empty(self) -> None:
        assert render("[{{ date | date }}]", date=None) == "[]"


class TestStrictUndefined:
    def test_undefined_attribute_is_an_error_with_its_line(self) -> None:
        error = problem("dòng một\n{{ issuer.nickname }}\n")
        assert error.line == 2
        assert "does not exist" in error.message
        assert str(error).startswith(f"{PATH}:2: ")

    def test_undefined_item_of_a_list(self) -> None:
        error = problem("\n\n{{ kinh_gui[10] }}")
        assert error.line == 3


class TestSchemaCheck:
    def test_undeclared_variable(self) -> None:
        error = problem("một\nhai {{ ten_la }}\n")
        assert error.line == 2
        assert "'ten_la'" in error.message and "type.toml" in error.message

    def test_declared_but_unused_field(self) -> None:
        error = problem("{{ body }}", NOI_DUNG)
        assert "noi_dung" in error.message

    def test_loop_variables_are_not_fields(self) -> None:
        assert (
            render("{% for k in kinh_gui %}{{ k }};{% endfor %}")
            == "Phòng Giáo dục và Đào tạo các quận, huyện, thị xã;Các đơn vị trực thuộc Sở;"
        )

    def test_syntax_error_has_its_line(self) -> None:
        error = problem("một\nhai\n{% if body %}\n")
        assert error.line is not None and error.line >= 3
        assert "syntax error" in error.message


class TestSandbox:
    @pytest.mark.parametrize(
        "source",
        [
            "{{ body.__class__ }}",
            "{{ ''.__class__.__mro__ }}",
            "{{ ''.__class__.__mro__[1].__subclasses__() }}",
            "{{ issuer.__init__.__globals__ }}",
            "{{ date.__class__.__subclasses__() }}",
            "{{ cycler.__init__.__globals__.os }}",
            "{{ (body|attr('__class__')) }}",
            "{{ self.__init__.__globals__ }}",
            "{{ lipsum.__globals__ }}",
        ],
    )
    def test_attribute_escapes_are_refused(self, source: str) -> None:
        with pytest.raises(TemplateProblem) as caught:
            render(source)
        text = str(caught.value)
        assert text.startswith(PATH)
        assert "<class" not in text and "function" not in text.lower().split(":")[0]

    @pytest.mark.parametrize(
        "source",
        [
            "{{ range(10**9) | list | length }}",
            "{{ 'a' * 10**9 }}",
            "{{ 10**10**10**10**10 }}",  # left-associative in Jinja: the base grows
            "{{ (10**64)**64 }}",
            "{{ 2 ** 1000 }}",
            "{{ ((10**60)**60)**60 }}",
            "{{ ['a'] * 10**9 }}",
            "{% set s = 'a' * 1000 %}{{ s * 1000 * 1000 }}",
        ],
    )
    def test_resource_bombs_are_refused(self, source: str) -> None:
        error = problem(source)
        assert error.message

    @pytest.mark.parametrize(
        "source",
        [
            "{% include 'other.md.j2' %}",
            "{% import 'macros.j2' as m %}",
            "{% from 'macros.j2' import x %}",
            "{% extends 'base.j2' %}",
        ],
    )
    def test_include_and_import_are_refused(self, source: str) -> None:
        error = problem(source + "{{ body }}")
        assert "include or import" in error.message

    def test_power_is_left_associative_and_bounded(self) -> None:
        # Python reads 10**10**10 as 10**(10**10), a bomb; Jinja as (10**10)**10, a
        # 101-digit number, which is harmless and rendered quickly.
        assert render("{{ 10**10**10 }}") == str(10**100)

    @pytest.mark.parametrize(
        "source",
        [
            "{{ body + 1 }}",
            "{{ 1 / 0 }}",
            "{{ 10.0 ** 400 }}",
            "{{ kinh_gui | first | int + 'x' }}",
        ],
    )
    def test_runtime_faults_become_problems(self, source: str) -> None:
        error = problem("\n" + source)
        assert error.line == 2

    def test_repeated_large_output_stops_at_the_limit(self) -> None:
        # 100 × 900 000 characters: it must stop at the limit, not fill the memory first.
        error = problem(
            "{% set s = 'a' * 900000 %}{% for x in can_cu %}{{ s }}{% endfor %}",
            CAN_CU,
            fields={"can_cu": ["x"] * 100},
        )
        assert "too much text" in error.message

    def test_output_size_is_bounded(self) -> None:
        # Each product is small, the loop makes the whole too large.
        error = problem(
            "{% for x in can_cu %}{{ 'abcdefghij' * 50 }}{% endfor %}",
            CAN_CU,
            fields={"can_cu": ["x"] * 3000},
        )
        assert "too much text" in error.message

    @pytest.mark.parametrize(
        "source",
        [
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "{% for c in 'a' * 999999 %}{% for d in 'a' * 999999 %}{% endfor %}{% endfor %}",
            "{% for i in [1, 2, 3] %}{{ i }}{% endfor %}",
            "{% for i in range(3) %}{{ i }}{% endfor %}",
        ],
    )
    def test_loops_only_over_fields(self, source: str) -> None:
        # Loops over anything but the letter's data could run for hours producing
        # nothing; they are refused when the template is compiled, with their line.
        with pytest.raises(TemplateProblem) as caught:
            compile_template("\n" + source + "{{ body }}", doctype(), PATH)
        assert caught.value.line == 2
        assert "loop" in caught.value.message

    def test_loops_over_fields_and_their_parts(self) -> None:
        source = (
            "{% for x in kinh_gui | reverse %}{{ x }};{% endfor %}"
            "{% for n in issuer.name %}{{ n }}{% endfor %}"
            "{% for line in can_cu %}{{ loop.index }}{% endfor %}"
        )
        assert render(source, CAN_CU, fields={"can_cu": ["a", "b"]}) == (
            "Các đơn vị trực thuộc Sở;Phòng Giáo dục và Đào tạo các quận, huyện, thị xã;"
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO12"
        )

    def test_lipsum_is_not_available(self) -> None:
        error = problem("{{ lipsum(100000) }}")
        assert error.message

    def test_runaway_recursion_is_a_problem(self) -> None:
        error = problem("{% macro m(n) %}{{ m(n) }}{% endmacro %}\n{{ m(1) }}")
        assert error.message


class TestLoading:
    def test_shipped_templates_compile(self) -> None:
        for dtype in default_registry().all():
            load_body_template(dtype)  # raises TemplateProblem if broken

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(TemplateProblem) as caught:
            load_body_template(doctype(folder=tmp_path))
        assert caught.value.path == str(tmp_path / "body.md.j2")
        assert "missing" in caught.value.message

    def test_not_utf8(self, tmp_path: Path) -> None:
        (tmp_path / "body.md.j2").write_bytes("{{ body }} Hà Nội".encode("utf-16"))
        with pytest.raises(TemplateProblem, match="UTF-8"):
            load_body_template(doctype(folder=tmp_path))

    def test_changed_file_is_reloaded(self, tmp_path: Path) -> None:
        import os

        path = tmp_path / "body.md.j2"
        path.write_text("A {{ body }}", encoding="utf-8")
        dtype = doctype(folder=tmp_path)
        assert load_body_template(dtype).render(cong_van(body="x")) == "A x"
        path.write_text("B {{ body }}", encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        assert load_body_template(dtype).render(cong_van(body="x")) == "B x"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("*đậm*", "\\*đậm\\*"),
        ("a_b_c", "a\\_b\\_c"),
        ("# không phải tiêu đề", "\\# không phải tiêu đề"),
        ("- không phải danh sách", "\\- không phải danh sách"),
        ("1. không phải danh sách", "1\\. không phải danh sách"),
        ("2) mục", "2\\) mục"),
        ("> trích", "\\> trích"),
        ("a | b", "a \\| b"),
        ("[liên kết](x)", "\\[liên kết\\](x)"),
        ("<b>html</b>", "\\<b\\>html\\</b\\>"),
        ("Hà Nội, ngày 05", "Hà Nội, ngày 05"),
    ],
)
def test_escape_markdown(text: str, shown: str) -> None:
    assert escape_markdown(text) == shown


def test_escaped_text_parses_back_to_itself() -> None:
    from drafter.body.parser import parse_body

    for text in [
        "*đậm* và _nghiêng_",
        "# tiêu đề",
        "- gạch",
        "a | b | c",
        "<i>x</i>",
        "\\ gạch chéo",
        "`mã`",
    ]:
        blocks = parse_body(escape_markdown(text))
        assert [b.text for b in blocks] == [text], text


def test_date_builtin_is_a_date() -> None:
    assert render("{{ date.year }}", date=dt.date(2030, 1, 1)) == "2030"
