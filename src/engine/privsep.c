/* SPDX-License-Identifier: ISC */
/* Hardening, privilege drop and the seccomp filter; see privsep.h. */
#define _GNU_SOURCE /* setresuid, setresgid */
#include "engine/privsep.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/cs.h"
#include "core/poison.h"

static bool sandboxed;

void
cs_priv_harden(void)
{
	struct rlimit rl = {0, 0};

	(void)setrlimit(RLIMIT_CORE, &rl);
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int
cs_priv_drop(const char *user, char *err, size_t errsz)
{
	struct passwd *pw;

	if (geteuid() != 0 && getuid() != 0)
		return 0;
	errno = 0;
	pw = getpwnam(user ? user : CS_PRIV_USER);
	if (pw == NULL && user == NULL)
		pw = getpwnam(CS_PRIV_FALLBACK);
	if (pw == NULL) {
		snprintf(err, errsz, "user %s not found",
			 user ? user
			      : CS_PRIV_USER " (nor " CS_PRIV_FALLBACK ")");
		return -1;
	}
	if (pw->pw_uid == 0) {
		snprintf(err, errsz, "user %s is root", pw->pw_name);
		return -1;
	}
	if (setgroups(0, NULL) != 0 ||
	    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) != 0 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) != 0) {
		snprintf(err, errsz, "cannot become %s: %s", pw->pw_name,
			 strerror(errno));
		return -1;
	}
	if (setuid(0) == 0 || seteuid(0) == 0) {
		snprintf(err, errsz, "root could be regained after the drop");
		return -1;
	}
	(void)prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	/* setresuid resets dumpable: set it again. */
	cs_priv_harden();
	return 0;
}

bool
cs_priv_sandboxed(void)
{
	return sandboxed;
}

/*
 * What the scan and listen loops need once everything is open: memory,
 * time, signals, the event loop, sockets to devices (and to a central
 * database), and file I/O on files already open or created by SQLite.
 * Not here: exec, fork/clone, ptrace, set*id, mount, module loading,
 * kexec, bpf, perf, keyctl, personality, process_vm_*, chroot...
 */
static const char *const allowed[] = {
    "read",           "write",
    "readv",          "writev",
    "pread64",        "pwrite64",
    "close",          "fstat",
    "newfstatat",     "stat",
    "lstat",          "statx",
    "lseek",          "access",
    "faccessat",      "faccessat2",
    "openat",         "open",
    "unlink",         "unlinkat",
    "rename",         "renameat",
    "renameat2",      "fsync",
    "fdatasync",      "ftruncate",
    "fallocate",      "fchmod",
    "fchown",         "getcwd",
    "readlink",       "getdents64",
    "getdents",       "mmap",
    "munmap",         "mremap",
    "mprotect",       "brk",
    "madvise",        "rt_sigaction",
    "rt_sigprocmask", "rt_sigreturn",
    "sigaltstack",    "ioctl",
    "fcntl",          "dup",
    "dup2",           "dup3",
    "pipe2",          "epoll_create1",
    "epoll_ctl",      "epoll_wait",
    "epoll_pwait",    "epoll_pwait2",
    "poll",           "ppoll",
    "select",         "pselect6",
    "eventfd2",       "clock_gettime",
    "clock_getres",   "clock_nanosleep",
    "nanosleep",      "gettimeofday",
    "time",           "getpid",
    "gettid",         "getppid",
    "getuid",         "geteuid",
    "getgid",         "getegid",
    "getresuid",      "getresgid",
    "futex",          "sched_yield",
    "getrandom",      "socket",
    "connect",        "bind",
    "sendto",         "recvfrom",
    "sendmsg",        "recvmsg",
    "sendmmsg",       "recvmmsg",
    "getsockopt",     "setsockopt",
    "getsockname",    "getpeername",
    "shutdown",       "socketpair",
    "uname",          "prlimit64",
    "getrlimit",      "restart_syscall",
    "rseq",           "set_robust_list",
    "exit",           "exit_group",
    "tgkill",         "kill",
    "prctl",          "sysinfo",
    "umask",
};

/*
 * Sanitizer builds (tests only): LeakSanitizer checks for leaks at exit
 * from a helper that shares the address space (clone with CLONE_VM) and
 * ptrace-attaches to the process.  Those are allowed there, and only
 * there; fork (clone without CLONE_VM) stays fatal in every build.
 */
#if defined(__SANITIZE_ADDRESS__)
#define CS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define CS_SANITIZED 1
#endif
#endif

bool
cs_priv_sanitized(void)
{
#ifdef CS_SANITIZED
	return true;
#else
	return false;
#endif
}

static int
allow_sanitizer(scmp_filter_ctx ctx)
{
#ifdef CS_SANITIZED
	static const char *const extra[] = {"ptrace", "wait4", "waitid",
					    "sched_getaffinity"};
	int rc =
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
			     SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_VM, CLONE_VM));

	for (size_t i = 0; i < CS_NELEM(extra) && rc == 0; i++) {
		int nr = seccomp_syscall_resolve_name(extra[i]);

		if (nr != __NR_SCMP_ERROR)
			rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
	}
	return rc;
#else
	(void)ctx;
	return 0;
#endif
}

int
cs_priv_sandbox(char *err, size_t errsz)
{
	scmp_filter_ctx ctx;
	int rc = 0;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errsz, "no_new_privs: %s", strerror(errno));
		return -1;
	}
	ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
	if (ctx == NULL) {
		snprintf(err, errsz, "seccomp_init failed");
		return -1;
	}
	for (size_t i = 0; i < CS_NELEM(allowed) && rc == 0; i++) {
		int nr = seccomp_syscall_resolve_name(allowed[i]);

		if (nr == __NR_SCMP_ERROR)
			continue; /* not on this architecture */
		rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
	}
	if (rc == 0)
		rc = allow_sanitizer(ctx);
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc != 0) {
		snprintf(err, errsz, "seccomp: %s", strerror(-rc));
		return -1;
	}
	sandboxed = true;
	return 0;
}
