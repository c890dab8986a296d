/*
 * Unit tests of SSE4.1 and SSE4.2 (translate/sse4_*.c) against the host
 * CPU (vec_harness.h: same code, state and memory natively and under
 * cpu_run; FXSAVE image, GPRs, flags and memory compared).  Fixed
 * snippets cover every instruction in register and memory forms; the
 * imm8-controlled ones (ROUND*, DPPS/DPPD, blends, INSERTPS, MPSADBW,
 * PCMPxSTRx) run for every imm8 value from built instruction bytes.
 */
#include "vec_harness.h"

TestSuite(sse4, .init = vh_setup, .fini = vh_teardown);

/* X(name, body): rdi points at 16-aligned scratch memory, rsi = rdi+3. */
#define SSE4_SNIPS(X)                                                          \
	X(pmovsx, "pmovsxbw %xmm1,%xmm0\n\tpmovsxbd %xmm2,%xmm1\n"             \
		  "\tpmovsxbq %xmm3,%xmm2\n\tpmovsxwd %xmm4,%xmm3\n"           \
		  "\tpmovsxwq %xmm5,%xmm4\n\tpmovsxdq %xmm6,%xmm5\n"           \
		  "\tpmovsxbw (%rsi),%xmm6\n\tpmovsxbd 1(%rsi),%xmm7\n"        \
		  "\tpmovsxbq 2(%rsi),%xmm8\n\tpmovsxwd 3(%rsi),%xmm9\n"       \
		  "\tpmovsxwq 4(%rsi),%xmm10\n\tpmovsxdq 5(%rsi),%xmm11")      \
	X(pmovzx, "pmovzxbw %xmm1,%xmm0\n\tpmovzxbd %xmm2,%xmm1\n"             \
		  "\tpmovzxbq %xmm3,%xmm2\n\tpmovzxwd %xmm4,%xmm3\n"           \
		  "\tpmovzxwq %xmm5,%xmm4\n\tpmovzxdq %xmm6,%xmm5\n"           \
		  "\tpmovzxbw (%rsi),%xmm6\n\tpmovzxbd 1(%rsi),%xmm7\n"        \
		  "\tpmovzxbq 2(%rsi),%xmm8\n\tpmovzxwd 3(%rsi),%xmm9\n"       \
		  "\tpmovzxwq 4(%rsi),%xmm10\n\tpmovzxdq 5(%rsi),%xmm12")      \
	X(min_max, "pminsb %xmm1,%xmm0\n\tpminsd %xmm2,%xmm1\n"                \
		   "\tpminuw %xmm3,%xmm2\n\tpminud %xmm4,%xmm3\n"              \
		   "\tpmaxsb %xmm5,%xmm4\n\tpmaxsd %xmm6,%xmm5\n"              \
		   "\tpmaxuw %xmm7,%xmm6\n\tpmaxud %xmm8,%xmm7\n"              \
		   "\tpmaxud (%rdi),%xmm8\n\tpminsb 16(%rdi),%xmm9")           \
	X(multiplies, "pmulld %xmm1,%xmm0\n\tpmuldq %xmm2,%xmm1\n"             \
		      "\tpmulld 32(%rdi),%xmm2\n\tpmuldq 48(%rdi),%xmm3")      \
	X(compares_packs,                                                      \
	  "pcmpeqq %xmm1,%xmm0\n\tpcmpgtq %xmm2,%xmm1\n"                       \
	  "\tpcmpeqq %xmm3,%xmm3\n\tpackusdw %xmm4,%xmm2\n"                    \
	  "\tpackusdw (%rdi),%xmm4\n\tpcmpgtq 16(%rdi),%xmm5\n"                \
	  "\tphminposuw %xmm6,%xmm6\n\tphminposuw 32(%rdi),%xmm7")             \
	X(ptest_reg, "ptest %xmm1,%xmm0")                                      \
	X(ptest_self, "ptest %xmm2,%xmm2")                                     \
	X(ptest_mem, "ptest (%rdi),%xmm3")                                     \
	X(blendv, "pblendvb %xmm1,%xmm2\n\tblendvps %xmm3,%xmm4\n"             \
		  "\tblendvpd %xmm5,%xmm6\n\tpblendvb (%rdi),%xmm7\n"          \
		  "\tblendvps 16(%rdi),%xmm8\n\tblendvpd 32(%rdi),%xmm9\n"     \
		  "\tpblendvb %xmm0,%xmm10")                                   \
	X(movntdqa, "movntdqa (%rdi),%xmm0\n\tmovntdqa 16(%rdi),%xmm9")        \
	X(extract_reg, "pextrb $0,%xmm1,%eax\n\tpextrb $15,%xmm1,%rcx\n"       \
		       "\tpextrw $5,%xmm2,%edx\n\tpextrd $3,%xmm3,%r8d\n"      \
		       "\tpextrq $1,%xmm4,%r9\n\textractps $2,%xmm5,%r10d\n"   \
		       "\t.byte 0x66,0x48,0x0f,0x3a,0x17,0xee,0x03\n"          \
		       "\tpextrd $1,%xmm6,%esi")                               \
	X(extract_mem,                                                         \
	  "pextrb $7,%xmm1,1(%rdi)\n\tpextrw $6,%xmm2,3(%rdi)\n"               \
	  "\tpextrd $2,%xmm3,7(%rdi)\n\tpextrq $0,%xmm4,13(%rdi)\n"            \
	  "\textractps $1,%xmm5,23(%rdi)")                                     \
	X(insert,                                                              \
	  "pinsrb $3,%eax,%xmm0\n\tpinsrb $15,(%rsi),%xmm1\n"                  \
	  "\tpinsrd $2,%edx,%xmm2\n\tpinsrd $3,4(%rsi),%xmm3\n"                \
	  "\tpinsrq $1,%r8,%xmm4\n\tpinsrq $0,8(%rsi),%xmm5\n"                 \
	  "\tinsertps $0x1d,(%rsi),%xmm6\n\tinsertps $0xe0,%xmm7,%xmm8")       \
	X(crc32,                                                               \
	  "crc32b %al,%ecx\n\tcrc32b %ah,%edx\n\tcrc32w %ax,%r8d\n"            \
	  "\tcrc32l %edx,%r9d\n\tcrc32q %rax,%r10\n\tcrc32b %sil,%r11d\n"      \
	  "\tcrc32b (%rdi),%eax\n\tcrc32w 2(%rdi),%eax\n"                      \
	  "\tcrc32l 5(%rdi),%eax\n\tcrc32q 9(%rdi),%rax\n"                     \
	  "\tcrc32b %r9b,%rcx\n\tcrc32q %r11,%rdx")

