"""The Linux bundle against the virtual environment: size and start-up times.

``python benchmarks/bundle_bench.py`` reuses ``dist/drafter-*.tar.gz`` when it is
current (else runs ``make dist``), unpacks it into an empty folder and times, each as
the median of several processes (after one warm-up), the venv's and the bundle's in turns:

- ``drafter --version`` (the interpreter and the command line),
- ``drafter render sample.letter`` (the whole headless path),
- the application's self-test (``DRAFTER_SELFTEST=1``: main window shown offscreen).

Targets: unpacked size under 200 MB; each bundle time within 20 % of the venv's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.installer.bundle import (  # noqa: E402
    clean_environment,
    find_or_build_tarball,
    unpack,
)

RUNS = 9
SIZE_LIMIT_MB = 200
TIME_MARGIN = 1.20
SAMPLE = ROOT / "templates" / "cong_van" / "sample.letter"


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def interleaved_times(
    first: list[str], second: list[str], env: dict[str, str], cwd: Path
) -> tuple[list[float], list[float]]:
    """Times of both commands, run in turns so that a change in the machine's load
    (it is shared) weighs on both alike."""
    timed(first, env, cwd)  # warm the page cache: compare programs, not disks
    timed(second, env, cwd)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        times[0].append(timed(first, env, cwd))
        times[1].append(timed(second, env, cwd))
    return times


def folder_megabytes(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def main() -> int:
    tarball = find_or_build_tarball()
    venv_python = ROOT / ".venv" / "bin" / "python"
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "unpacked").mkdir()
        (work / "home").mkdir()
        bundle = unpack(tarball, work / "unpacked")
        (work / "sample.letter").write_bytes(SAMPLE.read_bytes())
        env = clean_environment(work / "home")
        selftest_env = {**env, "DRAFTER_SELFTEST": "1"}
        bundled = [str(bundle / "drafter")]
        from_venv = [str(venv_python), str(ROOT / "installer" / "entry.py")]
        cases = [
            ("drafter --version", ["--version"], env),
            ("drafter render (1 letter)", ["render", "sample.letter", "-o", "out.docx"], env),
            ("main window self-test", [], selftest_env),
        ]
        size = folder_megabytes(bundle)
        print(f"tarball: {tarball.name}, {tarball.stat().st_size / 1e6:.0f} MB packed")
        print(
            f"unpacked size: {size:.0f} MB (limit {SIZE_LIMIT_MB} MB)"
            f" -> {'ok' if size < SIZE_LIMIT_MB else 'OVER'}"
        )
        print(
            f"{'start-up (' + str(RUNS) + ' runs each)':<28}{'venv':>16}{'bundle':>16}{'ratio':>12}"
        )
        print(f"{'':<28}{'median   min':>16}{'median   min':>16}{'median  min':>12}")
        within = size < SIZE_LIMIT_MB
        for label, args, case_env in cases:
            venv_times, bundle_times = interleaved_times(
                from_venv + args, bundled + args, case_env, work
            )
            venv_median, bundle_median = (
                statistics.median(venv_times),
                statistics.median(bundle_times),
            )
            ratio = bundle_median / venv_median
            ratio_min = min(bundle_times) / min(venv_times)
            # The minimum is the cost without the noise of the shared machine.
            within = within and ratio_min <= TIME_MARGIN
            print(
                f"{label:<28}{venv_median * 1000:>8.0f}{min(venv_times) * 1000:>6.0f}ms"
                f"{bundle_median * 1000:>8.0f}{min(bundle_times) * 1000:>6.0f}ms"
                f"{ratio:>7.2f}{ratio_min:>5.2f}"
                f"{'' if ratio_min <= TIME_MARGIN else '  (over +20 %)'}"
            )
        print(f"cpu count: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
