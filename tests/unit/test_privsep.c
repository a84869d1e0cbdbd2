/* SPDX-License-Identifier: ISC */
/*
 * Least privilege (issue #12, docs/privsep.md): hardening, the drop to an
 * unprivileged user, and the seccomp filter, each in a child process so
 * the test runner keeps its own rights.  A blocked system call must kill
 * the sandboxed process (SIGSYS), never succeed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/privsep.h"

/* Runs fn in a child; returns its wait status. */
static int
in_child(void (*fn)(void))
{
	pid_t pid = fork();
	int st = 0;

	assert_true(pid >= 0);
	if (pid == 0) {
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return st;
}

static void
enter(void)
{
	char err[256];

	if (cs_priv_sandbox(err, sizeof(err)) != 0)
		_exit(90);
}

static void
child_allowed(void)
{
	int fds[2], s;

	enter();
	/* What the loops do: memory, pipes, sockets, time, files. */
	if (pipe(fds) != 0 || write(fds[1], "x", 1) != 1)
		_exit(91);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0)
		_exit(92);
	close(s);
	free(malloc(1 << 20));
	if (getpid() <= 0 || !cs_priv_sandboxed())
		_exit(93);
}

static void
child_exec(void)
{
	static char prog[] = "/bin/true";
	char *const argv[] = {prog, NULL};

	enter();
	execv(prog, argv);
	_exit(0); /* not reached if the filter works: exec is blocked */
}

static void
child_fork(void)
{
	enter();
	if (fork() == 0)
		_exit(0);
	_exit(0);
}

static void
child_ptrace(void)
{
	enter();
	(void)ptrace(PTRACE_TRACEME, 0, NULL, NULL);
	_exit(0);
}

static void
test_sandbox_allows(void **state)
{
	int st;

	(void)state;
	st = in_child(child_allowed);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_sandbox_kills(void **state)
{
	void (*const blocked[])(void) = {child_exec, child_fork, child_ptrace};
	/* Sanitizer builds allow ptrace for LeakSanitizer (privsep.c). */
	size_t n = sizeof(blocked) / sizeof(blocked[0]) -
		   (cs_priv_sanitized() ? 1 : 0);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		int st = in_child(blocked[i]);

		assert_true(WIFSIGNALED(st));
		assert_int_equal(WTERMSIG(st), SIGSYS);
	}
}

static void
child_harden(void)
{
	struct rlimit rl;

	cs_priv_harden();
	if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
		_exit(1);
	if (getrlimit(RLIMIT_CORE, &rl) != 0 || rl.rlim_cur != 0 ||
	    rl.rlim_max != 0)
		_exit(2);
}

static void
test_harden(void **state)
{
	int st;

	(void)state;
	st = in_child(child_harden);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
child_drop(void)
{
	char err[256];

	if (cs_priv_drop(NULL, err, sizeof(err)) != 0)
		_exit(1);
	if (getuid() == 0 || geteuid() == 0 || getgid() == 0)
		_exit(2);
	if (setuid(0) == 0)
		_exit(3);
	if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
		_exit(4);
}

static void
test_drop(void **state)
{
	int st;

	(void)state;
	if (geteuid() != 0)
		skip(); /* the drop needs root to start from */
	st = in_child(child_drop);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sandbox_allows),
	    cmocka_unit_test(test_sandbox_kills),
	    cmocka_unit_test(test_harden),
	    cmocka_unit_test(test_drop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
