/*
 * Unit tests of the integer interpreter (translate/cpu.c, flags.c,
 * interp_*.c): each snippet is assembled once into this test binary, run
 * natively on the host CPU and, as guest code, under cpu_run in a real
 * mm; registers, status flags (minus the ones the SDM leaves undefined)
 * and a shared data buffer must come out the same.  The data buffer sits
 * at the same address on both sides so pointers compare equal.  Faults
 * (#DE, #UD, #PF, INT3) are checked against what Linux reports.
 */
#include "interp_harness.h"

SNIP(alu64, "add %rbx,%rax\n\tmov %rax,%r8\n\tadc %rdx,%r8\n"
	    "\tsub %rbx,%rdx\n\tsbb %rax,%rbx\n\tpushfq\n\tpop %r9\n"
	    "\tcmp %rdx,%rbx");
SNIP(add32, "add %ebx,%eax");
SNIP(adc32, "adc %ebx,%eax");
SNIP(sub16, "sub %bx,%ax");
SNIP(sbb16, "sbb %bx,%ax");
SNIP(sbb8, "sbb %bl,%al");
SNIP(adc8h, "adc %bh,%ah");
SNIP(cmp8, "cmp %bl,%al");
SNIP(cmp64, "cmp %rbx,%rax");
SNIP(neg64, "neg %rax");
SNIP(neg8, "neg %al");
SNIP(inc32, "inc %eax");
SNIP(dec16, "dec %ax");
SNIP(inc8, "incb %al");
SNIP(dec64, "dec %rax");
SNIP(logic, "and %rbx,%rax\n\tor %rax,%rdx\n\txor %edx,%ebx\n\tnot %rbx\n"
	    "\ttest %bl,%al");
SNIP(alu_imm, "add $0x7f,%al\n\tsub $-2,%bx\n\tadc $0x12345678,%edx\n"
	      "\tpushfq\n\tpop %r10\n\tcmp $-1,%rax\n\txor $0x80,%ebx");
SNIP(alu_mem, "add %rax,(%rdi)\n\tsub 8(%rdi),%ebx\n\tadcw $5,16(%rdi)\n"
	      "\tlock xorb %al,24(%rdi)\n\tlock incl 32(%rdi)\n"
	      "\tnegq 40(%rdi)\n\tnotw 48(%rdi)\n\tcmp %rdx,(%rdi)");

Test(interp, alu_ops_set_every_flag_like_the_cpu)
{
	PAIRS(alu64, ALLF);
	PAIRS(add32, ALLF);
	PAIRS(adc32, ALLF);
	PAIRS(sub16, ALLF);
	PAIRS(sbb16, ALLF);
	PAIRS(sbb8, ALLF);
	PAIRS(adc8h, ALLF);
	PAIRS(cmp8, ALLF);
	PAIRS(cmp64, ALLF);
	PAIRS(neg64, ALLF);
	PAIRS(neg8, ALLF);
	PAIRS(inc32, ALLF);
	PAIRS(dec16, ALLF);
	PAIRS(inc8, ALLF);
	PAIRS(dec64, ALLF);
	PAIRS(alu_imm, ALLF);
	PAIRS(alu_mem, ALLF);
}

Test(interp, logic_ops_clear_cf_and_of)
{
	PAIRS(logic, ALLF & ~AF); /* AF undefined */
}

/* Runs a shift snippet (operand rax, second operand rbx, count cl) for
 * counts 0-70; bits is the operand width, for the undefined-flag masks. */
