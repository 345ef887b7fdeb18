"""Where a display line breaks: the issuer's name, the V/v, the type's summary, the
signature lines, an appendix title, a recipient of Kính gửi.

A word processor breaks a line where it runs out of room ("… giữa các địa phương Việt /
Nam - Pháp"); a văn thư breaks between phrases and keeps names whole.  The layout
therefore chooses every break of these lines itself, with the real metrics of the font,
and writes them into the page model as explicit line breaks: the Qt painter and Word
then print the same lines, each narrower than its column, so neither re-wraps them.

The choice is a small cost minimisation over the places between words:

- every line costs its raggedness (how far it is from the others' width when the lines
  are balanced, as centred headings are; how much room it leaves when they are filled, as
  left-aligned recipients are, with a very short last line costing extra);
- every break costs a penalty by what it separates: nothing after a comma or a
  semicolon, little before a word that starts a phrase ("về", "của", "cho", "tại",
  "trên", "và"…) or an organisation's name in capitals ("CỤC", "SỞ", "ỦY BAN"…), more
  inside a common two-syllable word ("thành / phố"), much more inside a proper name (a
  run of capitalised words: "Việt / Nam", "Báo Người / Hà Nội"), and a break that
  would start a line with a hyphen or a dash is never taken;
- a line more than the fewest possible costs extra, so it is added only when the
  fewest lines would have to break badly.

A line break the user typed (a newline in the value) is always kept, and a no-break
space is never broken at: both are the user's word on where lines go.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from drafter.layout import metrics
from drafter.layout.characters import printable
from drafter.layout.units import Length, pt

FORCED_BREAK = "\n"
NO_BREAK_SPACE = "\u00a0"
DASHES = ("-", "–", "—", "\u2011")

# Penalties of a break, in the units of raggedness (a line a tenth of the column shorter
# than its neighbours costs 1).
AFTER_PUNCTUATION = 0.0
BEFORE_PHRASE = 3.0
BEFORE_ORGANISATION = 3.0
ORDINARY = 12.0
AFTER_DASH = 25.0  # "TÀI CHÍNH - / KẾ HOẠCH": allowed, the unit whole is better
INSIDE_WORD = 40.0  # "thành / phố", "VĂN / THƯ"
BEFORE_AND_IN_CAPITALS = 30.0  # "VĂN THƯ / VÀ LƯU TRỮ" splits one name in capitals
AFTER_CONNECTOR = 40.0  # "… của / thành phố", "CỤC / VĂN THƯ"
AROUND_NUMBER = 30.0  # "ngày / 15", "số / 12"
INSIDE_NAME = 150.0  # "Việt / Nam", "Báo Người / Hà Nội"
NEVER = float("inf")  # a line that would start with a hyphen or a dash
EXTRA_LINE = 60.0
RAGGEDNESS = 100.0  # the weight of (difference / column width)²
SHORT_LAST_LINE = 0.3  # in filled text, a last line under this share of the column
# Our metrics and Word's may round a few hundredths of a point apart: a line is kept this
# much narrower than its column, so Word never finds it a hair too wide and re-wraps.
SAFETY = pt(0.5)
MAX_WORDS = 80  # beyond this, the first-fit breaks with the same forbidden places

# Words that begin a phrase: a break before them reads naturally.
PHRASE_WORDS = frozenset(
    [
        "về",
        "của",
        "cho",
        "tại",
        "trên",
        "và",
        "với",
        "theo",
        "đối",
        "để",
        "trong",
        "thuộc",
        "từ",
        "đến",
        "do",
        "nhằm",
        "giữa",
        "hoặc",
        "nhưng",
        "sau",
        "trước",
        "khi",
        "như",
        "thì",
        "là",
    ]
)
# The first word of an organisation's name, in capitals: "CỤC TRƯỞNG / CỤC VĂN THƯ…".
ORGANISATION_HEADS = frozenset(
    [
        "BỘ",
        "SỞ",
        "CỤC",
        "VỤ",
        "VIỆN",
        "PHÒNG",
        "BAN",
        "TỈNH",
        "HUYỆN",
        "QUẬN",
        "XÃ",
        "PHƯỜNG",
        "TRƯỜNG",
        "UBND",
        "HĐND",
        "ĐẢNG",
        "ĐOÀN",
    ]
)
ORGANISATION_PAIRS = frozenset(
    {
        "ỦY BAN",
        "VĂN PHÒNG",
        "THÀNH PHỐ",
        "TRUNG TÂM",
        "CÔNG TY",
        "TỔNG CỤC",
        "HỘI ĐỒNG",
        "ĐẠI HỌC",
        "BỆNH VIỆN",
        "CHI CỤC",
        "THỊ XÃ",
        "THỊ TRẤN",
        "TẬP ĐOÀN",
        "NGÂN HÀNG",
        "KHO BẠC",
        "THANH TRA",
        "TÒA ÁN",
        "CÔNG AN",
        "CHI NHÁNH",
        "HỌC VIỆN",
        "BAN QUẢN",
    }
)
# Common two-syllable words of administrative text, folded to lower case: a break
# inside one splits a word.
COMPOUNDS = frozenset(
    """
