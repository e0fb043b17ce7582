"""What to fetch and from where, through huggingface_hub; failures turned into advice.

HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE, HF_HUB_OFFLINE and the timeouts are whatever huggingface_hub makes of
the environment: we pass no endpoint and no token, so the user's configuration is the one used. The bytes
themselves are moved by fetch.py. The library is imported inside functions to keep start-up cheap.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Callable

_TOKEN_RX = re.compile(r"\bhf_[A-Za-z0-9]{6,}\b")
_USERINFO_RX = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")


def scrub(text: str) -> str:
    """Remove any token from a message before it is printed."""
    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        val = os.environ.get(var)
        if val and len(val) >= 4:
            text = text.replace(val, "<redacted>")
    text = _USERINFO_RX.sub(r"\1<redacted>@", text)  # user:pass@ inside HF_ENDPOINT or a proxy URL
    return _TOKEN_RX.sub("<redacted>", text)


class TransferError(Exception):
    """A download failed; ``kind`` is gated | missing | network | bad-answer | oversize | other, the message
    says what to do."""

    def __init__(self, kind: str, message: str):
        super().__init__(scrub(message))
        self.kind = kind


def endpoint() -> str:
    from huggingface_hub import constants

    return scrub(constants.ENDPOINT)


def token_present() -> bool:
    from huggingface_hub import get_token

    return bool(get_token())


def unreachable(cause: BaseException, what: str) -> TransferError:
    """The hub could not be reached, or did not answer in time, before any byte of ``what`` was sent."""
    name = type(cause).__name__
    timeout = "Timeout" in name or isinstance(cause, TimeoutError)
    return TransferError("unreachable", (
            f"the hub at {endpoint()} {'did not answer in time' if timeout else 'cannot be reached'} when asked "
            f"for {what} ({name}: {str(cause).splitlines()[0] if str(cause) else 'no detail'}). Nothing was "
            f"downloaded. Check the network and HF_ENDPOINT (now {endpoint()}"
            f"{'' if os.environ.get('HF_ENDPOINT') else ', the default'}) and any proxy; "
            + ("raise HF_HUB_ETAG_TIMEOUT for a slow mirror; " if timeout else "")
            + "without network, install from a local copy with --from DIR."))


def classify_status(status: int, repo: str) -> TransferError:
    page = f"https://huggingface.co/{repo}"
    have = token_present()
    return TransferError("gated", (
        f"{repo} is gated (HTTP {status}): accept the licence on the model page {page} with your Hugging Face "
        "account, then set HF_TOKEN to a read token of that account"
        + (" (a token is set, but its account has no access to this repo yet)." if have else
           " (no token is set: HF_TOKEN is empty and no `hf auth login` token was found).")))


def classify(exc: BaseException, repo: str, what: str, before_bytes: bool = False) -> TransferError:
    """Turn a huggingface_hub / httpx error into one the user can act on. ``before_bytes``: the error came
    from a metadata request (nothing was being downloaded yet), so a network error means the hub cannot be
    reached, not an interrupted download."""
    from huggingface_hub import errors

    page = f"https://huggingface.co/{repo}"
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(exc, errors.OfflineModeIsEnabled) or _in_chain(exc, errors.OfflineModeIsEnabled) is not None:
        return offline_error(what)
    if isinstance(exc, errors.GatedRepoError) or status == 403 or (
            status == 401 and not isinstance(exc, errors.RepositoryNotFoundError)):
        return classify_status(status, repo)
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
    if before_bytes and (isinstance(exc, errors.LocalEntryNotFoundError) or _is_network(exc)):
        return unreachable(exc.__cause__ or exc, what)
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


@dataclasses.dataclass
class Remote:
    """Where one file's bytes are and what the hub says about them (from one HEAD)."""
    url: str
    headers: dict[str, str]
    size: int | None
    etag: str | None
    commit: str | None


def offline_error(what: str) -> "TransferError":
    return TransferError("offline", (
        f"{what} is not installed: HF_HUB_OFFLINE is set, and huggingface_hub's offline mode forbids every "
        "download. Unset HF_HUB_OFFLINE to download, or install from a local copy with --from DIR."))


def offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def remote(repo: str, repo_path: str, revision: str) -> Remote:
    """HEAD the file (proves access, gives size, etag and commit); the GET goes to where it redirects."""
    if offline():
        raise offline_error(repo_path)
    fast = _fast_remote(repo, repo_path, revision)
    if fast is not None:
        return fast
    from huggingface_hub import get_hf_file_metadata, hf_hub_url
    from huggingface_hub.utils import build_hf_headers

    url = hf_hub_url(repo, repo_path, revision=revision)
    try:
        meta = get_hf_file_metadata(url)
    except Exception as exc:  # noqa: BLE001 - classified for the user
        raise classify(exc, repo, repo_path, before_bytes=True) from exc
    headers = build_hf_headers()
    location = meta.location or url
    if urllib.parse.urlsplit(location).netloc != urllib.parse.urlsplit(url).netloc:
        headers.pop("authorization", None)  # a CDN's signed URL must not get the token
        headers.pop("Authorization", None)
    return Remote(location, headers, meta.size, meta.etag, meta.commit_hash)