static void check_shift(const char *what, const uint8_t *s, const uint8_t *e,
			int bits, bool rotate, bool dbl)
{
	for (size_t i = 0; i < NV; i += 3)
		for (unsigned c = 0; c < 70; c++) {
			struct state st = {0};
			unsigned m = c & (bits == 64 ? 63 : 31);
			unsigned fmask = ALLF;

			if (dbl && m > (unsigned)bits)
				continue; /* result undefined */
			st.r[R_RAX] = vals[i];
			st.r[R_RBX] = vals[(i + 7) % NV];
			st.r[R_RCX] = c;
			st.flags = (c & 1) | (c & 2 ? ZF | OF : PF | SF);
			if (m) {
				if (!rotate)
					fmask &= ~AF;
				if (m != 1)
					fmask &= ~OF;
				if (!rotate && !dbl && m >= (unsigned)bits)
					fmask &= ~CF;
				if (dbl && m == (unsigned)bits)
					fmask &= ~CF;
			}
			check_snip(what, s, e, &st, fmask);
		}
}
#define SHIFT(name, bits, rot, dbl)                                            \
	check_shift(#name, name##_s, name##_e, bits, rot, dbl)

SNIP(shl64, "shl %cl,%rax");
SNIP(shr32, "shr %cl,%eax");
SNIP(sar16, "sar %cl,%ax");
SNIP(shl8, "shl %cl,%al");
SNIP(sar8, "sar %cl,%ah");
SNIP(shr8, "shr %cl,%al");
SNIP(rol64, "rol %cl,%rax");
SNIP(ror32, "ror %cl,%eax");
SNIP(rcl16, "rcl %cl,%ax");
SNIP(rcr8, "rcr %cl,%al");
SNIP(rcl64, "rcl %cl,%rax");
SNIP(rcr32, "rcr %cl,%eax");
SNIP(rol8, "rol %cl,%al");
SNIP(shld64, "shld %cl,%rbx,%rax");
SNIP(shrd32, "shrd %cl,%ebx,%eax");
SNIP(shld16, "shld %cl,%bx,%ax");
SNIP(shift_mem, "shlq %cl,(%rdi)");

Test(interp, shifts_and_rotates_match_for_counts_0_1_and_beyond_width)
{
	SHIFT(shl64, 64, false, false);
	SHIFT(shr32, 32, false, false);
	SHIFT(sar16, 16, false, false);
	SHIFT(shl8, 8, false, false);
	SHIFT(sar8, 8, false, false);
	SHIFT(shr8, 8, false, false);
	SHIFT(rol64, 64, true, false);
	SHIFT(ror32, 32, true, false);
	SHIFT(rcl16, 16, true, false);
	SHIFT(rcr8, 8, true, false);
	SHIFT(rcl64, 64, true, false);
	SHIFT(rcr32, 32, true, false);
	SHIFT(rol8, 8, true, false);
	SHIFT(shld64, 64, false, true);
	SHIFT(shrd32, 32, false, true);
	SHIFT(shld16, 16, false, true);
}

SNIP(shift_imm, "shl $1,%eax\n\tsar $63,%rbx\n"
		"\tror $4,%dx\n\tshr $3,%rdx\n"
		"\trol $1,%bl\n\tshrd $12,%rdx,%rax");

Test(interp, immediate_shift_counts)
{
	PAIRS(shift_imm, CF | ZF | SF | PF);
}

/* Rotates change only CF and OF: the other flags are the previous
 * instruction's, whatever kind it was (lazy CC_OP_ROT in flags.c). */
SNIP(rot_after_add, "add %rbx,%rax\n\trol $1,%rax");
SNIP(rot_after_sub_then_conditions,
     "sub %rbx,%rdx\n\tror $1,%edx\n\tsetl %cl\n\tsetbe %ch\n"
     "\tsetp %r8b\n\tsets %r9b\n\tadc %rax,%rsi");
SNIP(rot_chain_then_carry_readers,
     "xor %rbx,%rax\n\trol $7,%eax\n\tror $1,%eax\n\trcl $1,%eax\n"
     "\tsetz %r10b\n\tsbb %ecx,%ecx");
SNIP(rot_then_inc, "add %ebx,%eax\n\trol $1,%al\n\tinc %rdx");

Test(interp, rotates_replace_only_cf_and_of_of_the_previous_flags)
{
	PAIRS(rot_after_add, ALLF);
	PAIRS(rot_after_sub_then_conditions, ALLF);
	PAIRS(rot_chain_then_carry_readers, ALLF);
	PAIRS(rot_then_inc, ALLF);
}

SNIP(mul64, "mul %rbx");
SNIP(imul1_32, "imul %ebx");
SNIP(mul8, "mul %bl");
SNIP(imul1_16, "imul %bx");
SNIP(imul2, "imul %rbx,%rax\n\tmov %rax,%r8\n\timul %dx,%bx");
SNIP(imul3, "imul $-7,%rbx,%rax\n\tmov %rax,%r8\n"
	    "\timul $0x12345,%edx,%esi");

Test(interp, multiplies_set_cf_and_of_on_overflow)
{
	PAIRS(mul64, CF | OF);
	PAIRS(imul1_32, CF | OF);
	PAIRS(mul8, CF | OF);
	PAIRS(imul1_16, CF | OF);
	PAIRS(imul2, CF | OF);
	PAIRS(imul3, CF | OF);
}

SNIP(div64, "div %rbx");
SNIP(idiv32, "idiv %ebx");
SNIP(div8, "div %bl");
SNIP(idiv16, "idiv %bx");

static void check_div(const char *what, const uint8_t *s, const uint8_t *e,
		      int bits, bool sign)
{
	for (size_t i = 0; i < NV; i++)
		for (size_t j = 0; j < NV; j++) {
			struct state st = {0};
			uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
			__int128 n, d = vals[j] & m, q;

			if (bits == 8) {
				n = sign ? (int16_t)vals[i] : (uint16_t)vals[i];
				d = sign ? (int8_t)d : d;
			} else {
				uint64_t hi = vals[(i + 3) % NV] & m;
				uint64_t lo = vals[i] & m;

				n = ((unsigned __int128)hi << bits) | lo;
				if (sign && (hi >> (bits - 1)) & 1)
					n -= (__int128)1 << (2 * bits);
				if (sign && (d >> (bits - 1)) & 1)
					d -= (__int128)1 << bits;
			}
			if (d == 0)
				continue;
			if (!sign && bits == 64) {
				unsigned __int128 un =
					((unsigned __int128)vals[(i + 3) % NV]
					 << 64) |
					vals[i];

				if ((un / (uint64_t)d) >> 64)
					continue;
				q = 0;
			} else {
				q = n / d;
			}
			if (sign ? (q >= ((__int128)1 << (bits - 1)) ||
				    q < -((__int128)1 << (bits - 1)))
				 : (q >> bits) != 0)
				continue; /* #DE: tested separately */
			st.r[R_RAX] = vals[i];
			st.r[R_RDX] = vals[(i + 3) % NV];
			st.r[R_RBX] = vals[j];
			check_snip(what, s, e, &st, 0);
		}
}

Test(interp, divides_give_quotient_and_remainder)
{
	check_div("div64", div64_s, div64_e, 64, false);
	check_div("idiv32", idiv32_s, idiv32_e, 32, true);
	check_div("div8", div8_s, div8_e, 8, false);
	check_div("idiv16", idiv16_s, idiv16_e, 16, true);
}

Test(interp, divide_by_zero_raises_sigfpe_at_the_div)
{
	static const uint8_t code[] = {0x90, 0x48, 0xf7, 0xf3}; /* div %rbx */
	struct state st = {0};

	st.r[R_RAX] = 5;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGFPE);
	cr_assert_eq(cpu.fault.code, LINUX_FPE_INTDIV);
	cr_assert_eq(cpu.fault.rip, CODE + 1);
	cr_assert_eq(cpu.rip, CODE + 1);
	cr_assert_eq(cpu.regs[R_RAX], 5);
}

