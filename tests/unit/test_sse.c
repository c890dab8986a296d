/*
 * Unit tests of the SSE handlers (translate/sse_*.c): every handler is
 * run on a struct cpu with register operands and compared with the same
 * instruction executed by the host CPU (inline assembly): all 16 bytes
 * of xmm0 and xmm1, RAX, MXCSR and, for (U)COMIS*, the status flags.
 * Inputs are edge values (zeros, denormals, infinities, QNaN/SNaN,
 * integer extremes) and pseudo-random bits, under all four rounding
 * modes and with DAZ/FTZ.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sys/mman.h>

#include "sse.h"
#include "x87.h"
#include "translate.h"

/* Operands: xmm0 = d, xmm1 = s, rax = gpr. */
struct st {
	union xmm_reg d, s;
	uint64_t gpr;
	uint32_t mxcsr;
	uint64_t flags;
};

#define NATIVE(name, text)                                                     \
	static void nat_##name(struct st *t)                                   \
	{                                                                      \
		uint32_t save;                                                 \
		__asm__ volatile("stmxcsr %[save]\n\t"                         \
				 "ldmxcsr %[mx]\n\t"                           \
				 "movdqu %[d], %%xmm0\n\t"                     \
				 "movdqu %[s], %%xmm1\n\t"                     \
				 "mov %[g], %%rax\n\t" text "\n\t"             \
				 "lea -128(%%rsp), %%rsp\n\t"                  \
				 "pushfq\n\t"                                  \
				 "pop %%rcx\n\t"                               \
				 "lea 128(%%rsp), %%rsp\n\t"                   \
				 "mov %%rcx, %[fl]\n\t"                        \
				 "movdqu %%xmm0, %[d]\n\t"                     \
				 "movdqu %%xmm1, %[s]\n\t"                     \
				 "mov %%rax, %[g]\n\t"                         \
				 "stmxcsr %[mx]\n\t"                           \
				 "ldmxcsr %[save]\n\t"                         \
				 : [d] "+m"(t->d), [s] "+m"(t->s),             \
				   [g] "+m"(t->gpr), [mx] "+m"(t->mxcsr),      \
				   [save] "=m"(save), [fl] "=m"(t->flags)      \
				 :                                             \
				 : "rax", "rcx", "xmm0", "xmm1", "cc",         \
				   "memory");                                  \
	}

#include "test_sse_cases.h"

struct sse_case {
	const char *name;
	void (*native)(struct st *);
	int map, op, prefix, rexw, imm, reg, rm;
};

