/*
 * Private helpers shared by the SSE handler files (sse_*.c): operand
 * access, alignment checks, MXCSR bits and the scalar floating-point
 * core (sse_fp.c) that implements x86 rounding, NaN and flag rules in
 * portable C so it behaves the same natively and under WebAssembly.
 */
#ifndef WAX_SSE_PRIV_H
#define WAX_SSE_PRIV_H

#include "sse.h"
#include "interp.h"

/* MXCSR bits. */
#define MXCSR_IE	 0x0001u
#define MXCSR_DE	 0x0002u
#define MXCSR_ZE	 0x0004u
#define MXCSR_OE	 0x0008u
#define MXCSR_UE	 0x0010u
#define MXCSR_PE	 0x0020u
#define MXCSR_DAZ	 0x0040u
#define MXCSR_MASK_SHIFT 7
#define MXCSR_RC_SHIFT	 13
#define MXCSR_FTZ	 0x8000u
#define MXCSR_VALID	 0xffffu /* bits a guest may set (MXCSR_MASK) */

enum { RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3 };

#define XMM(cpu, n) (&(cpu)->xmm[(n)])
#define REX_W(in)   (((in)->rex & 0x08) != 0)

/* Effective address of a 16-byte operand that must be 16-aligned. */
static inline gaddr sse_ea16(struct cpu *cpu, const struct insn *in)
{
	gaddr a = insn_ea(cpu, in);

	if (a & 15)
		insn_gp(cpu, in);
	return a;
}

/* The 128-bit source operand (xmm rm or m128); aligned selects the
 * legacy-SSE 16-byte alignment check. */
static inline void sse_src(struct cpu *cpu, const struct insn *in,
			   union xmm_reg *v, int aligned)
{
	if (in->mod == 3) {
		*v = cpu->xmm[in->rm];
		return;
	}
	gaddr a = aligned ? sse_ea16(cpu, in) : insn_ea(cpu, in);
	mem_ldn(cpu, a, v, 16);
}

/* The low 32 or 64 bits of the source (xmm rm or m32/m64). */
static inline uint32_t sse_src32(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		return cpu->xmm[in->rm].u32[0];
	return mem_ld32(cpu, insn_ea(cpu, in));
}

static inline uint64_t sse_src64(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		return cpu->xmm[in->rm].u64[0];
	return mem_ld64(cpu, insn_ea(cpu, in));
}

/* A general-purpose source operand (r/m32 or r/m64 by REX.W). */
static inline uint64_t sse_gpr_src(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		return REX_W(in) ? cpu->regs[in->rm]
				 : (uint32_t)cpu->regs[in->rm];
	gaddr a = insn_ea(cpu, in);
	return REX_W(in) ? mem_ld64(cpu, a) : mem_ld32(cpu, a);
}

/* Writes a GPR destination: 32-bit results zero-extend, as on x86-64. */
static inline void sse_gpr_set(struct cpu *cpu, int r, uint64_t v, int w64)
{
	cpu->regs[r] = w64 ? v : (uint32_t)v;
}

/* ---- sse_fp.c: scalar floating point with MXCSR semantics ---- */

/*
 * One instruction's floating-point context: the MXCSR it runs under and
 * the exception flags it raised so far.  Handlers compute into
 * temporaries, then call fp_commit() which sets the MXCSR sticky flags
 * and delivers #XM (SIGFPE) for an unmasked exception before the
 * destination is written.
 */
struct fpenv {
	uint32_t mxcsr;
	uint32_t flags;
};

static inline void fp_begin(struct cpu *cpu, struct fpenv *e)
{
	e->mxcsr = cpu->mxcsr;
	e->flags = 0;
}
void fp_commit(struct cpu *cpu, struct fpenv *e);

enum fp_binop { FP_ADD, FP_SUB, FP_MUL, FP_DIV, FP_MIN, FP_MAX };

uint32_t fp32_binop(struct fpenv *e, enum fp_binop op, uint32_t a, uint32_t b);
uint64_t fp64_binop(struct fpenv *e, enum fp_binop op, uint64_t a, uint64_t b);
uint32_t fp32_sqrt(struct fpenv *e, uint32_t a);
uint64_t fp64_sqrt(struct fpenv *e, uint64_t a);
/* CMPPS predicate 0-7: all-ones or zero. */
uint32_t fp32_cmp(struct fpenv *e, int pred, uint32_t a, uint32_t b);
uint64_t fp64_cmp(struct fpenv *e, int pred, uint64_t a, uint64_t b);
/* COMISS/UCOMISS: returns the ZF|PF|CF bits. */
unsigned fp32_comi(struct fpenv *e, uint32_t a, uint32_t b, int signaling);
unsigned fp64_comi(struct fpenv *e, uint64_t a, uint64_t b, int signaling);

