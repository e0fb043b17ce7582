"""klein-doctor: finds what stops FLUX.2 [klein] from running on a user's NVIDIA GPU, and says how to fix it."""

__version__ = "0.1.0"
