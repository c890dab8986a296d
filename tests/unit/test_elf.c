/*
 * Unit tests of the ELF loader (frontend/elf.c, stack.c, loader.c):
 * images built in memory are parsed, rejected or mapped; the initial
 * stack is read back from the address space; loader_exec runs against
 * files in a temporary guest root and against the host's own /bin/true.
 * The oracle is what Linux's binfmt_elf accepts and lays out.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf_image.h"
#include "loader.h"

#define PG GUEST_PAGE_SIZE

/* ---- images in memory ---------------------------------------------------- */

struct img {
	uint8_t buf[0x3000];
	uint64_t size;
};

static int64_t mem_read(void *ctx, void *buf, size_t n, uint64_t off)
{
	struct img *im = ctx;

	if (off >= im->size)
		return 0;
	n = MIN(n, im->size - off);
	memcpy(buf, im->buf + off, n);
	return (int64_t)n;
}

static struct linux_elf64_ehdr *eh(struct img *im)
{
	return (struct linux_elf64_ehdr *)im->buf;
}

static struct linux_elf64_phdr *ph(struct img *im, int i)
{
	return (struct linux_elf64_phdr *)(im->buf + 64 + 56 * i);
}

static void set_ph(struct img *im, int i, uint32_t type, uint32_t flags,
		   uint64_t off, uint64_t vaddr, uint64_t filesz,
		   uint64_t memsz)
{
	*ph(im, i) = (struct linux_elf64_phdr){
		.p_type = type,
		.p_flags = flags,
		.p_offset = off,
		.p_vaddr = vaddr,
		.p_filesz = filesz,
		.p_memsz = memsz,
		.p_align = PG,
	};
}

static uint8_t pattern(size_t i)
{
	return (uint8_t)(i * 31 + 7) | 1; /* never zero */
}

/*
 * A static ET_EXEC: text r-x at 0x400000 (file 0..0x1000), data rw- at
 * 0x401f80 (file 0x1f80, 0x100 bytes, 0x1100 in memory: bss crosses into
 * two more pages), PT_GNU_STACK rw-.
 */
static void img_init(struct img *im)
{
	for (size_t i = 0; i < sizeof(im->buf); i++)
		im->buf[i] = pattern(i);
	im->size = sizeof(im->buf);
	*eh(im) = (struct linux_elf64_ehdr){
		.e_ident = {0x7f, 'E', 'L', 'F', LINUX_ELFCLASS64,
			    LINUX_ELFDATA2LSB, LINUX_EV_CURRENT},
		.e_type = LINUX_ET_EXEC,
		.e_machine = LINUX_EM_X86_64,
		.e_version = 1,
		.e_entry = 0x400100,
		.e_phoff = 64,
		.e_ehsize = 64,
		.e_phentsize = 56,
		.e_phnum = 3,
	};
	set_ph(im, 0, LINUX_PT_LOAD, LINUX_PF_R | LINUX_PF_X, 0, 0x400000, PG,
	       PG);
	set_ph(im, 1, LINUX_PT_LOAD, LINUX_PF_R | LINUX_PF_W, 0x1f80, 0x401f80,
	       0x100, 0x1100);
	set_ph(im, 2, LINUX_PT_GNU_STACK, LINUX_PF_R | LINUX_PF_W, 0, 0, 0, 0);
}

static int parse(struct img *im, struct elf_image *out)
{
	struct elf_source src = {mem_read, im, im->size};
	struct elf_image tmp;
	int r = elf_parse(&src, out ? out : &tmp);
	if (r == 0 && !out)
		elf_image_free(&tmp);
	return r;
}

static struct img im;

static void setup(void)
{
	img_init(&im);
}

TestSuite(elf, .init = setup);

Test(elf, valid_static_image_parses)
{
	struct elf_image img;
	cr_assert_eq(parse(&im, &img), 0);
	cr_assert_eq(img.lo, 0x400000);
	cr_assert_eq(img.hi, 0x404000);
	cr_assert_eq(img.phdr_vaddr, 0x400040);
	cr_assert_null(img.interp);
	cr_assert_not(img.exec_stack);
	elf_image_free(&img);
}