/*
 * Fast path of the arithmetic, for the common MXCSR: every exception
 * masked, round to nearest, no DAZ/FTZ, and PE already set (it is sticky,
 * so after the first inexact result the only flag a normal operation can
 * raise is already there).  With zero or normal inputs and a result that
 * is normal and at least twice the smallest normal (so no tininess, no
 * overflow), the host's round-to-nearest IEEE operation gives the CPU's
 * bits and no new flags.  Each fp*_fast returns 0 (and the caller takes
 * the exact path of sse_fp.c) whenever these conditions do not hold.
 */
static inline int fp_fast_env(uint32_t mxcsr)
{
	return (mxcsr & 0xffe0u) == (0x1f80u | MXCSR_PE);
}

static inline int fp64_fast_in(uint64_t x)
{
	return ((x >> 52) & 0x7ff) - 1 < 0x7fe || (x << 1) == 0;
}

static inline int fp64_fast_out(uint64_t x)
{
	return ((x >> 52) & 0x7ff) - 2 < 0x7fd;
}

static inline int fp32_fast_in(uint32_t x)
{
	return ((x >> 23) & 0xff) - 1 < 0xfe || (x << 1) == 0;
}

static inline int fp32_fast_out(uint32_t x)
{
	return ((x >> 23) & 0xff) - 2 < 0xfd;
}

static inline int fp64_fast(enum fp_binop op, uint64_t a, uint64_t b,
			    uint64_t *r)
{
	double da, db, d;
	uint64_t u;

	if (!fp64_fast_in(a) || !fp64_fast_in(b))
		return 0;
	memcpy(&da, &a, 8);
	memcpy(&db, &b, 8);
	switch (op) {
	case FP_ADD:
		d = da + db;
		break;
	case FP_SUB:
		d = da - db;
		break;
	case FP_MUL:
		d = da * db;
		break;
	case FP_DIV:
		d = da / db;
		break;
	case FP_MIN:
		*r = da < db ? a : b;
		return 1;
	default:
		*r = da > db ? a : b;
		return 1;
	}
	memcpy(&u, &d, 8);
	if (!fp64_fast_out(u))
		return 0;
	*r = u;
	return 1;
}

static inline int fp32_fast(enum fp_binop op, uint32_t a, uint32_t b,
			    uint32_t *r)
{
	float fa, fb, f;
	uint32_t u;

	if (!fp32_fast_in(a) || !fp32_fast_in(b))
		return 0;
	memcpy(&fa, &a, 4);
	memcpy(&fb, &b, 4);
	switch (op) {
	case FP_ADD:
		f = fa + fb;
		break;
	case FP_SUB:
		f = fa - fb;
		break;
	case FP_MUL:
		f = fa * fb;
		break;
	case FP_DIV:
		f = fa / fb;
		break;
	case FP_MIN:
		*r = fa < fb ? a : b;
		return 1;
	default:
		*r = fa > fb ? a : b;
		return 1;
	}
	memcpy(&u, &f, 4);
	if (!fp32_fast_out(u))
		return 0;
	*r = u;
	return 1;
}

/* Square roots: a positive normal input has a normal root. */
static inline int fp64_sqrt_fast(uint64_t a, uint64_t *r)
{
	double d;

	if (((a >> 52) & 0xfff) - 1 >= 0x7fe)
		return 0;
	memcpy(&d, &a, 8);
	d = __builtin_sqrt(d);
	memcpy(r, &d, 8);
	return 1;
}

static inline int fp32_sqrt_fast(uint32_t a, uint32_t *r)
{
	float f;

	if (((a >> 23) & 0x1ff) - 1 >= 0xfe)
		return 0;
	memcpy(&f, &a, 4);
	f = __builtin_sqrtf(f);
	memcpy(r, &f, 4);
	return 1;
}

/* Rounds d (host nearest of the exact value; s = sign(exact - d)) to
 * single (is64 == 0) or double under MXCSR, with OE/UE/PE and FTZ. */
uint64_t fp_round_double(struct fpenv *e, int is64, double d, int s);

/* Conversions (sse_fp_cvt.c). */
uint64_t fp32_to_fp64(struct fpenv *e, uint32_t a);
uint32_t fp64_to_fp32(struct fpenv *e, uint64_t a);
uint32_t fp_i64_to_fp32(struct fpenv *e, int64_t v);
uint64_t fp_i64_to_fp64(struct fpenv *e, int64_t v);
/* To int32 (bits64 == 0) or int64; trunc selects CVTT* (round to zero).
 * Out of range and NaN give the integer indefinite value with IE. */