def _simple_token() -> tuple[bool, str | None]:
    """(usable, token) without importing huggingface_hub's HTTP stack: only when the token can only come
    from HF_TOKEN / HUGGING_FACE_HUB_TOKEN (no token file, no OIDC, no Colab), else (False, None)."""
    from huggingface_hub import constants

    env = (os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN") or "").strip()
    if env:
        return True, env
    if os.environ.get("HF_OIDC_RESOURCE") or os.path.exists(constants.HF_TOKEN_PATH) or "google.colab" in sys.modules:
        return False, None
    return True, None


def _fast_remote(repo: str, repo_path: str, revision: str) -> Remote | None:
    """The HEAD of :func:`remote` without importing huggingface_hub's HTTP client (a third of a second of
    start-up, as long as the transfer of 400 MB on a fast link). Only the plain case is answered here; any
    other answer (an error status, a header that makes no sense, a token from a file) returns None and the
    caller asks huggingface_hub, which classifies it exactly."""
    from huggingface_hub import constants

    from . import fetch

    usable, token = _simple_token()
    if not usable:
        return None
    url = (f"{constants.ENDPOINT.rstrip('/')}/{urllib.parse.quote(repo, safe='/')}/resolve/"
           f"{urllib.parse.quote(revision, safe='')}/{urllib.parse.quote(repo_path)}")
    headers = {"User-Agent": "klein-doctor (huggingface_hub-compatible)", "Accept-Encoding": "identity"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        status, h, location = fetch.head(url, headers, float(constants.HF_HUB_ETAG_TIMEOUT))
    except TimeoutError as exc:
        raise unreachable(exc, repo_path) from exc  # asking again through huggingface_hub would double the wait
    except (OSError, fetch.FetchError, ValueError):
        return None  # huggingface_hub tries again and words the error
    size = h.get("x-linked-size") or h.get("content-length")
    etag = (h.get("x-linked-etag") or h.get("etag") or "").removeprefix("W/").strip('"')
    commit = h.get("x-repo-commit")
    if status not in (200, 301, 302, 303, 307, 308) or not size or not size.isdigit() or not etag or not commit \
            or not re.fullmatch(r"[0-9a-f]{40}", commit):
        return None
    if urllib.parse.urlsplit(location).netloc != urllib.parse.urlsplit(url).netloc:
        headers.pop("Authorization", None)  # a CDN's signed URL must not get the token
    headers.pop("Accept-Encoding", None)
    return Remote(location, headers, int(size), etag, commit)


def download(r: Remote, repo: str, repo_path: str, part: Path, expected_size: int | None,
             progress: Callable[[int], None], on_resume: Callable[[int], None] | None = None) -> "fetch.Result":
    """Fetch ``r`` into ``part`` (resuming what is there); TransferError with a message to act on."""
    from huggingface_hub import constants

    from . import fetch

    try:
        return fetch.fetch(r.url, r.headers, part, expected_size, progress,
                           timeout=float(constants.HF_HUB_DOWNLOAD_TIMEOUT), on_resume=on_resume)
    except fetch.FetchError as exc:
        kept = part.stat().st_size if part.exists() else 0
        if exc.kind == "oversize":
            raise TransferError("oversize", (
                f"the hub sent more than the {expected_size} bytes expected for {repo_path} ({exc}): the file on "
                "the hub changed or the endpoint serves something else. Nothing was placed; if it repeats, the "
                "models manifest or HF_ENDPOINT is wrong.")) from exc
        if exc.kind == "http" and exc.status in (401, 403):
            raise classify_status(exc.status, repo) from exc
        if exc.kind == "http" and exc.status == 404:
            raise TransferError("missing", f"{repo_path} is not in {repo} at {endpoint()} (HTTP 404 on download): "
                                           "the models manifest may be out of date.") from exc
        if exc.kind == "bad-answer":
            raise TransferError("bad-answer", (
                f"the hub at {endpoint()} answered the download of {repo_path} in a way that makes no sense ({exc}). "
                "Check HF_ENDPOINT and any proxy or mirror in between. Nothing was placed.")) from exc
        cause = exc.cause or exc
        detail = f"{type(cause).__name__}: {str(cause).splitlines()[0] if str(cause) else 'no detail'}"
        if exc.kind == "http":
            detail = f"HTTP {exc.status}"
        raise TransferError("network", (
            f"the download of {repo_path} from {endpoint()} was interrupted ({detail}) after {_human(kept)} of "
            f"{_human(expected_size)}. Nothing unverified was placed. Rerun the same command: verified files are "
            "kept, and this one resumes from the bytes already received.")) from exc


def _human(n: int | None) -> str:
    if n is None:
        return "an unknown size"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


def repo_files(repo: str, revision: str) -> tuple[str | None, dict[str, tuple[int, str, bool]]]:
    """(commit, {path: (size, oid, is_lfs)}) of every file of the repo at ``revision``: ``oid`` is the sha256
    for LFS files and the git blob sha1 for the others (both checked before a file is placed)."""
    from huggingface_hub import HfApi
    from huggingface_hub.hf_api import RepoFile

    if offline():
        raise offline_error(f"the snapshot of {repo}")
    api = HfApi()
    try:
        info = api.repo_info(repo, revision=revision)
        out = {}
        for f in api.list_repo_tree(repo, revision=info.sha, recursive=True):
            if isinstance(f, RepoFile):
                out[f.path] = (f.lfs.size, f.lfs.sha256, True) if f.lfs is not None else (f.size, f.blob_id, False)
    except Exception as exc:  # noqa: BLE001
        raise classify(exc, repo, "the file list", before_bytes=True) from exc
    return info.sha, out


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