Test(elf, pt_phdr_gives_the_program_header_address)
{
	eh(&im)->e_phnum = 4;
	set_ph(&im, 3, LINUX_PT_PHDR, LINUX_PF_R, 64, 0x400040, 4 * 56, 4 * 56);
	struct elf_image img;
	cr_assert_eq(parse(&im, &img), 0);
	cr_assert_eq(img.phdr_vaddr, 0x400040);
	elf_image_free(&img);
}

Test(elf, interp_and_exec_stack_are_recorded)
{
	eh(&im)->e_phnum = 4;
	memcpy(im.buf + 0x800, "/lib/ld.so", 11);
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x800, 0x400800, 11, 11);
	ph(&im, 2)->p_flags |= LINUX_PF_X;
	struct elf_image img;
	cr_assert_eq(parse(&im, &img), 0);
	cr_assert_str_eq(img.interp, "/lib/ld.so");
	cr_assert(img.exec_stack);
	elf_image_free(&img);
}

/* ---- rejections ---------------------------------------------------------- */

Test(elf, truncated_header_is_rejected)
{
	im.size = 63;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	im.size = 0;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, bad_magic_is_rejected)
{
	im.buf[1] = 'e';
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, script_is_rejected)
{
	memcpy(im.buf, "#!/bin/sh\n", 10);
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, wrong_class_is_rejected)
{
	im.buf[LINUX_EI_CLASS] = 1; /* ELFCLASS32 */
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, big_endian_is_rejected)
{
	im.buf[LINUX_EI_DATA] = 2;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, wrong_machine_is_rejected)
{
	eh(&im)->e_machine = 3; /* EM_386 */
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	eh(&im)->e_machine = 183; /* EM_AARCH64 */
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, relocatable_and_core_files_are_rejected)
{
	eh(&im)->e_type = 1; /* ET_REL */
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	eh(&im)->e_type = 4; /* ET_CORE */
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, wrong_phentsize_is_rejected)
{
	eh(&im)->e_phentsize = 32;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, zero_or_huge_phnum_is_rejected)
{
	eh(&im)->e_phnum = 0;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	eh(&im)->e_phnum = 0xffff;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	eh(&im)->e_phnum = 65536 / 56 + 1;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, phoff_beyond_eof_is_rejected)
{
	eh(&im)->e_phoff = im.size - 56;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	eh(&im)->e_phoff = UINT64_MAX - 8;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, image_without_pt_load_is_rejected)
{
	ph(&im, 0)->p_type = 0;
	ph(&im, 1)->p_type = 0;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, filesz_above_memsz_is_rejected)
{
	ph(&im, 1)->p_memsz = 0x80;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, segment_beyond_eof_is_rejected)
{
	ph(&im, 1)->p_filesz = 0x2000;
	ph(&im, 1)->p_memsz = 0x2000;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, overflowing_offset_plus_filesz_is_rejected)
{
	ph(&im, 1)->p_offset = UINT64_MAX - 0x7f; /* congruent to vaddr */
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, vaddr_not_congruent_to_offset_is_rejected)
{
	ph(&im, 1)->p_vaddr = 0x401f00;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, vaddr_beyond_user_space_is_rejected)
{
	ph(&im, 1)->p_vaddr = MM_USER_TOP + 0xf80;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	ph(&im, 1)->p_vaddr = MM_USER_TOP - 0x1080;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC); /* memsz crosses */
	ph(&im, 1)->p_vaddr = 0xffffffffffffff80;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, overlapping_segments_are_rejected)
{
	ph(&im, 0)->p_memsz = 0x2000;
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, unterminated_interp_is_rejected)
{
	eh(&im)->e_phnum = 4;
	memcpy(im.buf + 0x800, "/lib/ld.so", 10);
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x800, 0x400800, 10, 10);
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

Test(elf, empty_too_long_or_outside_interp_is_rejected)
{
	eh(&im)->e_phnum = 4;
	im.buf[0x800] = 0;
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x800, 0x400800, 1, 1);
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x800, 0x400800, 2, 2);
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC); /* "" */
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0, 0x400000, 4097, 4097);
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x2ff0, 0, 0x20, 0x20);
	cr_assert_eq(parse(&im, NULL), -LINUX_ENOEXEC);
}

/* ---- mapping ------------------------------------------------------------- */

