/*
 * x87 instructions, escapes D8-DF: loads and stores (float, integer,
 * extended), arithmetic in all operand forms, compares (FCOM, FUCOM,
 * FCOMI, FTST, FXAM), FCMOVcc, stack manipulation and the register-form
 * specials of D9.  Control instructions (FLDCW, FNSTENV, FNSAVE, ...) are
 * in x87_ctl.c.  The state (struct x87_state) is allocated on first use.
 * Exceptions are recorded in FSW; with masks cleared wax does not raise
 * #MF (Linux programs run with all x87 exceptions masked).
 */
#include <math.h>
#include <stdlib.h>

#include "x87.h"

void x87_reset(struct x87_state *x)
{
	/* FNINIT leaves the data registers as they are (FXSAVE shows them) */
	x->fcw = 0x037f;
	x->fsw = 0;
	x->top = 0;
	x->empty = 0xff;
	x->fop = 0;
	x->fip = x->fdp = 0;
}

struct x87_state *x87_get(struct cpu *cpu)
{
	if (unlikely(!cpu->x87)) {
		cpu->x87 = malloc(sizeof(struct x87_state));
		if (!cpu->x87)
			wax_panic("out of memory for x87 state");
		memset(cpu->x87, 0, sizeof(struct x87_state));
		x87_reset(cpu->x87);
	}
	return cpu->x87;
}

int x87_state_copy(struct cpu *dst, const struct cpu *src)
{
	struct x87_state *x = NULL;

	if (src->x87) {
		x = malloc(sizeof(*x));
		if (!x)
			return -LINUX_ENOMEM;
		*x = *src->x87;
	}
	dst->x87 = x;
	return 0;
}

uint16_t x87_fsw(const struct x87_state *x)
{
	return (uint16_t)((x->fsw & ~(7u << FSW_TOP_SHIFT)) |
			  ((unsigned)x->top << FSW_TOP_SHIFT));
}

uint16_t x87_full_tag(const struct x87_state *x)
{
	uint16_t tw = 0;

	for (int i = 0; i < 8; i++) {
		const struct fx80 *v = &x->st[i];
		unsigned t;
		if (x->empty & (1u << i))
			t = 3;
		else if (fx_is_zero(*v))
			t = 1;
		else if (fx_exp(*v) == 0x7fff || fx_exp(*v) == 0 ||
			 !(v->m >> 63))
			t = 2;
		else
			t = 0;
		tw |= (uint16_t)(t << (2 * i));
	}
	return tw;
}

static void set_eflags_cmp(struct cpu *cpu, int c)
{
	flags_set(cpu, c == 2	? RFLAGS_ZF | RFLAGS_PF | RFLAGS_CF
		       : c < 0	? RFLAGS_CF
		       : c == 0 ? RFLAGS_ZF
				: 0);
}

/* D8-style arithmetic: r = ModRM.reg (0 add, 1 mul, 4 sub, 5 subr,
 * 6 div, 7 divr). */
static struct fx80 arith(struct x87_state *x, unsigned *f, int r, struct fx80 a,
			 struct fx80 b)
{
	switch (r) {
	case 0:
		return fx_add(x->fcw, f, a, b, 0);
	case 1:
		return fx_mul(x->fcw, f, a, b);
	case 4:
		return fx_add(x->fcw, f, a, b, 1);
	case 5:
		return fx_add(x->fcw, f, b, a, 1);
	case 6:
		return fx_div(x->fcw, f, a, b);
	default:
		return fx_div(x->fcw, f, b, a);
	}
}

/* ST(0) op src (D8/DC/DA/DE memory forms and D8 register forms). */
static void arith_st0(struct x87_state *x, int r, struct fx80 src, unsigned f)
{
	struct fx80 a = st_get(x, 0, &f);

	if (fx_is_nan(a))
		f &= ~FSW_DE; /* a NaN operand: no denormal check */
	if (r == 2 || r == 3) {
		set_cc(x, fx_compare(&f, a, src, 0));
		x87_commit(x, f & ~FSW_C1);
		if (r == 3)
			st_pop(x);
		return;
	}
	st_set(x, 0, st_result(f, arith(x, &f, r, a, src)));
	x87_commit(x, f);
}

/* ---- memory operand forms ---- */

static struct fx80 ld_m80(struct cpu *cpu, gaddr a)
{
	uint8_t b[10];
	struct fx80 v;

	mem_ldn(cpu, a, b, 10);
	memcpy(&v.m, b, 8);
	memcpy(&v.se, b + 8, 2);
	return v;
}

static void st_m80(struct cpu *cpu, gaddr a, struct fx80 v)
{
	uint8_t b[10];

	memcpy(b, &v.m, 8);
	memcpy(b + 8, &v.se, 2);
	mem_stn(cpu, a, b, 10);
}

