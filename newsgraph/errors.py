"""The errors a user can cause (bad paths, bad files, unreachable servers).

The command line prints them as one line; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for user-facing errors raised by newsgraph itself."""


def _collect() -> tuple[type[BaseException], ...]:
    from newsgraph.api import BuildLockedError
    from newsgraph.extract.gazetteer import GazetteerError
    from newsgraph.extract.pipeline import ModelError
    from newsgraph.graph.jsonl import BuildFolderError

    errors: list[type[BaseException]] = [NewsgraphError, BuildLockedError, GazetteerError, ModelError,
                                         BuildFolderError, PermissionError, IsADirectoryError, NotADirectoryError]
    return tuple(errors)


class _Lazy(tuple):
    pass


def __getattr__(name: str):
    if name == "USER_ERRORS":
        return _collect()
    raise AttributeError(name)
