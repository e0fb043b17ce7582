"""The smoke generation, orchestrated from the doctor's own process.

torch never loads here: the generation runs in a time-bounded child of the target Python
(``probe_scripts/smoke_diffusers.py``) while a thread samples NVML, because only the device's own
count sees other processes and memory the child's allocator does not know about.
"""

from .plan import SmokePlan, choose_mode, make_plan, resolve_model_dir, variant_settings
from .runner import run_diffusers_smoke
from .sampler import NvmlSampler

__all__ = ["SmokePlan", "choose_mode", "make_plan", "resolve_model_dir", "variant_settings", "run_diffusers_smoke",
           "NvmlSampler"]
