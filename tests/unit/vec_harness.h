/*
 * Harness for the vector-instruction tests (test_mmx.c, test_sse4.c): a
 * code body is wrapped in a prologue that loads the whole x87/MMX/SSE
 * state with FXRSTOR and the caller-saved GPRs and RFLAGS from a data
 * buffer, and an epilogue that stores them back (FXSAVE, PUSHFQ).  The
 * same bytes run natively (copied to an executable page) and as guest
 * code under cpu_run, with the data buffer mapped at the same address
 * on both sides; the buffers must then match, minus the FXSAVE fields
 * that legitimately differ (FOP/FIP/FDP, MXCSR_MASK, reserved bytes).
 * Bodies come from assembler snippets (VSNIP) or are built at run time
 * (every imm8 of an instruction).
 */
#ifndef WAX_TEST_VEC_HARNESS_H
#define WAX_TEST_VEC_HARNESS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "translate.h"

#define CODE	  0x400000ull
#define DATA	  0x30000000ull /* host and guest */
#define DATA_LEN  0x2000ull
#define STACK	  0x7ff000000ull
#define STACK_LEN 0x10000ull

/* Data buffer layout. */
#define V_IN	  0x000 /* FXSAVE image loaded before the body */
#define V_OUT	  0x200 /* FXSAVE image stored after it */
#define V_GIN	  0x400 /* rax rcx rdx rsi rdi r8 r9 r10 r11 rflags */
#define V_GOUT	  0x480
#define V_MXCSR0  0x4f0 /* the MXCSR restored at the end (0x1f80) */
#define V_SCRATCH 0x800 /* memory operands: 0x800-0x1fff */

enum { G_RAX, G_RCX, G_RDX, G_RSI, G_RDI, G_R8, G_R9, G_R10, G_R11, G_FL };

/* Snippet bytes between name_s and name_e (body only). */
#define VSNIP(name, body)                                                      \
	extern const uint8_t name##_s[], name##_e[];                           \
	__asm__(".pushsection .text\n" #name "_s:\n" body "\n" #name "_e:\n"   \
		".popsection\n")

VSNIP(vh_pro, "fxrstor 0x30000000\n\tpushq 0x30000448\n\tpopfq\n"
	      "\tmov 0x30000400,%rax\n\tmov 0x30000408,%rcx\n"
	      "\tmov 0x30000410,%rdx\n\tmov 0x30000418,%rsi\n"
	      "\tmov 0x30000420,%rdi\n\tmov 0x30000428,%r8\n"
	      "\tmov 0x30000430,%r9\n\tmov 0x30000438,%r10\n"
	      "\tmov 0x30000440,%r11");
VSNIP(vh_epi, "pushfq\n\tpopq 0x300004c8\n"
	      "\tmov %rax,0x30000480\n\tmov %rcx,0x30000488\n"
	      "\tmov %rdx,0x30000490\n\tmov %rsi,0x30000498\n"
	      "\tmov %rdi,0x300004a0\n\tmov %r8,0x300004a8\n"
	      "\tmov %r9,0x300004b0\n\tmov %r10,0x300004b8\n"
	      "\tmov %r11,0x300004c0\n"
	      "\tfxsave 0x30000200\n\tfninit\n\tldmxcsr 0x300004f0");

static struct mm *mm;
static struct cpu cpu;
static uint8_t *host_data, *host_code;

static void vh_setup(void)
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
	host_code = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(host_code, MAP_FAILED);
	cpu_init(&cpu, mm);
}

static void vh_teardown(void)
{
	cpu_fini(&cpu);
	mm_destroy(mm);
	munmap(host_data, DATA_LEN);
	munmap(host_code, 0x1000);
}

/* ---- inputs ---- */

static uint64_t vh_rng = 0x243f6a8885a308d3ull;

static uint64_t rnd(void)
{
	vh_rng ^= vh_rng << 13;
	vh_rng ^= vh_rng >> 7;
	vh_rng ^= vh_rng << 17;
	return vh_rng;
}

