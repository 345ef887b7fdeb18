"""The application layer: what the command line and the window both do with a letter.

``check`` (every problem of a letter or a letter file at once), ``compose`` (letter →
page model), ``render`` (letter files → documents in any registered format), ``new``
(a new letter of a type), ``issue`` (number, register, document) and ``mailmerge`` (one
document per recipient).  The walk of a letter goes one way: CLI or GUI → ``app`` →
``core``/``templating``/``layout`` → a writer of :mod:`drafter.render.formats`; the
register's persistence (:mod:`drafter.store`) is called from here, never the reverse.
Submodules import nothing heavy at module level: ``drafter render`` and ``drafter
issue`` must start fast.
"""
