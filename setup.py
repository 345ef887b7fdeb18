"""Build step that puts Drafter's data files inside the package.

``templates/``, ``resources/`` and the user guide live at the top of the repository,
where a checkout, the tests and the PyInstaller spec find them.  A wheel installs only
packages, so building one copies them into ``drafter/_data/`` in the build tree, where
``drafter.paths`` looks in an installed package.  An editable install skips the copy:
it runs from the checkout, whose top-level folders ``drafter.paths`` then finds.  The
sdist carries the same folders (``MANIFEST.in``), so a wheel built from it has them too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# Relative to ROOT; copied under drafter/_data/ with the same relative paths.
DATA_PATHS = ("templates", "resources", "docs/user-guide.md", "docs/user-guide")
UNWANTED = shutil.ignore_patterns("__pycache__", "*.py[cod]")


class BuildPyWithData(build_py):
    """``build_py`` that also copies the data folders into ``drafter/_data/``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "drafter" / "_data"
        # A build folder left from an earlier build may hold files deleted since.
        shutil.rmtree(target, ignore_errors=True)
        for name in DATA_PATHS:
            source = ROOT / name
            if not source.exists():
                raise FileNotFoundError(f"{source} is missing: the wheel would lack it")
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, destination, ignore=UNWANTED)
            else:
                shutil.copy2(source, destination)


setup(cmdclass={"build_py": BuildPyWithData})