/* A 32-bit lane: random, an integer edge or a float edge. */
static uint32_t rnd_lane(void)
{
	static const uint32_t edges[] = {
		0,	    1,		0xffffffff, 0x7fffffff, 0x80000000,
		0x7fff,	    0x8000,	0xffff,	    0x7f,	0x80,
		0xff,	    0x7f7f7f7f, 0x80808080, 0x00ff00ff, 0xff00ff00,
		0x3f800000, 0xbf800000, 0x3fc00000, 0xbfc00000, 0x40200000,
		0x3f000000, 0x4b000001, 0x00000001, 0x807fffff, 0x7f800000,
		0xff800000, 0x7fc00000, 0x7f800001, 0xff812345, 0x3eaaaaab,
		0x40490fdb, 0xc0490fdb, 0x4effffff, 0x3fe00000, 0x40000000,
		0x00010001, 0xfffe0001, 0x7fff8000, 0x80007fff, 0x01020304,
	};
	uint64_t r = rnd();

	switch (r % 8) {
	case 0:
	case 1:
	case 2:
		return (uint32_t)(r >> 8);
	case 3:
		return (uint32_t)(r >> 16) & 0x01ff01ff; /* small lanes */
	default:
		return edges[(r >> 8) % (sizeof(edges) / sizeof(edges[0]))];
	}
}

/* A 64-bit lane: two 32-bit lanes or a double edge. */
static uint64_t rnd_q(void)
{
	static const uint64_t d_edges[] = {
		0x3ff0000000000000, 0xbff0000000000000, 0x3ff8000000000000,
		0xc004000000000000, 0x3fe0000000000000, 0xbfe0000000000000,
		0x4330000000000001, 0x0000000000000001, 0x800fffffffffffff,
		0x7ff0000000000000, 0xfff8000000000000, 0x7ff0000000000001,
		0x400921fb54442d18, 0x4000000000000000, 0x3fdfffffffffffff,
		0x433fffffffffffff, 0xc330000000000000, 0x8000000000000000,
	};
	uint64_t r = rnd();

	if (r % 4 == 0)
		return d_edges[(r >> 8) % (sizeof(d_edges) / 8)];
	return (uint64_t)rnd_lane() << 32 | rnd_lane();
}

/* Inputs: FCW 0x37f, a random TOP and tag byte, random ST/MM values,
 * xmm lanes from rnd_q, the given MXCSR, GPRs from gpr[] (or random
 * when NULL), scratch memory random. */
static void vh_fill(uint32_t mxcsr, const uint64_t *gpr)
{
	static uint8_t buf[DATA_LEN];
	uint16_t fcw = 0x037f, fsw = (uint16_t)((rnd() & 7) << 11);
	uint64_t flags = rnd() & 0x8d5; /* status flags only */

	memset(buf, 0, sizeof(buf));
	memcpy(buf + V_IN + 0, &fcw, 2);
	memcpy(buf + V_IN + 2, &fsw, 2);
	buf[V_IN + 4] = (uint8_t)rnd();
	memcpy(buf + V_IN + 24, &mxcsr, 4);
	for (int i = 0; i < 8; i++) {
		uint64_t m = rnd_q();
		uint16_t se = (uint16_t)rnd();
		memcpy(buf + V_IN + 32 + 16 * i, &m, 8);
		memcpy(buf + V_IN + 32 + 16 * i + 8, &se, 2);
	}
	for (int i = 0; i < 32; i++) {
		uint64_t q = rnd_q();
		memcpy(buf + V_IN + 160 + 8 * i, &q, 8);
	}
	for (int i = 0; i < 9; i++) {
		uint64_t v = gpr ? gpr[i] : rnd_q();
		memcpy(buf + V_GIN + 8 * i, &v, 8);
	}
	memcpy(buf + V_GIN + 8 * G_FL, &flags, 8);
	{
		uint32_t m0 = 0x1f80;
		memcpy(buf + V_MXCSR0, &m0, 4);
	}
	for (size_t k = V_SCRATCH; k < DATA_LEN; k += 8) {
		uint64_t q = rnd_q();
		memcpy(buf + k, &q, 8);
	}
	memcpy(host_data, buf, DATA_LEN);
	cr_assert(mm_write(mm, DATA, buf, DATA_LEN) == 0);
}

/* Sets the input qword at offset off of the data buffer on both sides. */
static void vh_set64(size_t off, uint64_t v)
{
	memcpy(host_data + off, &v, 8);
	cr_assert(mm_write(mm, DATA + off, &v, 8) == 0);
}

/* Sets n input bytes at offset off of the data buffer on both sides. */
static inline void vh_set(size_t off, const void *v, size_t n)
{
	memcpy(host_data + off, v, n);
	cr_assert(mm_write(mm, DATA + off, v, n) == 0);
}

