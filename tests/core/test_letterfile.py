"""The .letter file: round trip, and every way a file can be wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sample_letters import cong_van, long_cong_van_with_appendix, marked_cong_van

from drafter.core import letterfile
from drafter.core.letter import Appendix, Letter, Signature, Urgency
from drafter.core.problems import InvalidInput, Problem

pytestmark = pytest.mark.usefixtures("english")

MINIMAL = 'drafter = 1\ntype = "cong_van"\n'


def fields_of(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


class TestRoundTrip:
    @pytest.mark.parametrize("make", [cong_van, long_cong_van_with_appendix, marked_cong_van])
    def test_dumps_then_loads_gives_the_same_letter(self, make: Callable[[], Letter]) -> None:
        letter = make()
        again, problems = letterfile.loads(letterfile.dumps(letter))
        assert problems == []
        assert again == letter

    def test_save_then_load(self, tmp_path: Path) -> None:
        letter = cong_van()
        path = tmp_path / "thư.letter"
        letterfile.save(letter, path)
        again, problems = letterfile.load(path)
        assert (again, problems) == (letter, [])
        assert path.read_text(encoding="utf-8").startswith("# Drafter letter file")

    def test_lone_surrogate_and_controls_in_the_model_are_saved_clean(
            self, tmp_path: Path) -> None:
        letter = cong_van(subject="a\ud800b\x00c\udfff", kinh_gui=["Bộ\x0bNội vụ\ud83d"])
        path = tmp_path / "x.letter"
        letterfile.save(letter, path)  # no UnicodeEncodeError
        again, problems = letterfile.load(path)
        assert problems == []
        assert again.subject == "abc" and again.kinh_gui == ["Bộ Nội vụ"]

    def test_empty_values_are_left_out(self) -> None:
        text = letterfile.dumps(cong_van(number=None, symbol="", secrecy=letterfile.Secrecy("")))
        assert "number" not in text and "symbol" not in text and "secrecy" not in text

    def test_file_is_human_readable_utf8(self) -> None:
        text = letterfile.dumps(cong_van())
        assert 'place = "Hà Nội"' in text
        assert "date = 2026-03-05" in text

    def test_sample_letter_of_every_type_loads_clean(self) -> None:
        from drafter.core.doctypes import default_registry

        for doctype in default_registry().all():
            letter, problems = letterfile.load(doctype.sample_path)
            assert problems == [], doctype.id
            assert letter.type_id == doctype.id


class TestDefaults:
    def test_minimal_file(self) -> None:
        letter, problems = letterfile.loads(MINIMAL)
        assert problems == []
        assert letter.type_id == "cong_van"
        assert letter.luu == "VT"
        assert letter.number is None and letter.date is None

    def test_bom_is_accepted(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.letter"
        path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
        assert letterfile.load(path)[1] == []

    def test_values_are_cleaned(self) -> None:
        text = MINIMAL + 'place = "  Hà\\u000bNội\\u0000 "\nbody = "dòng 1\\u000cdòng 2\\r\\n"\n'
        letter, problems = letterfile.loads(text)
        assert problems == []
        assert letter.place == "Hà Nội"
        assert letter.body == "dòng 1\ndòng 2"

    def test_nfd_text_becomes_nfc(self) -> None:
        import unicodedata

        nfd = unicodedata.normalize("NFD", "Sở Nội vụ")
        letter, _ = letterfile.loads(MINIMAL + f'place = "{nfd}"\n')
        assert letter.place == "Sở Nội vụ"

    def test_lines_may_be_one_string(self) -> None:
        letter, problems = letterfile.loads(MINIMAL + 'kinh_gui = "Bộ Nội vụ\\nBộ Tài chính"\n')
        assert problems == []
        assert letter.kinh_gui == ["Bộ Nội vụ", "Bộ Tài chính"]

    def test_number_may_be_written_as_text(self) -> None:
        letter, problems = letterfile.loads(MINIMAL + 'number = "12"\n')
        assert (letter.number, problems) == (12, [])

    @pytest.mark.parametrize("written", ['"2026-01-05"', '"05/01/2026"', "2026-01-05"])
    def test_dates(self, written: str) -> None:
        letter, problems = letterfile.loads(MINIMAL + f"date = {written}\n")
        assert (letter.date, problems) == (dt.date(2026, 1, 5), [])


class TestProblems:
    def test_not_toml(self) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.loads("drafter = 1\ntype = \n")
        assert fields_of(caught.value.problems) == ["file"]
        assert "not a valid letter file" in caught.value.problems[0].message

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "windows-1258.letter"
        # Notepad on a Vietnamese Windows saves in the ANSI code page (windows-1258).
        path.write_bytes((MINIMAL + 'place = "Hà Nam"\n').encode("cp1258"))
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(path)
        assert caught.value.source == str(path)
        assert "UTF-8" in caught.value.problems[0].message

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(tmp_path / "none.letter")
        assert fields_of(caught.value.problems) == ["file"]

    def test_not_a_letter_file(self) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.loads('title = "x"\n')
        assert "drafter = 1" in caught.value.problems[0].message

    def test_newer_version(self) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.loads('drafter = 2\ntype = "cong_van"\n')
        assert fields_of(caught.value.problems) == ["drafter"]
        assert "newer version" in caught.value.problems[0].message

    def test_unknown_keys_everywhere(self) -> None:
        text = MINIMAL + ('colour = "red"\n[issuer]\nnickname = "x"\n'
                          '[[signatures]]\nname = "A"\nrank = "x"\n'
                          '[noi_nhan]\nextra = 1\n[[appendices]]\ntitle = "t"\npages = 2\n'
                          '[fields]\nunknown_field = "x"\n')
        _, problems = letterfile.loads(text)
        assert set(fields_of(problems)) >= {"colour", "issuer.nickname", "signatures[1].rank",
                                            "noi_nhan.extra", "appendices[1].pages",
                                            "fields.unknown_field"}
        assert all(p.message for p in problems)

    def test_unknown_type(self) -> None:
        _, problems = letterfile.loads('drafter = 1\ntype = "thu_tinh"\n')
        assert fields_of(problems) == ["type"]
        assert "cong_van" in problems[0].message  # lists the known ones

    def test_wrong_types_are_all_reported_at_once(self) -> None:
        text = ('drafter = 1\ntype = "cong_van"\nnumber = -3\nplace = ["Hà Nội"]\n'
                'date = "hôm qua"\nkinh_gui = 5\nbody = 12\nurgency = "very"\n'
                'issuer = "Sở"\nsignatures = "An"\nappendices = [1, 2]\n')
        letter, problems = letterfile.loads(text)
        assert set(fields_of(problems)) == {"number", "place", "date", "kinh_gui", "body",
                                            "urgency", "issuer", "signatures", "appendices"}
        assert letter.urgency is Urgency.NONE  # wrong values fall back, nothing crashes

    def test_boolean_is_not_a_number(self) -> None:
        _, problems = letterfile.loads(MINIMAL + "number = true\n[noi_nhan]\ncopies = 0\n")
        assert sorted(fields_of(problems)) == ["noi_nhan.copies", "number"]

    def test_legacy_tcvn3_text(self) -> None:
        text = MINIMAL + ('subject = "Céng hßa x· héi chñ nghÜa ViÖt Nam"\n'
                          'kinh_gui = ["Bộ Nội vụ", "Së Gi¸o dôc vµ §µo t¹o"]\n')
        _, problems = letterfile.loads(text)
        assert set(fields_of(problems)) == {"subject", "kinh_gui[2]"}
        assert all("TCVN3" in p.message for p in problems)

    def test_problem_prints_as_field_colon_message(self) -> None:
        error = InvalidInput([Problem("place", "is required")], "a.letter")
        assert str(error) == "a.letter: place: is required"


def test_signatures_and_appendices_keep_their_order() -> None:
    letter = cong_van(
        signatures=[Signature(title="THƯ KÝ", name="Lê B"),
                    Signature(title="CHỦ TỌA", name="Trần C")],
        appendices=[Appendix(number="I", title="Một"), Appendix(number="II", title="Hai")])
    again, _ = letterfile.loads(letterfile.dumps(letter))
    assert [s.name for s in again.signatures] == ["Lê B", "Trần C"]
    assert [a.number for a in again.appendices] == ["I", "II"]


def test_datetime_field_values_are_saved_as_dates() -> None:
    letter = replace(cong_van(), fields={})
    assert letterfile._toml_value(dt.datetime(2026, 1, 2, 3, 4)) == dt.date(2026, 1, 2)
    assert "fields" not in letterfile.to_data(letter)
