/*
 * Differential tester of wax's CPU against the host CPU (host-side test
 * tool, native build only).  Each instruction form in the tables
 * (dt_forms_*.c) yields generated cases (dt_case.c): instruction bytes
 * (dt_encode.c) and an input state (dt_values.c).  A case runs natively
 * in an RWX page (dt_native.c, host signals catch faults) and in wax's
 * interpreter under cpu_run in a guest mm (dt_guest.c); dt_compare.c
 * compares the outcomes and prints mismatches; difftest.c drives it.
 *
 * Guest and host use the same addresses for code and data, so pointers,
 * RIP-relative addresses and fault addresses compare equal.
 */
#ifndef WAX_DIFFTEST_H
#define WAX_DIFFTEST_H

#include <stdint.h>
#include <stdio.h>

#define DT_CODE	    0x31000000ull /* code area, host and guest */
#define DT_CODE_LEN 0x10000ull	  /* 2048 slots of 32 bytes */
#define DT_SLOT	    32
#define DT_DATA	    0x32000000ull /* data area, host and guest */
#define DT_DATA_LEN 0x2000ull	  /* two pages; the next one is unmapped */
#define DT_MEMOP    0x800u	  /* usual offset of the memory operand */
#define DT_MAXCODE  15

/* Operand sizes a GPR form is tested with. */
#define W_B 1u
#define W_W 2u
#define W_D 4u
#define W_Q 8u

/* RFLAGS status bits (same values as RFLAGS_*). */
#define F_CF  0x001u
#define F_PF  0x004u
#define F_AF  0x010u
#define F_ZF  0x040u
#define F_SF  0x080u
#define F_OF  0x800u
#define F_DF  0x400u
#define F_ALL (F_CF | F_PF | F_AF | F_ZF | F_SF | F_OF)

/* GPR numbers (as in the ModRM encoding). */
enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI };
#define RM(r) (1u << (r))

/* Operand kinds of ModRM.reg / ModRM.rm. */
enum dt_kind {
	K_NONE,
	K_GPR,	 /* general register only */
	K_GPRM,	 /* general register or memory */
	K_MEM,	 /* memory only */
	K_XMM,	 /* xmm register only */
	K_XMMM,	 /* xmm register or memory */
	K_STI,	 /* x87 ST(i) in the rm bits (mod 3) */
	K_FIXED, /* mod 3, rm bits fixed (form.fix) */
	K_MM,	 /* MMX register only */
	K_MMM,	 /* MMX register or memory */
};

/* ModRM-less encodings (form.ext). */
#define EXT_REG	  (-1) /* ModRM.reg is an operand */
#define EXT_NONE  (-2) /* no ModRM byte */
#define EXT_OPREG (-3) /* register in the opcode's low three bits */

/* Value generators (form.vals). */
enum dt_vals {
	V_INT,	   /* integer edges and random */
	V_SHIFT,   /* count (CL or imm8) from shift edges */
	V_DIV,	   /* dividend mostly in range for DIV/IDIV */
	V_BIT,	   /* bit offsets (BT family) */
	V_CMPXCHG, /* accumulator often equal to the destination */
	V_STR,	   /* string ops: pointers and a small count */
	V_LEA,	   /* random addressing forms, no memory access */
	V_VEC,	   /* xmm lanes of form.lanes */
	V_X87,	   /* x87 stack and memory operand */
};

/* Lane types (form.lanes). */
enum dt_lane { L_I8, L_I16, L_I32, L_I64, L_F32, L_F64, L_F80 };

/* Flag rules (form.rule): what the SDM leaves undefined beyond form.undef. */
enum dt_rule {
	R_NONE,
	R_SHIFT, /* SHL/SHR/SAR: OF if count > 1, AF if count != 0, CF if
		    count >= width (SHL/SHR 8/16) */
	R_ROT,	 /* ROL/ROR/RCL/RCR: OF if masked count > 1 */
	R_SHXD,	 /* SHLD/SHRD: OF if count > 1, AF; dest if count > width */
	R_BSF,	 /* BSF/BSR: destination undefined when the source is 0 */
	R_X87A,	 /* x87 arithmetic/load/store: C0 C2 C3 undefined */
	R_X87C,	 /* x87 compares: all condition bits defined */
	R_X87U,	 /* FFREE, FCMOVcc: C0-C3 undefined (AMD keeps C1; the SDM
		    only defines it on stack underflow) */
	R_X87I,	 /* FCOMI family: C1 (SDM: cleared; AMD: kept) */
	R_PREM,	 /* FPREM/FPREM1: partial remainder when exponents differ by
		    64 or more is implementation-dependent */
};

