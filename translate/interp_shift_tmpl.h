/*
 * Width template for interp_shift.c: SHL SHR SAR ROL ROR RCL RCR (count
 * 1, CL or imm8) and SHLD/SHRD.  A masked count of 0 changes no flags;
 * OF is exact for count 1 (undefined otherwise, SDM vol. 2).
 */
#include "interp_width.h"

#define CMASK (BITS == 64 ? 63u : 31u)

/* Reads the r/m operand, returns its address in *a (memory form). */
static inline T W(sh_load)(struct cpu *cpu, const struct insn *in, gaddr *a)
{
	if (in->mod == 3)
		return W(rd_gpr)(cpu, in, in->rm);
	*a = insn_ea(cpu, in);
	return W(mem_ld)(cpu, *a);
}

static inline void W(sh_store)(struct cpu *cpu, const struct insn *in, gaddr a,
			       T v)
{
	if (in->mod == 3)
		W(wr_gpr)(cpu, in, in->rm, v);
	else
		W(mem_st)(cpu, a, v);
}

static inline void W(sh_flags)(struct cpu *cpu, unsigned kind, T d, T r,
			       unsigned cf)
{
	cpu->cc_dst = d;
	cpu->cc_src = cf;
	cpu->cc_res = r;
	cpu->cc_op = kind + IDX;
}

/* Replaces CF and OF only (rotates). */
static inline void W(rot_flags)(struct cpu *cpu, unsigned cf, unsigned of)
{
	flags_set_cf_of(cpu, cf, of);
}

void W(op_shl)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		r = c < BITS ? (T)((uint64_t)d << c) : 0;
		W(sh_flags)
		(cpu, CC_OP_SHL8, d, r,
		 c <= BITS ? (unsigned)((uint64_t)d >> (BITS - c)) & 1 : 0);
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

void W(op_shr)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		r = c < BITS ? (T)(d >> c) : 0;
		W(sh_flags)
		(cpu, CC_OP_SHR8, d, r,
		 c <= BITS ? (unsigned)(d >> (c - 1)) & 1 : 0);
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

void W(op_sar)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		unsigned c1 = MIN(c, BITS - 1u), c2 = MIN(c - 1, BITS - 1u);

		r = (T)((ST)d >> c1);
		W(sh_flags)(cpu, CC_OP_SAR8, d, r, (unsigned)((ST)d >> c2) & 1);
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

void W(op_rol)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		unsigned k = c & (BITS - 1);

		r = k ? (T)(d << k | d >> (BITS - k)) : d;
		W(rot_flags)(cpu, r & 1, ((r & MSB) != 0) ^ (r & 1));
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

void W(op_ror)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		unsigned k = c & (BITS - 1);

		r = k ? (T)(d >> k | d << (BITS - k)) : d;
		W(rot_flags)
		(cpu, (r & MSB) != 0,
		 ((r & MSB) != 0) ^ ((r & (MSB >> 1)) != 0));
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

void W(op_rcl)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		unsigned cf = flags_cf(cpu), n = BITS < 32 ? c % (BITS + 1) : c;

		for (unsigned k = 0; k < n; k++) {
			unsigned out = (r & MSB) != 0;

			r = (T)(r << 1 | cf);
			cf = out;
		}
		W(rot_flags)(cpu, cf, ((r & MSB) != 0) ^ cf);
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

void W(op_rcr)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = shift_count(cpu, in) & CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d;

	if (c) {
		unsigned cf = flags_cf(cpu), n = BITS < 32 ? c % (BITS + 1) : c;

		for (unsigned k = 0; k < n; k++) {
			unsigned out = r & 1;

			r = (T)(r >> 1 | (cf ? MSB : 0));
			cf = out;
		}
		W(rot_flags)
		(cpu, cf, ((r & MSB) != 0) ^ ((r & (MSB >> 1)) != 0));
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

#if BITS != 8
/* SHLD/SHRD flags: SF ZF PF of the result, CF last bit out, OF = sign
 * change (count 1), AF 0. */
static inline void W(shd_flags)(struct cpu *cpu, T d, T r, unsigned cf)
{
	unsigned f;

	W(sh_flags)(cpu, CC_OP_LOGIC8, d, r, 0);
	f = flags_get(cpu);
	if (cf)
		f |= RFLAGS_CF;
	if ((d ^ r) & MSB)
		f |= RFLAGS_OF;
	flags_set(cpu, f);
}

/* 0F A4 (imm8) / 0F A5 (CL): shift d left, filling from s */
void W(op_shld)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = (in->op == 0xa4 ? (unsigned)in->imm
				     : (unsigned)cpu->regs[R_RCX]) &
		     CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d, s = W(rd_gpr)(cpu, in, in->reg);

	if (c) {
		unsigned __int128 v = ((unsigned __int128)d << BITS) | s;

		r = (T)((v << c) >> BITS);
		W(shd_flags)(cpu, d, r, (unsigned)(v >> (2 * BITS - c)) & 1);
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}

/* 0F AC (imm8) / 0F AD (CL): shift d right, filling from s */
void W(op_shrd)(struct cpu *cpu, const struct insn *in)
{
	unsigned c = (in->op == 0xac ? (unsigned)in->imm
				     : (unsigned)cpu->regs[R_RCX]) &
		     CMASK;
	gaddr a = 0;
	T d = W(sh_load)(cpu, in, &a), r = d, s = W(rd_gpr)(cpu, in, in->reg);

	if (c) {
		unsigned __int128 v = ((unsigned __int128)s << BITS) | d;

		r = (T)(v >> c);
		W(shd_flags)(cpu, d, r, (unsigned)(v >> (c - 1)) & 1);
	}
	W(sh_store)(cpu, in, a, r);
	insn_next(cpu, in);
}
#endif

#undef CMASK
#include "interp_width_end.h"
