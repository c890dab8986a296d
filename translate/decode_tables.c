/*
 * Opcode tables of the integer instruction set: one row per opcode of the
 * one-byte map and the 0F map, with ModRM.reg group tables.  Opcodes that
 * are not listed (empty rows) are SSE's in map 1 (decode.c then asks
 * sse_lookup()) and invalid in map 0.
 *
 * Read only by decode.c.  Handlers are in interp_*.c.
 */
#include "decode.h"

/* clang-format off */
#define W4(n) {op_##n##8, op_##n##16, op_##n##32, op_##n##64}
#define W3(n) {NULL, op_##n##16, op_##n##32, op_##n##64}
#define WP(n) {NULL, op_##n##16, NULL, op_##n##64}
#define ANY(n) {op_##n, op_##n, op_##n, op_##n}

#define M OPF_MODRM
#define B OPF_BYTE
#define END (OPF_END | OPF_FORCE64)

/* The eight ALU ops share one layout: rm,r / r,rm / acc,imm (8 and z). */
#define ALU(base, n)                                                  \
	[base + 0] = {#n, W4(n##_rm_r), M | B},                         \
	[base + 1] = {#n, W4(n##_rm_r), M},                             \
	[base + 2] = {#n, W4(n##_r_rm), M | B},                         \
	[base + 3] = {#n, W4(n##_r_rm), M},                             \
	[base + 4] = {#n, W4(n##_rm_i), OPF_ACC | B | OPF_IMMZ},        \
	[base + 5] = {#n, W4(n##_rm_i), OPF_ACC | OPF_IMMZ}

#define REP8(base, ...)                                               \
	[base + 0] = {__VA_ARGS__}, [base + 1] = {__VA_ARGS__},         \
	[base + 2] = {__VA_ARGS__}, [base + 3] = {__VA_ARGS__},         \
	[base + 4] = {__VA_ARGS__}, [base + 5] = {__VA_ARGS__},         \
	[base + 6] = {__VA_ARGS__}, [base + 7] = {__VA_ARGS__}
#define REP16(base, ...) REP8(base, __VA_ARGS__), REP8(base + 8, __VA_ARGS__)
/* clang-format on */

/* 80-83 /r: immediate ALU ops */
static const struct op_row grp1[8] = {
	/* /0 */ {"add", W4(add_rm_i)},
	/* /1 */ {"or", W4(or_rm_i)},
	/* /2 */ {"adc", W4(adc_rm_i)},
	/* /3 */ {"sbb", W4(sbb_rm_i)},
	/* /4 */ {"and", W4(and_rm_i)},
	/* /5 */ {"sub", W4(sub_rm_i)},
	/* /6 */ {"xor", W4(xor_rm_i)},
	/* /7 */ {"cmp", W4(cmp_rm_i)},
};

/* 8F /r */
static const struct op_row grp1a[8] = {
	/* /0 */ {"pop", WP(pop), OPF_DEF64},
};

/* C0 C1 D0-D3 /r: shifts and rotates; count from 1, CL or imm8 */
static const struct op_row grp2[8] = {
	/* /0 */ {"rol", W4(rol)},
	/* /1 */ {"ror", W4(ror)},
	/* /2 */ {"rcl", W4(rcl)},
	/* /3 */ {"rcr", W4(rcr)},
	/* /4 */ {"shl", W4(shl)},
	/* /5 */ {"shr", W4(shr)},
	/* /6 */ {"sal", W4(shl)},
	/* /7 */ {"sar", W4(sar)},
};

/* F6 F7 /r */
static const struct op_row grp3[8] = {
	/* /0 */ {"test", W4(test_rm_i), OPF_IMMZ},
	/* /1 */ {"test", W4(test_rm_i), OPF_IMMZ},
	/* /2 */ {"not", W4(not )},
	/* /3 */ {"neg", W4(neg)},
	/* /4 */ {"mul", W4(mul)},
	/* /5 */ {"imul", W4(imul1)},
	/* /6 */ {"div", W4(div)},
	/* /7 */ {"idiv", W4(idiv)},
};

/* FE /r */
static const struct op_row grp4[8] = {
	/* /0 */ {"inc", W4(inc)},
	/* /1 */ {"dec", W4(dec)},
};

/* FF /r */
static const struct op_row grp5[8] = {
	/* /0 */ {"inc", W4(inc)},
	/* /1 */ {"dec", W4(dec)},
	/* /2 */ {"call", ANY(call_rm), END | OPF_DEF64},
	/* /3 */ {NULL},
	/* /4 */ {"jmp", ANY(jmp_rm), END | OPF_DEF64},
	/* /5 */ {NULL},
	/* /6 */ {"push", WP(push), OPF_DEF64},
};

/* C6 C7 /r */
static const struct op_row grp11[8] = {
	/* /0 */ {"mov", W4(mov_rm_i), OPF_IMMZ},
};

/* 0F BA /r */
static const struct op_row grp8[8] = {
	/* /4 */ [4] = {"bt", W3(bt_i)},
	/* /5 */[5] = {"bts", W3(bts_i)},
	/* /6 */[6] = {"btr", W3(btr_i)},
	/* /7 */[7] = {"btc", W3(btc_i)},
};

/* 0F C7 /r */
static const struct op_row grp9[8] = {
	/* /1 */ [1] = {"cmpxchg8b",
			{NULL, op_cmpxchg8b, op_cmpxchg8b, op_cmpxchg16b},
			OPF_MEMONLY},
};

const struct op_row decode_map0[256] = {
	ALU(0x00, add),
	ALU(0x08, or),
	ALU(0x10, adc),
	ALU(0x18, sbb),
	ALU(0x20, and),
	ALU(0x28, sub),
	ALU(0x30, xor),
	ALU(0x38, cmp),
	/* 26 2E 36 3E 64-67 F0 F2 F3 and 40-4F (REX) are prefixes */
	REP8(0x50, "push", WP(push), OPF_OPREG | OPF_DEF64),
	REP8(0x58, "pop", WP(pop), OPF_OPREG | OPF_DEF64),
	[0x63] = {"movsxd", W3(movsxd), M},
	[0x68] = {"push", WP(push_i), OPF_IMMZ | OPF_DEF64},
	[0x69] = {"imul", W3(imul_r_rm_i), M | OPF_IMMZ},
	[0x6a] = {"push", WP(push_i), OPF_IMM8 | OPF_DEF64},
	[0x6b] = {"imul", W3(imul_r_rm_i), M | OPF_IMM8},
	/* 6C-6F INS/OUTS: privileged I/O */
	REP16(0x70, "jcc", ANY(jcc), OPF_IMM8 | END),
	[0x80] = {"grp1", {0}, M | B | OPF_IMM8, grp1},
	[0x81] = {"grp1", {0}, M | OPF_IMMZ, grp1},
	[0x83] = {"grp1", {0}, M | OPF_IMM8, grp1},
	[0x84] = {"test", W4(test_rm_r), M | B},
	[0x85] = {"test", W4(test_rm_r), M},
	[0x86] = {"xchg", W4(xchg), M | B},
	[0x87] = {"xchg", W4(xchg), M},
	[0x88] = {"mov", W4(mov_rm_r), M | B},
	[0x89] = {"mov", W4(mov_rm_r), M},
	[0x8a] = {"mov", W4(mov_r_rm), M | B},
	[0x8b] = {"mov", W4(mov_r_rm), M},
	[0x8c] = {"mov", ANY(mov_r_sreg), M},
	[0x8d] = {"lea", W3(lea), M | OPF_MEMONLY},
	[0x8e] = {"mov", ANY(mov_sreg_r), M},
	[0x8f] = {"grp1a", {0}, M, grp1a},
	REP8(0x90, "xchg", W4(xchg), OPF_OPREG),
	[0x98] = {"cbw", W3(cbw)},
	[0x99] = {"cwd", W3(cwd)},
	[0x9b] = {"fwait", ANY(nop)},
	[0x9c] = {"pushf", WP(pushf), OPF_DEF64},
	[0x9d] = {"popf", WP(popf), OPF_DEF64},
	[0x9e] = {"sahf", ANY(sahf)},
	[0x9f] = {"lahf", ANY(lahf)},
	[0xa0] = {"mov", W4(mov_a_moffs), B | OPF_MOFFS},
	[0xa1] = {"mov", W4(mov_a_moffs), OPF_MOFFS},
	[0xa2] = {"mov", W4(mov_moffs_a), B | OPF_MOFFS},
	[0xa3] = {"mov", W4(mov_moffs_a), OPF_MOFFS},
	[0xa4] = {"movs", W4(movs), B},
	[0xa5] = {"movs", W4(movs)},
	[0xa6] = {"cmps", W4(cmps), B},
	[0xa7] = {"cmps", W4(cmps)},
	[0xa8] = {"test", W4(test_rm_i), OPF_ACC | B | OPF_IMMZ},
	[0xa9] = {"test", W4(test_rm_i), OPF_ACC | OPF_IMMZ},
	[0xaa] = {"stos", W4(stos), B},
	[0xab] = {"stos", W4(stos)},
	[0xac] = {"lods", W4(lods), B},
	[0xad] = {"lods", W4(lods)},
	[0xae] = {"scas", W4(scas), B},
	[0xaf] = {"scas", W4(scas)},
	REP8(0xb0, "mov", W4(mov_rm_i), OPF_OPREG | B | OPF_IMM8),
	REP8(0xb8, "mov", W4(mov_rm_i), OPF_OPREG | OPF_IMMV),
	[0xc0] = {"grp2", {0}, M | B | OPF_IMM8, grp2},
	[0xc1] = {"grp2", {0}, M | OPF_IMM8, grp2},
	[0xc2] = {"ret", ANY(ret_imm), OPF_IMM16 | END},
	[0xc3] = {"ret", ANY(ret), END},
	[0xc6] = {"grp11", {0}, M | B, grp11},
	[0xc7] = {"grp11", {0}, M, grp11},
	[0xc8] = {"enter", {NULL, NULL, NULL, op_enter}, OPF_ENTER | OPF_DEF64},
	[0xc9] = {"leave", WP(leave), OPF_DEF64},
	[0xcc] = {"int3", ANY(int3), END},
	[0xcd] = {"int", ANY(int), OPF_IMM8 | END},
	[0xd0] = {"grp2", {0}, M | B, grp2},
	[0xd1] = {"grp2", {0}, M, grp2},
	[0xd2] = {"grp2", {0}, M | B, grp2},
	[0xd3] = {"grp2", {0}, M, grp2},
	[0xd7] = {"xlat", ANY(xlat)},
	/* D8-DF: x87 escapes, SSE's (decode.c) */
	[0xe0] = {"loopne", ANY(loopne), OPF_IMM8 | END},
	[0xe1] = {"loope", ANY(loope), OPF_IMM8 | END},
	[0xe2] = {"loop", ANY(loop), OPF_IMM8 | END},
	[0xe3] = {"jrcxz", ANY(jrcxz), OPF_IMM8 | END},
	[0xe4] = {"in", ANY(priv), OPF_IMM8},
	[0xe5] = {"in", ANY(priv), OPF_IMM8},
	[0xe6] = {"out", ANY(priv), OPF_IMM8},
	[0xe7] = {"out", ANY(priv), OPF_IMM8},
	[0xe8] = {"call", ANY(call_rel), OPF_IMM32 | END},
	[0xe9] = {"jmp", ANY(jmp_rel), OPF_IMM32 | END},
	[0xeb] = {"jmp", ANY(jmp_rel), OPF_IMM8 | END},
	[0xec] = {"in", ANY(priv)},
	[0xed] = {"in", ANY(priv)},
	[0xee] = {"out", ANY(priv)},
	[0xef] = {"out", ANY(priv)},
	[0xf1] = {"int1", ANY(int3), END},
	[0xf4] = {"hlt", ANY(priv), END},
	[0xf5] = {"cmc", ANY(cmc)},
	[0xf6] = {"grp3", {0}, M | B, grp3},
	[0xf7] = {"grp3", {0}, M, grp3},
	[0xf8] = {"clc", ANY(clc)},
	[0xf9] = {"stc", ANY(stc)},
	[0xfa] = {"cli", ANY(priv)},
	[0xfb] = {"sti", ANY(priv)},
	[0xfc] = {"cld", ANY(cld)},
	[0xfd] = {"std", ANY(std)},
	[0xfe] = {"grp4", {0}, M | B, grp4},
	[0xff] = {"grp5", {0}, M, grp5},
};

const struct op_row decode_map1[256] = {
	/* 0F 00, 0F 01: system groups (SLDT, LGDT, XGETBV, ...): #UD or
	 * privileged; left empty so they reach op_illegal */
	[0x05] = {"syscall", ANY(syscall), END},
	[0x06] = {"clts", ANY(priv)},
	[0x08] = {"invd", ANY(priv)},
	[0x09] = {"wbinvd", ANY(priv)},
	[0x0b] = {"ud2", ANY(ud), END},
	[0x0d] = {"prefetch", ANY(nop), M},
	REP8(0x18, "nop", ANY(nop), M),
	[0x20] = {"mov_cr", ANY(priv), M},
	[0x21] = {"mov_dr", ANY(priv), M},
	[0x22] = {"mov_cr", ANY(priv), M},
	[0x23] = {"mov_dr", ANY(priv), M},
	[0x30] = {"wrmsr", ANY(priv)},
	[0x31] = {"rdtsc", ANY(rdtsc)},
	[0x32] = {"rdmsr", ANY(priv)},
	REP16(0x40, "cmov", W3(cmov), M),
	REP16(0x80, "jcc", ANY(jcc), OPF_IMM32 | END),
	REP16(0x90, "setcc", ANY(setcc), M | B),
	[0xa2] = {"cpuid", ANY(cpuid)},
	[0xa3] = {"bt", W3(bt), M},
	[0xa4] = {"shld", W3(shld), M | OPF_IMM8},
	[0xa5] = {"shld", W3(shld), M},
	[0xab] = {"bts", W3(bts), M},
	[0xac] = {"shrd", W3(shrd), M | OPF_IMM8},
	[0xad] = {"shrd", W3(shrd), M},
	/* 0F AE: fences and CLFLUSH here, the rest SSE's (decode.c) */
	[0xaf] = {"imul", W3(imul_r_rm), M},
	[0xb0] = {"cmpxchg", W4(cmpxchg), M | B},
	[0xb1] = {"cmpxchg", W4(cmpxchg), M},
	[0xb3] = {"btr", W3(btr), M},
	[0xb6] = {"movzx", W3(movzx_b), M},
	[0xb7] = {"movzx", W3(movzx_w), M},
	[0xb8] = {"popcnt", W3(popcnt), M}, /* F3 only (decode.c) */
	[0xba] = {"grp8", {0}, M | OPF_IMM8, grp8},
	[0xbb] = {"btc", W3(btc), M},
	[0xbc] = {"bsf", W3(bsf), M}, /* F3: TZCNT */
	[0xbd] = {"bsr", W3(bsr), M}, /* F3: LZCNT */
	[0xbe] = {"movsx", W3(movsx_b), M},
	[0xbf] = {"movsx", W3(movsx_w), M},
	[0xc0] = {"xadd", W4(xadd), M | B},
	[0xc1] = {"xadd", W4(xadd), M},
	[0xc7] = {"grp9", {0}, M, grp9},
	REP8(0xc8, "bswap", W3(bswap), OPF_OPREG),
};

/* 0F 38 F0 / F1 without F2: MOVBE */
const struct op_row decode_0f38_f0 = {"movbe", W3(movbe_load), M | OPF_MEMONLY};
const struct op_row decode_0f38_f1 = {"movbe", W3(movbe_store),
				      M | OPF_MEMONLY};
