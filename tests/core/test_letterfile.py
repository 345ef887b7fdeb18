"""The .letter file: round trip, and every way a file can be wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sample_letters import cong_van, long_cong_van_with_appendix, marked_cong_van

from core.characters import DIRECTION_CONTROLS
from drafter.core import letterfile
from drafter.core.letter import Appendix, Letter, Secrecy, Signature, Urgency
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

    def test_lone_surrogate_and_controls_in_the_model_are_saved_clean(self, tmp_path: Path) -> None:
        letter = cong_van(subject="a\ud800b\x00c\udfff", kinh_gui=["Bộ\x0bNội vụ\ud83d"])
        path = tmp_path / "x.letter"
        letterfile.save(letter, path)  # no UnicodeEncodeError
        again, problems = letterfile.load(path)
        assert problems == []
        # Word's manual line break (\x0b) is a break the user asked for in a recipient.
        assert again.subject == "abc" and again.kinh_gui == ["Bộ\nNội vụ"]

    def test_empty_values_are_left_out(self) -> None:
        text = letterfile.dumps(cong_van(number=None, symbol="", secrecy=Secrecy("")))
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
        text = MINIMAL + (
            'colour = "red"\n[issuer]\nnickname = "x"\n'
            '[[signatures]]\nname = "A"\nrank = "x"\n'
            '[noi_nhan]\nextra = 1\n[[appendices]]\ntitle = "t"\npages = 2\n'
            '[fields]\nunknown_field = "x"\n'
        )
        _, problems = letterfile.loads(text)
        assert set(fields_of(problems)) >= {
            "colour",
            "issuer.nickname",
            "signatures[1].rank",
            "noi_nhan.extra",
            "appendices[1].pages",
            "fields.unknown_field",
        }
        assert all(p.message for p in problems)

    def test_unknown_type(self) -> None:
        _, problems = letterfile.loads('drafter = 1\ntype = "thu_tinh"\n')
        assert fields_of(problems) == ["type"]
        assert "cong_van" in problems[0].message  # lists the known ones

    def test_wrong_types_are_all_reported_at_once(self) -> None:
        text = (
            'drafter = 1\ntype = "cong_van"\nnumber = -3\nplace = ["Hà Nội"]\n'
            'date = "hôm qua"\nkinh_gui = 5\nbody = 12\nurgency = "very"\n'
            'issuer = "Sở"\nsignatures = "An"\nappendices = [1, 2]\n'
        )
        letter, problems = letterfile.loads(text)
        assert set(fields_of(problems)) == {
            "number",
            "place",
            "date",
            "kinh_gui",
            "body",
            "urgency",
            "issuer",
            "signatures",
            "appendices",
        }
        assert letter.urgency is Urgency.NONE  # wrong values fall back, nothing crashes

    def test_boolean_is_not_a_number(self) -> None:
        _, problems = letterfile.loads(MINIMAL + "number = true\n[noi_nhan]\ncopies = 0\n")
        assert sorted(fields_of(problems)) == ["noi_nhan.copies", "number"]

    def test_legacy_tcvn3_text(self) -> None:
        text = MINIMAL + (
            'subject = "Céng hßa x· héi chñ nghÜa ViÖt Nam"\n'
            'kinh_gui = ["Bộ Nội vụ", "Së Gi¸o dôc vµ §µo t¹o"]\n'
        )
        _, problems = letterfile.loads(text)
        assert set(fields_of(problems)) == {"subject", "kinh_gui[2]"}
        assert all("TCVN3" in p.message for p in problems)

    def test_problem_prints_as_field_colon_message(self) -> None:
        error = InvalidInput([Problem("place", "is required")], "a.letter")
        assert str(error) == "a.letter: place: is required"


def test_signatures_and_appendices_keep_their_order() -> None:
    letter = cong_van(
        signatures=[
            Signature(title="THƯ KÝ", name="Lê B"),
            Signature(title="CHỦ TỌA", name="Trần C"),
        ],
        appendices=[Appendix(number="I", title="Một"), Appendix(number="II", title="Hai")],
    )
    again, _ = letterfile.loads(letterfile.dumps(letter))
    assert [s.name for s in again.signatures] == ["Lê B", "Trần C"]
    assert [a.number for a in again.appendices] == ["I", "II"]


def test_datetime_field_values_are_saved_as_dates() -> None:
    letter = replace(cong_van(), fields={})
    assert letterfile._toml_value(dt.datetime(2026, 1, 2, 3, 4)) == dt.date(2026, 1, 2)
    assert "fields" not in letterfile.to_data(letter)


class TestNumbers:
    """Numbers and copy counts: ASCII digits, within the register's range."""

    @pytest.mark.parametrize("value", ["1", "9999999", "  12 ", 9_999_999])
    def test_accepted(self, value: object) -> None:
        text = MINIMAL + f"number = {value!r}\n".replace("'", '"')
        letter, problems = letterfile.loads(text)
        assert problems == []
        assert letter.number == int(str(value))

    # "²" passes str.isdigit() and crashed int(); Arabic-Indic and fullwidth digits pass
    # int() and printed as foreign digits; huge values failed later, in the register.
    @pytest.mark.parametrize(
        "value",
        [
            '"²"',
            '"\u0663"',
            '"\uff11\uff12"',
            '"12a"',
            '"1_000"',
            "0",
            "-3",
            "10000000",
            "3000000000",
            "9223372036854775808",
            '"' + "9" * 5000 + '"',
        ],
    )
    def test_refused_with_the_range(self, value: str) -> None:
        letter, problems = letterfile.loads(MINIMAL + f"number = {value}\n")
        assert letter.number is None
        assert problems == [
            Problem(
                "number", "must be a whole number from 1 to 9 999 999, written in the digits 0-9"
            )
        ]

    @pytest.mark.parametrize(
        "value", ["0", "10001", "3000000000", "9223372036854775808", '"²"', '"\u0665"']
    )
    def test_copies_refused(self, value: str) -> None:
        letter, problems = letterfile.loads(MINIMAL + f"[noi_nhan]\ncopies = {value}\n")
        assert letter.copies is None
        assert fields_of(problems) == ["noi_nhan.copies"]
        assert "from 1 to 10 000" in problems[0].message

    def test_copies_at_the_limit(self) -> None:
        letter, problems = letterfile.loads(MINIMAL + "[noi_nhan]\ncopies = 10000\n")
        assert (letter.copies, problems) == (10_000, [])

    def test_integer_of_thousands_of_digits_in_toml(self) -> None:
        # The TOML reader itself calls int() on it, which Python refuses past 4 300 digits.
        with pytest.raises(InvalidInput) as caught:
            letterfile.loads(MINIMAL + "number = " + "9" * 5000 + "\n")
        assert fields_of(caught.value.problems) == ["file"]
        assert "number too long" in caught.value.problems[0].message


