/*
 * ELF parsing and mapping core of the loader (frontend layer).  Works on
 * an abstract read callback, never on the VFS, so that unit tests feed it
 * malformed images from memory; loader.c supplies VFS-backed sources.
 *
 * Validation follows the kernel's load_elf_binary/load_elf_phdrs and is
 * stricter where the kernel would only fail later (segments outside the
 * file or the user address space): everything the image controls is
 * checked and answered with -LINUX_ENOEXEC, never with an assert.
 */
#include <stdlib.h>
#include <string.h>

#include "elf_image.h"

/* Reads exactly n bytes at off; -ENOEXEC when the file is shorter. */
static int read_exact(const struct elf_source *src, void *buf, size_t n,
		      uint64_t off)
{
	uint8_t *b = buf;

	while (n > 0) {
		int64_t r = src->read(src->ctx, b, n, off);
		if (r < 0)
			return (int)r;
		if (r == 0)
			return -LINUX_ENOEXEC;
		b += r;
		n -= (size_t)r;
		off += (uint64_t)r;
	}
	return 0;
}

/* True when [off, off+len) lies inside the file. */
static bool in_file(const struct elf_source *src, uint64_t off, uint64_t len)
{
	return off <= src->size && len <= src->size - off;
}

static int check_ehdr(const struct elf_source *src,
		      const struct linux_elf64_ehdr *eh)
{
	if (memcmp(eh->e_ident, LINUX_ELFMAG, 4) != 0 ||
	    eh->e_ident[LINUX_EI_CLASS] != LINUX_ELFCLASS64 ||
	    eh->e_ident[LINUX_EI_DATA] != LINUX_ELFDATA2LSB ||
	    eh->e_ident[LINUX_EI_VERSION] != LINUX_EV_CURRENT)
		return -LINUX_ENOEXEC;
	if (eh->e_type != LINUX_ET_EXEC && eh->e_type != LINUX_ET_DYN)
		return -LINUX_ENOEXEC;
	if (eh->e_machine != LINUX_EM_X86_64)
		return -LINUX_ENOEXEC;
	if (eh->e_phentsize != sizeof(struct linux_elf64_phdr) ||
	    eh->e_phnum == 0 ||
	    eh->e_phnum * sizeof(struct linux_elf64_phdr) > ELF_PHDRS_MAX)
		return -LINUX_ENOEXEC;
	if (!in_file(src, eh->e_phoff,
		     eh->e_phnum * sizeof(struct linux_elf64_phdr)))
		return -LINUX_ENOEXEC;
	return 0;
}

static int check_load(const struct elf_source *src,
		      const struct linux_elf64_phdr *ph, gaddr *prev_end)
{
	if (ph->p_filesz > ph->p_memsz)
		return -LINUX_ENOEXEC;
	if (!in_file(src, ph->p_offset, ph->p_filesz))
		return -LINUX_ENOEXEC;
	/* The file pages must be mappable at the segment's page offset. */
	if ((ph->p_vaddr ^ ph->p_offset) & (GUEST_PAGE_SIZE - 1))
		return -LINUX_ENOEXEC;
	if (ph->p_vaddr >= MM_USER_TOP ||
	    ph->p_memsz > MM_USER_TOP - ph->p_vaddr)
		return -LINUX_ENOEXEC;
	if (ph->p_memsz == 0)
		return 0;
	/* Segments are sorted by address and may not overlap (ELF gABI). */
	if (ph->p_vaddr < *prev_end)
		return -LINUX_ENOEXEC;
	*prev_end = ph->p_vaddr + ph->p_memsz;
	return 0;
}

