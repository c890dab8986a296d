/*
 * SSE/SSE2/SSE3/SSSE3, MXCSR/FXSAVE and x87 instruction handlers
 * (internal to translate/).
 *
 * The decoder (decode.c) asks sse_lookup() for every map 1-3 opcode it
 * does not handle itself, for 0F AE /0-/3 (FXSAVE, FXRSTOR, LDMXCSR,
 * STMXCSR) and for the x87 escapes D8-DF (map 0).  The handlers live in
 * sse_*.c, split by instruction family, and x87_*.c (80-bit soft-float,
 * no host long double); the table is sse_table.c.  MMX-register forms
 * (no prefix 0F 60-7F, D1-FE, 0F 38 xx, ...) are in mmx_*.c, SSE4.1/4.2
 * in sse4_*.c.
 */
#ifndef WAX_SSE_H
#define WAX_SSE_H

#include "insn.h"

/* Instruction-set levels implemented here (cpuid.c advertises these):
 * MMX (incl. the SSE-era extensions), SSE, SSE2, SSE3 (incl. MOVDDUP/
 * LDDQU/ADDSUB/HADD/HSUB), SSSE3 (xmm and mm forms), SSE4.1 and SSE4.2
 * (PCMPxSTRx, PCMPGTQ, CRC32; POPCNT is the CPU core's). */
#define SSE_HAVE_SSE3  1
#define SSE_HAVE_SSSE3 1

struct sse_op {
	insn_fn *fn;	  /* handler */
	uint8_t has_imm8; /* an imm8 follows the ModRM/SIB/displacement */
	uint8_t no_modrm; /* the opcode has no ModRM byte */
};

/* sse_table.c */
/*
 * The handler for opcode op in map (0-3) with mandatory prefix prefix
 * (0, 0x66, 0xf3 or 0xf2), or NULL when that combination is #UD.
 * The returned row is a static const; never NULL for a supported opcode.
 */
const struct sse_op *sse_lookup(int map, int op, int prefix);

/* sse_state.c */
/*
 * The 512-byte FXSAVE image of cpu's x87/SSE state (64-bit layout: FCW,
 * FSW, abridged FTW, MXCSR and MXCSR_MASK, ST0-7, XMM0-15), as FXSAVE
 * stores it and as Linux puts it in a signal frame.
 */
void fxsave_image(struct cpu *cpu, uint8_t out[512]);
/*
 * Loads the state from an FXSAVE image.  Returns 0, or -LINUX_EINVAL
 * (state untouched) when the MXCSR field has reserved bits set, where
 * FXRSTOR would raise #GP.
 */
int fxrstor_image(struct cpu *cpu, const uint8_t in[512]);

/* x87_ops.c */
/*
 * Gives dst its own copy of src's x87 state, for a cpu that was copied
 * wholesale from src (clone, fork): dst->x87 is overwritten without
 * being freed, since after the struct copy it aliases src's.  Returns 0,
 * or -LINUX_ENOMEM (dst->x87 then NULL, i.e. the reset state).
 */
int x87_state_copy(struct cpu *dst, const struct cpu *src);

#endif
