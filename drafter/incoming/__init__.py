"""Incoming letters: reading them, registering them, answering and forwarding them.

:mod:`drafter.incoming.reader` finds the components of a letter in a .docx, a PDF, a
scan or plain text by the landmarks NĐ 30 fixes (the mirror of :mod:`drafter.layout`);
:mod:`drafter.store.incoming` keeps the sổ đăng ký văn bản đến; :mod:`.answer` makes the
reply or the forwarding letter with the full citation; :mod:`.stamp` prints the ĐẾN stamp.
Nothing here imports Qt.
"""
