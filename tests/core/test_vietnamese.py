"""Vietnamese text rules: cleaning, dates and numbers by NĐ 30, sorting, searching."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from core.characters import DIRECTION_CONTROLS
from drafter.core import vietnamese as vn


class TestCleanText:
    def test_normalises_to_nfc(self) -> None:
        decomposed = unicodedata.normalize("NFD", "Sở Tài chính Hà Nội")
        assert decomposed != "Sở Tài chính Hà Nội"
        assert vn.clean_text(decomposed) == "Sở Tài chính Hà Nội"

    @pytest.mark.parametrize("control", ["\x0b", "\x0c", "\r\n", "\r", "\u2028", "\u2029", "\x85"])
    def test_word_line_breaks_become_newlines(self, control: str) -> None:
        assert vn.clean_text(f"dòng một{control}dòng hai") == "dòng một\ndòng hai"

    @pytest.mark.parametrize(
        "control",
        [
            "\x00",
            "\x01",
            "\x07",
            "\x08",
            "\x0e",
            "\x1f",
            "\x7f",
            "\x80",
            "\x9f",
            "\u200b",
            "\ufeff",
            "\ufffe",
            "\uffff",
            "\ud800",
            "\udfff",
        ],
    )
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
    @pytest.mark.parametrize(
        ("date", "words"),
        [
            (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
            (dt.date(2020, 2, 9), "ngày 09 tháng 02 năm 2020"),
            (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
            (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
            (dt.date(2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
            (dt.date(2015, 6, 19), "ngày 19 tháng 6 năm 2015"),
            (dt.date(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
        ],
    )
    def test_date_words_follow_the_rule(self, date: dt.date, words: str) -> None:
        # Day padded below 10; month padded only for January and February (nd30 §7).
        assert vn.date_words(date) == words

    def test_every_day_of_a_year_matches_the_checker_regex(self) -> None:
        import re

        pattern = re.compile(
            r"^[A-ZĐ][^,]*, ngày (0[1-9]|[12]\d|3[01]) tháng "
            r"(0[12]|[3-9]|1[0-2]) năm \d{4}$"
        )
        day = dt.date(2024, 1, 1)
        while day.year == 2024:
            assert pattern.match(vn.place_date_line("Hà Nội", day)), day
            day += dt.timedelta(days=1)

    def test_place_date_line(self) -> None:
        assert (
            vn.place_date_line("Thành phố Hồ Chí Minh", dt.date(2019, 6, 29))
            == "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"
        )

    def test_draft_without_date_leaves_blanks(self) -> None:
        line = vn.place_date_line("Hà Nội", None, year_hint=2026)
        assert line.startswith("Hà Nội, ngày ")
        assert "tháng" in line and line.endswith("năm 2026")
        assert not any(c.isdigit() for c in line.removesuffix("2026"))


class TestNumbers:
    @pytest.mark.parametrize(
        ("number", "text"),
        [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (99, "99"), (1234, "1234")],
    )
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
        assert sorted(words, key=vn.sort_key) == [
            "a",
            "ă",
            "â",
            "b",
            "d",
            "đ",
            "e",
            "ê",
            "o",
            "ô",
            "ơ",
            "u",
            "ư",
        ]

    def test_tone_order_after_letters(self) -> None:
        # Letters decide first, then the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=vn.sort_key) == [
            "ma",
            "mà",
            "mả",
            "mã",
            "má",
            "mạ",
        ]
        assert sorted(["bá", "ăn"], key=vn.sort_key) == ["ăn", "bá"]

    def test_names_sort_like_a_dictionary(self) -> None:
        names = ["Đặng Văn Ba", "Dương Thị Hà", "Bùi Minh", "Âu Cơ", "An Khang"]
        assert sorted(names, key=vn.sort_key) == [
            "An Khang",
            "Âu Cơ",
            "Bùi Minh",
            "Dương Thị Hà",
            "Đặng Văn Ba",
        ]

    def test_letters_outside_the_alphabet_sort_after_it(self) -> None:
        # f, j, w, z are not Vietnamese letters: they come after y, in code point order.
        assert sorted(["zeta", "yến", "fax", "website", "an"], key=vn.sort_key) == [
            "an",
            "yến",
            "fax",
            "website",
            "zeta",
        ]


class TestLegacyEncoding:
    # The TCVN3 strings are the Unicode text converted with glibc's TCVN5712-1 codec
    # (``iconv -t TCVN5712-1``) and read back as Latin-1, as a pasted .VnTime text reads.
    @pytest.mark.parametrize(
        "text",
        [
            "Céng hßa x· héi chñ nghÜa ViÖt Nam",  # Cộng hòa xã hội chủ nghĩa Việt Nam
            "Së Gi¸o dôc vµ §µo t¹o thµnh phè Hµ Néi",  # Sở Giáo dục và Đào tạo … (ụ is "ô")
            "§éc lËp tù do h¹nh phóc",  # Độc lập tự do hạnh phúc
            "QuyÕt ®Þnh vÒ viÖc ban hµnh quy chÕ lµm viÖc",
            "KÝnh göi c¸c ®¬n vÞ trùc thuéc",  # Kính gửi các đơn vị trực thuộc
        ],
    )
    def test_tcvn3_text_is_detected(self, text: str) -> None:
        assert vn.legacy_encoding(text) == "TCVN3"

    @pytest.mark.parametrize(
        "text",
        [
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",  # Cộng hòa xã hội chủ nghĩa Việt Nam
            "Sôû Giaùo duïc vaø Ñaøo taïo thaønh phoá Haø Noäi",  # Sở Giáo dục và Đào tạo …
        ],
    )
    def test_vni_text_is_detected(self, text: str) -> None:
        assert vn.legacy_encoding(text) == "VNI"

    @pytest.mark.parametrize(
        "text",
        [
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
            "Sở Giáo dục và Đào tạo thành phố Hà Nội",
            "The quick brown fox jumps over the lazy dog",
            "Café München Zürich résumé",  # Western names in a Nơi nhận line
            "Nestlé S.A., Vevey, Suisse",
            "ngắn",
            "",
        ],
    )
    def test_unicode_text_is_not_flagged(self, text: str) -> None:
        assert vn.legacy_encoding(text) is None


class TestCharacterClasses:
    """Each class of invisible or special character has one treatment (letter-format §1)."""

    @pytest.mark.parametrize(
        "char",
        [
            "\u200b",
            "\u200c",
            "\u200d",  # zero-width space, non-joiner, joiner
            "\u2060",
            "\u2061",
            "\u2064",  # word joiner, invisible operators
            "\ufeff",
            "\u180e",
            "\u206a",
            "\ufff9",  # BOM, Mongolian vowel separator…
            "\U000e0001",
            "\U000e0041",
            "\U000e007f",  # tag characters
            "\ufdd0",
            "\ufdef",
            "\ufffe",
            "\U0010ffff",  # noncharacters
            "\ud800",  # a lone surrogate
        ],
    )
    def test_removed_silently(self, char: str) -> None:
        assert vn.clean_line(f"Nội{char} vụ") == "Nội vụ"
        assert vn.clean_text(f"Nội{char} vụ\nhai") == "Nội vụ\nhai"
        assert vn.text_problem(vn.clean_line(f"Nội{char} vụ")) is None

    @pytest.mark.parametrize("char", DIRECTION_CONTROLS)
    def test_direction_controls_are_kept_and_reported(self, char: str) -> None:
        text = vn.clean_line(f"hoadon{char}fdp.exe")
        assert char in text
        problem = vn.text_problem(text)
        assert problem is not None and f"U+{ord(char):04X}" in problem

    @pytest.mark.parametrize("char", ["\ue000", "\uf0b7", "\U000f0000", "\U0010fffd"])
    def test_private_use_is_kept_and_reported(self, char: str) -> None:
        problem = vn.text_problem(vn.clean_line(f"{char} Mục một"))
        assert problem is not None and f"U+{ord(char):04X}" in problem
        assert problem != vn.text_problem("\u202e")  # its own message

    def test_soft_hyphen_and_no_break_space_are_kept(self) -> None:
        assert vn.clean_text("hành\u00adchính\u00a0công") == "hành\u00adchính\u00a0công"
        assert vn.text_problem("hành\u00adchính") is None


# Legacy text made from Unicode with the module's own byte maps, as a user's pasted text
# from a .VnTime (TCVN3) or VNI-Times document reads.
_TCVN3_CODES = {letter: code for code, letter in vn.TCVN3_LETTERS.items()}
_VNI_LETTER_CODES = {letter: code for code, letter in vn.VNI_LETTERS.items()}


def to_tcvn3(text: str) -> str:
    # TCVN3 has no capitals with tones: the .VnTimeH fonts draw the small letters' codes
    # as capitals, which is what a user types.
    return "".join(_TCVN3_CODES.get(c, _TCVN3_CODES.get(c.lower(), c)) for c in text)


def to_vni(text: str) -> str:
    out = []
    for char in text:
        if char in _VNI_LETTER_CODES:  # ơ ư đ and the i forms: one code point each
            out.append(_VNI_LETTER_CODES[char])
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if "\u031b" in marks:  # ơ, ư carry their tone like any vowel
            base = _VNI_LETTER_CODES[unicodedata.normalize("NFC", base + "\u031b")]
            marks = marks.replace("\u031b", "")
        out.append(base)
        if marks:
            out.append(
                next(
                    code
                    for code, value in vn.VNI_MARKS.items()
                    if sorted(value) == sorted(marks) and code.isupper() == char.isupper()
                )
            )
    return "".join(out)


VIETNAMESE_SAMPLES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Sở Giáo dục và Đào tạo thành phố Hà Nội",
    "Kính gửi: Ủy ban nhân dân các quận, huyện, thị xã",
    "Quyết định về việc thành lập Tổ công tác chuyển đổi số",
    "Nguyễn Thị Hường",
    "Trường trung học phổ thông Nguyễn Trãi",
    "Người được ủy quyền có trách nhiệm thực hiện đúng nội dung ủy quyền",
]


class TestLegacyEncodingBySyllables:
    def test_byte_maps_agree_with_known_samples(self) -> None:
        assert to_tcvn3("Kính gửi các đơn vị trực thuộc") == "KÝnh göi c¸c ®¬n vÞ trùc thuéc"
        assert to_vni("Sở Giáo dục và Đào tạo") == "Sôû Giaùo duïc vaø Ñaøo taïo"
        assert vn.from_tcvn3(to_tcvn3("trường")) == "trường"
        assert vn.from_vni(to_vni("Trường Nguyễn Trãi")) == "Trường Nguyễn Trãi"

    @pytest.mark.parametrize("text", VIETNAMESE_SAMPLES)
    def test_tcvn3_encoded_text_is_detected(self, text: str) -> None:
        assert vn.legacy_encoding(to_tcvn3(text)) == "TCVN3"

    @pytest.mark.parametrize("text", VIETNAMESE_SAMPLES)
    def test_vni_encoded_text_is_detected(self, text: str) -> None:
        assert vn.legacy_encoding(to_vni(text)) == "VNI"

    @pytest.mark.parametrize("text", VIETNAMESE_SAMPLES)
    def test_the_unicode_text_itself_is_not_flagged(self, text: str) -> None:
        assert vn.legacy_encoding(text) is None

    # Spanish, French, German and Portuguese names share Latin-1 letters with the legacy
    # encodings; "Peña Muñoz" was taken for VNI when single characters were counted.
    @pytest.mark.parametrize(
        "text",
        [
            "Muñoz",
            "Peña",
            "François",
            "Ñandú",
            "Muñoz Peña",
            "Ñandú Muñoz",
            "Doña Peña",
            "Cañón Muñoz",
            "Ñandú Peña Ñoño",
            "José María Peña Muñoz, Málaga, España",
            "François Müller à Genève, Noël",
            "Ça va très bien, à bientôt",
            "São Paulo, Conceição",
            "Straße, Größe, Übung",
            "Trung tâm Phục vụ hành chính công",  # Unicode with Latin-1 letters only
            "hành chính công",
            "preview · PDF · print",
        ],
    )
    def test_other_languages_are_not_flagged(self, text: str) -> None:
        assert vn.legacy_encoding(text) is None

    def test_syllables(self) -> None:
        for word in ("nghiêng", "khuya", "người", "quốc", "giữa", "gì", "Đường", "ở"):
            assert vn.is_syllable(word), word
        for word in ("Muđoz", "Peđa", "aủo", "Franọois", "hóà", "strong"):
            assert not vn.is_syllable(word), word