#define X_NATIVE(name, text, ...) NATIVE(name, text)
#define X_ROW(name, text, map, op, pfx, w, imm, reg, rm)                       \
	{#name, nat_##name, map, op, pfx, w, imm, reg, rm},

FLOAT_CASES(X_NATIVE)
CVT_CASES(X_NATIVE)
INT_CASES(X_NATIVE)
SHUF_CASES(X_NATIVE)
MOVE_CASES(X_NATIVE)

static const struct sse_case float_cases[] = {FLOAT_CASES(X_ROW)};
static const struct sse_case cvt_cases[] = {CVT_CASES(X_ROW)};
static const struct sse_case int_cases[] = {INT_CASES(X_ROW)};
static const struct sse_case shuf_cases[] = {SHUF_CASES(X_ROW)};
static const struct sse_case move_cases[] = {MOVE_CASES(X_ROW)};

/* Runs one case through wax's handler. */
static void emulate(const struct sse_case *c, struct st *t)
{
	static struct cpu cpu;
	struct insn in;
	const struct sse_op *op = sse_lookup(c->map, c->op, c->prefix);

	cr_assert(op != NULL, "%s: no handler", c->name);
	/* Only the fields handlers use are reset: struct cpu is large. */
	memset(cpu.regs, 0, sizeof(cpu.regs));
	cpu_set_rflags(&cpu, 0x202);
	cpu.xmm[0] = t->d;
	cpu.xmm[1] = t->s;
	cpu.regs[R_RAX] = t->gpr;
	cpu.mxcsr = t->mxcsr;
	cpu.rip = 0x1000;
	memset(&in, 0, sizeof(in));
	in.fn = op->fn;
	in.len = 4;
	in.map = c->map;
	in.op = c->op;
	in.prefix = c->prefix;
	in.rex = c->rexw ? 0x48 : 0;
	in.opsize = c->rexw ? 8 : 4;
	in.addrsize = 8;
	in.mod = 3;
	in.reg = c->reg;
	in.rm = c->rm;
	in.base = in.index = EA_NONE;
	in.imm = c->imm;
	in.fn(&cpu, &in);
	cr_assert_eq(cpu.rip, 0x1004, "%s: rip not advanced", c->name);
	t->d = cpu.xmm[0];
	t->s = cpu.xmm[1];
	t->gpr = cpu.regs[R_RAX];
	t->mxcsr = cpu.mxcsr;
	t->flags = cpu_get_rflags(&cpu);
}

static const uint32_t f32_edges[] = {
	0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x40400000,
	0x3dcccccd, 0xc0200000, 0x00000001, 0x007fffff, 0x80400000, 0x00800000,
	0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345,
	0xffc00001, 0x7f800001, 0xff812345, 0x501502f9, 0x4b800001, 0x4f000000,
	0xcf000000, 0x4effffff, 0x40200000, 0x3f000000, 0x3eaaaaab, 0x5f000000,
	0xdf000000, 0x7effffff, 0x00800001, 0x0c000000, 0x33800000, 0x3fffffff,
	0x4f800000, 0xceffffff, 0x3f400000, 0xbfc00000,
};

static const uint64_t f64_edges[] = {
	0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000,
	0xbff0000000000000, 0x3ff8000000000000, 0x4008000000000000,
	0x3fb999999999999a, 0xc004000000000000, 0x0000000000000001,
	0x000fffffffffffff, 0x8008000000000000, 0x0010000000000000,
	0x7fefffffffffffff, 0xffefffffffffffff, 0x7ff0000000000000,
	0xfff0000000000000, 0x7ff8000000000000, 0x7ff8000000012345,
	0xfff8000000000001, 0x7ff0000000000001, 0xfff4000000012345,
	0x41dfffffffc00000, 0x41e0000000000000, 0xc1e0000000000000,
	0x41dfffffffffffff, 0x43e0000000000000, 0xc3e0000000000000,
	0x43dfffffffffffff, 0x3fe0000000000000, 0x3fd5555555555555,
	0x4330000000000001, 0x3ca0000000000000, 0x36a0000000000000,
	0x380fffffffffffff, 0x47efffffe0000000, 0x47efffff00000000,
	0x4000000000000001, 0xc1dfffffffe00000, 0x3ff0000000000001,
	0x0000000080000000,
};

#define N32 (sizeof(f32_edges) / sizeof(f32_edges[0]))
#define N64 (sizeof(f64_edges) / sizeof(f64_edges[0]))

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Input vector k: mixes edge values of both widths and random bits. */
static void make_input(unsigned k, struct st *t)
{
	unsigned i = k % N32, j = (k / N32) % N32;

	memset(t, 0, sizeof(*t));
	switch ((k / (N32 * N32)) % 4) {
	case 0: /* single-precision edge pairs */
		t->d.u32[0] = f32_edges[i];
		t->s.u32[0] = f32_edges[j];
		t->d.u32[1] = f32_edges[j];
		t->s.u32[1] = f32_edges[i];
		t->d.u32[2] = f32_edges[(i + j) % N32];
		t->s.u32[2] = f32_edges[(i * 7 + 3) % N32];
		t->d.u32[3] = (uint32_t)rnd();
		t->s.u32[3] = f32_edges[(j * 5 + 1) % N32];
		break;
	case 1: /* double-precision edge pairs */
		t->d.u64[0] = f64_edges[i % N64];
		t->s.u64[0] = f64_edges[j % N64];
		t->d.u64[1] = f64_edges[j % N64];
		t->s.u64[1] = f64_edges[(i * 3 + j) % N64];
		break;
	case 2: /* random bits; small shift counts */
		t->d.u64[0] = rnd();
		t->d.u64[1] = rnd();
		t->s.u64[0] = k & 1 ? rnd() % 70 : rnd();
		t->s.u64[1] = rnd();
		break;
	default: /* random "nice" numbers: random mantissa, near exponents */
		for (int l = 0; l < 2; l++) {
			uint64_t m = rnd();
			t->d.u64[l] = (m & 0x800fffffffffffffull) |
				      ((uint64_t)(0x3f0 + rnd() % 32) << 52);
			t->s.u64[l] = (rnd() & 0x800fffffffffffffull) |
				      ((uint64_t)(0x3f0 + rnd() % 32) << 52);
		}
		if (k & 1) {
			for (int l = 0; l < 4; l++) {
				t->d.u32[l] = (t->d.u32[l] & 0x807fffff) |
					      ((0x70 + rnd() % 32) << 23);
				t->s.u32[l] = (t->s.u32[l] & 0x807fffff) |
					      ((0x70 + rnd() % 32) << 23);
			}
		}
		break;
	}
	t->gpr = (k & 2) ? rnd() : t->s.u64[0];
	if (k % 5 == 0)
		t->gpr = (uint64_t)(int64_t)(int32_t)rnd();
}

/* MXCSR variant v: rounding mode, DAZ, FTZ, with all exceptions masked. */
static uint32_t make_mxcsr(unsigned v)
{
	uint32_t m = 0x1f80 | ((v & 3) << 13);

	if (v & 4)
		m |= 0x0040; /* DAZ */
	if (v & 8)
		m |= 0x8000; /* FTZ */
	return m;
}

static int check_cases(const struct sse_case *cases, size_t n, int flags,
		       unsigned n_mxcsr)
{
	int failures = 0;

	for (size_t c = 0; c < n; c++) {
		for (unsigned k = 0; k < 4 * N32 * N32; k++) {
			for (unsigned v = 0; v < n_mxcsr; v++) {
				struct st in, hw, em;
				make_input(k, &in);
				in.mxcsr = make_mxcsr(v);
				hw = em = in;
				cases[c].native(&hw);
				emulate(&cases[c], &em);
				const uint64_t fmask = 0x8d5;
				if (memcmp(&hw.d, &em.d, 16) == 0 &&
				    memcmp(&hw.s, &em.s, 16) == 0 &&
				    hw.gpr == em.gpr && hw.mxcsr == em.mxcsr &&
				    (!flags || !strstr(cases[c].name, "comi") ||
				     (hw.flags & fmask) == (em.flags & fmask)))
					continue;
				if (failures++ < 12)
					fprintf(stderr,
						"%s k=%u mxcsr=%04x\n"
						" in  d=%016llx:%016llx "
						"s=%016llx:%016llx g=%llx\n"
						" hw  d=%016llx:%016llx "
						"s=%016llx:%016llx g=%llx "
						"mx=%04x fl=%03llx\n"
						" wax d=%016llx:%016llx "
						"s=%016llx:%016llx g=%llx "
						"mx=%04x fl=%03llx\n",
						cases[c].name, k, in.mxcsr,
						(unsigned long long)in.d.u64[1],
						(unsigned long long)in.d.u64[0],
						(unsigned long long)in.s.u64[1],
						(unsigned long long)in.s.u64[0],
						(unsigned long long)in.gpr,
						(unsigned long long)hw.d.u64[1],
						(unsigned long long)hw.d.u64[0],
						(unsigned long long)hw.s.u64[1],
						(unsigned long long)hw.s.u64[0],
						(unsigned long long)hw.gpr,
						hw.mxcsr,
						(unsigned long long)(hw.flags &
								     fmask),
						(unsigned long long)em.d.u64[1],
						(unsigned long long)em.d.u64[0],
						(unsigned long long)em.s.u64[1],
						(unsigned long long)em.s.u64[0],
						(unsigned long long)em.gpr,
						em.mxcsr,
						(unsigned long long)(em.flags &
								     fmask));
			}
		}
	}
	return failures;
}

#define CHECK(arr, flags, nmx)                                                 \
	cr_assert_eq(                                                          \
		check_cases(arr, sizeof(arr) / sizeof(arr[0]), flags, nmx), 0, \
		"handlers differ from the CPU (see stderr)")

Test(sse, float_arithmetic_matches_cpu_in_all_rounding_modes)
{
	CHECK(float_cases, 1, 16);
}

Test(sse, conversions_match_cpu_in_all_rounding_modes)
{
	CHECK(cvt_cases, 0, 16);
}

Test(sse, integer_simd_matches_cpu)
{
	CHECK(int_cases, 0, 1);
}

Test(sse, shuffles_and_ssse3_match_cpu)
{
	CHECK(shuf_cases, 0, 1);
}

Test(sse, register_moves_match_cpu)
{
	CHECK(move_cases, 0, 1);
}

/* ---- guest code through the decoder and cpu_run, memory operands ---- */

#define CODE	  0x400000ull
#define DATA	  0x20000000ull /* host and guest: pointers compare equal */
#define DATA_LEN  0x2000ull
#define STACK	  0x7ff000000ull
#define STACK_LEN 0x10000ull
#define MXCSR_IN  0x7f0 /* offset of the MXCSR every snippet starts with */

/* Natively the xmm registers hold whatever the test process left. */
#define ZERO_XMM                                                               \
	"\tpxor %xmm0,%xmm0\n\tpxor %xmm1,%xmm1\n\tpxor %xmm2,%xmm2\n"         \
	"\tpxor %xmm3,%xmm3\n\tpxor %xmm4,%xmm4\n\tpxor %xmm5,%xmm5\n"         \
	"\tpxor %xmm6,%xmm6\n\tpxor %xmm7,%xmm7\n\tpxor %xmm8,%xmm8\n"         \
	"\tpxor %xmm9,%xmm9\n\tpxor %xmm10,%xmm10\n\tpxor %xmm11,%xmm11\n"     \
	"\tpxor %xmm12,%xmm12\n\tpxor %xmm13,%xmm13\n"                         \
	"\tpxor %xmm14,%xmm14\n\tpxor %xmm15,%xmm15\n"

/* Snippet bytes between name_s and name_e; natively a ret follows and
 * the snippet runs as a function with RDI = DATA. */
#define SNIP(name, body)                                                       \
	extern const uint8_t name##_s[], name##_e[];                           \
	__asm__(".pushsection .text\n" #name "_s:\n"                           \
		"\tldmxcsr 0x7f0(%rdi)\n" ZERO_XMM body "\n" #name "_e:\n"     \
		"\tret\n.popsection\n")

static struct mm *mm;
static struct cpu gcpu;
static uint8_t *host_data;

static void guest_setup(void)
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
	cpu_init(&gcpu, mm);
}