#define X_SNIP(name, body) VSNIP(name, body);
SSE4_SNIPS(X_SNIP)

struct vcase {
	const char *name;
	const uint8_t *s, *e;
};
#define X_ROW(name, body) {#name, name##_s, name##_e},
static const struct vcase sse4_cases[] = {SSE4_SNIPS(X_ROW)};

static const uint32_t mxcsrs[] = {0x1f80, 0x3f80, 0x5f80, 0x7f80,
				  0x9fc0, 0x1fc0, 0x9f80};
#define NMX (sizeof(mxcsrs) / sizeof(mxcsrs[0]))

static void point_regs(void)
{
	vh_set64(V_GIN + 8 * G_RDI, DATA + V_SCRATCH);
	vh_set64(V_GIN + 8 * G_RSI, DATA + V_SCRATCH + 0x103);
}

Test(sse4, every_sse41_form_and_crc32_match_the_cpu)
{
	int fails = 0, runs = 0;

	for (size_t k = 0; k < sizeof(sse4_cases) / sizeof(*sse4_cases); k++)
		for (int i = 0; i < 300; i++) {
			vh_fill(mxcsrs[i % NMX], NULL);
			point_regs();
			runs++;
			fails += !vh_run(
				sse4_cases[k].name, sse4_cases[k].s,
				(size_t)(sse4_cases[k].e - sse4_cases[k].s),
				FL_STATUS);
		}
	cr_log_info("%d runs, %d mismatches", runs, fails);
	cr_assert_eq(fails, 0);
}

/* ---- every imm8 from built instruction bytes ---- */

/* Runs 66 [REX] 0F 3A op modrm imm8 for imm8 in [lo, hi] on n inputs
 * each; mem selects the (%rdi) form (modrm 0x0f: xmm1, (%rdi)) instead
 * of xmm2 (0xca).  prep, when set, shapes the inputs. */
