/*
 * Every mismatch the differential tester has found, kept as a fixed
 * case: the form, operand width, seed and case index regenerate the
 * inputs, and the instruction bytes are checked so a change to the
 * generator cannot silently turn a regression into a different case
 * (it is then reported as stale).  Also the list of forms with an open
 * bug, reported but not failing the run.  Called by difftest.c.
 */
#include <string.h>

#include "regressions.h"

struct dt_regress {
	const char *form;
	int width;
	uint64_t seed, idx;
	const char *code; /* hex bytes of the instruction */
	int lock_ud;	  /* generated with stray LOCKs (dt_lock_ud) */
	const char *bug;  /* what was wrong */
};

/* One row per bug class and form the tester found (seed, case index as
 * printed by the failing run). */
static const struct dt_regress regress[] = {
	{"add rm,r", 2, 1, 47, "f0664501e6", 1,
	 "LOCK with a register destination: #UD"},
	{"sbb r8,rm8", 1, 1, 137, "f0411ac5", 1,
	 "LOCK on a form that cannot be locked: #UD"},
	{"rep movs", 1, 1, 239, "f0f340a4", 1,
	 "LOCK on a string instruction: #UD"},
	{"xadd rm,r", 2, 1, 494, "f066450fc1e7", 1,
	 "LOCK XADD with a register destination: #UD"},
	{"add rm,r", 4, 1, 55, "f0674001a82ae1fbcf", 1,
	 "locked RMW across into an unmapped page: si_addr is the page start"},
	{"add rm,r", 8, 1, 68, "f04d0184e4511a5c07", 1,
	 "locked RMW page-crossing fault address"},
	{"xadd rm,r", 8, 1, 244, "f04c0fc120", 1,
	 "locked XADD page-crossing fault address"},
	{"neg rm", 4, 1, 46, "f042f71c4d37200032", 0,
	 "locked NEG page-crossing fault address"},
	{"btr rm,r", 4, 1, 1083, "f00fb306", 0,
	 "locked BTR page-crossing fault address"},
	{"bts rm,imm8", 8, 1, 82, "f04a0fba6c47486c", 0,
	 "locked BTS page-crossing fault address"},
	{"cmpxchg rm,r", 4, 1, 123, "410fb1454b", 0,
	 "CMPXCHG page-crossing fault address"},
	{"cmpxchg rm,r", 8, 1, 83, "4d0fb129", 0,
	 "CMPXCHG page-crossing fault address"},
	{"cmpxchg8b m64", 4, 1, 68, "400fc70e", 0,
	 "CMPXCHG8B page-crossing fault address"},
	{"fscale", 4, 1, 3, "40d9fd", 0,
	 "x87 overflow rounded to infinity sets C1"},
	{"fist m32", 4, 1, 7, "67db55a0", 0, "FIST rounding up sets C1"},
	{"frndint", 4, 1, 9, "40d9fc", 0, "FRNDINT rounding up sets C1"},
	{"fchs", 4, 1, 15, "40d9e0", 0,
	 "stack underflow stores the indefinite, FCHS not applied"},
	{"fadd st,sti", 4, 1, 145, "40d8c6", 0,
	 "stack underflow: indefinite, not the other NaN"},
	{"fmul st,sti", 4, 1, 5, "d8cc", 0,
	 "stack underflow: indefinite result"},
	{"fcmovb", 4, 1, 0, "40dac4", 0,
	 "FCMOVcc checks both registers for underflow whatever the condition"},
	{"fninit", 4, 1, 0, "40dbe3", 0, "FNINIT keeps the data registers"},
	{"fst m32", 4, 1, 15, "6743d914ca", 0,
	 "FST m32 does not report a denormal operand (DE)"},
	{"fld m32", 4, 1, 4, "41d907", 0, "stack overflow suppresses DE"},
	{"fdiv st,sti", 4, 1, 84, "40d8f2", 0, "zero divide suppresses DE"},
	{"m32fp fcom", 4, 1, 0, "6741d8547048", 0,
	 "invalid operand suppresses DE"},
	{"fdiv st,sti", 4, 1, 849, "40d8f4", 0,
	 "x87 tininess is detected after rounding (no UE)"},
	{"fxtract", 4, 1, 9, "40d9f4", 0,
	 "FXTRACT push overflow: both results indefinite"},
	{"fprem", 4, 1, 1, "d9f8", 0,
	 "FPREM partial remainder (C2=1) when exponents are 64+ apart"},
	{"fprem1", 4, 1, 5, "40d9f5", 0, "FPREM1 partial remainder"},
	{"fprem", 4, 1, 16, "40d9f8", 0,
	 "FPREM partial remainder from the largest finite value"},
	{"fprem1", 4, 1, 11, "40d9f5", 0, "FPREM1 partial remainder, C bits"},
	{"m32fp fdivr", 4, 1, 89, "d87aa2", 0,
	 "x87 memory-operand arithmetic flags"},
	{"m16int fimul", 4, 1, 15, "43de4c91e5", 0, "FIMUL rounding C1"},
	{"m32int fidivr", 4, 1, 18, "6740da7d4a", 0, "FIDIVR flags"},
	{"fistp m64", 4, 1, 9, "40dfb8612b596d", 0, "FISTP m64 rounding C1"},
	{"fstp m64", 4, 1, 5, "40dd1d63070001", 0, "FSTP m64 DE"},
	{"fsubrp", 4, 1, 85, "40dee7", 0, "FSUBRP underflow result"},
	{"fdivrp", 4, 1, 103, "40def4", 0, "FDIVRP underflow result"},
	{"mulpd", 4, 7, 3506, "660f59dc", 1,
	 "MULPD just above DBL_MAX, round toward zero: DBL_MAX, PE, no OE"},
	{"mulsd", 4, 7, 2019, "f2450f598e0d1ad124", 1,
	 "MULSD overflow threshold under directed rounding"},
	{"hsubpd", 4, 7, 9737, "660f7db60b729693", 1,
	 "SUBPD near DBL_MAX: the rounding error was lost (PE, last bit)"},
	{"fucompp", 4, 5, 26898, "40dae9", 1,
	 "pseudo-denormal operand of a compare reports DE"},
	{"m16int ficomp", 4, 5, 35084, "6740de5ca90b", 1,
	 "pseudo-denormal ST(0) compared with an integer reports DE"},
	{"fabs", 4, 1, 4, "40d9e1", 0, "FABS underflow result"},
};
const int dt_nregressions = sizeof(regress) / sizeof(regress[0]);