static void guest_teardown(void)
{
	cpu_fini(&gcpu);
	mm_destroy(mm);
	munmap(host_data, DATA_LEN);
}

TestSuite(sse_guest, .init = guest_setup, .fini = guest_teardown);

/* Inputs of the x87 snippets, copied to DATA + 0x600. */
static uint8_t x87_in[128];

/* Fills the data buffer on both sides: bytes, then floats and doubles
 * with interesting values, the x87 inputs and the starting MXCSR. */
static void fill_data(uint32_t mxcsr)
{
	static uint8_t buf[DATA_LEN];

	for (size_t k = 0; k < DATA_LEN; k++)
		buf[k] = (uint8_t)(k * 37 + (k >> 8) + 3);
	memcpy(buf + 0x400, f32_edges, sizeof(f32_edges));
	memcpy(buf + 0x500, f64_edges, sizeof(f64_edges));
	memcpy(buf + 0x600, x87_in, sizeof(x87_in));
	memcpy(buf + MXCSR_IN, &mxcsr, 4);
	memcpy(host_data, buf, DATA_LEN);
	cr_assert(mm_write(mm, DATA, buf, DATA_LEN) == 0);
}

static enum cpu_exit guest_run(const uint8_t *s, const uint8_t *e)
{
	size_t n = (size_t)(e - s);
	static const uint8_t sys[2] = {0x0f, 0x05};

	cr_assert(mm_poke(mm, CODE, s, n) == 0);
	cr_assert(mm_poke(mm, CODE + n, sys, 2) == 0);
	cpu_invalidate_code(mm, CODE, 0x1000);
	memset(gcpu.regs, 0, sizeof(gcpu.regs));
	memset(gcpu.xmm, 0, sizeof(gcpu.xmm));
	gcpu.regs[R_RDI] = DATA;
	gcpu.regs[R_RSP] = STACK + STACK_LEN - 64;
	gcpu.rip = CODE;
	return cpu_run(&gcpu);
}