Test(interp, quotient_overflow_raises_sigfpe)
{
	static const uint8_t code[] = {0xf7, 0xfb}; /* idiv %ebx */
	struct state st = {0};

	st.r[R_RAX] = 0x80000000;
	st.r[R_RDX] = 0xffffffff;
	st.r[R_RBX] = 0xffffffff; /* INT_MIN / -1 */
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGFPE);
	cr_assert_eq(cpu.fault.rip, CODE);
}

/* String ops: rdi/rsi point into the data buffer, rcx counts. */
SNIP(rep_movsb, "lea 0x100(%rdi),%rsi\n\tmov $300,%ecx\n\trep movsb\n"
		"\tmov %rcx,%r8");
SNIP(rep_movsb_overlap, "lea -3(%rdi),%rsi\n\tmov $100,%ecx\n\trep movsb\n"
			"\tmov %rcx,%r8");
SNIP(rep_movsq_back, "std\n\tlea 0x800(%rdi),%rsi\n\tmov $17,%ecx\n"
		     "\trep movsq\n\tcld\n\tmov %rcx,%r8");
SNIP(rep_stosd, "mov $0x11223344,%eax\n\tmov $1000,%ecx\n\trep stosl\n"
		"\tmov %rcx,%r8");
SNIP(rep_stosb_zero, "xor %ecx,%ecx\n\trep stosb\n\tmov %rcx,%r8");
SNIP(lodsw_stosb, "mov %rdi,%rsi\n\tlodsw\n\tlodsw\n\tstosb\n\tstosw");
SNIP(repne_scasb, "mov (%rdi),%al\n\tadd $5,%rdi\n\tmov $5000,%ecx\n"
		  "\trepne scasb\n\tmov %rcx,%r8");
