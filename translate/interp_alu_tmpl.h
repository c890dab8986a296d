/*
 * Width template for interp_alu.c: the eight ALU ops, TEST, INC, DEC, NOT,
 * NEG, XCHG, XADD, CMPXCHG.  Included once per operand size.
 */
#include "interp_width.h"

/*
 * One ALU op: its flag record and its three forms (r/m,reg; reg,r/m;
 * r/m,imm; the accumulator forms decode as r/m = rAX).  CIN is read once
 * before a locked retry loop, since each attempt overwrites the record.
 */
#define ALU_OP(name, KIND, EXPR, WRITE, CIN)                                   \
	static inline T W(alu_##name)(struct cpu * cpu, T d, T s, unsigned c)  \
	{                                                                      \
		T r = (T)(EXPR);                                               \
		cpu->cc_dst = d;                                               \
		cpu->cc_src = s;                                               \
		cpu->cc_res = r;                                               \
		cpu->cc_op = KIND + IDX;                                       \
		return r;                                                      \
	}                                                                      \
	static inline void W(alu_rm_##name)(struct cpu * cpu,                  \
					    const struct insn *in, T s)        \
	{                                                                      \
		unsigned c = CIN;                                              \
		if (in->mod == 3) {                                            \
			T r = W(alu_##name)(cpu, W(rd_gpr)(cpu, in, in->rm),   \
					    s, c);                             \
			if (WRITE)                                             \
				W(wr_gpr)(cpu, in, in->rm, r);                 \
		} else {                                                       \
			gaddr a = insn_ea(cpu, in);                            \
			if (WRITE && in->lock) {                               \
				RMW_LOCKED(cpu, a, old,                        \
					   W(alu_##name)(cpu, old, s, c));     \
			} else {                                               \
				T r = W(alu_##name)(cpu, W(mem_ld)(cpu, a), s, \
						    c);                        \
				if (WRITE)                                     \
					W(mem_st)(cpu, a, r);                  \
			}                                                      \
		}                                                              \
		insn_next(cpu, in);                                            \
	}                                                                      \
	void W(op_##name##_rm_r)(struct cpu * cpu, const struct insn *in)      \
	{                                                                      \
		W(alu_rm_##name)(cpu, in, W(rd_gpr)(cpu, in, in->reg));        \
	}                                                                      \
	void W(op_##name##_rm_i)(struct cpu * cpu, const struct insn *in)      \
	{                                                                      \
		W(alu_rm_##name)(cpu, in, (T)in->imm);                         \
	}                                                                      \
	/* register-only forms, picked by the decoder when mod == 3 */         \
	void W(op_##name##_rm_r_reg)(struct cpu * cpu, const struct insn *in)  \
	{                                                                      \
		unsigned c = CIN;                                              \
		T r = W(alu_##name)(cpu, W(rd_gpr)(cpu, in, in->rm),           \
				    W(rd_gpr)(cpu, in, in->reg), c);           \
		if (WRITE)                                                     \
			W(wr_gpr)(cpu, in, in->rm, r);                         \
		insn_next(cpu, in);                                            \
	}                                                                      \
	void W(op_##name##_rm_i_reg)(struct cpu * cpu, const struct insn *in)  \
	{                                                                      \
		unsigned c = CIN;                                              \
		T r = W(alu_##name)(cpu, W(rd_gpr)(cpu, in, in->rm),           \
				    (T)in->imm, c);                            \
		if (WRITE)                                                     \
			W(wr_gpr)(cpu, in, in->rm, r);                         \
		insn_next(cpu, in);                                            \
	}                                                                      \
	void W(op_##name##_r_rm_reg)(struct cpu * cpu, const struct insn *in)  \
	{                                                                      \
		unsigned c = CIN;                                              \
		T r = W(alu_##name)(cpu, W(rd_gpr)(cpu, in, in->reg),          \
				    W(rd_gpr)(cpu, in, in->rm), c);            \
		if (WRITE)                                                     \
			W(wr_gpr)(cpu, in, in->reg, r);                        \
		insn_next(cpu, in);                                            \
	}                                                                      \
	void W(op_##name##_r_rm)(struct cpu * cpu, const struct insn *in)      \
	{                                                                      \
		unsigned c = CIN;                                              \
		T s = W(rd_rm)(cpu, in);                                       \
		T r = W(alu_##name)(cpu, W(rd_gpr)(cpu, in, in->reg), s, c);   \
		if (WRITE)                                                     \
			W(wr_gpr)(cpu, in, in->reg, r);                        \
		insn_next(cpu, in);                                            \
	}

ALU_OP(add, CC_OP_ADD8, d + s, 1, 0)
ALU_OP(or, CC_OP_LOGIC8, d | s, 1, 0)
ALU_OP(adc, CC_OP_ADC8, d + s + c, 1, flags_cf(cpu))
ALU_OP(sbb, CC_OP_SBB8, d - s - c, 1, flags_cf(cpu))
ALU_OP(and, CC_OP_LOGIC8, d &s, 1, 0)
ALU_OP(sub, CC_OP_SUB8, d - s, 1, 0)
ALU_OP(xor, CC_OP_LOGIC8, d ^ s, 1, 0)
ALU_OP(cmp, CC_OP_SUB8, d - s, 0, 0)
ALU_OP(test, CC_OP_LOGIC8, d &s, 0, 0)
#undef ALU_OP

/* INC, DEC, NOT, NEG: one r/m operand, lockable. */
#define UNARY_OP(name, KIND, EXPR, SRC)                                        \
	static inline T W(un_##name)(struct cpu * cpu, T d, unsigned c)        \
	{                                                                      \
		T r = (T)(EXPR);                                               \
		if (KIND) {                                                    \
			cpu->cc_dst = d;                                       \
			cpu->cc_src = SRC;                                     \
			cpu->cc_res = r;                                       \
			cpu->cc_op = KIND + IDX;                               \
		}                                                              \
		return r;                                                      \
	}                                                                      \
	void W(op_##name)(struct cpu * cpu, const struct insn *in)             \
	{                                                                      \
		unsigned c = (KIND == CC_OP_INC8 || KIND == CC_OP_DEC8)        \
				     ? flags_cf(cpu)                           \
				     : 0;                                      \
		if (in->mod == 3) {                                            \
			W(wr_gpr)                                              \
			(cpu, in, in->rm,                                      \
			 W(un_##name)(cpu, W(rd_gpr)(cpu, in, in->rm), c));    \
		} else {                                                       \
			gaddr a = insn_ea(cpu, in);                            \
			if (in->lock)                                          \
				RMW_LOCKED(cpu, a, old,                        \
					   W(un_##name)(cpu, old, c));         \
			else                                                   \
				W(mem_st)                                      \
			(cpu, a, W(un_##name)(cpu, W(mem_ld)(cpu, a), c));     \
		}                                                              \
		insn_next(cpu, in);                                            \
	}

UNARY_OP(inc, CC_OP_INC8, d + 1, c)
UNARY_OP(dec, CC_OP_DEC8, d - 1, c)
UNARY_OP(not, 0, ~d, 0)
/* NEG is SUB from 0: dst 0, src the operand */
static inline T W(un_neg)(struct cpu *cpu, T d, unsigned c)
{
	T r = (T)-d;

	cpu->cc_dst = 0;
	cpu->cc_src = d;
	cpu->cc_res = r;
	cpu->cc_op = CC_OP_SUB8 + IDX;
	return r;
}
void W(op_neg)(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3) {
		W(wr_gpr)
		(cpu, in, in->rm,
		 W(un_neg)(cpu, W(rd_gpr)(cpu, in, in->rm), 0));
	} else {
		gaddr a = insn_ea(cpu, in);
		if (in->lock)
			RMW_LOCKED(cpu, a, old, W(un_neg)(cpu, old, 0));
		else
			W(mem_st)(cpu, a, W(un_neg)(cpu, W(mem_ld)(cpu, a), 0));
	}
	insn_next(cpu, in);
}
#undef UNARY_OP

/* XCHG r/m, reg: implicitly locked with memory. */
void W(op_xchg)(struct cpu *cpu, const struct insn *in)
{
	T v = W(rd_gpr)(cpu, in, in->reg), old;

	if (in->mod == 3) {
		old = W(rd_gpr)(cpu, in, in->rm);
		W(wr_gpr)(cpu, in, in->rm, v);
	} else {
		gaddr a = insn_ea(cpu, in);
		T *p = mem_rmw_ptr(cpu, a, sizeof(T));

		if (p && ((uintptr_t)p & (sizeof(T) - 1)) == 0) {
			old = __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
		} else {
			mem_rmw_ptr(cpu, a, 1);
			mem_rmw_ptr(cpu, (a + sizeof(T) - 1) & GUEST_PAGE_MASK,
				    1);
			pthread_mutex_lock(&mem_rmw_lock);
			old = W(mem_ld)(cpu, a);
			W(mem_st)(cpu, a, v);
			pthread_mutex_unlock(&mem_rmw_lock);
		}
	}
	W(wr_gpr)(cpu, in, in->reg, old);
	insn_next(cpu, in);
}

/* XADD r/m, reg: reg gets the old r/m, r/m the sum. */
void W(op_xadd)(struct cpu *cpu, const struct insn *in)
{
	T s = W(rd_gpr)(cpu, in, in->reg), old;

	if (in->mod == 3) {
		old = W(rd_gpr)(cpu, in, in->rm);
		W(wr_gpr)(cpu, in, in->reg, old);
		W(wr_gpr)(cpu, in, in->rm, W(alu_add)(cpu, old, s, 0));
	} else {
		gaddr a = insn_ea(cpu, in);
		T seen = 0;

		if (in->lock) {
			RMW_LOCKED(cpu, a, o, (seen = o, (T)(o + s)));
			old = seen;
		} else {
			old = W(mem_ld)(cpu, a);
			W(mem_st)(cpu, a, (T)(old + s));
		}
		W(alu_add)(cpu, old, s, 0);
		W(wr_gpr)(cpu, in, in->reg, old);
	}
	insn_next(cpu, in);
}

/*
 * CMPXCHG r/m, reg: compares rAX with r/m; equal: r/m = reg, else
 * rAX = r/m.  The memory form always writes (the old value when unequal)
 * like the hardware, so it needs write permission either way.
 */
void W(op_cmpxchg)(struct cpu *cpu, const struct insn *in)
{
	T acc = (T)cpu->regs[R_RAX], src = W(rd_gpr)(cpu, in, in->reg), old;

	if (in->mod == 3) {
		old = W(rd_gpr)(cpu, in, in->rm);
		if (old == acc)
			W(wr_gpr)(cpu, in, in->rm, src);
	} else {
		gaddr a = insn_ea(cpu, in);
		T *p = mem_rmw_ptr(cpu, a, sizeof(T));

		if (p && ((uintptr_t)p & (sizeof(T) - 1)) == 0) {
			old = acc;
			__atomic_compare_exchange_n(p, &old, src, false,
						    __ATOMIC_SEQ_CST,
						    __ATOMIC_SEQ_CST);
		} else {
			mem_rmw_ptr(cpu, a, 1);
			mem_rmw_ptr(cpu, (a + sizeof(T) - 1) & GUEST_PAGE_MASK,
				    1);
			pthread_mutex_lock(&mem_rmw_lock);
			old = W(mem_ld)(cpu, a);
			W(mem_st)(cpu, a, old == acc ? src : old);
			pthread_mutex_unlock(&mem_rmw_lock);
		}
	}
	W(alu_cmp)(cpu, acc, old, 0);
	if (old != acc)
		W(wr_gpr)(cpu, in, R_RAX, old);
	insn_next(cpu, in);
}

#include "interp_width_end.h"
