/*
 * Unit tests of the x86-64 decoder (translate/decode.c): lengths and
 * decoded fields for prefixes, REX, ModRM/SIB, RIP-relative and absolute
 * addressing, immediates of every size, the 0F maps, groups, and the
 * 15-byte limit.  The oracle is the Intel SDM encoding (each case is what
 * objdump shows for the same bytes).
 */
#include <criterion/criterion.h>

#include "decode.h"

static struct insn in;

/* Decodes the given bytes; returns the length or a DECODE_* error. */
#define DEC(...)                                                               \
	({                                                                     \
		static const uint8_t b_[] = {__VA_ARGS__};                     \
		decode_insn(&in, b_, (int)sizeof(b_), MODE_64);                \
	})

Test(decode, mov_rbp_rsp_is_register_form_with_rex_w)
{
	cr_assert_eq(DEC(0x48, 0x89, 0xe5), 3);
	cr_assert_eq(in.opsize, 8);
	cr_assert_eq(in.mod, 3);
	cr_assert_eq(in.reg, R_RSP);
	cr_assert_eq(in.rm, R_RBP);
	cr_assert_eq(in.rex, 0x48);
	cr_assert_eq(in.fn, op_mov_rm_r_reg64);
}

Test(decode, sib_with_rsp_base_and_disp8)
{
	cr_assert_eq(DEC(0x48, 0x8b, 0x44, 0x24, 0x08),
		     5); /* mov 8(%rsp),%rax */
	cr_assert_eq(in.base, R_RSP);
	cr_assert_eq(in.index, EA_NONE);
	cr_assert_eq(in.disp, 8);
	cr_assert_eq(in.reg, R_RAX);
	cr_assert_eq(in.fn, op_mov_r_rm64); /* memory form */
}

Test(decode, sib_without_base_takes_disp32)
{
	/* mov 0x1000(,%rcx,4),%eax */
	cr_assert_eq(DEC(0x8b, 0x04, 0x8d, 0x00, 0x10, 0x00, 0x00), 7);
	cr_assert_eq(in.base, EA_NONE);
	cr_assert_eq(in.index, R_RCX);
	cr_assert_eq(in.scale, 2);
	cr_assert_eq(in.disp, 0x1000);
	cr_assert_eq(in.opsize, 4);
}

Test(decode, modrm_rm_101_with_mod_0_is_rip_relative)
{
	cr_assert_eq(DEC(0x48, 0x8b, 0x05, 0x10, 0x00, 0x00, 0x00), 7);
	cr_assert_eq(in.base, EA_RIP);
	cr_assert_eq(in.index, EA_NONE);
	cr_assert_eq(in.disp, 16);
}

Test(decode, rex_extends_reg_index_and_base)
{
	cr_assert_eq(DEC(0x4c, 0x8b, 0x64, 0x24, 0xf8),
		     5); /* mov -8(%rsp),%r12 */
	cr_assert_eq(in.reg, R_R12);
	cr_assert_eq(in.disp, -8);
	cr_assert_eq(DEC(0x42, 0x8b, 0x04, 0xa0),
		     4); /* mov (%rax,%r12,4),%eax */
	cr_assert_eq(in.index, R_R12);
	cr_assert_eq(in.base, R_RAX);
	cr_assert_eq(in.scale, 2);
	cr_assert_eq(DEC(0x41, 0x8b, 0x04, 0x24), 4); /* mov (%r12),%eax */
	cr_assert_eq(in.base, R_R12);
	cr_assert_eq(in.index, EA_NONE);
	cr_assert_eq(DEC(0x41, 0x8b, 0x45, 0x00), 4); /* mov 0(%r13),%eax */
	cr_assert_eq(in.base, R_R13);
	cr_assert_eq(in.mod, 1);
	cr_assert_eq(DEC(0x4b, 0x8b, 0x04, 0xe4),
		     4); /* mov (%r12,%r12,8),%rax */
	cr_assert_eq(in.index, R_R12);
	cr_assert_eq(in.base, R_R12);
}

Test(decode, operand_size_prefix_selects_16_bits)
{
	cr_assert_eq(DEC(0x66, 0x89, 0xc8), 3);
	cr_assert_eq(in.opsize, 2);
	cr_assert_eq(in.prefix, 0x66);
	cr_assert_eq(in.fn, op_mov_rm_r_reg16);
}

Test(decode, rex_w_wins_over_operand_size_prefix)
{
	cr_assert_eq(DEC(0x66, 0x48, 0x89, 0xc8), 4);
	cr_assert_eq(in.opsize, 8);
}

Test(decode, rex_before_a_legacy_prefix_is_ignored)
{
	cr_assert_eq(DEC(0x48, 0x66, 0x89, 0xc8), 4);
	cr_assert_eq(in.opsize, 2);
	cr_assert_eq(in.rex, 0);
}

