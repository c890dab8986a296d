/*
 * Decoded-block cache, one per address space: guest code is decoded once
 * into struct block (a straight-line run of struct insn ending at a control
 * transfer, a syscall, a page end or BLOCK_MAX instructions) and found again
 * by address through, fastest first, the predecessor's link slots, a
 * direct-mapped jump cache and a hash table.
 *
 * Callers: cpu.c (block_next, in the run loop); mem.c (cpu_invalidate_code
 * on unmap/protect/remap, code_cache_destroy from mm_destroy).
 *
 * Locking: the hash table and dead list are under cache->lock; the jump
 * cache and link slots are read and written without it (single pointer
 * loads/stores) and validated by start address and the dead flag.
 * Invalidated blocks are only freed with the cache, so a thread that still
 * runs one never touches freed memory.
 */
#include <stdlib.h>
#include <uthash.h>

#include "interp.h"

#define BLOCK_MAX 64
#define HASH_BITS 14
#define JC_BITS	  12

/* A guest page some cached block covers (so unmaps of data are cheap). */
struct code_page {
	gaddr page;
	UT_hash_handle hh;
};

struct code_cache {
	pthread_mutex_t lock;
	struct block *hash[1u << HASH_BITS];
	struct block *jc[1u << JC_BITS]; /* racy hint: validate before use */
	struct block *dead;		 /* invalidated, freed at destroy */
	struct code_page *pages;	 /* uthash set of pages with code */
};

/* Records that page holds cached code (lock held). */
static void code_page_add(struct code_cache *c, gaddr page)
{
	struct code_page *p;

	HASH_FIND(hh, c->pages, &page, sizeof(page), p);
	if (p)
		return;
	p = malloc(sizeof(*p));
	if (!p)
		wax_panic("out of memory for the code cache");
	p->page = page;
	HASH_ADD(hh, c->pages, page, sizeof(p->page), p);
}

/* Forgets the code pages in [start, end) (lock held); true if any. */
static bool code_pages_drop(struct code_cache *c, gaddr start, gaddr end)
{
	struct code_page *p, *tmp;
	uint64_t npages = (end - start) >> GUEST_PAGE_SHIFT;
	bool hit = false;

	if (npages <= HASH_COUNT(c->pages)) {
		for (gaddr a = start; a < end; a += GUEST_PAGE_SIZE) {
			HASH_FIND(hh, c->pages, &a, sizeof(a), p);
			if (p) {
				HASH_DEL(c->pages, p);
				free(p);
				hit = true;
			}
		}
		return hit;
	}
	HASH_ITER(hh, c->pages, p, tmp)
	{
		if (p->page >= start && p->page < end) {
			HASH_DEL(c->pages, p);
			free(p);
			hit = true;
		}
	}
	return hit;
}

static inline unsigned hash_of(gaddr a)
{
	return (unsigned)((a ^ (a >> HASH_BITS) ^ (a >> 28)) &
			  ((1u << HASH_BITS) - 1));
}

static inline unsigned jc_of(gaddr a)
{
	return (unsigned)((a ^ (a >> JC_BITS)) & ((1u << JC_BITS) - 1));
}

static struct code_cache *cache_get(struct mm *mm)
{
	void **slot = mm_code_cache(mm);
	struct code_cache *c = __atomic_load_n(slot, __ATOMIC_ACQUIRE), *exp;

	if (likely(c))
		return c;
	c = calloc(1, sizeof(*c));
	if (!c)
		wax_panic("out of memory for the code cache");
	pthread_mutex_init(&c->lock, NULL);
	exp = NULL;
	if (!__atomic_compare_exchange_n(slot, (void **)&exp, c, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		pthread_mutex_destroy(&c->lock);
		free(c);
		return exp;
	}
	return c;
}

/* Decodes the block at addr (no lock held: fetches may take mm->lock). */
static struct block *block_decode(struct cpu *cpu, gaddr addr)
{
	struct insn tmp[BLOCK_MAX];
	gaddr pc = addr, page_end = (addr & GUEST_PAGE_MASK) + GUEST_PAGE_SIZE;
	uint32_t n = 0;
	struct block *b;

