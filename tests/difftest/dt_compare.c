/*
 * Comparison of a native and a wax outcome for the differential tester:
 * fault (signal, si_code, address, RIP), GPRs, RFLAGS status bits and
 * DF, the FXSAVE image (FCW, FSW with TOP, tag byte, ST0-7, MXCSR,
 * XMM0-15) and the data area, minus what the case marks undefined.
 * Each difference is one line with input, native and wax values.
 * Called by difftest.c and regressions.c.
 */
#include <inttypes.h>
#include <string.h>

#include "difftest.h"

static const char *const reg_names[16] = {
	"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
	"r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15",
};

static void hex(FILE *out, const uint8_t *p, int n)
{
	for (int i = 0; i < n; i++)
		fprintf(out, "%02x", p[i]);
}

/* 16-byte and 10-byte values print most significant byte first. */
static void hex_be(FILE *out, const uint8_t *p, int n)
{
	for (int i = n - 1; i >= 0; i--)
		fprintf(out, "%02x", p[i]);
}

static uint16_t get16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

int dt_host_amd;

static int is_nan80(const uint8_t *p)
{
	uint64_t m;

	memcpy(&m, p, 8);
	return (get16(p + 8) & 0x7fff) == 0x7fff && (m << 1) != 0;
}

static void head(FILE *out, const char *label, const struct dt_case *c)
{
	fprintf(out, "MISMATCH %s code=", label);
	hex(out, c->code, c->len);
	fprintf(out, ": ");
}

