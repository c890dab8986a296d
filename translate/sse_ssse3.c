/*
 * SSSE3 on xmm registers (66 0F 38 xx, 66 0F 3A 0F): PSHUFB, PHADD*,
 * PHSUB*, PMADDUBSW, PMULHRSW, PSIGN*, PABS*, PALIGNR.  The MMX forms
 * are in mmx_ssse3.c.  Handlers reached through sse_table.c.
 */
#include "sse_priv.h"

static inline int16_t sat_s16(int v)
{
	return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

/* 66 0F 38 00: PSHUFB */
void sse_pshufb(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 16; i++)
		r.u8[i] = s.u8[i] & 0x80 ? 0 : d->u8[s.u8[i] & 15];
	*d = r;
	insn_next(cpu, in);
}

/* Horizontal pairs: words (sat 0/1, sub 0/1) or dwords. */
static void hword(struct cpu *cpu, const struct insn *in, int sub, int sat)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++) {
		const union xmm_reg *v = i < 4 ? d : &s;
		int j = (i & 3) * 2;
		int x = sub ? v->i16[j] - v->i16[j + 1]
			    : v->i16[j] + v->i16[j + 1];
		r.i16[i] = sat ? sat_s16(x) : (int16_t)x;
	}
	*d = r;
	insn_next(cpu, in);
}

static void hdword(struct cpu *cpu, const struct insn *in, int sub)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 4; i++) {
		const union xmm_reg *v = i < 2 ? d : &s;
		int j = (i & 1) * 2;
		r.u32[i] = sub ? v->u32[j] - v->u32[j + 1]
			       : v->u32[j] + v->u32[j + 1];
	}
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 38 01-03, 05-07 */
void sse_phaddw(struct cpu *cpu, const struct insn *in)
{
	hword(cpu, in, 0, 0);
}

void sse_phaddsw(struct cpu *cpu, const struct insn *in)
{
	hword(cpu, in, 0, 1);
}

void sse_phsubw(struct cpu *cpu, const struct insn *in)
{
	hword(cpu, in, 1, 0);
}

void sse_phsubsw(struct cpu *cpu, const struct insn *in)
{
	hword(cpu, in, 1, 1);
}

void sse_phaddd(struct cpu *cpu, const struct insn *in)
{
	hdword(cpu, in, 0);
}

void sse_phsubd(struct cpu *cpu, const struct insn *in)
{
	hdword(cpu, in, 1);
}

/* 66 0F 38 04: PMADDUBSW (unsigned bytes of dst times signed of src) */
void sse_pmaddubsw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++)
		r.i16[i] = sat_s16(d->u8[2 * i] * s.i8[2 * i] +
				   d->u8[2 * i + 1] * s.i8[2 * i + 1]);
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F 38 0B: PMULHRSW */
void sse_pmulhrsw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 8; i++)
		d->i16[i] =
			(int16_t)((((int32_t)d->i16[i] * s.i16[i] >> 14) + 1) >>
				  1);
	insn_next(cpu, in);
}

#define PSIGN(name, field, n)                                                  \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		union xmm_reg s, *d = &cpu->xmm[in->reg];                      \
		sse_src(cpu, in, &s, 1);                                       \
		for (int i = 0; i < (n); i++)                                  \
			d->field[i] = s.field[i] < 0	? -d->field[i]         \
				      : s.field[i] == 0 ? 0                    \
							: d->field[i];         \
		insn_next(cpu, in);                                            \
	}

#define PABS(name, sfield, ufield, n)                                          \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		union xmm_reg s, *d = &cpu->xmm[in->reg];                      \
		sse_src(cpu, in, &s, 1);                                       \
		for (int i = 0; i < (n); i++)                                  \
			d->ufield[i] =                                         \
				s.sfield[i] < 0                                \
					? 0 - (__typeof__(d->ufield[0]))       \
							  s.sfield[i]          \
					: (__typeof__(d->ufield[0]))           \
						  s.sfield[i];                 \
		insn_next(cpu, in);                                            \
	}

PSIGN(sse_psignb, i8, 16)    /* 66 0F 38 08 */
PSIGN(sse_psignw, i16, 8)    /* 66 0F 38 09 */
PSIGN(sse_psignd, i32, 4)    /* 66 0F 38 0A */
PABS(sse_pabsb, i8, u8, 16)  /* 66 0F 38 1C */
PABS(sse_pabsw, i16, u16, 8) /* 66 0F 38 1D */
PABS(sse_pabsd, i32, u32, 4) /* 66 0F 38 1E */

/* 66 0F 3A 0F ib: PALIGNR: (dst:src) >> imm8 bytes, low 16 bytes kept. */
void sse_palignr(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;
	uint8_t t[32];
	unsigned n = (uint8_t)in->imm;

	sse_src(cpu, in, &s, 1);
	memcpy(t, s.u8, 16);
	memcpy(t + 16, d->u8, 16);
	for (unsigned i = 0; i < 16; i++)
		r.u8[i] = i + n < 32 ? t[i + n] : 0;
	*d = r;
	insn_next(cpu, in);
}
