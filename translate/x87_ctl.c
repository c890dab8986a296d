/*
 * x87 control and special instructions: FLDCW/FNSTCW/FNSTSW, FNCLEX,
 * FNINIT, FLDENV/FNSTENV, FRSTOR/FNSAVE, FBLD/FBSTP, the D9 register
 * specials (FCHS, FABS, FTST, FXAM, constants, FXTRACT, FPREM(1),
 * FSQRT, FRNDINT, FSCALE, FINCSTP/FDECSTP) and the transcendentals.
 * The transcendentals (F2XM1, FYL2X, FYL2XP1, FPTAN, FPATAN, FSIN, FCOS,
 * FSINCOS) are computed in double precision: close to, but not
 * bit-identical with, the hardware.  Called from x87_ops.c.
 */
#include <math.h>

#include "x87.h"

/* 28-byte protected-mode environment (FNSTENV/FLDENV, 32-bit format). */
static void env_store(const struct x87_state *x, uint8_t b[28])
{
	uint32_t w[7];

	w[0] = 0xffff0000u | x->fcw;
	w[1] = 0xffff0000u | x87_fsw(x);
	w[2] = 0xffff0000u | x87_full_tag(x);
	w[3] = (uint32_t)x->fip;
	w[4] = (uint32_t)(x->fop & 0x7ff) << 16;
	w[5] = (uint32_t)x->fdp;
	w[6] = 0xffff0000u;
	memcpy(b, w, 28);
}

static void env_load(struct x87_state *x, const uint8_t b[28])
{
	uint32_t w[7];
	uint16_t tag;

	memcpy(w, b, 28);
	x->fcw = (uint16_t)w[0];
	x->fsw = (uint16_t)w[1];
	x->top = (w[1] >> FSW_TOP_SHIFT) & 7;
	tag = (uint16_t)w[2];
	x->empty = 0;
	for (int i = 0; i < 8; i++)
		if (((tag >> (2 * i)) & 3) == 3)
			x->empty |= 1u << i;
	x->fip = w[3];
	x->fop = (w[4] >> 16) & 0x7ff;
	x->fdp = w[5];
}

static void fbld(struct cpu *cpu, struct x87_state *x, gaddr a)
{
	uint8_t b[10];
	int64_t v = 0;
	unsigned f = 0;

	mem_ldn(cpu, a, b, 10);
	for (int i = 8; i >= 0; i--)
		v = v * 100 + (b[i] >> 4) * 10 + (b[i] & 15);
	st_push(x, fx_from_i64(b[9] & 0x80 ? -v : v), &f);
	x87_commit(x, f);
}

static void fbstp(struct cpu *cpu, struct x87_state *x, gaddr a)
{
	uint8_t b[10] = {0};
	unsigned f = 0;
	int64_t v = fx_to_int(x->fcw, &f, st_get(x, 0, &f), 64, 0);

	if ((f & FSW_IE) || v > 999999999999999999ll ||
	    v < -999999999999999999ll) {
		f |= FSW_IE;
		f &= ~FSW_PE;
		b[9] = 0xff;
		b[8] = 0xff;
		b[7] = 0xc0;
	} else {
		uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
		for (int i = 0; i < 9; i++) {
			b[i] = (uint8_t)((u % 10) | ((u / 10 % 10) << 4));
			u /= 100;
		}
		b[9] = v < 0 ? 0x80 : 0;
	}
	mem_stn(cpu, a, b, 10);
	x87_commit(x, f);
	st_pop(x);
}

