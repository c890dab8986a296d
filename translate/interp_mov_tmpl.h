/*
 * Width template for interp_mov.c: MOV forms, MOVZX/MOVSX/MOVSXD, LEA,
 * CMOVcc, CBW/CWD families, BSWAP, MOVBE, PUSH/POP, PUSHF/POPF, LEAVE.
 * Included once per operand size; sections exist only for the sizes the
 * instruction has.
 */
#include "interp_width.h"

void W(op_mov_rm_r)(struct cpu *cpu, const struct insn *in)
{
	W(wr_rm)(cpu, in, W(rd_gpr)(cpu, in, in->reg));
	insn_next(cpu, in);
}

void W(op_mov_r_rm)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, W(rd_rm)(cpu, in));
	insn_next(cpu, in);
}

void W(op_mov_rm_i)(struct cpu *cpu, const struct insn *in)
{
	W(wr_rm)(cpu, in, (T)in->imm);
	insn_next(cpu, in);
}

/* register-only forms, picked by the decoder when mod == 3 */
void W(op_mov_rm_r_reg)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->rm, W(rd_gpr)(cpu, in, in->reg));
	insn_next(cpu, in);
}

void W(op_mov_r_rm_reg)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, W(rd_gpr)(cpu, in, in->rm));
	insn_next(cpu, in);
}

void W(op_mov_rm_i_reg)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->rm, (T)in->imm);
	insn_next(cpu, in);
}

/* A0-A3: the accumulator and an absolute address */
void W(op_mov_a_moffs)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)
	(cpu, in, R_RAX, W(mem_ld)(cpu, in->imm + insn_seg_base(cpu, in)));
	insn_next(cpu, in);
}

void W(op_mov_moffs_a)(struct cpu *cpu, const struct insn *in)
{
	W(mem_st)
	(cpu, in->imm + insn_seg_base(cpu, in), W(rd_gpr)(cpu, in, R_RAX));
	insn_next(cpu, in);
}

#if BITS != 8
void W(op_lea)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, (T)insn_offset(cpu, in));
	insn_next(cpu, in);
}

void W(op_movzx_b)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, (T)rd_rm8(cpu, in));
	insn_next(cpu, in);
}

void W(op_movzx_w)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, (T)rd_rm16(cpu, in));
	insn_next(cpu, in);
}

void W(op_movsx_b)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, (T)(ST)(int8_t)rd_rm8(cpu, in));
	insn_next(cpu, in);
}

void W(op_movsx_w)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, (T)(ST)(int16_t)rd_rm16(cpu, in));
	insn_next(cpu, in);
}

/* 63: MOVSXD with REX.W; a plain MOV otherwise */
void W(op_movsxd)(struct cpu *cpu, const struct insn *in)
{
#if BITS == 64
	W(wr_gpr)(cpu, in, in->reg, (T)(int64_t)(int32_t)rd_rm32(cpu, in));
#else
	W(wr_gpr)(cpu, in, in->reg, W(rd_rm)(cpu, in));
#endif
	insn_next(cpu, in);
}

/* The source is read (and may fault) and a 32-bit destination is
 * zero-extended even when the condition is false. */
void W(op_cmov)(struct cpu *cpu, const struct insn *in)
{
	T v = W(rd_rm)(cpu, in);

	if (!flags_cond_fast(cpu, in->op & 15))
		v = W(rd_gpr)(cpu, in, in->reg);
	W(wr_gpr)(cpu, in, in->reg, v);
	insn_next(cpu, in);
}

/* 98: CBW / CWDE / CDQE */
void W(op_cbw)(struct cpu *cpu, const struct insn *in)
{
	int sh = 64 - BITS / 2;

	W(wr_gpr)
	(cpu, in, R_RAX, (T)(ST)((int64_t)(cpu->regs[R_RAX] << sh) >> sh));
	insn_next(cpu, in);
}

/* 99: CWD / CDQ / CQO */
void W(op_cwd)(struct cpu *cpu, const struct insn *in)
{
	T a = (T)cpu->regs[R_RAX];

	W(wr_gpr)(cpu, in, R_RDX, (a & MSB) ? (T) ~(T)0 : 0);
	insn_next(cpu, in);
}