struct dt_form {
	const char *name;
	uint8_t map;	   /* 0 one-byte, 1 0F, 2 0F38, 3 0F3A */
	uint8_t op;	   /* opcode byte */
	int8_t ext;	   /* ModRM.reg digit 0-7, or EXT_* */
	uint8_t pfx;	   /* mandatory/rep prefix: 0, 0x66, 0xf2, 0xf3 */
	uint8_t widths;	   /* W_* sizes (SSE/x87: W_D, or W_Q = REX.W) */
	uint8_t regk, rmk; /* enum dt_kind */
	uint8_t imm;	   /* 0, 1 (imm8), 2 (imm16), 4 (imm of opsize,
			     max 4), 8 (imm of full opsize) */
	uint8_t vals;	   /* enum dt_vals */
	uint8_t rule;	   /* enum dt_rule */
	uint16_t undef;	   /* RFLAGS bits the SDM calls undefined */
	uint16_t implicit; /* GPRs used implicitly (RM(r) bits) */
	uint8_t lanes;	   /* enum dt_lane for V_VEC / V_X87 memory */
	uint8_t rmw;	   /* width of the r/m operand when it differs */
	uint8_t align;	   /* memory operand must be 16-aligned */
	uint8_t fix;	   /* K_FIXED: the rm bits */
	uint8_t lock;	   /* LOCK allowed with a memory destination */
	const char *feat;  /* host /proc/cpuinfo flag needed, or NULL */
};

/* A register file as FXSAVE + GPRs; layout fixed (dt_native.c asm). */
struct dt_cpu {
	uint8_t fx[512]; /* FXSAVE64 image: x87, MXCSR, XMM0-15 */
	uint64_t r[16];	 /* offset 512 */
	uint64_t rflags; /* offset 640 */
	uint64_t rip;	 /* offset 648 */
} __attribute__((aligned(16)));

/* Outcome of one run. */
struct dt_out {
	struct dt_cpu cpu;
	int signo, code; /* 0 when no fault */
	uint64_t addr;	 /* si_addr */
	uint8_t mem[DT_DATA_LEN];
};

/* One test case: bytes, inputs and what to ignore in the comparison. */
struct dt_case {
	uint8_t code[DT_MAXCODE];
	int len;
	uint64_t addr; /* where the code runs (a slot of the code area) */
	struct dt_cpu in;
	uint8_t mem[DT_DATA_LEN];
	uint32_t undef_flags; /* RFLAGS bits not compared */
	uint16_t undef_fsw;   /* FSW bits not compared */
	int16_t undef_reg;    /* GPR whose value is undefined, or -1 */
	uint8_t undef_width;  /* ... its width (bytes written) */
	uint8_t undef_st;     /* ST(i) (bit i) not compared */
	uint8_t nan_relax;    /* x87 binary op: see dt_host_amd */
};

/* The host is an AMD CPU: when both operands of an x87 arithmetic
 * instruction are NaNs it returns a different one of them than the SDM
 * rule wax follows (larger significand, QNaN over SNaN); any NaN result
 * is then accepted (difftest.c sets this from CPUID). */
extern int dt_host_amd;

/* FXSAVE image offsets. */
#define FX_FCW	 0
#define FX_FSW	 2
#define FX_FTW	 4
#define FX_MXCSR 24
#define FX_ST0	 32
#define FX_XMM0	 160

/* dt_values.c */
uint64_t dt_rand(uint64_t *s);
uint64_t dt_int_value(uint64_t *s, int width, int idx);
int dt_int_edges(int width);
uint64_t dt_shift_count(uint64_t *s, int width);
void dt_lane_fill(uint64_t *s, enum dt_lane lt, uint8_t *dst, int n, int idx);
void dt_fx80_value(uint64_t *s, uint8_t out[10]);
uint32_t dt_mxcsr(uint64_t *s);
void dt_fill_pattern(uint8_t *mem, uint64_t seed);

/* dt_encode.c */
struct dt_enc {
	int width;	 /* operand size 1, 2, 4, 8 */
	int rexw;	 /* SSE/x87 forms: REX.W */
	int norex;	 /* byte forms: no REX (regs 4-7 are AH..BH) */
	int reg, rm;	 /* register numbers */
	int mem;	 /* rm is memory */
	int base, index; /* -1 none; base 16 = RIP */
	int scale;
	int32_t disp;
	int dispsize; /* 0, 1, 4 */
	int addr32;   /* 0x67 prefix */
	int lock;     /* F0 prefix */
	uint64_t imm;
};
int dt_encode(const struct dt_form *f, const struct dt_enc *e, uint8_t *out,
	      int *disp_at);

/* dt_case.c */
/* Adds a stray LOCK to 1 case in 256 (#UD unless lockable). */
extern int dt_lock_ud;
void dt_make_case(const struct dt_form *f, int width, uint64_t seed,
		  uint64_t idx, struct dt_case *c);

/* dt_native.c */
int dt_native_init(void);
void dt_native_run(const struct dt_case *c, struct dt_out *o);

/* dt_guest.c */
int dt_guest_init(void);
void dt_guest_run(const struct dt_case *c, struct dt_out *o);

/* dt_compare.c */
/* Returns 0 when o_nat and o_wax agree on everything c does not mask;
 * otherwise prints one line per difference (prefixed by label) to out. */
int dt_compare(const char *label, const struct dt_case *c,
	       const struct dt_out *nat, const struct dt_out *wax, FILE *out);
/* Prints c as a regressions.c table row. */
void dt_print_case(const char *label, const struct dt_case *c, FILE *out);

/* dt_forms_*.c */
extern const struct dt_form dt_forms_int[], dt_forms_vec[], dt_forms_x87[],
	dt_forms_mmx[];
extern const int dt_nforms_int, dt_nforms_vec, dt_nforms_x87, dt_nforms_mmx;

/* regressions.c */
/* Replays every fixed regression case; returns the number that differ. */
int dt_run_regressions(FILE *out);

#endif