void x87_ctl_mem(struct cpu *cpu, const struct insn *in, struct x87_state *x,
		 gaddr a)
{
	uint8_t buf[108];
	int r = in->reg & 7;

	switch (in->op << 4 | r) {
	case 0xd94: /* FLDENV */
		mem_ldn(cpu, a, buf, 28);
		env_load(x, buf);
		return;
	case 0xd95: /* FLDCW */
		x->fcw = mem_ld16(cpu, a);
		return;
	case 0xd96: /* FNSTENV: then masks all exceptions */
		env_store(x, buf);
		mem_stn(cpu, a, buf, 28);
		x->fcw |= 0x3f;
		return;
	case 0xd97: /* FNSTCW */
		mem_st16(cpu, a, x->fcw);
		return;
	case 0xdd4: /* FRSTOR */
		mem_ldn(cpu, a, buf, 108);
		env_load(x, buf);
		for (int i = 0; i < 8; i++) {
			struct fx80 *v = &x->st[(x->top + i) & 7];
			memcpy(&v->m, buf + 28 + 10 * i, 8);
			memcpy(&v->se, buf + 36 + 10 * i, 2);
		}
		return;
	case 0xdd6: /* FNSAVE: then FNINIT */
		env_store(x, buf);
		for (int i = 0; i < 8; i++) {
			const struct fx80 *v = &x->st[(x->top + i) & 7];
			memcpy(buf + 28 + 10 * i, &v->m, 8);
			memcpy(buf + 36 + 10 * i, &v->se, 2);
		}
		mem_stn(cpu, a, buf, 108);
		x87_reset(x);
		return;
	case 0xdd7: /* FNSTSW m16 */
		mem_st16(cpu, a, x87_fsw(x));
		return;
	case 0xdf4:
		fbld(cpu, x, a);
		return;
	case 0xdf6:
		fbstp(cpu, x, a);
		return;
	default:
		insn_ud(cpu, in);
	}
}

/* FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ: the 64-bit
 * significands rounded down; 'up' says whether round-to-nearest goes
 * up (the FPU rounds its internal constants by RC). */
static const struct {
	uint64_t m;
	uint16_t se;
	uint8_t up_nearest;
} x87_consts[7] = {
	{0x8000000000000000ull, 0x3fff, 0}, /* 1 */
	{0xd49a784bcd1b8afeull, 0x4000, 0}, /* log2(10) */
	{0xb8aa3b295c17f0bbull, 0x3fff, 1}, /* log2(e) */
	{0xc90fdaa22168c234ull, 0x4000, 1}, /* pi */
	{0x9a209a84fbcff798ull, 0x3ffd, 1}, /* log10(2) */
	{0xb17217f7d1cf79abull, 0x3ffe, 1}, /* ln(2) */
	{0, 0, 0},			    /* +0 */
};

static void fld_const(struct x87_state *x, int k)
{
	struct fx80 v = {x87_consts[k].m, x87_consts[k].se};
	int rc = (x->fcw >> 10) & 3;
	unsigned f = 0;

	if (k != 0 && k != 6 &&
	    ((rc == RC_NEAREST && x87_consts[k].up_nearest) || rc == RC_UP))
		v.m++;
	st_push(x, v, &f);
	x87_commit(x, f);
}

static void fxam(struct x87_state *x)
{
	int p = phys(x, 0);
	struct fx80 v = x->st[p];
	unsigned cc;

	if (x->empty & (1u << p))
		cc = FSW_C3 | FSW_C0;
	else if (fx_is_nan(v) && (v.m >> 63))
		cc = FSW_C0;
	else if (fx_is_inf(v))
		cc = FSW_C2 | FSW_C0;
	else if (fx_is_zero(v))
		cc = FSW_C3;
	else if (fx_exp(v) == 0)
		cc = FSW_C3 | FSW_C2;
	else if (v.m >> 63)
		cc = FSW_C2;
	else
		cc = 0; /* unsupported */
	if (fx_sign(v))
		cc |= FSW_C1;
	x->fsw = (uint16_t)((x->fsw & ~(FSW_C3 | FSW_C2 | FSW_C1 | FSW_C0)) |
			    cc);
}

static void fxtract(struct x87_state *x)
{
	unsigned f = 0;
	struct fx80 v = st_get(x, 0, &f), e, s;

	if (!(x->empty & (1u << ((x->top - 1) & 7))))
		f |= FSW_IE | FSW_SF | FSW_C1; /* the push will overflow */
	if (fx_is_nan(v) || (fx_exp(v) == 0x7fff && !(v.m >> 63))) {
		e = s = fx_add(x->fcw, &f, v, v, 0);
	} else if (fx_is_inf(v)) {
		e = (struct fx80){1ull << 63, 0x7fff};
		s = v;
	} else if (fx_is_zero(v)) {
		f |= FSW_ZE;
		e = (struct fx80){1ull << 63, 0xffff};
		s = v;
	} else {
		int32_t ex = fx_exp(v) - 16383;
		uint64_t m = v.m;
		if (fx_exp(v) == 0) {
			f |= FSW_DE;
			ex = 1 - 16383;
		}
		int k = __builtin_clzll(m);
		m <<= k;
		ex -= k;
		e = fx_from_i64(ex);
		s = (struct fx80){m, (uint16_t)((v.se & 0x8000) | 16383)};
	}
	st_set(x, 0, st_result(f, e));
	st_push(x, st_result(f, s), &f);
	x87_commit(x, f);
}

