"""Characters the core tests feed to the checks, written out once."""

# The Unicode direction controls (embeddings, overrides, isolates and marks): they can
# make text read in an order other than the one stored ("Trojan Source"), so the
# checks report every one of them.
DIRECTION_CONTROLS = (
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
)
