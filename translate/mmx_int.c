/*
 * MMX integer SIMD on mm registers (no-prefix 0F 60-7F, D1-FE): wrapping
 * and saturating add/sub, compares, logic, multiplies, shifts (by mm/m64
 * and the 0F 71/72/73 imm8 groups), PUNPCK*, PACK*, and the SSE-era
 * extensions (PMINUB/PMAXUB/PMINSW/PMAXSW, PAVGB/W, PSADBW, PMULHUW,
 * PMULUDQ, PADDQ/PSUBQ).  Handlers reached through sse_table.c; register
 * aliasing rules in mmx.h.
 */
#include "mmx.h"

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

/* mm = expr(a, b) lane by lane; a from mm, b from mm/m64. */
#define MMX_LANEWISE(name, field, n, expr)                                     \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		struct x87_state *x = x87_get(cpu);                            \
		union mmx_val d, s;                                            \
		s.q = mmx_src(cpu, in, x);                                     \
		d.q = mm_rd(x, in->reg);                                       \
		for (int i = 0; i < (n); i++) {                                \
			__typeof__(d.field[0]) a = d.field[i];                 \
			__typeof__(d.field[0]) b = s.field[i];                 \
			d.field[i] = (expr);                                   \
		}                                                              \
		mmx_enter(x);                                                  \
		mm_wr(x, in->reg, d.q);                                        \
		insn_next(cpu, in);                                            \
	}

MMX_LANEWISE(mmx_paddb, u8, 8, a + b)			     /* 0F FC */
MMX_LANEWISE(mmx_paddw, u16, 4, a + b)			     /* 0F FD */
MMX_LANEWISE(mmx_paddd, u32, 2, a + b)			     /* 0F FE */
MMX_LANEWISE(mmx_paddq, u64, 1, a + b)			     /* 0F D4 */
MMX_LANEWISE(mmx_psubb, u8, 8, a - b)			     /* 0F F8 */
MMX_LANEWISE(mmx_psubw, u16, 4, a - b)			     /* 0F F9 */
MMX_LANEWISE(mmx_psubd, u32, 2, a - b)			     /* 0F FA */
MMX_LANEWISE(mmx_psubq, u64, 1, a - b)			     /* 0F FB */
MMX_LANEWISE(mmx_paddsb, i8, 8, sat_s8(a + b))		     /* 0F EC */
MMX_LANEWISE(mmx_paddsw, i16, 4, sat_s16(a + b))	     /* 0F ED */
MMX_LANEWISE(mmx_paddusb, u8, 8, sat_u8(a + b))		     /* 0F DC */
MMX_LANEWISE(mmx_paddusw, u16, 4, sat_u16(a + b))	     /* 0F DD */
MMX_LANEWISE(mmx_psubsb, i8, 8, sat_s8(a - b))		     /* 0F E8 */
MMX_LANEWISE(mmx_psubsw, i16, 4, sat_s16(a - b))	     /* 0F E9 */
MMX_LANEWISE(mmx_psubusb, u8, 8, sat_u8(a - b))		     /* 0F D8 */
MMX_LANEWISE(mmx_psubusw, u16, 4, sat_u16(a - b))	     /* 0F D9 */
MMX_LANEWISE(mmx_pcmpeqb, u8, 8, a == b ? 0xff : 0)	     /* 0F 74 */
MMX_LANEWISE(mmx_pcmpeqw, u16, 4, a == b ? 0xffff : 0)	     /* 0F 75 */
MMX_LANEWISE(mmx_pcmpeqd, u32, 2, a == b ? ~0u : 0)	     /* 0F 76 */
MMX_LANEWISE(mmx_pcmpgtb, i8, 8, a > b ? -1 : 0)	     /* 0F 64 */
MMX_LANEWISE(mmx_pcmpgtw, i16, 4, a > b ? -1 : 0)	     /* 0F 65 */
MMX_LANEWISE(mmx_pcmpgtd, i32, 2, a > b ? -1 : 0)	     /* 0F 66 */
MMX_LANEWISE(mmx_pand, u64, 1, a &b)			     /* 0F DB */
MMX_LANEWISE(mmx_pandn, u64, 1, ~a &b)			     /* 0F DF */
MMX_LANEWISE(mmx_por, u64, 1, a | b)			     /* 0F EB */
MMX_LANEWISE(mmx_pxor, u64, 1, a ^ b)			     /* 0F EF */
MMX_LANEWISE(mmx_pminub, u8, 8, a < b ? a : b)		     /* 0F DA */
MMX_LANEWISE(mmx_pmaxub, u8, 8, a > b ? a : b)		     /* 0F DE */
MMX_LANEWISE(mmx_pminsw, i16, 4, a < b ? a : b)		     /* 0F EA */
MMX_LANEWISE(mmx_pmaxsw, i16, 4, a > b ? a : b)		     /* 0F EE */
MMX_LANEWISE(mmx_pavgb, u8, 8, (a + b + 1) >> 1)	     /* 0F E0 */
MMX_LANEWISE(mmx_pavgw, u16, 4, (a + b + 1) >> 1)	     /* 0F E3 */
MMX_LANEWISE(mmx_pmullw, u16, 4, (uint16_t)((uint32_t)a *b)) /* 0F D5 */
MMX_LANEWISE(mmx_pmulhw, i16, 4, (int16_t)((a * b) >> 16))   /* 0F E5 */
MMX_LANEWISE(mmx_pmulhuw, u16, 4, (uint16_t)(((uint32_t)a * b) >> 16))
/* 0F E4 */