int64_t fp32_to_int(struct fpenv *e, uint32_t a, int bits64, int trunc);
int64_t fp64_to_int(struct fpenv *e, uint64_t a, int bits64, int trunc);
/* RCPPS/RSQRTPS approximations (relative error < 1.5 * 2^-12). */
uint32_t fp32_rcp(struct fpenv *e, uint32_t a);
uint32_t fp32_rsqrt(struct fpenv *e, uint32_t a);

/* ---- handlers, by file ---- */
/* sse_move.c */
insn_fn sse_movups, sse_movups_st, sse_movaps, sse_movaps_st, sse_movss,
	sse_movsd, sse_movss_st, sse_movsd_st, sse_movlps, sse_movlps_st,
	sse_movhps, sse_movhps_st, sse_movlpd, sse_movhpd, sse_movntps,
	sse_movmskps, sse_movmskpd, sse_pmovmskb, sse_movd_to_xmm,
	sse_movd_from_xmm, sse_movq_xmm_xmm, sse_movq_st, sse_movdqu,
	sse_movdqu_st, sse_movdqa, sse_movdqa_st, sse_movnti, sse_movntdq,
	sse_maskmovdqu, sse_lddqu, sse_movsldup, sse_movshdup, sse_movddup;
/* sse_int.c */
insn_fn sse_paddb, sse_paddw, sse_paddd, sse_paddq, sse_psubb, sse_psubw,
	sse_psubd, sse_psubq, sse_paddsb, sse_paddsw, sse_paddusb, sse_paddusw,
	sse_psubsb, sse_psubsw, sse_psubusb, sse_psubusw, sse_pcmpeqb,
	sse_pcmpeqw, sse_pcmpeqd, sse_pcmpgtb, sse_pcmpgtw, sse_pcmpgtd,
	sse_pand, sse_pandn, sse_por, sse_pxor, sse_pminub, sse_pmaxub,
	sse_pminsw, sse_pmaxsw, sse_pavgb, sse_pavgw, sse_psadbw, sse_pmullw,
	sse_pmulhw, sse_pmulhuw, sse_pmuludq, sse_pmaddwd, sse_psrlw, sse_psrld,
	sse_psrlq, sse_psraw, sse_psrad, sse_psllw, sse_pslld, sse_psllq,
	sse_grp71, sse_grp72, sse_grp73;
/* sse_shuf.c */
insn_fn sse_punpcklbw, sse_punpcklwd, sse_punpckldq, sse_punpcklqdq,
	sse_punpckhbw, sse_punpckhwd, sse_punpckhdq, sse_punpckhqdq,
	sse_packsswb, sse_packuswb, sse_packssdw, sse_pshufd, sse_pshufhw,
	sse_pshuflw, sse_pinsrw, sse_pextrw, sse_shufps, sse_shufpd,
	sse_unpcklps, sse_unpckhps, sse_unpcklpd, sse_unpckhpd;
/* sse_float.c */
insn_fn sse_addps, sse_addpd, sse_addss, sse_addsd, sse_subps, sse_subpd,
	sse_subss, sse_subsd, sse_mulps, sse_mulpd, sse_mulss, sse_mulsd,
	sse_divps, sse_divpd, sse_divss, sse_divsd, sse_minps, sse_minpd,
	sse_minss, sse_minsd, sse_maxps, sse_maxpd, sse_maxss, sse_maxsd,
	sse_sqrtps, sse_sqrtpd, sse_sqrtss, sse_sqrtsd, sse_rcpps, sse_rcpss,
	sse_rsqrtps, sse_rsqrtss, sse_andps, sse_andnps, sse_orps, sse_xorps,
	sse_cmpps, sse_cmppd, sse_cmpss, sse_cmpsd, sse_comiss, sse_ucomiss,
	sse_comisd, sse_ucomisd, sse_addsubps, sse_addsubpd, sse_haddps,
	sse_haddpd, sse_hsubps, sse_hsubpd;
/* sse_cvt.c */
insn_fn sse_cvtsi2ss, sse_cvtsi2sd, sse_cvttss2si, sse_cvttsd2si, sse_cvtss2si,
	sse_cvtsd2si, sse_cvtss2sd, sse_cvtsd2ss, sse_cvtps2pd, sse_cvtpd2ps,
	sse_cvtdq2ps, sse_cvtps2dq, sse_cvttps2dq, sse_cvtdq2pd, sse_cvtpd2dq,
	sse_cvttpd2dq;
