/*
 * Width template for interp_muldiv.c: MUL, IMUL (one, two and three
 * operands), DIV, IDIV.  Double-width values use the next wider type
 * (unsigned __int128 for 64-bit).
 */
#include "interp_width.h"

#if BITS == 8
#define TW  uint16_t
#define STW int16_t
#elif BITS == 16
#define TW  uint32_t
#define STW int32_t
#elif BITS == 32
#define TW  uint64_t
#define STW int64_t
#else
#define TW  unsigned __int128
#define STW __int128
#endif

static inline void W(mul_flags)(struct cpu *cpu, T lo, bool overflow)
{
	cpu->cc_res = lo;
	cpu->cc_src = overflow;
	cpu->cc_op = CC_OP_MUL8 + IDX;
}

/* The double-width accumulator pair: AX, DX:AX, EDX:EAX, RDX:RAX. */
static inline TW W(acc_get)(struct cpu *cpu)
{
#if BITS == 8
	return (uint16_t)cpu->regs[R_RAX];
#else
	return ((TW)(T)cpu->regs[R_RDX] << BITS) | (T)cpu->regs[R_RAX];
#endif
}

static inline void W(acc_set)(struct cpu *cpu, const struct insn *in, T lo,
			      T hi)
{
#if BITS == 8
	wr_gpr16(cpu, in, R_RAX, (uint16_t)(lo | hi << 8));
#else
	W(wr_gpr)(cpu, in, R_RAX, lo);
	W(wr_gpr)(cpu, in, R_RDX, hi);
#endif
}

void W(op_mul)(struct cpu *cpu, const struct insn *in)
{
	TW p = (TW)W(rd_rm)(cpu, in) * (T)cpu->regs[R_RAX];
	T lo = (T)p, hi = (T)(p >> BITS);

	W(acc_set)(cpu, in, lo, hi);
	W(mul_flags)(cpu, lo, hi != 0);
	insn_next(cpu, in);
}

void W(op_imul1)(struct cpu *cpu, const struct insn *in)
{
	STW p = (STW)(ST)W(rd_rm)(cpu, in) * (ST)cpu->regs[R_RAX];
	T lo = (T)p, hi = (T)((TW)p >> BITS);

	W(acc_set)(cpu, in, lo, hi);
	W(mul_flags)(cpu, lo, p != (STW)(ST)lo);
	insn_next(cpu, in);
}

void W(op_div)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_rm)(cpu, in);
	TW n = W(acc_get)(cpu), q;

	if (s == 0)
		cpu_raise(cpu, LINUX_SIGFPE, LINUX_FPE_INTDIV, cpu->rip);
	q = n / s;
	if (q >> BITS)
		cpu_raise(cpu, LINUX_SIGFPE, LINUX_FPE_INTDIV, cpu->rip);
	W(acc_set)(cpu, in, (T)q, (T)(n % s));
	insn_next(cpu, in);
}

void W(op_idiv)(struct cpu *cpu, const struct insn *in)
{
	ST s = (ST)W(rd_rm)(cpu, in);
	STW n = (STW)W(acc_get)(cpu), q;

	if (s == 0)
		cpu_raise(cpu, LINUX_SIGFPE, LINUX_FPE_INTDIV, cpu->rip);
	/* the one quotient that overflows STW itself: MIN / -1 */
	if (s == -1 && n == (STW)((TW)1 << (2 * BITS - 1)))
		cpu_raise(cpu, LINUX_SIGFPE, LINUX_FPE_INTDIV, cpu->rip);
	q = n / s;
	if (q != (STW)(ST)q)
		cpu_raise(cpu, LINUX_SIGFPE, LINUX_FPE_INTDIV, cpu->rip);
	W(acc_set)(cpu, in, (T)q, (T)(n % s));
	insn_next(cpu, in);
}

#if BITS != 8
static inline T W(imul2)(struct cpu *cpu, T a, T b)
{
	STW p = (STW)(ST)a * (ST)b;

	W(mul_flags)(cpu, (T)p, p != (STW)(ST)(T)p);
	return (T)p;
}

/* 0F AF: reg *= r/m */
void W(op_imul_r_rm)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_rm)(cpu, in);

	W(wr_gpr)
	(cpu, in, in->reg, W(imul2)(cpu, W(rd_gpr)(cpu, in, in->reg), s));
	insn_next(cpu, in);
}

/* 69 / 6B: reg = r/m * imm */
void W(op_imul_r_rm_i)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_rm)(cpu, in);

	W(wr_gpr)(cpu, in, in->reg, W(imul2)(cpu, s, (T)in->imm));
	insn_next(cpu, in);
}
#endif

#undef TW
#undef STW
#include "interp_width_end.h"
