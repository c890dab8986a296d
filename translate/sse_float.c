/*
 * SSE/SSE2/SSE3 floating-point arithmetic: ADD/SUB/MUL/DIV/MIN/MAX/SQRT
 * (PS/PD/SS/SD), RCP/RSQRT, the bitwise ANDPS..XORPS, CMPPS..CMPSD,
 * (U)COMISS/SD, ADDSUB and horizontal add/sub.  Arithmetic goes through
 * sse_fp.c; each handler computes into a temporary, commits MXCSR flags
 * (possibly raising #XM) and only then writes the destination.
 */
#include "sse_priv.h"

/* Packed single: dst[i] = op(dst[i], src[i]) for the 4 lanes. */
static void packed32(struct cpu *cpu, const struct insn *in, enum fp_binop op)
{
	union xmm_reg s, r = cpu->xmm[in->reg], f;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	if (fp_fast_env(e.mxcsr) &&
	    fp32_fast(op, r.u32[0], s.u32[0], &f.u32[0]) &&
	    fp32_fast(op, r.u32[1], s.u32[1], &f.u32[1]) &&
	    fp32_fast(op, r.u32[2], s.u32[2], &f.u32[2]) &&
	    fp32_fast(op, r.u32[3], s.u32[3], &f.u32[3])) {
		cpu->xmm[in->reg] = f;
		insn_next(cpu, in);
		return;
	}
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp32_binop(&e, op, r.u32[i], s.u32[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

static void packed64(struct cpu *cpu, const struct insn *in, enum fp_binop op)
{
	union xmm_reg s, r = cpu->xmm[in->reg], f;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	if (fp_fast_env(e.mxcsr) &&
	    fp64_fast(op, r.u64[0], s.u64[0], &f.u64[0]) &&
	    fp64_fast(op, r.u64[1], s.u64[1], &f.u64[1])) {
		cpu->xmm[in->reg] = f;
		insn_next(cpu, in);
		return;
	}
	for (int i = 0; i < 2; i++)
		r.u64[i] = fp64_binop(&e, op, r.u64[i], s.u64[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

static void scalar32(struct cpu *cpu, const struct insn *in, enum fp_binop op)
{
	uint32_t b = sse_src32(cpu, in), r;
	struct fpenv e;

	fp_begin(cpu, &e);
	if (!fp_fast_env(e.mxcsr) ||
	    !fp32_fast(op, cpu->xmm[in->reg].u32[0], b, &r)) {
		r = fp32_binop(&e, op, cpu->xmm[in->reg].u32[0], b);
		fp_commit(cpu, &e);
	}
	cpu->xmm[in->reg].u32[0] = r;
	insn_next(cpu, in);
}

static void scalar64(struct cpu *cpu, const struct insn *in, enum fp_binop op)
{
	uint64_t b = sse_src64(cpu, in), r;
	struct fpenv e;

	fp_begin(cpu, &e);
	if (!fp_fast_env(e.mxcsr) ||
	    !fp64_fast(op, cpu->xmm[in->reg].u64[0], b, &r)) {
		r = fp64_binop(&e, op, cpu->xmm[in->reg].u64[0], b);
		fp_commit(cpu, &e);
	}
	cpu->xmm[in->reg].u64[0] = r;
	insn_next(cpu, in);
}

#define FP_ARITH(ps, pd, ss, sd, op)                                           \
	void ps(struct cpu *cpu, const struct insn *in)                        \
	{                                                                      \
		packed32(cpu, in, op);                                         \
	}                                                                      \
	void pd(struct cpu *cpu, const struct insn *in)                        \
	{                                                                      \
		packed64(cpu, in, op);                                         \
	}                                                                      \
	void ss(struct cpu *cpu, const struct insn *in)                        \
	{                                                                      \
		scalar32(cpu, in, op);                                         \
	}                                                                      \
	void sd(struct cpu *cpu, const struct insn *in)                        \
	{                                                                      \
		scalar64(cpu, in, op);                                         \
	}

FP_ARITH(sse_addps, sse_addpd, sse_addss, sse_addsd, FP_ADD) /* 0F 58 */
FP_ARITH(sse_subps, sse_subpd, sse_subss, sse_subsd, FP_SUB) /* 0F 5C */
FP_ARITH(sse_mulps, sse_mulpd, sse_mulss, sse_mulsd, FP_MUL) /* 0F 59 */
FP_ARITH(sse_divps, sse_divpd, sse_divss, sse_divsd, FP_DIV) /* 0F 5E */
FP_ARITH(sse_minps, sse_minpd, sse_minss, sse_minsd, FP_MIN) /* 0F 5D */
FP_ARITH(sse_maxps, sse_maxpd, sse_maxss, sse_maxsd, FP_MAX) /* 0F 5F */

/* 0F 51: SQRTPS/SQRTPD/SQRTSS/SQRTSD */
void sse_sqrtps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp32_sqrt(&e, s.u32[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_sqrtpd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	if (fp_fast_env(e.mxcsr) && fp64_sqrt_fast(s.u64[0], &r.u64[0]) &&
	    fp64_sqrt_fast(s.u64[1], &r.u64[1])) {
		cpu->xmm[in->reg] = r;
		insn_next(cpu, in);
		return;
	}
	for (int i = 0; i < 2; i++)
		r.u64[i] = fp64_sqrt(&e, s.u64[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_sqrtss(struct cpu *cpu, const struct insn *in)
{
	uint32_t a = sse_src32(cpu, in), r;
	struct fpenv e;

	fp_begin(cpu, &e);
	if (!fp_fast_env(e.mxcsr) || !fp32_sqrt_fast(a, &r)) {
		r = fp32_sqrt(&e, a);
		fp_commit(cpu, &e);
	}
	cpu->xmm[in->reg].u32[0] = r;
	insn_next(cpu, in);
}

void sse_sqrtsd(struct cpu *cpu, const struct insn *in)
{
	uint64_t a = sse_src64(cpu, in), r;
	struct fpenv e;

	fp_begin(cpu, &e);
	if (!fp_fast_env(e.mxcsr) || !fp64_sqrt_fast(a, &r)) {
		r = fp64_sqrt(&e, a);
		fp_commit(cpu, &e);
	}
	cpu->xmm[in->reg].u64[0] = r;
	insn_next(cpu, in);
}

/* 0F 53 / 0F 52 (+F3): RCPPS/RCPSS, RSQRTPS/RSQRTSS: no exceptions. */
void sse_rcpps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp32_rcp(&e, s.u32[i]);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_rcpss(struct cpu *cpu, const struct insn *in)
{
	struct fpenv e;
	uint32_t a = sse_src32(cpu, in);

	fp_begin(cpu, &e);
	cpu->xmm[in->reg].u32[0] = fp32_rcp(&e, a);
	insn_next(cpu, in);
}

void sse_rsqrtps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp32_rsqrt(&e, s.u32[i]);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_rsqrtss(struct cpu *cpu, const struct insn *in)
{
	struct fpenv e;
	uint32_t a = sse_src32(cpu, in);

	fp_begin(cpu, &e);
	cpu->xmm[in->reg].u32[0] = fp32_rsqrt(&e, a);
	insn_next(cpu, in);
}

/* 0F 54-57 (+66): bitwise logic, the same as PAND/PANDN/POR/PXOR. */
void sse_andps(struct cpu *cpu, const struct insn *in)
{
	sse_pand(cpu, in);
}

void sse_andnps(struct cpu *cpu, const struct insn *in)
{
	sse_pandn(cpu, in);
}

void sse_orps(struct cpu *cpu, const struct insn *in)
{
	sse_por(cpu, in);
}

void sse_xorps(struct cpu *cpu, const struct insn *in)
{
	sse_pxor(cpu, in);
}

/* 0F C2 ib: CMPPS/CMPPD/CMPSS/CMPSD with predicate imm8 & 7. */
void sse_cmpps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r = cpu->xmm[in->reg];
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp32_cmp(&e, in->imm & 7, r.u32[i], s.u32[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_cmppd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r = cpu->xmm[in->reg];
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 2; i++)
		r.u64[i] = fp64_cmp(&e, in->imm & 7, r.u64[i], s.u64[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_cmpss(struct cpu *cpu, const struct insn *in)
{
	uint32_t b = sse_src32(cpu, in), r;
	struct fpenv e;

	fp_begin(cpu, &e);
	r = fp32_cmp(&e, in->imm & 7, cpu->xmm[in->reg].u32[0], b);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u32[0] = r;
	insn_next(cpu, in);
}

void sse_cmpsd(struct cpu *cpu, const struct insn *in)
{
	uint64_t b = sse_src64(cpu, in), r;
	struct fpenv e;

	fp_begin(cpu, &e);
	r = fp64_cmp(&e, in->imm & 7, cpu->xmm[in->reg].u64[0], b);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u64[0] = r;
	insn_next(cpu, in);
}

/* ZF/PF/CF from the compare; OF/SF/AF cleared (flags_set sets all six). */
static void comi_flags(struct cpu *cpu, unsigned f)
{
	flags_set(cpu, f);
}

#define COMI(name, width, fn, signaling)                                       \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		uint##width##_t b = sse_src##width(cpu, in);                   \
		struct fpenv e;                                                \
		unsigned f;                                                    \
		fp_begin(cpu, &e);                                             \
		f = fn(&e, cpu->xmm[in->reg].u##width[0], b, signaling);       \
		fp_commit(cpu, &e);                                            \
		comi_flags(cpu, f);                                            \
		insn_next(cpu, in);                                            \
	}

COMI(sse_comiss, 32, fp32_comi, 1)  /* 0F 2F */
COMI(sse_ucomiss, 32, fp32_comi, 0) /* 0F 2E */
COMI(sse_comisd, 64, fp64_comi, 1)  /* 66 0F 2F */
COMI(sse_ucomisd, 64, fp64_comi, 0) /* 66 0F 2E */

/* F2 0F D0: ADDSUBPS (subtract in even lanes, add in odd lanes). */
void sse_addsubps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r = cpu->xmm[in->reg];
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp32_binop(&e, i & 1 ? FP_ADD : FP_SUB, r.u32[i],
				      s.u32[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 66 0F D0: ADDSUBPD */
void sse_addsubpd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r = cpu->xmm[in->reg];
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	r.u64[0] = fp64_binop(&e, FP_SUB, r.u64[0], s.u64[0]);
	r.u64[1] = fp64_binop(&e, FP_ADD, r.u64[1], s.u64[1]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* F2 0F 7C/7D: HADDPS/HSUBPS: pairs within dst, then within src. */
static void hps(struct cpu *cpu, const struct insn *in, enum fp_binop op)
{
	union xmm_reg s, d = cpu->xmm[in->reg], r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	r.u32[0] = fp32_binop(&e, op, d.u32[0], d.u32[1]);
	r.u32[1] = fp32_binop(&e, op, d.u32[2], d.u32[3]);
	r.u32[2] = fp32_binop(&e, op, s.u32[0], s.u32[1]);
	r.u32[3] = fp32_binop(&e, op, s.u32[2], s.u32[3]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 66 0F 7C/7D: HADDPD/HSUBPD */
static void hpd(struct cpu *cpu, const struct insn *in, enum fp_binop op)
{
	union xmm_reg s, d = cpu->xmm[in->reg], r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	r.u64[0] = fp64_binop(&e, op, d.u64[0], d.u64[1]);
	r.u64[1] = fp64_binop(&e, op, s.u64[0], s.u64[1]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

void sse_haddps(struct cpu *cpu, const struct insn *in)
{
	hps(cpu, in, FP_ADD);
}

void sse_hsubps(struct cpu *cpu, const struct insn *in)
{
	hps(cpu, in, FP_SUB);
}

void sse_haddpd(struct cpu *cpu, const struct insn *in)
{
	hpd(cpu, in, FP_ADD);
}

void sse_hsubpd(struct cpu *cpu, const struct insn *in)
{
	hpd(cpu, in, FP_SUB);
}