static int dump_one(void *ctx, const struct vma_info *v)
{
	char *buf = ctx;
	size_t len = strlen(buf);

	snprintf(buf + len, 4096 - len, "%llx-%llx %c%c%c %llx %s\n",
		 (unsigned long long)v->start, (unsigned long long)v->end,
		 v->prot & MEM_READ ? 'r' : '-',
		 v->prot & MEM_WRITE ? 'w' : '-',
		 v->prot & MEM_EXEC ? 'x' : '-', (unsigned long long)v->offset,
		 v->name);
	return 0;
}

static const char *maps(struct mm *mm)
{
	static char buf[4096];

	buf[0] = '\0';
	mm_foreach(mm, dump_one, buf);
	return buf;
}

static int map_img(struct mm *mm, struct img *img, gaddr base,
		   struct elf_mapped *m)
{
	struct elf_source src = {mem_read, img, img->size};
	struct elf_image parsed;
	int r = elf_parse(&src, &parsed);
	if (r)
		return r;
	r = elf_map(mm, &src, &parsed, base, "/prog", 1, 2, m);
	elf_image_free(&parsed);
	return r;
}

Test(elf, static_image_maps_segments_like_file_pages)
{
	struct mm *mm = mm_create();
	struct elf_mapped m;
	cr_assert_eq(map_img(mm, &im, 0, &m), 0);
	cr_assert_eq(m.bias, 0);
	cr_assert_eq(m.entry, 0x400100);
	cr_assert_eq(m.phdr, 0x400040);
	cr_assert_eq(m.brk, 0x404000);
	cr_assert_str_eq(maps(mm), "400000-401000 r-x 0 /prog\n"
				   "401000-403000 rw- 1000 /prog\n"
				   "403000-404000 rw- 0 \n");
	uint8_t page[PG];
	/* Whole first page of the data segment comes from the file. */
	cr_assert_eq(mm_read(mm, page, 0x401000, PG), 0);
	for (size_t i = 0; i < PG; i++)
		cr_assert_eq(page[i], pattern(0x1000 + i), "byte %zx", i);
	/* Past p_filesz the last file page is zeroed (bss). */
	cr_assert_eq(mm_read(mm, page, 0x402000, PG), 0);
	for (size_t i = 0; i < PG; i++)
		cr_assert_eq(page[i], i < 0x80 ? pattern(0x2000 + i) : 0,
			     "byte %zx", i);
	cr_assert_eq(mm_read(mm, page, 0x403000, PG), 0);
	for (size_t i = 0; i < PG; i++)
		cr_assert_eq(page[i], 0);
	/* The text is mapped read-only. */
	cr_assert_eq(mm_write(mm, 0x400100, page, 1), -LINUX_EFAULT);
	mm_destroy(mm);
}

Test(elf, pie_goes_at_the_base_or_top_down)
{
	struct mm *mm = mm_create();
	struct elf_mapped m;
	eh(&im)->e_type = LINUX_ET_DYN;
	for (int i = 0; i < 2; i++)
		ph(&im, i)->p_vaddr -= 0x400000;
	eh(&im)->e_entry = 0x100;
	cr_assert_eq(map_img(mm, &im, ELF_ET_DYN_BASE, &m), 0);
	cr_assert_eq(m.bias, 0x555555554000);
	cr_assert_eq(m.entry, 0x555555554100);
	cr_assert_eq(m.phdr, 0x555555554040);
	mm_destroy(mm);

	mm = mm_create();
	cr_assert_eq(map_img(mm, &im, 0, &m), 0);
	cr_assert_eq(m.bias, 0x7ffff7fff000 - 0x4000);
	cr_assert_eq(m.brk, 0x7ffff7fff000);
	mm_destroy(mm);
}

Test(elf, exec_image_below_mmap_min_addr_is_refused)
{
	struct mm *mm = mm_create();
	struct elf_mapped m;
	for (int i = 0; i < 2; i++)
		ph(&im, i)->p_vaddr -= 0x400000;
	cr_assert_eq(map_img(mm, &im, 0, &m), -LINUX_EPERM);
	mm_destroy(mm);
}

/* ---- initial stack ------------------------------------------------------- */

static uint64_t rd64(struct mm *mm, gaddr a)
{
	uint64_t v = 0;
	cr_assert_eq(mm_read(mm, &v, a, 8), 0, "read at %llx",
		     (unsigned long long)a);
	return v;
}

static const char *rdstr(struct mm *mm, gaddr a)
{
	static char s[4][256];
	static int k;
	char *buf = s[k++ & 3];
	cr_assert_geq(mm_read_str(mm, buf, a, 256), 0);
	return buf;
}

