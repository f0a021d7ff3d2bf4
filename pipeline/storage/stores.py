"""A location on an object store: its file system, its options and clear errors.

Credentials and the endpoint come from the environment (``AWS_ACCESS_KEY_ID``,
``AWS_ENDPOINT_URL``, ...) as the store's library reads them, or from
``--storage-option key=value`` / the ``[storage]`` table of the settings, which
are passed explicitly to every file system this module opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.config import PipelineError

URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://(.*)$")
# The package that gives each scheme's file system, named when it is missing.
PACKAGES = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "az": "adlfs"}


class StorageError(PipelineError):
    """A location on an object store cannot be used; the message names the option to fix."""


def is_url(value: object) -> bool:
    """Whether a location is a URL of a store (``file://`` and plain paths are local)."""
    found = URL.match(str(value))
    return found is not None and found.group(1).lower() != "file"


def parse_options(pairs: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """``key=value`` strings as storage options; ``a.b=v`` nests, true/false become booleans."""
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise StorageError(f"--storage-option {pair!r}: write it as key=value")
        typed: Any = {"true": True, "false": False}.get(value.lower(), value)
        *parents, last = key.strip().split(".")
        table = options
        for parent in parents:
            table = table.setdefault(parent, {})
        table[last] = typed
    return options


@dataclass(frozen=True)
class Store:
    """A folder on an object store: ``protocol://root`` opened with ``options``."""

    url: str
    option: str  # the command-line option that named it, for messages
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def protocol(self) -> str:
        return URL.match(self.url).group(1).lower()  # type: ignore[union-attr]

    @property
    def root(self) -> str:
        """The location without its scheme and trailing slash: ``bucket/prefix``."""
        return URL.match(self.url).group(2).rstrip("/")  # type: ignore[union-attr]

    @property
    def bucket(self) -> str:
        return self.root.split("/", 1)[0]

    def key(self, relative: str = "") -> str:
        """The full key of a path relative to the root."""
        return f"{self.root}/{relative}" if relative else self.root

    def url_of(self, relative: str = "") -> str:
        return f"{self.protocol}://{self.key(relative)}"

    def fs(self) -> Any:
        """The store's fsspec file system, opened with the options given explicitly."""
        try:
            import fsspec
        except ImportError as error:
            raise StorageError(
                f"{self.option} {self.url}: object storage needs the storage extra "
                "(pip install 'pipeline[storage]': s3fs and fsspec)"
            ) from error
        try:
            cls = fsspec.get_filesystem_class(self.protocol)
        except ValueError as error:
            raise StorageError(
                f"{self.option} {self.url}: unknown URL scheme '{self.protocol}://'; give a "
                "local path or an s3:// (gs://, ...) URL"
            ) from error
        except ImportError as error:
            package = PACKAGES.get(self.protocol, "the package fsspec names")
            raise StorageError(
                f"{self.option} {self.url}: {self.protocol}:// needs {package} "
                f"(pip install 'pipeline[storage]' gives s3fs); {error}"
            ) from error
        return cls(**self.options, skip_instance_cache=True)

    def problem(self, error: BaseException) -> StorageError:
        """One line for an error of the store, naming the option to fix."""
        name = type(error).__name__
        text = str(error)
        where = f"{self.option} {self.url}"
        if name in ("NoCredentialsError", "PartialCredentialsError") or "credentials" in text:
            return StorageError(
                f"{where}: no credentials for the store ({text}); set them in the environment "
                "(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for s3://) or with "
                "--storage-option key=... --storage-option secret=..."
            )
        if "bucket does not exist" in text or "NoSuchBucket" in text:
            return StorageError(
                f"{where}: the bucket '{self.bucket}' does not exist; "
                f"create it or fix {self.option}"
            )
        if isinstance(error, PermissionError) or "AccessDenied" in text:
            return StorageError(f"{where}: access denied ({text}); check the credentials")
        return StorageError(f"{where}: the store cannot be used ({name}: {text})")


def open_store(url: str, option: str, options: dict[str, Any], must_exist: bool) -> Store:
    """A store whose bucket answers, checked before any stage runs (earlier outputs stay).

    ``must_exist``: the location itself must hold something (an input).
    """
    store = Store(url, option, options)
    fs = store.fs()
    try:
        fs.ls(store.bucket, detail=False)
        found = fs.exists(store.key())
    except Exception as error:  # botocore, aiohttp and fsspec each raise their own kind
        raise store.problem(error) from error
    if must_exist and not found:
        raise StorageError(f"{option} {url}: nothing is stored there; check the URL")
    return store