/* 0F F4: PMULUDQ mm, mm/m64: low dwords multiplied into a quadword. */
void mmx_pmuludq(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	uint64_t s = mmx_src(cpu, in, x), d = mm_rd(x, in->reg);

	mmx_enter(x);
	mm_wr(x, in->reg, (uint64_t)(uint32_t)d * (uint32_t)s);
	insn_next(cpu, in);
}

/* 0F F5: PMADDWD mm, mm/m64 */
void mmx_pmaddwd(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val d, s, r;

	s.q = mmx_src(cpu, in, x);
	d.q = mm_rd(x, in->reg);
	for (int i = 0; i < 2; i++) {
		int64_t v =
			(int32_t)d.i16[2 * i] * s.i16[2 * i] +
			(int64_t)((int32_t)d.i16[2 * i + 1] * s.i16[2 * i + 1]);
		r.u32[i] = (uint32_t)v;
	}
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}

/* 0F F6: PSADBW mm, mm/m64 */
void mmx_psadbw(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val d, s;
	unsigned sum = 0;

	s.q = mmx_src(cpu, in, x);
	d.q = mm_rd(x, in->reg);
	for (int i = 0; i < 8; i++)
		sum += d.u8[i] > s.u8[i] ? d.u8[i] - s.u8[i]
					 : s.u8[i] - d.u8[i];
	mmx_enter(x);
	mm_wr(x, in->reg, sum);
	insn_next(cpu, in);
}

/* ---- shifts ---- */

enum mmx_shift { SH_RL, SH_RA, SH_LL };

/* v shifted lane by lane; bits is the lane width (16, 32, 64). */
static uint64_t mmx_shift(uint64_t v, int bits, enum mmx_shift k, uint64_t n)
{
	union mmx_val d = {.q = v};

	switch (bits) {
	case 16:
		for (int i = 0; i < 4; i++) {
			if (k == SH_RA)
				d.i16[i] = (int16_t)(d.i16[i] >>
						     (n > 15 ? 15 : n));
			else if (n > 15)
				d.u16[i] = 0;
			else
				d.u16[i] = k == SH_LL ? d.u16[i] << n
						      : d.u16[i] >> n;
		}
		break;
	case 32:
		for (int i = 0; i < 2; i++) {
			if (k == SH_RA)
				d.i32[i] = d.i32[i] >> (n > 31 ? 31 : n);
			else if (n > 31)
				d.u32[i] = 0;
			else
				d.u32[i] = k == SH_LL ? d.u32[i] << n
						      : d.u32[i] >> n;
		}
		break;
	default:
		if (n > 63)
			d.q = 0;
		else
			d.q = k == SH_LL ? d.q << n : d.q >> n;
	}
	return d.q;
}

/* Shift of mm by the count in mm/m64. */
#define MMX_SHIFT(name, bits, kind)                                            \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		struct x87_state *x = x87_get(cpu);                            \
		uint64_t n = mmx_src(cpu, in, x);                              \
		uint64_t r = mmx_shift(mm_rd(x, in->reg), bits, kind, n);      \
		mmx_enter(x);                                                  \
		mm_wr(x, in->reg, r);                                          \
		insn_next(cpu, in);                                            \
	}

MMX_SHIFT(mmx_psrlw, 16, SH_RL) /* 0F D1 */
MMX_SHIFT(mmx_psrld, 32, SH_RL) /* 0F D2 */
MMX_SHIFT(mmx_psrlq, 64, SH_RL) /* 0F D3 */
MMX_SHIFT(mmx_psraw, 16, SH_RA) /* 0F E1 */
MMX_SHIFT(mmx_psrad, 32, SH_RA) /* 0F E2 */
MMX_SHIFT(mmx_psllw, 16, SH_LL) /* 0F F1 */
MMX_SHIFT(mmx_pslld, 32, SH_LL) /* 0F F2 */
MMX_SHIFT(mmx_psllq, 64, SH_LL) /* 0F F3 */

