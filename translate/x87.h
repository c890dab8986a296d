/*
 * x87 FPU state and the 80-bit extended-precision soft-float core
 * (internal to translate/).  The host's long double is never used: in
 * wasm it is IEEE quad, not the x87 format.  x87_float.c implements the
 * arithmetic with FCW rounding/precision control and FSW exception flags;
 * x87_ops.c the D8-DF instructions; sse_state.c stores the state in the
 * FXSAVE image.
 */
#ifndef WAX_X87_H
#define WAX_X87_H

#include "sse_priv.h"

/* An 80-bit extended value: explicit integer bit in m (bit 63). */
struct fx80 {
	uint64_t m;
	uint16_t se; /* sign (bit 15) and biased exponent (bias 16383) */
};

/* FSW bits. */
#define FSW_IE	      0x0001u
#define FSW_DE	      0x0002u
#define FSW_ZE	      0x0004u
#define FSW_OE	      0x0008u
#define FSW_UE	      0x0010u
#define FSW_PE	      0x0020u
#define FSW_SF	      0x0040u
#define FSW_ES	      0x0080u
#define FSW_C0	      0x0100u
#define FSW_C1	      0x0200u
#define FSW_C2	      0x0400u
#define FSW_C3	      0x4000u
#define FSW_TOP_SHIFT 11

struct x87_state {
	uint16_t fcw, fsw; /* fsw without TOP: that is kept in top */
	uint8_t top;	   /* physical index of ST(0) */
	uint8_t empty;	   /* bit i: physical register i is empty */
	uint16_t fop;	   /* last opcode (11 bits), for FXSAVE */
	uint64_t fip, fdp; /* last instruction / operand addresses */
	struct fx80 st[8]; /* physical registers */
};

/* x87_ops.c: the state, allocated in the reset state on first use. */
struct x87_state *x87_get(struct cpu *cpu);
/* FNINIT state. */
void x87_reset(struct x87_state *x);
/* The full FSW (with TOP) and the 16-bit tag word (2 bits a register). */
uint16_t x87_fsw(const struct x87_state *x);
uint16_t x87_full_tag(const struct x87_state *x);

/* ---- x87_float.c ---- */

/* Exceptions accumulate into *flags (FSW_* bits); fcw selects rounding
 * (RC) and precision (PC). */
struct fx80 fx_add(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b,
		   int negate_b);
struct fx80 fx_mul(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b);
struct fx80 fx_div(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b);
struct fx80 fx_sqrt(uint16_t fcw, unsigned *flags, struct fx80 a);
/* FRNDINT: round to an integral value under RC. */
struct fx80 fx_rndint(uint16_t fcw, unsigned *flags, struct fx80 a);
/* FSCALE: a * 2^trunc(b). */
struct fx80 fx_scale(uint16_t fcw, unsigned *flags, struct fx80 a,
		     struct fx80 b);
/* FPREM (round_nearest 0) / FPREM1 (1): complete remainder; *q gets the
 * low three quotient bits. */
struct fx80 fx_prem(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b,
		    int round_nearest, unsigned *q);
/* Compare: -1, 0, 1, or 2 unordered; quiet (FUCOM) raises IE only for
 * SNaN, otherwise for any NaN. */
int fx_compare(unsigned *flags, struct fx80 a, struct fx80 b, int quiet);

struct fx80 fx_from_i64(int64_t v);
struct fx80 fx_from_f32(unsigned *flags, uint32_t v);
struct fx80 fx_from_f64(unsigned *flags, uint64_t v);
/* To a bits-wide integer (16, 32, 64); trunc ignores RC.  Out of range
 * or NaN: IE and the integer indefinite. */
int64_t fx_to_int(uint16_t fcw, unsigned *flags, struct fx80 a, int bits,
		  int trunc);
uint32_t fx_to_f32(uint16_t fcw, unsigned *flags, struct fx80 a);
uint64_t fx_to_f64(uint16_t fcw, unsigned *flags, struct fx80 a);
/* Approximate conversions for the transcendental instructions, which
 * wax computes in double precision. */
double fx_to_double(struct fx80 a);
struct fx80 fx_from_double(double d);

static inline int fx_sign(struct fx80 a)
{
	return a.se >> 15;
}

static inline int fx_exp(struct fx80 a)
{
	return a.se & 0x7fff;
}

static inline int fx_is_nan(struct fx80 a)
{
	return fx_exp(a) == 0x7fff && (a.m << 1) != 0;
}

static inline int fx_is_inf(struct fx80 a)
{
	return fx_exp(a) == 0x7fff && (a.m << 1) == 0;
}

static inline int fx_is_zero(struct fx80 a)
{
	return fx_exp(a) == 0 && a.m == 0;
}

static const struct fx80 fx_indefinite = {0xc000000000000000ull, 0xffff};

/* ---- stack ---- */

static inline int phys(const struct x87_state *x, int i)
{
	return (x->top + i) & 7;
}

/* ST(i), or the indefinite with a stack-underflow fault when empty. */
static inline struct fx80 st_get(struct x87_state *x, int i, unsigned *f)
{
	int p = phys(x, i);

	if (x->empty & (1u << p)) {
		*f = (*f | FSW_IE | FSW_SF) & ~FSW_C1;
		return fx_indefinite;
	}
	return x->st[p];
}

static inline void st_set(struct x87_state *x, int i, struct fx80 v)
{
	int p = phys(x, i);

	x->st[p] = v;
	x->empty &= ~(1u << p);
}

static inline void st_push(struct x87_state *x, struct fx80 v, unsigned *f)
{
	x->top = (x->top - 1) & 7;
	if (!(x->empty & (1u << x->top))) {
		/* stack overflow */
		*f |= FSW_IE | FSW_SF | FSW_C1;
		v = fx_indefinite;
	}
	st_set(x, 0, v);
}

static inline void st_pop(struct x87_state *x)
{
	x->empty |= 1u << x->top;
	x->top = (x->top + 1) & 7;
}

/* The value an instruction writes: the indefinite when it hit a stack
 * fault (masked #IS: the operation itself is not performed). */
static inline struct fx80 st_result(unsigned f, struct fx80 r)
{
	return (f & FSW_SF) ? fx_indefinite : r;
}

/* Records this instruction's exception flags and condition bit C1.  A
 * stack fault suppresses the operation, so only IE/SF/C1 remain. */
static inline void x87_commit(struct x87_state *x, unsigned f)
{
	if (f & FSW_SF)
		f &= FSW_IE | FSW_SF | FSW_C1;
	/* an invalid operand or a zero divisor is reported instead of a
	 * denormal operand (what the hardware does) */
	if (f & (FSW_IE | FSW_ZE))
		f &= ~FSW_DE;
	x->fsw = (uint16_t)((x->fsw & ~FSW_C1) | (f & (0x7f | FSW_C1)));
	if (f & ~x->fcw & 0x3f)
		x->fsw |= FSW_ES | 0x8000;
}

static inline void set_cc(struct x87_state *x, int c)
{
	unsigned cc = c == 2   ? FSW_C3 | FSW_C2 | FSW_C0
		      : c < 0  ? FSW_C0
		      : c == 0 ? FSW_C3
			       : 0;
	x->fsw = (uint16_t)((x->fsw & ~(FSW_C3 | FSW_C2 | FSW_C0)) | cc);
}

/* x87_ctl.c: control, environment, constants, transcendentals. */
void x87_ctl_mem(struct cpu *cpu, const struct insn *in, struct x87_state *x,
		 gaddr a);
void x87_ctl_reg(struct cpu *cpu, const struct insn *in, struct x87_state *x);

#endif