SNIP(repe_cmpsb, "lea 0x100(%rdi),%rsi\n\tmov $64,%ecx\n\trep movsb\n"
		 "\tsub $64,%rdi\n\tsub $64,%rsi\n\tmov $80,%ecx\n"
		 "\trepe cmpsb\n\tmov %rcx,%r8");
SNIP(repe_cmpsq_zero, "mov %rdi,%rsi\n\txor %ecx,%ecx\n\trepe cmpsq\n"
		      "\tmov %rcx,%r8");
SNIP(scasq_std, "std\n\tmov 8(%rdi),%rax\n\tadd $64,%rdi\n"
		"\tmov $9,%ecx\n\trepne scasq\n\tcld\n\tmov %rcx,%r8");

Test(interp, string_ops_with_rep_prefixes_and_direction_flag)
{
	PAIRS(rep_movsb, ALLF);
	PAIRS(rep_movsb_overlap, ALLF);
	PAIRS(rep_movsq_back, ALLF);
	PAIRS(rep_stosd, ALLF);
	PAIRS(rep_stosb_zero, ALLF);
	PAIRS(lodsw_stosb, ALLF);
	PAIRS(repne_scasb, ALLF);
	PAIRS(repe_cmpsb, ALLF);
	PAIRS(repe_cmpsq_zero, ALLF);
	PAIRS(scasq_std, ALLF);
}

/* BT family: the register offset reaches outside the addressed word. */
SNIP(bt_mem, "and $0x3ff,%rax\n\tsub $0x200,%rax\n\tlea 0x400(%rdi),%rsi\n"
	     "\tbt %rax,(%rsi)\n\tsetc %r8b\n\tbts %rax,(%rsi)\n"
	     "\tsetc %r9b\n\tbtr %eax,(%rsi)\n\tsetc %r10b\n"
	     "\tlock btc %rax,8(%rsi)\n\tsetc %r11b\n\tbtw %ax,(%rsi)\n"
	     "\tsetc %r12b\n\tbtsl $35,(%rsi)\n\tsetc %r13b");
SNIP(bt_reg, "bt %rbx,%rax\n\tsetc %r8b\n\tbts %ebx,%edx\n\tsetc %r9b\n"
	     "\tbtr %rbx,%rdx\n\tbtc $63,%rax\n\tsetc %r10b\n"
	     "\tbtc %bx,%dx");

Test(interp, bit_test_family_register_and_memory_forms)
{
	PAIRS(bt_mem, CF | ZF);
	PAIRS(bt_reg, CF | ZF);
}

SNIP(cmpxchg_reg, "mov %rdx,%rcx\n\tcmpxchg %rcx,%rbx\n\tmov %rcx,%r8\n"
		  "\tpushfq\n\tpop %r9\n\tcmpxchg %ebx,%edx\n"
		  "\tcmpxchg %bl,%ah");
SNIP(cmpxchg_mem, "mov %rax,(%rdi)\n\tlock cmpxchg %rbx,(%rdi)\n"
		  "\tlock cmpxchg %edx,8(%rdi)\n\tcmpxchgw %dx,16(%rdi)\n"
		  "\tmov %rbx,%rax\n\tlock cmpxchgb %dl,(%rdi)");
SNIP(cmpxchg8b, "lea 64(%rdi),%rsi\n\tmov %rax,%rcx\n\tmov (%rsi),%r8\n"
		"\tlock cmpxchg8b (%rsi)\n\tsetz %r9b\n\tmov (%rsi),%eax\n"
		"\tmov 4(%rsi),%edx\n\tcmpxchg8b (%rsi)\n\tsetz %r10b");
SNIP(cmpxchg16b, "lea 64(%rdi),%rsi\n\tmov %rax,%rcx\n"
		 "\tlock cmpxchg16b (%rsi)\n\tsetz %r9b\n\tmov (%rsi),%rax\n"
		 "\tmov 8(%rsi),%rdx\n\tcmpxchg16b (%rsi)\n\tsetz %r10b");
