"""What one upload may cost the intake: bytes on the wire and on disk, memory while verifying, time.

The domain's reader holds a bundle's members in memory while it verifies them, and refuses more
real bytes than a member declares; so memory is bounded by the declared sizes, checked (with the
member count) before anything is read. Verifications run at most `verifiers` at a time.
"""
from __future__ import annotations

from dataclasses import dataclass

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_upload: int = 256 * MIB  # one bundle file (the photo-heavy case is 50 MB)
    max_expanded: int = 512 * MIB  # the sum of its members' declared sizes
    max_members: int = 5_000  # sheets × 2 + photos; a panel's largest return is far below
    max_open_uploads: int = 200  # transfers in progress at once (each may hold up to max_upload on disk)
    disk_reserve: int = 64 * MIB  # refuse new bytes when less than this would remain free
    idle_timeout: float = 60.0  # seconds without a byte from a client before its transfer is paused
    upload_ttl_hours: int = 72  # an unfinished transfer untouched this long is discarded
    verifiers: int = 2  # verifications at once (CPU and memory); the machine has 2 cores
    max_json: int = 64 * 1024  # small JSON request bodies (login, upload creation)
