"""The errors a user can cause (bad paths, bad files, unreachable servers, a busy build folder).

The command line prints them as one line; anything else is a bug and keeps its traceback.
``is_user_error`` decides which is which; ``one_line`` makes the line.
"""
from __future__ import annotations

import errno


class NewsgraphError(Exception):
    """Base class for user-facing errors raised by newsgraph itself."""


# File-system conditions the user can fix (full disk, read-only folder, a file where a folder
# belongs ...): reported as one line even when they surface as a plain OSError.
USER_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EEXIST,
                         errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.ELOOP,
                         errno.EMFILE, errno.ENFILE})


def _collect() -> tuple[type[BaseException], ...]:
    from newsgraph.api import BuildLockedError
    from newsgraph.extract.gazetteer import GazetteerError
    from newsgraph.extract.pipeline import ModelError
    from newsgraph.graph.jsonl import BuildFolderError

    errors: list[type[BaseException]] = [NewsgraphError, BuildLockedError, GazetteerError, ModelError,
                                         BuildFolderError, PermissionError, IsADirectoryError, NotADirectoryError,
                                         FileExistsError]
    return tuple(errors)


def is_user_error(exc: BaseException) -> bool:
    """True for errors the user caused and can fix; False for bugs (which keep their traceback)."""
    if isinstance(exc, _collect()):
        return True
    return isinstance(exc, OSError) and type(exc) in (OSError, FileNotFoundError, FileExistsError) \
        and exc.errno in USER_ERRNOS


def one_line(exc: BaseException) -> str:
    """The message of ``exc`` as one line (OSErrors: "reason: path")."""
    if isinstance(exc, OSError) and exc.strerror and not isinstance(exc, tuple(_own_oserrors())):
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    return " ".join(str(exc).split()) or type(exc).__name__


def _own_oserrors() -> list[type[BaseException]]:
    from newsgraph.graph.jsonl import BuildFolderError
    return [BuildFolderError]


def __getattr__(name: str):
    if name == "USER_ERRORS":
        return _collect()
    raise AttributeError(name)
