/*
 * String instruction handlers (MOVS STOS LODS CMPS SCAS, with REP
 * prefixes and DF), instantiated per element size from
 * interp_string_tmpl.h.  Forward REP MOVS/STOS copy whole runs within a
 * page through the TLB.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include "decode.h"

/* rSI/rDI/rCX at the instruction's address size. */
static inline uint64_t str_reg(struct cpu *cpu, const struct insn *in, int r)
{
	uint64_t v = cpu->regs[r];

	return in->addrsize == 4 ? (uint32_t)v : v;
}

static inline void str_add(struct cpu *cpu, const struct insn *in, int r,
			   int64_t d)
{
	uint64_t v = cpu->regs[r] + (uint64_t)d;

	cpu->regs[r] = in->addrsize == 4 ? (uint32_t)v : v;
}

#define BITS 8
#include "interp_string_tmpl.h"
#define BITS 16
#include "interp_string_tmpl.h"
#define BITS 32
#include "interp_string_tmpl.h"
#define BITS 64
#include "interp_string_tmpl.h"
