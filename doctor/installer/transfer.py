"""The only code that talks to the network, and only through huggingface_hub.

HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE (and the Xet backend) are whatever huggingface_hub makes of the
environment: we pass no endpoint and no token, so the user's configuration is the one used. The
library is imported inside functions to keep `klein-doctor` start-up cheap.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Callable

_TOKEN_RX = re.compile(r"\bhf_[A-Za-z0-9]{6,}\b")


def scrub(text: str) -> str:
    """Remove any token from a message before it is printed."""
    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        val = os.environ.get(var)
        if val and len(val) >= 4:
            text = text.replace(val, "<redacted>")
    return _TOKEN_RX.sub("<redacted>", text)


class TransferError(Exception):
    """A download failed; ``kind`` is gated | missing | network | bad-answer | oversize | other, the message
    says what to do."""

    def __init__(self, kind: str, message: str):
        super().__init__(scrub(message))
        self.kind = kind


def endpoint() -> str:
    from huggingface_hub import constants

    return constants.ENDPOINT


def token_present() -> bool:
    from huggingface_hub import get_token

    return bool(get_token())


def classify(exc: BaseException, repo: str, what: str) -> TransferError:
    """Turn a huggingface_hub / httpx error into one the user can act on."""
    from huggingface_hub import errors

    page = f"https://huggingface.co/{repo}"
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(exc, errors.GatedRepoError) or status == 403 or (
            status == 401 and not isinstance(exc, errors.RepositoryNotFoundError)):
        have = token_present()
        return TransferError("gated", (
            f"{repo} is gated (HTTP {status}): accept the licence on the model page {page} with your Hugging Face "
            "account, then set HF_TOKEN to a read token of that account"
            + (" (a token is set, but its account has no access to this repo yet)." if have else
               " (no token is set: HF_TOKEN is empty and no `hf auth login` token was found).")))
    if isinstance(exc, errors.RepositoryNotFoundError):
        return TransferError("missing", (
            f"{repo} was not found at {endpoint()} (or it is private/gated and needs a token): check the repo name in "
            f"the models manifest; if it is gated, accept the licence on {page} and set HF_TOKEN."))
    if not isinstance(exc, errors.LocalEntryNotFoundError) and isinstance(
            exc, (errors.RevisionNotFoundError, errors.EntryNotFoundError)):
        return TransferError("missing", f"{what} is not in {repo} at {endpoint()}: the models manifest may be out of "
                                        f"date ({type(exc).__name__}: {exc})")
    nonsense = _in_chain(exc, errors.FileMetadataError)
    if nonsense is not None:
        return TransferError("bad-answer", (
            f"the hub at {endpoint()} answered the metadata request for {what} with headers that make no sense "
            f"({nonsense}). It is not a working Hugging Face endpoint: check HF_ENDPOINT and any proxy or mirror "
            "in between. Nothing was placed."))
    bad_json = _in_chain(exc, json.JSONDecodeError)
    if bad_json is not None:
        return TransferError("bad-answer", (
            f"the hub at {endpoint()} answered the request for {what} of {repo} with malformed JSON ({bad_json}). "
            "Check HF_ENDPOINT and any proxy or mirror in between, or rerun later. Nothing was downloaded."))
    if isinstance(exc, errors.LocalEntryNotFoundError) or _is_network(exc):
        cause = exc.__cause__ or exc
        return TransferError("network", (
            f"the download of {what} from {endpoint()} was interrupted ({type(cause).__name__}: "
            f"{str(cause).splitlines()[0] if str(cause) else 'no detail'}). Nothing unverified was placed. Rerun the "
            "same command: verified files are kept, this one starts again."))
    if isinstance(exc, errors.HfHubHTTPError):
        return TransferError("network", f"the hub answered HTTP {status} for {what}: {str(exc).splitlines()[0]}. "
                                        "Rerun later; nothing unverified was placed.")
    first = str(exc).splitlines()[0] if str(exc) else "no detail"
    return TransferError("other", f"{what} of {repo} from {endpoint()} failed ({type(exc).__name__}: {first}). "
                                  "Nothing unverified was placed.")


def _in_chain(exc: BaseException, kind: type) -> BaseException | None:
    """The first exception of ``kind`` in ``exc``'s cause/context chain (huggingface_hub wraps them)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, kind):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


