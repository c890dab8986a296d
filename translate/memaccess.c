/*
 * Guest memory access (translate layer): the interpreter's TLB miss paths
 * (mem_ld_slow, mem_st_slow, mem_rmw_ptr, mem_fetch), TLB maintenance, and
 * copy-in/copy-out for the layers above (mm_read, mm_write, mm_poke,
 * mm_fill, mm_read_str).
 *
 * Callers: the interpreter through memaccess.h (TLB hits are inline there
 * and take no lock); syscalls/, fs/ and frontend/ through translate.h.
 * Misses take mm->lock, resolve the page with mm_page_get (mem.c) and fill
 * the thread's TLB; faults are raised with cpu_raise (cpu.c) after the
 * lock is dropped.
 */
#include <string.h>

#include "memaccess.h"
#include "mm_internal.h"

pthread_mutex_t mem_rmw_lock = PTHREAD_MUTEX_INITIALIZER;

#define LINUX_BUS_ADRERR 2

void mem_tlb_flush(struct cpu *cpu)
{
	for (size_t i = 0; i < TLB_SIZE; i++) {
		cpu->tlb_r[i] = (struct tlb_entry){.page = 1};
		cpu->tlb_w[i] = (struct tlb_entry){.page = 1};
	}
}

void mem_tlb_check(struct cpu *cpu)
{
	uint64_t gen = __atomic_load_n(&cpu->mm->gen, __ATOMIC_ACQUIRE);

	if (unlikely(cpu->tlb_gen != gen)) {
		mem_tlb_flush(cpu);
		cpu->tlb_gen = gen;
	}
}

static bool canonical(gaddr a)
{
	return a < MM_USER_TOP || a >= 0xffff800000000000ull;
}

/* Fills the TLB entries for the page at a (mm->lock held). */
static void tlb_fill(struct cpu *cpu, gaddr a, uint8_t *host, unsigned prot)
{
	gaddr page = a & GUEST_PAGE_MASK;
	size_t i = (a >> GUEST_PAGE_SHIFT) & (TLB_SIZE - 1);
	unsigned eff = mm_effective_prot(prot);

	if (eff & MEM_READ)
		cpu->tlb_r[i] = (struct tlb_entry){page, host, prot};
	/* A page still shared copy-on-write must fault on its first write. */
	struct hpage **slot = mm_pt_slot(cpu->mm, a, false);
	if ((eff & MEM_WRITE) && slot && *slot &&
	    __atomic_load_n(&(*slot)->refs, __ATOMIC_ACQUIRE) == 1)
		cpu->tlb_w[i] = (struct tlb_entry){page, host, prot};
}

/*
 * Host address of guest byte a, checked for need (MEM_READ, MEM_WRITE or
 * MEM_EXEC).  With raise, a failure raises the guest fault and does not
 * return; without, it returns NULL.
 */
static uint8_t *mem_translate(struct cpu *cpu, gaddr a, unsigned need,
			      bool raise)
{
	struct mm *mm = cpu->mm;
	uint8_t *host;
	unsigned prot;

	if (!mm_user_addr(a)) {
		if (!raise)
			return NULL;
		if (!canonical(a)) /* #GP: si_addr is 0 */
			cpu_raise(cpu, LINUX_SIGSEGV, LINUX_SI_KERNEL, 0);
		cpu_raise(cpu, LINUX_SIGSEGV, LINUX_SEGV_MAPERR, a);
	}
	pthread_mutex_lock(&mm->lock);
	if (cpu->tlb_gen != mm->gen) {
		mem_tlb_flush(cpu);
		cpu->tlb_gen = mm->gen;
	}
	int r = mm_page_get(mm, a, need, &host, &prot);
	if (r == 0)
		tlb_fill(cpu, a, host, prot);
	pthread_mutex_unlock(&mm->lock);
	if (r == 0)
		return host + (a & (GUEST_PAGE_SIZE - 1));
	if (!raise)
		return NULL;
	if (r < 0) /* host out of memory */
		cpu_raise(cpu, LINUX_SIGBUS, LINUX_BUS_ADRERR, a);
	cpu_raise(cpu, LINUX_SIGSEGV, r, a);
}

void mem_ld_slow(struct cpu *cpu, gaddr a, void *dst, size_t n)
{
	uint8_t *d = dst;

	while (n > 0) {
		size_t chunk =
			MIN(n, GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1)));
		uint8_t *p = mem_tlb_hit(cpu->tlb_r, a, chunk);
		if (!p)
			p = mem_translate(cpu, a, MEM_READ, true);
		memcpy(d, p, chunk);
		d += chunk;
		a += chunk;
		n -= chunk;
	}
}

void mem_st_slow(struct cpu *cpu, gaddr a, const void *src, size_t n)
{
	const uint8_t *s = src;

	/* An instruction either completes or faults: check every page it
	 * touches before storing anything. */
	gaddr first = a & GUEST_PAGE_MASK, last = (a + n - 1) & GUEST_PAGE_MASK;
	for (gaddr p = first;; p += GUEST_PAGE_SIZE) {
		if (!mem_tlb_hit(cpu->tlb_w, p, 1))
			mem_translate(cpu, p < a ? a : p, MEM_WRITE, true);
		if (p == last || n == 0)
			break;
	}
	while (n > 0) {
		size_t chunk =
			MIN(n, GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1)));
		uint8_t *p = mem_tlb_hit(cpu->tlb_w, a, chunk);
		if (!p)
			p = mem_translate(cpu, a, MEM_WRITE, true);
		memcpy(p, s, chunk);
		s += chunk;
		a += chunk;
		n -= chunk;
	}
}

