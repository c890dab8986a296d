/*
 * SSE/SSE2 conversion instructions: CVTSI2SS/SD, CVT(T)SS2SI/SD2SI,
 * CVTSS2SD/CVTSD2SS and the packed CVT*PS/PD/DQ forms.  The scalar
 * conversion rules are in sse_fp_cvt.c.  Handlers reached through
 * sse_table.c.
 */
#include "sse_priv.h"

/* Integer source of CVTSI2S*: r/m32 sign-extended, or r/m64. */
static int64_t int_src(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = sse_gpr_src(cpu, in);

	return REX_W(in) ? (int64_t)v : (int64_t)(int32_t)v;
}

/* F3 0F 2A: CVTSI2SS xmm, r/m32/64 */
void sse_cvtsi2ss(struct cpu *cpu, const struct insn *in)
{
	int64_t v = int_src(cpu, in);
	struct fpenv e;
	uint32_t r;

	fp_begin(cpu, &e);
	r = fp_i64_to_fp32(&e, v);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u32[0] = r;
	insn_next(cpu, in);
}

/* F2 0F 2A: CVTSI2SD xmm, r/m32/64 */
void sse_cvtsi2sd(struct cpu *cpu, const struct insn *in)
{
	int64_t v = int_src(cpu, in);
	struct fpenv e;
	uint64_t r;

	fp_begin(cpu, &e);
	r = fp_i64_to_fp64(&e, v);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u64[0] = r;
	insn_next(cpu, in);
}

static void ss2si(struct cpu *cpu, const struct insn *in, int trunc)
{
	uint32_t a = sse_src32(cpu, in);
	struct fpenv e;
	int64_t r;

	fp_begin(cpu, &e);
	r = fp32_to_int(&e, a, REX_W(in), trunc);
	fp_commit(cpu, &e);
	sse_gpr_set(cpu, in->reg, (uint64_t)r, REX_W(in));
	insn_next(cpu, in);
}

static void sd2si(struct cpu *cpu, const struct insn *in, int trunc)
{
	uint64_t a = sse_src64(cpu, in);
	struct fpenv e;
	int64_t r;

	fp_begin(cpu, &e);
	r = fp64_to_int(&e, a, REX_W(in), trunc);
	fp_commit(cpu, &e);
	sse_gpr_set(cpu, in->reg, (uint64_t)r, REX_W(in));
	insn_next(cpu, in);
}

/* F3 0F 2C / F3 0F 2D: CVTTSS2SI / CVTSS2SI r32/64, xmm/m32 */
void sse_cvttss2si(struct cpu *cpu, const struct insn *in)
{
	ss2si(cpu, in, 1);
}

void sse_cvtss2si(struct cpu *cpu, const struct insn *in)
{
	ss2si(cpu, in, 0);
}

/* F2 0F 2C / F2 0F 2D: CVTTSD2SI / CVTSD2SI r32/64, xmm/m64 */
void sse_cvttsd2si(struct cpu *cpu, const struct insn *in)
{
	sd2si(cpu, in, 1);
}

void sse_cvtsd2si(struct cpu *cpu, const struct insn *in)
{
	sd2si(cpu, in, 0);
}

/* F3 0F 5A: CVTSS2SD xmm, xmm/m32 */
void sse_cvtss2sd(struct cpu *cpu, const struct insn *in)
{
	uint32_t a = sse_src32(cpu, in);
	struct fpenv e;
	uint64_t r;

	fp_begin(cpu, &e);
	r = fp32_to_fp64(&e, a);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u64[0] = r;
	insn_next(cpu, in);
}

/* F2 0F 5A: CVTSD2SS xmm, xmm/m64 */
void sse_cvtsd2ss(struct cpu *cpu, const struct insn *in)
{
	uint64_t a = sse_src64(cpu, in);
	struct fpenv e;
	uint32_t r;

	fp_begin(cpu, &e);
	r = fp64_to_fp32(&e, a);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg].u32[0] = r;
	insn_next(cpu, in);
}

/* 0F 5A: CVTPS2PD xmm, xmm/m64 */
void sse_cvtps2pd(struct cpu *cpu, const struct insn *in)
{
	uint64_t s = sse_src64(cpu, in);
	union xmm_reg r;
	struct fpenv e;

	fp_begin(cpu, &e);
	r.u64[0] = fp32_to_fp64(&e, (uint32_t)s);
	r.u64[1] = fp32_to_fp64(&e, (uint32_t)(s >> 32));
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 66 0F 5A: CVTPD2PS xmm, xmm/m128 (upper half zeroed) */
void sse_cvtpd2ps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r = {{0}};
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	r.u32[0] = fp64_to_fp32(&e, s.u64[0]);
	r.u32[1] = fp64_to_fp32(&e, s.u64[1]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 0F 5B: CVTDQ2PS xmm, xmm/m128 */
void sse_cvtdq2ps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.u32[i] = fp_i64_to_fp32(&e, s.i32[i]);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

static void ps2dq(struct cpu *cpu, const struct insn *in, int trunc)
{
	union xmm_reg s, r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	for (int i = 0; i < 4; i++)
		r.i32[i] = (int32_t)fp32_to_int(&e, s.u32[i], 0, trunc);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 66 0F 5B: CVTPS2DQ; F3 0F 5B: CVTTPS2DQ */
void sse_cvtps2dq(struct cpu *cpu, const struct insn *in)
{
	ps2dq(cpu, in, 0);
}

void sse_cvttps2dq(struct cpu *cpu, const struct insn *in)
{
	ps2dq(cpu, in, 1);
}

/* F3 0F E6: CVTDQ2PD xmm, xmm/m64 (exact) */
void sse_cvtdq2pd(struct cpu *cpu, const struct insn *in)
{
	uint64_t s = sse_src64(cpu, in);
	union xmm_reg r;
	struct fpenv e;

	fp_begin(cpu, &e);
	r.u64[0] = fp_i64_to_fp64(&e, (int32_t)(uint32_t)s);
	r.u64[1] = fp_i64_to_fp64(&e, (int32_t)(uint32_t)(s >> 32));
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

static void pd2dq(struct cpu *cpu, const struct insn *in, int trunc)
{
	union xmm_reg s, r = {{0}};
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	fp_begin(cpu, &e);
	r.i32[0] = (int32_t)fp64_to_int(&e, s.u64[0], 0, trunc);
	r.i32[1] = (int32_t)fp64_to_int(&e, s.u64[1], 0, trunc);
	fp_commit(cpu, &e);
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* F2 0F E6: CVTPD2DQ; 66 0F E6: CVTTPD2DQ (upper half zeroed) */
void sse_cvtpd2dq(struct cpu *cpu, const struct insn *in)
{
	pd2dq(cpu, in, 0);
}

void sse_cvttpd2dq(struct cpu *cpu, const struct insn *in)
{
	pd2dq(cpu, in, 1);
}
