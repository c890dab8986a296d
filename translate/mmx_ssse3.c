/*
 * SSSE3 on mm registers (no-prefix 0F 38 00-1E, 0F 3A 0F): PSHUFB,
 * PHADDx/PHSUBx, PMADDUBSW, PMULHRSW, PSIGN*, PABS*, PALIGNR.  The xmm
 * forms are in sse_ssse3.c.  Handlers reached through sse_table.c;
 * register aliasing rules in mmx.h.
 */
#include "mmx.h"

static inline int16_t sat_s16(int v)
{
	return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

/* The common frame: d = mm(reg), s = mm/m64, r = the result. */
#define MMX_OP(name, body)                                                     \
	void name(struct cpu *cpu, const struct insn *in)                      \
	{                                                                      \
		struct x87_state *x = x87_get(cpu);                            \
		union mmx_val d, s, r;                                         \
		s.q = mmx_src(cpu, in, x);                                     \
		d.q = mm_rd(x, in->reg);                                       \
		r.q = 0;                                                       \
		(void)d;                                                       \
		body;                                                          \
		mmx_enter(x);                                                  \
		mm_wr(x, in->reg, r.q);                                        \
		insn_next(cpu, in);                                            \
	}

/* 0F 38 00: PSHUFB mm, mm/m64 */
MMX_OP(mmx_pshufb, for (int i = 0; i < 8; i++)
			   r.u8[i] = s.u8[i] & 0x80 ? 0 : d.u8[s.u8[i] & 7])

/* Horizontal word pairs: r = [d0 op d1, d2 op d3, s0 op s1, s2 op s3]. */
static uint64_t hword(union mmx_val d, union mmx_val s, int sub, int sat)
{
	union mmx_val r;

	for (int i = 0; i < 4; i++) {
		const union mmx_val *v = i < 2 ? &d : &s;
		int j = (i & 1) * 2;
		int t = sub ? v->i16[j] - v->i16[j + 1]
			    : v->i16[j] + v->i16[j + 1];
		r.i16[i] = sat ? sat_s16(t) : (int16_t)t;
	}
	return r.q;
}

MMX_OP(mmx_phaddw, r.q = hword(d, s, 0, 0))  /* 0F 38 01 */
MMX_OP(mmx_phaddsw, r.q = hword(d, s, 0, 1)) /* 0F 38 03 */
MMX_OP(mmx_phsubw, r.q = hword(d, s, 1, 0))  /* 0F 38 05 */
MMX_OP(mmx_phsubsw, r.q = hword(d, s, 1, 1)) /* 0F 38 07 */
/* 0F 38 02 / 06: PHADDD / PHSUBD */
MMX_OP(mmx_phaddd, r.u32[0] = d.u32[0] + d.u32[1];
       r.u32[1] = s.u32[0] + s.u32[1])
MMX_OP(mmx_phsubd, r.u32[0] = d.u32[0] - d.u32[1];
       r.u32[1] = s.u32[0] - s.u32[1])

/* 0F 38 04: PMADDUBSW (unsigned bytes of mm times signed of mm/m64) */
MMX_OP(mmx_pmaddubsw,
       for (int i = 0; i < 4; i++)
	       r.i16[i] = sat_s16(d.u8[2 * i] * s.i8[2 * i] +
				  d.u8[2 * i + 1] * s.i8[2 * i + 1]))

/* 0F 38 0B: PMULHRSW */
MMX_OP(mmx_pmulhrsw,
       for (int i = 0; i < 4; i++) r.i16[i] =
	       (int16_t)((((int32_t)d.i16[i] * s.i16[i] >> 14) + 1) >> 1))

/* 0F 38 08-0A: PSIGNB/W/D */
#define SIGN(f, n)                                                             \
	for (int i = 0; i < (n); i++)                                          \
	r.f[i] = s.f[i] < 0 ? -d.f[i] : s.f[i] == 0 ? 0 : d.f[i]
MMX_OP(mmx_psignb, SIGN(i8, 8))
MMX_OP(mmx_psignw, SIGN(i16, 4))
MMX_OP(mmx_psignd, SIGN(i32, 2))

/* 0F 38 1C-1E: PABSB/W/D (of mm/m64) */
#define ABS(sf, uf, n)                                                         \
	for (int i = 0; i < (n); i++)                                          \
	r.uf[i] = s.sf[i] < 0 ? 0 - (__typeof__(r.uf[0]))s.sf[i]               \
			      : (__typeof__(r.uf[0]))s.sf[i]
MMX_OP(mmx_pabsb, ABS(i8, u8, 8))
MMX_OP(mmx_pabsw, ABS(i16, u16, 4))
MMX_OP(mmx_pabsd, ABS(i32, u32, 2))

/* 0F 3A 0F ib: PALIGNR mm, mm/m64, imm8: (mm:src) >> imm8 bytes. */
MMX_OP(mmx_palignr, {
	uint8_t t[16];
	unsigned n = (uint8_t)in->imm;

	memcpy(t, s.u8, 8);
	memcpy(t + 8, d.u8, 8);
	for (unsigned i = 0; i < 8; i++)
		r.u8[i] = i + n < 16 ? t[i + n] : 0;
})