Test(decode, mov_imm_sizes_follow_operand_size)
{
	cr_assert_eq(DEC(0x48, 0xb8, 1, 2, 3, 4, 5, 6, 7, 8), 10);
	cr_assert_eq(in.imm, 0x0807060504030201ull);
	cr_assert_eq(in.rm, R_RAX);
	cr_assert_eq(DEC(0xb9, 0xff, 0xff, 0xff, 0xff), 5);
	cr_assert_eq(in.imm & 0xffffffffull, 0xffffffffull);
	cr_assert_eq(in.rm, R_RCX);
	cr_assert_eq(DEC(0x66, 0xb8, 0x34, 0x12), 4);
	cr_assert_eq(in.imm & 0xffff, 0x1234);
	cr_assert_eq(DEC(0x41, 0xb7, 0x80), 3); /* mov $0x80,%r15b */
	cr_assert_eq(in.rm, R_R15);
	cr_assert_eq(in.opsize, 1);
}

Test(decode, immz_is_sign_extended_imm32_with_rex_w)
{
	cr_assert_eq(DEC(0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff), 7);
	cr_assert_eq(in.imm, ~0ull);
	cr_assert_eq(in.fn, op_mov_rm_i_reg64);
	/* movl $1, 8(%rsp): disp8 then imm32 */
	cr_assert_eq(DEC(0xc7, 0x44, 0x24, 0x08, 1, 0, 0, 0), 8);
	cr_assert_eq(in.imm, 1);
	cr_assert_eq(in.disp, 8);
	/* addw $0x1234, %ax: imm16 */
	cr_assert_eq(DEC(0x66, 0x05, 0x34, 0x12), 4);
	cr_assert_eq(in.fn, op_add_rm_i_reg16);
	cr_assert_eq(in.mod, 3);
	cr_assert_eq(in.rm, R_RAX);
}

Test(decode, group1_selects_the_op_by_modrm_reg)
{
	cr_assert_eq(DEC(0x48, 0x83, 0xec, 0x08), 4); /* sub $8,%rsp */
	cr_assert_eq(in.fn, op_sub_rm_i_reg64);
	cr_assert_eq(in.imm, 8);
	cr_assert_eq(DEC(0x80, 0x38, 0xff), 3); /* cmpb $-1,(%rax) */
	cr_assert_eq(in.fn, op_cmp_rm_i8);
	cr_assert_eq(in.imm, ~0ull);
	cr_assert_eq(DEC(0xf7, 0xd8), 2); /* neg %eax */
	cr_assert_eq(in.fn, op_neg32);
	cr_assert_eq(DEC(0xf6, 0xc1, 0x01), 3); /* test $1,%cl */
	cr_assert_eq(in.fn, op_test_rm_i_reg8);
	cr_assert_eq(DEC(0xff, 0xff), 2); /* FF /7: invalid */
	cr_assert_eq(in.fn, op_illegal);
}

Test(decode, fs_override_sets_seg_and_moffs_style_disp32)
{
	/* mov %fs:0x28,%rax */
	cr_assert_eq(DEC(0x64, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0), 9);
	cr_assert_eq(in.seg, 4);
	cr_assert_eq(in.base, EA_NONE);
	cr_assert_eq(in.index, EA_NONE);
	cr_assert_eq(in.disp, 0x28);
	cr_assert_eq(DEC(0x65, 0x8b, 0x00), 3);
	cr_assert_eq(in.seg, 5);
	cr_assert_eq(DEC(0x2e, 0x8b, 0x00), 3); /* CS override: no effect */
	cr_assert_eq(in.seg, 0);
}

Test(decode, moffs_takes_a_64_bit_address)
{
	cr_assert_eq(DEC(0x48, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8), 10);
	cr_assert_eq(in.imm, 0x0807060504030201ull);
	cr_assert_eq(DEC(0x67, 0xa0, 1, 2, 3, 4), 6);
	cr_assert_eq(in.imm, 0x04030201);
}

Test(decode, rep_prefixes_and_string_ops)
{
	cr_assert_eq(DEC(0xf3, 0x48, 0xab), 3);
	cr_assert_eq(in.prefix, 0xf3);
	cr_assert_eq(in.fn, op_stos64);
	cr_assert_eq(DEC(0xf2, 0xae), 2);
	cr_assert_eq(in.prefix, 0xf2);
	cr_assert_eq(in.fn, op_scas8);
}

Test(decode, last_of_f2_f3_wins_and_66_only_without_them)
{
	cr_assert_eq(DEC(0x66, 0xf2, 0xf3, 0x90), 4);
	cr_assert_eq(in.prefix, 0xf3);
	cr_assert_eq(DEC(0xf3, 0xf2, 0x0f, 0x10, 0xc1), 5);
	cr_assert_eq(in.prefix, 0xf2);
	cr_assert_eq(in.map, 1);
	cr_assert_eq(in.op, 0x10);
}

