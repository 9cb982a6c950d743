"""The messages between the server and a query worker, over the worker's stdin and stdout.

A frame is a head of two big-endian 32-bit lengths, then that many bytes of JSON metadata
and that many bytes of body: the query text one way, the serialised answer the other.

>>> import io
>>> buffer = io.BytesIO()
>>> write_frame(buffer, {"accept": "*/*"}, b"ASK {}")
>>> _ = buffer.seek(0)
>>> read_frame(buffer)
({'accept': '*/*'}, b'ASK {}')
"""

from __future__ import annotations

import json
import struct
from typing import Any, BinaryIO

HEAD = struct.Struct("!II")


def encode_frame(meta: dict[str, Any], body: bytes = b"") -> bytes:
    """The bytes of one frame."""
    encoded = json.dumps(meta, separators=(",", ":")).encode("utf-8")
    return HEAD.pack(len(encoded), len(body)) + encoded + body


def write_frame(stream: BinaryIO, meta: dict[str, Any], body: bytes = b"") -> None:
    """Write one frame and flush it."""
    stream.write(encode_frame(meta, body))
    stream.flush()


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    parts = []
    while size:
        part = stream.read(size)
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def read_frame(stream: BinaryIO) -> tuple[dict[str, Any], bytes] | None:
    """The next frame's metadata and body, or ``None`` at the end of the stream."""
    head = _read_exactly(stream, HEAD.size)
    if head is None:
        return None
    meta_size, body_size = HEAD.unpack(head)
    meta = _read_exactly(stream, meta_size)
    body = _read_exactly(stream, body_size)
    if meta is None or body is None:
        return None
    return json.loads(meta), body