/*
 * FPREM/FPREM1 with exponents 64 or more apart: *b becomes ST(1) scaled
 * by 2^(D - 32) (exact) for one partial reduction step.  False when the
 * complete remainder applies (close exponents, zero, NaN, infinity).
 */
static bool prem_partial(const struct fx80 *a, struct fx80 *b)
{
	int ea = fx_exp(*a), eb = fx_exp(*b);
	uint64_t mb = b->m;

	if (!(a->m >> 63) || ea == 0x7fff || ea == 0 || eb == 0x7fff || !mb)
		return false;
	if (eb == 0) { /* denormal divisor: normalise */
		int k = __builtin_clzll(mb);
		mb <<= k;
		eb = 1 - k;
	} else if (!(mb >> 63)) {
		return false; /* unnormal: invalid, handled by fx_prem */
	}
	if (ea - eb < 64 || ea - 32 < 1)
		return false;
	b->m = mb;
	b->se = (uint16_t)((b->se & 0x8000) | (ea - 32));
	return true;
}

/* Transcendental on ST(0) [and ST(1)] in double precision. */
static void transcendental(struct x87_state *x, int op)
{
	unsigned f = 0;
	struct fx80 a = st_get(x, 0, &f), b = st_get(x, 1, &f);
	double d = fx_to_double(a), r;

	if (fx_is_nan(a) || ((op == 1 || op == 3 || op == 9) && fx_is_nan(b))) {
		struct fx80 n = (op == 1 || op == 3 || op == 9)
					? fx_add(x->fcw, &f, a, b, 0)
					: fx_add(x->fcw, &f, a, a, 0);
		if (op == 1 || op == 3 || op == 9) {
			st_pop(x);
		}
		st_set(x, 0, n);
		if (op == 2 || op == 0xb)
			st_push(x, n, &f);
		x87_commit(x, f);
		return;
	}
	if ((op == 2 || op == 0xb || op == 0xe || op == 0xf) &&
	    (fx_is_inf(a) || fabs(d) >= 0x1p63)) {
		if (fx_is_inf(a)) {
			f |= FSW_IE;
			st_set(x, 0, fx_indefinite);
			x87_commit(x, f);
			return;
		}
		x->fsw |= FSW_C2; /* out of range: operand unchanged */
		return;
	}
	x->fsw &= ~FSW_C2;
	switch (op) {
	case 0: /* F2XM1 */
		st_set(x, 0, fx_from_double(expm1(d * 0.69314718055994530942)));
		break;
	case 1: /* FYL2X */
	case 9: /* FYL2XP1 */
		r = op == 1 ? log2(d) : log1p(d) / 0.69314718055994530942;
		if (op == 1 && d == 0)
			f |= FSW_ZE;
		r *= fx_to_double(b);
		if (isnan(r)) {
			f |= FSW_IE;
			st_pop(x);
			st_set(x, 0, fx_indefinite);
			break;
		}
		st_pop(x);
		st_set(x, 0, fx_from_double(r));
		break;
	case 2: /* FPTAN */
		st_set(x, 0, fx_from_double(tan(d)));
		st_push(x, (struct fx80){1ull << 63, 0x3fff}, &f);
		break;
	case 3: /* FPATAN */
		r = atan2(fx_to_double(b), d);
		st_pop(x);
		st_set(x, 0, fx_from_double(r));
		break;
	case 0xb: /* FSINCOS */
		st_set(x, 0, fx_from_double(sin(d)));
		st_push(x, fx_from_double(cos(d)), &f);
		break;
	case 0xe:
		st_set(x, 0, fx_from_double(sin(d)));
		break;
	default:
		st_set(x, 0, fx_from_double(cos(d)));
		break;
	}
	x87_commit(x, f | FSW_PE);
}

