/*
 * SSE4.1 floating-point instructions (66 0F 3A 08-0D, 17, 21, 40, 41 and
 * 66 0F 38 14/15): ROUNDPS/PD/SS/SD, BLENDPS/PD, BLENDVPS/PD, DPPS/DPPD,
 * INSERTPS, EXTRACTPS.  Arithmetic goes through the MXCSR-exact core of
 * sse_fp.c; rounding to an integral value is done here in portable C
 * (no host rounding mode).  Handlers reached through sse_table.c.
 */
#include <math.h>

#include "sse_priv.h"

/* x (finite, |x| < 2^52) rounded to an integral value in mode rc; the
 * sign of a zero result is the sign of x, as IEEE roundToIntegral. */
static double round_integral(double x, int rc)
{
	double r, fl;

	switch (rc) {
	case RC_DOWN:
		r = floor(x);
		break;
	case RC_UP:
		r = ceil(x);
		break;
	case RC_ZERO:
		r = trunc(x);
		break;
	default:
		fl = floor(x);
		if (x - fl > 0.5)
			r = fl + 1;
		else if (x - fl < 0.5)
			r = fl;
		else
			r = fmod(fl, 2.0) == 0 ? fl : fl + 1;
		break;
	}
	return r == 0 ? copysign(0.0, x) : r;
}

/* The rounding mode of a ROUND* imm8: MXCSR.RC when bit 2 is set. */
static int round_mode(const struct fpenv *e, unsigned imm)
{
	return imm & 4 ? (int)((e->mxcsr >> MXCSR_RC_SHIFT) & 3)
		       : (int)(imm & 3);
}

/* ROUND of one single: SNaN -> IE and quieted, DAZ zeroes denormals,
 * PE when inexact unless imm8 bit 3 suppresses it. */
static uint32_t round32(struct fpenv *e, uint32_t a, unsigned imm)
{
	uint32_t exp = (a >> 23) & 0xff;

	if (exp == 0xff) {
		if ((a & 0x7fffff) && !(a & 0x400000))
			e->flags |= MXCSR_IE;
		return (a & 0x7fffff) ? a | 0x400000 : a;
	}
	if (exp == 0 && (e->mxcsr & MXCSR_DAZ))
		a &= 0x80000000u;
	if (exp >= 150) /* >= 2^23: already integral */
		return a;
	double x = (double)f_of(a), r = round_integral(x, round_mode(e, imm));
	if (r != x && !(imm & 8))
		e->flags |= MXCSR_PE;
	return uf_of((float)r);
}

static uint64_t round64(struct fpenv *e, uint64_t a, unsigned imm)
{
	uint64_t exp = (a >> 52) & 0x7ff;

	if (exp == 0x7ff) {
		if ((a & 0xfffffffffffffull) && !(a & (1ull << 51)))
			e->flags |= MXCSR_IE;
		return (a & 0xfffffffffffffull) ? a | (1ull << 51) : a;
	}
	if (exp == 0 && (e->mxcsr & MXCSR_DAZ))
		a &= 1ull << 63;
	if (exp >= 1075) /* >= 2^52 */
		return a;
	double x = d_of(a), r = round_integral(x, round_mode(e, imm));
	if (r != x && !(imm & 8))
		e->flags |= MXCSR_PE;
	return u_of(r);
}

/* 66 0F 3A 08 ib: ROUNDPS xmm, xmm/m128, imm8 */
void sse_roundps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		s.u32[i] = round32(&e, s.u32[i], (unsigned)in->imm);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = s;
	insn_next(cpu, in);
}

/* 66 0F 3A 09 ib: ROUNDPD xmm, xmm/m128, imm8 */
void sse_roundpd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 2; i++)
		s.u64[i] = round64(&e, s.u64[i], (unsigned)in->imm);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = s;
	insn_next(cpu, in);
}

/* 66 0F 3A 0A ib: ROUNDSS xmm, xmm/m32, imm8 */
void sse_roundss(struct cpu *cpu, const struct insn *in)
{
	uint32_t a = sse_src32(cpu, in);
	struct fpenv e;

	fp_begin(cpu, &e);
	a = round32(&e, a, (unsigned)in->imm);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u32[0] = a;
	insn_next(cpu, in);
}