Test(decode, multi_byte_nops_and_endbr64)
{
	cr_assert_eq(DEC(0xf3, 0x0f, 0x1e, 0xfa), 4);
	cr_assert_eq(in.fn, op_nop);
	cr_assert_eq(DEC(0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00), 6);
	cr_assert_eq(in.fn, op_nop);
	cr_assert_eq(DEC(0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0), 10);
	cr_assert_eq(in.fn, op_nop);
	cr_assert_eq(DEC(0x90), 1);
	cr_assert_eq(in.fn, op_nop);
	cr_assert_eq(DEC(0xf3, 0x90), 2); /* pause */
	cr_assert_eq(in.fn, op_nop);
	cr_assert_eq(DEC(0x41, 0x90), 2); /* xchg %eax,%r8d is not a nop */
	cr_assert_eq(in.fn, op_xchg32);
	cr_assert_eq(in.rm, R_R8);
}

Test(decode, branches_carry_sign_extended_displacements)
{
	cr_assert_eq(DEC(0x75, 0xfe), 2);
	cr_assert_eq(in.fn, interp_jcc_by_cc[5]);
	cr_assert_eq(in.imm, (uint64_t)-2);
	cr_assert(decode_ends_block(&in));
	cr_assert_eq(DEC(0x0f, 0x84, 0x00, 0x01, 0x00, 0x00), 6);
	cr_assert_eq(in.imm, 0x100);
	cr_assert_eq(in.op, 0x84);
	cr_assert_eq(DEC(0xe8, 0xfb, 0xff, 0xff, 0xff), 5);
	cr_assert_eq(in.fn, op_call_rel);
	cr_assert_eq(in.imm, (uint64_t)-5);
	/* 66 does not shrink a near branch in 64-bit mode (Intel) */
	cr_assert_eq(DEC(0x66, 0xe9, 0, 0, 0, 0), 6);
	cr_assert_eq(DEC(0xff, 0xd0), 2); /* call *%rax */
	cr_assert_eq(in.fn, op_call_rm);
	cr_assert_eq(in.opsize, 8);
	cr_assert_eq(DEC(0xf2, 0xc3), 2); /* bnd ret */
	cr_assert_eq(in.fn, op_ret);
}

Test(decode, high_byte_registers_need_no_rex)
{
	struct cpu cpu = {0};

	cpu.regs[R_RAX] = 0x1122;
	cpu.regs[R_RSI] = 0x33;
	cr_assert_eq(DEC(0x88, 0xe0), 2); /* mov %ah,%al */
	cr_assert_eq(rd_gpr8(&cpu, &in, in.reg), 0x11);
	cr_assert_eq(DEC(0x40, 0x88, 0xf0), 3); /* mov %sil,%al */
	cr_assert_eq(rd_gpr8(&cpu, &in, in.reg), 0x33);
}

Test(decode, fifteen_bytes_is_the_limit)
{
	uint8_t b[16];

	memset(b, 0x66, sizeof(b));
	b[14] = 0x90;
	cr_assert_eq(decode_insn(&in, b, 15, MODE_64), 15);
	b[14] = 0x66;
	b[15] = 0x90;
	cr_assert_eq(decode_insn(&in, b, 16, MODE_64), DECODE_TOO_LONG);
	/* a 16-byte instruction made long by its immediate */
	memset(b, 0x66, sizeof(b));
	b[10] = 0x48;
	b[11] = 0xb8;
	cr_assert_eq(decode_insn(&in, b, 16, MODE_64), DECODE_TOO_LONG);
}

Test(decode, missing_bytes_report_truncation)
{
	cr_assert_eq(DEC(0x48, 0x8b), DECODE_TRUNCATED);
	cr_assert_eq(DEC(0xe8, 0x00, 0x00), DECODE_TRUNCATED);
	cr_assert_eq(DEC(0x0f), DECODE_TRUNCATED);
}

Test(decode, invalid_and_trapping_opcodes)
{
	cr_assert_eq(DEC(0x0f, 0x0b), 2);
	cr_assert_eq(in.fn, op_ud);
	cr_assert_eq(DEC(0x0f, 0xff), 2);
	cr_assert_eq(in.fn, op_illegal);
	cr_assert_eq(DEC(0x06), 1); /* push %es: invalid in 64-bit mode */
	cr_assert_eq(in.fn, op_illegal);
	cr_assert_eq(DEC(0xcc), 1);
	cr_assert_eq(in.fn, op_int3);
	cr_assert_eq(DEC(0xf4), 1);
	cr_assert_eq(in.fn, op_priv);
	DEC(0x0f, 0xb8, 0xc0); /* popcnt needs F3 */
	cr_assert_eq(in.fn, op_illegal);
	cr_assert_eq(DEC(0xf3, 0x0f, 0xb8, 0xc0), 4);
	cr_assert_eq(in.fn, op_popcnt32);
	cr_assert_eq(DEC(0x8d, 0xc0), 2); /* lea with a register source */
	cr_assert_eq(in.fn, op_illegal);
}

