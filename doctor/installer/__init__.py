"""`klein-doctor install`: plan, transfer, verify, place atomically.

Split in small modules so each rule has one home: plan.py validates the manifest and decides what to
fetch, transfer.py asks huggingface_hub where the bytes are and turns failures into advice, fetch.py is
the only code that moves bytes over the network (resumable, hashed in the same pass), verify.py checks
headers of files without a known hash (the sha256 itself lives in doctor/hashing.py, shared with
``check``), place.py is the only code that writes into a folder the user's runtime reads.
"""
