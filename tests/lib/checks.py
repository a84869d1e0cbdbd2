# SPDX-License-Identifier: ISC
"""The checks of a Python test and their tally, in one place.

    from checks import Checker
    c = Checker()                 # Checker(verbose=True) prints passes too,
                                  # Checker(tap=True) also ends with the
                                  # TAP plan "1..N" (meson protocol: 'tap')
    c.ok(cond, "what")            # returns cond; a failure prints at once
    sys.exit(c.status("all ok"))  # prints the tally (and "all ok" when no
                                  # check failed); 1 when one failed

A script with a single list of checks uses the module's own Checker:

    from checks import check, status
    check(cond, "what")
    return status("identify: ok")

Lines are TAP-like: "not ok N - what" (and "ok N - what" when verbose),
then "N checks, M failed" (with tap=True: every line, then "1..N").
"""
import sys


class Checker:
    """Collects failures and prints a TAP-ish report."""

    def __init__(self, verbose=False, tap=False):
        self.fail = []
        self.n = 0
        self.verbose = verbose or tap
        self.tap = tap

    def ok(self, cond, msg):
        self.n += 1
        if not cond:
            self.fail.append(msg)
        if not cond or self.verbose:
            print("%s %d - %s" % ("ok" if cond else "not ok", self.n,
                                  str(msg).replace("\n", " | ")))
            sys.stdout.flush()
        return cond

    def status(self, summary=None):
        """Prints the tally; returns the exit status (1 if a check failed)."""
        if self.tap:
            print("1..%d" % self.n)
        else:
            print("%d checks, %d failed" % (self.n, len(self.fail)))
        if summary and not self.fail:
            print(("# " if self.tap else "") + summary)
        sys.stdout.flush()
        return 1 if self.fail else 0

    def done(self, summary=None):
        sys.exit(self.status(summary))


_default = Checker()
check = _default.ok


def status(summary=None):
    """status() of the module's own Checker (see check)."""
    return _default.status(summary)


def failed():
    """How many checks of the module's own Checker failed so far."""
    return len(_default.fail)