void x87_ctl_reg(struct cpu *cpu, const struct insn *in, struct x87_state *x)
{
	int modrm = 0xc0 | (in->reg & 7) << 3 | (in->rm & 7);
	unsigned f = 0, q;
	struct fx80 a, b;

	if (in->op == 0xdb) {
		switch (modrm) {
		case 0xe2: /* FNCLEX */
			x->fsw &= 0x7f00;
			return;
		case 0xe3: /* FNINIT */
			x87_reset(x);
			return;
		case 0xe0: /* FNENI, FNDISI, FNSETPM: no-ops since the 287 */
		case 0xe1:
		case 0xe4:
			return;
		default:
			insn_ud(cpu, in);
		}
	}
	if (in->op == 0xdf) {
		if (modrm != 0xe0)
			insn_ud(cpu, in);
		/* FNSTSW AX */
		cpu->regs[R_RAX] = (cpu->regs[R_RAX] & ~0xffffull) | x87_fsw(x);
		return;
	}
	/* D9 */
	switch (modrm) {
	case 0xd0: /* FNOP */
		return;
	case 0xe0: /* FCHS */
	case 0xe1: /* FABS */
		a = st_get(x, 0, &f);
		if (modrm == 0xe0)
			a.se ^= 0x8000;
		else
			a.se &= 0x7fff;
		st_set(x, 0, st_result(f, a));
		x87_commit(x, f & ~FSW_C1);
		return;
	case 0xe4: /* FTST */
		a = st_get(x, 0, &f);
		set_cc(x, fx_compare(&f, a, (struct fx80){0, 0}, 0));
		x87_commit(x, f & ~FSW_C1);
		return;
	case 0xe5:
		fxam(x);
		return;
	case 0xe8:
	case 0xe9:
	case 0xea:
	case 0xeb:
	case 0xec:
	case 0xed:
	case 0xee:
		fld_const(x, modrm - 0xe8);
		return;
	case 0xf4:
		fxtract(x);
		return;
	case 0xf5: /* FPREM1 */
	case 0xf8: /* FPREM */
		a = st_get(x, 0, &f);
		b = st_get(x, 1, &f);
		if (f & FSW_SF) { /* C0 and C3 stay as they were */
			st_set(x, 0, fx_indefinite);
			x87_commit(x, f);
			x->fsw &= ~FSW_C2;
			return;
		}
		if (!fx_is_nan(a) && !fx_is_nan(b) &&
		    ((fx_exp(a) == 0 && a.m) || (fx_exp(b) == 0 && b.m)))
			f |= FSW_DE; /* also where fx_prem stops early */
		if (prem_partial(&a, &b)) {
			/* Exponents 64 or more apart: the hardware reduces
			 * only partially (C2 = 1) and software loops.  Reduce
			 * by ST(1) * 2^(D - 32), truncating (SDM, N = 32):
			 * a multiple of 8 ST(1), so the last step's C0 C3 C1
			 * are still the low quotient bits. */
			a = fx_prem(x->fcw, &f, a, b, 0, &q);
			st_set(x, 0, a);
			x87_commit(x, f & ~FSW_C1);
			x->fsw &= ~(FSW_C0 | FSW_C1 | FSW_C3);
			x->fsw |= FSW_C2;
			return;
		}
		a = st_result(f, fx_prem(x->fcw, &f, a, b, modrm == 0xf5, &q));
		st_set(x, 0, a);
		x87_commit(x, f & ~FSW_C1);
		x->fsw &= ~(FSW_C0 | FSW_C1 | FSW_C2 | FSW_C3);
		x->fsw |= (q & 4 ? FSW_C0 : 0) | (q & 2 ? FSW_C3 : 0) |
			  (q & 1 ? FSW_C1 : 0);
		return;
	case 0xf6: /* FDECSTP */
		x->top = (x->top - 1) & 7;
		x->fsw &= ~FSW_C1;
		return;
	case 0xf7: /* FINCSTP */
		x->top = (x->top + 1) & 7;
		x->fsw &= ~FSW_C1;
		return;
	case 0xfa: /* FSQRT */
		a = st_get(x, 0, &f);
		st_set(x, 0, st_result(f, fx_sqrt(x->fcw, &f, a)));
		x87_commit(x, f);
		return;
	case 0xfc: /* FRNDINT */
		a = st_get(x, 0, &f);
		st_set(x, 0, st_result(f, fx_rndint(x->fcw, &f, a)));
		x87_commit(x, f);
		return;
	case 0xfd: /* FSCALE */
		a = st_get(x, 0, &f);
		b = st_get(x, 1, &f);
		st_set(x, 0, st_result(f, fx_scale(x->fcw, &f, a, b)));
		x87_commit(x, f);
		return;
	case 0xf0:
	case 0xf1:
	case 0xf2:
	case 0xf3:
	case 0xf9:
	case 0xfb:
	case 0xfe:
	case 0xff:
		transcendental(x, modrm - 0xf0);
		return;
	default:
		insn_ud(cpu, in);
	}
}
