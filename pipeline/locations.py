"""Where the pipeline reads and writes: local paths, and URLs of object stores for ``run``.

``pipeline run`` takes ``s3://``, ``gs://`` and other fsspec URLs for its
``--input``, ``--work`` and ``--output`` (``Location``; see ``pipeline.storage``).
The commands of single stages take local paths only (``LocalPath``) and name
the problem of a URL: without this check such a value was taken for a
relative path, an input "did not exist" and an output became a local folder
named ``s3:``.
"""

from __future__ import annotations

import re
from typing import Any

import click

# Schemes of object stores and remote file systems that a later version may read.
OBJECT_STORES = frozenset(
    {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "hdfs", "http", "https", "ftp"}
)
URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")  # two letters at least: C:\ is a path


def url_scheme(value: str) -> str | None:
    """``s3`` for ``s3://bucket/key``; None for a local path (``file://`` included)."""
    found = URL.match(value)
    if found is None or found.group(1).lower() == "file":
        return None
    return found.group(1).lower()


def url_problem(value: str) -> str | None:
    """Why ``value`` cannot be used as a location, or None when it is a local path."""
    scheme = url_scheme(value)
    if scheme is None:
        return None
    if scheme in OBJECT_STORES:
        return (
            f"{value}: object storage ({scheme}://) is supported by `pipeline run` only (not "
            "yet by the commands of single stages); give a local or shared folder here"
        )
    return f"{value}: unknown URL scheme '{scheme}://'; give a folder or file path"


class LocalPath(click.Path):
    """``click.Path`` that names the problem of a URL before checking the path."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            if value.lower().startswith("file://"):
                value = value[len("file://") :]
            elif problem := url_problem(value):
                self.fail(problem, param, ctx)
        return super().convert(value, param, ctx)


class Location(LocalPath):
    """A local path as ``LocalPath`` checks it, or a URL of a store, kept as a string.

    A URL is checked (scheme, credentials, bucket) when the run opens it, before
    any stage, so that every problem names its option in one line.
    """

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and url_scheme(value) is not None:
            return value
        return super().convert(value, param, ctx)