Test(elf, initial_stack_is_laid_out_like_linux)
{
	struct mm *mm = mm_create();
	char *argv[] = {"prog", "arg one", NULL};
	char *envp[] = {"A=1", "PATH=/bin", NULL};
	struct stack_args a = {
		.argv = argv,
		.envp = envp,
		.execfn = "/bin/prog",
		.phdr = 0x400040,
		.entry = 0x400100,
		.base = 0x7ffff7fc3000,
		.phnum = 3,
		.uid = 1000,
		.euid = 1001,
		.gid = 100,
		.egid = 101,
	};
	struct stack_layout l;
	cr_assert_eq(stack_check_args(&a), 0);
	cr_assert_eq(stack_setup(mm, &a, &l), 0);
	cr_assert_str_eq(maps(mm), "7ffffffde000-7ffffffff000 rw- 0 [stack]\n");
	cr_assert_eq(l.sp & 15, 0);

	/* Strings at the top: args, env, execfn, then 8 zero bytes. */
	cr_assert_eq(l.execfn, STACK_TOP - 8 - sizeof("/bin/prog"));
	cr_assert_str_eq(rdstr(mm, l.execfn), "/bin/prog");
	cr_assert_eq(rd64(mm, STACK_TOP - 8), 0);
	cr_assert_eq(l.env_end, l.execfn);
	cr_assert_eq(l.env_start, l.env_end - sizeof("A=1PATH=/bin") - 1);
	cr_assert_eq(l.arg_end, l.env_start);
	cr_assert_eq(l.arg_start, l.arg_end - sizeof("progarg one") - 1);

	gaddr sp = l.sp;
	cr_assert_eq(rd64(mm, sp), 2);
	cr_assert_eq(rd64(mm, sp + 8), l.arg_start);
	cr_assert_str_eq(rdstr(mm, rd64(mm, sp + 8)), "prog");
	cr_assert_str_eq(rdstr(mm, rd64(mm, sp + 16)), "arg one");
	cr_assert_eq(rd64(mm, sp + 24), 0);
	cr_assert_str_eq(rdstr(mm, rd64(mm, sp + 32)), "A=1");
	cr_assert_str_eq(rdstr(mm, rd64(mm, sp + 40)), "PATH=/bin");
	cr_assert_eq(rd64(mm, sp + 48), 0);
	cr_assert_eq(l.auxv_start, sp + 56);

	static const uint64_t keys[] = {
		LINUX_AT_MINSIGSTKSZ, LINUX_AT_HWCAP,  LINUX_AT_PAGESZ,
		LINUX_AT_CLKTCK,      LINUX_AT_PHDR,   LINUX_AT_PHENT,
		LINUX_AT_PHNUM,	      LINUX_AT_BASE,   LINUX_AT_FLAGS,
		LINUX_AT_ENTRY,	      LINUX_AT_UID,    LINUX_AT_EUID,
		LINUX_AT_GID,	      LINUX_AT_EGID,   LINUX_AT_SECURE,
		LINUX_AT_RANDOM,      LINUX_AT_HWCAP2, LINUX_AT_EXECFN,
		LINUX_AT_PLATFORM,    LINUX_AT_NULL,
	};
	uint64_t val[64] = {0};
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		cr_assert_eq(rd64(mm, l.auxv_start + 16 * i), keys[i],
			     "auxv entry %zu", i);
		val[keys[i]] = rd64(mm, l.auxv_start + 16 * i + 8);
	}
	cr_assert_eq(l.auxv_len, 16 * ARRAY_SIZE(keys));
	cr_assert_eq(val[LINUX_AT_HWCAP], cpu_hwcap());
	cr_assert_eq(val[LINUX_AT_PAGESZ], 4096);
	cr_assert_eq(val[LINUX_AT_CLKTCK], 100);
	cr_assert_eq(val[LINUX_AT_PHDR], 0x400040);
	cr_assert_eq(val[LINUX_AT_PHENT], 56);
	cr_assert_eq(val[LINUX_AT_PHNUM], 3);
	cr_assert_eq(val[LINUX_AT_BASE], 0x7ffff7fc3000);
	cr_assert_eq(val[LINUX_AT_ENTRY], 0x400100);
	cr_assert_eq(val[LINUX_AT_UID], 1000);
	cr_assert_eq(val[LINUX_AT_EUID], 1001);
	cr_assert_eq(val[LINUX_AT_GID], 100);
	cr_assert_eq(val[LINUX_AT_EGID], 101);
	cr_assert_eq(val[LINUX_AT_EXECFN], l.execfn);
	cr_assert_str_eq(rdstr(mm, val[LINUX_AT_PLATFORM]), "x86_64");
	/* create_elf_tables: platform below the 16-aligned strings, then
	 * the random bytes, then the table. */
	cr_assert_eq(val[LINUX_AT_PLATFORM], (l.arg_start & ~15ull) - 7);
	cr_assert_eq(val[LINUX_AT_RANDOM], val[LINUX_AT_PLATFORM] - 16);
	cr_assert_leq(l.auxv_start + l.auxv_len, val[LINUX_AT_RANDOM]);
	cr_assert_gt(l.auxv_start + l.auxv_len + 16, val[LINUX_AT_RANDOM]);
	mm_destroy(mm);
}