/* sse_state.c */
insn_fn sse_grp_ae;
/* x87_ops.c */
insn_fn sse_x87;
/* sse_ssse3.c */
insn_fn sse_pshufb, sse_phaddw, sse_phaddd, sse_phaddsw, sse_pmaddubsw,
	sse_phsubw, sse_phsubd, sse_phsubsw, sse_psignb, sse_psignw, sse_psignd,
	sse_pmulhrsw, sse_pabsb, sse_pabsw, sse_pabsd, sse_palignr;

/* mmx_move.c */
insn_fn mmx_emms, mmx_movd_to_mm, mmx_movd_from_mm, mmx_movq_load,
	mmx_movq_store, mmx_movntq, mmx_maskmovq, mmx_pshufw, mmx_pinsrw,
	mmx_pextrw, mmx_pmovmskb, mmx_movq2dq, mmx_movdq2q, mmx_cvtpi2ps,
	mmx_cvtpi2pd, mmx_cvtps2pi, mmx_cvttps2pi, mmx_cvtpd2pi, mmx_cvttpd2pi;
/* mmx_int.c */
insn_fn mmx_paddb, mmx_paddw, mmx_paddd, mmx_paddq, mmx_psubb, mmx_psubw,
	mmx_psubd, mmx_psubq, mmx_paddsb, mmx_paddsw, mmx_paddusb, mmx_paddusw,
	mmx_psubsb, mmx_psubsw, mmx_psubusb, mmx_psubusw, mmx_pcmpeqb,
	mmx_pcmpeqw, mmx_pcmpeqd, mmx_pcmpgtb, mmx_pcmpgtw, mmx_pcmpgtd,
	mmx_pand, mmx_pandn, mmx_por, mmx_pxor, mmx_pminub, mmx_pmaxub,
	mmx_pminsw, mmx_pmaxsw, mmx_pavgb, mmx_pavgw, mmx_psadbw, mmx_pmullw,
	mmx_pmulhw, mmx_pmulhuw, mmx_pmuludq, mmx_pmaddwd, mmx_psrlw, mmx_psrld,
	mmx_psrlq, mmx_psraw, mmx_psrad, mmx_psllw, mmx_pslld, mmx_psllq,
	mmx_grp71, mmx_grp72, mmx_grp73, mmx_punpcklbw, mmx_punpcklwd,
	mmx_punpckldq, mmx_punpckhbw, mmx_punpckhwd, mmx_punpckhdq,
	mmx_packsswb, mmx_packuswb, mmx_packssdw;
/* mmx_ssse3.c */
insn_fn mmx_pshufb, mmx_phaddw, mmx_phaddd, mmx_phaddsw, mmx_pmaddubsw,
	mmx_phsubw, mmx_phsubd, mmx_phsubsw, mmx_psignb, mmx_psignw, mmx_psignd,
	mmx_pmulhrsw, mmx_pabsb, mmx_pabsw, mmx_pabsd, mmx_palignr;
/* sse4_int.c */
insn_fn sse_pminsb, sse_pminsd, sse_pminuw, sse_pminud, sse_pmaxsb, sse_pmaxsd,
	sse_pmaxuw, sse_pmaxud, sse_pmulld, sse_pcmpeqq, sse_pcmpgtq,
	sse_pmuldq, sse_packusdw, sse_ptest, sse_pblendvb, sse_pblendw,
	sse_pmovsxbw, sse_pmovsxbd, sse_pmovsxbq, sse_pmovsxwd, sse_pmovsxwq,
	sse_pmovsxdq, sse_pmovzxbw, sse_pmovzxbd, sse_pmovzxbq, sse_pmovzxwd,
	sse_pmovzxwq, sse_pmovzxdq, sse_movntdqa, sse_phminposuw, sse_mpsadbw,
	sse_pextrb, sse_pextrw_m, sse_pextrd, sse_pinsrb, sse_pinsrd;
/* sse4_fp.c */
insn_fn sse_roundps, sse_roundpd, sse_roundss, sse_roundsd, sse_blendps,
	sse_blendpd, sse_blendvps, sse_blendvpd, sse_dpps, sse_dppd,
	sse_insertps, sse_extractps;
/* sse4_str.c */
insn_fn sse_pcmpestrm, sse_pcmpestri, sse_pcmpistrm, sse_pcmpistri, sse_crc32;

/* Bit casts between IEEE values and their encodings (no aliasing UB). */
static inline double d_of(uint64_t u)
{
	double d;

	memcpy(&d, &u, 8);
	return d;
}

static inline uint64_t u_of(double d)
{
	uint64_t u;

	memcpy(&u, &d, 8);
	return u;
}

static inline float f_of(uint32_t u)
{
	float f;

	memcpy(&f, &u, 4);
	return f;
}

static inline uint32_t uf_of(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

#endif
