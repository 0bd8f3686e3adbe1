"""A block of memory shared with the render worker, freed by the OS when both ends are gone
(so a crash never leaks it): an anonymous memfd on Linux, an unlinked temporary file on other
POSIX systems, a named mapping on Windows. The app divides it into fixed slots."""
from __future__ import annotations

import mmap
import os
import sys
import tempfile
import uuid


class SharedBuffer:
    def __init__(self, size: int) -> None:
        self.size = size
        self.pass_fds: tuple[int, ...] = ()
        self._fd: int | None = None
        if sys.platform == "win32":
            self.spec = f"tag:reviewdesk-{os.getpid()}-{uuid.uuid4().hex}"
            self.map = mmap.mmap(-1, size, tagname=self.spec[4:])
            return
        if hasattr(os, "memfd_create"):
            fd = os.memfd_create("reviewdesk-render")
        else:
            handle = tempfile.TemporaryFile()
            fd = os.dup(handle.fileno())
            handle.close()
        os.ftruncate(fd, size)
        self._fd = fd
        self.map = mmap.mmap(fd, size)
        self.spec = f"fd:{fd}"
        self.pass_fds = (fd,)

    def close(self) -> None:
        try:
            self.map.close()
        except BufferError:  # a view is still alive somewhere; the OS frees it at exit
            pass
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def attach(spec: str, size: int) -> mmap.mmap:
    """The worker's side of a SharedBuffer, from the spec the app passed on the command line."""
    kind, _, value = spec.partition(":")
    if kind == "tag":
        return mmap.mmap(-1, size, tagname=value)
    return mmap.mmap(int(value), size)
