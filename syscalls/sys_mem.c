/*
 * Memory syscalls: mmap(2), munmap(2), mprotect(2), brk(2), madvise(2),
 * mremap(2), msync(2).  Argument checks follow the man pages and
 * mm/mmap.c; the address space work is translate/'s mm_* calls.
 *
 * File mappings are copies: the range is mapped anonymous and the file's
 * bytes are read in.  That is exact for MAP_PRIVATE; MAP_SHARED file
 * mappings are partial (writes do not reach the file, later writes to
 * the file are not seen).  Private file mappings carry a backing (a file
 * reference, translate.h's mm_backing) so that madvise(MADV_DONTNEED)
 * brings back the file's bytes as Linux does.
 *
 * Layer: syscalls/.  Called through the dispatch table (syscall.c).
 */
#include <stdlib.h>
#include <string.h>

#include "sys.h"
#include "linux_abi.h"

#define MMAP_READ_CHUNK (64u * 1024)

static unsigned prot_to_mem(uint64_t prot)
{
	return (unsigned)prot & (MEM_READ | MEM_WRITE | MEM_EXEC);
}

/* Copies len bytes of f from off into the fresh mapping at addr; bytes past
 * the end of the file stay zero. */
static int64_t mmap_fill_from_file(struct task *t, struct file *f, gaddr addr,
				   uint64_t len, uint64_t off)
{
	uint8_t *buf = malloc(MMAP_READ_CHUNK);
	uint64_t done = 0;
	int64_t r = 0;

	if (!buf)
		return -LINUX_ENOMEM;
	while (done < len) {
		size_t want = (size_t)MIN(len - done, MMAP_READ_CHUNK);

		int64_t got = vfs_pread(f, buf, want, off + done);

		if (got <= 0) {
			r = got;
			break;
		}
		r = mm_poke(t->proc->mm, addr + done, buf, (size_t)got);
		if (r < 0)
			break;
		done += (uint64_t)got;
		if ((size_t)got < want)
			break; /* end of file */
	}
	free(buf);
	return r < 0 ? r : 0;
}

/* mm_backing_ops of a private file mapping: ctx is a struct file
 * reference. */
static int file_backing_fill(void *ctx, uint64_t off, uint8_t *page)
{
	size_t done = 0;

	while (done < GUEST_PAGE_SIZE) {
		int64_t got = vfs_pread(ctx, page + done,
					GUEST_PAGE_SIZE - done, off + done);
		if (got < 0)
			return (int)got;
		if (got == 0)
			break;
		done += (size_t)got;
	}
	memset(page + done, 0, GUEST_PAGE_SIZE - done);
	return 0;
}

static void file_backing_release(void *ctx)
{
	file_put(ctx);
}

static const struct mm_backing_ops file_backing_ops = {
	.fill = file_backing_fill,
	.release = file_backing_release,
};

/* Attaches f as the backing of the new private mapping [addr, addr+len). */
static void mmap_attach_file(struct task *t, struct file *f, gaddr addr,
			     uint64_t len)
{
	file_get(f);
	struct mm_backing *b = mm_backing_new(&file_backing_ops, f);
	if (!b) {
		file_put(f); /* DONTNEED will then read zeroes: no worse */
		return;
	}
	mm_set_backing(t->proc->mm, addr, len, b);
	mm_backing_put(b);
}

/* mmap(2) ERRORS: the file must be open for reading, and for writing too
 * when a shared mapping is writable. */
static int64_t mmap_check_access(const struct file *f, unsigned prot,
				 bool shared)
{
	int acc = f->flags & LINUX_O_ACCMODE;

	if (f->fmode & FILE_OPATH)
		return -LINUX_EBADF;
	if (acc == LINUX_O_WRONLY)
		return -LINUX_EACCES;
	if (shared && (prot & MEM_WRITE) && acc != LINUX_O_RDWR)
		return -LINUX_EACCES;
	if (f->fmode & FILE_STREAM)
		return -LINUX_ENODEV;
	return 0;
}

static int64_t mmap_file(struct task *t, gaddr addr, uint64_t len,
			 unsigned prot, unsigned mflags, bool shared, int fd,
			 uint64_t off)
{
	struct file *f = fdtable_get(t->proc->fds, fd);
	struct kstat st;
	int64_t r;

	if (!f)
		return -LINUX_EBADF;
	r = mmap_check_access(f, prot, shared);
	if (r < 0)
		goto out_put;
	r = vfs_fstat(f, &st);
	if (r < 0)
		goto out_put;
	if ((st.mode & LINUX_S_IFMT) == LINUX_S_IFDIR) {
		r = -LINUX_ENODEV;
		goto out_put;
	}
	r = mm_map(t->proc->mm, addr, len, prot, mflags);
	if (r < 0)
		goto out_put;
	addr = (gaddr)r;
	r = mmap_fill_from_file(t, f, addr, len, off);
	if (r < 0) {
		mm_unmap(t->proc->mm, addr, len);
		goto out_put;
	}
	cpu_invalidate_code(t->proc->mm, addr, len);
	mm_set_name(t->proc->mm, addr, len, file_path(f), off, st.dev, st.ino);
	if (!shared)
		mmap_attach_file(t, f, addr, len);
	r = (int64_t)addr;
out_put:
	file_put(f);
	return r;
}

