/*
 * MMX register access (internal to translate/): the eight 64-bit MMX
 * registers alias the mantissas of the x87 physical registers, as in
 * Intel SDM vol. 1 ch. 9.  Every MMX instruction sets TOP to 0 and tags
 * all registers valid; a write also sets the sign/exponent field to all
 * ones; EMMS tags all empty (and, as measured on hardware, also sets
 * TOP to 0).  FXSAVE (sse_state.c) therefore shows MMi as ST(i) with
 * exponent 0x7fff and sign 1.
 *
 * Callers: mmx_*.c only.  Handlers touch the state in this order: read
 * sources (memory may fault), then mmx_enter, then write the
 * destination, so a faulting instruction leaves the x87 state alone.
 */
#ifndef WAX_MMX_H
#define WAX_MMX_H

#include "x87.h"

/* A 64-bit MMX value by lanes. */
union mmx_val {
	uint64_t q;
	uint64_t u64[1];
	uint32_t u32[2];
	int32_t i32[2];
	uint16_t u16[4];
	int16_t i16[4];
	uint8_t u8[8];
	int8_t i8[8];
};

/* The transition every MMX instruction makes: TOP = 0, all tags valid. */
static inline void mmx_enter(struct x87_state *x)
{
	x->top = 0;
	x->empty = 0;
}

/* MMn (REX bits ignored: there are only eight MMX registers). */
static inline uint64_t mm_rd(const struct x87_state *x, int r)
{
	return x->st[r & 7].m;
}

static inline void mm_wr(struct x87_state *x, int r, uint64_t v)
{
	x->st[r & 7].m = v;
	x->st[r & 7].se = 0xffff;
}

/* The mm/m64 source operand. */
static inline uint64_t mmx_src(struct cpu *cpu, const struct insn *in,
			       const struct x87_state *x)
{
	if (in->mod == 3)
		return mm_rd(x, in->rm);
	return mem_ld64(cpu, insn_ea(cpu, in));
}

/* The mm/m32 source of the low unpacks (zero-extended). */
static inline uint64_t mmx_src32(struct cpu *cpu, const struct insn *in,
				 const struct x87_state *x)
{
	if (in->mod == 3)
		return mm_rd(x, in->rm);
	return mem_ld32(cpu, insn_ea(cpu, in));
}

#endif