Test(elf, exec_stack_is_executable)
{
	struct mm *mm = mm_create();
	struct stack_args a = {.execfn = "x", .exec_stack = true};
	struct stack_layout l;
	cr_assert_eq(stack_setup(mm, &a, &l), 0);
	cr_assert_str_eq(maps(mm), "7ffffffde000-7ffffffff000 rwx 0 [stack]\n");
	cr_assert_eq(rd64(mm, l.sp), 0); /* argc */
	mm_destroy(mm);
}

Test(elf, oversized_arguments_give_e2big)
{
	size_t big = 32 * PG + 1;
	char *s = malloc(big);
	memset(s, 'x', big - 1);
	s[big - 1] = '\0';
	char *argv[] = {"prog", s, NULL};
	struct stack_args a = {.argv = argv, .execfn = "prog"};
	cr_assert_eq(stack_check_args(&a), -LINUX_E2BIG);
	s[big - 2] = '\0'; /* exactly MAX_ARG_STRLEN with the NUL */
	cr_assert_eq(stack_check_args(&a), 0);

	/* 20 strings of 128 KiB: 2.5 MiB > 8 MiB / 4. */
	char *many[21];
	for (int i = 0; i < 20; i++)
		many[i] = s;
	many[20] = NULL;
	a.argv = many;
	cr_assert_eq(stack_check_args(&a), -LINUX_E2BIG);
	a.rlim_stack = 64ull << 20; /* still capped at 6 MiB: fits */
	cr_assert_eq(stack_check_args(&a), 0);
	free(s);
}

Test(elf, large_arguments_grow_the_stack_mapping)
{
	struct mm *mm = mm_create();
	char *s = malloc(100000);
	memset(s, 'y', 99999);
	s[99999] = '\0';
	char *argv[] = {s, s, s, NULL};
	struct stack_args a = {.argv = argv, .execfn = "p"};
	struct stack_layout l;
	cr_assert_eq(stack_setup(mm, &a, &l), 0);
	cr_assert_eq(rd64(mm, l.sp), 3);
	cr_assert_eq(mm_read_str(mm, s, rd64(mm, l.sp + 24), 100000), 99999);
	free(s);
	mm_destroy(mm);
}

/* ---- loader_exec against a guest root ------------------------------------ */

static char root[64];

/* Writes the in-memory image to root/name with the given mode. */
static void put_file(const char *name, const void *data, size_t n, int mode)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
	cr_assert_eq(chmod(path, mode), 0);
}

static struct task *new_root(void)
{
	strcpy(root, "/tmp/wax_test_elf.XXXXXX");
	cr_assert_not_null(mkdtemp(root));
	cr_assert_eq(vfs_init(root), 0);
	struct task *t = proc_create_init();
	cr_assert_not_null(t);
	return t;
}

static void rm_root(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	cr_assert_eq(system(cmd), 0);
}

static char *test_argv[] = {"prog", "x", NULL};
static char *test_envp[] = {"HOME=/", NULL};

