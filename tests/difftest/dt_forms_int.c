/*
 * Integer instruction forms of the differential tester: opcode, operand
 * kinds, widths, value generator, and the flags the Intel SDM calls
 * undefined (masked in the comparison).  Only forms wax implements and
 * advertises are listed.  Read by difftest.c.
 */
#include "difftest.h"

#define WV	    (W_W | W_D | W_Q)
#define WA	    (W_B | W_W | W_D | W_Q)
#define ARITH_UNDEF 0
#define LOGIC_UNDEF F_AF
#define MUL_UNDEF   (F_SF | F_ZF | F_AF | F_PF)
#define BT_UNDEF    (F_OF | F_SF | F_AF | F_PF)

#define FORM(nm, mp, o, x, wd, rk, mk, im)                                     \
	.name = nm, .map = mp, .op = o, .ext = x, .widths = wd, .regk = rk,    \
	.rmk = mk, .imm = im

/* The eight ALU ops: rm,r / r,rm / acc,imm / 80 81 83 groups. */
#define ALU(nm, base, digit, und, lk)                                          \
	{FORM(nm " rm8,r8", 0, base + 0, EXT_REG, W_B, K_GPR, K_GPRM, 0),      \
	 .undef = und, .lock = lk},                                            \
		{FORM(nm " rm,r", 0, base + 1, EXT_REG, WV, K_GPR, K_GPRM, 0), \
		 .undef = und, .lock = lk},                                    \
		{FORM(nm " r8,rm8", 0, base + 2, EXT_REG, W_B, K_GPR, K_GPRM,  \
		      0),                                                      \
		 .undef = und},                                                \
		{FORM(nm " r,rm", 0, base + 3, EXT_REG, WV, K_GPR, K_GPRM, 0), \
		 .undef = und},                                                \
		{FORM(nm " al,imm8", 0, base + 4, EXT_NONE, W_B, K_NONE,       \
		      K_NONE, 1),                                              \
		 .undef = und, .implicit = RM(RAX)},                           \
		{FORM(nm " ax,imm", 0, base + 5, EXT_NONE, WV, K_NONE, K_NONE, \
		      4),                                                      \
		 .undef = und, .implicit = RM(RAX)},                           \
		{FORM(nm " rm8,imm8", 0, 0x80, digit, W_B, K_NONE, K_GPRM, 1), \
		 .undef = und, .lock = lk},                                    \
		{FORM(nm " rm,imm", 0, 0x81, digit, WV, K_NONE, K_GPRM, 4),    \
		 .undef = und, .lock = lk},                                    \
	{                                                                      \
		FORM(nm " rm,imm8", 0, 0x83, digit, WV, K_NONE, K_GPRM, 1),    \
			.undef = und, .lock = lk                               \
	}

/* Shift/rotate group digit: C0 C1 (imm8), D0 D1 (1), D2 D3 (CL). */
#define SHIFT(nm, digit, rl)                                                   \
	{FORM(nm " rm8,imm8", 0, 0xc0, digit, W_B, K_NONE, K_GPRM, 1),         \
	 .vals = V_SHIFT, .rule = rl},                                         \
		{FORM(nm " rm,imm8", 0, 0xc1, digit, WV, K_NONE, K_GPRM, 1),   \
		 .vals = V_SHIFT, .rule = rl},                                 \
		{FORM(nm " rm8,1", 0, 0xd0, digit, W_B, K_NONE, K_GPRM, 0),    \
		 .vals = V_SHIFT, .rule = rl},                                 \
		{FORM(nm " rm,1", 0, 0xd1, digit, WV, K_NONE, K_GPRM, 0),      \
		 .vals = V_SHIFT, .rule = rl},                                 \
		{FORM(nm " rm8,cl", 0, 0xd2, digit, W_B, K_NONE, K_GPRM, 0),   \
		 .vals = V_SHIFT, .rule = rl, .implicit = RM(RCX)},            \
	{                                                                      \
		FORM(nm " rm,cl", 0, 0xd3, digit, WV, K_NONE, K_GPRM, 0),      \
			.vals = V_SHIFT, .rule = rl, .implicit = RM(RCX)       \
	}