class TestHostileFiles:
    def test_deeply_nested_toml_is_a_clear_problem(self) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.loads(MINIMAL + "x = " + "[" * 5000 + "]" * 5000 + "\n")
        assert caught.value.problems[0].field == "file"
        assert "nested too deeply" in caught.value.problems[0].message

    def test_file_over_the_size_limit_is_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(letterfile, "LETTER_FILE_BYTES", 1000)
        path = tmp_path / "big.letter"
        path.write_text(MINIMAL + 'body = """' + "a" * 2000 + '"""\n', encoding="utf-8")
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(path)
        assert "too big for a letter file" in caught.value.problems[0].message

    def test_file_at_the_size_limit_is_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "a.letter"
        path.write_text(MINIMAL, encoding="utf-8")
        monkeypatch.setattr(letterfile, "LETTER_FILE_BYTES", len(MINIMAL))
        letter, _ = letterfile.load(path)
        assert letter.type_id == "cong_van"

    def test_the_default_limit_is_five_megabytes(self) -> None:
        assert letterfile.LETTER_FILE_BYTES == 5 * 1024 * 1024

    @pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="pipes are POSIX")
    def test_named_pipe_is_refused_without_waiting(self, tmp_path: Path) -> None:
        import os

        pipe = tmp_path / "pipe.letter"
        os.mkfifo(pipe)  # no writer: a plain open() would wait forever
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(pipe)
        assert "not an ordinary file" in caught.value.problems[0].message

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_endless_device_is_refused(self) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(Path("/dev/zero"))
        assert "not an ordinary file" in caught.value.problems[0].message

    def test_folder_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(tmp_path)
        assert "folder" in caught.value.problems[0].message

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidInput) as caught:
            letterfile.load(tmp_path / "none.letter")
        assert "does not exist" in caught.value.problems[0].message


class TestInvisibleCharacters:
    """The same treatment in letter fields, type fields and the body."""

    @pytest.mark.parametrize("char", DIRECTION_CONTROLS)
    def test_direction_controls_are_reported_everywhere(self, char: str) -> None:
        text = (
            MINIMAL.replace("cong_van", "quyet_dinh")
            + f'subject = "Về việc{char} khen thưởng"\nbody = "Điều 1.{char} Nội dung"\n'
            + f'[fields]\ntham_quyen = "Giám đốc{char}"\ncan_cu = ["Căn cứ{char} Luật"]\n'
            + f'[issuer]\nname = ["Sở{char} Nội vụ"]\n'
        )
        letter, problems = letterfile.loads(text)
        assert set(fields_of(problems)) == {
            "subject",
            "body",
            "fields.tham_quyen",
            "fields.can_cu[1]",
            "issuer.name[1]",
        }
        assert all(f"U+{ord(char):04X}" in p.message for p in problems)
        assert char in letter.subject  # kept, so the user sees what is meant

    def test_private_use_character_is_reported(self) -> None:
        _, problems = letterfile.loads(MINIMAL + 'body = "\uf0b7 Nội dung"\n')
        assert fields_of(problems) == ["body"]
        assert "private-use character (U+F0B7)" in problems[0].message

    @pytest.mark.parametrize(
        "char",
        [
            "\u200b",
            "\u200c",
            "\u200d",
            "\u2060",
            "\ufeff",
            "\U000e0041",
            "\ufdd0",
            "\U0001fffe",
            "\x07",
        ],
    )
    def test_harmless_invisible_characters_are_removed(self, char: str) -> None:
        char = f"\\U{ord(char):08X}"  # as a TOML escape: TOML refuses raw controls
        text = (
            MINIMAL.replace("cong_van", "quyet_dinh")
            + f'subject = "Về{char} việc"\nbody = "Điều 1. Nội{char} dung"\n'
            + f'[fields]\ntham_quyen = "Giám{char} đốc"\ncan_cu = ["Căn cứ Luật"]\n'
        )
        letter, problems = letterfile.loads(text)
        assert problems == []
        assert (letter.subject, letter.body, letter.fields["tham_quyen"]) == (
            "Về việc",
            "Điều 1. Nội dung",
            "Giám đốc",
        )