def _is_network(exc: BaseException) -> bool:
    mod = type(exc).__module__
    if mod.startswith(("httpx", "httpcore")):
        return True
    return isinstance(exc, OSError) and ("Consistency check failed" in str(exc) or isinstance(exc, ConnectionError))


def file_size(repo: str, repo_path: str, revision: str) -> int | None:
    """Size from a HEAD request (also proves access before anything is downloaded)."""
    from huggingface_hub import get_hf_file_metadata, hf_hub_url

    try:
        meta = get_hf_file_metadata(hf_hub_url(repo, repo_path, revision=revision))
    except Exception as exc:  # noqa: BLE001 - classified for the user
        raise classify(exc, repo, repo_path) from exc
    return meta.size


class _TooBig(Exception):
    """Raised from the progress hook to stop a body that outgrew the expected size."""

    def __init__(self, received: int):
        super().__init__(received)
        self.received = received


def progress_class(sink: Callable[[int, int | None], None], limit: int | None = None) -> type:
    """A tqdm class that feeds our progress display instead of drawing its own bar.

    It also sees every chunk before the next one is read, so it is where a body larger than ``limit``
    (a hostile or broken server streaming without end) is stopped: huggingface_hub itself reads the
    whole body and only then compares sizes, which can fill a disk first.
    """
    from tqdm.auto import tqdm

    class _Bridge(tqdm):  # type: ignore[misc]
        def __init__(self, *a: Any, **kw: Any) -> None:
            kw["disable"] = True
            total = kw.get("total")
            super().__init__(*a, **kw)
            self._received = 0
            sink(0, total)

        def update(self, n: float | None = 1) -> bool | None:
            self._received += int(n or 0)  # negative when the client rewinds a restarted file
            if limit is not None and self._received > limit:
                raise _TooBig(self._received)
            sink(int(n or 0), None)
            return None

    return _Bridge


def download_file(repo: str, repo_path: str, revision: str, local_dir: Path,
                  sink: Callable[[int, int | None], None], expected_size: int | None = None) -> Path:
    """hf_hub_download into a private staging dir; returns the completed file. A body that grows past
    ``expected_size`` is stopped after at most one client chunk (10 MB)."""
    from huggingface_hub import hf_hub_download

    try:
        p = hf_hub_download(repo, repo_path, revision=revision, local_dir=str(local_dir),
                            tqdm_class=progress_class(sink, expected_size))
    except Exception as exc:  # noqa: BLE001 - classified for the user
        big = _in_chain(exc, _TooBig)
        if big is not None:
            raise TransferError("oversize", (
                f"the hub sent more than the {expected_size} bytes expected for {repo_path} (stopped after "
                f"{big.received}): the file on the hub changed or the endpoint serves something else. Nothing was "
                "placed; if it repeats, the models manifest or HF_ENDPOINT is wrong.")) from exc
        raise classify(exc, repo, repo_path) from exc
    return Path(p)


def incomplete_dir(local_dir: Path, repo_path: str) -> Path:
    """Where huggingface_hub writes ``*.incomplete`` for a local_dir download."""
    return (local_dir / ".cache" / "huggingface" / "download" / repo_path).parent


def snapshot(repo: str, revision: str, allow: list[str], local_dir: Path | None) -> Path:
    import sys

    from huggingface_hub import snapshot_download
    from huggingface_hub.utils import disable_progress_bars

    if not sys.stderr.isatty():
        disable_progress_bars()
    try:
        p = snapshot_download(repo, revision=revision, allow_patterns=allow,
                              local_dir=str(local_dir) if local_dir else None)
    except Exception as exc:  # noqa: BLE001 - classified for the user
        raise classify(exc, repo, "the snapshot") from exc
    return Path(p)


def lfs_hashes(repo: str, revision: str) -> tuple[str | None, dict[str, tuple[int, str]]]:
    """(commit, {path: (size, sha256)}) of the repo's LFS files, from the tree listing."""
    from huggingface_hub import HfApi
    from huggingface_hub.hf_api import RepoFile

    api = HfApi()
    try:
        info = api.repo_info(repo, revision=revision)
        out = {f.path: (f.lfs.size, f.lfs.sha256) for f in api.list_repo_tree(repo, revision=info.sha, recursive=True)
               if isinstance(f, RepoFile) and f.lfs is not None}
    except Exception as exc:  # noqa: BLE001
        raise classify(exc, repo, "the file list") from exc
    return info.sha, out
