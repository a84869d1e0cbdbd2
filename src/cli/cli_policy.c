/* SPDX-License-Identifier: ISC */
/* Estate, assessment, plan, diff and reach subcommands (not yet built). */
#include "cli/cli.h"

#include <stdio.h>

static int
todo(const char *name)
{
	fprintf(stderr, "camsweep %s: not implemented yet\n", name);
	return 2;
}

int
cs_cli_estate(int argc, char **argv)
{
	(void)argc;
	return todo(argv[0]);
}

int
cs_cli_assess(int argc, char **argv)
{
	(void)argc;
	return todo(argv[0]);
}

int
cs_cli_plan(int argc, char **argv)
{
	(void)argc;
	return todo(argv[0]);
}

int
cs_cli_diff(int argc, char **argv)
{
	(void)argc;
	return todo(argv[0]);
}

int
cs_cli_reach(int argc, char **argv)
{
	(void)argc;
	return todo(argv[0]);
}