SNIP(xadd, "xadd %rax,%rbx\n\tlock xadd %edx,(%rdi)\n\txadd %al,%ah\n"
	   "\tlock xaddw %bx,6(%rdi)");
SNIP(xchg, "xchg %rax,%rbx\n\txchg %edx,(%rdi)\n\txchg %al,%bh\n"
	   "\txchg %ax,%r9w\n\txchg %eax,%r8d");

Test(interp, cmpxchg_xadd_and_xchg)
{
	PAIRS(cmpxchg_reg, ALLF);
	PAIRS(cmpxchg_mem, ALLF);
	PAIRS(cmpxchg8b, ZF | CF);
	PAIRS(cmpxchg16b, ZF | CF);
	PAIRS(xadd, ALLF);
	PAIRS(xchg, ALLF);
}

static bool host_has_lzcnt(void)
{
	unsigned a, b, c, d;

	__asm__("cpuid"
		: "=a"(a), "=b"(b), "=c"(c), "=d"(d)
		: "a"(0x80000001u), "c"(0));
	return c & (1u << 5);
}

SNIP(bsf_bsr, "mov %rdx,%r8\n\tmov %rdx,%r9\n\tbsf %rax,%r8\n\tsetz %r10b\n"
	      "\tbsr %ebx,%r9d\n\tsetz %r11b\n\tbsf %bx,%dx");
SNIP(tzcnt_popcnt, "tzcnt %rax,%r8\n\tsetc %r10b\n\tsetz %r11b\n"
		   "\ttzcnt %bx,%r9w\n\tpopcnt %rbx,%rsi\n\tsetz %r12b\n"
		   "\tpopcnt %ax,%dx");
SNIP(lzcnt, "lzcnt %rax,%r8\n\tsetc %r10b\n\tsetz %r11b\n"
	    "\tlzcnt %ebx,%r9d\n\tlzcnt %bx,%dx");

Test(interp, bit_scans_and_counts)
{
	PAIRS(bsf_bsr, ZF);
	PAIRS(tzcnt_popcnt, ZF | CF);
	if (host_has_lzcnt())
		PAIRS(lzcnt, ZF | CF);
}

/* Every condition code after a compare, through SETcc, CMOVcc and Jcc. */
SNIP(conds, "cmp %rbx,%rax\n"
	    "\tseto %r8b\n\tshl $1,%r8\n\tsetno %r8b\n\tshl $1,%r8\n"
	    "\tsetb %r8b\n\tshl $1,%r8\n\tsetae %r8b\n\tshl $1,%r8\n"
	    "\tsete %r8b\n\tshl $1,%r8\n\tsetne %r8b\n\tshl $1,%r8\n"
	    "\tsetbe %r8b\n\tshl $1,%r8\n\tseta %r8b\n\tshl $1,%r8\n"
	    "\tsets %r8b\n\tshl $1,%r8\n\tsetns %r8b\n\tshl $1,%r8\n"
	    "\tsetp %r8b\n\tshl $1,%r8\n\tsetnp %r8b\n\tshl $1,%r8\n"
	    "\tsetl %r8b\n\tshl $1,%r8\n\tsetge %r8b\n\tshl $1,%r8\n"
	    "\tsetle %r8b\n\tshl $1,%r8\n\tsetg %r8b\n"
	    "\tcmp %ebx,%eax\n\tcmovl %rdx,%r9\n\tcmovg %edx,%r10d\n"
	    "\tcmovbe %dx,%r11w\n"
	    "\ttest %rax,%rax\n\tcmovs %rbx,%r12\n\tcmovp %rbx,%r13\n"
	    "\tcmovle %rbx,%r14\n"
	    "\tsub %bl,%al\n\tjo 1f\n\tinc %r15\n1:\tjl 1f\n\tinc %r15\n"
	    "1:\tjbe 1f\n\tinc %r15\n1:\tjp 1f\n\tinc %r15\n1:\tjg 1f\n"
	    "\tinc %r15\n1:\tjns 1f\n\tinc %r15\n1:");