/* FIST/FISTP/FISTTP to a bits-wide integer at a. */
static void fist(struct cpu *cpu, struct x87_state *x, gaddr a, int bits,
		 int trunc, int pop)
{
	unsigned f = 0;
	struct fx80 v = st_get(x, 0, &f);
	int64_t i = fx_to_int(x->fcw, &f, v, bits, trunc);

	if (bits == 16)
		mem_st16(cpu, a, (uint16_t)i);
	else if (bits == 32)
		mem_st32(cpu, a, (uint32_t)i);
	else
		mem_st64(cpu, a, (uint64_t)i);
	x87_commit(x, f);
	if (pop)
		st_pop(x);
}

static void x87_mem(struct cpu *cpu, const struct insn *in, struct x87_state *x)
{
	gaddr a = insn_ea(cpu, in);
	int r = in->reg & 7;
	unsigned f = 0;
	struct fx80 v;

	switch (in->op) {
	case 0xd8: /* op m32fp */
		v = fx_from_f32(&f, mem_ld32(cpu, a));
		arith_st0(x, r, v, f);
		return;
	case 0xdc: /* op m64fp */
		v = fx_from_f64(&f, mem_ld64(cpu, a));
		arith_st0(x, r, v, f);
		return;
	case 0xda: /* op m32int */
		v = fx_from_i64((int32_t)mem_ld32(cpu, a));
		arith_st0(x, r, v, f);
		return;
	case 0xde: /* op m16int */
		v = fx_from_i64((int16_t)mem_ld16(cpu, a));
		arith_st0(x, r, v, f);
		return;
	case 0xd9:
		switch (r) {
		case 0: /* FLD m32fp */
			v = fx_from_f32(&f, mem_ld32(cpu, a));
			st_push(x, v, &f);
			x87_commit(x, f);
			return;
		case 2: /* FST m32fp */
		case 3: /* FSTP m32fp */
			v = st_get(x, 0, &f);
			mem_st32(cpu, a, fx_to_f32(x->fcw, &f, v));
			x87_commit(x, f);
			if (r == 3)
				st_pop(x);
			return;
		case 1:
			insn_ud(cpu, in);
		default:
			x87_ctl_mem(cpu, in, x, a);
			return;
		}
	case 0xdb:
		switch (r) {
		case 0: /* FILD m32int */
			st_push(x, fx_from_i64((int32_t)mem_ld32(cpu, a)), &f);
			x87_commit(x, f);
			return;
		case 1: /* FISTTP m32int */
		case 2: /* FIST m32int */
		case 3: /* FISTP m32int */
			fist(cpu, x, a, 32, r == 1, r != 2);
			return;
		case 5: /* FLD m80fp */
			st_push(x, ld_m80(cpu, a), &f);
			x87_commit(x, f);
			return;
		case 7: /* FSTP m80fp */
			st_m80(cpu, a, st_get(x, 0, &f));
			x87_commit(x, f);
			st_pop(x);
			return;
		default:
			insn_ud(cpu, in);
		}
	case 0xdd:
		switch (r) {
		case 0: /* FLD m64fp */
			v = fx_from_f64(&f, mem_ld64(cpu, a));
			st_push(x, v, &f);
			x87_commit(x, f);
			return;
		case 1: /* FISTTP m64int */
			fist(cpu, x, a, 64, 1, 1);
			return;
		case 2: /* FST m64fp */
		case 3: /* FSTP m64fp */
			v = st_get(x, 0, &f);
			mem_st64(cpu, a, fx_to_f64(x->fcw, &f, v));
			x87_commit(x, f);
			if (r == 3)
				st_pop(x);
			return;
		case 5:
			insn_ud(cpu, in);
		default:
			x87_ctl_mem(cpu, in, x, a);
			return;
		}
	default: /* 0xdf */
		switch (r) {
		case 0: /* FILD m16int */
			st_push(x, fx_from_i64((int16_t)mem_ld16(cpu, a)), &f);
			x87_commit(x, f);
			return;
		case 1: /* FISTTP m16int */
		case 2: /* FIST m16int */
		case 3: /* FISTP m16int */
			fist(cpu, x, a, 16, r == 1, r != 2);
			return;
		case 5: /* FILD m64int */
			st_push(x, fx_from_i64((int64_t)mem_ld64(cpu, a)), &f);
			x87_commit(x, f);
			return;
		case 7: /* FISTP m64int */
			fist(cpu, x, a, 64, 0, 1);
			return;
		default: /* FBLD / FBSTP */
			x87_ctl_mem(cpu, in, x, a);
			return;
		}
	}
}

/* ---- register forms ---- */

static int fcmov_cond(struct cpu *cpu, int r)
{
	unsigned fl = flags_get(cpu);

	switch (r & 3) {
	case 0:
		return (fl & RFLAGS_CF) != 0;
	case 1:
		return (fl & RFLAGS_ZF) != 0;
	case 2:
		return (fl & (RFLAGS_CF | RFLAGS_ZF)) != 0;
	default:
		return (fl & RFLAGS_PF) != 0;
	}
}

