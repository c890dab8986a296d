/*
 * SSE4.1 integer instructions on xmm registers (66 0F 38 xx, 66 0F 3A
 * xx): PMOVSX/PMOVZX, PMULLD, PMULDQ, PMIN/PMAX SB/SD/UW/UD, PTEST,
 * PCMPEQQ, PACKUSDW, PBLENDVB, PBLENDW, PINSRB/D/Q, PEXTRB/W/D/Q,
 * MPSADBW, PHMINPOSUW, MOVNTDQA, and SSE4.2's PCMPGTQ.  Handlers
 * reached through sse_table.c.
 */
#include "sse_priv.h"

/* dst.field[i] = expr(a, b), b from xmm/m128 (16-byte aligned). */
#define LANEWISE(name, field, n, expr)                                         \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		union xmm_reg s, *d = &cpu->xmm[in->reg];                      \
		sse_src(cpu, in, &s, 1);                                       \
		for (int i = 0; i < (n); i++) {                                \
			__typeof__(d->field[0]) a = d->field[i];               \
			__typeof__(d->field[0]) b = s.field[i];                \
			d->field[i] = (expr);                                  \
		}                                                              \
		insn_next(cpu, in);                                            \
	}

LANEWISE(sse_pminsb, i8, 16, a < b ? a : b)		 /* 66 0F 38 38 */
LANEWISE(sse_pminsd, i32, 4, a < b ? a : b)		 /* 66 0F 38 39 */
LANEWISE(sse_pminuw, u16, 8, a < b ? a : b)		 /* 66 0F 38 3A */
LANEWISE(sse_pminud, u32, 4, a < b ? a : b)		 /* 66 0F 38 3B */
LANEWISE(sse_pmaxsb, i8, 16, a > b ? a : b)		 /* 66 0F 38 3C */
LANEWISE(sse_pmaxsd, i32, 4, a > b ? a : b)		 /* 66 0F 38 3D */
LANEWISE(sse_pmaxuw, u16, 8, a > b ? a : b)		 /* 66 0F 38 3E */
LANEWISE(sse_pmaxud, u32, 4, a > b ? a : b)		 /* 66 0F 38 3F */
LANEWISE(sse_pmulld, u32, 4, (uint32_t)((uint64_t)a *b)) /* 38 40 */
LANEWISE(sse_pcmpeqq, u64, 2, a == b ? ~0ull : 0)	 /* 66 0F 38 29 */
LANEWISE(sse_pcmpgtq, i64, 2, a > b ? -1 : 0)		 /* 66 0F 38 37 */

/* 66 0F 38 28: PMULDQ: the even signed dwords into signed quadwords. */
void sse_pmuldq(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	d->i64[0] = (int64_t)d->i32[0] * s.i32[0];
	d->i64[1] = (int64_t)d->i32[2] * s.i32[2];
	insn_next(cpu, in);
}

/* 66 0F 38 2B: PACKUSDW: signed dwords to unsigned-saturated words. */
void sse_packusdw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++) {
		int32_t v = i < 4 ? d->i32[i] : s.i32[i - 4];
		r.u16[i] = v < 0 ? 0 : v > 65535 ? 65535 : (uint16_t)v;
	}
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 38 17: PTEST: ZF = (dst & src) == 0, CF = (~dst & src) == 0,
 * AF/OF/PF/SF cleared. */
void sse_ptest(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];
	unsigned f = 0;

	sse_src(cpu, in, &s, 1);
	if (!((d->u64[0] & s.u64[0]) | (d->u64[1] & s.u64[1])))
		f |= RFLAGS_ZF;
	if (!((~d->u64[0] & s.u64[0]) | (~d->u64[1] & s.u64[1])))
		f |= RFLAGS_CF;
	flags_set(cpu, f);
	insn_next(cpu, in);
}

/* 66 0F 38 10: PBLENDVB xmm, xmm/m128, <XMM0>: bytes from the source
 * where the XMM0 byte has bit 7 set. */
void sse_pblendvb(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], m = cpu->xmm[0];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 16; i++)
		if (m.u8[i] & 0x80)
			d->u8[i] = s.u8[i];
	insn_next(cpu, in);
}

/* 66 0F 3A 0E ib: PBLENDW: words from the source where imm8 bit i is 1. */
void sse_pblendw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++)
		if (in->imm >> i & 1)
			d->u16[i] = s.u16[i];
	insn_next(cpu, in);
}

/* ---- PMOVSX / PMOVZX: the low 'n * from' bytes of xmm/mem widened ---- */

static void pmov(struct cpu *cpu, const struct insn *in, int from, int to,
		 int sign)
{
	int n = 16 / to;
	union xmm_reg s = {{0}}, r;

	if (in->mod == 3)
		s = cpu->xmm[in->rm];
	else
		mem_ldn(cpu, insn_ea(cpu, in), &s, (size_t)(n * from));
	for (int i = 0; i < n; i++) {
		uint64_t v = 0;
		memcpy(&v, &s.u8[i * from], (size_t)from);
		if (sign && from < 8) {
			int sh = 64 - 8 * from;
			v = (uint64_t)((int64_t)(v << sh) >> sh);
		}
		memcpy(&r.u8[i * to], &v, (size_t)to);
	}
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

#define PMOV(name, from, to, sign)                                             \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		pmov(cpu, in, from, to, sign);                                 \
	}
