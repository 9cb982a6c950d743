"""Take the network away from the process that evaluates queries.

Oxigraph evaluates ``SERVICE <url>`` by sending an HTTP request to ``url``, and neither its
server nor pyoxigraph can be told not to. The request checks refuse ``SERVICE``; this module
makes sure that a query the checks miss still cannot reach anything. A query worker calls
:func:`isolate` first thing, while it is still single-threaded, with two mechanisms:

``network namespace``
    ``unshare(CLONE_NEWNET)`` (with ``CLONE_NEWUSER`` where the process lacks
    ``CAP_SYS_ADMIN``): the process gets a network stack of its own whose only interface,
    loopback, is down. Every ``connect`` fails with "network is unreachable"; the worker talks
    to the server over pipes, which a network namespace does not touch.
``seccomp``
    A filter (through libseccomp, ``libseccomp.so.2``, Debian's ``libseccomp2``) that makes
    ``socket()`` fail for internet and packet sockets (``AF_INET``, ``AF_INET6``,
    ``AF_PACKET``) and ``io_uring_setup`` fail (io_uring could open sockets past the filter).
    It is inherited by every thread started later.

Both are applied where the kernel allows; either alone suffices. Neither needs a package
from PyPI: ``unshare`` is in the C library and libseccomp is loaded with :mod:`ctypes`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
from collections.abc import Iterable

NETNS = "network namespace"
SECCOMP = "seccomp"
MECHANISMS = (NETNS, SECCOMP)

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

# libseccomp's constants (seccomp.h), stable since libseccomp 2.0
_SCMP_ACT_ALLOW = 0x7FFF0000
_SCMP_ACT_ERRNO = 0x00050000
_SCMP_CMP_MASKED_EQ = 7
_REFUSED_FAMILIES = (2, 10, 17)  # AF_INET, AF_INET6, AF_PACKET (the same on every Linux)


class _ArgCmp(ctypes.Structure):
    """``struct scmp_arg_cmp``: compare one syscall argument."""

    _fields_ = (
        ("arg", ctypes.c_uint),
        ("op", ctypes.c_int),
        ("datum_a", ctypes.c_uint64),
        ("datum_b", ctypes.c_uint64),
    )


def _own_network_namespace() -> bool:
    unshare = getattr(ctypes.CDLL(None, use_errno=True), "unshare", None)  # Linux only
    if unshare is None:
        return False
    if unshare(_CLONE_NEWNET) == 0:
        return True
    # Without CAP_SYS_ADMIN, a user namespace of its own gives the process that capability
    # over the new network namespace (where the kernel allows unprivileged user namespaces).
    return bool(unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0)


def _seccomp_filter() -> bool:
    name = ctypes.util.find_library("seccomp")
    if name is None:
        return False
    try:
        lib = ctypes.CDLL(name, use_errno=True)
    except OSError:
        return False
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_init.argtypes = [ctypes.c_uint32]
    lib.seccomp_rule_add_array.argtypes = [
        ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint, ctypes.POINTER(_ArgCmp)
    ]  # fmt: skip
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_load.argtypes = [ctypes.c_void_p]
    lib.seccomp_release.argtypes = [ctypes.c_void_p]
    context = lib.seccomp_init(_SCMP_ACT_ALLOW)
    if not context:
        return False
    try:
        socket_call = lib.seccomp_syscall_resolve_name(b"socket")
        for family in _REFUSED_FAMILIES:
            # The argument is a C int: compare its low 32 bits only.
            compare = _ArgCmp(0, _SCMP_CMP_MASKED_EQ, 0xFFFFFFFF, family)
            action = _SCMP_ACT_ERRNO | errno.EACCES
            if lib.seccomp_rule_add_array(context, action, socket_call, 1, compare) != 0:
                return False
        uring = lib.seccomp_syscall_resolve_name(b"io_uring_setup")
        if uring >= 0 and lib.seccomp_rule_add_array(
            context, _SCMP_ACT_ERRNO | errno.ENOSYS, uring, 0, None
        ):
            return False
        return bool(lib.seccomp_load(context) == 0)
    finally:
        lib.seccomp_release(context)


def isolate(mechanisms: Iterable[str] = MECHANISMS) -> tuple[str, ...]:
    """Apply each of ``mechanisms`` the kernel allows to this process; the ones in force.

    Call it before the process starts threads (a user namespace needs a single thread; the
    seccomp filter covers only threads started after it). It cannot be undone.
    """
    wanted = set(mechanisms)
    unknown = wanted - set(MECHANISMS)
    if unknown:
        raise ValueError(f"unknown isolation mechanism(s): {sorted(unknown)}")
    applied = []
    if NETNS in wanted and _own_network_namespace():
        applied.append(NETNS)
    if SECCOMP in wanted and _seccomp_filter():
        applied.append(SECCOMP)
    return tuple(applied)


def describe(in_force: Iterable[str]) -> str:
    """One line for the log: which mechanisms keep the query workers off the network."""
    applied = list(in_force)
    if not applied:
        return (
            "network isolation: NONE (the kernel refused a network namespace and seccomp); "
            "only the query check keeps SERVICE from calling out"
        )
    return f"network isolation of the query workers: {' and '.join(applied)}"
