/*
 * Unit tests of the MMX instructions (translate/mmx_*.c) against the host
 * CPU: every snippet runs natively and under cpu_run from the same
 * random FXSAVE image, GPRs and memory (vec_harness.h); the resulting
 * FXSAVE images (so the MMX/x87 aliasing: TOP, tags, exponent bits),
 * GPRs, flags and memory must match.
 */
#include "vec_harness.h"
#include "sse.h"

TestSuite(mmx, .init = vh_setup, .fini = vh_teardown);

/* X(name, body): rdi points at scratch memory (16-aligned). */
#define MMX_SNIPS(X)                                                           \
	X(add_sub_bytes, "paddb %mm1,%mm0\n\tpaddsb %mm2,%mm1\n"               \
			 "\tpaddusb %mm3,%mm2\n\tpsubb %mm4,%mm3\n"            \
			 "\tpsubsb %mm5,%mm4\n\tpsubusb %mm6,%mm5\n"           \
			 "\tpcmpeqb %mm7,%mm6\n\tpcmpgtb %mm0,%mm7")           \
	X(add_sub_words, "paddw %mm1,%mm0\n\tpaddsw %mm2,%mm1\n"               \
			 "\tpaddusw %mm3,%mm2\n\tpsubw %mm4,%mm3\n"            \
			 "\tpsubsw %mm5,%mm4\n\tpsubusw %mm6,%mm5\n"           \
			 "\tpcmpeqw %mm7,%mm6\n\tpcmpgtw %mm0,%mm7")           \
	X(dwords_qwords, "paddd %mm1,%mm0\n\tpsubd %mm2,%mm1\n"                \
			 "\tpcmpeqd %mm3,%mm2\n\tpcmpgtd %mm4,%mm3\n"          \
			 "\tpaddq %mm5,%mm4\n\tpsubq %mm6,%mm5\n"              \
			 "\tpmuludq %mm7,%mm6\n\tpcmpeqd %mm7,%mm7")           \
	X(multiplies, "pmullw %mm1,%mm0\n\tpmulhw %mm2,%mm1\n"                 \
		      "\tpmulhuw %mm3,%mm2\n\tpmaddwd %mm4,%mm3\n"             \
		      "\tpmaddwd %mm5,%mm5\n\tpsadbw %mm7,%mm6")               \
	X(logic, "pand %mm1,%mm0\n\tpandn %mm2,%mm1\n\tpor %mm3,%mm2\n"        \
		 "\tpxor %mm4,%mm3\n\tpxor %mm5,%mm5")                         \
	X(min_max_avg, "pminub %mm1,%mm0\n\tpmaxub %mm2,%mm1\n"                \
		       "\tpminsw %mm3,%mm2\n\tpmaxsw %mm4,%mm3\n"              \
		       "\tpavgb %mm5,%mm4\n\tpavgw %mm6,%mm5")                 \
	X(shift_by_reg, "psrlw %mm1,%mm0\n\tpsrld %mm2,%mm1\n"                 \
			"\tpsrlq %mm3,%mm2\n\tpsraw %mm4,%mm3\n"               \
			"\tmovd %eax,%mm7\n\tpsrad %mm7,%mm4\n"                \
			"\tpsllw %mm7,%mm5\n\tpslld %mm7,%mm6\n"               \
			"\tpsllq %mm7,%mm0\n\tpsraw %mm7,%mm1")                \
	X(shift_by_imm, "psrlw $3,%mm0\n\tpsraw $15,%mm1\n\tpsllw $16,%mm2\n"  \
			"\tpsrld $31,%mm3\n\tpsrad $40,%mm4\n"                 \
			"\tpslld $1,%mm5\n\tpsrlq $63,%mm6\n"                  \
			"\tpsllq $64,%mm7\n\tpsraw $255,%mm0\n"                \
			"\tpsllq $0,%mm1\n\tpsrlq $7,%mm2")                    \
	X(unpack, "punpcklbw %mm1,%mm0\n\tpunpcklwd %mm2,%mm1\n"               \
		  "\tpunpckldq %mm3,%mm2\n\tpunpckhbw %mm4,%mm3\n"             \
		  "\tpunpckhwd %mm5,%mm4\n\tpunpckhdq %mm6,%mm5\n"             \
		  "\tpunpcklbw 4(%rdi),%mm6\n\tpunpckhdq 8(%rdi),%mm7")        \
	X(pack, "packsswb %mm1,%mm0\n\tpackuswb %mm2,%mm1\n"                   \
		"\tpackssdw %mm3,%mm2\n\tpacksswb (%rdi),%mm3\n"               \
		"\tpackssdw 8(%rdi),%mm4\n\tpackuswb %mm5,%mm5")               \
	X(memory_arith, "paddw (%rdi),%mm0\n\tpmaddwd 8(%rdi),%mm1\n"          \
			"\tpsubusb 16(%rdi),%mm2\n\tpcmpgtw 24(%rdi),%mm3\n"   \
			"\tmovq $9,%r8\n\tmov %r8,40(%rdi)\n"                  \
			"\tpsllq 40(%rdi),%mm4\n\tpxor 48(%rdi),%mm5\n"        \
			"\tpavgb 56(%rdi),%mm6\n\tpsadbw 64(%rdi),%mm7")       \
	X(moves, "movd %eax,%mm0\n\tmovq %rdx,%mm1\n\tmovd %mm2,%r8d\n"        \
		 "\tmovq %mm3,%r9\n\tmovq (%rdi),%mm4\n\tmovq %mm5,8(%rdi)\n"  \
		 "\tmovd %mm6,16(%rdi)\n\tmovd 20(%rdi),%mm7\n"                \
		 "\tmovq %mm1,%mm2\n\t.byte 0x0f,0x7f,0xdc\n"                  \
		 "\tmovntq %mm0,24(%rdi)\n\tmovq %r10,%mm3\n"                  \
		 "\t.byte 0x44,0x0f,0xfc,0xc9\n" /* paddb, REX.R ignored */    \
		 "\tmovq 32(%rdi),%r11\n\tmovd %mm5,%ecx")                     \
	X(sse_extensions,                                                      \
	  "pshufw $0x1b,%mm1,%mm0\n\tpshufw $0xe4,(%rdi),%mm2\n"               \
	  "\tpinsrw $2,%eax,%mm3\n\tpinsrw $1,6(%rdi),%mm4\n"                  \
	  "\tpextrw $3,%mm5,%ecx\n\tpextrw $0,%mm6,%r8\n"                      \
	  "\tpmovmskb %mm7,%edx\n\tlea 64(%rdi),%rdi\n"                        \
	  "\tmaskmovq %mm1,%mm0\n\tmaskmovq %mm7,%mm6")                        \
	X(xmm_transfers, "movq2dq %mm1,%xmm3\n\tmovdq2q %xmm4,%mm2\n"          \
			 "\tmovq2dq %mm7,%xmm15\n\tmovdq2q %xmm9,%mm0")        \
	X(conversions, "cvtpi2ps %mm0,%xmm0\n\tcvtpi2ps (%rdi),%xmm1\n"        \
		       "\tcvtpi2pd %mm1,%xmm2\n\tcvtpi2pd 8(%rdi),%xmm3\n"     \
		       "\tcvtps2pi %xmm4,%mm2\n\tcvttps2pi %xmm5,%mm3\n"       \
		       "\tcvtpd2pi %xmm6,%mm4\n\tcvttpd2pi %xmm7,%mm5\n"       \
		       "\tcvtps2pi 16(%rdi),%mm6\n\tcvtpd2pi 32(%rdi),%mm7")   \
	X(cvtpi2ps_memory_keeps_x87_tags, "cvtpi2ps (%rdi),%xmm1")             \
	X(cvtpi2pd_memory_form, "cvtpi2pd 8(%rdi),%xmm3")                      \
	X(ssse3_mm, "pshufb %mm1,%mm0\n\tphaddw %mm2,%mm1\n"                   \
		    "\tphaddd %mm3,%mm2\n\tphaddsw %mm4,%mm3\n"                \
		    "\tpmaddubsw %mm5,%mm4\n\tphsubw %mm6,%mm5\n"              \
		    "\tphsubd %mm7,%mm6\n\tphsubsw %mm0,%mm7\n"                \
		    "\tpsignb %mm1,%mm0\n\tpsignw %mm2,%mm1\n"                 \
		    "\tpsignd %mm3,%mm2\n\tpmulhrsw %mm4,%mm3\n"               \
		    "\tpabsb %mm5,%mm4\n\tpabsw %mm6,%mm5\n\tpabsd %mm7,%mm6") \
	X(ssse3_mm_memory,                                                     \
	  "pshufb (%rdi),%mm0\n\tphaddsw 8(%rdi),%mm1\n"                       \
	  "\tpmaddubsw 16(%rdi),%mm2\n\tpabsw 24(%rdi),%mm3\n"                 \
	  "\tpalignr $3,32(%rdi),%mm4")                                        \
	X(palignr_mm, "palignr $0,%mm1,%mm0\n\tpalignr $5,%mm2,%mm1\n"         \
		      "\tpalignr $8,%mm3,%mm2\n\tpalignr $13,%mm4,%mm3\n"      \
		      "\tpalignr $16,%mm5,%mm4\n\tpalignr $200,%mm6,%mm5")     \
	X(emms_after_mmx, "paddb %mm1,%mm0\n\temms")                           \
	X(emms_alone, "emms")                                                  \
	X(x87_after_emms, "movq %rax,%mm1\n\temms\n\tfldpi\n\tfld1\n"          \
			  "\tfaddp\n\tfstpt 80(%rdi)")                         \
	X(x87_then_mmx, "fninit\n\tfldl2e\n\tfldpi\n\tmovq %mm0,%mm3\n"        \
			"\tfstpt 80(%rdi)")