int dt_compare(const char *label, const struct dt_case *c,
	       const struct dt_out *n, const struct dt_out *w, FILE *out)
{
	const uint8_t *nf = n->cpu.fx, *wf = w->cpu.fx, *inf = c->in.fx;
	uint32_t fmask = (F_ALL | F_DF) & ~c->undef_flags;
	uint16_t swmask = (uint16_t)~c->undef_fsw;
	int bad = 0, x87_bad = 0;

	if (n->signo || w->signo)
		fmask = F_ALL | F_DF; /* a fault changes no flags */
	if (n->signo != w->signo || n->code != w->code ||
	    (n->signo && n->addr != w->addr)) {
		head(out, label, c);
		fprintf(out,
			"fault: native sig %d code %d addr %#" PRIx64
			", wax sig %d code %d addr %#" PRIx64 "%s\n",
			n->signo, n->code, n->addr, w->signo, w->code, w->addr,
			w->signo == 4 && !n->signo ? " (unimplemented in wax)"
			: w->signo == -1	   ? " (wax hung)"
						   : "");
		return 1; /* the rest follows from it */
	}
	if (n->cpu.rip != w->cpu.rip) {
		head(out, label, c);
		fprintf(out, "rip: native %#" PRIx64 " wax %#" PRIx64 "\n",
			n->cpu.rip, w->cpu.rip);
		bad++;
	}
	for (int r = 0; r < 16; r++) {
		if (r == c->undef_reg && !n->signo)
			continue;
		if (n->cpu.r[r] != w->cpu.r[r]) {
			head(out, label, c);
			fprintf(out,
				"%s: in %#" PRIx64 " native %#" PRIx64
				" wax %#" PRIx64 "\n",
				reg_names[r], c->in.r[r], n->cpu.r[r],
				w->cpu.r[r]);
			bad++;
		}
	}
	if ((n->cpu.rflags ^ w->cpu.rflags) & fmask) {
		head(out, label, c);
		fprintf(out,
			"rflags: in %#" PRIx64 " native %#" PRIx64
			" wax %#" PRIx64 " (diff %#" PRIx64 ", compared %#x)\n",
			c->in.rflags, n->cpu.rflags & (F_ALL | F_DF),
			w->cpu.rflags & (F_ALL | F_DF),
			(n->cpu.rflags ^ w->cpu.rflags) & fmask, fmask);
		bad++;
	}
	if (get16(nf + FX_FCW) != get16(wf + FX_FCW) ||
	    ((get16(nf + FX_FSW) ^ get16(wf + FX_FSW)) & swmask) ||
	    nf[FX_FTW] != wf[FX_FTW]) {
		x87_bad = 1;
		head(out, label, c);
		fprintf(out,
			"x87 fcw/fsw/ftw: in %04x/%04x/%02x native "
			"%04x/%04x/%02x wax %04x/%04x/%02x (fsw compared "
			"%04x)\n",
			get16(inf + FX_FCW), get16(inf + FX_FSW), inf[FX_FTW],
			get16(nf + FX_FCW), get16(nf + FX_FSW), nf[FX_FTW],
			get16(wf + FX_FCW), get16(wf + FX_FSW), wf[FX_FTW],
			swmask);
		bad++;
	}
	for (int i = 0; i < 8; i++) {
		const uint8_t *a = nf + FX_ST0 + 16 * i,
			      *b = wf + FX_ST0 + 16 * i;
		if ((c->undef_st >> i) & 1)
			continue;
		if (c->nan_relax && dt_host_amd && is_nan80(a) && is_nan80(b))
			continue;
		if (memcmp(a, b, 10)) {
			head(out, label, c);
			fprintf(out, "st%d: in ", i);
			hex_be(out, inf + FX_ST0 + 16 * i, 10);
			fprintf(out, " native ");
			hex_be(out, a, 10);
			fprintf(out, " wax ");
			hex_be(out, b, 10);
			fprintf(out, " (fcw %04x)\n", get16(inf + FX_FCW));
			x87_bad = 1;
			bad++;
		}
	}
	if (get32(nf + FX_MXCSR) != get32(wf + FX_MXCSR)) {
		head(out, label, c);
		fprintf(out, "mxcsr: in %08x native %08x wax %08x\n",
			get32(inf + FX_MXCSR), get32(nf + FX_MXCSR),
			get32(wf + FX_MXCSR));
		bad++;
	}
	for (int i = 0; i < 16; i++) {
		int o = FX_XMM0 + 16 * i;
		if (memcmp(nf + o, wf + o, 16)) {
			head(out, label, c);
			fprintf(out, "xmm%d: in ", i);
			hex_be(out, inf + o, 16);
			fprintf(out, " native ");
			hex_be(out, nf + o, 16);
			fprintf(out, " wax ");
			hex_be(out, wf + o, 16);
			fprintf(out, " (mxcsr %08x)\n", get32(inf + FX_MXCSR));
			bad++;
		}
	}
	if (c->undef_reg != 100 && memcmp(n->mem, w->mem, DT_DATA_LEN)) {
		unsigned k = 0, s;
		while (n->mem[k] == w->mem[k])
			k++;
		s = k & ~7u;
		head(out, label, c);
		fprintf(out, "memory at %#" PRIx64 ": in ",
			(uint64_t)(DT_DATA + s));
		hex(out, c->mem + s, 16);
		fprintf(out, " native ");
		hex(out, n->mem + s, 16);
		fprintf(out, " wax ");
		hex(out, w->mem + s, 16);
		fprintf(out, "\n");
		bad++;
	}
	if (x87_bad) {
		fprintf(out, "  x87 in:");
		for (int i = 0; i < 3; i++) {
			fprintf(out, " st%d=", i);
			hex_be(out, inf + FX_ST0 + 16 * i, 10);
		}
		fprintf(out, " out st0: native ");
		hex_be(out, nf + FX_ST0, 10);
		fprintf(out, " wax ");
		hex_be(out, wf + FX_ST0, 10);
		fprintf(out, "\n");
	}
	if (bad) {
		fprintf(out, "  in:");
		for (int r = 0; r < 16; r++)
			fprintf(out, " %s=%#" PRIx64, reg_names[r], c->in.r[r]);
		fprintf(out, " rflags=%#" PRIx64 " mxcsr=%08x\n", c->in.rflags,
			get32(inf + FX_MXCSR));
	}
	return bad;
}

void dt_print_case(const char *label, const struct dt_case *c, FILE *out)
{
	fprintf(out, "  code=");
	hex(out, c->code, c->len);
	fprintf(out, " (%s)\n", label);
}
