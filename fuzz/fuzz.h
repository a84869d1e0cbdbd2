/* SPDX-License-Identifier: ISC */
/* The libFuzzer entry point every fuzz_<name>.c defines. */
#ifndef CS_FUZZ_FUZZ_H
#define CS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* CS_FUZZ_FUZZ_H */
