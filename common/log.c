/*
 * Diagnostics for wax itself (not the guest): every message goes to the
 * host's stderr with a "wax: " prefix so it never mixes with guest output
 * unmarked.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "wax.h"

void wax_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	flockfile(stderr);
	fputs("wax: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	funlockfile(stderr);
	va_end(ap);
}

_Noreturn void wax_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("wax: internal error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}