Test(interp, condition_codes_in_setcc_cmovcc_and_jcc)
{
	for (size_t i = 0; i < NV; i++)
		for (size_t j = 0; j < NV; j++) {
			struct state st = {0};

			st.r[R_RAX] = vals[i];
			st.r[R_RBX] = vals[j];
			st.r[R_RDX] = 0x5555;
			for (int k = 9; k < 16; k++)
				st.r[k] = 0xaaaaaaaaaaaaaaaaull;
			st.r[R_R15] = 0;
			CHECK(conds, &st, ALLF);
		}
}

SNIP(stack_ops, "push %rax\n\tpush %rbx\n\tpushw $-3\n\tpush $0x1234\n"
		"\tpop %r8\n\tpopw %r9w\n\tpop %r10\n\tpop %r11\n"
		"\tcall 1f\n7:\tjmp 2f\n1:\tpop %r12\n\tpush %r12\n\tret\n"
		"2:\tpush %rbp\n\tmov %rsp,%rbp\n\tsub $32,%rsp\n"
		"\tmov %rax,-8(%rbp)\n\tleave\n\tenter $16,$0\n\tleave\n"
		"\tpushq 8(%rdi)\n\tpopq 16(%rdi)\n\tpush %rsp\n\tpop %r13\n"
		"\tsub %rsp,%r13\n\tlea 7b(%rip),%rsi\n\tsub %rsi,%r12\n"
		"\tpushfq\n\tpop %r14\n\tand $0xcd5,%r14\n\tmov %rsp,%rsi\n"
		"\tpush %rsi\n\tpop %rsp\n\tsub %rsp,%rsi\n"
		"\tlea 3f(%rip),%r15\n\tcall *%r15\n\tjmp 4f\n"
		"3:\tret $0\n4:\tlea 5f(%rip),%rdx\n\tmov %rdx,24(%rdi)\n"
		"\tjmp *24(%rdi)\n\tud2\n5:\txor %edx,%edx\n\txor %r15d,%r15d\n"
		"\tmov %rdx,24(%rdi)");

Test(interp, push_pop_call_ret_enter_leave)
{
	PAIRS(stack_ops, ALLF);
}

SNIP(flag_ops, "stc\n\tsetc %r8b\n\tcmc\n\tsetc %r9b\n\tclc\n\tsetc %r10b\n"
	       "\tcmp %rbx,%rax\n\tlahf\n\tmov %ah,%bh\n\tmov %dl,%ah\n"
	       "\tsahf\n\tpushfq\n\tpop %r12\n\tmov %rbx,%rsi\n"
	       "\tand $0x4cd5,%rsi\n\tpush %rsi\n\tpopfq\n"
	       "\tpushfq\n\tpop %r13\n\tmov $0x400,%r15\n\tpushf\n"
	       "\tor %r15,(%rsp)\n\tpopf\n\tpushf\n\tpop %r14\n\tcld");

Test(interp, flag_instructions_lahf_sahf_pushf_popf)
{
	PAIRS(flag_ops, ALLF);
}

SNIP(moves, "movsbl %al,%r8d\n\tmovswq %bx,%r9\n\tmovzbl %ah,%ebp\n"
	    "\tmovzwq %bx,%r11\n\tmovslq %eax,%r12\n\tmov %eax,%r13d\n"
	    "\tmov %bh,%dl\n\tmovb $7,%dh\n\tmov %bl,%sil\n\tmov %al,%r14b\n"
	    "\tmov $-1,%r15w\n\tmovabs $0x1122334455667788,%rcx\n"
	    "\tmov %rcx,(%rdi)\n\tmovb $1,3(%rdi)\n\tmovl $-9,8(%rdi)\n"
	    "\tmovw $0x7777,14(%rdi)\n\tmovq $-2,16(%rdi)\n"
	    "\tmov 2(%rdi),%cx\n\tmov %cx,%bp");
SNIP(lea_forms, "lea 8(%rax,%rbx,4),%r8\n\tlea -1(%rax),%r9d\n"
		"\tlea (%rbx,%rbx,8),%r10w\n\tlea 0x12345678(,%rax,2),%r11\n"
		"\tlea 4(%eax,%ebx),%r12\n\tlea (%eax,%ebx,2),%r13");