static int read_interp(const struct elf_source *src,
		       const struct linux_elf64_phdr *ph, char **out)
{
	if (ph->p_filesz < 2 || ph->p_filesz > ELF_INTERP_MAX ||
	    !in_file(src, ph->p_offset, ph->p_filesz))
		return -LINUX_ENOEXEC;
	char *s = malloc(ph->p_filesz);
	if (!s)
		return -LINUX_ENOMEM;
	int err = read_exact(src, s, ph->p_filesz, ph->p_offset);
	if (!err && (s[ph->p_filesz - 1] != '\0' || s[0] == '\0'))
		err = -LINUX_ENOEXEC;
	if (err) {
		free(s);
		return err;
	}
	*out = s;
	return 0;
}

/* Where the program headers are in memory: PT_PHDR, else the PT_LOAD
 * whose file range holds them (Linux 5.18+), else 0. */
static gaddr find_phdr(const struct elf_image *img, bool *found)
{
	uint64_t off = img->eh.e_phoff;
	uint64_t size = img->eh.e_phnum * sizeof(struct linux_elf64_phdr);

	*found = true;
	for (unsigned i = 0; i < img->eh.e_phnum; i++)
		if (img->ph[i].p_type == LINUX_PT_PHDR)
			return img->ph[i].p_vaddr;
	for (unsigned i = 0; i < img->eh.e_phnum; i++) {
		const struct linux_elf64_phdr *ph = &img->ph[i];
		if (ph->p_type == LINUX_PT_LOAD && ph->p_offset <= off &&
		    size <= ph->p_filesz &&
		    off - ph->p_offset <= ph->p_filesz - size)
			return ph->p_vaddr + (off - ph->p_offset);
	}
	*found = false;
	return 0;
}

int elf_parse(const struct elf_source *src, struct elf_image *img)
{
	gaddr prev_end = 0;
	bool any_load = false;
	int err;

	memset(img, 0, sizeof(*img));
	if (src->size < sizeof(img->eh))
		return -LINUX_ENOEXEC;
	err = read_exact(src, &img->eh, sizeof(img->eh), 0);
	if (err)
		return err;
	err = check_ehdr(src, &img->eh);
	if (err)
		return err;
	size_t phsize = img->eh.e_phnum * sizeof(struct linux_elf64_phdr);
	img->ph = malloc(phsize);
	if (!img->ph)
		return -LINUX_ENOMEM;
	err = read_exact(src, img->ph, phsize, img->eh.e_phoff);
	if (err)
		goto out_free;

	img->lo = MM_USER_TOP;
	for (unsigned i = 0; i < img->eh.e_phnum; i++) {
		const struct linux_elf64_phdr *ph = &img->ph[i];
		switch (ph->p_type) {
		case LINUX_PT_LOAD:
			err = check_load(src, ph, &prev_end);
			if (err)
				goto out_free;
			if (ph->p_memsz == 0)
				break;
			any_load = true;
			img->lo = MIN(img->lo, ph->p_vaddr & GUEST_PAGE_MASK);
			img->hi = MAX(img->hi,
				      PAGE_ALIGN_UP(ph->p_vaddr + ph->p_memsz));
			break;
		case LINUX_PT_INTERP:
			if (img->interp) /* the kernel uses the first one */
				break;
			err = read_interp(src, ph, &img->interp);
			if (err)
				goto out_free;
			break;
		case LINUX_PT_GNU_STACK:
			img->exec_stack = ph->p_flags & LINUX_PF_X;
			break;
		}
	}
	if (!any_load) {
		err = -LINUX_ENOEXEC;
		goto out_free;
	}
	bool found;
	img->phdr_vaddr = find_phdr(img, &found);
	if (!found) /* pre-5.18 kernels: first segment's base + e_phoff */
		img->phdr_vaddr = img->lo + img->eh.e_phoff;
	return 0;
out_free:
	elf_image_free(img);
	return err;
}

void elf_image_free(struct elf_image *img)
{
	free(img->ph);
	free(img->interp);
	img->ph = NULL;
	img->interp = NULL;
}

static unsigned seg_prot(uint32_t pf)
{
	return (pf & LINUX_PF_R ? MEM_READ : 0) |
	       (pf & LINUX_PF_W ? MEM_WRITE : 0) |
	       (pf & LINUX_PF_X ? MEM_EXEC : 0);
}