/* clang-format off */
#define CC16(X)                                                                \
	X("o", 0) X("no", 1) X("b", 2) X("ae", 3) X("e", 4) X("ne", 5)         \
	X("be", 6) X("a", 7) X("s", 8) X("ns", 9) X("p", 10) X("np", 11)       \
	X("l", 12) X("ge", 13) X("le", 14) X("g", 15)
/* clang-format on */
#define CMOV(c, n)  {FORM("cmov" c, 1, 0x40 + n, EXT_REG, WV, K_GPR, K_GPRM, 0)},
#define SETCC(c, n) {FORM("set" c, 1, 0x90 + n, 0, W_B, K_NONE, K_GPRM, 0)},

#define STR(nm, o, p, wd, und)                                                 \
	{                                                                      \
		FORM(nm, 0, o, EXT_NONE, wd, K_NONE, K_NONE, 0),               \
			.pfx = p, .vals = V_STR, .undef = und,                 \
			.implicit = RM(RSI) | RM(RDI) | RM(RCX) | RM(RAX)      \
	}

const struct dt_form dt_forms_int[] = {
	ALU("add", 0x00, 0, ARITH_UNDEF, 1),
	ALU("or", 0x08, 1, LOGIC_UNDEF, 1),
	ALU("adc", 0x10, 2, ARITH_UNDEF, 1),
	ALU("sbb", 0x18, 3, ARITH_UNDEF, 1),
	ALU("and", 0x20, 4, LOGIC_UNDEF, 1),
	ALU("sub", 0x28, 5, ARITH_UNDEF, 1),
	ALU("xor", 0x30, 6, LOGIC_UNDEF, 1),
	ALU("cmp", 0x38, 7, ARITH_UNDEF, 0),
	{FORM("test rm8,r8", 0, 0x84, EXT_REG, W_B, K_GPR, K_GPRM, 0),
	 .undef = F_AF},
	{FORM("test rm,r", 0, 0x85, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .undef = F_AF},
	{FORM("test al,imm8", 0, 0xa8, EXT_NONE, W_B, K_NONE, K_NONE, 1),
	 .undef = F_AF, .implicit = RM(RAX)},
	{FORM("test ax,imm", 0, 0xa9, EXT_NONE, WV, K_NONE, K_NONE, 4),
	 .undef = F_AF, .implicit = RM(RAX)},
	{FORM("test rm8,imm8", 0, 0xf6, 0, W_B, K_NONE, K_GPRM, 1),
	 .undef = F_AF},
	{FORM("test rm,imm", 0, 0xf7, 0, WV, K_NONE, K_GPRM, 4), .undef = F_AF},
	{FORM("inc rm8", 0, 0xfe, 0, W_B, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("dec rm8", 0, 0xfe, 1, W_B, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("inc rm", 0, 0xff, 0, WV, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("dec rm", 0, 0xff, 1, WV, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("not rm8", 0, 0xf6, 2, W_B, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("not rm", 0, 0xf7, 2, WV, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("neg rm8", 0, 0xf6, 3, W_B, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("neg rm", 0, 0xf7, 3, WV, K_NONE, K_GPRM, 0), .lock = 1},
	{FORM("mul rm8", 0, 0xf6, 4, W_B, K_NONE, K_GPRM, 0),
	 .undef = MUL_UNDEF, .implicit = RM(RAX) | RM(RDX)},
	{FORM("mul rm", 0, 0xf7, 4, WV, K_NONE, K_GPRM, 0), .undef = MUL_UNDEF,
	 .implicit = RM(RAX) | RM(RDX)},
	{FORM("imul rm8", 0, 0xf6, 5, W_B, K_NONE, K_GPRM, 0),
	 .undef = MUL_UNDEF, .implicit = RM(RAX) | RM(RDX)},
	{FORM("imul rm", 0, 0xf7, 5, WV, K_NONE, K_GPRM, 0), .undef = MUL_UNDEF,
	 .implicit = RM(RAX) | RM(RDX)},
	{FORM("div rm8", 0, 0xf6, 6, W_B, K_NONE, K_GPRM, 0), .vals = V_DIV,
	 .undef = F_ALL, .implicit = RM(RAX) | RM(RDX)},
	{FORM("div rm", 0, 0xf7, 6, WV, K_NONE, K_GPRM, 0), .vals = V_DIV,
	 .undef = F_ALL, .implicit = RM(RAX) | RM(RDX)},
	{FORM("idiv rm8", 0, 0xf6, 7, W_B, K_NONE, K_GPRM, 0), .vals = V_DIV,
	 .undef = F_ALL, .implicit = RM(RAX) | RM(RDX)},
	{FORM("idiv rm", 0, 0xf7, 7, WV, K_NONE, K_GPRM, 0), .vals = V_DIV,
	 .undef = F_ALL, .implicit = RM(RAX) | RM(RDX)},
	{FORM("imul r,rm", 1, 0xaf, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .undef = MUL_UNDEF},
	{FORM("imul r,rm,imm", 0, 0x69, EXT_REG, WV, K_GPR, K_GPRM, 4),
	 .undef = MUL_UNDEF},
	{FORM("imul r,rm,imm8", 0, 0x6b, EXT_REG, WV, K_GPR, K_GPRM, 1),
	 .undef = MUL_UNDEF},
	SHIFT("rol", 0, R_ROT),
	SHIFT("ror", 1, R_ROT),
	SHIFT("rcl", 2, R_ROT),
	SHIFT("rcr", 3, R_ROT),
	SHIFT("shl", 4, R_SHIFT),
	SHIFT("shr", 5, R_SHIFT),
	SHIFT("sal", 6, R_SHIFT),
	SHIFT("sar", 7, R_SHIFT),
	{FORM("shld rm,r,imm8", 1, 0xa4, EXT_REG, WV, K_GPR, K_GPRM, 1),
	 .vals = V_SHIFT, .rule = R_SHXD},
	{FORM("shld rm,r,cl", 1, 0xa5, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .vals = V_SHIFT, .rule = R_SHXD, .implicit = RM(RCX)},
	{FORM("shrd rm,r,imm8", 1, 0xac, EXT_REG, WV, K_GPR, K_GPRM, 1),
	 .vals = V_SHIFT, .rule = R_SHXD},
	{FORM("shrd rm,r,cl", 1, 0xad, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .vals = V_SHIFT, .rule = R_SHXD, .implicit = RM(RCX)},
	{FORM("bt rm,r", 1, 0xa3, EXT_REG, WV, K_GPR, K_GPRM, 0), .vals = V_BIT,
	 .undef = BT_UNDEF},
	{FORM("bts rm,r", 1, 0xab, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .vals = V_BIT, .undef = BT_UNDEF, .lock = 1},
	{FORM("btr rm,r", 1, 0xb3, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .vals = V_BIT, .undef = BT_UNDEF, .lock = 1},
	{FORM("btc rm,r", 1, 0xbb, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .vals = V_BIT, .undef = BT_UNDEF, .lock = 1},
	{FORM("bt rm,imm8", 1, 0xba, 4, WV, K_NONE, K_GPRM, 1), .vals = V_BIT,
	 .undef = BT_UNDEF},
	{FORM("bts rm,imm8", 1, 0xba, 5, WV, K_NONE, K_GPRM, 1), .vals = V_BIT,
	 .undef = BT_UNDEF, .lock = 1},
	{FORM("btr rm,imm8", 1, 0xba, 6, WV, K_NONE, K_GPRM, 1), .vals = V_BIT,
	 .undef = BT_UNDEF, .lock = 1},
	{FORM("btc rm,imm8", 1, 0xba, 7, WV, K_NONE, K_GPRM, 1), .vals = V_BIT,
	 .undef = BT_UNDEF, .lock = 1},
	{FORM("bsf r,rm", 1, 0xbc, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .rule = R_BSF, .undef = F_CF | F_OF | F_SF | F_AF | F_PF},
	{FORM("bsr r,rm", 1, 0xbd, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .rule = R_BSF, .undef = F_CF | F_OF | F_SF | F_AF | F_PF},
	{FORM("tzcnt r,rm", 1, 0xbc, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .pfx = 0xf3, .undef = F_OF | F_SF | F_AF | F_PF, .feat = "bmi1"},
	{FORM("lzcnt r,rm", 1, 0xbd, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .pfx = 0xf3, .undef = F_OF | F_SF | F_AF | F_PF, .feat = "abm"},
	{FORM("popcnt r,rm", 1, 0xb8, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .pfx = 0xf3, .feat = "popcnt"},
	{FORM("bswap r", 1, 0xc8, EXT_OPREG, W_D | W_Q, K_NONE, K_GPR, 0)},
	{FORM("xadd rm8,r8", 1, 0xc0, EXT_REG, W_B, K_GPR, K_GPRM, 0),
	 .lock = 1},
	{FORM("xadd rm,r", 1, 0xc1, EXT_REG, WV, K_GPR, K_GPRM, 0), .lock = 1},
	{FORM("cmpxchg rm8,r8", 1, 0xb0, EXT_REG, W_B, K_GPR, K_GPRM, 0),
	 .vals = V_CMPXCHG, .implicit = RM(RAX), .lock = 1},
	{FORM("cmpxchg rm,r", 1, 0xb1, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .vals = V_CMPXCHG, .implicit = RM(RAX), .lock = 1},
	{FORM("cmpxchg8b m64", 1, 0xc7, 1, W_D, K_NONE, K_MEM, 0),
	 .vals = V_CMPXCHG, .rmw = 16, .lock = 1,
	 .implicit = RM(RAX) | RM(RBX) | RM(RCX) | RM(RDX)},
	{FORM("cmpxchg16b m128", 1, 0xc7, 1, W_Q, K_NONE, K_MEM, 0),
	 .vals = V_CMPXCHG, .rmw = 16, .lock = 1, .align = 1,
	 .implicit = RM(RAX) | RM(RBX) | RM(RCX) | RM(RDX)},
	CC16(CMOV) CC16(SETCC){
		FORM("movzx r,rm8", 1, 0xb6, EXT_REG, WV, K_GPR, K_GPRM, 0),
		.rmw = 1},
	{FORM("movzx r,rm16", 1, 0xb7, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .rmw = 2},
	{FORM("movsx r,rm8", 1, 0xbe, EXT_REG, WV, K_GPR, K_GPRM, 0), .rmw = 1},
	{FORM("movsx r,rm16", 1, 0xbf, EXT_REG, WV, K_GPR, K_GPRM, 0),
	 .rmw = 2},
	{FORM("movsxd r,rm32", 0, 0x63, EXT_REG, W_D | W_Q, K_GPR, K_GPRM, 0),
	 .rmw = 4},
	{FORM("cbw/cwde/cdqe", 0, 0x98, EXT_NONE, WV, K_NONE, K_NONE, 0),
	 .implicit = RM(RAX)},
	{FORM("cwd/cdq/cqo", 0, 0x99, EXT_NONE, WV, K_NONE, K_NONE, 0),
	 .implicit = RM(RAX) | RM(RDX)},
	{FORM("lea r,m", 0, 0x8d, EXT_REG, WV, K_GPR, K_MEM, 0), .vals = V_LEA},
	{FORM("mov rm8,r8", 0, 0x88, EXT_REG, W_B, K_GPR, K_GPRM, 0)},
	{FORM("mov rm,r", 0, 0x89, EXT_REG, WV, K_GPR, K_GPRM, 0)},
	{FORM("mov r8,rm8", 0, 0x8a, EXT_REG, W_B, K_GPR, K_GPRM, 0)},
	{FORM("mov r,rm", 0, 0x8b, EXT_REG, WV, K_GPR, K_GPRM, 0)},
	{FORM("mov rm8,imm8", 0, 0xc6, 0, W_B, K_NONE, K_GPRM, 1)},
	{FORM("mov rm,imm", 0, 0xc7, 0, WV, K_NONE, K_GPRM, 4)},
	{FORM("mov r8,imm8", 0, 0xb0, EXT_OPREG, W_B, K_NONE, K_GPR, 1)},
	{FORM("mov r,imm", 0, 0xb8, EXT_OPREG, WV, K_NONE, K_GPR, 8)},
	{FORM("xchg rm8,r8", 0, 0x86, EXT_REG, W_B, K_GPR, K_GPRM, 0),
	 .lock = 1},
	{FORM("xchg rm,r", 0, 0x87, EXT_REG, WV, K_GPR, K_GPRM, 0), .lock = 1},
	{FORM("xchg ax,r", 0, 0x90, EXT_OPREG, WV, K_NONE, K_GPR, 0),
	 .implicit = RM(RAX)},
	{FORM("movbe r,m", 2, 0xf0, EXT_REG, WV, K_GPR, K_MEM, 0),
	 .feat = "movbe"},
	{FORM("movbe m,r", 2, 0xf1, EXT_REG, WV, K_GPR, K_MEM, 0),
	 .feat = "movbe"},
	{FORM("lahf", 0, 0x9f, EXT_NONE, W_D, K_NONE, K_NONE, 0),
	 .implicit = RM(RAX)},
	{FORM("sahf", 0, 0x9e, EXT_NONE, W_D, K_NONE, K_NONE, 0),
	 .implicit = RM(RAX)},
	{FORM("cmc", 0, 0xf5, EXT_NONE, W_D, K_NONE, K_NONE, 0)},
	{FORM("clc", 0, 0xf8, EXT_NONE, W_D, K_NONE, K_NONE, 0)},
	{FORM("stc", 0, 0xf9, EXT_NONE, W_D, K_NONE, K_NONE, 0)},
	STR("movs", 0xa4, 0, W_B, 0),
	STR("movs", 0xa5, 0, WV, 0),
	STR("rep movs", 0xa4, 0xf3, W_B, 0),
	STR("rep movs", 0xa5, 0xf3, WV, 0),
	STR("stos", 0xaa, 0, W_B, 0),
	STR("stos", 0xab, 0, WV, 0),
	STR("rep stos", 0xaa, 0xf3, W_B, 0),
	STR("rep stos", 0xab, 0xf3, WV, 0),
	STR("lods", 0xac, 0, W_B, 0),
	STR("lods", 0xad, 0, WV, 0),
	STR("rep lods", 0xac, 0xf3, W_B, 0),
	STR("rep lods", 0xad, 0xf3, WV, 0),
	STR("cmps", 0xa6, 0, W_B, 0),
	STR("cmps", 0xa7, 0, WV, 0),
	STR("repe cmps", 0xa6, 0xf3, W_B, 0),
	STR("repe cmps", 0xa7, 0xf3, WV, 0),
	STR("repne cmps", 0xa6, 0xf2, W_B, 0),
	STR("repne cmps", 0xa7, 0xf2, WV, 0),
	STR("scas", 0xae, 0, W_B, 0),
	STR("scas", 0xaf, 0, WV, 0),
	STR("repe scas", 0xae, 0xf3, W_B, 0),
	STR("repe scas", 0xaf, 0xf3, WV, 0),
	STR("repne scas", 0xae, 0xf2, W_B, 0),
	STR("repne scas", 0xaf, 0xf2, WV, 0),
};
const int dt_nforms_int = sizeof(dt_forms_int) / sizeof(dt_forms_int[0]);
