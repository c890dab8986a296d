/*
 * Width template for interp_bit.c (16/32/64 only): BT BTS BTR BTC in the
 * register and imm8 forms, BSF/BSR (TZCNT/LZCNT with F3), POPCNT.
 */
#include "interp_width.h"

/* CF = the bit; ZF kept; OF SF AF PF undefined (kept). */
static inline void W(bt_setcf)(struct cpu *cpu, unsigned bit)
{
	unsigned f = flags_get(cpu) & ~RFLAGS_CF;

	flags_set(cpu, f | (bit & 1));
}

/* kind: 0 BT, 1 BTS, 2 BTR, 3 BTC */
static inline T W(bt_apply)(T v, unsigned bit, int kind)
{
	T m = (T)1 << bit;

	switch (kind) {
	case 1:
		return v | m;
	case 2:
		return v & ~m;
	case 3:
		return v ^ m;
	}
	return v;
}

/*
 * The memory form with a register offset addresses outside the operand:
 * the signed offset selects the T-sized word at ea + (off >> log2(BITS))
 * * sizeof(T).  The imm8 form stays within the operand (offset mod BITS).
 */
static inline void W(bt_common)(struct cpu *cpu, const struct insn *in,
				int64_t off, bool reg_form, int kind)
{
	unsigned bit = (unsigned)off & (BITS - 1);
	T v;

	if (in->mod == 3) {
		v = W(rd_gpr)(cpu, in, in->rm);
		if (kind)
			W(wr_gpr)(cpu, in, in->rm, W(bt_apply)(v, bit, kind));
	} else {
		gaddr a = insn_ea(cpu, in);

		if (reg_form)
			a += (uint64_t)((off >> (BITS == 16   ? 4
						 : BITS == 32 ? 5
							      : 6)) *
					(int64_t)sizeof(T));
		if (kind && in->lock) {
			T seen = 0;

			RMW_LOCKED(cpu, a, o,
				   (seen = o, W(bt_apply)(o, bit, kind)));
			v = seen;
		} else {
			v = W(mem_ld)(cpu, a);
			if (kind)
				W(mem_st)(cpu, a, W(bt_apply)(v, bit, kind));
		}
	}
	W(bt_setcf)(cpu, (unsigned)(v >> bit) & 1);
	insn_next(cpu, in);
}

#define BT_OP(name, kind)                                                      \
	void W(op_##name)(struct cpu * cpu, const struct insn *in)             \
	{                                                                      \
		W(bt_common)                                                   \
		(cpu, in, (ST)W(rd_gpr)(cpu, in, in->reg), true, kind);        \
	}                                                                      \
	void W(op_##name##_i)(struct cpu * cpu, const struct insn *in)         \
	{                                                                      \
		W(bt_common)                                                   \
		(cpu, in, (int64_t)(in->imm & (BITS - 1)), false, kind);       \
	}
BT_OP(bt, 0)
BT_OP(bts, 1)
BT_OP(btr, 2)
BT_OP(btc, 3)
#undef BT_OP

static inline unsigned W(ctz)(T v)
{
	return BITS == 64 ? (unsigned)__builtin_ctzll(v)
			  : (unsigned)__builtin_ctz((unsigned)v);
}

static inline unsigned W(msb_index)(T v)
{
	return BITS == 64 ? 63u - (unsigned)__builtin_clzll(v)
			  : 31u - (unsigned)__builtin_clz((unsigned)v);
}

/* 0F BC: BSF; with F3: TZCNT */
void W(op_bsf)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_rm)(cpu, in);

	if (in->prefix == 0xf3) {
		T r = s ? (T)W(ctz)(s) : BITS;

		W(wr_gpr)(cpu, in, in->reg, r);
		flags_set(cpu, (s ? 0 : RFLAGS_CF) | (r ? 0 : RFLAGS_ZF));
	} else if (s) {
		W(wr_gpr)(cpu, in, in->reg, (T)W(ctz)(s));
		flags_set(cpu, 0);
	} else {
		flags_set(cpu, RFLAGS_ZF); /* destination unchanged */
	}
	insn_next(cpu, in);
}

/* 0F BD: BSR; with F3: LZCNT */
void W(op_bsr)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_rm)(cpu, in);

	if (in->prefix == 0xf3) {
		T r = s ? (T)(BITS - 1 - W(msb_index)(s)) : BITS;

		W(wr_gpr)(cpu, in, in->reg, r);
		flags_set(cpu, (s ? 0 : RFLAGS_CF) | (r ? 0 : RFLAGS_ZF));
	} else if (s) {
		W(wr_gpr)(cpu, in, in->reg, (T)W(msb_index)(s));
		flags_set(cpu, 0);
	} else {
		flags_set(cpu, RFLAGS_ZF);
	}
	insn_next(cpu, in);
}

/* F3 0F B8: POPCNT; ZF = (source == 0), other flags cleared */
void W(op_popcnt)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_rm)(cpu, in);

	W(wr_gpr)
	(cpu, in, in->reg,
	 (T)(BITS == 64 ? __builtin_popcountll(s)
			: __builtin_popcount((unsigned)s)));
	flags_set(cpu, s ? 0 : RFLAGS_ZF);
	insn_next(cpu, in);
}

#include "interp_width_end.h"