SNIP(conversions, "mov %rax,%r8\n\tcbtw\n\tmov %rax,%r9\n\tmov %r8,%rax\n"
		  "\tcwtl\n\tmov %rax,%r10\n\tmov %r8,%rax\n\tcltq\n"
		  "\tmov %rax,%r11\n\tcqto\n\tmov %rdx,%r12\n\tmov %rbx,%rax\n"
		  "\tcltd\n\tmov %rdx,%r13\n\tmov %rbx,%rax\n\tcwtd\n"
		  "\tbswap %ebx\n\tbswap %r8\n\tmovbe (%rdi),%esi\n"
		  "\tmovbe %r8,8(%rdi)\n\tmovbe 16(%rdi),%r14w");

Test(interp, moves_extensions_lea_and_conversions)
{
	PAIRS(moves, ALLF);
	PAIRS(lea_forms, ALLF);
	PAIRS(conversions, ALLF);
}

SNIP(loops, "mov $5,%ecx\n1:\tinc %r8\n\tloop 1b\n\tmov $7,%ecx\n"
	    "2:\tinc %r9\n\tcmp $3,%r9\n\tloopne 2b\n\tmov %rcx,%r10\n"
	    "\txor %ecx,%ecx\n\tjrcxz 3f\n\tinc %r11\n3:\tmov %rdi,%rbx\n"
	    "\tmov $5,%al\n\txlat");

Test(interp, loop_jrcxz_and_xlat)
{
	struct state st = {0};

	st.r[R_RDI] = DATA;
	CHECK(loops, &st, ALLF);
}

SNIP(nops, "nop\n\tpause\n\tnopw 0(%rax,%rax,1)\n\tendbr64\n"
	   "\tmfence\n\tlfence\n\tsfence\n\tclflush (%rdi)\n"
	   "\tprefetcht0 (%rdi)\n\tcs nopw 0(%rax,%rax,1)");

Test(interp, nops_hints_and_fences_change_nothing)
{
	PAIRS(nops, ALLF);
}

Test(interp, lzcnt_and_tzcnt_of_zero_return_the_width)
{
	static const uint8_t code[] = {
		0xf3, 0x48, 0x0f, 0xbd, 0xc3, /* lzcnt %rbx,%rax */
		0xf3, 0x0f, 0xbd, 0xd6,	      /* lzcnt %esi,%edx */
		0xf3, 0x66, 0x0f, 0xbc, 0xfe, /* tzcnt %si,%di */
	};
	struct state st = {0};

	st.r[R_RBX] = 0x0000100000000000ull;
	st.r[R_RSI] = 0;
	st.r[R_RDI] = 0xffffffff;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st),
		     CPU_EXIT_SYSCALL);
	cr_assert_eq(cpu.regs[R_RAX], 19);
	cr_assert_eq(cpu.regs[R_RDX], 32);
	cr_assert_eq(cpu.regs[R_RDI], 0xffff0010);
	cr_assert(cpu_get_rflags(&cpu) & CF);
}

/* ---- faults --------------------------------------------------------- */

Test(interp, load_from_unmapped_memory_reports_rip_and_address)
{
	/* nop; mov 0x12345678(%rbx),%rax */
	static const uint8_t code[] = {0x90, 0x48, 0x8b, 0x83,
				       0x78, 0x56, 0x34, 0x12};
	struct state st = {0};

	st.r[R_RBX] = 0x100;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGSEGV);
	cr_assert_eq(cpu.fault.code, LINUX_SEGV_MAPERR);
	cr_assert_eq(cpu.fault.addr, 0x12345778);
	cr_assert_eq(cpu.fault.rip, CODE + 1);
	cr_assert_eq(cpu.fault.nbytes, 15);
	cr_assert_eq(cpu.fault.bytes[0], 0x48);
}

Test(interp, store_to_read_only_code_is_accerr)
{
	static const uint8_t code[] = {0x48, 0x89, 0x03}; /* mov %rax,(%rbx) */
	struct state st = {0};

	st.r[R_RBX] = CODE + 0x800;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGSEGV);
	cr_assert_eq(cpu.fault.code, LINUX_SEGV_ACCERR);
	cr_assert_eq(cpu.fault.addr, CODE + 0x800);
}

Test(interp, ud2_raises_sigill_at_the_instruction)
{
	static const uint8_t code[] = {0x90, 0x90, 0x0f, 0x0b};
	struct state st = {0};

	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGILL);
	cr_assert_eq(cpu.fault.code, LINUX_ILL_ILLOPN);
	cr_assert_eq(cpu.fault.addr, CODE + 2);
	cr_assert_eq(cpu.fault.rip, CODE + 2);
}

