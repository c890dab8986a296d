/*
 * Differential tester driver: for every instruction form the tables list
 * and every operand width, runs generated cases natively and in wax's
 * CPU and reports each difference as a reproducible line (form, width,
 * seed, case index, bytes, inputs, native and wax values).
 *
 *   difftest                  quick run (default test suite 'difftest')
 *   difftest --long           millions of cases (tools/difftest-long.sh)
 *   difftest --cases N --seed S --filter TEXT --table int|sse|x87|mmx
 *            --max-print N --nolock
 *            --wax-log (keep wax's own stderr messages)
 *   difftest --replay FORM WIDTH SEED INDEX   one case, verbose
 *   difftest --list           the forms and whether the host has them
 *
 * Exit status 1 when a mismatch is found outside the known-bug list.
 */
#include <cpuid.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "difftest.h"
#include "regressions.h"
#include "translate.h"

static struct dt_case cs;
static struct dt_out on, ow;

/* CPUID feature bits the form tables name: leaf, register (0-3 for
 * EAX-EDX), bit. */
static const struct {
	const char *name;
	unsigned leaf, reg, bit;
} feats[] = {
	{"bmi1", 7, 1, 3},   {"abm", 0x80000001, 2, 5}, {"popcnt", 1, 2, 23},
	{"movbe", 1, 2, 22}, {"sse4_1", 1, 2, 19},	{"sse4_2", 1, 2, 20},
};

/* Both the host and wax (cpu_cpuid) must have the feature: only forms
 * wax advertises are tested. */
static const char *missing(const char *feat)
{
	unsigned h[4] = {0}, w[4];

	if (!feat)
		return NULL;
	for (unsigned i = 0; i < sizeof(feats) / sizeof(feats[0]); i++) {
		if (strcmp(feats[i].name, feat))
			continue;
		__get_cpuid_count(feats[i].leaf, 0, &h[0], &h[1], &h[2], &h[3]);
		cpu_cpuid(feats[i].leaf, 0, w);
		if (!(h[feats[i].reg] >> feats[i].bit & 1))
			return "host CPU lacks";
		if (!(w[feats[i].reg] >> feats[i].bit & 1))
			return "wax does not advertise";
		return NULL;
	}
	return "unknown feature";
}