#define X_SNIP(name, body) VSNIP(name, body);
MMX_SNIPS(X_SNIP)

struct vcase {
	const char *name;
	const uint8_t *s, *e;
};
#define X_ROW(name, body) {#name, name##_s, name##_e},
static const struct vcase mmx_cases[] = {MMX_SNIPS(X_ROW)};

/* Runs every case n times on fresh random inputs (small shift counts in
 * RAX for the by-register shifts, RDI at the scratch area). */
static int run_cases(const struct vcase *c, size_t nc, int n)
{
	static const uint32_t mxcsrs[] = {0x1f80, 0x3f80, 0x5f80, 0x7f80,
					  0x9fc0};
	int fails = 0, runs = 0;

	for (size_t k = 0; k < nc; k++)
		for (int i = 0; i < n; i++) {
			vh_fill(mxcsrs[i % 5], NULL);
			vh_set64(V_GIN + 8 * G_RDI, DATA + V_SCRATCH);
			if (i & 1)
				vh_set64(V_GIN + 8 * G_RAX, rnd() % 70);
			runs++;
			if (!vh_run(c[k].name, c[k].s,
				    (size_t)(c[k].e - c[k].s), FL_STATUS))
				fails++;
		}
	cr_log_info("%d runs, %d mismatches", runs, fails);
	return fails;
}

