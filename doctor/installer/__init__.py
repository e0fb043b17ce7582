"""`klein-doctor install`: plan, transfer (through huggingface_hub only), verify, place atomically.

Split in small modules so each rule has one home: plan.py decides what to fetch, transfer.py is the
only code that talks to the network, verify.py hashes, place.py is the only code that writes into
a folder the user's runtime reads.
"""
