/*
 * Fixed regression cases and the known-bug list of the differential
 * tester (regressions.c), and the driver helpers they use (difftest.c).
 */
#ifndef WAX_DIFFTEST_REGRESSIONS_H
#define WAX_DIFFTEST_REGRESSIONS_H

#include "difftest.h"

/* difftest.c */
const struct dt_form *dt_find_form(const char *name);
int dt_run_case(const struct dt_form *f, int width, uint64_t seed, uint64_t idx,
		int print, FILE *out);

/* regressions.c */
extern const int dt_nregressions;
/* Why a form is expected to differ (an open bug), or NULL. */
const char *dt_known_bug(const char *form);

#endif