	for (;;) {
		uint8_t buf[15];
		int got = mem_fetch(cpu, pc, buf, 15);
		int len = decode_insn(&tmp[n], buf, got, MODE_64);

		if (len == DECODE_TRUNCATED) {
			if (n > 0)
				break; /* the next block reports the fault */
			memset(&tmp[0], 0, sizeof(tmp[0]));
			tmp[0].fn = op_fetch_fault;
			tmp[0].imm = pc + (unsigned)got;
			tmp[0].len = 1;
			n = 1;
			pc += 1;
			break;
		}
		if (len == DECODE_TOO_LONG) {
			memset(&tmp[n], 0, sizeof(tmp[n]));
			tmp[n].fn = op_too_long;
			tmp[n].len = 15;
			n++;
			pc += 15;
			break;
		}
		pc += (unsigned)len;
		n++;
		if (decode_ends_block(&tmp[n - 1]) || n == BLOCK_MAX ||
		    pc >= page_end)
			break;
	}
	b = malloc(sizeof(*b) + n * sizeof(struct insn));
	if (!b)
		wax_panic("out of memory for a decoded block");
	memset(b, 0, sizeof(*b));
	b->start = addr;
	b->guest_len = (uint32_t)(pc - addr);
	b->n = n;
	memcpy(b->insns, tmp, n * sizeof(struct insn));
	return b;
}

static struct block *hash_find(struct code_cache *c, gaddr addr)
{
	for (struct block *b = c->hash[hash_of(addr)]; b; b = b->hash_next)
		if (b->start == addr)
			return b;
	return NULL;
}

struct block *block_get(struct cpu *cpu, gaddr addr)
{
	struct code_cache *c = cache_get(cpu->mm);
	unsigned j = jc_of(addr);
	struct block *b = __atomic_load_n(&c->jc[j], __ATOMIC_ACQUIRE), *nb;

	if (likely(b && b->start == addr && !b->dead))
		return b;
	pthread_mutex_lock(&c->lock);
	b = hash_find(c, addr);
	pthread_mutex_unlock(&c->lock);
	if (!b) {
		nb = block_decode(cpu, addr);
		pthread_mutex_lock(&c->lock);
		b = hash_find(c, addr);
		if (b) {
			free(nb); /* another thread decoded it first */
		} else {
			b = nb;
			b->hash_next = c->hash[hash_of(addr)];
			c->hash[hash_of(addr)] = b;
			code_page_add(c, addr & GUEST_PAGE_MASK);
			code_page_add(c, (addr + b->guest_len - 1) &
						 GUEST_PAGE_MASK);
		}
		pthread_mutex_unlock(&c->lock);
	}
	__atomic_store_n(&c->jc[j], b, __ATOMIC_RELEASE);
	return b;
}

struct block *block_next_slow(struct cpu *cpu, struct block *prev, gaddr addr)
{
	struct block *b = block_get(cpu, addr);

	if (prev) {
		__atomic_store_n(&prev->link[prev->link_rr & 1], b,
				 __ATOMIC_RELAXED);
		prev->link_rr ^= 1;
	}
	return b;
}

void cpu_invalidate_code(struct mm *mm, gaddr addr, uint64_t len)
{
	struct code_cache *c =
		__atomic_load_n(mm_code_cache(mm), __ATOMIC_ACQUIRE);
	gaddr end = addr + len;

	if (!c || len == 0)
		return;
	pthread_mutex_lock(&c->lock);
	/* a block may start on the page before the range and run into it */
	if (!code_pages_drop(c, addr & GUEST_PAGE_MASK, PAGE_ALIGN_UP(end)))
		goto out_unlock;
	for (unsigned h = 0; h < (1u << HASH_BITS); h++) {
		struct block **pp = &c->hash[h];

		while (*pp) {
			struct block *b = *pp;

			/* a block may run up to 14 bytes past its page */
			if (b->start < end && b->start + b->guest_len > addr) {
				*pp = b->hash_next;
				__atomic_store_n(&b->dead, 1, __ATOMIC_RELEASE);
				b->dead_next = c->dead;
				c->dead = b;
			} else {
				pp = &b->hash_next;
			}
		}
	}
out_unlock:
	pthread_mutex_unlock(&c->lock);
}

void code_cache_destroy(struct mm *mm)
{
	struct code_cache *c = *mm_code_cache(mm);
	struct block *b, *next;

	if (!c)
		return;
	for (unsigned h = 0; h < (1u << HASH_BITS); h++)
		for (b = c->hash[h]; b; b = next) {
			next = b->hash_next;
			free(b);
		}
	for (b = c->dead; b; b = next) {
		next = b->dead_next;
		free(b);
	}
	code_pages_drop(c, 0, ~(gaddr)0 & GUEST_PAGE_MASK);
	pthread_mutex_destroy(&c->lock);
	free(c);
	*mm_code_cache(mm) = NULL;
}