Test(mmx, every_mmx_form_matches_the_cpu_including_x87_aliasing)
{
	cr_assert_eq(run_cases(mmx_cases,
			       sizeof(mmx_cases) / sizeof(*mmx_cases), 200),
		     0);
}

/* A faulting MMX store leaves TOP and the tags alone: the x87 state
 * changes only when the instruction completes. */
Test(mmx, faulting_mmx_store_leaves_the_x87_state_untouched)
{
	static const uint8_t body[] = {0x0f, 0x7f, 0x17}; /* movq %mm2,(%rdi) */
	static const uint8_t sys[2] = {0x0f, 0x05};
	uint8_t code[0x200], img[512];
	size_t len = vh_build(code, body, sizeof(body));

	vh_fill(0x1f80, NULL);
	vh_set64(V_GIN + 8 * G_RDI, 0x1000); /* unmapped */
	cr_assert(mm_poke(mm, CODE, code, len) == 0);
	cr_assert(mm_poke(mm, CODE + len, sys, 2) == 0);
	cpu_invalidate_code(mm, CODE, 0x1000);
	cpu.regs[R_RSP] = STACK + STACK_LEN - 64;
	cpu.rip = CODE;
	cr_assert_eq(cpu_run(&cpu), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGSEGV);
	fxsave_image(&cpu, img);
	/* FSW (TOP) and the abridged tag byte as loaded */
	cr_assert_eq(memcmp(img + 2, host_data + V_IN + 2, 3), 0);
}

/* Encodings with no MMX meaning are #UD (SIGILL), as on the CPU:
 * PSRLDQ/PSLLDQ and PSRAQ on mm, shift groups with a memory operand,
 * PMOVMSKB/MASKMOVQ/PEXTRW with memory operands, MOVNTQ to a register,
 * MOVQ2DQ from memory, SSSE3 with an F3 prefix. */
Test(mmx, encodings_without_an_mmx_form_raise_sigill)
{
	static const uint8_t bad[][6] = {
		{4, 0x0f, 0x73, 0xd8, 0x01},	   /* 0F 73 /3: psrldq mm */
		{4, 0x0f, 0x73, 0xf8, 0x01},	   /* 0F 73 /7: pslldq mm */
		{4, 0x0f, 0x73, 0xe0, 0x01},	   /* 0F 73 /4: psraq */
		{4, 0x0f, 0x71, 0x17, 0x01},	   /* 0F 71 /2 with (%rdi) */
		{3, 0x0f, 0xd7, 0x07},		   /* pmovmskb (%rdi) */
		{3, 0x0f, 0xf7, 0x07},		   /* maskmovq (%rdi) */
		{4, 0x0f, 0xc5, 0x07, 0x01},	   /* pextrw (%rdi) */
		{3, 0x0f, 0xe7, 0xc1},		   /* movntq %mm0, %mm1 */
		{4, 0xf3, 0x0f, 0xd6, 0x07},	   /* movq2dq (%rdi) */
		{5, 0xf3, 0x0f, 0x38, 0x00, 0xc1}, /* F3 pshufb */
	};
	static const uint8_t sys[2] = {0x0f, 0x05};

	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		cr_assert(mm_poke(mm, CODE, bad[k] + 1, bad[k][0]) == 0);
		cr_assert(mm_poke(mm, CODE + bad[k][0], sys, 2) == 0);
		cpu_invalidate_code(mm, CODE, 0x1000);
		cpu.regs[R_RDI] = DATA + V_SCRATCH;
		cpu.rip = CODE;
		cr_assert_eq(cpu_run(&cpu), CPU_EXIT_FAULT, "case %zu", k);
		cr_assert_eq(cpu.fault.signo, LINUX_SIGILL, "case %zu", k);
		cr_assert_eq(cpu.fault.rip, CODE, "case %zu", k);
	}
}