Test(elf, loader_exec_sets_up_process_and_registers)
{
	struct task *t = new_root();
	put_file("prog", im.buf, im.size, 0755);
	cr_assert_eq(loader_exec(t, "/prog", test_argv, test_envp), 0);
	struct process *p = t->proc;
	cr_assert_str_eq(p->exe, "/prog");
	cr_assert_eq(t->cpu.rip, 0x400100);
	cr_assert_eq(t->cpu.regs[R_RSP] & 15, 0);
	cr_assert_eq(t->cpu.regs[R_RDX], 0);
	cr_assert_eq(rd64(p->mm, t->cpu.regs[R_RSP]), 2);
	cr_assert_str_eq(rdstr(p->mm, p->arg_start), "prog");
	cr_assert_str_eq(rdstr(p->mm, p->env_start), "HOME=/");
	cr_assert_eq(p->arg_end, p->env_start);
	cr_assert_eq(rd64(p->mm, p->auxv_start), LINUX_AT_MINSIGSTKSZ);
	cr_assert_eq(mm_brk(p->mm, 0), 0x404000);
	cr_assert_str_eq(maps(p->mm),
			 "400000-401000 r-x 0 /prog\n"
			 "401000-403000 rw- 1000 /prog\n"
			 "403000-404000 rw- 0 \n"
			 "7ffffffde000-7ffffffff000 rw- 0 [stack]\n");
	rm_root();
}

Test(elf, loader_exec_of_missing_file_returns_enoent)
{
	struct task *t = new_root();
	cr_assert_eq(loader_exec(t, "/nope", test_argv, test_envp),
		     -LINUX_ENOENT);
	rm_root();
}

Test(elf, loader_exec_of_non_executable_returns_eacces)
{
	struct task *t = new_root();
	put_file("prog", im.buf, im.size, 0644);
	cr_assert_eq(loader_exec(t, "/prog", test_argv, test_envp),
		     -LINUX_EACCES);
	cr_assert_eq(loader_exec(t, "/", test_argv, test_envp), -LINUX_EACCES);
	rm_root();
}

Test(elf, loader_exec_of_garbage_returns_enoexec_and_leaves_mm_empty)
{
	struct task *t = new_root();
	put_file("prog", "MZ\x90\0 not an ELF at all", 24, 0755);
	cr_assert_eq(loader_exec(t, "/prog", test_argv, test_envp),
		     -LINUX_ENOEXEC);
	cr_assert_str_eq(maps(t->proc->mm), "");
	rm_root();
}

Test(elf, loader_exec_with_missing_or_bad_interpreter_fails)
{
	struct task *t = new_root();
	eh(&im)->e_phnum = 4;
	memcpy(im.buf + 0x800, "/ld.so", 7);
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x800, 0x400800, 7, 7);
	put_file("prog", im.buf, im.size, 0755);
	cr_assert_eq(loader_exec(t, "/prog", test_argv, test_envp),
		     -LINUX_ENOENT);
	put_file("ld.so",
		 "garbage garbage garbage garbage garbage garbage "
		 "garbage garbage garbage garbage",
		 80, 0755);
	cr_assert_eq(loader_exec(t, "/prog", test_argv, test_envp),
		     -LINUX_ELIBBAD);
	cr_assert_str_eq(maps(t->proc->mm), "");
	rm_root();
}

Test(elf, loader_exec_maps_the_interpreter_top_down)
{
	struct task *t = new_root();
	struct img interp;
	img_init(&interp);
	eh(&interp)->e_type = LINUX_ET_DYN;
	eh(&interp)->e_entry = 0x123;
	for (int i = 0; i < 2; i++)
		ph(&interp, i)->p_vaddr -= 0x400000;
	put_file("ld.so", interp.buf, interp.size, 0755);
	/* The program: a PIE asking for /ld.so. */
	eh(&im)->e_type = LINUX_ET_DYN;
	eh(&im)->e_entry = 0x100;
	eh(&im)->e_phnum = 4;
	for (int i = 0; i < 2; i++)
		ph(&im, i)->p_vaddr -= 0x400000;
	memcpy(im.buf + 0x800, "/ld.so", 7);
	set_ph(&im, 3, LINUX_PT_INTERP, LINUX_PF_R, 0x800, 0x800, 7, 7);
	put_file("prog", im.buf, im.size, 0755);
	cr_assert_eq(loader_exec(t, "/prog", test_argv, test_envp), 0);

	gaddr ld = 0x7ffff7fff000 - 0x4000;
	cr_assert_eq(t->cpu.rip, ld + 0x123);
	struct process *p = t->proc;
	uint64_t base = 0, entry = 0, phdr = 0;
	for (gaddr a = p->auxv_start; rd64(p->mm, a) != LINUX_AT_NULL;
	     a += 16) {
		uint64_t k = rd64(p->mm, a), v = rd64(p->mm, a + 8);
		base = k == LINUX_AT_BASE ? v : base;
		entry = k == LINUX_AT_ENTRY ? v : entry;
		phdr = k == LINUX_AT_PHDR ? v : phdr;
	}
	cr_assert_eq(base, ld);
	cr_assert_eq(entry, 0x555555554100);
	cr_assert_eq(phdr, 0x555555554040);
	cr_assert_eq(mm_brk(p->mm, 0), 0x555555558000);
	rm_root();
}

