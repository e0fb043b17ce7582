"""Runs inside the TARGET interpreter (Python >= 3.8, standard library only): the files of the named
distributions, the installer that put them there, and whether pip is importable.

argv: names... ; prints one JSON line after a marker: the named distributions with their files, and
``all``: every installed distribution's normalized name and version (what an install added or replaced).
"""
import json
import os
import re
import sys

MARKER = "@@KLEIN_DOCTOR_JSON@@"


def norm(n):
    return re.sub(r"[-_.]+", "-", n).lower()


def main(names):
    from importlib import metadata
    import importlib.util
    import sysconfig

    want = {norm(n) for n in names}
    out = {}
    every = {}
    for dist in metadata.distributions():
        try:
            name = dist.metadata["Name"]
        except Exception:
            continue
        if name and norm(name) not in every:
            every[norm(name)] = dist.version
        if not name or norm(name) not in want or norm(name) in out:
            continue
        files = []
        for f in dist.files or []:
            p = os.path.normpath(str(dist.locate_file(f)))
            if os.path.isfile(p) or os.path.islink(p):
                files.append(p)
        installer = ""
        try:
            installer = (dist.read_text("INSTALLER") or "").strip()
        except Exception:
            pass
        out[norm(name)] = {"name": name, "version": dist.version, "files": files, "installer": installer}
    print(MARKER)
    print(json.dumps({"dists": out, "all": every, "pip": importlib.util.find_spec("pip") is not None,
                      "purelib": sysconfig.get_paths()["purelib"], "prefix": sys.prefix,
                      "executable": sys.executable}))


if __name__ == "__main__":
    main(sys.argv[1:])
