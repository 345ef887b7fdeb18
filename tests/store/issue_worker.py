"""A separate process that issues numbers, for the concurrency and crash tests.

``python issue_worker.py URL COUNT START_FILE``: once its database is open it creates
``START_FILE.ready.<pid>``, waits until START_FILE exists (so that several workers
start together), issues COUNT công văn and prints the numbers it got, one per line, as
it gets them.  COUNT 0 means: go on until killed.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path

from drafter.core.letter import Issuer, Letter, Signature
from drafter.store import register
from drafter.store.engine import open_store


def main(url: str, count: int, start_file: Path) -> None:
    store = open_store(url)
    letter = Letter(
        type_id="cong_van",
        issuer=Issuer(name=["SỞ TÀI CHÍNH"], abbreviation="STC"),
        place="Hà Nội",
        subject="thử cấp số đồng thời",
        kinh_gui=["Các phòng"],
        body="Nội dung.",
        signatures=[Signature(title="GIÁM ĐỐC", name="Lê Văn B")],
    )
    Path(f"{start_file}.ready.{os.getpid()}").touch()
    while not start_file.exists():
        time.sleep(0.005)
    steps = itertools.count() if count == 0 else range(count)
    for _ in steps:
        issued = register.issue(store, letter, actor="worker")
        print(issued.letter.number, flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
