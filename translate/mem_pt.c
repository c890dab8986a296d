/*
 * Host pages and the page table of guest address spaces (translate
 * layer): a 4-level radix tree from guest page to refcounted host page,
 * filled on first touch, and mm_page_get, which resolves one guest page
 * for an access (permission check against the VMA, lazy allocation,
 * copy-on-write break).
 *
 * Also the refcounted backings of private file mappings (translate.h)
 * and the refill of their pages after madvise(MADV_DONTNEED).
 *
 * Callers: mem.c (map/unmap/remap/dontneed/clone), memaccess.c (TLB
 * misses, copy-in/copy-out).  All with mm->lock held, except the
 * backing refcount calls.
 */
#include <stdlib.h>
#include <string.h>

#include "mm_internal.h"

/* ---- host pages and the page table -------------------------------------- */

struct hpage *hpage_alloc(void)
{
	void *p;

	if (posix_memalign(&p, 16, sizeof(struct hpage)) != 0)
		return NULL;
	struct hpage *pg = p;
	memset(pg->data, 0, sizeof(pg->data));
	pg->refs = 1;
	return pg;
}

void hpage_put(struct hpage *pg)
{
	if (__atomic_sub_fetch(&pg->refs, 1, __ATOMIC_ACQ_REL) == 0)
		free(pg);
}

static unsigned pt_shift(int level)
{
	return GUEST_PAGE_SHIFT + PT_BITS * (PT_LEVELS - 1 - level);
}

struct hpage **mm_pt_slot(struct mm *mm, gaddr addr, bool create)
{
	struct pt_node *n = mm->root;

	for (int level = 0; level < PT_LEVELS - 1; level++) {
		void **s = &n->slot[(addr >> pt_shift(level)) & (PT_SLOTS - 1)];
		if (!*s) {
			if (!create)
				return NULL;
			*s = calloc(1, sizeof(struct pt_node));
			if (!*s)
				return NULL;
		}
		n = *s;
	}
	return (struct hpage **)&n
		->slot[(addr >> GUEST_PAGE_SHIFT) & (PT_SLOTS - 1)];
}

/* Calls fn on every populated leaf slot in [start, end), skipping empty
 * subtrees so that huge sparse ranges cost what is populated. */
static void pt_walk(struct mm *mm, struct pt_node *n, int level, gaddr base,
		    gaddr start, gaddr end, pt_fn *fn, void *ctx)
{
	gaddr span = 1ull << pt_shift(level);
	gaddr lo = MAX(start, base), hi = MIN(end, base + span * PT_SLOTS);

	if (lo >= hi)
		return;
	for (size_t i = (lo - base) / span; i <= (hi - 1 - base) / span; i++) {
		if (!n->slot[i])
			continue;
		gaddr b = base + i * span;
		if (level == PT_LEVELS - 1)
			fn(mm, b, (struct hpage **)&n->slot[i], ctx);
		else
			pt_walk(mm, n->slot[i], level + 1, b, start, end, fn,
				ctx);
	}
}

void pt_for_range(struct mm *mm, gaddr start, gaddr end, pt_fn *fn, void *ctx)
{
	pt_walk(mm, mm->root, 0, 0, start, end, fn, ctx);
}

void pt_drop_page(struct mm *mm, gaddr addr, struct hpage **slot, void *ctx)
{
	hpage_put(*slot);
	*slot = NULL;
}

void pt_free_nodes(struct pt_node *n, int level)
{
	if (level < PT_LEVELS - 1)
		for (size_t i = 0; i < PT_SLOTS; i++)
			if (n->slot[i])
				pt_free_nodes(n->slot[i], level + 1);
	free(n);
}

/* ---- backings of private file mappings ---------------------------------- */

struct mm_backing *mm_backing_new(const struct mm_backing_ops *ops, void *ctx)
{
	struct mm_backing *b = malloc(sizeof(*b));

	if (!b)
		return NULL;
	b->ops = ops;
	b->ctx = ctx;
	b->refs = 1;
	return b;
}

struct mm_backing *mm_backing_get(struct mm_backing *b)
{
	if (b)
		__atomic_add_fetch(&b->refs, 1, __ATOMIC_ACQ_REL);
	return b;
}

void mm_backing_put(struct mm_backing *b)
{
	if (!b || __atomic_sub_fetch(&b->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (b->ops->release)
		b->ops->release(b->ctx);
	free(b);
}

int mm_backing_refill(struct mm *mm, const struct vma *v, gaddr start,
		      gaddr end)
{
	for (gaddr a = start; a < end; a += GUEST_PAGE_SIZE) {
		struct hpage **slot = mm_pt_slot(mm, a, true);
		if (!slot)
			return -LINUX_ENOMEM;
		if (*slot) /* mm_dontneed emptied the range: not expected */
			hpage_put(*slot);
		*slot = hpage_alloc();
		if (!*slot)
			return -LINUX_ENOMEM;
		int r = v->backing->ops->fill(v->backing->ctx,
					      v->offset + (a - v->start),
					      (*slot)->data);
		if (r < 0)
			return r;
	}
	return 0;
}

int mm_page_get(struct mm *mm, gaddr addr, unsigned need, uint8_t **host,
		unsigned *prot)
{
	struct vma *v = mm_vma_lookup(mm, addr);

	if (!v)
		return LINUX_SEGV_MAPERR;
	if (need & ~mm_effective_prot(v->prot) & MEM_PROT_MASK)
		return LINUX_SEGV_ACCERR;
	struct hpage **slot = mm_pt_slot(mm, addr, true);
	if (!slot)
		return -LINUX_ENOMEM;
	if (!*slot) {
		*slot = hpage_alloc();
		if (!*slot)
			return -LINUX_ENOMEM;
	} else if ((need & (MEM_WRITE | MM_NEED_COW)) &&
		   !(v->flags & MM_SHARED) &&
		   __atomic_load_n(&(*slot)->refs, __ATOMIC_ACQUIRE) > 1) {
		/* Copy-on-write break of a page shared since mm_clone. */
		struct hpage *copy = hpage_alloc();
		if (!copy)
			return -LINUX_ENOMEM;
		memcpy(copy->data, (*slot)->data, GUEST_PAGE_SIZE);
		hpage_put(*slot);
		*slot = copy;
		/* Other threads may still read the old page through their
		 * TLBs. */
		mm_bump_gen(mm);
	}
	*host = (*slot)->data;
	*prot = v->prot;
	return 0;
}
