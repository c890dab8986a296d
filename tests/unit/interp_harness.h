/*
 * Harness for test_interp.c: runs a snippet of x86-64 code natively (through
 * an assembly trampoline that loads and saves every register and RFLAGS)
 * and as guest code under cpu_run in a real mm, then compares registers,
 * the status flags selected by a mask and a data buffer mapped at the same
 * address on both sides.  Only test_interp.c includes it.
 */
#ifndef WAX_TEST_INTERP_HARNESS_H
#define WAX_TEST_INTERP_HARNESS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "decode.h"

#define CODE	  0x400000ull
#define DATA	  0x10000000ull /* host and guest */
#define DATA_LEN  0x4000ull
#define STACK	  0x7ff000000ull
#define STACK_LEN 0x10000ull

#define ALLF FLAGS_STATUS
#define CF   RFLAGS_CF
#define PF   RFLAGS_PF
#define AF   RFLAGS_AF
#define ZF   RFLAGS_ZF
#define SF   RFLAGS_SF
#define OF   RFLAGS_OF

/* Register file exchanged with the native trampoline (layout fixed). */
struct state {
	uint64_t r[16];
	uint64_t flags; /* offset 128 */
};

/* Snippet bytes live between name_s and name_e; natively a ret follows. */
#define SNIP(name, body)                                                       \
	extern const uint8_t name##_s[], name##_e[];                           \
	__asm__(".pushsection .text\n" #name "_s:\n" body "\n" #name "_e:\n"   \
		"\tret\n.popsection\n")

void native_run(struct state *st, const void *code);
void *native_target;
__asm__(".pushsection .text\n"
	"native_run:\n"
	"\tpush %rbx\n\tpush %rbp\n\tpush %r12\n\tpush %r13\n"
	"\tpush %r14\n\tpush %r15\n\tpush %rdi\n"
	"\tmov %rsi, native_target(%rip)\n"
	"\tpushq 128(%rdi)\n\tpopfq\n"
	"\tmov 0(%rdi),%rax\n\tmov 8(%rdi),%rcx\n\tmov 16(%rdi),%rdx\n"
	"\tmov 24(%rdi),%rbx\n\tmov 40(%rdi),%rbp\n\tmov 48(%rdi),%rsi\n"
	"\tmov 64(%rdi),%r8\n\tmov 72(%rdi),%r9\n\tmov 80(%rdi),%r10\n"
	"\tmov 88(%rdi),%r11\n\tmov 96(%rdi),%r12\n\tmov 104(%rdi),%r13\n"
	"\tmov 112(%rdi),%r14\n\tmov 120(%rdi),%r15\n\tmov 56(%rdi),%rdi\n"
	"\tcall *native_target(%rip)\n"
	"\tpush %rdi\n\tmov 8(%rsp),%rdi\n"
	"\tmov %rax,0(%rdi)\n\tmov %rcx,8(%rdi)\n\tmov %rdx,16(%rdi)\n"
	"\tmov %rbx,24(%rdi)\n\tmov %rbp,40(%rdi)\n\tmov %rsi,48(%rdi)\n"
	"\tmov %r8,64(%rdi)\n\tmov %r9,72(%rdi)\n\tmov %r10,80(%rdi)\n"
	"\tmov %r11,88(%rdi)\n\tmov %r12,96(%rdi)\n\tmov %r13,104(%rdi)\n"
	"\tmov %r14,112(%rdi)\n\tmov %r15,120(%rdi)\n"
	"\tpop %rax\n\tmov %rax,56(%rdi)\n"
	"\tpushfq\n\tpopq 128(%rdi)\n"
	"\tpop %rdi\n\tpop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n"
	"\tpop %rbp\n\tpop %rbx\n\tret\n"
	".popsection\n");

static struct mm *mm;
static struct cpu cpu;
static uint8_t *host_data;