ủy ban|nhân dân|thành phố|văn phòng|trung tâm|công ty|tổng cục|hội đồng|đại học|bệnh viện
chi cục|thị xã|thị trấn|tập đoàn|ngân hàng|kho bạc|thanh tra|tòa án|công an|cơ quan|đơn vị
tổ chức|địa phương|văn bản|quy định|kế hoạch|tài chính|giáo dục|đào tạo|văn thư|lưu trữ
nhà nước|giám đốc|chủ tịch|trưởng phòng|hướng dẫn|thực hiện|báo cáo|đề nghị|tài nguyên
môi trường|nội vụ|ngoại giao|xã hội|chủ nghĩa|kinh tế|y tế|khoa học|công nghệ|thông tin
truyền thông|nông nghiệp|phát triển|nông thôn|giao thông|vận tải|xây dựng|công thương
lao động|thương binh|tư pháp|quốc phòng|an ninh|dân tộc|tôn giáo|du lịch|thể thao|văn hóa
đầu tư|ngân sách|kinh phí|hỗ trợ|trả lời|phản ánh|kiến nghị|cán bộ|công chức|viên chức
tiếp tục|tăng cường|triển khai|kiểm tra
giám sát|phòng chống|xử lý|vi phạm|hành chính|cải cách|thủ tục|dịch vụ|công tác|quản lý
sử dụng|hoạt động|chương trình|dự án|công trình|hợp tác|quốc tế|đối ngoại|sản xuất
kinh doanh|doanh nghiệp|hợp đồng|thanh toán|quyết toán|tài sản|đất đai|nhà ở|học sinh
sinh viên|giáo viên|trưởng ban|phó giám|cục trưởng|vụ trưởng|bộ trưởng|thủ trưởng
chánh văn|văn phòng|tổng hợp|ý kiến|góp ý|dự thảo|nghị định|thông tư|quyết định|nghị quyết
công văn|tờ trình|giấy mời|chỉ thị|hội nghị|hội thảo|tập huấn|bồi dưỡng|tuyển dụng
thi đua|khen thưởng|kỷ luật|biên chế|tiền lương|bảo hiểm|phối hợp|chỉ đạo|điều hành
""".replace("\n", "|").split("|")
) - {""}
NUMBER_WORDS = frozenset(
    [
        "số",
        "ngày",
        "tháng",
        "năm",
        "điều",
        "khoản",
        "điểm",
        "mục",
        "chương",
        "phần",
    ]
)


def _bare(word: str) -> str:
    return word.strip("\"'“”‘’()[],;:.!?…")


def _capitalised(word: str) -> bool:
    bare = _bare(word)
    return bool(bare) and bare[0].isupper() and any(c.isalpha() for c in bare)


def _fold_upper(word: str) -> str:
    return unicodedata.normalize("NFC", _bare(word).upper())


def break_penalty(words: list[str], i: int, *, capitals: bool) -> float:
    """The cost of a break between ``words[i - 1]`` and ``words[i]``."""
    before, after = words[i - 1], words[i]
    if after.startswith(DASHES):
        return NEVER
    if before.endswith((",", ";", ":")):
        return AFTER_PUNCTUATION
    if (_bare(before).casefold() in PHRASE_WORDS and not _capitalised(after)) or (
        capitals and (_fold_upper(before) == "VÀ" or _fold_upper(before) in ORGANISATION_HEADS)
    ):
        return AFTER_CONNECTOR  # a line ending "… của", "… VÀ" leaves its phrase open
    pair = f"{_bare(before)} {_bare(after)}".casefold()
    if pair in COMPOUNDS:
        return INSIDE_WORD
    if before in DASHES:
        # A dash joining two names ("Việt Nam - Pháp") is inside the name.
        joined = i >= 2 and _capitalised(words[i - 2]) and _capitalised(after)
        return INSIDE_NAME if joined and not capitals else AFTER_DASH
    if capitals:
        head = _fold_upper(after)
        following = _fold_upper(words[i + 1]) if i + 1 < len(words) else ""
        if head in ORGANISATION_HEADS or f"{head} {following}" in ORGANISATION_PAIRS:
            return BEFORE_ORGANISATION
        if head == "VÀ":
            return BEFORE_AND_IN_CAPITALS
    else:
        if _bare(after) in PHRASE_WORDS:  # lower case only: "Và" may start a name
            return BEFORE_PHRASE
        if _capitalised(before) and _capitalised(after) and i >= 2:
            return INSIDE_NAME
        if _capitalised(before) and _capitalised(after):
            # The first word of the line ("V/v", "Kính") is no part of a name.
            return INSIDE_NAME if not before.startswith("V/") else ORDINARY
    if _bare(before).casefold() in NUMBER_WORDS and _bare(after)[:1].isdigit():
        return AROUND_NUMBER
    return ORDINARY


class _Measure:
    """Widths of words in font units, against a column *width* wide."""

    def __init__(self, size: Length, width: Length, bold: bool, italic: bool) -> None:
        face = metrics.face(bold, italic)
        self.face = face
        self.limit = max(1.0, (width - SAFETY) * face.units_per_em / size)
        self.space = face.width_units(" ")

    def word(self, word: str) -> int:
        return self.face.width_units(word)


def break_lines(
    text: str,
    size: Length,
    width: Length,
    *,
    bold: bool = False,
    italic: bool = False,
    balanced: bool = True,
) -> list[str]:
    """The display lines of *text* in a column *width* wide.

    *balanced* lines are as even as the breaks allow (centred headings); otherwise they
    are filled, the last one not left with a word or two (left-aligned lists).  A newline
    in *text* is a break the user asked for; a no-break space is never broken at.
    """
    measure = _Measure(size, width, bold, italic)
    text = printable(text)
    lines: list[str] = []
    for paragraph in text.split(FORCED_BREAK):
        words = paragraph.split(" ")
        words = [w for w in words if w]
        if not words:
            lines.append("")
            continue
        lines += _break_words(
            tuple(words),
            measure,
            balanced,
            unicodedata.normalize("NFC", paragraph.upper()) == paragraph,
        )
    return lines


def _break_words(
    words: tuple[str, ...], measure: _Measure, balanced: bool, capitals: bool
) -> list[str]:
    widths = [measure.word(w) for w in words]
    key: _BreakKey = (words, tuple(widths), measure.limit, measure.space, balanced, capitals)
    return list(_cached_breaks(key))


# The words, their widths, the line's width, a space's width (font units), balanced, capitals.
_BreakKey = tuple[tuple[str, ...], tuple[int, ...], float, int, bool, bool]
# The width of words i..j-1 on one line, spaces between them included.
_Span = Callable[[int, int], float]


@lru_cache(maxsize=2048)
def _cached_breaks(key: _BreakKey) -> tuple[str, ...]:
    words, widths, limit, space, balanced, capitals = key
    n = len(words)
    word_list = list(words)
    penalties = [0.0] + [break_penalty(word_list, i, capitals=capitals) for i in range(1, n)]
    starts = [0.0] * (n + 1)  # starts[j]: width of words[:j] with the spaces between
    for j in range(1, n + 1):
        starts[j] = starts[j - 1] + widths[j - 1] + (space if j > 1 else 0)

    def span(i: int, j: int) -> float:
        return starts[j] - starts[i] - (space if i > 0 else 0)

    fewest = len(_first_fit_breaks(penalties, span, limit))
    if n > MAX_WORDS:
        return tuple(_first_fit(word_list, penalties, span, limit))
    best_cost, best_lines = NEVER, None
    for count in range(fewest, min(fewest + 1, n) + 1):
        lines, cost = _optimal(word_list, penalties, span, limit, count, balanced)
        if lines is None:
            continue
        cost += EXTRA_LINE * (count - fewest)
        if cost < best_cost:
            best_cost, best_lines = cost, lines
    if best_lines is None:
        return tuple(_first_fit(word_list, penalties, span, limit))
    return tuple(best_lines)


def _optimal(
    words: list[str],
    penalties: list[float],
    span: _Span,
    limit: float,
    count: int,
    balanced: bool,
) -> tuple[list[str] | None, float]:
    """The cheapest way to set *words* on exactly *count* lines."""
    n = len(words)
    total = span(0, n)
    target = total / count

    def line_cost(i: int, j: int) -> float:
        width = span(i, j)
        if width > limit and j - i > 1:
            return NEVER
        if balanced:
            return RAGGEDNESS * ((width - target) / limit) ** 2
        if j == n:
            short = max(0.0, SHORT_LAST_LINE * limit - width) / limit
            return RAGGEDNESS * 4 * short**2
        return RAGGEDNESS * ((limit - width) / limit) ** 2

    best = [[NEVER] * (n + 1) for _ in range(count + 1)]
    cut = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(k, n - (count - k) + 1):
            for i in range(k - 1, j):
                if best[k - 1][i] == NEVER:
                    continue
                penalty = penalties[i] if i > 0 else 0.0
                if penalty == NEVER:
                    continue
                cost = best[k - 1][i] + penalty + line_cost(i, j)
                if cost < best[k][j]:
                    best[k][j], cut[k][j] = cost, i
    if best[count][n] == NEVER:
        return None, NEVER
    lines, j = [], n
    for k in range(count, 0, -1):
        i = cut[k][j]
        lines.append(" ".join(words[i:j]))
        j = i
    return lines[::-1], best[count][n]


def _first_fit_breaks(penalties: list[float], span: _Span, limit: float) -> list[int]:
    """Where the first-fit breaks fall, never at a forbidden place: the index of the
    first word of each line."""
    breaks = [0]
    for j in range(1, len(penalties)):
        if span(breaks[-1], j + 1) <= limit:
            continue
        allowed = [b for b in range(breaks[-1] + 1, j + 1) if penalties[b] != NEVER]
        if allowed:
            breaks.append(allowed[-1])
    return breaks


def _first_fit(
    words: list[str],
    penalties: list[float],
    span: _Span,
    limit: float,
) -> list[str]:
    breaks = [*_first_fit_breaks(penalties, span, limit), len(words)]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(breaks)]