/* FCOM/FUCOM/FCOMI family on ST(0) and ST(i); pops 0, 1 or 2. */
static void compare(struct cpu *cpu, struct x87_state *x, int i, int quiet,
		    int to_eflags, int pops)
{
	unsigned f = 0;
	struct fx80 a = st_get(x, 0, &f), b = st_get(x, i, &f);
	int c = fx_compare(&f, a, b, quiet);

	if (to_eflags)
		set_eflags_cmp(cpu, c);
	else
		set_cc(x, c);
	x87_commit(x, f & ~FSW_C1);
	while (pops--)
		st_pop(x);
}

static void x87_reg(struct cpu *cpu, const struct insn *in, struct x87_state *x)
{
	int r = in->reg & 7, i = in->rm & 7;
	unsigned f = 0;
	struct fx80 a, b;

	switch (in->op) {
	case 0xd8: /* op ST(0), ST(i) */
		b = st_get(x, i, &f);
		arith_st0(x, r, b, f);
		return;
	case 0xdc: /* op ST(i), ST(0) */
	case 0xde: /* op ST(i), ST(0) and pop */
		if (r == 2 || r == 3) {
			if (in->op == 0xde && !(r == 3 && i == 1))
				insn_ud(cpu, in);
			compare(cpu, x, i, 0, 0, in->op == 0xde ? 2 : r - 2);
			return;
		}
		a = st_get(x, i, &f);
		b = st_get(x, 0, &f);
		/* The 4/5 and 6/7 rows swap meaning in these encodings. */
		st_set(x, i,
		       st_result(f, arith(x, &f, r >= 4 ? r ^ 1 : r, a, b)));
		x87_commit(x, f);
		if (in->op == 0xde)
			st_pop(x);
		return;
	case 0xda:
		if (r < 4) { /* FCMOVB/E/BE/U */
			a = st_get(x, i, &f);
			st_get(x, 0, &f); /* both operands must be valid */
			if (f & FSW_SF)
				st_set(x, 0, fx_indefinite);
			else if (fcmov_cond(cpu, r))
				st_set(x, 0, a);
			x87_commit(x, f);
			return;
		}
		if (r == 5 && i == 1) { /* FUCOMPP */
			compare(cpu, x, 1, 1, 0, 2);
			return;
		}
		insn_ud(cpu, in);
	case 0xdb:
		if (r < 4) { /* FCMOVNB/NE/NBE/NU */
			a = st_get(x, i, &f);
			st_get(x, 0, &f); /* both operands must be valid */
			if (f & FSW_SF)
				st_set(x, 0, fx_indefinite);
			else if (!fcmov_cond(cpu, r))
				st_set(x, 0, a);
			x87_commit(x, f);
			return;
		}
		if (r == 5 || r == 6) { /* FUCOMI / FCOMI */
			compare(cpu, x, i, r == 5, 1, 0);
			return;
		}
		x87_ctl_reg(cpu, in, x);
		return;
	case 0xdd:
		switch (r) {
		case 0: /* FFREE */
			x->empty |= 1u << phys(x, i);
			return;
		case 2: /* FST ST(i) */
		case 3: /* FSTP ST(i) */
			st_set(x, i, st_get(x, 0, &f));
			x87_commit(x, f);
			if (r == 3)
				st_pop(x);
			return;
		case 4: /* FUCOM */
		case 5: /* FUCOMP */
			compare(cpu, x, i, 1, 0, r - 4);
			return;
		default:
			insn_ud(cpu, in);
		}
	case 0xdf:
		if (r == 5 || r == 6) { /* FUCOMIP / FCOMIP */
			compare(cpu, x, i, r == 5, 1, 1);
			return;
		}
		if (r == 0) { /* FFREEP */
			x->empty |= 1u << phys(x, i);
			st_pop(x);
			return;
		}
		x87_ctl_reg(cpu, in, x);
		return;
	default:	      /* 0xd9 */
		if (r == 0) { /* FLD ST(i) */
			a = st_get(x, i, &f);
			st_push(x, a, &f);
			x87_commit(x, f);
			return;
		}
		if (r == 1) { /* FXCH */
			a = st_get(x, 0, &f);
			b = st_get(x, i, &f);
			st_set(x, 0, b);
			st_set(x, i, a);
			x87_commit(x, f);
			return;
		}
		x87_ctl_reg(cpu, in, x);
		return;
	}
}

/* D8-DF: every x87 instruction. */
void sse_x87(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);

	if (in->mod == 3)
		x87_reg(cpu, in, x);
	else
		x87_mem(cpu, in, x);
	x->fop = (uint16_t)(((in->op & 7) << 8) | (in->mod << 6) |
			    ((in->reg & 7) << 3) | (in->rm & 7));
	insn_next(cpu, in);
}
