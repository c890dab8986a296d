/*
 * SSE/SSE2 shuffles, unpacks and packs: PUNPCK*, UNPCK*PS/PD, PACKSS*,
 * PACKUS*, PSHUFD/PSHUFHW/PSHUFLW, SHUFPS/SHUFPD, PINSRW/PEXTRW.
 * Handlers reached through sse_table.c.
 */
#include "sse_priv.h"

/* Interleaves the low (hi == 0) or high halves of d and s in
 * elements of size bytes. */
static void interleave(struct cpu *cpu, const struct insn *in, int size, int hi)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	int n = 8 / size, base = hi ? 8 : 0;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < n; i++) {
		memcpy(&r.u8[2 * i * size], &d->u8[base + i * size], size);
		memcpy(&r.u8[(2 * i + 1) * size], &s.u8[base + i * size], size);
	}
	*d = r;
	insn_next(cpu, in);
}

#define INTERLEAVE(name, size, hi)                                             \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		interleave(cpu, in, size, hi);                                 \
	}

INTERLEAVE(sse_punpcklbw, 1, 0)	 /* 66 0F 60 */
INTERLEAVE(sse_punpcklwd, 2, 0)	 /* 66 0F 61 */
INTERLEAVE(sse_punpckldq, 4, 0)	 /* 66 0F 62 */
INTERLEAVE(sse_punpcklqdq, 8, 0) /* 66 0F 6C */
INTERLEAVE(sse_punpckhbw, 1, 1)	 /* 66 0F 68 */
INTERLEAVE(sse_punpckhwd, 2, 1)	 /* 66 0F 69 */
INTERLEAVE(sse_punpckhdq, 4, 1)	 /* 66 0F 6A */
INTERLEAVE(sse_punpckhqdq, 8, 1) /* 66 0F 6D */
INTERLEAVE(sse_unpcklps, 4, 0)	 /* 0F 14 */
INTERLEAVE(sse_unpckhps, 4, 1)	 /* 0F 15 */
INTERLEAVE(sse_unpcklpd, 8, 0)	 /* 66 0F 14 */
INTERLEAVE(sse_unpckhpd, 8, 1)	 /* 66 0F 15 */

static inline int8_t sat_s8(int v)
{
	return v > 127 ? 127 : v < -128 ? -128 : v;
}

static inline uint8_t sat_u8(int v)
{
	return v > 255 ? 255 : v < 0 ? 0 : v;
}

/* 66 0F 63: PACKSSWB */
void sse_packsswb(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++) {
		r.i8[i] = sat_s8(d->i16[i]);
		r.i8[8 + i] = sat_s8(s.i16[i]);
	}
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 67: PACKUSWB */
void sse_packuswb(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++) {
		r.u8[i] = sat_u8(d->i16[i]);
		r.u8[8 + i] = sat_u8(s.i16[i]);
	}
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 6B: PACKSSDW */
void sse_packssdw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 4; i++) {
		int32_t a = d->i32[i], b = s.i32[i];
		r.i16[i] = a > 32767 ? 32767 : a < -32768 ? -32768 : a;
		r.i16[4 + i] = b > 32767 ? 32767 : b < -32768 ? -32768 : b;
	}
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 70 ib: PSHUFD */
void sse_pshufd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	unsigned imm = (uint8_t)in->imm;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 4; i++)
		r.u32[i] = s.u32[(imm >> (2 * i)) & 3];
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* F3 0F 70 ib: PSHUFHW */
void sse_pshufhw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	unsigned imm = (uint8_t)in->imm;

	sse_src(cpu, in, &s, 1);
	r.u64[0] = s.u64[0];
	for (int i = 0; i < 4; i++)
		r.u16[4 + i] = s.u16[4 + ((imm >> (2 * i)) & 3)];
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* F2 0F 70 ib: PSHUFLW */
void sse_pshuflw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;
	unsigned imm = (uint8_t)in->imm;

	sse_src(cpu, in, &s, 1);
	r.u64[1] = s.u64[1];
	for (int i = 0; i < 4; i++)
		r.u16[i] = s.u16[(imm >> (2 * i)) & 3];
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* 0F C6 ib: SHUFPS */
void sse_shufps(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	unsigned imm = (uint8_t)in->imm;

	sse_src(cpu, in, &s, 1);
	r.u32[0] = d->u32[imm & 3];
	r.u32[1] = d->u32[(imm >> 2) & 3];
	r.u32[2] = s.u32[(imm >> 4) & 3];
	r.u32[3] = s.u32[(imm >> 6) & 3];
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F C6 ib: SHUFPD */
void sse_shufpd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	unsigned imm = (uint8_t)in->imm;

	sse_src(cpu, in, &s, 1);
	r.u64[0] = d->u64[imm & 1];
	r.u64[1] = s.u64[(imm >> 1) & 1];
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F C4 ib: PINSRW xmm, r32/m16, imm8 */
void sse_pinsrw(struct cpu *cpu, const struct insn *in)
{
	uint16_t v;

	if (in->mod == 3)
		v = (uint16_t)cpu->regs[in->rm];
	else
		v = mem_ld16(cpu, insn_ea(cpu, in));
	cpu->xmm[in->reg].u16[in->imm & 7] = v;
	insn_next(cpu, in);
}

/* 66 0F C5 ib: PEXTRW r32, xmm, imm8 */
void sse_pextrw(struct cpu *cpu, const struct insn *in)
{
	if (in->mod != 3)
		insn_ud(cpu, in);
	cpu->regs[in->reg] = cpu->xmm[in->rm].u16[in->imm & 7];
	insn_next(cpu, in);
}
