/*
 * Syscall dispatch: the table built from syscall_table.h, the register
 * convention of the SYSCALL instruction, the --strace hook and the
 * once-per-number log of syscalls wax does not implement.
 *
 * Layer: syscalls/.  Called by the run loop (process.c) each time the CPU
 * stops with CPU_EXIT_SYSCALL.
 */
#include <stdio.h>

#include "sys.h"

int syscall_strace;

static const struct syscall_desc syscall_table[] = {
#define SYSCALL(nr, name, args, ret) [nr] = {#name, sys_##name, args, ret},
#include "syscall_table.h"
#undef SYSCALL
};

const struct syscall_desc *syscall_lookup(uint64_t nr)
{
	if (nr >= ARRAY_SIZE(syscall_table) || !syscall_table[nr].name)
		return NULL;
	return &syscall_table[nr];
}

/*
 * Numbers already reported as unimplemented.  Real syscall numbers are
 * below 1024 (a bitmap); anything larger is garbage from the guest and is
 * reported once for all.
 */
#define ENOSYS_BITMAP_BITS 1024
static uint64_t enosys_seen[ENOSYS_BITMAP_BITS / 64];
static int enosys_seen_large;

static void log_enosys_once(uint64_t nr)
{
	if (nr < ENOSYS_BITMAP_BITS) {
		uint64_t bit = 1ull << (nr % 64);
		uint64_t old = __atomic_fetch_or(&enosys_seen[nr / 64], bit,
						 __ATOMIC_RELAXED);
		if (old & bit)
			return;
	} else if (__atomic_exchange_n(&enosys_seen_large, 1,
				       __ATOMIC_RELAXED)) {
		return;
	}
	if (syscall_name(nr))
		wax_log("unimplemented syscall %llu (%s) (returning ENOSYS)",
			(unsigned long long)nr, syscall_name(nr));
	else
		wax_log("unimplemented syscall %llu (returning ENOSYS)",
			(unsigned long long)nr);
}

int64_t syscall_invoke(struct task *t, uint64_t nr, const uint64_t a[6])
{
	const struct syscall_desc *d = syscall_lookup(nr);

	if (!d) {
		log_enosys_once(nr);
		return -LINUX_ENOSYS;
	}
	return d->fn(t, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* exit and exit_group never return to the guest: strace prints them
 * before they run, with "= ?". */
static bool syscall_is_exit(uint64_t nr)
{
	return nr == 60 || nr == 231;
}

void syscall_dispatch(struct task *t)
{
	struct cpu *cpu = &t->cpu;
	/* Linux x86-64 takes the number as an int (do_syscall_64): the high
	 * half of rax is ignored and a negative int is out of range
	 * (-ENOSYS). */
	uint64_t nr = (uint32_t)cpu->regs[R_RAX];
	uint64_t a[6] = {
		cpu->regs[R_RDI], cpu->regs[R_RSI], cpu->regs[R_RDX],
		cpu->regs[R_R10], cpu->regs[R_R8],  cpu->regs[R_R9],
	};
	int64_t ret;

	/* SYSCALL saves the return address in rcx and rflags in r11; the
	 * kernel's SYSRET path leaves both there for the guest to see. */
	cpu->regs[R_RCX] = cpu->rip;
	cpu->regs[R_R11] = cpu_get_rflags(cpu);

	if (syscall_strace && syscall_is_exit(nr))
		strace_print(t, nr, syscall_lookup(nr), a, 0, false);
	ret = syscall_invoke(t, nr, a);
	if (syscall_strace && !syscall_is_exit(nr))
		strace_print(t, nr, syscall_lookup(nr), a, ret, true);
	cpu->regs[R_RAX] = (uint64_t)ret;
}