struct table {
	const char *name;
	const struct dt_form *forms;
	const int *n;
};
static const struct table tables[] = {
	{"int", dt_forms_int, &dt_nforms_int},
	{"sse", dt_forms_vec, &dt_nforms_vec},
	{"x87", dt_forms_x87, &dt_nforms_x87},
	{"mmx", dt_forms_mmx, &dt_nforms_mmx},
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

const struct dt_form *dt_find_form(const char *name)
{
	for (unsigned t = 0; t < NTABLES; t++)
		for (int i = 0; i < *tables[t].n; i++)
			if (!strcmp(tables[t].forms[i].name, name))
				return &tables[t].forms[i];
	return NULL;
}

static FILE *null_out(void);
uint64_t dt_flaky;
static uint64_t dt_faults[32]; /* native faults by signal, for the summary */

/* Runs one case both ways; returns the number of differences printed. */
int dt_run_case(const struct dt_form *f, int width, uint64_t seed, uint64_t idx,
		int print, FILE *out)
{
	char label[160];
	int bad;

	dt_make_case(f, width, seed, idx, &cs);
	dt_native_run(&cs, &on);
	dt_guest_run(&cs, &ow);
	snprintf(label, sizeof(label),
		 "[%s /%d seed=%" PRIu64 " case=%" PRIu64 "]", f->name,
		 8 * width, seed, idx);
	if (on.signo > 0 && on.signo < 32)
		dt_faults[on.signo]++;
	bad = dt_compare(label, &cs, &on, &ow, null_out());
	if (bad) {
		/* Run it again: on this host (a VM) a native run very rarely
		 * gives another result (a REP string instruction faulting at
		 * the end of the data area, about 1 in 300k cases, or stale
		 * code); a difference that does not repeat is counted and
		 * shown, not failed. */
		static struct dt_out on1, ow1;

		on1 = on;
		ow1 = ow;
		/* up to three more tries: faulting REP string instructions
		 * are the usual victims on this host */
		for (int k = 0; k < 3 && bad; k++) {
			dt_native_run(&cs, &on);
			dt_guest_run(&cs, &ow);
			bad = dt_compare(label, &cs, &on, &ow,
					 k == 2 ? out : null_out());
		}
		if (!bad && dt_flaky++ < 20) {
			/* which side changed tells a host glitch from
			 * nondeterminism in wax */
			int wax_changed = memcmp(&ow1, &ow, sizeof(ow)) != 0;
			fprintf(out,
				"unrepeatable %s: the %s result changed when "
				"run again; first run:\n",
				label, wax_changed ? "WAX" : "native");
			dt_compare(label, &cs, &on1, &ow1, out);
		}
	}
	if (bad && print)
		fprintf(out,
			"  replay: difftest --replay '%s' %d %" PRIu64
			" %" PRIu64 "\n",
			f->name, width, seed, idx);
	return bad;
}

/* dt_compare prints to out; with out NULL it still counts. */
static FILE *null_out(void)
{
	static FILE *f;

	if (!f)
		f = fopen("/dev/null", "w");
	return f;
}

int main(int argc, char **argv)
{
	uint64_t ncases = 1500, seed = 1, total = 0;
	const char *filter = NULL, *table = NULL;
	int max_print = 3, list = 0, nbad_forms = 0, nknown = 0, ninst = 0;
	int nskip = 0, wax_log_on = 0;
	time_t t0 = time(NULL);
	unsigned ca = 0, cb = 0, cc = 0, cd = 0;

	__get_cpuid(0, &ca, &cb, &cc, &cd);
	dt_host_amd = cb == 0x68747541; /* "Auth"enticAMD */

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--long"))
			ncases = 40000;
		else if (!strcmp(argv[i], "--cases") && i + 1 < argc)
			ncases = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--table") && i + 1 < argc)
			table = argv[++i];
		else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
			filter = argv[++i];
		else if (!strcmp(argv[i], "--max-print") && i + 1 < argc)
			max_print = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--wax-log"))
			wax_log_on = 1;
		else if (!strcmp(argv[i], "--nolock"))
			dt_lock_ud = 0;
		else if (!strcmp(argv[i], "--list"))
			list = 1;
		else if (!strcmp(argv[i], "--replay") && i + 4 < argc) {
			const struct dt_form *f = dt_find_form(argv[i + 1]);
			if (!f || dt_native_init() < 0 || dt_guest_init() < 0) {
				fprintf(stderr, "difftest: no form %s\n",
					argv[i + 1]);
				return 2;
			}
			int bad = dt_run_case(f, atoi(argv[i + 2]),
					      strtoull(argv[i + 3], NULL, 0),
					      strtoull(argv[i + 4], NULL, 0), 1,
					      stdout);
			if (!bad)
				printf("match\n");
			return bad != 0;
		} else {
			fprintf(stderr,
				"usage: difftest [--long] [--cases N] "
				"[--seed S] [--filter TEXT] "
				"[--table int|sse|x87|mmx] [--max-print N] "
				"[--nolock] [--wax-log] [--list] "
				"[--replay FORM WIDTH SEED INDEX]\n");
			return 2;
		}
	}
	if (dt_native_init() < 0 || dt_guest_init() < 0) {
		fprintf(stderr, "difftest: cannot map the test pages\n");
		return 2;
	}
	/* wax logs every #UD it raises: thousands in a run */
	if (!wax_log_on)
		freopen("/dev/null", "w", stderr);
	if ((!filter && !table) || (filter && !strcmp(filter, "regressions"))) {
		int r = dt_run_regressions(stdout);
		printf("regressions: %d cases, %d differ\n", dt_nregressions,
		       r);
		if (r)
			nbad_forms++;
	}
	for (unsigned t = 0; t < NTABLES; t++) {
		if (table && strcmp(table, tables[t].name))
			continue;
		for (int i = 0; i < *tables[t].n; i++) {
			const struct dt_form *f = &tables[t].forms[i];
			int known = dt_known_bug(f->name) != NULL;

			if (filter && !strstr(f->name, filter))
				continue;
			if (missing(f->feat)) {
				printf("skipped %s: %s %s\n", f->name,
				       missing(f->feat), f->feat);
				nskip++;
				continue;
			}
			for (int w = 1; w <= 8; w <<= 1) {
				uint64_t bad = 0, ill = 0;
				if (!(f->widths & w))
					continue;
				if (list) {
					printf("%s /%d\n", f->name, 8 * w);
					continue;
				}
				ninst++;
				for (uint64_t k = 0; k < ncases; k++) {
					int pr = bad < (uint64_t)max_print;
					if (dt_run_case(f, w, seed, k, pr,
							pr ? stdout
							   : null_out())) {
						bad++;
						ill += ow.signo == 4 &&
						       !on.signo;
					}
				}
				total += ncases;
				if (bad) {
					printf("FORM %s /%d: %" PRIu64
					       " of %" PRIu64
					       " cases differ%s%s%s\n",
					       f->name, 8 * w, bad, ncases,
					       ill == bad
						       ? " (all SIGILL in wax: "
							 "unimplemented)"
						       : "",
					       known ? " [known: " : "",
					       known ? dt_known_bug(f->name)
						     : "");
					if (known)
						printf("]\n");
					if (known)
						nknown++;
					else
						nbad_forms++;
				}
				fflush(stdout);
			}
		}
	}
	if (!list)
		printf("faults exercised: SIGSEGV %" PRIu64 ", SIGFPE %" PRIu64
		       ", SIGILL %" PRIu64 ", SIGBUS %" PRIu64 "\n",
		       dt_faults[11], dt_faults[8], dt_faults[4], dt_faults[7]);
	if (!list)
		printf("difftest: %d form/width instances, %" PRIu64
		       " cases, %d failing (%d more known), %d skipped, "
		       "%" PRIu64 " unrepeatable, seed %" PRIu64 ", %lds\n",
		       ninst, total, nbad_forms, nknown, nskip, dt_flaky, seed,
		       (long)(time(NULL) - t0));
	return nbad_forms ? 1 : 0;
}
