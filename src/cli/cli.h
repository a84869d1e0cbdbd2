/* SPDX-License-Identifier: ISC */
/* Command-line front end: argument parsing and subcommand dispatch. */
#ifndef CS_CLI_CLI_H
#define CS_CLI_CLI_H

/* Runs camsweep with the given arguments; returns the process exit code. */
int cs_cli_main(int argc, char **argv);

#endif /* CS_CLI_CLI_H */
