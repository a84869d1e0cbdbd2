/* SPDX-License-Identifier: ISC */
/*
 * The console's accounts in the inventory (camsweep user add|list|del):
 * the rows, the audit lines and, on PostgreSQL, each scoped user's
 * database role cs_u_TAG_NAME (TAG names the inventory: roles belong to
 * the whole cluster), member of camsweep_reader, whose row-level
 * security policies let it read only the sites of its scope
 * (cs_reader_sites, schema v8; the role in app_user.pg_role, v9).
 */
#include "serve/users.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "serve/serve_int.h"
#include "store/store.h"
#include "core/poison.h"

/* The reader group, its grants and policies: idempotent.  A device, a
 * finding, a placement (where a switch says a MAC is plugged in: a device
 * only the switches know is listed with it; schema v10): by its site.  A
 * sighting: by its device's site (a scan from the centre, site "", sees
 * devices of many sites).  The rows under a sighting
 * (ports, observations, evidence, attachments): with their sighting, as
 * the reader sees sightings.  A scan's record with no site (from the
 * centre) is readable by every reader; its devices and findings are not. */
static const char reader_sql[] =
    "DO $$DECLARE t text; sch text := current_schema();\n"
    "  mine text := '(SELECT unnest(cs_reader_sites(current_user::text)))';\n"
    "BEGIN\n"
    "  IF NOT EXISTS (SELECT 1 FROM pg_roles\n"
    "                 WHERE rolname = 'camsweep_reader') THEN\n"
    "    CREATE ROLE camsweep_reader NOLOGIN;\n"
    "  END IF;\n"
    "  EXECUTE format('GRANT USAGE ON SCHEMA %I TO camsweep_reader', sch);\n"
    "  GRANT EXECUTE ON FUNCTION cs_reader_sites(text) TO camsweep_reader;\n"
    "  GRANT SELECT ON schema_version TO camsweep_reader;\n"
    "  FOREACH t IN ARRAY ARRAY['scan', 'device', 'sighting',\n"
    "      'sighting_port', 'observation', 'evidence', 'attachment',\n"
    "      'finding', 'placement'] LOOP\n"
    "    EXECUTE format('GRANT SELECT ON %I TO camsweep_reader', t);\n"
    "    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);\n"
    "    EXECUTE format('DROP POLICY IF EXISTS cs_reader ON %I', t);\n"
    "    EXECUTE format('CREATE POLICY cs_reader ON %I FOR SELECT '\n"
    "      'TO camsweep_reader USING (%s)', t, CASE\n"
    "      WHEN t = 'scan' THEN 'site = '''' OR site IN ' || mine\n"
    "      WHEN t IN ('device', 'finding', 'placement') THEN\n"
    "        'site IN ' || mine\n"
    "      WHEN t = 'sighting' THEN 'device_site IN ' || mine\n"
    "      ELSE format('EXISTS (SELECT 1 FROM sighting g WHERE g.id = '\n"
    "        '%I.sighting_id AND g.site = %I.site)', t, t) END);\n"
    "  END LOOP;\n"
    "END$$";

static int
exists_row(void *arg, int ncol, const char *const *val)
{
	(void)ncol;
	(void)val;
	*(bool *)arg = true;
	return 0;
}

/* The first column of the first row into the char[80] at arg; 1 (one
 * row is enough). */
static int
role_row(void *arg, int ncol, const char *const *val)
{
	if (ncol < 1 || val[0] == NULL)
		return CS_EIO;
	cs_strlcpy(arg, val[0], 80);
	return 1;
}

/* The role of console user name in this inventory (database and schema):
 * cs_u_, 8 hex digits of md5(database/schema), _, name. */
static const char role_of_sql[] =
    "SELECT 'cs_u_' || left(md5(current_database() || '/' || "
    "current_schema()), 8) || '_' || $1";

/* The user's record as JSON (no password), for the audit log. */
static void
user_json(struct cs_buf *b, const struct cs_user_spec *u)
{
	cs_buf_adds(b, "{\"name\":");
	cs_esc_json(b, u->name, strlen(u->name));
	cs_buf_printf(b, ",\"admin\":%s,\"sites\":[",
		      u->admin ? "true" : "false");
	for (size_t i = 0; i < u->nsites; i++) {
		if (i > 0)
			cs_buf_adds(b, ",");
		cs_esc_json(b, u->sites[i], strlen(u->sites[i]));
	}
	cs_buf_adds(b, "],\"departments\":[");
	for (size_t i = 0; i < u->ndepts; i++) {
		if (i > 0)
			cs_buf_adds(b, ",");
		cs_esc_json(b, u->depts[i], strlen(u->depts[i]));
	}
	cs_buf_adds(b, "]}");
}

static int
rollback(struct cs_store *st, int rc)
{
	cs_store_query(st, "ROLLBACK", NULL, 0, NULL, NULL);
	return rc;
}

