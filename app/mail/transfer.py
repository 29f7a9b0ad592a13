"""Content-Transfer-Encoding: base64 and quoted-printable to bytes, leniently.

Owns the repair of broken transfer encodings (missing padding, garbage inside
base64, stray characters): decode what can be decoded and say so, never raise.
"""

from __future__ import annotations

import binascii
import re

__all__ = ["decode_base64", "decode_quoted_printable", "decode_transfer"]

_B64_CHUNK = re.compile(rb"[A-Za-z0-9+/]+(?:={1,2})?")
_B64_ALLOWED = re.compile(rb"[^A-Za-z0-9+/=\s]")
_B64_NOISE = re.compile(rb"[^A-Za-z0-9+/=]+")


def decode_base64(data: bytes) -> tuple[bytes, bool]:
    """Decode base64 leniently; return (bytes, broken).

    Broken means something had to be repaired: characters outside the
    alphabet, missing or misplaced padding, a dangling last character.
    Runs separated by padding are decoded one by one (some mailers concatenate
    encoded blocks).
    """
    try:
        # Well-formed base64 (every encoded word of a normal header) in one C call;
        # the repairs below are for what this refuses.
        return binascii.a2b_base64(data, strict_mode=True), False
    except binascii.Error:
        pass
    broken = _B64_ALLOWED.search(data) is not None
    out = bytearray()
    # Dropping the noise (rather than splitting on it) keeps the 4-character groups aligned.
    for match in _B64_CHUNK.finditer(_B64_NOISE.sub(b"", data)):
        chunk = match.group()
        body = chunk.rstrip(b"=")
        remainder = len(body) % 4
        if remainder == 1:
            # One lone character carries no whole byte: drop it.
            body = body[:-1]
            broken = True
        padded = body + b"=" * (-len(body) % 4)
        if padded != chunk:
            broken = True
        try:
            out += binascii.a2b_base64(padded)
        except (binascii.Error, ValueError):
            broken = True
    return bytes(out), broken


def decode_quoted_printable(data: bytes) -> bytes:
    """Quoted-printable is forgiving by design: invalid escapes stay literal."""
    return binascii.a2b_qp(data)


def decode_transfer(data: bytes, encoding: str) -> tuple[bytes, bool]:
    """Undo a Content-Transfer-Encoding; return (bytes, broken)."""
    cte = encoding.strip().lower()
    if cte == "base64":
        return decode_base64(data)
    if cte == "quoted-printable":
        return decode_quoted_printable(data), False
    # 7bit, 8bit, binary, and unknown tokens: the bytes are the content.
    return data, False
