/* SPDX-License-Identifier: ISC */
/* Names for camsweep's error codes. */
#include "core/cs.h"

const char *
cs_strerror(int err)
{
	switch (err) {
	case CS_OK:
		return "success";
	case CS_EPROTO:
		return "protocol error";
	case CS_ETRUNC:
		return "truncated input";
	case CS_ELIMIT:
		return "limit exceeded";
	case CS_ENOMEM:
		return "out of memory";
	case CS_EINVAL:
		return "invalid argument";
	case CS_EIO:
		return "I/O error";
	case CS_ENOTFOUND:
		return "not found";
	case CS_ESCOPE:
		return "outside scope";
	default:
		return "unknown error";
	}
}
