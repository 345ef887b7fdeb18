"""Vietnamese text rules: cleaning, dates and numbers by NĐ 30, sorting, searching."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from drafter.core import vietnamese as vn


class TestCleanText:
    def test_normalises_to_nfc(self) -> None:
        decomposed = unicodedata.normalize("NFD", "Sở Tài chính Hà Nội")
        assert decomposed != "Sở Tài chính Hà Nội"
        assert vn.clean_text(decomposed) == "Sở Tài chính Hà Nội"

    @pytest.mark.parametrize("control", ["\x0b", "\x0c", "\r\n", "\r", "\u2028", "\u2029",
                                         "\x85"])
    def test_word_line_breaks_become_newlines(self, control: str) -> None:
        assert vn.clean_text(f"dòng một{control}dòng hai") == "dòng một\ndòng hai"

    @pytest.mark.parametrize("control", ["\x00", "\x01", "\x07", "\x08", "\x0e", "\x1f", "\x7f",
                                         "\x80", "\x9f", "\u200b", "\ufeff", "\ufffe",
                                         "\uffff", "\ud800", "\udfff"])
    def test_invalid_xml_characters_are_removed(self, control: str) -> None:
        assert vn.clean_text(f"Kính{control} gửi") == "Kính gửi"

    def test_tabs_kept_in_multiline_text(self) -> None:
        assert vn.clean_text("a\tb") == "a\tb"

    def test_trailing_spaces_of_each_line_removed(self) -> None:
        assert vn.clean_text("một  \nhai\t") == "một\nhai"

    def test_single_line_folds_white_space(self) -> None:
        assert vn.clean_line("  Sở\x0bTài\tchính \n Hà   Nội ") == "Sở Tài chính Hà Nội"

    def test_empty(self) -> None:
        assert vn.clean_text("") == ""
        assert vn.clean_line("\x00\x0b ") == ""


class TestDates:
    @pytest.mark.parametrize(("date", "words"), [
        (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (dt.date(2020, 2, 9), "ngày 09 tháng 02 năm 2020"),
        (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
        (dt.date(2015, 6, 19), "ngày 19 tháng 6 năm 2015"),
        (dt.date(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
    ])
    def test_date_words_follow_the_rule(self, date: dt.date, words: str) -> None:
        # Day padded below 10; month padded only for January and February (nd30 §7).
        assert vn.date_words(date) == words

    def test_every_day_of_a_year_matches_the_checker_regex(self) -> None:
        import re

        pattern = re.compile(r"^[A-ZĐ][^,]*, ngày (0[1-9]|[12]\d|3[01]) tháng "
                             r"(0[12]|[3-9]|1[0-2]) năm \d{4}$")
        day = dt.date(2024, 1, 1)
        while day.year == 2024:
            assert pattern.match(vn.place_date_line("Hà Nội", day)), day
            day += dt.timedelta(days=1)

    def test_place_date_line(self) -> None:
        assert vn.place_date_line("Thành phố Hồ Chí Minh", dt.date(2019, 6, 29)) == \
            "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"

    def test_draft_without_date_leaves_blanks(self) -> None:
        line = vn.place_date_line("Hà Nội", None, year_hint=2026)
        assert line.startswith("Hà Nội, ngày ")
        assert "tháng" in line and line.endswith("năm 2026")
        assert not any(c.isdigit() for c in line.removesuffix("2026"))


class TestNumbers:
    @pytest.mark.parametrize(("number", "text"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"),
                                                  (99, "99"), (1234, "1234")])
    def test_below_ten_padded(self, number: int, text: str) -> None:
        assert vn.pad_number(number) == text


def test_upper_handles_vietnamese_and_stays_nfc() -> None:
    assert vn.upper("ủy ban nhân dân tỉnh đắk lắk") == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    decomposed = unicodedata.normalize("NFD", "sở")
    assert vn.upper(decomposed) == "SỞ"


class TestFoldAndSort:
    def test_fold_strips_diacritics_and_case(self) -> None:
        assert vn.fold("Sở Tài chính ĐÀ NẴNG") == "so tai chinh da nang"

    def test_alphabet_order(self) -> None:
        words = ["đ", "d", "â", "ă", "a", "b", "ơ", "ô", "o", "ư", "u", "e", "ê"]
        assert sorted(words, key=vn.sort_key) == ["a", "ă", "â", "b", "d", "đ", "e", "ê",
                                                  "o", "ô", "ơ", "u", "ư"]

    def test_tone_order_after_letters(self) -> None:
        # Letters decide first, then the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=vn.sort_key) == \
            ["ma", "mà", "mả", "mã", "má", "mạ"]
        assert sorted(["bá", "ăn"], key=vn.sort_key) == ["ăn", "bá"]

    def test_names_sort_like_a_dictionary(self) -> None:
        names = ["Đặng Văn Ba", "Dương Thị Hà", "Bùi Minh", "Âu Cơ", "An Khang"]
        assert sorted(names, key=vn.sort_key) == ["An Khang", "Âu Cơ", "Bùi Minh",
                                                  "Dương Thị Hà", "Đặng Văn Ba"]

    def test_letters_outside_the_alphabet_sort_after_it(self) -> None:
        # f, j, w, z are not Vietnamese letters: they come after y, in code point order.
        assert sorted(["zeta", "yến", "fax", "website", "an"], key=vn.sort_key) == \
            ["an", "yến", "fax", "website", "zeta"]


class TestLegacyEncoding:
    # The TCVN3 strings are the Unicode text converted with glibc's TCVN5712-1 codec
    # (``iconv -t TCVN5712-1``) and read back as Latin-1, as a pasted .VnTime text reads.
    @pytest.mark.parametrize("text", [
        "Céng hßa x· héi chñ nghÜa ViÖt Nam",  # Cộng hòa xã hội chủ nghĩa Việt Nam
        "Së Gi¸o dôc vµ §µo t¹o thµnh phè Hµ Néi",  # Sở Giáo dục và Đào tạo … (ụ is "ô")
        "§éc lËp tù do h¹nh phóc",  # Độc lập tự do hạnh phúc
        "QuyÕt ®Þnh vÒ viÖc ban hµnh quy chÕ lµm viÖc",
        "KÝnh göi c¸c ®¬n vÞ trùc thuéc",  # Kính gửi các đơn vị trực thuộc
    ])
    def test_tcvn3_text_is_detected(self, text: str) -> None:
        assert vn.legacy_encoding(text) == "TCVN3"

    @pytest.mark.parametrize("text", [
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",  # Cộng hòa xã hội chủ nghĩa Việt Nam
        "Sôû Giaùo duïc vaø Ñaøo taïo thaønh phoá Haø Noäi",  # Sở Giáo dục và Đào tạo …
    ])
    def test_vni_text_is_detected(self, text: str) -> None:
        assert vn.legacy_encoding(text) == "VNI"

    @pytest.mark.parametrize("text", [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Sở Giáo dục và Đào tạo thành phố Hà Nội",
        "The quick brown fox jumps over the lazy dog",
        "Café München Zürich résumé",  # Western names in a Nơi nhận line
        "Nestlé S.A., Vevey, Suisse",
        "ngắn",
        "",
    ])
    def test_unicode_text_is_not_flagged(self, text: str) -> None:
        assert vn.legacy_encoding(text) is None
