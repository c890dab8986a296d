/*
 * Internals of guest memory, shared by mem.c (address space: mappings and
 * page table) and memaccess.c (TLB fills, interpreter loads and stores,
 * copy-in/copy-out).  Nothing outside those two files includes this.
 *
 * Two structures describe an address space:
 *  - the VMA array: sorted, non-overlapping mappings.  It is the authority
 *    for what is mapped and with which protection (so mapping a huge
 *    PROT_NONE reservation costs one entry, not one per page);
 *  - the page table: a 4-level radix tree over the 47-bit user space whose
 *    leaves point at host pages.  Pages are allocated on first touch, so a
 *    slot may be empty inside a mapping (it reads as zero).
 * Host pages are refcounted so that fork can later share them
 * copy-on-write: a write through a page with refs > 1 in a private
 * mapping copies it first (mm_page_get).
 */
#ifndef WAX_MM_INTERNAL_H
#define WAX_MM_INTERNAL_H

#include "translate.h"

/* One host page backing one guest page. */
struct hpage {
	uint8_t data[GUEST_PAGE_SIZE]; /* first: 16-byte aligned (cmpxchg16b) */
	int refs;		       /* page table slots pointing here */
};

/* Radix tree: 8 bits at the top level, then 9 + 9 + 9, then the page. */
#define PT_LEVELS 4
#define PT_BITS	  9
#define PT_SLOTS  (1u << PT_BITS)
struct pt_node {
	void *slot
		[PT_SLOTS]; /* struct pt_node * or, in leaves, struct hpage * */
};

struct vma {
	gaddr start, end;
	unsigned prot;	/* MEM_* */
	unsigned flags; /* MM_GROWSDOWN | MM_SHARED | MM_STACK */
	uint64_t offset, dev, ino;
	char *name; /* malloc'd, never NULL ("" for anonymous) */
	struct mm_backing *backing; /* one reference, or NULL */
};

struct mm_backing {
	const struct mm_backing_ops *ops;
	void *ctx;
	int refs; /* atomic */
};

struct mm {
	pthread_mutex_t lock; /* VMA array, page table, brk */
	struct vma *vmas;     /* sorted by start, non-overlapping */
	size_t nvma, cap;
	struct pt_node *root;
	uint64_t gen; /* bumped when a mapping loses pages or permissions */
	gaddr mmap_base;
	gaddr brk_start, brk;
	uint64_t stack_limit; /* how far a MM_GROWSDOWN vma may grow */
	void *code_cache;     /* owned by block.c */
};

/* Protection the hardware grants for a mapping's prot: on x86 any of
 * write or exec implies read. */
static inline unsigned mm_effective_prot(unsigned prot)
{
	return prot & (MEM_READ | MEM_WRITE | MEM_EXEC) ? prot | MEM_READ : 0;
}

/* True when a is a canonical user address (below MM_USER_TOP). */
static inline bool mm_user_addr(gaddr a)
{
	return a < MM_USER_TOP;
}

#define MEM_PROT_MASK (MEM_READ | MEM_WRITE | MEM_EXEC)
/* mm_page_get: break copy-on-write sharing even without MEM_WRITE
 * (mm_poke writing into read-only text). */
#define MM_NEED_COW 0x100u

static inline void mm_bump_gen(struct mm *mm)
{
	__atomic_add_fetch(&mm->gen, 1, __ATOMIC_RELEASE);
}

/* mem_pt.c, all with mm->lock held. */
/* A zeroed host page with one reference, or NULL. */
struct hpage *hpage_alloc(void);
void hpage_put(struct hpage *pg);
typedef void pt_fn(struct mm *mm, gaddr addr, struct hpage **slot, void *ctx);
/* Calls fn on every populated leaf slot in [start, end), skipping empty
 * subtrees so that huge sparse ranges cost what is populated. */
void pt_for_range(struct mm *mm, gaddr start, gaddr end, pt_fn *fn, void *ctx);
/* pt_fn that releases the page and empties the slot. */
void pt_drop_page(struct mm *mm, gaddr addr, struct hpage **slot, void *ctx);
/* Frees a page table node and its children (not the pages). */
void pt_free_nodes(struct pt_node *n, int level);
/* Takes a reference to b (NULL allowed); returns b. */
struct mm_backing *mm_backing_get(struct mm_backing *b);
/* Refills the private pages of v in [start, end) from its backing (empty
 * slots get a fresh page).  0, or -LINUX_ENOMEM / the fill's error. */
int mm_backing_refill(struct mm *mm, const struct vma *v, gaddr start,
		      gaddr end);

/* mem.c, all with mm->lock held. */
/*
 * Finds the mapping containing addr, growing a MM_GROWSDOWN mapping just
 * above it when addr lies within its stack limit.  NULL when unmapped.
 */
struct vma *mm_vma_lookup(struct mm *mm, gaddr addr);
/* Checks that [addr, addr+n) is mapped with need permission (0: mapped at
 * all).  Returns 0 or -LINUX_EFAULT.  n must be > 0 and the range must lie
 * below MM_USER_TOP. */
int mm_range_check(struct mm *mm, gaddr addr, uint64_t n, unsigned need);

/* mem_pt.c */
/* Leaf slot of the page table for addr, creating inner nodes when create
 * is set.  NULL when absent (or out of host memory with create). */
struct hpage **mm_pt_slot(struct mm *mm, gaddr addr, bool create);
/*
 * Host page backing the guest page at addr, checked for need (MEM_*
 * bits, plus MM_NEED_COW) and allocated when absent.  Breaks copy-on-write
 * sharing for MEM_WRITE or MM_NEED_COW.  Returns 0 with *host (page start)
 * and *prot (the mapping's MEM_* bits), LINUX_SEGV_MAPERR,
 * LINUX_SEGV_ACCERR, or -LINUX_ENOMEM when the host is out of memory.
 */
int mm_page_get(struct mm *mm, gaddr addr, unsigned need, uint8_t **host,
		unsigned *prot);
#endif
