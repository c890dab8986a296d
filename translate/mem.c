/*
 * Guest address spaces (translate layer): the sorted VMA array (see
 * mm_internal.h; the page table of host pages is mem_pt.c) and the
 * operations the memory syscalls map onto: mm_map, mm_unmap, mm_protect,
 * mm_remap, mm_dontneed, mm_brk, and mm_clone for fork.  Semantics follow
 * Linux (man 2 mmap, munmap, mprotect, mremap, madvise, brk); address
 * choice is deterministic (no randomisation): top-down below a mmap base
 * under the stack gap.
 *
 * Callers: syscalls/ (memory syscalls), frontend/ (ELF loader), fs/
 * (/proc/self/maps via mm_foreach); memaccess.c for TLB misses.
 * Locking: mm->lock guards everything here.  Whenever pages lose
 * permission or go away, mm->gen is bumped so that every thread's TLB is
 * refilled (mem_tlb_check), and translated code is dropped through
 * cpu_invalidate_code after the lock is released.
 */
#include <stdlib.h>
#include <string.h>

#include "mm_internal.h"

/* Linux's TASK_SIZE minus the 128 MiB minimum stack gap (mmap_base()). */
#define MM_MMAP_BASE	       (0x7ffffffff000ull - 0x8000000ull)
#define MM_STACK_LIMIT_DEFAULT (8ull << 20)

static void *xmalloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		wax_panic("out of host memory (%zu bytes)", n);
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* ---- the VMA array ------------------------------------------------------- */

