/* SPDX-License-Identifier: ISC */
/*
 * Least privilege (docs/privsep.md).  Every command is hardened at start
 * (no core dumps, not dumpable).  A command that needs privileges (live
 * capture, discovery sockets bound to an interface) opens what it needs
 * as root, then drops to an unprivileged user before it reads a byte from
 * the network; a command that needs nothing runs as it is.  The process that parses device input then enters a seccomp
 * filter that kills it on any system call outside a fixed list (no exec,
 * no fork, no ptrace, no setuid, no mount).
 */
#ifndef CS_ENGINE_PRIVSEP_H
#define CS_ENGINE_PRIVSEP_H

#include <stdbool.h>
#include <stddef.h>

#define CS_PRIV_USER "camsweep"   /* created by scripts/deps.sh */
#define CS_PRIV_FALLBACK "nobody" /* when CS_PRIV_USER does not exist */

/* No core dumps (RLIMIT_CORE 0) and not dumpable (PR_SET_DUMPABLE 0). */
void cs_priv_harden(void);

/*
 * Drops root for good: supplementary groups cleared, then the group and
 * user of user (NULL: CS_PRIV_USER, else CS_PRIV_FALLBACK), then
 * no_new_privs; checks that root cannot be regained.  A process not
 * running as root keeps its identity (returns 0).  Returns 0 or -1 with
 * a message in err.
 */
int cs_priv_drop(const char *user, char *err, size_t errsz);

/*
 * True in sanitizer builds, whose filter also allows what LeakSanitizer
 * needs at exit (ptrace and clone with CLONE_VM; never fork or exec).
 */
bool cs_priv_sanitized(void);

/* True once cs_priv_sandbox has installed the filter in this process. */
bool cs_priv_sandboxed(void);

/*
 * Installs the parser process's seccomp filter (libseccomp): any system
 * call not on its list kills the process (SIGSYS).  Sets no_new_privs.
 * Returns 0 or -1 with a message in err.
 */
int cs_priv_sandbox(char *err, size_t errsz);

#endif /* CS_ENGINE_PRIVSEP_H */
