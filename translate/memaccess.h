/*
 * Guest memory access for the interpreter (internal to translate/).
 *
 * Loads and stores go through the calling thread's TLB: the hit path is
 * inline, misses and page-crossing accesses go to mem.c.  A failing access
 * never returns: it raises the guest fault with cpu_raise(), which unwinds
 * to cpu_run().  Implemented by mem.c / memaccess inline functions;
 * used by the decoder and instruction handlers.
 */
#ifndef WAX_MEMACCESS_H
#define WAX_MEMACCESS_H

#include <string.h>

#include "translate.h"

/* cpu.c: unwinds out of the current instruction into cpu_run(). */
_Noreturn void cpu_raise(struct cpu *cpu, int signo, int code, gaddr addr);

/* mem.c: TLB miss and page-crossing paths (raise on failure). */
void mem_ld_slow(struct cpu *cpu, gaddr a, void *dst, size_t n);
void mem_st_slow(struct cpu *cpu, gaddr a, const void *src, size_t n);
/* Host pointer for an atomic read-modify-write of n bytes at a (checks
 * read+write permission, raises on fault); NULL if the range crosses a
 * page, in which case the caller serialises with mem_rmw_lock. */
void *mem_rmw_ptr(struct cpu *cpu, gaddr a, size_t n);
extern pthread_mutex_t mem_rmw_lock;
/* Copies up to n code bytes at a into buf, stopping at the first byte
 * that is unmapped or not executable.  Returns how many were copied. */
int mem_fetch(struct cpu *cpu, gaddr a, uint8_t *buf, int n);
/* Empties the thread's TLB (also done when cpu->tlb_gen is stale). */
void mem_tlb_flush(struct cpu *cpu);
/* Re-validates the TLB against the mm generation; call at block entry. */
void mem_tlb_check(struct cpu *cpu);

static inline uint8_t *mem_tlb_hit(struct tlb_entry *tlb, gaddr a, size_t n)
{
	struct tlb_entry *e = &tlb[(a >> GUEST_PAGE_SHIFT) & (TLB_SIZE - 1)];

	if (likely(e->page == (a & GUEST_PAGE_MASK) &&
		   (a & (GUEST_PAGE_SIZE - 1)) + n <= GUEST_PAGE_SIZE))
		return e->host + (a & (GUEST_PAGE_SIZE - 1));
	return NULL;
}

#define MEM_LD(bits, type)                                                     \
	static inline type mem_ld##bits(struct cpu *cpu, gaddr a)              \
	{                                                                      \
		type v;                                                        \
		uint8_t *p = mem_tlb_hit(cpu->tlb_r, a, sizeof(v));            \
		if (likely(p != NULL))                                         \
			memcpy(&v, p, sizeof(v));                              \
		else                                                           \
			mem_ld_slow(cpu, a, &v, sizeof(v));                    \
		return v;                                                      \
	}                                                                      \
	static inline void mem_st##bits(struct cpu *cpu, gaddr a, type v)      \
	{                                                                      \
		uint8_t *p = mem_tlb_hit(cpu->tlb_w, a, sizeof(v));            \
		if (likely(p != NULL))                                         \
			memcpy(p, &v, sizeof(v));                              \
		else                                                           \
			mem_st_slow(cpu, a, &v, sizeof(v));                    \
	}
MEM_LD(8, uint8_t)
MEM_LD(16, uint16_t)
MEM_LD(32, uint32_t)
MEM_LD(64, uint64_t)
#undef MEM_LD

/* n-byte loads/stores (16 for XMM, 10 for x87, 512 for FXSAVE, ...). */
static inline void mem_ldn(struct cpu *cpu, gaddr a, void *dst, size_t n)
{
	uint8_t *p = mem_tlb_hit(cpu->tlb_r, a, n);

	if (likely(p != NULL))
		memcpy(dst, p, n);
	else
		mem_ld_slow(cpu, a, dst, n);
}

static inline void mem_stn(struct cpu *cpu, gaddr a, const void *src, size_t n)
{
	uint8_t *p = mem_tlb_hit(cpu->tlb_w, a, n);

	if (likely(p != NULL))
		memcpy(p, src, n);
	else
		mem_st_slow(cpu, a, src, n);
}

#endif
