/*
 * The initial process stack (frontend layer): argument limits and the
 * layout of Linux's exec (fs/exec.c copy_strings, setup_arg_pages and
 * fs/binfmt_elf.c create_elf_tables), without randomisation:
 *
 *   STACK_TOP      8 zero bytes
 *                  execfn string (AT_EXECFN)
 *                  envp strings, argv strings (arg_start is lowest)
 *   (16-aligned)   "x86_64" (AT_PLATFORM), 16 random bytes (AT_RANDOM)
 *                  padding to 16
 *   sp ->          argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL
 *
 * Called by loader.c; writes guest memory only through mm_write.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "elf_image.h"

#define MAX_ARG_STRLEN	(32u * GUEST_PAGE_SIZE)
#define MAX_ARG_STRINGS 0x7fffffffu
#define STK_LIM		(8ull << 20)
#define ARG_MAX_MIN	(32ull * GUEST_PAGE_SIZE)
#define PLATFORM	"x86_64"
#define AUXV_PAIRS	20 /* entries written by stack_setup, AT_NULL included */

static uint64_t count(char *const *v)
{
	uint64_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

static uint64_t rlim_stack(const struct stack_args *a)
{
	return a->rlim_stack ? a->rlim_stack : STK_LIM;
}

int stack_check_args(const struct stack_args *a)
{
	uint64_t argc = count(a->argv), envc = count(a->envp);

	if (argc > MAX_ARG_STRINGS || envc > MAX_ARG_STRINGS)
		return -LINUX_E2BIG;
	/* fs/exec.c bprm_stack_limits: a quarter of the stack, at most 3/4 of
	 * _STK_LIM, at least ARG_MAX; pointers count against it. */
	uint64_t limit = MIN(STK_LIM / 4 * 3, rlim_stack(a) / 4);
	limit = MAX(limit, ARG_MAX_MIN);
	uint64_t used = (MAX(argc, 1) + envc) * sizeof(uint64_t);
	used += strlen(a->execfn) + 1;
	for (int pass = 0; pass < 2; pass++) {
		char *const *v = pass ? a->envp : a->argv;
		for (uint64_t i = 0; v && v[i]; i++) {
			size_t len = strlen(v[i]) + 1;
			if (len > MAX_ARG_STRLEN)
				return -LINUX_E2BIG;
			used += len;
			if (used > limit)
				return -LINUX_E2BIG;
		}
	}
	return used > limit ? -LINUX_E2BIG : 0;
}

/* Copies strings v[] downward-contiguously into buf, in order. */
static size_t pack(char *buf, char *const *v)
{
	size_t off = 0;

	for (uint64_t i = 0; v && v[i]; i++) {
		size_t len = strlen(v[i]) + 1;
		memcpy(buf + off, v[i], len);
		off += len;
	}
	return off;
}

static size_t strings_size(char *const *v)
{
	size_t n = 0;

	for (uint64_t i = 0; v && v[i]; i++)
		n += strlen(v[i]) + 1;
	return n;
}

static void random_bytes(uint8_t out[16])
{
	if (getentropy(out, 16) == 0)
		return;
	/* No entropy source: a fixed pattern still gives a valid canary. */
	for (int i = 0; i < 16; i++)
		out[i] = (uint8_t)(0x5a ^ (i * 37));
}

/* Writes the argc/argv/envp/auxv table into tab (host copy). */
static size_t build_table(uint64_t *tab, const struct stack_args *a,
			  const struct stack_layout *l)
{
	uint64_t argc = count(a->argv), envc = count(a->envp);
	size_t n = 0;
	gaddr s = l->arg_start;

	tab[n++] = argc;
	for (uint64_t i = 0; i < argc; i++) {
		tab[n++] = s;
		s += strlen(a->argv[i]) + 1;
	}
	tab[n++] = 0;
	s = l->env_start;
	for (uint64_t i = 0; i < envc; i++) {
		tab[n++] = s;
		s += strlen(a->envp[i]) + 1;
	}
	tab[n++] = 0;
	const uint64_t auxv[AUXV_PAIRS][2] = {
		{LINUX_AT_MINSIGSTKSZ, STACK_MINSIGSTKSZ},
		{LINUX_AT_HWCAP, cpu_hwcap()},
		{LINUX_AT_PAGESZ, GUEST_PAGE_SIZE},
		{LINUX_AT_CLKTCK, 100},
		{LINUX_AT_PHDR, a->phdr},
		{LINUX_AT_PHENT, sizeof(struct linux_elf64_phdr)},
		{LINUX_AT_PHNUM, a->phnum},
		{LINUX_AT_BASE, a->base},
		{LINUX_AT_FLAGS, 0},
		{LINUX_AT_ENTRY, a->entry},
		{LINUX_AT_UID, a->uid},
		{LINUX_AT_EUID, a->euid},
		{LINUX_AT_GID, a->gid},
		{LINUX_AT_EGID, a->egid},
		{LINUX_AT_SECURE, 0},
		{LINUX_AT_RANDOM, l->random},
		{LINUX_AT_HWCAP2, cpu_hwcap2()},
		{LINUX_AT_EXECFN, l->execfn},
		{LINUX_AT_PLATFORM, l->platform},
		{LINUX_AT_NULL, 0},
	};
	memcpy(&tab[n], auxv, sizeof(auxv));
	return n + 2 * AUXV_PAIRS;
}

int stack_setup(struct mm *mm, const struct stack_args *a,
		struct stack_layout *out)
{
	uint64_t argc = count(a->argv), envc = count(a->envp);
	size_t arg_size = strings_size(a->argv);
	size_t env_size = strings_size(a->envp);
	size_t fn_size = strlen(a->execfn) + 1;
	size_t str_size = arg_size + env_size + fn_size + 8;
	struct stack_layout l = {0};
	int err;

	/* Strings, packed against the top (8 zero bytes above them). */
	gaddr p = STACK_TOP - str_size;
	l.arg_start = p;
	l.arg_end = l.env_start = p + arg_size;
	l.env_end = l.execfn = l.env_start + env_size;

	/* The mapping: the string pages plus Linux's 128 KiB expansion. */
	gaddr bottom = (p & GUEST_PAGE_MASK) - STACK_EXPAND;
	unsigned prot = MEM_READ | MEM_WRITE | (a->exec_stack ? MEM_EXEC : 0);
	int64_t r = mm_map(mm, bottom, STACK_TOP - bottom, prot,
			   MM_FIXED | MM_GROWSDOWN | MM_STACK);
	if (r < 0)
		return (int)r;
	mm_set_stack_rlimit(mm, MAX(rlim_stack(a), STACK_TOP - bottom));

	char *strs = calloc(1, str_size);
	if (!strs)
		return -LINUX_ENOMEM;
	size_t at = pack(strs, a->argv);
	at += pack(strs + at, a->envp);
	memcpy(strs + at, a->execfn, fn_size);
	err = mm_write(mm, p, strs, str_size);
	free(strs);
	if (err)
		return err;

	/* create_elf_tables: platform string and random bytes. */
	uint8_t rnd[16];
	p &= ~(gaddr)15;
	p -= sizeof(PLATFORM);
	l.platform = p;
	err = mm_write(mm, p, PLATFORM, sizeof(PLATFORM));
	if (err)
		return err;
	p -= sizeof(rnd);
	l.random = p;
	random_bytes(rnd);
	err = mm_write(mm, p, rnd, sizeof(rnd));
	if (err)
		return err;

	size_t words = 1 + argc + 1 + envc + 1 + 2 * AUXV_PAIRS;
	l.sp = (p - words * sizeof(uint64_t)) & ~(gaddr)15;
	if (rlim_stack(a) < STACK_TOP && l.sp < STACK_TOP - rlim_stack(a))
		return -LINUX_E2BIG;
	uint64_t *tab = malloc(words * sizeof(uint64_t));
	if (!tab)
		return -LINUX_ENOMEM;
	build_table(tab, a, &l);
	err = mm_write(mm, l.sp, tab, words * sizeof(uint64_t));
	free(tab);
	if (err)
		return err;
	l.auxv_start = l.sp + (1 + argc + 1 + envc + 1) * sizeof(uint64_t);
	l.auxv_len = 2 * AUXV_PAIRS * sizeof(uint64_t);
	*out = l;
	return 0;
}
