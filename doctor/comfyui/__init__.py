"""ComfyUI, read three ways: the install tree on disk, the running server over HTTP, and workflow files.

Each module returns plain JSON data; probes in ``doctor/probes/comfyui.py`` put it into the facts and the
checks in ``checks/comfyui.py`` and ``checks/workflows.py`` judge it.
"""