/* Sets input register xmm i (16 bytes). */
static inline void vh_set_xmm(int i, const void *v)
{
	vh_set(V_IN + 160 + 16 * (size_t)i, v, 16);
}

/* ---- running and comparing ---- */

/* Bytes of the FXSAVE output image not compared: FOP, FIP, FDP (x87
 * instruction pointers differ between host and guest), MXCSR_MASK,
 * bytes 10-15 of each ST slot and the reserved tail. */
static int vh_ignored(size_t k)
{
	if (k < V_OUT || k >= V_OUT + 512)
		return 0;
	k -= V_OUT;
	if ((k >= 6 && k < 24) || (k >= 28 && k < 32) || k >= 416)
		return 1;
	return k >= 32 && k < 160 && (k - 32) % 16 >= 10;
}

static size_t vh_build(uint8_t *out, const uint8_t *body, size_t n)
{
	size_t np = (size_t)(vh_pro_e - vh_pro_s);
	size_t ne = (size_t)(vh_epi_e - vh_epi_s);

	cr_assert(np + n + ne + 2 < 0x1000);
	memcpy(out, vh_pro_s, np);
	memcpy(out + np, body, n);
	memcpy(out + np + n, vh_epi_s, ne);
	return np + n + ne;
}

/*
 * Runs body natively and as a guest on the current inputs and compares
 * the data buffers; flag_mask selects the RFLAGS bits compared.
 * Returns 1 on a match; on a mismatch prints the first differences
 * (what names the case) and returns 0.
 */
static int vh_run(const char *what, const uint8_t *body, size_t n,
		  uint64_t flag_mask)
{
	static uint8_t code[0x1000], gbuf[DATA_LEN], in[DATA_LEN];
	static const uint8_t sys[2] = {0x0f, 0x05};
	size_t len = vh_build(code, body, n);
	enum cpu_exit r;
	int bad = 0;

	memcpy(in, host_data, DATA_LEN);
	memcpy(host_code, code, len);
	host_code[len] = 0xc3;
	__builtin___clear_cache((char *)host_code, (char *)host_code + len + 1);
	((void (*)(void))(uintptr_t)host_code)();

	cr_assert(mm_poke(mm, CODE, code, len) == 0);
	cr_assert(mm_poke(mm, CODE + len, sys, 2) == 0);
	cpu_invalidate_code(mm, CODE, 0x1000);
	cpu.regs[R_RSP] = STACK + STACK_LEN - 64;
	cpu.rip = CODE;
	r = cpu_run(&cpu);
	cr_assert_eq(r, CPU_EXIT_SYSCALL, "%s: exit %d signal %d at %llx", what,
		     r, cpu.fault.signo, (unsigned long long)cpu.fault.rip);
	cr_assert(mm_read(mm, gbuf, DATA, DATA_LEN) == 0);
	for (size_t k = 0; k < DATA_LEN; k++) {
		uint8_t g = gbuf[k], h = host_data[k];
		if (vh_ignored(k))
			continue;
		if (k >= V_GOUT + 8 * G_FL && k < V_GOUT + 8 * G_FL + 8) {
			unsigned sh = 8 * (unsigned)(k - V_GOUT - 8 * G_FL);
			g &= (uint8_t)(flag_mask >> sh);
			h &= (uint8_t)(flag_mask >> sh);
		}
		if (g != h && bad++ < 6)
			fprintf(stderr,
				"%s: byte %#zx guest %02x native %02x\n", what,
				k, g, h);
	}
	if (bad) {
		fprintf(stderr,
			"%s: inputs xmm0 %016llx:%016llx "
			"xmm1 %016llx:%016llx xmm2 %016llx:%016llx "
			"rax %llx rdx %llx mxcsr %x\n",
			what, *(unsigned long long *)(in + 168),
			*(unsigned long long *)(in + 160),
			*(unsigned long long *)(in + 184),
			*(unsigned long long *)(in + 176),
			*(unsigned long long *)(in + 200),
			*(unsigned long long *)(in + 192),
			*(unsigned long long *)(in + V_GIN),
			*(unsigned long long *)(in + V_GIN + 16),
			*(unsigned *)(in + 24));
	}
	return bad == 0;
}

#define FL_STATUS 0x8d5ull

#endif