Test(interp, unknown_opcode_raises_sigill_after_earlier_insns_ran)
{
	static const uint8_t code[] = {0x48, 0xff, 0xc0, 0x0f, 0xff};
	struct state st = {0};

	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGILL);
	cr_assert_eq(cpu.fault.rip, CODE + 3);
	cr_assert_eq(cpu.regs[R_RAX], 1);
}

Test(interp, int3_raises_sigtrap_past_the_instruction)
{
	static const uint8_t code[] = {0x90, 0xcc};
	struct state st = {0};

	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGTRAP);
	cr_assert_eq(cpu.fault.code, LINUX_SI_KERNEL);
	cr_assert_eq(cpu.rip, CODE + 2);
}

Test(interp, hlt_is_a_general_protection_fault)
{
	static const uint8_t code[] = {0xf4};
	struct state st = {0};

	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGSEGV);
	cr_assert_eq(cpu.fault.code, LINUX_SI_KERNEL);
	cr_assert_eq(cpu.fault.addr, 0);
	cr_assert_eq(cpu.fault.rip, CODE);
}

Test(interp, jump_to_unmapped_code_faults_at_the_target)
{
	static const uint8_t code[] = {0xff, 0xe3}; /* jmp *%rbx */
	struct state st = {0};

	st.r[R_RBX] = 0x5550000;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.signo, LINUX_SIGSEGV);
	cr_assert_eq(cpu.fault.code, LINUX_SEGV_MAPERR);
	cr_assert_eq(cpu.fault.addr, 0x5550000);
	cr_assert_eq(cpu.fault.rip, 0x5550000);
}

Test(interp, jump_to_non_executable_data_is_accerr)
{
	static const uint8_t code[] = {0xff, 0xe3}; /* jmp *%rbx */
	struct state st = {0};

	st.r[R_RBX] = DATA;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_FAULT);
	cr_assert_eq(cpu.fault.code, LINUX_SEGV_ACCERR);
	cr_assert_eq(cpu.fault.addr, DATA);
}

Test(interp, syscall_exits_with_rcx_and_r11_set)
{
	static const uint8_t code[] = {0xb8, 0x3c, 0, 0, 0}; /* mov $60,%eax */
	struct state st = {0};

	cr_assert_eq(guest_run(code, code + sizeof(code), &st),
		     CPU_EXIT_SYSCALL);
	cr_assert_eq(cpu.regs[R_RAX], 60);
	cr_assert_eq(cpu.regs[R_RCX], CODE + 7);
	cr_assert_eq(cpu.regs[R_R11], cpu_get_rflags(&cpu));
}

Test(interp, stop_request_returns_before_running)
{
	static const uint8_t code[] = {0x90};
	struct state st = {0};

	cpu.stop_request = 1;
	cr_assert_eq(guest_run(code, code + sizeof(code), &st), CPU_EXIT_STOP);
	cr_assert_eq(cpu.rip, CODE);
}

Test(interp, rewritten_code_runs_after_invalidation)
{
	static const uint8_t a[] = {0xb8, 1, 0, 0, 0}; /* mov $1,%eax */
	static const uint8_t b[] = {0xb8, 2, 0, 0, 0};
	struct state st = {0};

	guest_run(a, a + sizeof(a), &st);
	cr_assert_eq(cpu.regs[R_RAX], 1);
	guest_run(b, b + sizeof(b), &st);
	cr_assert_eq(cpu.regs[R_RAX], 2);
}

Test(interp, cpuid_reports_genuineintel_and_sse2)
{
	uint32_t r[4];
	char vendor[13];

	cpu_cpuid(0, 0, r);
	memcpy(vendor, &r[1], 4);
	memcpy(vendor + 4, &r[3], 4);
	memcpy(vendor + 8, &r[2], 4);
	vendor[12] = 0;
	cr_assert_str_eq(vendor, "GenuineIntel");
	cpu_cpuid(1, 0, r);
	cr_assert(r[3] & (1u << 26));
	cr_assert_eq(r[2] & (1u << 27), 0); /* no OSXSAVE */
	cr_assert_eq(r[2] & (1u << 28), 0); /* no AVX */
	cr_assert_eq(cpu_hwcap(), r[3]);
}
