# SPDX-License-Identifier: ISC
"""Temporary directories of the tests, removed when the test ends.

    from scratch import scratch
    tmp = scratch("cs-kill-")      # a new private directory under $TMPDIR

scratch() is tempfile.mkdtemp() whose directory is removed (with all it
holds) when the process ends: on a normal return, on sys.exit(), on an
uncaught exception, and on SIGTERM (meson's timeout), which it turns into
SystemExit so that `finally` blocks and context managers still stop their
camsim fleets and namespaces first.  A process that installed its own
SIGTERM handler keeps it.  SIGKILL leaves the directory behind: nothing
in the process can run then.

Only directories made here are removed, never one a caller named.  Set
CS_KEEP_TMP=1 to keep them for a post-mortem (their paths are printed).
"""
import atexit
import os
import shutil
import signal
import sys
import tempfile
import threading

_dirs = []
_installed = False


def _keep():
    return os.environ.get("CS_KEEP_TMP", "").strip().lower() not in (
        "", "0", "false", "no")


def _remove_all():
    while _dirs:
        d = _dirs.pop()
        if _keep():
            print("kept %s (CS_KEEP_TMP)" % d, file=sys.stderr)
        else:
            shutil.rmtree(d, ignore_errors=True)


def _on_term(signum, frame):
    raise SystemExit(128 + signum)


def _install():
    global _installed
    if _installed:
        return
    _installed = True
    atexit.register(_remove_all)
    if threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _on_term)


def scratch(prefix, parent=None):
    """A new 0700 directory (tempfile.mkdtemp) removed at exit."""
    _install()
    d = tempfile.mkdtemp(prefix=prefix, dir=parent)
    _dirs.append(d)
    return d


def discard(d):
    """Removes d now if scratch() made it (and forgets it); any other path
    is left alone."""
    if d in _dirs:
        _dirs.remove(d)
        if _keep():
            print("kept %s (CS_KEEP_TMP)" % d, file=sys.stderr)
        else:
            shutil.rmtree(d, ignore_errors=True)