/* Index of the first vma ending above addr (nvma when none). */
static size_t vma_lower_bound(struct mm *mm, gaddr addr)
{
	size_t lo = 0, hi = mm->nvma;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (mm->vmas[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct vma *vma_find(struct mm *mm, gaddr addr)
{
	size_t i = vma_lower_bound(mm, addr);

	if (i < mm->nvma && mm->vmas[i].start <= addr)
		return &mm->vmas[i];
	return NULL;
}

/* True when nothing is mapped in [start, end). */
static bool vma_range_free(struct mm *mm, gaddr start, gaddr end)
{
	size_t i = vma_lower_bound(mm, start);

	return i == mm->nvma || mm->vmas[i].start >= end;
}

static void vma_reserve(struct mm *mm, size_t more)
{
	if (mm->nvma + more <= mm->cap)
		return;
	size_t cap = MAX(mm->cap * 2, mm->nvma + more + 16);
	struct vma *v = realloc(mm->vmas, cap * sizeof(*v));
	if (!v)
		wax_panic("out of host memory (vma array)");
	mm->vmas = v;
	mm->cap = cap;
}

/* Inserts v (no overlap allowed) at its sorted position; takes v.name. */
static void vma_insert(struct mm *mm, struct vma v)
{
	vma_reserve(mm, 1);
	size_t i = vma_lower_bound(mm, v.start);
	memmove(&mm->vmas[i + 1], &mm->vmas[i],
		(mm->nvma - i) * sizeof(struct vma));
	mm->vmas[i] = v;
	mm->nvma++;
}

static bool vma_is_anon(const struct vma *v)
{
	return v->ino == 0 && v->dev == 0 && !v->backing;
}

/* Splits the vma containing at (if at is strictly inside one). */
static void vma_split_at(struct mm *mm, gaddr at)
{
	size_t i = vma_lower_bound(mm, at);

	if (i == mm->nvma || mm->vmas[i].start >= at)
		return;
	vma_reserve(mm, 1);
	struct vma *v = &mm->vmas[i];
	memmove(v + 1, v, (mm->nvma - i) * sizeof(struct vma));
	mm->nvma++;
	v[0].end = at;
	v[1].start = at;
	if (!vma_is_anon(&v[1])) /* anonymous memory shows offset 0 */
		v[1].offset += at - v[0].start;
	v[1].name = xstrdup(v[0].name);
	mm_backing_get(v[1].backing);
}

static bool vma_mergeable(const struct vma *a, const struct vma *b)
{
	if (a->end != b->start || a->prot != b->prot || a->flags != b->flags ||
	    a->dev != b->dev || a->ino != b->ino ||
	    strcmp(a->name, b->name) != 0 || (a->flags & MM_SHARED))
		return false;
	return vma_is_anon(a) || a->offset + (a->end - a->start) == b->offset;
}

/* Merges the neighbours around [start, end) that Linux would show as one
 * line in maps. */
static void vma_merge_near(struct mm *mm, gaddr start, gaddr end)
{
	size_t i = vma_lower_bound(mm, start);

	if (i > 0)
		i--;
	while (i + 1 < mm->nvma && mm->vmas[i].start <= end) {
		struct vma *v = &mm->vmas[i];
		if (!vma_mergeable(v, v + 1)) {
			i++;
			continue;
		}
		v->end = v[1].end;
		free(v[1].name);
		/* Same name, file and contiguous offsets: either backing
		 * reads the same bytes.  Keep one. */
		if (v->backing)
			mm_backing_put(v[1].backing);
		else
			v->backing = v[1].backing;
		memmove(v + 1, v + 2, (mm->nvma - i - 2) * sizeof(struct vma));
		mm->nvma--;
	}
}

/* Removes every mapping in [start, end) and frees its pages.  Returns
 * true when anything was mapped there. */
static bool vma_remove_range(struct mm *mm, gaddr start, gaddr end)
{
	vma_split_at(mm, start);
	vma_split_at(mm, end);
	size_t i = vma_lower_bound(mm, start), j = i;
	for (; j < mm->nvma && mm->vmas[j].start < end; j++) {
		free(mm->vmas[j].name);
		mm_backing_put(mm->vmas[j].backing);
	}
	if (j == i)
		return false;
	memmove(&mm->vmas[i], &mm->vmas[j],
		(mm->nvma - j) * sizeof(struct vma));
	mm->nvma -= j - i;
	pt_for_range(mm, start, end, pt_drop_page, NULL);
	return true;
}

/* ---- lookups for memaccess.c --------------------------------------------- */

struct vma *mm_vma_lookup(struct mm *mm, gaddr addr)
{
	struct vma *v = vma_find(mm, addr);

	if (v || !mm_user_addr(addr))
		return v;
	/* A fault just below a stack grows it (Linux expand_stack). */
	size_t i = vma_lower_bound(mm, addr);
	if (i == mm->nvma || !(mm->vmas[i].flags & MM_GROWSDOWN))
		return NULL;
	v = &mm->vmas[i];
	gaddr page = addr & GUEST_PAGE_MASK;
	if (v->end - page > mm->stack_limit)
		return NULL;
	if (i > 0 && mm->vmas[i - 1].end > page)
		return NULL;
	v->start = page;
	return v;
}

int mm_range_check(struct mm *mm, gaddr addr, uint64_t n, unsigned need)
{
	gaddr end = addr + n;
	struct vma *v = mm_vma_lookup(mm, addr);

	if (!v)
		return -LINUX_EFAULT;
	size_t i = v - mm->vmas;
	for (;;) {
		v = &mm->vmas[i];
		if (need & ~mm_effective_prot(v->prot))
			return -LINUX_EFAULT;
		if (v->end >= end)
			return 0;
		if (++i == mm->nvma || mm->vmas[i].start != v->end)
			return -LINUX_EFAULT;
	}
}

/* ---- life cycle ---------------------------------------------------------- */

struct mm *mm_create(void)
{
	struct mm *mm = calloc(1, sizeof(*mm));

	if (!mm)
		return NULL;
	mm->root = calloc(1, sizeof(struct pt_node));
	if (!mm->root) {
		free(mm);
		return NULL;
	}
	pthread_mutex_init(&mm->lock, NULL);
	/* Starts at 1 so that a zeroed cpu (tlb_gen 0) flushes its TLB at the
	 * first mem_tlb_check. */
	mm->gen = 1;
	mm->mmap_base = MM_MMAP_BASE;
	mm->stack_limit = MM_STACK_LIMIT_DEFAULT;
	return mm;
}

void mm_destroy(struct mm *mm)
{
	if (!mm)
		return;
	code_cache_destroy(mm);
	pt_for_range(mm, 0, MM_USER_TOP, pt_drop_page, NULL);
	pt_free_nodes(mm->root, 0);
	for (size_t i = 0; i < mm->nvma; i++) {
		free(mm->vmas[i].name);
		mm_backing_put(mm->vmas[i].backing);
	}
	free(mm->vmas);
	pthread_mutex_destroy(&mm->lock);
	free(mm);
}

void **mm_code_cache(struct mm *mm)
{
	return &mm->code_cache;
}

void mm_set_stack_rlimit(struct mm *mm, uint64_t limit)
{
	pthread_mutex_lock(&mm->lock);
	mm->stack_limit = limit;
	pthread_mutex_unlock(&mm->lock);
}

struct clone_ctx {
	struct mm *dst;
	bool failed;
};

static void pt_share_page(struct mm *mm, gaddr addr, struct hpage **slot,
			  void *ctx)
{
	struct clone_ctx *c = ctx;
	struct hpage **d = mm_pt_slot(c->dst, addr, true);

	if (!d) {
		c->failed = true;
		return;
	}
	__atomic_add_fetch(&(*slot)->refs, 1, __ATOMIC_ACQ_REL);
	*d = *slot;
}

/* Gives every page of a shared mapping a host page, so that parent and
 * child share it instead of each allocating its own on first touch. */
static bool populate_shared(struct mm *mm, const struct vma *v)
{
	for (gaddr a = v->start; a < v->end; a += GUEST_PAGE_SIZE) {
		struct hpage **slot = mm_pt_slot(mm, a, true);
		if (!slot)
			return false;
		if (!*slot && !(*slot = hpage_alloc()))
			return false;
	}
	return true;
}

struct mm *mm_clone(struct mm *mm)
{
	struct mm *n = mm_create();
	struct clone_ctx c = {.dst = n};

	if (!n)
		return NULL;
	pthread_mutex_lock(&mm->lock);
	vma_reserve(n, mm->nvma);
	for (size_t i = 0; i < mm->nvma; i++) {
		n->vmas[i] = mm->vmas[i];
		n->vmas[i].name = xstrdup(mm->vmas[i].name);
		mm_backing_get(n->vmas[i].backing);
		if ((mm->vmas[i].flags & MM_SHARED) &&
		    !populate_shared(mm, &mm->vmas[i]))
			c.failed = true;
	}
	n->nvma = mm->nvma;
	pt_for_range(mm, 0, MM_USER_TOP, pt_share_page, &c);
	n->mmap_base = mm->mmap_base;
	n->brk_start = mm->brk_start;
	n->brk = mm->brk;
	n->stack_limit = mm->stack_limit;
	/* The parent's TLBs may hold write entries for now-shared pages. */
	mm_bump_gen(mm);
	pthread_mutex_unlock(&mm->lock);
	if (c.failed) {
		mm_destroy(n);
		return NULL;
	}
	return n;
}

/* ---- mmap ---------------------------------------------------------------- */

/* Highest free range of len bytes below the mmap base (Linux's top-down
 * vm_unmapped_area), or 0 when none. */
static gaddr mm_find_free(struct mm *mm, uint64_t len)
{
	for (size_t i = mm->nvma + 1; i-- > 0;) {
		gaddr lo = i > 0 ? mm->vmas[i - 1].end : 0;
		gaddr hi = i < mm->nvma ? mm->vmas[i].start : MM_USER_TOP;
		lo = MAX(lo, MM_MIN_ADDR);
		hi = MIN(hi, mm->mmap_base);
		if (hi > lo && hi - lo >= len)
			return hi - len;
	}
	return 0;
}

/* Picks the address for a non-fixed mapping: the hint when it is free
 * (rounded up to a page like Linux), else top-down.  0 when full. */
static gaddr mm_pick(struct mm *mm, gaddr hint, uint64_t len)
{
	if (hint) {
		hint = PAGE_ALIGN_UP(hint);
		if (hint >= MM_MIN_ADDR && hint <= MM_USER_TOP - len &&
		    vma_range_free(mm, hint, hint + len))
			return hint;
	}
	return mm_find_free(mm, len);
}

int64_t mm_map(struct mm *mm, gaddr addr, uint64_t len, unsigned prot,
	       unsigned flags)
{
	bool fixed = flags & (MM_FIXED | MM_FIXED_NOREPLACE);
	bool replaced = false;

	if (len == 0)
		return -LINUX_EINVAL;
	if (len > MM_USER_TOP)
		return -LINUX_ENOMEM;
	len = PAGE_ALIGN_UP(len);
	if (fixed) {
		if (addr & (GUEST_PAGE_SIZE - 1))
			return -LINUX_EINVAL;
		if (addr > MM_USER_TOP - len)
			return -LINUX_ENOMEM;
		if (addr < MM_MIN_ADDR)
			return -LINUX_EPERM;
	}

	pthread_mutex_lock(&mm->lock);
	if (flags & MM_FIXED_NOREPLACE) {
		if (!vma_range_free(mm, addr, addr + len)) {
			pthread_mutex_unlock(&mm->lock);
			return -LINUX_EEXIST;
		}
	} else if (flags & MM_FIXED) {
		replaced = vma_remove_range(mm, addr, addr + len);
	} else {
		addr = mm_pick(mm, addr, len);
		if (!addr) {
			pthread_mutex_unlock(&mm->lock);
			return -LINUX_ENOMEM;
		}
	}
	struct vma v = {
		.start = addr,
		.end = addr + len,
		.prot = prot & (MEM_READ | MEM_WRITE | MEM_EXEC),
		.flags = flags & (MM_GROWSDOWN | MM_SHARED | MM_STACK),
		.name = xstrdup(flags & MM_STACK ? "[stack]" : ""),
	};
	vma_insert(mm, v);
	vma_merge_near(mm, addr, addr + len);
	if (replaced)
		mm_bump_gen(mm);
	pthread_mutex_unlock(&mm->lock);
	if (replaced)
		cpu_invalidate_code(mm, addr, len);
	return (int64_t)addr;
}

void mm_set_name(struct mm *mm, gaddr addr, uint64_t len, const char *name,
		 uint64_t offset, uint64_t dev, uint64_t ino)
{
	if (len == 0 || addr >= MM_USER_TOP)
		return;
	gaddr end = PAGE_ALIGN_UP(MIN(addr + len, MM_USER_TOP));
	addr &= GUEST_PAGE_MASK;

	pthread_mutex_lock(&mm->lock);
	vma_split_at(mm, addr);
	vma_split_at(mm, end);
	for (size_t i = vma_lower_bound(mm, addr);
	     i < mm->nvma && mm->vmas[i].start < end; i++) {
		struct vma *v = &mm->vmas[i];
		free(v->name);
		v->name = xstrdup(name ? name : "");
		v->offset = offset + (v->start - addr);
		v->dev = dev;
		v->ino = ino;
	}
	vma_merge_near(mm, addr, end);
	pthread_mutex_unlock(&mm->lock);
}

void mm_set_backing(struct mm *mm, gaddr addr, uint64_t len,
		    struct mm_backing *b)
{
	if (len == 0 || addr >= MM_USER_TOP)
		return;
	gaddr end = PAGE_ALIGN_UP(MIN(addr + len, MM_USER_TOP));
	addr &= GUEST_PAGE_MASK;

	pthread_mutex_lock(&mm->lock);
	vma_split_at(mm, addr);
	vma_split_at(mm, end);
	for (size_t i = vma_lower_bound(mm, addr);
	     i < mm->nvma && mm->vmas[i].start < end; i++) {
		struct vma *v = &mm->vmas[i];
		mm_backing_put(v->backing);
		v->backing = mm_backing_get(b);
	}
	vma_merge_near(mm, addr, end);
	pthread_mutex_unlock(&mm->lock);
}

int mm_unmap(struct mm *mm, gaddr addr, uint64_t len)
{
	if ((addr & (GUEST_PAGE_SIZE - 1)) || len == 0 || addr > MM_USER_TOP ||
	    len > MM_USER_TOP - addr)
		return -LINUX_EINVAL;
	len = PAGE_ALIGN_UP(len);
	if (len > MM_USER_TOP - addr)
		return -LINUX_EINVAL;

	pthread_mutex_lock(&mm->lock);
	bool removed = vma_remove_range(mm, addr, addr + len);
	if (removed)
		mm_bump_gen(mm);
	pthread_mutex_unlock(&mm->lock);
	if (removed)
		cpu_invalidate_code(mm, addr, len);
	return 0;
}

/* Validates an (addr, len) pair of mprotect/madvise: 0 and *end set, or
 * the Linux error (len 0 gives *end == addr). */
static int mm_check_range(gaddr addr, uint64_t len, gaddr *end)
{
	if (addr & (GUEST_PAGE_SIZE - 1))
		return -LINUX_EINVAL;
	if (len > MM_USER_TOP)
		return -LINUX_ENOMEM;
	len = PAGE_ALIGN_UP(len);
	if (addr > MM_USER_TOP || len > MM_USER_TOP - addr)
		return -LINUX_ENOMEM;
	*end = addr + len;
	return 0;
}

/* True when every page of [start, end) is mapped. */
static bool vma_range_full(struct mm *mm, gaddr start, gaddr end)
{
	size_t i = vma_lower_bound(mm, start);
	gaddr at = start;

	for (; at < end && i < mm->nvma; i++) {
		if (mm->vmas[i].start > at)
			return false;
		at = mm->vmas[i].end;
	}
	return at >= end;
}

bool mm_range_mapped(struct mm *mm, gaddr addr, uint64_t len)
{
	gaddr end;

	if (len == 0 || mm_check_range(addr & GUEST_PAGE_MASK, len, &end))
		return false;
	pthread_mutex_lock(&mm->lock);
	bool full = vma_range_full(mm, addr & GUEST_PAGE_MASK, end);
	pthread_mutex_unlock(&mm->lock);
	return full;
}

int mm_protect(struct mm *mm, gaddr addr, uint64_t len, unsigned prot)
{
	gaddr end;
	int err = mm_check_range(addr, len, &end);

	if (err)
		return err;
	if (prot & ~(MEM_READ | MEM_WRITE | MEM_EXEC))
		return -LINUX_EINVAL;
	if (end == addr)
		return 0;

	pthread_mutex_lock(&mm->lock);
	if (!vma_range_full(mm, addr, end)) {
		pthread_mutex_unlock(&mm->lock);
		return -LINUX_ENOMEM;
	}
	vma_split_at(mm, addr);
	vma_split_at(mm, end);
	for (size_t i = vma_lower_bound(mm, addr);
	     i < mm->nvma && mm->vmas[i].start < end; i++)
		mm->vmas[i].prot = prot;
	vma_merge_near(mm, addr, end);
	mm_bump_gen(mm);
	pthread_mutex_unlock(&mm->lock);
	cpu_invalidate_code(mm, addr, end - addr);
	return 0;
}

int mm_dontneed(struct mm *mm, gaddr addr, uint64_t len)
{
	gaddr end;
	int err = mm_check_range(addr, len, &end);

	if (err)
		return err == -LINUX_ENOMEM ? -LINUX_EINVAL : err;
	if (end == addr)
		return 0;

	pthread_mutex_lock(&mm->lock);
	bool full = vma_range_full(mm, addr, end);
	for (size_t i = vma_lower_bound(mm, addr);
	     i < mm->nvma && mm->vmas[i].start < end; i++) {
		struct vma *v = &mm->vmas[i];
		gaddr lo = MAX(v->start, addr), hi = MIN(v->end, end);
		if (v->flags & MM_SHARED)
			continue; /* shared memory keeps its contents */
		pt_for_range(mm, lo, hi, pt_drop_page, NULL);
		/* A private file mapping reads the file again.  Refilled now
		 * rather than on first touch: the content is the same. */
		if (v->backing && !err)
			err = mm_backing_refill(mm, v, lo, hi);
	}
	mm_bump_gen(mm);
	pthread_mutex_unlock(&mm->lock);
	cpu_invalidate_code(mm, addr, end - addr);
	if (err)
		return err;
	return full ? 0 : -LINUX_ENOMEM;
}

/* ---- mremap -------------------------------------------------------------- */

struct move_ctx {
	gaddr from, to;
	bool failed;
};

static void pt_move_page(struct mm *mm, gaddr addr, struct hpage **slot,
			 void *ctx)
{
	struct move_ctx *m = ctx;
	struct hpage **dst = mm_pt_slot(mm, addr - m->from + m->to, true);

	if (!dst) {
		m->failed = true;
		return;
	}
	*dst = *slot;
	*slot = NULL;
}

/*
 * Moves the pages of [old, old+old_len) (inside the vma at index i) to
 * new, where [new, new+new_len) is free, and maps the result there.
 */
static int mm_move(struct mm *mm, size_t i, gaddr old, uint64_t old_len,
		   gaddr new, uint64_t new_len)
{
	struct vma v = mm->vmas[i];
	struct move_ctx m = {.from = old, .to = new};

	v.name = xstrdup(v.name);
	mm_backing_get(v.backing); /* vma_remove_range puts the old one */
	if (!vma_is_anon(&v))
		v.offset += old - v.start;
	v.start = new;
	v.end = new + new_len;
	pt_for_range(mm, old, old + old_len, pt_move_page, &m);
	if (m.failed)
		wax_panic("out of host memory (page table)");
	vma_remove_range(mm, old, old + old_len);
	vma_insert(mm, v);
	vma_merge_near(mm, new, new + new_len);
	return 0;
}

int64_t mm_remap(struct mm *mm, gaddr old, uint64_t old_len, uint64_t new_len,
		 unsigned flags, gaddr new_addr)
{
	const unsigned maymove = 1, fixed = 2;
	int64_t ret;

	if ((flags & ~(maymove | fixed)) || (old & (GUEST_PAGE_SIZE - 1)))
		return -LINUX_EINVAL;
	if ((flags & fixed) && !(flags & maymove))
		return -LINUX_EINVAL;
	old_len = PAGE_ALIGN_UP(old_len); /* a huge one wraps to 0 */
	new_len = PAGE_ALIGN_UP(new_len);
	/* old_len 0 is Linux's special case for shared memory only. */
	if (new_len == 0 || old_len == 0 || new_len > MM_USER_TOP)
		return -LINUX_EINVAL;
	if (old_len > MM_USER_TOP)
		return -LINUX_EFAULT; /* cannot lie in one mapping */
	if (old > MM_USER_TOP - old_len)
		return -LINUX_EFAULT;
	if (flags & fixed) {
		if ((new_addr & (GUEST_PAGE_SIZE - 1)) ||
		    new_addr > MM_USER_TOP - new_len)
			return -LINUX_EINVAL;
		if (new_addr < old + old_len && old < new_addr + new_len)
			return -LINUX_EINVAL;
	}

	pthread_mutex_lock(&mm->lock);
	size_t i = vma_lower_bound(mm, old);
	if (i == mm->nvma || mm->vmas[i].start > old ||
	    mm->vmas[i].end < old + old_len) {
		ret = -LINUX_EFAULT;
		goto out_unlock;
	}
	if (flags & fixed) {
		if (new_addr < MM_MIN_ADDR) {
			ret = -LINUX_EPERM;
			goto out_unlock;
		}
		vma_remove_range(mm, new_addr, new_addr + new_len);
		if (old_len > new_len) {
			vma_remove_range(mm, old + new_len, old + old_len);
			old_len = new_len;
		}
		i = vma_lower_bound(mm, old);
		ret = mm_move(mm, i, old, old_len, new_addr, new_len);
		ret = ret ? ret : (int64_t)new_addr;
		goto out_bump;
	}
	if (new_len <= old_len) {
		vma_remove_range(mm, old + new_len, old + old_len);
		ret = (int64_t)old;
		goto out_bump;
	}
	struct vma *v = &mm->vmas[i];
	if (v->end == old + old_len && old + new_len <= MM_USER_TOP &&
	    vma_range_free(mm, v->end, old + new_len)) {
		v->end = old + new_len; /* grow in place */
		vma_merge_near(mm, old, old + new_len);
		ret = (int64_t)old;
		goto out_unlock;
	}
	if (!(flags & maymove)) {
		ret = -LINUX_ENOMEM;
		goto out_unlock;
	}
	gaddr to = mm_find_free(mm, new_len);
	if (!to) {
		ret = -LINUX_ENOMEM;
		goto out_unlock;
	}
	ret = mm_move(mm, i, old, old_len, to, new_len);
	ret = ret ? ret : (int64_t)to;
out_bump:
	mm_bump_gen(mm);
	pthread_mutex_unlock(&mm->lock);
	cpu_invalidate_code(mm, old, old_len);
	if ((flags & fixed) && ret >= 0)
		cpu_invalidate_code(mm, new_addr, new_len);
	return ret;
out_unlock:
	pthread_mutex_unlock(&mm->lock);
	return ret;
}

/* ---- brk ----------------------------------------------------------------- */

void mm_set_brk_start(struct mm *mm, gaddr start)
{
	pthread_mutex_lock(&mm->lock);
	mm->brk_start = mm->brk = start;
	pthread_mutex_unlock(&mm->lock);
}

gaddr mm_brk(struct mm *mm, gaddr new_brk)
{
	bool shrunk = false;
	gaddr old_end = 0, new_end = 0;

	pthread_mutex_lock(&mm->lock);
	gaddr cur = mm->brk;
	if (!mm->brk_start || new_brk < mm->brk_start || new_brk > MM_USER_TOP)
		goto out; /* no image loaded yet, or out of range */
	old_end = PAGE_ALIGN_UP(cur);
	new_end = PAGE_ALIGN_UP(new_brk);
	if (new_end < old_end) {
		vma_remove_range(mm, new_end, old_end);
		mm_bump_gen(mm);
		shrunk = true;
	} else if (new_end > old_end) {
		if (!vma_range_free(mm, old_end, new_end))
			goto out;
		struct vma v = {
			.start = old_end,
			.end = new_end,
			.prot = MEM_READ | MEM_WRITE,
			.name = xstrdup("[heap]"),
		};
		vma_insert(mm, v);
		vma_merge_near(mm, old_end, new_end);
	}
	mm->brk = cur = new_brk;
out:
	pthread_mutex_unlock(&mm->lock);
	if (shrunk)
		cpu_invalidate_code(mm, new_end, old_end - new_end);
	return cur;
}

/* ---- /proc/self/maps ----------------------------------------------------- */

int mm_foreach(struct mm *mm, int (*fn)(void *ctx, const struct vma_info *),
	       void *ctx)
{
	/* Snapshot first, so fn may call back into mm (copy-in/out). */
	pthread_mutex_lock(&mm->lock);
	size_t n = mm->nvma;
	struct vma_info *snap = xmalloc((n ? n : 1) * sizeof(*snap));
	for (size_t i = 0; i < n; i++) {
		const struct vma *v = &mm->vmas[i];
		snap[i] = (struct vma_info){
			.start = v->start,
			.end = v->end,
			.prot = v->prot,
			.flags = v->flags,
			.offset = v->offset,
			.dev = v->dev,
			.ino = v->ino,
			.name = xstrdup(v->name),
		};
	}
	pthread_mutex_unlock(&mm->lock);

	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++)
		ret = fn(ctx, &snap[i]);
	for (size_t i = 0; i < n; i++)
		free((char *)snap[i].name);
	free(snap);
	return ret;
}