PMOV(sse_pmovsxbw, 1, 2, 1) /* 66 0F 38 20 */
PMOV(sse_pmovsxbd, 1, 4, 1) /* 66 0F 38 21 */
PMOV(sse_pmovsxbq, 1, 8, 1) /* 66 0F 38 22 */
PMOV(sse_pmovsxwd, 2, 4, 1) /* 66 0F 38 23 */
PMOV(sse_pmovsxwq, 2, 8, 1) /* 66 0F 38 24 */
PMOV(sse_pmovsxdq, 4, 8, 1) /* 66 0F 38 25 */
PMOV(sse_pmovzxbw, 1, 2, 0) /* 66 0F 38 30 */
PMOV(sse_pmovzxbd, 1, 4, 0) /* 66 0F 38 31 */
PMOV(sse_pmovzxbq, 1, 8, 0) /* 66 0F 38 32 */
PMOV(sse_pmovzxwd, 2, 4, 0) /* 66 0F 38 33 */
PMOV(sse_pmovzxwq, 2, 8, 0) /* 66 0F 38 34 */
PMOV(sse_pmovzxdq, 4, 8, 0) /* 66 0F 38 35 */

/* 66 0F 38 2A: MOVNTDQA xmm, m128 (aligned) */
void sse_movntdqa(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg v;

	if (in->mod == 3)
		insn_ud(cpu, in);
	sse_src(cpu, in, &v, 1);
	cpu->xmm[in->reg] = v;
	insn_next(cpu, in);
}

/* 66 0F 38 41: PHMINPOSUW: the smallest unsigned word and its index. */
void sse_phminposuw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r = {{0}};
	int k = 0;

	sse_src(cpu, in, &s, 1);
	for (int i = 1; i < 8; i++)
		if (s.u16[i] < s.u16[k])
			k = i;
	r.u16[0] = s.u16[k];
	r.u16[1] = (uint16_t)k;
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 66 0F 3A 42 ib: MPSADBW: eight sums of absolute differences of a
 * 4-byte source block (imm8[1:0]) against sliding destination windows
 * starting at byte 4 * imm8[2]. */
void sse_mpsadbw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	int so = (in->imm & 3) * 4, doff = (in->imm & 4) ? 4 : 0;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++) {
		unsigned sum = 0;
		for (int j = 0; j < 4; j++) {
			int a = d->u8[doff + i + j], b = s.u8[so + j];
			sum += (unsigned)(a > b ? a - b : b - a);
		}
		r.u16[i] = (uint16_t)sum;
	}
	*d = r;
	insn_next(cpu, in);
}

/* ---- element insert / extract ---- */

/* Stores the extracted element: a GPR (zero-extended; 64 bits only for
 * PEXTRQ) or memory of the element's size. */
static void extract_to(struct cpu *cpu, const struct insn *in, uint64_t v,
		       int size)
{
	if (in->mod == 3) {
		cpu->regs[in->rm] = v;
	} else {
		gaddr a = insn_ea(cpu, in);
		mem_stn(cpu, a, &v, (size_t)size);
	}
	insn_next(cpu, in);
}

/* 66 0F 3A 14 ib: PEXTRB r32/m8, xmm, imm8 */
void sse_pextrb(struct cpu *cpu, const struct insn *in)
{
	extract_to(cpu, in, cpu->xmm[in->reg].u8[in->imm & 15], 1);
}

/* 66 0F 3A 15 ib: PEXTRW r32/m16, xmm, imm8 */
void sse_pextrw_m(struct cpu *cpu, const struct insn *in)
{
	extract_to(cpu, in, cpu->xmm[in->reg].u16[in->imm & 7], 2);
}

/* 66 0F 3A 16 ib: PEXTRD r/m32 / PEXTRQ r/m64 (REX.W), xmm, imm8 */
void sse_pextrd(struct cpu *cpu, const struct insn *in)
{
	if (REX_W(in))
		extract_to(cpu, in, cpu->xmm[in->reg].u64[in->imm & 1], 8);
	else
		extract_to(cpu, in, cpu->xmm[in->reg].u32[in->imm & 3], 4);
}

/* 66 0F 3A 20 ib: PINSRB xmm, r32/m8, imm8 */
void sse_pinsrb(struct cpu *cpu, const struct insn *in)
{
	uint8_t v = in->mod == 3 ? (uint8_t)cpu->regs[in->rm]
				 : mem_ld8(cpu, insn_ea(cpu, in));

	cpu->xmm[in->reg].u8[in->imm & 15] = v;
	insn_next(cpu, in);
}

/* 66 0F 3A 22 ib: PINSRD xmm, r/m32 / PINSRQ xmm, r/m64 (REX.W), imm8 */
void sse_pinsrd(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = sse_gpr_src(cpu, in);

	if (REX_W(in))
		cpu->xmm[in->reg].u64[in->imm & 1] = v;
	else
		cpu->xmm[in->reg].u32[in->imm & 3] = (uint32_t)v;
	insn_next(cpu, in);
}
