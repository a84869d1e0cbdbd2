/* SPDX-License-Identifier: ISC */
/*
 * The console's accounts (camsweep user add|list|del; src/serve/users.c).
 * Every change is written to the audit log as who did it.
 */
#ifndef CS_SERVE_USERS_H
#define CS_SERVE_USERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cs_store;

/* A user to add: strings borrowed. */
struct cs_user_spec {
	const char *name;
	bool admin; /* every site */
	const char *const *sites;
	size_t nsites;
	const char *const *depts;
	size_t ndepts;
};

/*
 * Adds u with password (hashed with Argon2id here; never stored or
 * printed), and on PostgreSQL its role cs_u_NAME under camsweep_reader
 * (creating the group and its row-level policies on first use); one
 * transaction.  who names the actor for the audit log.  0, CS_EINVAL
 * (bad name or scope, the user exists: err says which) or CS_EIO.
 */
int cs_users_add(struct cs_store *st, const struct cs_user_spec *u,
		 const char *password, const char *who, char *err,
		 size_t errsz);

/* Removes user name, its sessions and (PostgreSQL) its role: 0,
 * CS_ENOTFOUND, CS_EINVAL or CS_EIO. */
int cs_users_del(struct cs_store *st, const char *name, const char *who,
		 char *err, size_t errsz);

struct cs_user_info {
	char name[64];
	bool admin;
	int64_t created;
	char scope[1024]; /* "site:A department:B", space-separated */
};
typedef int (*cs_users_cb)(void *arg, const struct cs_user_info *u);

/* Calls cb for each user, by name: 0, cb's value or CS_EIO. */
int cs_users_each(struct cs_store *st, cs_users_cb cb, void *arg);

#endif /* CS_SERVE_USERS_H */