/* Copies file bytes [off, off+len) to guest dst; stops early at EOF (the
 * rest of the page stays zero, as in a file mapping). */
static int copy_in(struct mm *mm, const struct elf_source *src, gaddr dst,
		   uint64_t off, uint64_t len)
{
	enum { CHUNK = 64 * 1024 };
	uint8_t *buf = malloc(CHUNK);
	int err = 0;

	if (!buf)
		return -LINUX_ENOMEM;
	while (len > 0) {
		int64_t r = src->read(src->ctx, buf, MIN(len, CHUNK), off);
		if (r <= 0) {
			err = (int)r;
			break;
		}
		err = mm_poke(mm, dst, buf, (size_t)r);
		if (err)
			break;
		dst += r;
		off += r;
		len -= r;
	}
	free(buf);
	return err;
}

static int map_segment(struct mm *mm, const struct elf_source *src,
		       const struct linux_elf64_phdr *ph, gaddr bias,
		       const char *path, uint64_t dev, uint64_t ino)
{
	gaddr start = (ph->p_vaddr + bias) & GUEST_PAGE_MASK;
	gaddr file_end = ph->p_vaddr + bias + ph->p_filesz;
	gaddr end = PAGE_ALIGN_UP(ph->p_vaddr + bias + ph->p_memsz);
	uint64_t off = ph->p_offset & GUEST_PAGE_MASK;

	int64_t r =
		mm_map(mm, start, end - start, seg_prot(ph->p_flags), MM_FIXED);
	if (r < 0)
		return (int)r;
	/* Like a file mapping: whole pages, and past p_filesz the rest of
	 * the last file page unless it is bss (Linux's padzero). */
	gaddr copy_end =
		ph->p_memsz > ph->p_filesz ? file_end : PAGE_ALIGN_UP(file_end);
	uint64_t len = ph->p_filesz ? copy_end - start : 0;
	if (off + len > src->size)
		len = src->size - off;
	int err = copy_in(mm, src, start, off, len);
	if (err)
		return err;
	if (ph->p_filesz > 0)
		mm_set_name(mm, start, PAGE_ALIGN_UP(file_end) - start, path,
			    off, dev, ino);
	return 0;
}

int elf_map(struct mm *mm, const struct elf_source *src,
	    const struct elf_image *img, gaddr base, const char *path,
	    uint64_t dev, uint64_t ino, struct elf_mapped *out)
{
	gaddr bias = 0;
	uint64_t span = img->hi - img->lo;

	if (img->eh.e_type == LINUX_ET_DYN) {
		/* Reserve the whole span so that segments keep their
		 * distances, then let the segments replace it. */
		int64_t at = -LINUX_ENOMEM;
		if (base && base <= MM_USER_TOP - span)
			at = mm_map(mm, base, span, 0, MM_FIXED_NOREPLACE);
		if (at < 0)
			at = mm_map(mm, 0, span, 0, 0);
		if (at < 0)
			return (int)at;
		bias = (gaddr)at - img->lo;
		mm_unmap(mm, (gaddr)at, span);
	} else if (img->lo < MM_MIN_ADDR) {
		return -LINUX_EPERM; /* below vm.mmap_min_addr */
	}

	gaddr brk = 0;
	for (unsigned i = 0; i < img->eh.e_phnum; i++) {
		const struct linux_elf64_phdr *ph = &img->ph[i];
		if (ph->p_type != LINUX_PT_LOAD || ph->p_memsz == 0)
			continue;
		int err = map_segment(mm, src, ph, bias, path, dev, ino);
		if (err)
			return err;
		brk = MAX(brk, PAGE_ALIGN_UP(ph->p_vaddr + bias + ph->p_memsz));
	}
	out->bias = bias;
	out->entry = img->eh.e_entry + bias;
	out->phdr = img->phdr_vaddr + bias;
	out->brk = brk;
	return 0;
}
