/*
 * Host-side symboliser for traces and crash reports (frontend layer):
 * reads the function symbols of the guest program (and its interpreter)
 * from the host files with libelf and answers cpu_symbolize with
 * "name+0x1c".  Native builds only; under Emscripten it compiles to
 * no-ops (no libelf there).
 *
 * Called by loader.c after mapping an image.  The table is global (one
 * program at a time), guarded by a mutex since cpu_symbolize may be called
 * from any guest thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

#ifndef __EMSCRIPTEN__

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <unistd.h>

struct sym {
	gaddr addr;
	uint64_t size;
	char *name;
};

static struct sym *syms;
static size_t nsyms, capsyms;
static pthread_mutex_t syms_lock = PTHREAD_MUTEX_INITIALIZER;

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int symbols_lookup(gaddr addr, char *buf, size_t len)
{
	int ret = -1;

	pthread_mutex_lock(&syms_lock);
	size_t lo = 0, hi = nsyms;
	while (lo < hi) { /* last symbol starting at or below addr */
		size_t mid = lo + (hi - lo) / 2;
		if (syms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0) {
		const struct sym *s = &syms[lo - 1];
		/* Sizeless symbols (assembly) cover up to 64 KiB. */
		uint64_t span = s->size ? s->size : 0x10000;
		if (addr - s->addr < span) {
			snprintf(buf, len, "%s+0x%llx", s->name,
				 (unsigned long long)(addr - s->addr));
			ret = 0;
		}
	}
	pthread_mutex_unlock(&syms_lock);
	return ret;
}

void symbols_reset(void)
{
	pthread_mutex_lock(&syms_lock);
	for (size_t i = 0; i < nsyms; i++)
		free(syms[i].name);
	nsyms = 0;
	pthread_mutex_unlock(&syms_lock);
}

static void add_sym(gaddr addr, uint64_t size, const char *name)
{
	if (nsyms == capsyms) {
		size_t cap = capsyms ? capsyms * 2 : 1024;
		struct sym *n = realloc(syms, cap * sizeof(*n));
		if (!n)
			return;
		syms = n;
		capsyms = cap;
	}
	char *copy = strdup(name);
	if (!copy)
		return;
	syms[nsyms++] = (struct sym){addr, size, copy};
}

/* Adds the STT_FUNC symbols of one symbol table section. */
static void load_table(Elf *e, Elf_Scn *scn, const GElf_Shdr *sh, gaddr bias)
{
	Elf_Data *data = elf_getdata(scn, NULL);

	if (!data || sh->sh_entsize == 0)
		return;
	size_t n = sh->sh_size / sh->sh_entsize;
	for (size_t i = 0; i < n; i++) {
		GElf_Sym s;
		if (!gelf_getsym(data, (int)i, &s))
			break;
		if (GELF_ST_TYPE(s.st_info) != STT_FUNC || s.st_value == 0 ||
		    s.st_shndx == SHN_UNDEF)
			continue;
		const char *name = elf_strptr(e, sh->sh_link, s.st_name);
		if (name && *name)
			add_sym(s.st_value + bias, s.st_size, name);
	}
}

void symbols_load(const char *host_path, gaddr bias)
{
	int fd = open(host_path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (elf_version(EV_CURRENT) == EV_NONE)
		goto out_close;
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e)
		goto out_close;
	pthread_mutex_lock(&syms_lock);
	/* Prefer the full .symtab; fall back to .dynsym when stripped. */
	for (int pass = 0; pass < 2; pass++) {
		Elf_Scn *scn = NULL;
		size_t before = nsyms;
		while ((scn = elf_nextscn(e, scn)) != NULL) {
			GElf_Shdr sh;
			if (!gelf_getshdr(scn, &sh))
				continue;
			if (sh.sh_type == (pass ? SHT_DYNSYM : SHT_SYMTAB))
				load_table(e, scn, &sh, bias);
		}
		if (nsyms > before)
			break;
	}
	qsort(syms, nsyms, sizeof(*syms), sym_cmp);
	cpu_symbolize = symbols_lookup;
	pthread_mutex_unlock(&syms_lock);
	elf_end(e);
out_close:
	close(fd);
}

#else /* __EMSCRIPTEN__ */

void symbols_reset(void)
{
}

void symbols_load(const char *host_path, gaddr bias)
{
	(void)host_path;
	(void)bias;
}

#endif
