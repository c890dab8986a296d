/*
 * Common definitions shared by every layer of wax: guest address type,
 * small helper macros and the logging calls.  Everything here is
 * host-neutral: it builds the same natively and under Emscripten.
 *
 * Layering: frontend -> syscalls -> fs, net -> translate -> common.
 */
#ifndef WAX_WAX_H
#define WAX_WAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "linux_errno.h"

typedef uint64_t gaddr; /* a guest virtual address */

#define WAX_VERSION "0.1.0"

#define GUEST_PAGE_SIZE	 4096u
#define GUEST_PAGE_SHIFT 12
#define GUEST_PAGE_MASK	 (~(gaddr)(GUEST_PAGE_SIZE - 1))
#define PAGE_ALIGN_UP(x) (((x) + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(p, type, member)                                          \
	((type *)((char *)(p)-offsetof(type, member)))
#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define MIN(a, b)   ((a) < (b) ? (a) : (b))
#define MAX(a, b)   ((a) > (b) ? (a) : (b))

/* True when a syscall-style return value is an error (-4095..-1). */
#define IS_LINUX_ERR(x) ((uint64_t)(int64_t)(x) >= (uint64_t)-LINUX_ERRNO_MAX)

/* log.c */
/* Prints "wax: <message>\n" to the host's stderr. */
void wax_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the message and aborts: only for broken invariants of wax itself,
 * never for anything a guest or a disk image controls. */
_Noreturn void wax_panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* host_errno.c */
/* Translates a host errno value into the positive Linux errno value. */
int linux_errno_from_host(int host_errno);
/* Name of a Linux errno value ("ENOENT"), or NULL when unknown. */
const char *linux_errno_name(int linux_errno);

#endif