static int run_imm(const char *what, int rex, int op, int mem, int lo, int hi,
		   int n, void (*prep)(int i), uint64_t fmask)
{
	uint8_t b[8];
	size_t len = 0;
	int fails = 0;

	b[len++] = 0x66;
	if (rex)
		b[len++] = (uint8_t)rex;
	b[len++] = 0x0f;
	b[len++] = 0x3a;
	b[len++] = (uint8_t)op;
	b[len++] = mem ? 0x0f : 0xca;
	len++;
	for (int imm = lo; imm <= hi; imm++) {
		b[len - 1] = (uint8_t)imm;
		for (int i = 0; i < n; i++) {
			vh_fill(mxcsrs[(imm + i) % NMX], NULL);
			point_regs();
			if (prep)
				prep(i);
			if (!vh_run(what, b, len, fmask)) {
				fails++;
				fprintf(stderr, "  (imm8 %#x, input %d)\n", imm,
					i);
			}
		}
	}
	return fails;
}

Test(sse4, round_in_every_imm8_mode_and_mxcsr_matches_the_cpu)
{
	int f = 0;

	f += run_imm("roundps", 0, 0x08, 0, 0, 15, 60, NULL, FL_STATUS);
	f += run_imm("roundpd", 0, 0x09, 0, 0, 15, 60, NULL, FL_STATUS);
	f += run_imm("roundss", 0, 0x0a, 0, 0, 15, 60, NULL, FL_STATUS);
	f += run_imm("roundsd", 0, 0x0b, 0, 0, 15, 60, NULL, FL_STATUS);
	f += run_imm("roundps_m", 0, 0x08, 1, 0, 15, 10, NULL, FL_STATUS);
	f += run_imm("roundsd_m", 0, 0x0b, 1, 0xf0, 0xff, 10, NULL, FL_STATUS);
	cr_assert_eq(f, 0);
}

/* ROUND* with unmasked precision/invalid exceptions: #XM unless imm8
 * bit 3 suppresses PE. */
Test(sse4, round_with_unmasked_precision_faults_unless_suppressed)
{
	static const uint8_t body[] = {0x66, 0x0f, 0x3a, 0x0a, 0xca, 0x00};
	static const uint8_t sys[2] = {0x0f, 0x05};
	uint8_t code[0x200], b[6];
	uint32_t half = 0x3f000000; /* 0.5f */

	for (int sup = 0; sup < 2; sup++) {
		memcpy(b, body, sizeof(b));
		b[5] = sup ? 0x08 : 0x00;
		size_t len = vh_build(code, b, sizeof(b));
		vh_fill(0x1f80 & ~0x1000u, NULL); /* PE unmasked */
		vh_set(V_IN + 160 + 32, &half, 4);
		cr_assert(mm_poke(mm, CODE, code, len) == 0);
		cr_assert(mm_poke(mm, CODE + len, sys, 2) == 0);
		cpu_invalidate_code(mm, CODE, 0x1000);
		cpu.regs[R_RSP] = STACK + STACK_LEN - 64;
		cpu.rip = CODE;
		enum cpu_exit r = cpu_run(&cpu);
		if (sup) {
			cr_assert_eq(r, CPU_EXIT_SYSCALL);
		} else {
			cr_assert_eq(r, CPU_EXIT_FAULT);
			cr_assert_eq(cpu.fault.signo, LINUX_SIGFPE);
		}
	}
}

Test(sse4, dot_products_blends_and_inserts_for_every_imm8_match_the_cpu)
{
	int f = 0;

	f += run_imm("dpps", 0, 0x40, 0, 0, 255, 6, NULL, FL_STATUS);
	f += run_imm("dppd", 0, 0x41, 0, 0, 255, 6, NULL, FL_STATUS);
	f += run_imm("dpps_m", 0, 0x40, 1, 0xf1, 0xff, 4, NULL, FL_STATUS);
	f += run_imm("blendps", 0, 0x0c, 0, 0, 15, 4, NULL, FL_STATUS);
	f += run_imm("blendpd", 0, 0x0d, 1, 0, 3, 4, NULL, FL_STATUS);
	f += run_imm("pblendw", 0, 0x0e, 0, 0, 255, 2, NULL, FL_STATUS);
	f += run_imm("insertps", 0, 0x21, 0, 0, 255, 2, NULL, FL_STATUS);
	f += run_imm("insertps_m", 0, 0x21, 1, 0, 255, 1, NULL, FL_STATUS);
	f += run_imm("mpsadbw", 0, 0x42, 0, 0, 15, 20, NULL, FL_STATUS);
	f += run_imm("mpsadbw_m", 0, 0x42, 1, 0, 7, 10, NULL, FL_STATUS);
	f += run_imm("palignr", 0, 0x0f, 0, 0, 40, 2, NULL, FL_STATUS);
	cr_assert_eq(f, 0);
}

/* ---- PCMPxSTRx ---- */