/* Runs natively and as a guest; the data buffers must match. */
static void check_snip(const char *what, const uint8_t *s, const uint8_t *e,
		       uint32_t mxcsr)
{
	static uint8_t gbuf[DATA_LEN];
	enum cpu_exit r;

	fill_data(mxcsr);
	((void (*)(void *))(uintptr_t)s)((void *)DATA);
	r = guest_run(s, e);
	cr_assert_eq(r, CPU_EXIT_SYSCALL, "%s: exit %d signal %d at %llx", what,
		     r, gcpu.fault.signo, (unsigned long long)gcpu.fault.rip);
	cr_assert(mm_read(mm, gbuf, DATA, DATA_LEN) == 0);
	for (size_t k = 0; k < DATA_LEN; k++)
		cr_assert_eq(gbuf[k], host_data[k],
			     "%s: byte %#zx guest %02x native %02x", what, k,
			     gbuf[k], host_data[k]);
}

#define CHECK_SNIP(name, mx) check_snip(#name, name##_s, name##_e, mx)

SNIP(mem_loads,
     "movdqa 0(%rdi), %xmm0\n\tmovdqu 1(%rdi), %xmm1\n"
     "\tmovups 17(%rdi), %xmm2\n\tmovaps 32(%rdi), %xmm3\n"
     "\tmovss 5(%rdi), %xmm4\n\tmovsd 9(%rdi), %xmm5\n"
     "\tmovlps 13(%rdi), %xmm0\n\tmovhps 21(%rdi), %xmm1\n"
     "\tmovlpd 29(%rdi), %xmm2\n\tmovhpd 37(%rdi), %xmm3\n"
     "\tmovq 41(%rdi), %xmm6\n\tmovd 45(%rdi), %xmm7\n"
     "\tmovddup 53(%rdi), %xmm8\n\tlddqu 57(%rdi), %xmm9\n"
     "\tmovapd 0x40(%rdi), %xmm10\n\tmovshdup 0x50(%rdi), %xmm11\n"
     "\tmovq 0x61(%rdi), %rax\n\tmovq %rax, %xmm12\n"
     "\tmovd %eax, %xmm13\n\tmovq %xmm12, %rcx\n\tmov %rcx, 0x300(%rdi)\n"
     "\tmovd %xmm1, %ecx\n\tmov %rcx, 0x308(%rdi)\n"
     "\tmovdqu %xmm0, 0x100(%rdi)\n\tmovdqu %xmm1, 0x110(%rdi)\n"
     "\tmovdqu %xmm2, 0x120(%rdi)\n\tmovdqu %xmm3, 0x130(%rdi)\n"
     "\tmovdqu %xmm4, 0x140(%rdi)\n\tmovdqu %xmm5, 0x150(%rdi)\n"
     "\tmovdqu %xmm6, 0x160(%rdi)\n\tmovdqu %xmm7, 0x170(%rdi)\n"
     "\tmovdqu %xmm8, 0x180(%rdi)\n\tmovdqu %xmm9, 0x190(%rdi)\n"
     "\tmovdqu %xmm10, 0x1a0(%rdi)\n\tmovdqu %xmm11, 0x1b0(%rdi)\n"
     "\tmovdqu %xmm12, 0x1c0(%rdi)\n\tmovdqu %xmm13, 0x1d0(%rdi)");

SNIP(mem_stores,
     "movdqu 0(%rdi), %xmm0\n\tmovdqu 0x10(%rdi), %xmm1\n"
     "\tmovdqu 0x20(%rdi), %xmm2\n\tmovdqu 0x30(%rdi), %xmm3\n"
     "\tmovss %xmm0, 0x201(%rdi)\n\tmovsd %xmm1, 0x205(%rdi)\n"
     "\tmovlps %xmm2, 0x211(%rdi)\n\tmovhps %xmm3, 0x219(%rdi)\n"
     "\t.byte 0x66,0x0f,0xd6,0x47,0x21\n" /* movq %xmm0, 0x21(%rdi) */
     "\tmovd %xmm1, 0x229(%rdi)\n\tmovntdq %xmm2, 0x230(%rdi)\n"
     "\tmovntps %xmm3, 0x240(%rdi)\n\tmovnti %rdi, 0x251(%rdi)\n"
     "\tmovaps %xmm1, 0x260(%rdi)\n\tmovdqa %xmm2, 0x270(%rdi)\n"
     "\tmovupd %xmm3, 0x283(%rdi)\n\tmovhpd %xmm0, 0x293(%rdi)\n"
     "\tpextrw $3, %xmm1, %eax\n\tmov %eax, 0x2a0(%rdi)\n"
     "\tpmovmskb %xmm2, %ecx\n\tmov %ecx, 0x2a4(%rdi)\n"
     "\tmovmskps %xmm3, %ecx\n\tmov %ecx, 0x2a8(%rdi)\n"
     "\tlea 0x2c0(%rdi), %rdi\n\tmaskmovdqu %xmm3, %xmm1\n"
     "\tlea -0x2c0(%rdi), %rdi\n"
     "\tmovq %xmm3, %xmm9\n\tmovdqu %xmm9, 0x2e0(%rdi)");