static void setup(void)
{
	mm = mm_create();
	cr_assert_not_null(mm);
	cr_assert_eq(mm_map(mm, CODE, 0x1000, MEM_READ | MEM_EXEC, MM_FIXED),
		     (int64_t)CODE);
	cr_assert_eq(mm_map(mm, DATA, DATA_LEN, MEM_READ | MEM_WRITE, MM_FIXED),
		     (int64_t)DATA);
	cr_assert_eq(
		mm_map(mm, STACK, STACK_LEN, MEM_READ | MEM_WRITE, MM_FIXED),
		(int64_t)STACK);
	host_data =
		mmap((void *)DATA, DATA_LEN, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	cr_assert_eq(host_data, (void *)DATA);
	cpu_init(&cpu, mm);
}

static void teardown(void)
{
	cpu_fini(&cpu);
	mm_destroy(mm);
	munmap(host_data, DATA_LEN);
}

TestSuite(interp, .init = setup, .fini = teardown);

/* Loads code (plus a trailing SYSCALL) at CODE and runs it from st. */
static enum cpu_exit guest_run(const uint8_t *s, const uint8_t *e,
			       struct state *st)
{
	size_t n = (size_t)(e - s);
	static const uint8_t sys[2] = {0x0f, 0x05};
	enum cpu_exit r;

	cr_assert(mm_poke(mm, CODE, s, n) == 0);
	cr_assert(mm_poke(mm, CODE + n, sys, 2) == 0);
	cpu_invalidate_code(mm, CODE, 0x1000);
	memcpy(cpu.regs, st->r, sizeof(st->r));
	cpu.regs[R_RSP] = STACK + STACK_LEN - 64;
	cpu_set_rflags(&cpu, st->flags);
	cpu.rip = CODE;
	r = cpu_run(&cpu);
	if (r == CPU_EXIT_SYSCALL)
		cr_assert_eq(cpu.rip, CODE + n + 2);
	return r;
}

static void fill_data(void)
{
	uint8_t buf[DATA_LEN];

	for (size_t k = 0; k < DATA_LEN; k++)
		buf[k] = (uint8_t)(k * 37 + (k >> 8));
	memcpy(host_data, buf, DATA_LEN);
	cr_assert(mm_write(mm, DATA, buf, DATA_LEN) == 0);
}

/*
 * Runs the snippet both ways from st and compares.  fmask: the status
 * flags to compare.  RCX and R11 are not compared after the guest's
 * trailing SYSCALL clobbers them, so snippets keep results elsewhere
 * unless they say keep_rcx (then the guest's values are saved first).
 */
static void check_snip(const char *what, const uint8_t *s, const uint8_t *e,
		       const struct state *st0, unsigned fmask)
{
	struct state nat = *st0, gst = *st0;
	uint8_t gbuf[DATA_LEN];
	enum cpu_exit r;

	/* user mode always runs with IF set */
	nat.flags |= 0x202;
	gst.flags |= 0x202;
	fill_data();
	native_run(&nat, s);
	r = guest_run(s, e, &gst);
	cr_assert_eq(r, CPU_EXIT_SYSCALL, "%s: exit %d signal %d at %llx", what,
		     r, cpu.fault.signo, (unsigned long long)cpu.fault.rip);
	for (int k = 0; k < 16; k++) {
		if (k == R_RSP || k == R_RCX || k == R_R11)
			continue;
		cr_assert_eq(cpu.regs[k], nat.r[k],
			     "%s: reg %d guest %llx native %llx (in rax=%llx "
			     "rbx=%llx rcx=%llx flags=%llx)",
			     what, k, (unsigned long long)cpu.regs[k],
			     (unsigned long long)nat.r[k],
			     (unsigned long long)st0->r[R_RAX],
			     (unsigned long long)st0->r[R_RBX],
			     (unsigned long long)st0->r[R_RCX],
			     (unsigned long long)st0->flags);
	}
	cr_assert_eq(cpu_get_rflags(&cpu) & fmask, nat.flags & fmask,
		     "%s: flags guest %llx native %llx mask %x (in rax=%llx "
		     "rbx=%llx rcx=%llx flags=%llx)",
		     what, (unsigned long long)cpu_get_rflags(&cpu),
		     (unsigned long long)nat.flags, fmask,
		     (unsigned long long)st0->r[R_RAX],
		     (unsigned long long)st0->r[R_RBX],
		     (unsigned long long)st0->r[R_RCX],
		     (unsigned long long)st0->flags);
	cr_assert(mm_read(mm, gbuf, DATA, DATA_LEN) == 0);
	cr_assert(memcmp(gbuf, host_data, DATA_LEN) == 0,
		  "%s: data buffers differ", what);
}

#define CHECK(name, st, mask) check_snip(#name, name##_s, name##_e, st, mask)

static const uint64_t vals[] = {
	0,
	1,
	2,
	0x7f,
	0x80,
	0xff,
	0x100,
	0x7fff,
	0x8000,
	0xffff,
	0x7fffffff,
	0x80000000,
	0xffffffff,
	0x100000000ull,
	0x7fffffffffffffffull,
	0x8000000000000000ull,
	0xffffffffffffffffull,
	0x123456789abcdef0ull,
	0xfedcba9876543210ull,
	0x0f0f0f0f0f0f0f0full,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

/* Runs a two-operand snippet (rax op rbx) over every pair and CF in/out. */
static void check_pairs(const char *what, const uint8_t *s, const uint8_t *e,
			unsigned fmask)
{
	for (size_t i = 0; i < NV; i++)
		for (size_t j = 0; j < NV; j++)
			for (unsigned cf = 0; cf < 2; cf++) {
				struct state st = {0};

				st.r[R_RAX] = vals[i];
				st.r[R_RBX] = vals[j];
				st.r[R_RDX] = vals[(i + j) % NV];
				st.r[R_RDI] = DATA + 0x100;
				st.flags = cf | (cf ? ZF | SF : PF | OF | AF);
				check_snip(what, s, e, &st, fmask);
			}
}
#define PAIRS(name, mask) check_pairs(#name, name##_s, name##_e, mask)

#endif