int64_t sys_mmap(struct task *t, uint64_t addr, uint64_t len, uint64_t prot,
		 uint64_t flags, uint64_t fd, uint64_t off)
{
	unsigned type = (unsigned)flags & LINUX_MAP_TYPE;
	unsigned mflags = 0;
	const uint64_t known =
		LINUX_MAP_TYPE | LINUX_MAP_FIXED | LINUX_MAP_ANONYMOUS |
		LINUX_MAP_32BIT | LINUX_MAP_GROWSDOWN | LINUX_MAP_DENYWRITE |
		LINUX_MAP_EXECUTABLE | LINUX_MAP_LOCKED | LINUX_MAP_NORESERVE |
		LINUX_MAP_POPULATE | LINUX_MAP_NONBLOCK | LINUX_MAP_STACK |
		LINUX_MAP_FIXED_NOREPLACE | LINUX_MAP_UNINITIALIZED;

	if (len == 0 || (off & (GUEST_PAGE_SIZE - 1)))
		return -LINUX_EINVAL;
	if (len > MM_USER_TOP)
		return -LINUX_ENOMEM;
	if (type != LINUX_MAP_SHARED && type != LINUX_MAP_PRIVATE &&
	    type != LINUX_MAP_SHARED_VALIDATE)
		return -LINUX_EINVAL;
	if (type == LINUX_MAP_SHARED_VALIDATE && (flags & ~known))
		return -LINUX_EOPNOTSUPP;
	if (flags & (LINUX_MAP_HUGETLB | LINUX_MAP_SYNC))
		return -LINUX_EINVAL;
	if (prot &
	    ~(uint64_t)(LINUX_PROT_READ | LINUX_PROT_WRITE | LINUX_PROT_EXEC))
		return -LINUX_EINVAL;
	if (flags & LINUX_MAP_FIXED_NOREPLACE)
		mflags |= MM_FIXED_NOREPLACE;
	else if (flags & LINUX_MAP_FIXED)
		mflags |= MM_FIXED;
	if ((mflags & (MM_FIXED | MM_FIXED_NOREPLACE)) &&
	    (addr & (GUEST_PAGE_SIZE - 1)))
		return -LINUX_EINVAL;
	if (flags & LINUX_MAP_GROWSDOWN)
		mflags |= MM_GROWSDOWN;
	if (!mflags && addr)
		addr &= GUEST_PAGE_MASK; /* a hint is rounded down */
	if (flags & LINUX_MAP_ANONYMOUS) {
		if (type != LINUX_MAP_PRIVATE)
			mflags |= MM_SHARED;
		return mm_map(t->proc->mm, addr, len, prot_to_mem(prot),
			      mflags);
	}
	if (off + PAGE_ALIGN_UP(len) < off)
		return -LINUX_EOVERFLOW;
	return mmap_file(t, addr, len, prot_to_mem(prot), mflags,
			 type != LINUX_MAP_PRIVATE, (int)fd, off);
}

int64_t sys_munmap(struct task *t, uint64_t addr, uint64_t len, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	if ((addr & (GUEST_PAGE_SIZE - 1)) || len == 0 || len > MM_USER_TOP ||
	    addr >= MM_USER_TOP)
		return -LINUX_EINVAL;
	return mm_unmap(t->proc->mm, addr, len);
}

int64_t sys_mprotect(struct task *t, uint64_t addr, uint64_t len, uint64_t prot,
		     uint64_t a3, uint64_t a4, uint64_t a5)
{
	if (addr & (GUEST_PAGE_SIZE - 1))
		return -LINUX_EINVAL;
	if (prot &
	    ~(uint64_t)(LINUX_PROT_READ | LINUX_PROT_WRITE | LINUX_PROT_EXEC |
			LINUX_PROT_GROWSDOWN | LINUX_PROT_GROWSUP))
		return -LINUX_EINVAL;
	if ((prot & LINUX_PROT_GROWSDOWN) && (prot & LINUX_PROT_GROWSUP))
		return -LINUX_EINVAL;
	if (len == 0)
		return 0;
	if (PAGE_ALIGN_UP(len) < len || addr + PAGE_ALIGN_UP(len) < addr)
		return -LINUX_ENOMEM;
	return mm_protect(t->proc->mm, addr, len, prot_to_mem(prot));
}

int64_t sys_brk(struct task *t, uint64_t brk, uint64_t a1, uint64_t a2,
		uint64_t a3, uint64_t a4, uint64_t a5)
{
	return (int64_t)mm_brk(t->proc->mm, brk);
}

/* madvise(2) advice values Linux 6.1 accepts on x86-64
 * (madvise_behavior_valid). */
