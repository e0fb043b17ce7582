"""`klein-doctor fix`: from a broken setup to a working one, with consent, verified, reversible.

Repairs are registered per finding code (doctor/fixer/base.py); each builds a concrete plan from the
facts, applies it through the journal (doctor/fixer/journal.py) and names the check to run again.
The command itself is doctor/fixer/run.py.
"""

from .base import REPAIRS, Plan, Repair, repair  # noqa: F401


def load_repairs() -> None:
    """Import the repair modules (in the order their repairs should run: environment first, files last)."""
    from . import torch_env  # noqa: F401  (PyTorch, then attention packages)
    from . import envvars  # noqa: F401
    from . import comfy  # noqa: F401  (update before flags: an update rewrites nothing the flags live in)
    from . import models  # noqa: F401
    from . import workflows  # noqa: F401
