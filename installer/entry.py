"""The frozen program's entry point: the same ``drafter`` command as ``pip install`` gives.

PyInstaller runs this file as a script, so it imports the package rather than being
part of it.  Both Windows executables (the windowed ``Drafter.exe`` and the console
``drafter-cli.exe``) and the Linux ``drafter`` run it: without arguments, or with
``.letter`` files only, it opens the application; otherwise it runs a subcommand.
"""

import multiprocessing
import sys

from drafter.cli import main

if __name__ == "__main__":
    # Batch rendering may start worker processes; a frozen program must say so first.
    multiprocessing.freeze_support()
    sys.exit(main())
