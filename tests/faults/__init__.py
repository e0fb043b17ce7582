"""The fault zoo: broken setups built on disk (ComfyUI trees, Hugging Face caches, fact records), each with
the finding a user must get, plus the clean setups that must give none. See zoo.py."""
