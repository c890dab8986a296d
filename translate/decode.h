/*
 * Opcode-table rows and the integer handler list (internal to the decoder:
 * decode.c reads the tables, decode_tables.c defines them, interp_*.c
 * define the handlers declared here).
 */
#ifndef WAX_DECODE_H
#define WAX_DECODE_H

#include "interp.h"

/* Row flags. */
#define OPF_MODRM   0x0001u  /* a ModRM byte follows */
#define OPF_BYTE    0x0002u  /* operand size is 8 bits */
#define OPF_IMM8    0x0004u  /* imm8, sign-extended */
#define OPF_IMMZ    0x0008u  /* imm of operand size, max 32 (byte: imm8) */
#define OPF_IMMV    0x0010u  /* imm of full operand size (B8+r) */
#define OPF_IMM16   0x0020u  /* imm16, zero-extended */
#define OPF_IMM32   0x0040u  /* imm32 sign-extended whatever the opsize */
#define OPF_MOFFS   0x0080u  /* address-size absolute offset (A0-A3) */
#define OPF_ENTER   0x0100u  /* imm16 then imm8 (ENTER) */
#define OPF_DEF64   0x0200u  /* default operand size 64 (push, call, ...) */
#define OPF_END	    0x0400u  /* ends a block */
#define OPF_OPREG   0x0800u  /* register in the opcode's low 3 bits -> rm */
#define OPF_ACC	    0x1000u  /* implicit rAX operand -> mod 3, rm 0 */
#define OPF_SSE	    0x2000u  /* ask sse_lookup() */
#define OPF_FORCE64 0x4000u  /* operand size 64 even with 66 (near branch) */
#define OPF_REGONLY 0x8000u  /* valid only with mod == 3 */
#define OPF_MEMONLY 0x10000u /* valid only with mod != 3 */

struct op_row {
	const char *name;
	insn_fn *fn[4]; /* by operand size: 8, 16, 32, 64 bits */
	uint32_t flags;
	const struct op_row *group; /* 8 rows indexed by ModRM.reg */
};

extern const struct op_row decode_map0[256], decode_map1[256];
extern const struct op_row decode_0f38_f0, decode_0f38_f1;

/* Integer handler names by width; see the interp_*.c files. */
/* clang-format off */
#define OPS_W4(X)                                                        \
	X(add_rm_r) X(add_r_rm) X(add_rm_i) X(or_rm_r) X(or_r_rm)          \
	X(or_rm_i) X(adc_rm_r) X(adc_r_rm) X(adc_rm_i) X(sbb_rm_r)         \
	X(sbb_r_rm) X(sbb_rm_i) X(and_rm_r) X(and_r_rm) X(and_rm_i)        \
	X(sub_rm_r) X(sub_r_rm) X(sub_rm_i) X(xor_rm_r) X(xor_r_rm)        \
	X(xor_rm_i) X(cmp_rm_r) X(cmp_r_rm) X(cmp_rm_i) X(test_rm_r)       \
	X(test_rm_i) X(inc) X(dec) X(not) X(neg) X(mov_rm_r) X(mov_r_rm)   \
	X(mov_rm_i) X(mov_a_moffs) X(mov_moffs_a) X(xchg) X(xadd)          \
	X(cmpxchg) X(rol) X(ror) X(rcl) X(rcr) X(shl) X(shr) X(sar) X(mul) \
	X(imul1) X(div) X(idiv) X(movs) X(cmps) X(stos) X(lods) X(scas)
#define OPS_W3(X)                                                        \
	X(lea) X(movzx_b) X(movzx_w) X(movsx_b) X(movsx_w) X(movsxd)        \
	X(cmov) X(imul_r_rm) X(imul_r_rm_i) X(cbw) X(cwd) X(shld) X(shrd)   \
	X(bt) X(bts) X(btr) X(btc) X(bt_i) X(bts_i) X(btr_i) X(btc_i)       \
	X(bsf) X(bsr) X(popcnt) X(bswap) X(movbe_load) X(movbe_store)
#define OPS_W16_64(X) X(push) X(pop) X(push_i) X(pushf) X(popf) X(leave)
#define OPS_ANY(X)                                                       \
	X(jcc) X(jmp_rel) X(call_rel) X(ret) X(ret_imm) X(jmp_rm)           \
	X(call_rm) X(loop) X(loope) X(loopne) X(jrcxz) X(syscall) X(int3)   \
	X(int) X(priv) X(nop) X(cpuid) X(rdtsc) X(clc) X(stc) X(cmc) X(cld) \
	X(std) X(lahf) X(sahf) X(setcc) X(mov_r_sreg) X(mov_sreg_r)         \
	X(cmpxchg8b) X(cmpxchg16b) X(enter) X(xlat) X(fence) X(clflush)     \
	X(ud)

/* Ops with a register-only variant op_<n>_reg<bits> (decode.c swaps it in
 * when mod == 3, saving the r/m test and address code on the hot path). */
#define OPS_REGFORM(X)                                                   \
	X(add_rm_r) X(add_r_rm) X(add_rm_i) X(or_rm_r) X(or_r_rm)           \
	X(or_rm_i) X(adc_rm_r) X(adc_r_rm) X(adc_rm_i) X(sbb_rm_r)          \
	X(sbb_r_rm) X(sbb_rm_i) X(and_rm_r) X(and_r_rm) X(and_rm_i)         \
	X(sub_rm_r) X(sub_r_rm) X(sub_rm_i) X(xor_rm_r) X(xor_r_rm)         \
	X(xor_rm_i) X(cmp_rm_r) X(cmp_r_rm) X(cmp_rm_i) X(test_rm_r)        \
	X(test_rm_i) X(mov_rm_r) X(mov_r_rm) X(mov_rm_i)
/* clang-format on */

/* interp_flow.c: op_jcc specialised by condition code */
extern insn_fn *const interp_jcc_by_cc[16];

#define DECLARE_W4(n)	  insn_fn op_##n##8, op_##n##16, op_##n##32, op_##n##64;
#define DECLARE_W3(n)	  insn_fn op_##n##16, op_##n##32, op_##n##64;
#define DECLARE_W16_64(n) insn_fn op_##n##16, op_##n##64;
#define DECLARE_ANY(n)	  insn_fn op_##n;
OPS_W4(DECLARE_W4)
OPS_W3(DECLARE_W3)
OPS_W16_64(DECLARE_W16_64)
OPS_ANY(DECLARE_ANY)
#define DECLARE_REG(n)                                                         \
	insn_fn op_##n##_reg8, op_##n##_reg16, op_##n##_reg32, op_##n##_reg64;
OPS_REGFORM(DECLARE_REG)

#endif
