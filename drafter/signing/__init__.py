"""Electronic issuance under NĐ 30: signing Drafter's PDFs and verifying signatures.

A document is signed twice.  The signer signs first (ô 7c, the handwritten-signature
image between the title and the name) with a certification signature whose DocMDP
permissions still allow form filling and further signatures; the number and date are
form fields then, left blank.  At issuance the văn thư fills them in an incremental
update and the agency signs (ô 8, the seal image, at its real size, over the left third
of the signer's image).  A letter with several signature blocks (a biên bản, a liên
tịch letter) has a signer's and an agency's field per block, all made by the first
signature.  Attachments in a separate file and electronic copies get only the agency's
signature, as text at the top right of page 1 (ô 14).

Nothing here imports Qt: the command line signs on a server as well.  pyHanko and
pdfminer.six are imported by the modules that need them, never by ``drafter render``.
Every library used at run time has a permissive licence (Drafter is MIT): pymupdf
(AGPL) only measures the signed pages in the tests.
"""