Test(elf, loader_exec_rejects_oversized_arguments_with_e2big)
{
	struct task *t = new_root();
	put_file("prog", im.buf, im.size, 0755);
	size_t big = 200000;
	char *s = malloc(big);
	memset(s, 'z', big - 1);
	s[big - 1] = '\0';
	char *argv[] = {"prog", s, NULL};
	cr_assert_eq(loader_exec(t, "/prog", argv, test_envp), -LINUX_E2BIG);
	cr_assert_str_eq(maps(t->proc->mm), "");
	free(s);
	rm_root();
}

/* ---- symbols ------------------------------------------------------------- */

#include <link.h>

static int first_object(struct dl_phdr_info *info, size_t size, void *ctx)
{
	*(gaddr *)ctx = info->dlpi_addr;
	return 1; /* the main program comes first */
}

__attribute__((noinline)) int symbolize_me(int x);
__attribute__((noinline)) int symbolize_me(int x)
{
	return x * 3 + 1;
}

Test(elf, symbols_of_an_executable_name_addresses)
{
	gaddr bias = 0;
	char buf[128];
	dl_iterate_phdr(first_object, &bias);
	symbols_reset();
	symbols_load("/proc/self/exe", bias);
	cr_assert_not_null(cpu_symbolize);
	gaddr fn = (gaddr)(uintptr_t)symbolize_me;
	cr_assert_eq(cpu_symbolize(fn + 2, buf, sizeof(buf)), 0);
	cr_assert_str_eq(buf, "symbolize_me+0x2");
	cr_assert_lt(cpu_symbolize(0x10, buf, sizeof(buf)), 0);
}

Test(elf, host_bin_true_loads_with_its_interpreter_like_linux)
{
	if (access("/bin/true", X_OK) != 0)
		cr_skip_test("no /bin/true on this host");
	cr_assert_eq(vfs_init("/"), 0);
	struct task *t = proc_create_init();
	char *argv[] = {"true", NULL};
	cr_assert_eq(loader_exec(t, "/bin/true", argv, test_envp), 0);
	struct process *p = t->proc;
	uint64_t base = 0, entry = 0;
	for (gaddr a = p->auxv_start; rd64(p->mm, a) != LINUX_AT_NULL;
	     a += 16) {
		uint64_t k = rd64(p->mm, a), v = rd64(p->mm, a + 8);
		base = k == LINUX_AT_BASE ? v : base;
		entry = k == LINUX_AT_ENTRY ? v : entry;
	}
	/* A PIE with an interpreter: the program at ELF_ET_DYN_BASE, ld.so
	 * ending at the mmap base, execution starting in ld.so. */
	cr_assert_eq(entry >> 12 >> 16, 0x555555554000ull >> 28);
	cr_assert_eq(base & 0xfff, 0);
	cr_assert_gt(base, 0x7ffff7000000);
	cr_assert_geq(t->cpu.rip, base);
	cr_assert_lt(t->cpu.rip, 0x7ffff7fff000);
	/* /bin is a symlink on merged-/usr hosts: exe is the real path. */
	cr_assert(strcmp(p->exe, "/bin/true") == 0 ||
		  strcmp(p->exe, "/usr/bin/true") == 0);
}

/* ---- "#!" scripts -------------------------------------------------------- */

static int parse_line(const char *line, char **interp, char **arg)
{
	*interp = *arg = NULL;
	return script_parse(line, strlen(line), interp, arg);
}

