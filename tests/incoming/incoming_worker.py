"""Registers N incoming letters in a loop and prints each arrival number (concurrency test).

Usage: incoming_worker.py URL COUNT START_FILE — waits until START_FILE exists (after
writing START_FILE.ready.<pid>) so that both workers start at the same moment.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from drafter.store.engine import open_store
from drafter.store.incoming import Arrival, register_arrival


def main() -> int:
    url, count, start = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = open_store(url)
    Path(f"{start}.ready.{os.getpid()}").touch()
    while not start.exists():
        time.sleep(0.005)
    today = dt.date.today()
    for index in range(count):
        entry = register_arrival(
            store,
            Arrival(
                received_date=today,
                author="Sở Tài chính",
                number_symbol=f"{index + 1}/STC-NS",
                subject=f"văn bản {os.getpid()}-{index}",
            ),
        )
        print(entry.number, flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
