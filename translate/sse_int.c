/*
 * SSE2 integer SIMD on xmm registers: add/sub (wrapping and saturating),
 * compares, logic, min/max, averages, multiplies, PSADBW and the shifts
 * (by xmm/m128 count and the 0F 71/72/73 imm8 groups).  Handlers reached
 * through sse_table.c.
 */
#include "sse_priv.h"

static inline int8_t sat_s8(int v)
{
	return v > 127 ? 127 : v < -128 ? -128 : v;
}

static inline uint8_t sat_u8(int v)
{
	return v > 255 ? 255 : v < 0 ? 0 : v;
}

static inline int16_t sat_s16(int v)
{
	return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

static inline uint16_t sat_u16(int v)
{
	return v > 65535 ? 65535 : v < 0 ? 0 : v;
}

/*
 * A lane-wise op: dst.field[i] = expr(a, b) with a from the destination
 * and b from xmm/m128 (16-byte aligned when in memory).
 */
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

LANEWISE(sse_paddb, u8, 16, a + b)			 /* 66 0F FC */
LANEWISE(sse_paddw, u16, 8, a + b)			 /* 66 0F FD */
LANEWISE(sse_paddd, u32, 4, a + b)			 /* 66 0F FE */
LANEWISE(sse_paddq, u64, 2, a + b)			 /* 66 0F D4 */
LANEWISE(sse_psubb, u8, 16, a - b)			 /* 66 0F F8 */
LANEWISE(sse_psubw, u16, 8, a - b)			 /* 66 0F F9 */
LANEWISE(sse_psubd, u32, 4, a - b)			 /* 66 0F FA */
LANEWISE(sse_psubq, u64, 2, a - b)			 /* 66 0F FB */
LANEWISE(sse_paddsb, i8, 16, sat_s8(a + b))		 /* 66 0F EC */
LANEWISE(sse_paddsw, i16, 8, sat_s16(a + b))		 /* 66 0F ED */
LANEWISE(sse_paddusb, u8, 16, sat_u8(a + b))		 /* 66 0F DC */
LANEWISE(sse_paddusw, u16, 8, sat_u16(a + b))		 /* 66 0F DD */
LANEWISE(sse_psubsb, i8, 16, sat_s8(a - b))		 /* 66 0F E8 */
LANEWISE(sse_psubsw, i16, 8, sat_s16(a - b))		 /* 66 0F E9 */
LANEWISE(sse_psubusb, u8, 16, sat_u8(a - b))		 /* 66 0F D8 */
LANEWISE(sse_psubusw, u16, 8, sat_u16(a - b))		 /* 66 0F D9 */
LANEWISE(sse_pcmpeqb, u8, 16, a == b ? 0xff : 0)	 /* 66 0F 74 */
LANEWISE(sse_pcmpeqw, u16, 8, a == b ? 0xffff : 0)	 /* 66 0F 75 */
LANEWISE(sse_pcmpeqd, u32, 4, a == b ? ~0u : 0)		 /* 66 0F 76 */
LANEWISE(sse_pcmpgtb, i8, 16, a > b ? -1 : 0)		 /* 66 0F 64 */
LANEWISE(sse_pcmpgtw, i16, 8, a > b ? -1 : 0)		 /* 66 0F 65 */
LANEWISE(sse_pcmpgtd, i32, 4, a > b ? -1 : 0)		 /* 66 0F 66 */
LANEWISE(sse_pand, u64, 2, a &b)			 /* 66 0F DB, 0F 54 */
LANEWISE(sse_pandn, u64, 2, ~a &b)			 /* 66 0F DF, 0F 55 */
LANEWISE(sse_por, u64, 2, a | b)			 /* 66 0F EB, 0F 56 */
LANEWISE(sse_pxor, u64, 2, a ^ b)			 /* 66 0F EF, 0F 57 */
LANEWISE(sse_pminub, u8, 16, a < b ? a : b)		 /* 66 0F DA */
LANEWISE(sse_pmaxub, u8, 16, a > b ? a : b)		 /* 66 0F DE */
LANEWISE(sse_pminsw, i16, 8, a < b ? a : b)		 /* 66 0F EA */
LANEWISE(sse_pmaxsw, i16, 8, a > b ? a : b)		 /* 66 0F EE */
LANEWISE(sse_pavgb, u8, 16, (a + b + 1) >> 1)		 /* 66 0F E0 */
LANEWISE(sse_pavgw, u16, 8, (a + b + 1) >> 1)		 /* 66 0F E3 */
LANEWISE(sse_pmullw, u16, 8, (uint16_t)((uint32_t)a *b)) /* 66 0F D5 */
LANEWISE(sse_pmulhw, i16, 8, (int16_t)((a * b) >> 16))	 /* 66 0F E5 */
LANEWISE(sse_pmulhuw, u16, 8, (uint16_t)(((uint32_t)a * b) >> 16)) /* E4 */

/* 66 0F F4: PMULUDQ: the even dwords multiplied into quadwords. */
void sse_pmuludq(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	d->u64[0] = (uint64_t)d->u32[0] * s.u32[0];
	d->u64[1] = (uint64_t)d->u32[2] * s.u32[2];
	insn_next(cpu, in);
}

/* 66 0F F5: PMADDWD: pairs of signed word products summed into dwords. */
void sse_pmaddwd(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg], r;

	sse_src(cpu, in, &s, 1);
	for (int i = 0; i < 4; i++) {
		int64_t v = (int32_t)d->i16[2 * i] * s.i16[2 * i] +
			    (int64_t)((int32_t)d->i16[2 * i + 1] *
				      s.i16[2 * i + 1]);
		r.u32[i] = (uint32_t)v;
	}
	*d = r;
	insn_next(cpu, in);
}