int
cs_users_add(struct cs_store *st, const struct cs_user_spec *u,
	     const char *password, const char *who, char *err, size_t errsz)
{
	char enc[256], now[24], role[80], sql[256];
	const char *p[4];
	struct cs_buf after;
	bool exists = false;
	int rc;

	if (!cs_serve_user_name_ok(u->name)) {
		snprintf(err, errsz,
			 "a user name is 1 to 32 of a-z 0-9 _ . - (beginning "
			 "with a letter or digit)");
		return CS_EINVAL;
	}
	for (size_t i = 0; i < u->nsites; i++)
		if (!cs_serve_scope_id_ok(u->sites[i])) {
			snprintf(err, errsz, "bad site id");
			return CS_EINVAL;
		}
	for (size_t i = 0; i < u->ndepts; i++)
		if (!cs_serve_scope_id_ok(u->depts[i])) {
			snprintf(err, errsz, "bad department id");
			return CS_EINVAL;
		}
	if (!u->admin && u->nsites == 0 && u->ndepts == 0) {
		snprintf(err, errsz,
			 "a user needs a scope: --site, --department or "
			 "--admin");
		return CS_EINVAL;
	}
	if (cs_serve_password_hash(password, enc, sizeof(enc)) != 0) {
		snprintf(err, errsz, "cannot hash the password");
		return CS_EIO;
	}
	if (cs_store_query(st, "BEGIN", NULL, 0, NULL, NULL) != 0)
		goto dberr;
	p[0] = u->name;
	if (cs_store_query(st, "SELECT 1 FROM app_user WHERE name = $1", p, 1,
			   exists_row, &exists) != 0)
		goto dberr_rb;
	if (exists) {
		snprintf(err, errsz, "user %s exists (user del first)",
			 u->name);
		explicit_bzero(enc, sizeof(enc));
		return rollback(st, CS_EINVAL);
	}
	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	p[0] = u->name;
	p[1] = enc;
	p[2] = u->admin ? "1" : "0";
	p[3] = now;
	rc = cs_store_query(
	    st,
	    "INSERT INTO app_user (name, pwhash, admin, created) "
	    "VALUES ($1, $2, $3, $4)",
	    p, 4, NULL, NULL);
	explicit_bzero(enc, sizeof(enc));
	if (rc != 0)
		goto dberr_rb;
	for (size_t i = 0; i < u->nsites + u->ndepts; i++) {
		p[0] = u->name;
		p[1] = i < u->nsites ? "site" : "department";
		p[2] = i < u->nsites ? u->sites[i] : u->depts[i - u->nsites];
		if (cs_store_query(st,
				   "INSERT INTO user_scope (user_name, kind, "
				   "value) VALUES ($1, $2, $3) ON CONFLICT DO "
				   "NOTHING",
				   p, 3, NULL, NULL) != 0)
			goto dberr_rb;
	}
	if (cs_store_is_pg(st) && !u->admin) {
		/* the role a scoped user's requests run under (an admin's
		 * run as the server's own database user; names are
		 * [a-z0-9_.-], so quoting is enough) */
		role[0] = '\0';
		p[0] = u->name;
		if (cs_store_query(st, role_of_sql, p, 1, role_row, role) !=
			1 ||
		    cs_store_query(st, reader_sql, NULL, 0, NULL, NULL) != 0)
			goto dberr_rb;
		p[1] = role;
		if (cs_store_query(st,
				   "UPDATE app_user SET pg_role = $2 "
				   "WHERE name = $1",
				   p, 2, NULL, NULL) != 0)
			goto dberr_rb;
		exists = false;
		p[0] = role;
		if (cs_store_query(st,
				   "SELECT 1 FROM pg_roles WHERE rolname = $1",
				   p, 1, exists_row, &exists) != 0)
			goto dberr_rb;
		if (!exists) {
			snprintf(sql, sizeof(sql), "CREATE ROLE \"%s\" NOLOGIN",
				 role);
			if (cs_store_query(st, sql, NULL, 0, NULL, NULL) != 0)
				goto dberr_rb;
		}
		snprintf(sql, sizeof(sql), "GRANT camsweep_reader TO \"%s\"",
			 role);
		if (cs_store_query(st, sql, NULL, 0, NULL, NULL) != 0)
			goto dberr_rb;
		/* so that the server's own user may SET ROLE to it */
		snprintf(sql, sizeof(sql), "GRANT \"%s\" TO CURRENT_USER",
			 role);
		if (cs_store_query(st, sql, NULL, 0, NULL, NULL) != 0)
			goto dberr_rb;
	}
	cs_buf_init(&after, 1 << 16);
	user_json(&after, u);
	rc = cs_serve_audit_as(st, who, "", "user.add", u->name, "",
			       after.p ? (const char *)after.p : "");
	cs_buf_free(&after);
	if (rc != 0)
		goto dberr_rb;
	if (cs_store_query(st, "COMMIT", NULL, 0, NULL, NULL) != 0)
		goto dberr;
	return 0;
dberr_rb:
	snprintf(err, errsz, "%s", cs_store_errmsg(st));
	return rollback(st, CS_EIO);
dberr:
	snprintf(err, errsz, "%s", cs_store_errmsg(st));
	return CS_EIO;
}