/* Forms with a known, not yet fixed, difference. */
static const struct {
	const char *form, *why;
} known[] = {
	{NULL, NULL},
};

const char *dt_known_bug(const char *form)
{
	for (unsigned i = 0; known[i].form; i++)
		if (!strcmp(known[i].form, form))
			return known[i].why;
	return NULL;
}

static int hexval(char ch)
{
	return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
}

int dt_run_regressions(FILE *out)
{
	static struct dt_case c;
	int bad = 0, lock_ud = dt_lock_ud;

	for (int i = 0; i < dt_nregressions; i++) {
		const struct dt_regress *r = &regress[i];
		const struct dt_form *f = dt_find_form(r->form);
		uint8_t code[DT_MAXCODE];
		int n = 0;

		if (!f) {
			fprintf(out, "REGRESSION stale: no form '%s'\n",
				r->form);
			bad++;
			continue;
		}
		dt_lock_ud = r->lock_ud;
		dt_make_case(f, r->width, r->seed, r->idx, &c);
		if (r->code) {
			for (const char *p = r->code;
			     p[0] && p[1] && n < DT_MAXCODE; p += 2)
				code[n++] = (uint8_t)(hexval(p[0]) << 4 |
						      hexval(p[1]));
			if (n != c.len || memcmp(code, c.code, n)) {
				fprintf(out,
					"REGRESSION stale: %s /%d case %llu no "
					"longer encodes as %s\n",
					r->form, 8 * r->width,
					(unsigned long long)r->idx, r->code);
				bad++;
				continue;
			}
		}
		if (dt_run_case(f, r->width, r->seed, r->idx, 1, out)) {
			fprintf(out, "REGRESSION failed (%s)\n", r->bug);
			bad++;
		}
	}
	dt_lock_ud = lock_ud;
	return bad;
}
