/* SPDX-License-Identifier: ISC */
/*
 * Functions banned from camsweep's sources, enforced by the compiler.
 * Include this header LAST in every .c file, after all system headers.
 * Each name is undefined first: with clang and _FORTIFY_SOURCE, glibc
 * defines some of them as macros and clang would otherwise warn.
 */
#ifndef CS_CORE_POISON_H
#define CS_CORE_POISON_H

#undef strcpy
#undef strcat
#undef sprintf
#undef vsprintf
#undef gets
#undef strtok
#undef atoi
#undef atol
#undef atoll
#undef sscanf
#undef strncpy
#undef strncat
#undef alloca
#undef tmpnam
#undef system
#undef popen
#pragma GCC poison strcpy strcat sprintf vsprintf gets strtok atoi atol atoll
#pragma GCC poison sscanf strncpy strncat alloca tmpnam system popen

#endif /* CS_CORE_POISON_H */