static inline T W(bswap)(T v)
{
#if BITS == 16
	return 0; /* undefined; Intel hardware leaves zero */
#elif BITS == 32
	return __builtin_bswap32(v);
#else
	return __builtin_bswap64(v);
#endif
}

void W(op_bswap)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->rm, W(bswap)(W(rd_gpr)(cpu, in, in->rm)));
	insn_next(cpu, in);
}

/* MOVBE: byte-swapping load/store (16-bit: swap the two bytes) */
static inline T W(movbe_swap)(T v)
{
#if BITS == 16
	return (T)(v << 8 | v >> 8);
#else
	return W(bswap)(v);
#endif
}

void W(op_movbe_load)(struct cpu *cpu, const struct insn *in)
{
	W(wr_gpr)(cpu, in, in->reg, W(movbe_swap)(W(rd_rm)(cpu, in)));
	insn_next(cpu, in);
}

void W(op_movbe_store)(struct cpu *cpu, const struct insn *in)
{
	W(wr_rm)(cpu, in, W(movbe_swap)(W(rd_gpr)(cpu, in, in->reg)));
	insn_next(cpu, in);
}
#endif /* BITS != 8 */

#if BITS == 16 || BITS == 64
static inline void W(push_val)(struct cpu *cpu, T v)
{
	gaddr sp = cpu->regs[R_RSP] - sizeof(T);

	W(mem_st)(cpu, sp, v);
	cpu->regs[R_RSP] = sp;
}

/* 50+r, FF /6 */
void W(op_push)(struct cpu *cpu, const struct insn *in)
{
	W(push_val)(cpu, W(rd_rm)(cpu, in));
	insn_next(cpu, in);
}

void W(op_push_i)(struct cpu *cpu, const struct insn *in)
{
	W(push_val)(cpu, (T)in->imm);
	insn_next(cpu, in);
}

/* 58+r, 8F /0: a memory destination addressed through RSP uses the
 * incremented RSP; POP RSP leaves the popped value. */
void W(op_pop)(struct cpu *cpu, const struct insn *in)
{
	uint64_t sp = cpu->regs[R_RSP];
	T v = W(mem_ld)(cpu, sp);

	if (in->mod == 3) {
		cpu->regs[R_RSP] = sp + sizeof(T);
		W(wr_gpr)(cpu, in, in->rm, v);
	} else {
		gaddr a;

		cpu->regs[R_RSP] = sp + sizeof(T);
		a = insn_ea(cpu, in);
		cpu->regs[R_RSP] = sp;
		W(mem_st)(cpu, a, v);
		cpu->regs[R_RSP] = sp + sizeof(T);
	}
	insn_next(cpu, in);
}

void W(op_pushf)(struct cpu *cpu, const struct insn *in)
{
	/* RF and VM read as 0 in the pushed image */
	W(push_val)(cpu, (T)(cpu_get_rflags(cpu) & ~0x30000ull));
	insn_next(cpu, in);
}

/* User mode POPF changes the status flags, TF, DF, NT, AC, ID (not IF or
 * IOPL) */
void W(op_popf)(struct cpu *cpu, const struct insn *in)
{
	uint64_t keep = RFLAGS_IF | 0x3000u, old = cpu_get_rflags(cpu);
	uint64_t v = W(mem_ld)(cpu, cpu->regs[R_RSP]);
	uint64_t mask = FLAGS_STATUS | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC |
			RFLAGS_ID | 0x4000u /* NT */;

	if (BITS == 16)
		mask &= 0xffff;
	mask &= ~keep;
	cpu->regs[R_RSP] += sizeof(T);
	cpu_set_rflags(cpu, (old & ~mask) | (v & mask));
	insn_next(cpu, in);
}

void W(op_leave)(struct cpu *cpu, const struct insn *in)
{
	T v = W(mem_ld)(cpu, cpu->regs[R_RBP]);

	cpu->regs[R_RSP] = cpu->regs[R_RBP] + sizeof(T);
	W(wr_gpr)(cpu, in, R_RBP, v);
	insn_next(cpu, in);
}
#endif

#include "interp_width_end.h"
