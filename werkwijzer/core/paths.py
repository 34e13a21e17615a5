"""Paths a user gives: made absolute without tripping over loops or a vanished folder, and the
reasons a file cannot be used, in Dutch."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from werkwijzer.core.errors import WerkwijzerError

_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ELOOP: "de symbolische koppelingen vormen een kring",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "een fout van de schijf",
    errno.EBADF: "het bestand is gesloten",
    errno.ENXIO: "het apparaat is er niet",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "de schijf is vol (quotum bereikt)"


class NoCurrentFolder(WerkwijzerError):
    """The folder werkwijzer was started in has been removed."""

    def __init__(self) -> None:
        super().__init__(
            "De map waarin je werkt bestaat niet meer (verwijderd of verplaatst). Ga met cd naar "
            "een bestaande map en probeer het opnieuw."
        )


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Dutch; the system's own words for a rare errno."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def real_path(path: str | os.PathLike[str]) -> Path:
    """The absolute path with symbolic links followed; a loop stays as it is (never raises for
    one, unlike Path.resolve on Python 3.10-3.12). Raises NoCurrentFolder when the current folder
    is gone and the path is relative."""
    try:
        return Path(os.path.realpath(path))
    except FileNotFoundError:  # os.getcwd() of a removed folder
        raise NoCurrentFolder() from None