Test(elf, script_line_gives_interpreter_and_one_argument)
{
	char *i, *a;
	cr_assert_eq(parse_line("#!/bin/sh\necho\n", &i, &a), 1);
	cr_assert_str_eq(i, "/bin/sh");
	cr_assert_null(a);
	free(i);
	cr_assert_eq(parse_line("#! \t/usr/bin/env  python3 -u  \nx", &i, &a),
		     1);
	cr_assert_str_eq(i, "/usr/bin/env");
	cr_assert_str_eq(a, "python3 -u"); /* the rest is one argument */
	free(i);
	free(a);
	cr_assert_eq(parse_line("#!/bin/sh", &i, &a), 1); /* no newline */
	cr_assert_str_eq(i, "/bin/sh");
	free(i);
}

Test(elf, script_line_without_interpreter_is_rejected)
{
	char *i, *a;
	cr_assert_eq(parse_line("#!\n", &i, &a), -LINUX_ENOEXEC);
	cr_assert_eq(parse_line("#!   \t \n/bin/sh", &i, &a), -LINUX_ENOEXEC);
	cr_assert_eq(parse_line("\x7f"
				"ELF",
				&i, &a),
		     0);
	char longline[300];
	memset(longline, 'a', sizeof(longline));
	memcpy(longline, "#!/", 3);
	longline[299] = '\0';
	cr_assert_eq(parse_line(longline, &i, &a), -LINUX_ENOEXEC); /* cut */
}

Test(elf, loader_exec_runs_a_script_through_its_interpreter)
{
	struct task *t = new_root();
	put_file("prog", im.buf, im.size, 0755);
	put_file("s.sh", "#!/prog -x\nexit 0\n", 18, 0755);
	char *argv[] = {"s.sh", "a", NULL};
	cr_assert_eq(loader_exec(t, "/s.sh", argv, test_envp), 0);
	struct process *p = t->proc;
	gaddr sp = t->cpu.regs[R_RSP];
	cr_assert_eq(rd64(p->mm, sp), 4);
	cr_assert_str_eq(rdstr(p->mm, rd64(p->mm, sp + 8)), "/prog");
	cr_assert_str_eq(rdstr(p->mm, rd64(p->mm, sp + 16)), "-x");
	cr_assert_str_eq(rdstr(p->mm, rd64(p->mm, sp + 24)), "/s.sh");
	cr_assert_str_eq(rdstr(p->mm, rd64(p->mm, sp + 32)), "a");
	cr_assert_eq(rd64(p->mm, sp + 40), 0);
	cr_assert_str_eq(p->exe, "/prog");
	/* AT_EXECFN stays the path given to execve. */
	cr_assert_str_eq(rdstr(p->mm, STACK_TOP - 8 - sizeof("/s.sh")),
			 "/s.sh");
	rm_root();
}

Test(elf, script_loops_end_in_eloop)
{
	struct task *t = new_root();
	put_file("a", "#!/b\n", 5, 0755);
	put_file("b", "#!/a\n", 5, 0755);
	cr_assert_eq(loader_exec(t, "/a", test_argv, test_envp), -LINUX_ELOOP);
	put_file("c", "#!/nowhere\n", 11, 0755);
	cr_assert_eq(loader_exec(t, "/c", test_argv, test_envp), -LINUX_ENOENT);
	rm_root();
}

Test(elf, bss_only_and_empty_segments_map_as_zero_memory)
{
	struct mm *mm = mm_create();
	struct elf_mapped m;
	eh(&im)->e_phnum = 4;
	/* An empty PT_LOAD is ignored; a bss-only one maps zeroes. */
	set_ph(&im, 2, LINUX_PT_LOAD, LINUX_PF_R, 0, 0x300000, 0, 0);
	set_ph(&im, 3, LINUX_PT_LOAD, LINUX_PF_R | LINUX_PF_W, 0x2000, 0x500000,
	       0, 0x1800);
	cr_assert_eq(map_img(mm, &im, 0, &m), 0);
	cr_assert_eq(m.brk, 0x502000);
	cr_assert_str_eq(maps(mm), "400000-401000 r-x 0 /prog\n"
				   "401000-403000 rw- 1000 /prog\n"
				   "403000-404000 rw- 0 \n"
				   "500000-502000 rw- 0 \n");
	uint8_t page[PG];
	cr_assert_eq(mm_read(mm, page, 0x500000, PG), 0);
	for (size_t i = 0; i < PG; i++)
		cr_assert_eq(page[i], 0);
	mm_destroy(mm);
}