SNIP(mem_arith,
     "movdqu 0x400(%rdi), %xmm0\n\tmovdqu 0x500(%rdi), %xmm1\n"
     "\tmovdqa %xmm0, %xmm2\n\tmovdqa %xmm1, %xmm3\n"
     "\tpaddb 0x10(%rdi), %xmm0\n\taddps 0x410(%rdi), %xmm2\n"
     "\taddss 0x423(%rdi), %xmm2\n\tmulsd 0x51b(%rdi), %xmm3\n"
     "\tdivpd 0x520(%rdi), %xmm1\n\tcvtsi2sdq 0x40(%rdi), %xmm4\n"
     "\tcvtsi2ssl 0x47(%rdi), %xmm5\n\tcvttsd2si 0x528(%rdi), %rax\n"
     "\tcvtss2si 0x434(%rdi), %ecx\n\tmov %rax, 0x3f0(%rdi)\n"
     "\tmov %rcx, 0x3f8(%rdi)\n"
     "\tpinsrw $3, 0x51(%rdi), %xmm6\n\tpshufd $0x4e, 0x60(%rdi), %xmm7\n"
     "\tpalignr $5, 0x80(%rdi), %xmm8\n\tpshufb 0x90(%rdi), %xmm9\n"
     "\tcvtps2pd 0x438(%rdi), %xmm10\n\tcvtdq2pd 0x441(%rdi), %xmm11\n"
     "\tsqrtsd 0x530(%rdi), %xmm12\n\tcmpltps 0x440(%rdi), %xmm13\n"
     "\tucomisd 0x538(%rdi), %xmm3\n\tsetb 0x3e0(%rdi)\n"
     "\tsetz 0x3e1(%rdi)\n\tsetp 0x3e2(%rdi)\n"
     "\tcomiss 0x448(%rdi), %xmm2\n\tseta 0x3e3(%rdi)\n"
     "\tsetz 0x3e4(%rdi)\n\tsetp 0x3e5(%rdi)\n"
     "\tpsllw 0x7e0(%rdi), %xmm14\n\tpaddq %xmm0, %xmm15\n"
     "\tpunpcklbw 0xa0(%rdi), %xmm15\n"
     "\tmovdqu %xmm0, 0x100(%rdi)\n\tmovdqu %xmm1, 0x110(%rdi)\n"
     "\tmovdqu %xmm2, 0x120(%rdi)\n\tmovdqu %xmm3, 0x130(%rdi)\n"
     "\tmovdqu %xmm4, 0x140(%rdi)\n\tmovdqu %xmm5, 0x150(%rdi)\n"
     "\tmovdqu %xmm6, 0x160(%rdi)\n\tmovdqu %xmm7, 0x170(%rdi)\n"
     "\tmovdqu %xmm8, 0x180(%rdi)\n\tmovdqu %xmm9, 0x190(%rdi)\n"
     "\tmovdqu %xmm10, 0x1a0(%rdi)\n\tmovdqu %xmm11, 0x1b0(%rdi)\n"
     "\tmovdqu %xmm12, 0x1c0(%rdi)\n\tmovdqu %xmm13, 0x1d0(%rdi)\n"
     "\tmovdqu %xmm14, 0x1e0(%rdi)\n\tmovdqu %xmm15, 0x1f0(%rdi)\n"
     "\tstmxcsr 0x3d0(%rdi)");

SNIP(mxcsr_roundtrip,
     "stmxcsr 0x200(%rdi)\n\tmovl $0x7fa0, 0x204(%rdi)\n"
     "\tldmxcsr 0x204(%rdi)\n\tmovdqu 0x400(%rdi), %xmm0\n"
     "\taddps 0x410(%rdi), %xmm0\n\tcvtps2dq %xmm0, %xmm1\n"
     "\tmovdqu %xmm0, 0x210(%rdi)\n\tmovdqu %xmm1, 0x220(%rdi)\n"
     "\tstmxcsr 0x208(%rdi)");

Test(sse_guest, memory_loads_match_cpu)
{
	CHECK_SNIP(mem_loads, 0x1f80);
}

Test(sse_guest, memory_stores_match_cpu)
{
	CHECK_SNIP(mem_stores, 0x1f80);
}

Test(sse_guest, memory_operand_arithmetic_matches_cpu_in_every_mode)
{
	for (uint32_t rc = 0; rc < 4; rc++) {
		CHECK_SNIP(mem_arith, 0x1f80 | rc << 13);
		CHECK_SNIP(mem_arith, 0x9fc0 | rc << 13);
	}
}

Test(sse_guest, ldmxcsr_and_stmxcsr_round_trip)
{
	CHECK_SNIP(mxcsr_roundtrip, 0x1f80);
}

/* Runs a snippet expected to fault as a guest; returns the fault. */
static const struct cpu_fault *guest_fault(const uint8_t *s, const uint8_t *e,
					   uint32_t mxcsr)
{
	fill_data(mxcsr);
	cr_assert_eq(guest_run(s, e), CPU_EXIT_FAULT);
	return &gcpu.fault;
}

SNIP(gp_movaps, "movaps 8(%rdi), %xmm0");
SNIP(gp_paddb, "nop\n\tpaddb 4(%rdi), %xmm0");
SNIP(gp_movntdq, "movntdq %xmm0, 1(%rdi)");
SNIP(gp_ldmxcsr, "movl $0x10000, (%rdi)\n\tldmxcsr (%rdi)");
SNIP(gp_fxsave, "fxsave 8(%rdi)");
SNIP(xm_divss, "xorps %xmm1, %xmm1\n\tmovss 0x408(%rdi), %xmm0\n"
	       "\tdivss %xmm1, %xmm0");
