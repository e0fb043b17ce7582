"""klein-doctor: finds what stops FLUX.2 [klein] from running on a user's NVIDIA GPU, and says how to fix it."""

__version__ = "0.1.0"

# Installed, this package is `klein_doctor` and the checks are its subpackage `klein_doctor.checks` (one distinctive
# import package: installing the doctor into ComfyUI's environment shadows no `doctor` or `checks` of anyone else).
# In a source checkout the package is the folder doctor/ and the checks are the folder checks/ beside it: the
# checkout is added to this package's path so that `<package>.checks` finds them there. All imports are relative.
import os as _os

_here = _os.path.dirname(_os.path.abspath(__file__))
if not _os.path.isdir(_os.path.join(_here, "checks")):
    _src = _os.path.dirname(_here)
    if _os.path.isfile(_os.path.join(_src, "checks", "__init__.py")):
        __path__.append(_src)  # type: ignore[name-defined]
del _os, _here
