/*
 * Native side of the differential tester: runs a case's instruction on
 * the host CPU.  The bytes go into an RWX page at DT_CODE followed by an
 * absolute jump back into a trampoline that saves every GPR, RFLAGS and
 * the FXSAVE image (x87, MXCSR, XMM0-15).  A fault is caught with a host
 * SIGSEGV/SIGFPE/SIGILL/SIGBUS/SIGTRAP handler, which records the state at
 * the fault from the signal frame and resumes in the trampoline's exit.
 *
 * Host signals are fine here: this is a host-side test tool, not part of
 * wax.  Called by difftest.c and regressions.c through dt_native_run.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "difftest.h"

struct dt_cpu dt_res; /* state after the instruction */
uint8_t dt_host_fx[512] __attribute__((aligned(16)));
uint64_t dt_host_rsp;
uint64_t dt_target;

void dt_native_enter(const struct dt_cpu *in);
extern const char dt_native_back[], dt_native_resume[];

/*
 * The trampoline.  RSP is loaded from the case too (forms may use it as
 * an operand or base); every signal handler runs on an alternate stack.
 */
__asm__(".pushsection .text\n"
	".globl dt_native_enter\n"
	"dt_native_enter:\n"
	"\tpush %rbx\n\tpush %rbp\n\tpush %r12\n\tpush %r13\n"
	"\tpush %r14\n\tpush %r15\n"
	"\tfxsave64 dt_host_fx(%rip)\n"
	"\tmov %rsp, dt_host_rsp(%rip)\n"
	"\tfxrstor64 (%rdi)\n"
	"\tpushq 640(%rdi)\n\tpopfq\n"
	"\tmov 512(%rdi),%rax\n\tmov 520(%rdi),%rcx\n\tmov 528(%rdi),%rdx\n"
	"\tmov 536(%rdi),%rbx\n\tmov 552(%rdi),%rbp\n\tmov 560(%rdi),%rsi\n"
	"\tmov 576(%rdi),%r8\n\tmov 584(%rdi),%r9\n\tmov 592(%rdi),%r10\n"
	"\tmov 600(%rdi),%r11\n\tmov 608(%rdi),%r12\n\tmov 616(%rdi),%r13\n"
	"\tmov 624(%rdi),%r14\n\tmov 632(%rdi),%r15\n\tmov 544(%rdi),%rsp\n"
	"\tmov 568(%rdi),%rdi\n"
	"\tjmp *dt_target(%rip)\n"
	".globl dt_native_back\n"
	"dt_native_back:\n"
	"\tmov %rsp,dt_res+544(%rip)\n"
	"\tmov dt_host_rsp(%rip), %rsp\n"
	"\tmov %rax,dt_res+512(%rip)\n\tmov %rcx,dt_res+520(%rip)\n"
	"\tmov %rdx,dt_res+528(%rip)\n\tmov %rbx,dt_res+536(%rip)\n"
	"\tmov %rbp,dt_res+552(%rip)\n\tmov %rsi,dt_res+560(%rip)\n"
	"\tmov %rdi,dt_res+568(%rip)\n\tmov %r8,dt_res+576(%rip)\n"
	"\tmov %r9,dt_res+584(%rip)\n\tmov %r10,dt_res+592(%rip)\n"
	"\tmov %r11,dt_res+600(%rip)\n\tmov %r12,dt_res+608(%rip)\n"
	"\tmov %r13,dt_res+616(%rip)\n\tmov %r14,dt_res+624(%rip)\n"
	"\tmov %r15,dt_res+632(%rip)\n"
	"\tpushfq\n\tpopq dt_res+640(%rip)\n"
	"\tfxsave64 dt_res(%rip)\n"
	".globl dt_native_resume\n"
	"dt_native_resume:\n"
	"\tcld\n"
	"\tmov dt_host_rsp(%rip), %rsp\n"
	"\tfxrstor64 dt_host_fx(%rip)\n"
	"\tpop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n"
	"\tpop %rbp\n\tpop %rbx\n\tret\n"
	".popsection\n");

static uint8_t *code_page;
static volatile int fault_sig, fault_code;
static volatile uint64_t fault_addr;

/* gregs index of each GPR in ModRM order. */
static const int greg_of[16] = {
	REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
	REG_R8,	 REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;

	if ((uint64_t)g[REG_RIP] - DT_CODE >= DT_CODE_LEN) {
		/* not the instruction under test: a tester bug, crash */
		signal(sig, SIG_DFL);
		return;
	}
	for (int i = 0; i < 16; i++)
		dt_res.r[i] = (uint64_t)g[greg_of[i]];
	dt_res.rflags = (uint64_t)g[REG_EFL];
	dt_res.rip = (uint64_t)g[REG_RIP];
	memcpy(dt_res.fx, uc->uc_mcontext.fpregs, 512);
	fault_sig = sig;
	fault_code = si->si_code;
	fault_addr = (uint64_t)si->si_addr;
	g[REG_RIP] = (greg_t)dt_native_resume;
	g[REG_RSP] = (greg_t)dt_host_rsp;
	g[REG_EFL] &= ~(greg_t)(F_DF | 0x100 | 0x40000);
}

int dt_native_init(void)
{
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
	static uint8_t altstack[65536];
	stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)};
	struct sigaction sa;
	void *p;

	code_page =
		mmap((void *)DT_CODE, DT_CODE_LEN,
		     PROT_READ | PROT_WRITE | PROT_EXEC,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (code_page != (void *)DT_CODE)
		return -1;
	p = mmap((void *)DT_DATA, DT_DATA_LEN + 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != (void *)DT_DATA)
		return -1;
	/* the page after the data area stays unmapped, as in the guest */
	munmap((void *)(DT_DATA + DT_DATA_LEN), 4096);
	if (sigaltstack(&ss, NULL) < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL) < 0)
			return -1;
	return 0;
}

void dt_native_run(const struct dt_case *c, struct dt_out *o)
{
	static const uint8_t jmp_back[6] = {0xff, 0x25, 0, 0, 0, 0};
	uint64_t back = (uint64_t)dt_native_back;
	static struct dt_cpu in;

	uint8_t *p = code_page + (c->addr - DT_CODE);

	memcpy(p, c->code, c->len);
	memcpy(p + c->len, jmp_back, 6);
	memcpy(p + c->len + 6, &back, 8);
	memcpy((void *)DT_DATA, c->mem, DT_DATA_LEN);
	in = c->in;
	dt_target = c->addr;
	fault_sig = 0;
	dt_native_enter(&in);
	o->cpu = dt_res;
	o->signo = fault_sig;
	o->code = fault_sig ? fault_code : 0;
	o->addr = fault_sig ? fault_addr : 0;
	if (!fault_sig)
		o->cpu.rip = c->addr + c->len;
	memcpy(o->mem, (void *)DT_DATA, DT_DATA_LEN);
}