SNIP(ud_movlpd_reg, ".byte 0x66,0x0f,0x12,0xc1"); /* movlpd %xmm1,%xmm0 */

Test(sse_guest, misaligned_m128_operands_raise_gp_as_sigsegv_si_kernel)
{
	const struct cpu_fault *f;

	f = guest_fault(gp_movaps_s, gp_movaps_e, 0x1f80);
	cr_assert_eq(f->signo, LINUX_SIGSEGV);
	cr_assert_eq(f->code, LINUX_SI_KERNEL);
	cr_assert_eq(f->addr, 0);
	cr_assert_eq(f->rip, CODE + (gp_movaps_e - gp_movaps_s) - 4);
	f = guest_fault(gp_paddb_s, gp_paddb_e, 0x1f80);
	cr_assert_eq(f->signo, LINUX_SIGSEGV);
	cr_assert_eq(f->rip, CODE + (gp_paddb_e - gp_paddb_s) - 5);
	f = guest_fault(gp_movntdq_s, gp_movntdq_e, 0x1f80);
	cr_assert_eq(f->signo, LINUX_SIGSEGV);
	cr_assert_eq(f->code, LINUX_SI_KERNEL);
	f = guest_fault(gp_fxsave_s, gp_fxsave_e, 0x1f80);
	cr_assert_eq(f->signo, LINUX_SIGSEGV);
	cr_assert_eq(f->code, LINUX_SI_KERNEL);
}

Test(sse_guest, ldmxcsr_with_reserved_bits_raises_gp)
{
	const struct cpu_fault *f =
		guest_fault(gp_ldmxcsr_s, gp_ldmxcsr_e, 0x1f80);

	cr_assert_eq(f->signo, LINUX_SIGSEGV);
	cr_assert_eq(f->code, LINUX_SI_KERNEL);
	cr_assert_eq(gcpu.mxcsr, 0x1f80);
}

Test(sse_guest, unmasked_divide_by_zero_raises_sigfpe_fltdiv)
{
	/* ZM (bit 9) clear: #XM, destination unchanged, ZE recorded. */
	const struct cpu_fault *f = guest_fault(xm_divss_s, xm_divss_e, 0x1d80);

	cr_assert_eq(f->signo, LINUX_SIGFPE);
	cr_assert_eq(f->code, 3 /* FPE_FLTDIV */);
	cr_assert_eq(f->rip, CODE + (xm_divss_e - xm_divss_s) - 4);
	cr_assert_eq(gcpu.xmm[0].u32[0], f32_edges[2]);
	cr_assert(gcpu.mxcsr & 0x4);
}

Test(sse_guest, movlpd_with_register_operand_is_sigill)
{
	const struct cpu_fault *f =
		guest_fault(ud_movlpd_reg_s, ud_movlpd_reg_e, 0x1f80);

	cr_assert_eq(f->signo, LINUX_SIGILL);
}

Test(sse_guest, fxsave_image_round_trips_xmm_and_mxcsr)
{
	uint8_t img[512];

	fill_data(0x1f80);
	for (int i = 0; i < 16; i++)
		for (int b = 0; b < 16; b++)
			gcpu.xmm[i].u8[b] = (uint8_t)(i * 16 + b);
	gcpu.mxcsr = 0x3fa5;
	fxsave_image(&gcpu, img);
	cr_assert_eq(img[0] | img[1] << 8, 0x037f); /* FCW */
	cr_assert_eq(img[24] | img[25] << 8, 0x3fa5);
	cr_assert_eq(img[160 + 16 * 3 + 2], 3 * 16 + 2);
	memset(gcpu.xmm, 0, sizeof(gcpu.xmm));
	gcpu.mxcsr = 0x1f80;
	cr_assert_eq(fxrstor_image(&gcpu, img), 0);
	cr_assert_eq(gcpu.mxcsr, 0x3fa5);
	cr_assert_eq(gcpu.xmm[15].u8[15], 0xff);
	img[26] = 1; /* MXCSR bit 16: reserved */
	cr_assert_eq(fxrstor_image(&gcpu, img), -LINUX_EINVAL);
}

/* ---- x87 ---- */

/* Extended values: significand and sign/exponent. */
static const struct {
	uint64_t m;
	uint16_t se;
} x87_vals[] = {
	{0x8000000000000000ull, 0x3fff}, /* 1 */
	{0xa000000000000000ull, 0xc000}, /* -2.5 */
	{0xc000000000000000ull, 0x4000}, /* 3 */
	{0xc90fdaa22168c235ull, 0x4000}, /* pi */
	{0xaaaaaaaaaaaaaaabull, 0x3ffd}, /* 1/3 */
	{0x8000000000000000ull, 0x3ffe}, /* 0.5 */
	{0xc000000000000000ull, 0xbfff}, /* -1.5 */
	{0xa000000000000000ull, 0x4000}, /* 2.5 */
	{0xffffffffffffffffull, 0x403e}, /* 2^64 - 1 */
	{0x8000000000000000ull, 0xc03e}, /* -2^63 */
	{0xfffffffe00000000ull, 0x401d}, /* 2^31 - 1 */
	{0x0000000000000001ull, 0x0000}, /* smallest denormal */
	{0x4000000000000000ull, 0x8000}, /* -denormal */
	{0x8000000000000000ull, 0x0001}, /* smallest normal */
	{0xffffffffffffffffull, 0x7ffe}, /* largest */
	{0x8000000000000000ull, 0x7fff}, /* +inf */
	{0x8000000000000000ull, 0xffff}, /* -inf */
	{0xc000000000000001ull, 0x7fff}, /* QNaN */
	{0x8000000000000005ull, 0xffff}, /* SNaN */
	{0, 0},				 /* +0 */
	{0, 0x8000},			 /* -0 */
	{0xd6bf94d5e57a42bcull, 0x3c00}, /* 1e-4000ish: double underflow */
	{0x8ac7230489e80000ull, 0x4040}, /* 1e19 */
	{0xfffffffffffff800ull, 0x43fe}, /* DBL_MAX */
	{0x9e3779b97f4a7c15ull, 0x3ffa}, /* some fraction */
};
#define NX (sizeof(x87_vals) / sizeof(x87_vals[0]))

