/* SPDX-License-Identifier: ISC */
/* camsim placeholder. */
int
main(void)
{
	return 1;
}
