/* SPDX-License-Identifier: ISC */
/* Removal of known secret fields; see redact.h. */
#include "core/redact.h"

#include <stdbool.h>

#include "core/str.h"
#include "core/poison.h"

#define MASK "[redacted]"

/*
 * Field names whose value is a secret (lower case), with their lengths;
 * a header's value (Authorization, Cookie) runs to the end of its line,
 * any other value to the delimiter of its format (value_after).
 */
/* clang-format off */
#define KEY(s) {s, sizeof(s) - 1, false}
#define HDR(s) {s, sizeof(s) - 1, true}
static const struct {
	const char *s;
	size_t n;
	bool header;
} secret_keys[] = {
    KEY("password"),   KEY("passwd"),      KEY("passphrase"),
    KEY("pwd"),        KEY("secret"),      KEY("token"),
    KEY("apikey"),     KEY("api_key"),     KEY("access_key"),
    KEY("privatekey"), KEY("private_key"), HDR("authorization"),
    HDR("cookie"),
};
#undef KEY
#undef HDR
/* clang-format on */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/*
 * The first letters of secret_keys, in either case: every byte of every
 * value observed passes key_at, so most stop at this table.  A key added
 * above needs its first letter here (the redaction tests name each key).
 */
static const bool key_first[256] = {
    ['a'] = true, ['A'] = true, ['c'] = true, ['C'] = true, ['p'] = true,
    ['P'] = true, ['s'] = true, ['S'] = true, ['t'] = true, ['T'] = true,
};

/*
 * Length of the secret key at s + i (n bytes in all), or 0; *header says
 * whether it names a header.
 */
static size_t
key_at(const unsigned char *s, size_t i, size_t n, bool *header)
{
	if (!key_first[s[i]])
		return 0;
	if (i > 0 && (word_byte(s[i - 1]) || s[i - 1] == '/'))
		return 0; /* inside a word, or a closing tag */
	for (size_t k = 0; k < CS_NELEM(secret_keys); k++) {
		const char *key = secret_keys[k].s;
		size_t len = secret_keys[k].n, j = 0;

		if (lower(s[i]) != key[0] || len > n - i)
			continue;
		while (j < len && lower(s[i + j]) == key[j])
			j++;
		if (j < len)
			continue;
		/* "PasswordResetAbility" is not a password; "userPassword" is
		 * caught through its word start only when it starts one. */
		if (i + len < n && word_byte(s[i + len]))
			continue;
		*header = secret_keys[k].header;
		return len;
	}
	return 0;
}

/*
 * Finds the value after a key ending at i: returns true with [*vs, *ve)
 * the value's bytes (possibly empty).
 */
static bool
value_after(const unsigned char *s, size_t i, size_t n, bool header, size_t *vs,
	    size_t *ve)
{
	unsigned char quote = 0, sep;

	/* A closing quote of a JSON key, then blanks. */
	if (i < n && (s[i] == '"' || s[i] == '\''))
		i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || (s[i] != ':' && s[i] != '=' && s[i] != '>'))
		return false;
	sep = s[i++];
	if (sep != '>')
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
	if (sep != '>' && i < n && (s[i] == '"' || s[i] == '\''))
		quote = s[i++];
	*vs = i;
	while (i < n) {
		unsigned char c = s[i];

		if (quote        ? c == quote
		    : sep == '>' ? c == '<'
		    : header
			? (c == '\r' || c == '\n')
			: (c == '&' || c == ';' || c == ',' || c == '"' ||
			   c == '\'' || c == '<' || c == ' ' || c == '\r' ||
			   c == '\n' || c == '}' || c == '\t'))
			break;
		if (quote && c == '\\' && i + 1 < n)
			i++;
		i++;
	}
	*ve = i > n ? n : i;
	return true;
}

static int
scan(struct cs_buf *out, const unsigned char *s, size_t n)
{
	size_t i = 0, done = 0;
	int count = 0, rc;

	while (i < n) {
		bool header = false;
		size_t klen, vs, ve;

		/* most bytes start no key (key_at's first test): past them
		 * in a tight loop */
		while (!key_first[s[i]])
			if (++i == n)
				goto end;
		klen = key_at(s, i, n, &header);
		if (klen == 0) {
			i++;
			continue;
		}
		if (!value_after(s, i + klen, n, header, &vs, &ve) ||
		    ve == vs) {
			i += klen;
			continue;
		}
		count++;
		if (out) {
			if ((rc = cs_buf_add(out, s + done, vs - done)) != 0 ||
			    (rc = cs_buf_adds(out, MASK)) != 0)
				return rc;
		}
		done = i = ve;
	}
end:
	if (out && (rc = cs_buf_add(out, s + done, n - done)) != 0)
		return rc;
	return count;
}

int
cs_redact(struct cs_buf *out, const void *s, size_t n)
{
	return scan(out, s, n);
}

int
cs_redact_needed(const void *s, size_t n)
{
	return scan(NULL, s, n) > 0;
}