SNIP(x87_arith,
     "fninit\n\tfldcw 0x600(%rdi)\n\tfldt 0x610(%rdi)\n\tfldt 0x620(%rdi)\n"
     "\tfld %st(1)\n\tfadd %st(1), %st\n\tfstpt 0x100(%rdi)\n"
     "\tfld %st(1)\n\tfsub %st(1), %st\n\tfstpt 0x110(%rdi)\n"
     "\tfld %st(1)\n\tfsubr %st(1), %st\n\tfstpt 0x120(%rdi)\n"
     "\tfld %st(1)\n\tfmul %st(1), %st\n\tfstpt 0x130(%rdi)\n"
     "\tfld %st(1)\n\tfdiv %st(1), %st\n\tfstpt 0x140(%rdi)\n"
     "\tfld %st(1)\n\tfdivr %st(1), %st\n\tfstpt 0x150(%rdi)\n"
     "\tfld %st(1)\n\tfsqrt\n\tfstpt 0x160(%rdi)\n"
     "\tfld %st(1)\n\tfrndint\n\tfstpt 0x170(%rdi)\n"
     "\tfld %st(1)\n\tfistpll 0x180(%rdi)\n"
     "\tfld %st(1)\n\tfistl 0x188(%rdi)\n\tfists 0x18c(%rdi)\n"
     "\tfisttpl 0x18e(%rdi)\n"
     "\tfld %st(1)\n\tfsts 0x192(%rdi)\n\tfstpl 0x196(%rdi)\n"
     "\tfnstsw 0x19e(%rdi)\n"
     "\tfld %st(1)\n\tfld %st(1)\n\tfxch\n"
     "1:\tfprem\n\tfnstsw %ax\n\ttest $4, %ah\n\tjnz 1b\n"
     "\tmov %ax, 0x1aa(%rdi)\n\tfstpt 0x1a0(%rdi)\n\tfstp %st(0)\n"
     "\tfld %st(1)\n\tfld %st(1)\n\tfxch\n"
     "2:\tfprem1\n\tfnstsw %ax\n\ttest $4, %ah\n\tjnz 2b\n"
     "\tmov %ax, 0x1ba(%rdi)\n\tfstpt 0x1b0(%rdi)\n\tfstp %st(0)\n"
     "\tfld %st(0)\n\tfld %st(2)\n\tfscale\n\tfstpt 0x1c0(%rdi)\n"
     "\tfstp %st(0)\n"
     "\tfucomi %st(1), %st\n\tsetb 0x1d0(%rdi)\n\tsetz 0x1d1(%rdi)\n"
     "\tsetp 0x1d2(%rdi)\n\tfcom %st(1)\n\tfnstsw 0x1d4(%rdi)\n"
     "\tfxam\n\tfnstsw 0x1d6(%rdi)\n\tfxch\n\tfxam\n\tfnstsw 0x1d8(%rdi)\n"
     "\tfxtract\n\tfstpt 0x1e0(%rdi)\n\tfstpt 0x1f0(%rdi)\n"
     "\tfabs\n\tfchs\n\tfstpt 0x200(%rdi)\n"
     "\tfnstsw 0x20a(%rdi)\n\tfninit");

SNIP(x87_mem,
     "fninit\n\tfldcw 0x600(%rdi)\n\tflds 0x400(%rdi)\n\tfaddl 0x508(%rdi)\n"
     "\tfmuls 0x40c(%rdi)\n\tfidivl 0x18(%rdi)\n\tfisubrs 0x22(%rdi)\n"
     "\tfstpt 0x100(%rdi)\n\tfildll 0x30(%rdi)\n\tfildl 0x38(%rdi)\n"
     "\tfilds 0x3c(%rdi)\n\tfldl 0x538(%rdi)\n\tfldpi\n\tfldl2e\n"
     "\tfldln2\n\tfldlg2\n"
     "\tfstpt 0x110(%rdi)\n\tfstpt 0x120(%rdi)\n\tfstpt 0x130(%rdi)\n"
     "\tfstpt 0x140(%rdi)\n\tfstpt 0x150(%rdi)\n\tfstpt 0x160(%rdi)\n"
     "\tfstpt 0x170(%rdi)\n\tfstpt 0x180(%rdi)\n"
     "\tfld1\n\tfldz\n\tfldl2t\n\tfucompp\n\tfnstsw 0x190(%rdi)\n"
     "\tfcompl 0x500(%rdi)\n\tfnstsw 0x192(%rdi)\n"
     "\tfnstenv 0x1a0(%rdi)\n\tfldenv 0x1a0(%rdi)\n"
     /* instruction/operand pointers and FOP differ from the host's */
     "\tmovq $0, 0x1ac(%rdi)\n\tmovq $0, 0x1b4(%rdi)\n"
     "\tfnstcw 0x1c0(%rdi)\n\tfldcw 0x600(%rdi)\n"
     "\tfbld 0x40(%rdi)\n\tfld %st(0)\n\tfbstp 0x1d0(%rdi)\n"
     "\tfstpt 0x1e0(%rdi)\n"
     "\tfldz\n\tfld1\n\tfcomi %st(1), %st\n\tfcmovb %st(1), %st\n"
     "\tfcmovnbe %st(1), %st\n\tfstpt 0x200(%rdi)\n\tfstp %st(0)\n"
     "\tfnstsw 0x20a(%rdi)\n\tfnclex\n\tfnstsw 0x20c(%rdi)\n\tfninit");