int
cs_users_del(struct cs_store *st, const char *name, const char *who, char *err,
	     size_t errsz)
{
	const char *p[1] = {name};
	char sql[128], role[80], mine[80];
	bool exists = false;

	if (!cs_serve_user_name_ok(name)) {
		snprintf(err, errsz, "bad user name");
		return CS_EINVAL;
	}
	if (cs_store_query(st, "BEGIN", NULL, 0, NULL, NULL) != 0)
		goto dberr;
	if (cs_store_query(st, "SELECT 1 FROM app_user WHERE name = $1", p, 1,
			   exists_row, &exists) != 0)
		goto dberr_rb;
	if (!exists) {
		snprintf(err, errsz, "no user %s", name);
		return rollback(st, CS_ENOTFOUND);
	}
	role[0] = mine[0] = '\0';
	if (cs_store_query(st, "SELECT pg_role FROM app_user WHERE name = $1",
			   p, 1, role_row, role) < 0 ||
	    (cs_store_is_pg(st) &&
	     cs_store_query(st, role_of_sql, p, 1, role_row, mine) != 1))
		goto dberr_rb;
	if (cs_store_query(st, "DELETE FROM session WHERE user_name = $1", p, 1,
			   NULL, NULL) != 0 ||
	    cs_store_query(st, "DELETE FROM user_scope WHERE user_name = $1", p,
			   1, NULL, NULL) != 0 ||
	    cs_store_query(st, "DELETE FROM app_user WHERE name = $1", p, 1,
			   NULL, NULL) != 0)
		goto dberr_rb;
	/* only this inventory's own role: one a v8 inventory made (cs_u_NAME)
	 * may serve another inventory of the cluster too, and is left */
	if (cs_store_is_pg(st) && role[0] != '\0' && strcmp(role, mine) == 0) {
		snprintf(sql, sizeof(sql), "DROP ROLE IF EXISTS \"%s\"", role);
		if (cs_store_query(st, sql, NULL, 0, NULL, NULL) != 0)
			goto dberr_rb;
	}
	if (cs_serve_audit_as(st, who, "", "user.del", name, "", "") != 0)
		goto dberr_rb;
	if (cs_store_query(st, "COMMIT", NULL, 0, NULL, NULL) != 0)
		goto dberr;
	return 0;
dberr_rb:
	snprintf(err, errsz, "%s", cs_store_errmsg(st));
	return rollback(st, CS_EIO);
dberr:
	snprintf(err, errsz, "%s", cs_store_errmsg(st));
	return CS_EIO;
}

struct ulist {
	struct cs_user_info *v;
	size_t n;
};

static int
user_row(void *arg, int ncol, const char *const *val)
{
	struct ulist *l = arg;
	struct cs_user_info *u;
	long long x;

	if (ncol != 3)
		return CS_EIO;
	l->v = cs_xrealloc(l->v, l->n + 1, sizeof(*l->v));
	u = &l->v[l->n++];
	memset(u, 0, sizeof(*u));
	cs_strlcpy(u->name, val[0] ? val[0] : "", sizeof(u->name));
	u->admin = val[1] != NULL && strcmp(val[1], "1") == 0;
	if (val[2] != NULL && cs_str_tonum(val[2], 0, INT64_MAX, &x) == 0)
		u->created = (int64_t)x;
	return 0;
}

static int
scope_row(void *arg, int ncol, const char *const *val)
{
	struct ulist *l = arg;

	if (ncol != 3 || val[0] == NULL || val[1] == NULL || val[2] == NULL)
		return CS_EIO;
	for (size_t i = 0; i < l->n; i++) {
		struct cs_user_info *u = &l->v[i];
		size_t n = strlen(u->scope);
		if (strcmp(u->name, val[0]) != 0)
			continue;
		snprintf(u->scope + n, sizeof(u->scope) - n, "%s%s:%s",
			 n ? " " : "", val[1], val[2]);
	}
	return 0;
}

int
cs_users_each(struct cs_store *st, cs_users_cb cb, void *arg)
{
	struct ulist l = {0};
	int rc;

	rc = cs_store_query(st,
			    "SELECT name, admin, created FROM app_user ORDER "
			    "BY name",
			    NULL, 0, user_row, &l);
	if (rc == 0)
		rc = cs_store_query(st,
				    "SELECT user_name, kind, value FROM "
				    "user_scope ORDER BY user_name, kind, "
				    "value",
				    NULL, 0, scope_row, &l);
	for (size_t i = 0; rc == 0 && i < l.n; i++)
		rc = cb(arg, &l.v[i]);
	free(l.v);
	return rc;
}
