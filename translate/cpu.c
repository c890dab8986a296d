/*
 * The guest CPU's run loop and state: cpu_init/cpu_fini, RFLAGS
 * materialisation, cpu_run (block dispatch, SYSCALL exits, stop requests)
 * and cpu_raise (synchronous guest exceptions, unwinding with longjmp).
 *
 * Callers: syscalls/ (runs each guest thread with cpu_run and handles the
 * exits), the handlers (cpu_raise via memaccess.h and interp.h).
 *
 * Emscripten implements setjmp/longjmp with JS exceptions and slows every
 * call made from a function that calls setjmp, so cpu_run only sets up the
 * jmp_buf and the dispatch loops live in separate noinline functions.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "decode.h"

int cpu_trace;
int (*cpu_symbolize)(gaddr addr, char *buf, size_t len);

void cpu_init(struct cpu *cpu, struct mm *mm)
{
	memset(cpu, 0, sizeof(*cpu));
	cpu->mm = mm;
	cpu->mxcsr = 0x1f80;
	cpu->cc_op = CC_OP_EFLAGS;
	cpu->flags = 0x202;
	cpu->tlb_gen = ~0ull;
	mem_tlb_flush(cpu);
}

void cpu_fini(struct cpu *cpu)
{
	free(cpu->x87); /* a plain malloc'd struct (sse_state.c) */
	cpu->x87 = NULL;
}

uint64_t cpu_get_rflags(struct cpu *cpu)
{
	return (cpu->flags & ~(uint64_t)FLAGS_STATUS) | flags_get(cpu) | 2;
}

void cpu_set_rflags(struct cpu *cpu, uint64_t rflags)
{
	flags_set(cpu, (unsigned)rflags & FLAGS_STATUS);
	cpu->flags = (rflags & ~(uint64_t)FLAGS_STATUS) | 2;
}

_Noreturn void cpu_raise(struct cpu *cpu, int signo, int code, gaddr addr)
{
	cpu->fault.signo = signo;
	cpu->fault.code = code;
	cpu->fault.addr = addr;
	cpu->fault.rip = cpu->rip;
	/* mem_fetch never raises, so this cannot recurse */
	cpu->fault.nbytes = mem_fetch(cpu, cpu->rip, cpu->fault.bytes, 15);
	if (!cpu->jmp)
		wax_panic("guest fault (signal %d) outside cpu_run", signo);
	longjmp(*(jmp_buf *)cpu->jmp, 1);
}

/* Runs one block's instructions; rip is maintained by the handlers. */
static inline void run_block(struct cpu *cpu, const struct block *b)
{
	const struct insn *in = b->insns, *end = in + b->n;

	do
		in->fn(cpu, in);
	while (++in < end);
}

static __attribute__((noinline)) enum cpu_exit cpu_loop(struct cpu *cpu)
{
	struct block *b = NULL;

	for (;;) {
		if (unlikely(cpu->stop_request))
			return CPU_EXIT_STOP;
		mem_tlb_check(cpu);
		b = block_next(cpu, b, cpu->rip);
		cpu->cur_block = b;
		run_block(cpu, b);
		cpu->icount += b->n;
		if (b->insns[b->n - 1].fn == op_syscall)
			return CPU_EXIT_SYSCALL;
	}
}

/* --trace: one line per instruction before it runs. */
static void trace_insn(struct cpu *cpu, const struct insn *in)
{
	uint8_t bytes[15];
	char sym[128] = "";
	int n = mem_fetch(cpu, cpu->rip, bytes, in->len ? in->len : 1);

	if (cpu_symbolize &&
	    cpu_symbolize(cpu->rip, sym + 1, sizeof(sym) - 2) >= 0 && sym[1]) {
		sym[0] = '<';
		strcat(sym, ">");
	}
	fprintf(stderr, "%llx%s:", (unsigned long long)cpu->rip, sym);
	for (int k = 0; k < n; k++)
		fprintf(stderr, " %02x", bytes[k]);
	fprintf(stderr, "%*s%s\n", 3 * (15 - n) + 2, "", decode_name(in));
}

static __attribute__((noinline)) enum cpu_exit cpu_loop_trace(struct cpu *cpu)
{
	for (;;) {
		struct block *b;

		if (cpu->stop_request)
			return CPU_EXIT_STOP;
		mem_tlb_check(cpu);
		b = block_get(cpu, cpu->rip);
		cpu->cur_block = b;
		for (uint32_t k = 0; k < b->n; k++) {
			trace_insn(cpu, &b->insns[k]);
			b->insns[k].fn(cpu, &b->insns[k]);
			cpu->icount++;
		}
		if (b->insns[b->n - 1].fn == op_syscall)
			return CPU_EXIT_SYSCALL;
	}
}

enum cpu_exit cpu_run(struct cpu *cpu)
{
	jmp_buf jb;
	void *saved = cpu->jmp;
	enum cpu_exit r;

	cpu->jmp = &jb;
	if (setjmp(jb)) {
		cpu->jmp = saved;
		return CPU_EXIT_FAULT;
	}
	r = cpu_trace ? cpu_loop_trace(cpu) : cpu_loop(cpu);
	cpu->jmp = saved;
	return r;
}