static void x87_set_inputs(unsigned i, unsigned j, uint16_t fcw)
{
	memset(x87_in, 0, sizeof(x87_in));
	memcpy(x87_in, &fcw, 2);
	memcpy(x87_in + 0x10, &x87_vals[i].m, 8);
	memcpy(x87_in + 0x18, &x87_vals[i].se, 2);
	memcpy(x87_in + 0x20, &x87_vals[j].m, 8);
	memcpy(x87_in + 0x28, &x87_vals[j].se, 2);
}

Test(sse_guest, x87_arithmetic_matches_cpu_for_every_rounding_and_precision)
{
	static const uint16_t fcws[] = {0x037f, 0x077f, 0x0b7f, 0x0f7f,
					0x027f, 0x007f, 0x0c7f};

	for (unsigned i = 0; i < NX; i++)
		for (unsigned j = 0; j < NX; j++)
			for (unsigned k = 0; k < ARRAY_SIZE(fcws); k++) {
				char what[64];
				snprintf(what, sizeof(what),
					 "x87_arith a=%u b=%u fcw=%04x", i, j,
					 fcws[k]);
				x87_set_inputs(i, j, fcws[k]);
				check_snip(what, x87_arith_s, x87_arith_e,
					   0x1f80);
			}
}

Test(sse_guest, x87_memory_forms_constants_and_environment_match_cpu)
{
	static const uint16_t fcws[] = {0x037f, 0x077f, 0x0b7f, 0x0f7f, 0x027f};

	for (unsigned k = 0; k < ARRAY_SIZE(fcws); k++) {
		x87_set_inputs(0, 0, fcws[k]);
		CHECK_SNIP(x87_mem, 0x1f80);
	}
}

SNIP(x87_transc,
     "fninit\n\tfldl 0x640(%rdi)\n\tfsin\n\tfstpl 0x100(%rdi)\n"
     "\tfldl 0x640(%rdi)\n\tfcos\n\tfstpl 0x108(%rdi)\n"
     "\tfldl 0x640(%rdi)\n\tfsincos\n\tfstpl 0x110(%rdi)\n"
     "\tfstpl 0x118(%rdi)\n\tfldl 0x640(%rdi)\n\tfptan\n"
     "\tfstpl 0x120(%rdi)\n\tfstpl 0x128(%rdi)\n"
     "\tfldl 0x648(%rdi)\n\tfldl 0x640(%rdi)\n\tfpatan\n\tfstpl 0x130(%rdi)\n"
     "\tfldl 0x648(%rdi)\n\tfldl 0x650(%rdi)\n\tfyl2x\n\tfstpl 0x138(%rdi)\n"
     "\tfldl 0x648(%rdi)\n\tfldl 0x658(%rdi)\n\tfyl2xp1\n\tfstpl 0x140(%rdi)\n"
     "\tfldl 0x658(%rdi)\n\tf2xm1\n\tfstpl 0x148(%rdi)\n\tfninit");

Test(sse_guest, x87_transcendentals_are_within_double_precision_of_cpu)
{
	static const double in[][4] = {
		{0.5, 2.0, 10.0, 0.25},
		{-1.25, -3.0, 0.001, -0.75},
		{3.0, 0.1, 1e300, 1e-10},
		{5.0, 7.0, 3.5, 0.999},
	};
	static uint8_t gbuf[DATA_LEN];

	for (size_t k = 0; k < ARRAY_SIZE(in); k++) {
		memset(x87_in, 0, sizeof(x87_in));
		memcpy(x87_in + 0x40, in[k], sizeof(in[k]));
		fill_data(0x1f80);
		((void (*)(void *))(uintptr_t)x87_transc_s)((void *)DATA);
		cr_assert_eq(guest_run(x87_transc_s, x87_transc_e),
			     CPU_EXIT_SYSCALL);
		cr_assert(mm_read(mm, gbuf, DATA, DATA_LEN) == 0);
		for (int i = 0; i < 10; i++) {
			double g, n;
			memcpy(&g, gbuf + 0x100 + 8 * i, 8);
			memcpy(&n, host_data + 0x100 + 8 * i, 8);
			cr_assert(
				fabs(g - n) <= 4e-16 * fabs(n) + 1e-300,
				"input %zu result %d: guest %.17g native %.17g",
				k, i, g, n);
		}
	}
}

SNIP(x87_push, "fninit\n\tfldpi\n\tfld1");

Test(sse_guest, x87_state_copy_gives_the_copy_its_own_stack)
{
	struct cpu other;

	CHECK_SNIP(x87_push, 0x1f80);
	__asm__ volatile("fninit"); /* the host ran it too */
	cr_assert_not_null(gcpu.x87);
	other = gcpu;
	cr_assert_eq(x87_state_copy(&other, &gcpu), 0);
	cr_assert(other.x87 != gcpu.x87);
	cr_assert_eq(memcmp(other.x87, gcpu.x87, sizeof(*gcpu.x87)), 0);
	cpu_fini(&other);
	cr_assert_not_null(gcpu.x87);
}
