/*
 * wax side of the differential tester: runs a case under cpu_run in a
 * guest mm laid out like the host side (code page at DT_CODE, data area at
 * DT_DATA, the page after it unmapped).  The instruction is followed by a
 * SYSCALL, so a completed instruction returns CPU_EXIT_SYSCALL; a fault
 * returns CPU_EXIT_FAULT with cpu->fault.  x87/SSE state goes in and out
 * through the FXSAVE image helpers of translate/sse_state.c.
 *
 * A watchdog (SIGALRM, host-side) sets stop_request if one case runs for
 * more than a second, so an interpreter hang is reported, not waited on.
 * Called by difftest.c and regressions.c.
 */
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/time.h>

#include "difftest.h"
#include "sse.h"
#include "translate.h"

static struct mm *mm;
static struct cpu cpu;
/* the bytes in each code slot; a slot reused with other bytes needs the
 * block cache invalidated (which walks the whole cache: batch it) */
static uint8_t slot_code[DT_CODE_LEN / DT_SLOT][DT_SLOT];
static unsigned runs;
static volatile unsigned watch_runs, watch_ticks;
static volatile int running;

static void on_alarm(int sig)
{
	(void)sig;
	if (!running || watch_runs != runs) {
		watch_runs = runs;
		watch_ticks = 0;
		return;
	}
	if (++watch_ticks >= 2)
		cpu.stop_request = 1;
}

static int guest_map(void)
{
	mm = mm_create();
	if (!mm)
		return -1;
	if (mm_map(mm, DT_CODE, DT_CODE_LEN, MEM_READ | MEM_EXEC, MM_FIXED) !=
	    (int64_t)DT_CODE)
		return -1;
	if (mm_map(mm, DT_DATA, DT_DATA_LEN, MEM_READ | MEM_WRITE, MM_FIXED) !=
	    (int64_t)DT_DATA)
		return -1;
	memset(slot_code, 0, sizeof(slot_code));
	return 0;
}

int dt_guest_init(void)
{
	struct itimerval it = {{0, 500000}, {0, 500000}};

	struct sigaction sa;

	/* RSP may hold anything while a case runs natively */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_ONSTACK | SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	return guest_map();
}

void dt_guest_run(const struct dt_case *c, struct dt_out *o)
{
	uint8_t code[DT_SLOT];
	uint8_t *slot = slot_code[(c->addr - DT_CODE) / DT_SLOT];
	int done;
	enum cpu_exit r;

	/* invalidated blocks stay allocated until the mm goes: renew it */
	if (++runs % 50000 == 0) {
		mm_destroy(mm);
		if (guest_map() < 0)
			wax_panic("difftest: cannot map the guest");
	}
	memset(code, 0, sizeof(code));
	memcpy(code, c->code, c->len);
	code[c->len] = 0xcc; /* INT3 marks the end */
	if (memcmp(slot, code, DT_SLOT)) {
		static const uint8_t zero[DT_SLOT];
		if (memcmp(slot, zero, DT_SLOT)) {
			cpu_invalidate_code(mm, DT_CODE, DT_CODE_LEN);
			memset(slot_code, 0, sizeof(slot_code));
		}
		mm_poke(mm, c->addr, code, DT_SLOT);
		memcpy(slot, code, DT_SLOT);
	}
	mm_poke(mm, DT_DATA, c->mem, DT_DATA_LEN);
	cpu_init(&cpu, mm);
	memcpy(cpu.regs, c->in.r, sizeof(cpu.regs));
	cpu_set_rflags(&cpu, c->in.rflags);
	fxrstor_image(&cpu, c->in.fx);
	cpu.rip = c->addr;
	running = 1;
	r = cpu_run(&cpu);
	running = 0;
	memset(o, 0, offsetof(struct dt_out, mem));
	memcpy(o->cpu.r, cpu.regs, sizeof(cpu.regs));
	o->cpu.rflags = cpu_get_rflags(&cpu);
	fxsave_image(&cpu, o->cpu.fx);
	done = r == CPU_EXIT_FAULT && cpu.fault.signo == LINUX_SIGTRAP &&
	       cpu.fault.rip == c->addr + c->len + 1;
	if (done) {
		o->cpu.rip = c->addr + c->len;
	} else if (r == CPU_EXIT_FAULT) {
		o->signo = cpu.fault.signo;
		o->code = cpu.fault.code;
		o->addr = cpu.fault.addr;
		o->cpu.rip = cpu.fault.rip;
	} else if (r == CPU_EXIT_SYSCALL) {
		o->signo = -2; /* cannot happen: no form is SYSCALL */
		o->cpu.rip = cpu.rip;
	} else {
		o->signo = -1; /* hang: stopped by the watchdog */
		o->cpu.rip = cpu.rip;
	}
	mm_read(mm, o->mem, DT_DATA, DT_DATA_LEN);
	cpu_fini(&cpu);
}
