"""Vietnamese order compares word by word: a shorter word sorts before its extensions."""

from drafter.core.vietnamese import sort_key


def test_a_word_sorts_before_a_longer_word_that_starts_with_it() -> None:
    names = ["Ông Ba", "Ôn Văn", "Ôn", "Anh", "Ăn", "Đào", "Dũng"]
    assert sorted(names, key=sort_key) == ["Anh", "Ăn", "Dũng", "Đào", "Ôn", "Ôn Văn", "Ông Ba"]
