/*
 * Miscellaneous handlers: NOPs and hints, flag-bit instructions (CLC STC
 * CMC CLD STD), CPUID, RDTSC, fences, CLFLUSH, CMPXCHG8B/16B.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include <time.h>

#include "decode.h"

void op_nop(struct cpu *cpu, const struct insn *in)
{
	insn_next(cpu, in);
}

static void set_cf(struct cpu *cpu, unsigned cf)
{
	flags_set(cpu, (flags_get(cpu) & ~RFLAGS_CF) | cf);
}

void op_clc(struct cpu *cpu, const struct insn *in)
{
	set_cf(cpu, 0);
	insn_next(cpu, in);
}

void op_stc(struct cpu *cpu, const struct insn *in)
{
	set_cf(cpu, RFLAGS_CF);
	insn_next(cpu, in);
}

void op_cmc(struct cpu *cpu, const struct insn *in)
{
	set_cf(cpu, flags_cf(cpu) ^ RFLAGS_CF);
	insn_next(cpu, in);
}

void op_cld(struct cpu *cpu, const struct insn *in)
{
	cpu->flags &= ~(uint64_t)RFLAGS_DF;
	insn_next(cpu, in);
}

void op_std(struct cpu *cpu, const struct insn *in)
{
	cpu->flags |= RFLAGS_DF;
	insn_next(cpu, in);
}

void op_cpuid(struct cpu *cpu, const struct insn *in)
{
	uint32_t out[4];

	cpu_cpuid((uint32_t)cpu->regs[R_RAX], (uint32_t)cpu->regs[R_RCX], out);
	cpu->regs[R_RAX] = out[0];
	cpu->regs[R_RBX] = out[1];
	cpu->regs[R_RCX] = out[2];
	cpu->regs[R_RDX] = out[3];
	insn_next(cpu, in);
}

uint64_t interp_tsc(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* RDTSC: the host's monotonic clock in ns, in EDX:EAX */
void op_rdtsc(struct cpu *cpu, const struct insn *in)
{
	uint64_t t = interp_tsc();

	cpu->regs[R_RAX] = (uint32_t)t;
	cpu->regs[R_RDX] = t >> 32;
	insn_next(cpu, in);
}

/* LFENCE/MFENCE/SFENCE: order this thread's guest accesses, which are
 * host accesses, with a host fence. */
void op_fence(struct cpu *cpu, const struct insn *in)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	insn_next(cpu, in);
}

/* CLFLUSH/CLFLUSHOPT: no cache to flush, but faults like a load. */
void op_clflush(struct cpu *cpu, const struct insn *in)
{
	(void)mem_ld8(cpu, insn_ea(cpu, in));
	insn_next(cpu, in);
}

/* 0F C7 /1: CMPXCHG8B m64.  EDX:EAX vs m64; equal: m64 = ECX:EBX. */
void op_cmpxchg8b(struct cpu *cpu, const struct insn *in)
{
	gaddr a = insn_ea(cpu, in);
	uint64_t want = (uint32_t)cpu->regs[R_RAX] |
			(uint64_t)(uint32_t)cpu->regs[R_RDX] << 32;
	uint64_t src = (uint32_t)cpu->regs[R_RBX] |
		       (uint64_t)(uint32_t)cpu->regs[R_RCX] << 32;
	uint64_t old;
	uint64_t *p = mem_rmw_ptr(cpu, a, 8);
	unsigned f = flags_get(cpu) & ~RFLAGS_ZF;

	if (p && ((uintptr_t)p & 7) == 0) {
		old = want;
		__atomic_compare_exchange_n(p, &old, src, false,
					    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	} else {
		mem_rmw_ptr(cpu, a, 1);
		mem_rmw_ptr(cpu, (a + 7) & GUEST_PAGE_MASK, 1);
		pthread_mutex_lock(&mem_rmw_lock);
		old = mem_ld64(cpu, a);
		mem_st64(cpu, a, old == want ? src : old);
		pthread_mutex_unlock(&mem_rmw_lock);
	}
	if (old == want) {
		f |= RFLAGS_ZF;
	} else {
		cpu->regs[R_RAX] = (uint32_t)old;
		cpu->regs[R_RDX] = old >> 32;
	}
	flags_set(cpu, f);
	insn_next(cpu, in);
}

/* REX.W 0F C7 /1: CMPXCHG16B m128 (16-byte aligned or #GP).  Serialised
 * with mem_rmw_lock: a host 128-bit CAS would need libatomic. */
void op_cmpxchg16b(struct cpu *cpu, const struct insn *in)
{
	gaddr a = insn_ea(cpu, in);
	uint64_t old[2];
	unsigned f = flags_get(cpu) & ~RFLAGS_ZF;

	if (a & 15)
		insn_gp(cpu, in);
	mem_rmw_ptr(cpu, a, 16);
	pthread_mutex_lock(&mem_rmw_lock);
	mem_ldn(cpu, a, old, 16);
	if (old[0] == cpu->regs[R_RAX] && old[1] == cpu->regs[R_RDX]) {
		uint64_t nv[2] = {cpu->regs[R_RBX], cpu->regs[R_RCX]};

		mem_stn(cpu, a, nv, 16);
		f |= RFLAGS_ZF;
	} else {
		cpu->regs[R_RAX] = old[0];
		cpu->regs[R_RDX] = old[1];
	}
	pthread_mutex_unlock(&mem_rmw_lock);
	flags_set(cpu, f);
	insn_next(cpu, in);
}
