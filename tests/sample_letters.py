"""Fixed letters the engine tests share: built in code so each test states what it varies."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace

from drafter.core.letter import Appendix, Circulation, Issuer, Letter, Secrecy, Signature, Urgency

ISSUER = Issuer(
    parent=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"],
    name=["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
    abbreviation="SGDĐT",
    unit="VP",
    address="23 Quang Trung, phường Cửa Nam, Hà Nội",
    phone="024.3825.1234",
    email="vanphong@hanoiedu.vn",
    website="hanoi.edu.vn",
)

SIGNATURE = Signature(authority=["KT. GIÁM ĐỐC"], title="PHÓ GIÁM ĐỐC", name="Nguyễn Văn An")

BODY = (
    "Thực hiện Công văn số 1234/UBND-KGVX ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân "
    "Thành phố, Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện một số nội dung sau:\n"
    "1. Tuyên truyền đến học sinh các biện pháp phòng bệnh.\n"
    "2. Báo cáo kết quả thực hiện về Sở **trước ngày 20 tháng 3 năm 2026**.\n"
    "Trân trọng."
)


def cong_van(**changes: object) -> Letter:
    """A complete công văn to many recipients (Mẫu 1.5)."""
    letter = Letter(
        type_id="cong_van",
        issuer=replace(ISSUER),
        number=5,
        place="Hà Nội",
        date=dt.date(2026, 3, 5),
        subject="tăng cường công tác phòng, chống dịch bệnh trong trường học",
        kinh_gui=["Phòng Giáo dục và Đào tạo các quận, huyện, thị xã", "Các đơn vị trực thuộc Sở"],
        body=BODY,
        signatures=[replace(SIGNATURE)],
        noi_nhan=["Như trên", "UBND Thành phố (để báo cáo)"],
        luu="VT, VP",
        drafter_mark="TL",
        copies=35,
    )
    return replace(letter, **changes)  # type: ignore[arg-type]


LONG_PARAGRAPH = (
    "Các đơn vị rà soát toàn bộ hồ sơ, tài liệu liên quan đến công tác tuyển sinh, bảo đảm "
    "công khai, minh bạch, đúng quy định; tổng hợp khó khăn, vướng mắc và đề xuất giải pháp "
    "cụ thể để Sở xem xét, giải quyết theo thẩm quyền hoặc báo cáo cấp có thẩm quyền."
)


def long_cong_van_with_appendix() -> Letter:
    """A công văn of several pages, with one appendix holding a table."""
    body = "\n".join(f"{i}. {LONG_PARAGRAPH}" for i in range(1, 19)) + "\nTrân trọng."
    appendix = Appendix(
        title="Danh sách các đơn vị được kiểm tra",
        body=(
            "| STT | Đơn vị | Thời gian |\n|---|---|---|\n"
            "| 1 | Trường THPT Chu Văn An | 10/3/2026 |\n"
            "| 2 | Trường THPT Kim Liên | 12/3/2026 |"
        ),
    )
    return cong_van(body=body, appendices=[appendix], number=12)


def marked_cong_van() -> Letter:
    """A công văn with every mark: urgency (ô 10b), secrecy (ô 10a), circulation (ô 11)."""
    return cong_van(
        urgency=Urgency.HOA_TOC,
        secrecy=Secrecy.MAT,
        circulation=Circulation.INTERNAL,
        kinh_gui=["Bộ Giáo dục và Đào tạo"],
    )


def docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}
