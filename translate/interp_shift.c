/*
 * Shift and rotate handlers (group 2: C0 C1 D0-D3, and SHLD/SHRD),
 * instantiated per operand size from interp_shift_tmpl.h.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include "decode.h"

/* Group 2 count: D0/D1 shift by 1, D2/D3 by CL, C0/C1 by imm8. */
static inline unsigned shift_count(struct cpu *cpu, const struct insn *in)
{
	if (in->op >= 0xd2)
		return (unsigned)cpu->regs[R_RCX];
	if (in->op >= 0xd0)
		return 1;
	return (unsigned)in->imm;
}

#define BITS 8
#include "interp_shift_tmpl.h"
#define BITS 16
#include "interp_shift_tmpl.h"
#define BITS 32
#include "interp_shift_tmpl.h"
#define BITS 64
#include "interp_shift_tmpl.h"