/* 66 0F 3A 0B ib: ROUNDSD xmm, xmm/m64, imm8 */
void sse_roundsd(struct cpu *cpu, const struct insn *in)
{
	uint64_t a = sse_src64(cpu, in);
	struct fpenv e;

	fp_begin(cpu, &e);
	a = round64(&e, a, (unsigned)in->imm);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u64[0] = a;
	insn_next(cpu, in);
}

/* ---- blends ---- */

/* 66 0F 3A 0C ib: BLENDPS: dwords from the source where imm8 bit i. */
void sse_blendps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 4; i++)
		if (in->imm >> i & 1)
			d->u32[i] = s.u32[i];
	insn_next(cpu, in);
}

/* 66 0F 3A 0D ib: BLENDPD */
void sse_blendpd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 2; i++)
		if (in->imm >> i & 1)
			d->u64[i] = s.u64[i];
	insn_next(cpu, in);
}

/* 66 0F 38 14: BLENDVPS xmm, xmm/m128, <XMM0> (mask: sign bits) */
void sse_blendvps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], m = cpu->xmm[0];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 4; i++)
		if (m.u32[i] >> 31)
			d->u32[i] = s.u32[i];
	insn_next(cpu, in);
}

/* 66 0F 38 15: BLENDVPD xmm, xmm/m128, <XMM0> */
void sse_blendvpd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], m = cpu->xmm[0];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 2; i++)
		if (m.u64[i] >> 63)
			d->u64[i] = s.u64[i];
	insn_next(cpu, in);
}

/* ---- dot products ---- */

/* 66 0F 3A 40 ib: DPPS: products of the lanes in imm8[7:4] (others
 * +0.0), summed as (p0 + p1) + (p2 + p3), stored to the lanes in
 * imm8[3:0] (others +0.0). */
void sse_dpps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	unsigned imm = (uint8_t)in->imm;
	uint32_t p[4], t;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		p[i] = imm >> (4 + i) & 1
			       ? fp32_binop(&e, FP_MUL, d->u32[i], s.u32[i])
			       : 0;
	t = fp32_binop(&e, FP_ADD, fp32_binop(&e, FP_ADD, p[0], p[1]),
		       fp32_binop(&e, FP_ADD, p[2], p[3]));
	fp_commit(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = imm >> i & 1 ? t : 0;
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 3A 41 ib: DPPD: the same on two doubles (imm8[5:4], [1:0]). */
void sse_dppd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	unsigned imm = (uint8_t)in->imm;
	uint64_t p[2], t;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 2; i++)
		p[i] = imm >> (4 + i) & 1
			       ? fp64_binop(&e, FP_MUL, d->u64[i], s.u64[i])
			       : 0;
	t = fp64_binop(&e, FP_ADD, p[0], p[1]);
	fp_commit(cpu, &e);
	for (int i = 0; i < 2; i++)
		r.u64[i] = imm >> i & 1 ? t : 0;
	*d = r;
	insn_next(cpu, in);
}

/* ---- single-lane moves ---- */

/* 66 0F 3A 21 ib: INSERTPS xmm, xmm/m32, imm8: source lane imm8[7:6]
 * (register form only) into lane imm8[5:4], then lanes in imm8[3:0]
 * zeroed. */
void sse_insertps(struct cpu *cpu, const struct insn *in)
{
	unsigned imm = (uint8_t)in->imm;
	union xmm_reg *d = &cpu->xmm[in->reg];
	uint32_t v = in->mod == 3 ? cpu->xmm[in->rm].u32[imm >> 6]
				  : mem_ld32(cpu, insn_ea(cpu, in));

	d->u32[(imm >> 4) & 3] = v;
	for (int i = 0; i < 4; i++)
		if (imm >> i & 1)
			d->u32[i] = 0;
	insn_next(cpu, in);
}

/* 66 0F 3A 17 ib: EXTRACTPS r/m32, xmm, imm8 (a GPR is zero-extended) */
void sse_extractps(struct cpu *cpu, const struct insn *in)
{
	uint32_t v = cpu->xmm[in->reg].u32[in->imm & 3];

	if (in->mod == 3)
		cpu->regs[in->rm] = v;
	else
		mem_st32(cpu, insn_ea(cpu, in), v);
	insn_next(cpu, in);
}