/* Immediate shift groups: /2 logical right, /4 arithmetic right (not for
 * quadwords), /6 left; anything else and memory forms are #UD. */
static void mmx_shift_imm(struct cpu *cpu, const struct insn *in, int bits)
{
	struct x87_state *x;
	int r = in->reg & 7;
	enum mmx_shift k;

	if (in->mod != 3)
		insn_ud(cpu, in);
	if (r == 2)
		k = SH_RL;
	else if (r == 4 && bits != 64)
		k = SH_RA;
	else if (r == 6)
		k = SH_LL;
	else
		insn_ud(cpu, in);
	x = x87_get(cpu);
	mmx_enter(x);
	mm_wr(x, in->rm,
	      mmx_shift(mm_rd(x, in->rm), bits, k, (uint8_t)in->imm));
	insn_next(cpu, in);
}

/* 0F 71 /2 /4 /6 ib: PSRLW/PSRAW/PSLLW mm, imm8 */
void mmx_grp71(struct cpu *cpu, const struct insn *in)
{
	mmx_shift_imm(cpu, in, 16);
}

/* 0F 72 /2 /4 /6 ib: PSRLD/PSRAD/PSLLD mm, imm8 */
void mmx_grp72(struct cpu *cpu, const struct insn *in)
{
	mmx_shift_imm(cpu, in, 32);
}

/* 0F 73 /2 /6 ib: PSRLQ/PSLLQ mm, imm8 */
void mmx_grp73(struct cpu *cpu, const struct insn *in)
{
	mmx_shift_imm(cpu, in, 64);
}

/* ---- unpack and pack ---- */

/* Interleaves lanes of width w bytes from the low (hi = 0) or high half
 * of d and s. */
static uint64_t unpack(uint64_t dv, uint64_t sv, int w, int hi)
{
	union mmx_val d = {.q = dv}, s = {.q = sv}, r;
	int n = 8 / w / 2; /* lane pairs */

	for (int i = 0; i < n; i++) {
		memcpy(&r.u8[(2 * i) * w], &d.u8[(hi * n + i) * w], w);
		memcpy(&r.u8[(2 * i + 1) * w], &s.u8[(hi * n + i) * w], w);
	}
	return r.q;
}

#define MMX_UNPACK(name, w, hi)                                                \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		struct x87_state *x = x87_get(cpu);                            \
		uint64_t s = hi ? mmx_src(cpu, in, x) : mmx_src32(cpu, in, x); \
		uint64_t r = unpack(mm_rd(x, in->reg), s, w, hi);              \
		mmx_enter(x);                                                  \
		mm_wr(x, in->reg, r);                                          \
		insn_next(cpu, in);                                            \
	}

MMX_UNPACK(mmx_punpcklbw, 1, 0) /* 0F 60 */
MMX_UNPACK(mmx_punpcklwd, 2, 0) /* 0F 61 */
MMX_UNPACK(mmx_punpckldq, 4, 0) /* 0F 62 */
MMX_UNPACK(mmx_punpckhbw, 1, 1) /* 0F 68 */
MMX_UNPACK(mmx_punpckhwd, 2, 1) /* 0F 69 */
MMX_UNPACK(mmx_punpckhdq, 4, 1) /* 0F 6A */

/* 0F 63 PACKSSWB, 0F 67 PACKUSWB, 0F 6B PACKSSDW */
void mmx_packsswb(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val s, d, r;

	s.q = mmx_src(cpu, in, x);
	d.q = mm_rd(x, in->reg);
	for (int i = 0; i < 4; i++) {
		r.i8[i] = sat_s8(d.i16[i]);
		r.i8[i + 4] = sat_s8(s.i16[i]);
	}
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}

void mmx_packuswb(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val s, d, r;

	s.q = mmx_src(cpu, in, x);
	d.q = mm_rd(x, in->reg);
	for (int i = 0; i < 4; i++) {
		r.u8[i] = sat_u8(d.i16[i]);
		r.u8[i + 4] = sat_u8(s.i16[i]);
	}
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}

void mmx_packssdw(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val s, d, r;

	s.q = mmx_src(cpu, in, x);
	d.q = mm_rd(x, in->reg);
	for (int i = 0; i < 2; i++) {
		r.i16[i] = sat_s16(d.i32[i] > 32767    ? 32767
				   : d.i32[i] < -32768 ? -32768
						       : d.i32[i]);
		r.i16[i + 2] = sat_s16(s.i32[i] > 32767	   ? 32767
				       : s.i32[i] < -32768 ? -32768
							   : s.i32[i]);
	}
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}