/* 66 0F F6: PSADBW: sums of absolute byte differences per quadword. */
void sse_psadbw(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, *d = &cpu->xmm[in->reg];

	sse_src(cpu, in, &s, 1);
	for (int h = 0; h < 2; h++) {
		unsigned sum = 0;
		for (int i = 0; i < 8; i++) {
			int a = d->u8[8 * h + i], b = s.u8[8 * h + i];
			sum += a > b ? a - b : b - a;
		}
		d->u64[h] = sum;
	}
	insn_next(cpu, in);
}

/* ---- shifts ---- */

enum shift_kind { SH_RL, SH_RA, SH_LL };

static void shift_w(union xmm_reg *d, enum shift_kind k, uint64_t n)
{
	for (int i = 0; i < 8; i++) {
		if (k == SH_RA)
			d->i16[i] = (int16_t)(d->i16[i] >> (n > 15 ? 15 : n));
		else if (n > 15)
			d->u16[i] = 0;
		else
			d->u16[i] =
				k == SH_LL ? d->u16[i] << n : d->u16[i] >> n;
	}
}

static void shift_d(union xmm_reg *d, enum shift_kind k, uint64_t n)
{
	for (int i = 0; i < 4; i++) {
		if (k == SH_RA)
			d->i32[i] = d->i32[i] >> (n > 31 ? 31 : n);
		else if (n > 31)
			d->u32[i] = 0;
		else
			d->u32[i] =
				k == SH_LL ? d->u32[i] << n : d->u32[i] >> n;
	}
}

static void shift_q(union xmm_reg *d, enum shift_kind k, uint64_t n)
{
	for (int i = 0; i < 2; i++) {
		if (n > 63)
			d->u64[i] = 0;
		else
			d->u64[i] =
				k == SH_LL ? d->u64[i] << n : d->u64[i] >> n;
	}
}

/* PSRLDQ/PSLLDQ: whole-register byte shifts. */
static void shift_dq(union xmm_reg *d, int left, unsigned n)
{
	union xmm_reg r = {{0}};

	if (n > 16)
		n = 16;
	for (int i = 0; i < 16; i++) {
		int j = left ? i - (int)n : i + (int)n;
		if (j >= 0 && j < 16)
			r.u8[i] = d->u8[j];
	}
	*d = r;
}

/* Shift of the destination by the count in the low quadword of xmm/m128. */
#define SHIFT_BY_XMM(name, fn, kind)                                           \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		union xmm_reg s;                                               \
		sse_src(cpu, in, &s, 1);                                       \
		fn(&cpu->xmm[in->reg], kind, s.u64[0]);                        \
		insn_next(cpu, in);                                            \
	}

SHIFT_BY_XMM(sse_psrlw, shift_w, SH_RL) /* 66 0F D1 */
SHIFT_BY_XMM(sse_psrld, shift_d, SH_RL) /* 66 0F D2 */
SHIFT_BY_XMM(sse_psrlq, shift_q, SH_RL) /* 66 0F D3 */
SHIFT_BY_XMM(sse_psraw, shift_w, SH_RA) /* 66 0F E1 */
SHIFT_BY_XMM(sse_psrad, shift_d, SH_RA) /* 66 0F E2 */
SHIFT_BY_XMM(sse_psllw, shift_w, SH_LL) /* 66 0F F1 */
SHIFT_BY_XMM(sse_pslld, shift_d, SH_LL) /* 66 0F F2 */
SHIFT_BY_XMM(sse_psllq, shift_q, SH_LL) /* 66 0F F3 */

/* 66 0F 71 /2 /4 /6 ib: PSRLW/PSRAW/PSLLW xmm, imm8 */
void sse_grp71(struct cpu *cpu, const struct insn *in)
{
	int r = in->reg & 7;

	if (in->mod != 3 || (r != 2 && r != 4 && r != 6))
		insn_ud(cpu, in);
	shift_w(&cpu->xmm[in->rm],
		r == 2	 ? SH_RL
		: r == 4 ? SH_RA
			 : SH_LL,
		(uint8_t)in->imm);
	insn_next(cpu, in);
}

/* 66 0F 72 /2 /4 /6 ib: PSRLD/PSRAD/PSLLD xmm, imm8 */
void sse_grp72(struct cpu *cpu, const struct insn *in)
{
	int r = in->reg & 7;

	if (in->mod != 3 || (r != 2 && r != 4 && r != 6))
		insn_ud(cpu, in);
	shift_d(&cpu->xmm[in->rm],
		r == 2	 ? SH_RL
		: r == 4 ? SH_RA
			 : SH_LL,
		(uint8_t)in->imm);
	insn_next(cpu, in);
}

/* 66 0F 73 /2 /3 /6 /7 ib: PSRLQ/PSRLDQ/PSLLQ/PSLLDQ xmm, imm8 */
void sse_grp73(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg *d = &cpu->xmm[in->rm];
	uint8_t n = (uint8_t)in->imm;

	if (in->mod != 3)
		insn_ud(cpu, in);
	switch (in->reg & 7) {
	case 2:
		shift_q(d, SH_RL, n);
		break;
	case 3:
		shift_dq(d, 0, n);
		break;
	case 6:
		shift_q(d, SH_LL, n);
		break;
	case 7:
		shift_dq(d, 1, n);
		break;
	default:
		insn_ud(cpu, in);
	}
	insn_next(cpu, in);
}