Test(decode, address_size_prefix)
{
	cr_assert_eq(DEC(0x67, 0x8b, 0x03), 3);
	cr_assert_eq(in.addrsize, 4);
	cr_assert_eq(in.base, R_RBX);
	cr_assert_eq(DEC(0x8b, 0x03), 2);
	cr_assert_eq(in.addrsize, 8);
}

Test(decode, ret_imm16_and_enter)
{
	cr_assert_eq(DEC(0xc2, 0x08, 0x00), 3);
	cr_assert_eq(in.imm, 8);
	cr_assert_eq(DEC(0xc8, 0x10, 0x00, 0x01), 4);
	cr_assert_eq(in.imm, 16);
	cr_assert_eq(in.imm2, 1);
	cr_assert_eq(in.fn, op_enter);
}

Test(decode, zero_f_map_integer_ops)
{
	cr_assert_eq(DEC(0x0f, 0xba, 0xe0, 0x05), 4); /* bt $5,%eax */
	cr_assert_eq(in.fn, op_bt_i32);
	cr_assert_eq(in.imm, 5);
	cr_assert_eq(DEC(0x48, 0x0f, 0xaf, 0xc1), 4);
	cr_assert_eq(in.fn, op_imul_r_rm64);
	cr_assert_eq(DEC(0x0f, 0xb6, 0xc4), 3); /* movzbl %ah,%eax */
	cr_assert_eq(in.fn, op_movzx_b32);
	cr_assert_eq(DEC(0x0f, 0x94, 0xc0), 3);
	cr_assert_eq(in.fn, op_setcc);
	cr_assert_eq(DEC(0x48, 0x0f, 0xc7, 0x0f), 4); /* cmpxchg16b (%rdi) */
	cr_assert_eq(in.fn, op_cmpxchg16b);
	cr_assert_eq(DEC(0x0f, 0xc7, 0xc8), 3); /* cmpxchg8b needs memory */
	cr_assert_eq(in.fn, op_illegal);
	cr_assert_eq(DEC(0x41, 0x0f, 0xc9), 3); /* bswap %r9d */
	cr_assert_eq(in.fn, op_bswap32);
	cr_assert_eq(in.rm, R_R9);
	cr_assert_eq(DEC(0x0f, 0x38, 0xf0, 0x07), 4); /* movbe (%rdi),%eax */
	cr_assert_eq(in.fn, op_movbe_load32);
	cr_assert_eq(in.map, 2);
	cr_assert_eq(DEC(0x0f, 0x05), 2);
	cr_assert_eq(in.fn, op_syscall);
	cr_assert(decode_ends_block(&in));
}

Test(decode, group15_fences_are_ours_and_the_rest_sse)
{
	cr_assert_eq(DEC(0x0f, 0xae, 0xf0), 3);
	cr_assert_eq(in.fn, op_fence);
	cr_assert_eq(DEC(0x0f, 0xae, 0xe8), 3);
	cr_assert_eq(in.fn, op_fence);
	cr_assert_eq(DEC(0x0f, 0xae, 0x38), 3);
	cr_assert_eq(in.fn, op_clflush);
	cr_assert_eq(DEC(0x0f, 0xae, 0x5c, 0x24, 0xfc),
		     5); /* stmxcsr -4(%rsp) */
	cr_assert_eq(in.reg & 7, 3);
	cr_assert_eq(in.disp, -4);
	cr_assert_neq(in.fn, op_fence);
}

Test(decode, sse_opcodes_keep_the_mandatory_prefix_and_modrm)
{
	cr_assert_eq(DEC(0x66, 0x0f, 0x6f, 0x4c, 0x24, 0x10), 6); /* movdqa */
	cr_assert_eq(in.prefix, 0x66);
	cr_assert_eq(in.map, 1);
	cr_assert_eq(in.op, 0x6f);
	cr_assert_eq(in.reg, 1);
	cr_assert_eq(in.disp, 0x10);
	cr_assert_neq(in.fn, op_illegal);
	/* pshufd $0x1b,%xmm1,%xmm0: imm8 after ModRM */
	cr_assert_eq(DEC(0x66, 0x0f, 0x70, 0xc1, 0x1b), 5);
	cr_assert_eq(in.imm & 0xff, 0x1b);
}
