/*
 * Control-transfer and trap handlers: Jcc, JMP, CALL, RET, LOOP, JRCXZ,
 * SYSCALL, INT3/INT n, privileged instructions, and the handlers the
 * decoder plants for undecodable bytes.  Near branches always use a
 * 64-bit operand size (a 66 prefix is ignored, as on Intel).
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn;
 * cpu.c recognises op_syscall to leave the run loop.
 */
#include <stdio.h>

#include "decode.h"

void op_jcc(struct cpu *cpu, const struct insn *in)
{
	cpu->rip += in->len;
	if (flags_cond(cpu, in->op & 15))
		cpu->rip += in->imm;
}

/* Jcc specialised per condition (decode.c substitutes them for op_jcc) */
#define JCC(cc)                                                                \
	static void op_jcc_##cc(struct cpu *cpu, const struct insn *in)        \
	{                                                                      \
		cpu->rip += in->len;                                           \
		if (flags_cond_fast(cpu, cc))                                  \
			cpu->rip += in->imm;                                   \
	}
JCC(0)
JCC(1)
JCC(2)
JCC(3)
JCC(4)
JCC(5)
JCC(6)
JCC(7)
JCC(8)
JCC(9)
JCC(10)
JCC(11)
JCC(12)
JCC(13)
JCC(14)
JCC(15)
#undef JCC

insn_fn *const interp_jcc_by_cc[16] = {
	op_jcc_0,  op_jcc_1,  op_jcc_2,	 op_jcc_3,  op_jcc_4,  op_jcc_5,
	op_jcc_6,  op_jcc_7,  op_jcc_8,	 op_jcc_9,  op_jcc_10, op_jcc_11,
	op_jcc_12, op_jcc_13, op_jcc_14, op_jcc_15,
};

void op_jmp_rel(struct cpu *cpu, const struct insn *in)
{
	cpu->rip += in->len + in->imm;
}

static inline void push64(struct cpu *cpu, uint64_t v)
{
	gaddr sp = cpu->regs[R_RSP] - 8;

	mem_st64(cpu, sp, v);
	cpu->regs[R_RSP] = sp;
}

void op_call_rel(struct cpu *cpu, const struct insn *in)
{
	uint64_t next = cpu->rip + in->len;

	push64(cpu, next);
	cpu->rip = next + in->imm;
}

void op_ret(struct cpu *cpu, const struct insn *in)
{
	uint64_t sp = cpu->regs[R_RSP];

	cpu->rip = mem_ld64(cpu, sp);
	cpu->regs[R_RSP] = sp + 8;
}

void op_ret_imm(struct cpu *cpu, const struct insn *in)
{
	uint64_t sp = cpu->regs[R_RSP];

	cpu->rip = mem_ld64(cpu, sp);
	cpu->regs[R_RSP] = sp + 8 + (in->imm & 0xffff);
}

void op_jmp_rm(struct cpu *cpu, const struct insn *in)
{
	cpu->rip = rd_rm64(cpu, in);
}

void op_call_rm(struct cpu *cpu, const struct insn *in)
{
	uint64_t target = rd_rm64(cpu, in);

	push64(cpu, cpu->rip + in->len);
	cpu->rip = target;
}

/* LOOP/LOOPE/LOOPNE decrement rCX (address size) without touching flags. */
static inline bool loop_dec(struct cpu *cpu, const struct insn *in)
{
	uint64_t c = cpu->regs[R_RCX] - 1;

	if (in->addrsize == 4)
		c = (uint32_t)c;
	cpu->regs[R_RCX] = c;
	return c != 0;
}

static inline void branch_if(struct cpu *cpu, const struct insn *in, bool t)
{
	cpu->rip += in->len;
	if (t)
		cpu->rip += in->imm;
}

void op_loop(struct cpu *cpu, const struct insn *in)
{
	branch_if(cpu, in, loop_dec(cpu, in));
}

void op_loope(struct cpu *cpu, const struct insn *in)
{
	bool c = loop_dec(cpu, in);

	branch_if(cpu, in, c && flags_cond(cpu, 4));
}

void op_loopne(struct cpu *cpu, const struct insn *in)
{
	bool c = loop_dec(cpu, in);

	branch_if(cpu, in, c && flags_cond(cpu, 5));
}

void op_jrcxz(struct cpu *cpu, const struct insn *in)
{
	uint64_t c = cpu->regs[R_RCX];

	branch_if(cpu, in, (in->addrsize == 4 ? (uint32_t)c : c) == 0);
}

/* SYSCALL: ends its block; cpu_run sees it was the last handler run and
 * returns CPU_EXIT_SYSCALL.  RCX/R11 get the return rip and RFLAGS as the
 * hardware leaves them (the kernel's sysret restores from those). */
void op_syscall(struct cpu *cpu, const struct insn *in)
{
	cpu->rip += in->len;
	cpu->regs[R_RCX] = cpu->rip;
	cpu->regs[R_R11] = cpu_get_rflags(cpu);
}

/* INT3 traps after the instruction: Linux reports SIGTRAP SI_KERNEL with
 * rip past the CC byte. */
void op_int3(struct cpu *cpu, const struct insn *in)
{
	cpu->rip += in->len;
	cpu_raise(cpu, LINUX_SIGTRAP, LINUX_SI_KERNEL, 0);
}

/* INT n: only INT 3 is reachable from user mode; other gates are DPL 0,
 * so the CPU raises #GP (SIGSEGV SI_KERNEL). */
void op_int(struct cpu *cpu, const struct insn *in)
{
	if ((in->imm & 0xff) == 3)
		op_int3(cpu, in);
	insn_gp(cpu, in);
}

/* HLT, CLI, STI, IN, OUT, MOV CR, ...: #GP in user mode */
void op_priv(struct cpu *cpu, const struct insn *in)
{
	insn_gp(cpu, in);
}

void op_ud(struct cpu *cpu, const struct insn *in)
{
	cpu_raise(cpu, LINUX_SIGILL, LINUX_ILL_ILLOPN, cpu->rip);
}

void op_illegal(struct cpu *cpu, const struct insn *in)
{
	insn_ud(cpu, in);
}

void op_too_long(struct cpu *cpu, const struct insn *in)
{
	insn_gp(cpu, in);
}

/*
 * The instruction's bytes could not all be fetched; in->imm is the first
 * unfetchable address.  A readable page there means it lacks PROT_EXEC
 * (SEGV_ACCERR); otherwise the load below raises MAPERR/ACCERR itself.
 */
void op_fetch_fault(struct cpu *cpu, const struct insn *in)
{
	(void)mem_ld8(cpu, in->imm);
	cpu_raise(cpu, LINUX_SIGSEGV, LINUX_SEGV_ACCERR, in->imm);
}

_Noreturn void insn_ud(struct cpu *cpu, const struct insn *in)
{
	uint8_t b[15];
	char hex[15 * 3 + 1];
	/* the decoder stops at the unknown opcode: show what follows too */
	int n = mem_fetch(cpu, cpu->rip, b, MAX(in->len, 8));

	for (int k = 0; k < n; k++)
		snprintf(hex + 3 * k, 4, " %02x", b[k]);
	hex[3 * n] = 0;
	wax_log("SIGILL: unimplemented instruction at 0x%llx:%s",
		(unsigned long long)cpu->rip, hex);
	cpu_raise(cpu, LINUX_SIGILL, LINUX_ILL_ILLOPN, cpu->rip);
}

_Noreturn void insn_gp(struct cpu *cpu, const struct insn *in)
{
	cpu_raise(cpu, LINUX_SIGSEGV, LINUX_SI_KERNEL, 0);
}