static bool madvise_advice_valid(uint64_t advice)
{
	switch (advice) {
	case LINUX_MADV_NORMAL:
	case LINUX_MADV_RANDOM:
	case LINUX_MADV_SEQUENTIAL:
	case LINUX_MADV_WILLNEED:
	case LINUX_MADV_DONTNEED:
	case LINUX_MADV_FREE:
	case 9:	 /* MADV_REMOVE */
	case 10: /* MADV_DONTFORK */
	case 11: /* MADV_DOFORK */
	case 12: /* MADV_MERGEABLE */
	case 13: /* MADV_UNMERGEABLE */
	case 14: /* MADV_HUGEPAGE */
	case 15: /* MADV_NOHUGEPAGE */
	case 16: /* MADV_DONTDUMP */
	case 17: /* MADV_DODUMP */
	case 18: /* MADV_WIPEONFORK */
	case 19: /* MADV_KEEPONFORK */
	case 20: /* MADV_COLD */
	case 21: /* MADV_PAGEOUT */
	case 22: /* MADV_POPULATE_READ */
	case 23: /* MADV_POPULATE_WRITE */
	case LINUX_MADV_DONTNEED_LOCKED:
	case 25:  /* MADV_COLLAPSE */
	case 100: /* MADV_HWPOISON */
	case 101: /* MADV_SOFT_OFFLINE */
		return true;
	default:
		return false;
	}
}

int64_t sys_madvise(struct task *t, uint64_t addr, uint64_t len,
		    uint64_t advice, uint64_t a3, uint64_t a4, uint64_t a5)
{
	/* mm/madvise.c do_madvise: advice first, then the range. */
	if (!madvise_advice_valid(advice))
		return -LINUX_EINVAL;
	if (advice == 100 || advice == 101)
		return -LINUX_EPERM; /* CAP_SYS_ADMIN only */
	if (addr & (GUEST_PAGE_SIZE - 1))
		return -LINUX_EINVAL;
	if (PAGE_ALIGN_UP(len) < len || addr + PAGE_ALIGN_UP(len) < addr)
		return -LINUX_EINVAL;
	if (len == 0)
		return 0;
	if (advice == LINUX_MADV_DONTNEED ||
	    advice == LINUX_MADV_DONTNEED_LOCKED)
		return mm_dontneed(t->proc->mm, addr, len);
	/* The rest are hints (MADV_FREE may keep the contents), but a range
	 * with unmapped pages is -ENOMEM for them too. */
	return mm_range_mapped(t->proc->mm, addr, len) ? 0 : -LINUX_ENOMEM;
}

/* Linux's TASK_SIZE on x86-64: the last page below 2^47 is never mapped. */
#define MREMAP_TASK_SIZE 0x7ffffffff000ull

int64_t sys_mremap(struct task *t, uint64_t old, uint64_t old_len,
		   uint64_t new_len, uint64_t flags, uint64_t new_addr,
		   uint64_t a5)
{
	/* mm/mremap.c check_mremap_params, in its order. */
	if (flags & ~(uint64_t)(LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED |
				LINUX_MREMAP_DONTUNMAP))
		return -LINUX_EINVAL;
	if (old & (GUEST_PAGE_SIZE - 1))
		return -LINUX_EINVAL;
	new_len = PAGE_ALIGN_UP(new_len); /* a huge one wraps to 0 */
	if (new_len == 0 || new_len > MREMAP_TASK_SIZE)
		return -LINUX_EINVAL;
	if (flags & (LINUX_MREMAP_FIXED | LINUX_MREMAP_DONTUNMAP)) {
		if (new_addr > MREMAP_TASK_SIZE - new_len ||
		    (new_addr & (GUEST_PAGE_SIZE - 1)))
			return -LINUX_EINVAL;
		if (!(flags & LINUX_MREMAP_MAYMOVE))
			return -LINUX_EINVAL;
		if ((flags & LINUX_MREMAP_DONTUNMAP) &&
		    PAGE_ALIGN_UP(old_len) != new_len)
			return -LINUX_EINVAL;
	}
	/* MREMAP_DONTUNMAP is not implemented */
	if (flags & LINUX_MREMAP_DONTUNMAP)
		return -LINUX_EINVAL;
	return mm_remap(t->proc->mm, old, old_len, new_len, (unsigned)flags,
			new_addr);
}

int64_t sys_msync(struct task *t, uint64_t addr, uint64_t len, uint64_t flags,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	if (addr & (GUEST_PAGE_SIZE - 1))
		return -LINUX_EINVAL;
	if (flags &
	    ~(uint64_t)(LINUX_MS_ASYNC | LINUX_MS_SYNC | LINUX_MS_INVALIDATE))
		return -LINUX_EINVAL;
	if ((flags & LINUX_MS_ASYNC) && (flags & LINUX_MS_SYNC))
		return -LINUX_EINVAL;
	/* mappings are private copies: nothing to write back */
	return 0;
}
