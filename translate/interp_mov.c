/*
 * Data movement handlers: MOV forms, MOVZX/MOVSX/MOVSXD, LEA, CMOVcc,
 * SETcc, CBW/CWD families, BSWAP, MOVBE, PUSH/POP, PUSHF/POPF, LAHF/SAHF,
 * LEAVE/ENTER, XLAT, segment-register moves.  Width variants come from
 * interp_mov_tmpl.h.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include "decode.h"

#define BITS 8
#include "interp_mov_tmpl.h"
#define BITS 16
#include "interp_mov_tmpl.h"
#define BITS 32
#include "interp_mov_tmpl.h"
#define BITS 64
#include "interp_mov_tmpl.h"

void op_setcc(struct cpu *cpu, const struct insn *in)
{
	wr_rm8(cpu, in, flags_cond_fast(cpu, in->op & 15));
	insn_next(cpu, in);
}

/* 9F: AH = SF:ZF:0:AF:0:PF:1:CF */
void op_lahf(struct cpu *cpu, const struct insn *in)
{
	*((uint8_t *)&cpu->regs[R_RAX] + 1) =
		(uint8_t)((flags_get(cpu) & 0xd5) | 2);
	insn_next(cpu, in);
}

/* 9E: SF ZF AF PF CF from AH; OF kept */
void op_sahf(struct cpu *cpu, const struct insn *in)
{
	unsigned ah = (uint8_t)(cpu->regs[R_RAX] >> 8);

	flags_set(cpu, (flags_get(cpu) & RFLAGS_OF) | (ah & 0xd5));
	insn_next(cpu, in);
}

/* C8: ENTER imm16, imm8 (64-bit operand size) */
void op_enter(struct cpu *cpu, const struct insn *in)
{
	uint64_t sp = cpu->regs[R_RSP], bp = cpu->regs[R_RBP], frame;
	unsigned level = in->imm2 & 31;

	sp -= 8;
	mem_st64(cpu, sp, bp);
	frame = sp;
	for (unsigned k = 1; k < level; k++) {
		sp -= 8;
		mem_st64(cpu, sp, mem_ld64(cpu, bp - 8 * k));
	}
	if (level) {
		sp -= 8;
		mem_st64(cpu, sp, frame);
	}
	sp -= in->imm & 0xffff;
	cpu->regs[R_RBP] = frame;
	cpu->regs[R_RSP] = sp;
	insn_next(cpu, in);
}

/* D7: AL = [rBX + AL] */
void op_xlat(struct cpu *cpu, const struct insn *in)
{
	gaddr a = cpu->regs[R_RBX] + (uint8_t)cpu->regs[R_RAX];

	if (in->addrsize == 4)
		a = (uint32_t)a;
	*(uint8_t *)&cpu->regs[R_RAX] =
		mem_ld8(cpu, a + insn_seg_base(cpu, in));
	insn_next(cpu, in);
}

/* 8C: MOV r/m, Sreg.  Selectors as 64-bit Linux user mode has them. */
void op_mov_r_sreg(struct cpu *cpu, const struct insn *in)
{
	static const uint16_t sel[8] = {0, 0x33, 0x2b, 0, 0, 0, 0, 0};
	unsigned s = in->reg & 7;

	if (s > 5)
		insn_ud(cpu, in);
	if (in->mod == 3) /* register destination: zero-extended */
		wr_gpr32(cpu, in, in->rm, sel[s]);
	else
		mem_st16(cpu, insn_ea(cpu, in), sel[s]);
	insn_next(cpu, in);
}

/* 8E: MOV Sreg, r/m.  Loading a null or the usual selector is accepted
 * and ignored; CS cannot be loaded (#UD). */
void op_mov_sreg_r(struct cpu *cpu, const struct insn *in)
{
	unsigned s = in->reg & 7;

	if (s == 1 || s > 5)
		insn_ud(cpu, in);
	(void)rd_rm16(cpu, in);
	insn_next(cpu, in);
}