void *mem_rmw_ptr(struct cpu *cpu, gaddr a, size_t n)
{
	if ((a & (GUEST_PAGE_SIZE - 1)) + n > GUEST_PAGE_SIZE)
		return NULL;
	uint8_t *p = mem_tlb_hit(cpu->tlb_w, a, n);
	if (likely(p != NULL))
		return p;
	return mem_translate(cpu, a, MEM_WRITE, true);
}

int mem_fetch(struct cpu *cpu, gaddr a, uint8_t *buf, int n)
{
	int got = 0;

	while (got < n) {
		size_t chunk =
			MIN((size_t)(n - got),
			    GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1)));
		struct tlb_entry *e =
			&cpu->tlb_r[(a >> GUEST_PAGE_SHIFT) & (TLB_SIZE - 1)];
		uint8_t *p = mem_tlb_hit(cpu->tlb_r, a, chunk);
		if (!p || !(e->prot & MEM_EXEC))
			p = mem_translate(cpu, a, MEM_EXEC, false);
		if (!p)
			break;
		memcpy(buf + got, p, chunk);
		got += chunk;
		a += chunk;
	}
	return got;
}

/* ---- copy-in/copy-out ---------------------------------------------------- */

/* Checks a range for the copy functions: 0 when it lies in user space. */
static bool range_ok(gaddr a, size_t n)
{
	return a < MM_USER_TOP && (uint64_t)n <= MM_USER_TOP - a;
}

static size_t page_chunk(gaddr a, size_t n)
{
	return MIN(n, GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1)));
}

int mm_read(struct mm *mm, void *dst, gaddr src, size_t n)
{
	uint8_t *d = dst;

	if (n == 0)
		return 0;
	if (!range_ok(src, n))
		return -LINUX_EFAULT;
	pthread_mutex_lock(&mm->lock);
	int err = mm_range_check(mm, src, n, MEM_READ);
	while (!err && n > 0) {
		size_t chunk = page_chunk(src, n);
		struct hpage **slot = mm_pt_slot(mm, src, false);
		if (slot && *slot)
			memcpy(d, (*slot)->data + (src & (GUEST_PAGE_SIZE - 1)),
			       chunk);
		else
			memset(d, 0, chunk); /* never touched: zero */
		d += chunk;
		src += chunk;
		n -= chunk;
	}
	pthread_mutex_unlock(&mm->lock);
	return err;
}

/* Stores n bytes (from src, or the byte fill when src is NULL) after
 * checking need over the whole range. */
static int mm_store(struct mm *mm, gaddr dst, const uint8_t *src, int fill,
		    size_t n, unsigned need)
{
	if (n == 0)
		return 0;
	if (!range_ok(dst, n))
		return -LINUX_EFAULT;
	pthread_mutex_lock(&mm->lock);
	int err = mm_range_check(mm, dst, n, need);
	while (!err && n > 0) {
		size_t chunk = page_chunk(dst, n);
		struct hpage **slot = mm_pt_slot(mm, dst, false);
		if (!src && fill == 0 && (!slot || !*slot))
			goto next; /* an untouched page already reads as zero */
		uint8_t *host;
		unsigned prot;
		err = mm_page_get(mm, dst, need | MM_NEED_COW, &host, &prot);
		if (err) {
			err = err < 0 ? err : -LINUX_EFAULT;
			break;
		}
		host += dst & (GUEST_PAGE_SIZE - 1);
		if (src) {
			memcpy(host, src, chunk);
			src += chunk;
		} else {
			memset(host, fill, chunk);
		}
	next:
		dst += chunk;
		n -= chunk;
	}
	pthread_mutex_unlock(&mm->lock);
	return err;
}

int mm_write(struct mm *mm, gaddr dst, const void *src, size_t n)
{
	return mm_store(mm, dst, src, 0, n, MEM_WRITE);
}

int mm_poke(struct mm *mm, gaddr dst, const void *src, size_t n)
{
	return mm_store(mm, dst, src, 0, n, 0);
}

int mm_fill(struct mm *mm, gaddr dst, int byte, size_t n)
{
	return mm_store(mm, dst, NULL, (uint8_t)byte, n, MEM_WRITE);
}

int64_t mm_read_str(struct mm *mm, char *dst, gaddr src, size_t cap)
{
	size_t len = 0;
	int64_t ret = -LINUX_ENAMETOOLONG;

	pthread_mutex_lock(&mm->lock);
	while (len < cap) {
		if (!mm_user_addr(src) ||
		    mm_range_check(mm, src, 1, MEM_READ) != 0) {
			ret = -LINUX_EFAULT;
			break;
		}
		size_t chunk = page_chunk(src, cap - len);
		struct hpage **slot = mm_pt_slot(mm, src, false);
		const uint8_t *p =
			slot && *slot
				? (*slot)->data + (src & (GUEST_PAGE_SIZE - 1))
				: NULL;
		const uint8_t *nul = p ? memchr(p, 0, chunk) : NULL;
		if (!p) { /* untouched page: starts with a NUL */
			dst[len] = '\0';
			ret = (int64_t)len;
			break;
		}
		if (nul) {
			memcpy(dst + len, p, nul - p + 1);
			ret = (int64_t)(len + (nul - p));
			break;
		}
		memcpy(dst + len, p, chunk);
		len += chunk;
		src += chunk;
	}
	pthread_mutex_unlock(&mm->lock);
	return ret;
}