/* String-shaped operands: a small alphabet, so that matches, ranges and
 * substrings happen, with a NUL at a random place or none; explicit
 * lengths from edge values. */
static void make_string(uint8_t *v, int words)
{
	static const uint8_t alpha[] = {'a',  'b',  'c',  'a',	'b', 'z',
					0x80, 0xff, 0x7f, 0x01, 'a', 'b'};
	int nul = (int)(rnd() % 24);

	for (int i = 0; i < 16; i++)
		v[i] = alpha[rnd() % sizeof(alpha)];
	if (words)
		for (int i = 1; i < 16; i += 2)
			v[i] = (uint8_t)(rnd() % 3 == 0 ? v[i] : 0);
	if (nul < 16)
		v[nul & ~words] = 0, v[(nul & ~words) + words] = 0;
}

static void prep_strings(int i)
{
	static const int64_t lens[] = {0,
				       1,
				       2,
				       3,
				       7,
				       8,
				       9,
				       15,
				       16,
				       17,
				       100,
				       -1,
				       -3,
				       -8,
				       -16,
				       -17,
				       -100,
				       INT32_MIN,
				       INT32_MAX,
				       INT64_MIN,
				       0x100000003ll,
				       -0x100000000ll};
	uint8_t a[16], b[16];
	int words = i & 1;

	make_string(a, words);
	make_string(b, words);
	if (i % 5 == 0) /* b contains a at some offset */
		memcpy(b + (rnd() % 8), a, 4);
	if (i % 7 == 3)
		memcpy(b, a, 16);
	vh_set_xmm(1, a);
	vh_set_xmm(2, b);
	vh_set(V_SCRATCH, b, 16);
	vh_set64(V_GIN + 8 * G_RAX,
		 (uint64_t)lens[rnd() % (sizeof(lens) / sizeof(lens[0]))]);
	vh_set64(V_GIN + 8 * G_RDX,
		 (uint64_t)lens[rnd() % (sizeof(lens) / sizeof(lens[0]))]);
}

Test(sse4, pcmpxstrx_for_every_imm8_match_the_cpu)
{
	int f = 0;

	/* imm8 bit 0 must agree with the input shape: run both shapes for
	 * every imm8 (prep alternates bytes and words) */
	f += run_imm("pcmpestrm", 0, 0x60, 0, 0, 127, 12, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpestri", 0, 0x61, 0, 0, 127, 12, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpistrm", 0, 0x62, 0, 0, 127, 12, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpistri", 0, 0x63, 0, 0, 127, 12, prep_strings,
		     FL_STATUS);
	/* bit 7 is reserved, memory forms (unaligned is fine), REX.W
	 * explicit lengths */
	f += run_imm("pcmpistri_hi", 0, 0x63, 0, 128, 255, 2, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpestri_m", 0, 0x61, 1, 0, 127, 4, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpistrm_m", 0, 0x62, 1, 0, 127, 4, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpestri_w", 0x48, 0x61, 0, 0, 127, 6, prep_strings,
		     FL_STATUS);
	f += run_imm("pcmpestrm_w", 0x48, 0x60, 0, 0, 127, 6, prep_strings,
		     FL_STATUS);
	cr_assert_eq(f, 0);
}

/* CPUID lists exactly the implemented levels: the whole x86-64-v2 set
 * (what glibc's ld.so checks for its "x86-64-v2" hwcaps directory) and
 * MMX, and nothing from v3 (AVX, XSAVE). */
Test(sse4, cpuid_reports_x86_64_v2_and_mmx_but_no_avx)
{
	uint32_t r[4], x[4];

	cpu_cpuid(1, 0, r);
	cpu_cpuid(0x80000001, 0, x);
	cr_assert(r[3] & (1u << 23), "MMX");
	cr_assert(r[3] & (1u << 25) && r[3] & (1u << 26), "SSE, SSE2");
	cr_assert(r[2] & (1u << 0), "SSE3");
	cr_assert(r[2] & (1u << 9), "SSSE3");
	cr_assert(r[2] & (1u << 13), "CMPXCHG16B");
	cr_assert(r[2] & (1u << 19), "SSE4.1");
	cr_assert(r[2] & (1u << 20), "SSE4.2");
	cr_assert(r[2] & (1u << 23), "POPCNT");
	cr_assert(x[2] & (1u << 0), "LAHF/SAHF");
	cr_assert_eq(r[2] & ((1u << 26) | (1u << 27) | (1u << 28)), 0,
		     "no XSAVE, OSXSAVE, AVX");
}
