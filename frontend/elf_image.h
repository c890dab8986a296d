/*
 * ELF64 as the x86-64 Linux kernel reads it (guest ABI structs, exact
 * layout), and the loader's internal interfaces: the parsing/mapping core
 * (elf.c), which reads the image through a callback so that unit tests can
 * feed it memory buffers, and the initial stack builder (stack.c).
 *
 * Callers: loader.c (loader_exec), tests/unit/test_elf.c.
 */
#ifndef WAX_ELF_IMAGE_H
#define WAX_ELF_IMAGE_H

#include "translate.h"
#include "wax.h"

/* ---- ELF64 file format --------------------------------------------------- */

#define LINUX_EI_NIDENT	  16
#define LINUX_ELFMAG	  "\177ELF"
#define LINUX_EI_CLASS	  4
#define LINUX_EI_DATA	  5
#define LINUX_EI_VERSION  6
#define LINUX_ELFCLASS64  2
#define LINUX_ELFDATA2LSB 1
#define LINUX_EV_CURRENT  1
#define LINUX_ET_EXEC	  2
#define LINUX_ET_DYN	  3
#define LINUX_EM_X86_64	  62

#define LINUX_PT_LOAD	   1
#define LINUX_PT_INTERP	   3
#define LINUX_PT_PHDR	   6
#define LINUX_PT_TLS	   7
#define LINUX_PT_GNU_STACK 0x6474e551
#define LINUX_PF_X	   1
#define LINUX_PF_W	   2
#define LINUX_PF_R	   4

struct linux_elf64_ehdr {
	uint8_t e_ident[LINUX_EI_NIDENT]; /* magic, class, data, version */
	uint16_t e_type;		  /* ET_EXEC or ET_DYN */
	uint16_t e_machine;		  /* EM_X86_64 */
	uint32_t e_version;		  /* EV_CURRENT */
	uint64_t e_entry;		  /* entry point (unbiased) */
	uint64_t e_phoff;		  /* file offset of program headers */
	uint64_t e_shoff;		  /* file offset of section headers */
	uint32_t e_flags;		  /* none defined for x86-64 */
	uint16_t e_ehsize;		  /* size of this header */
	uint16_t e_phentsize;		  /* size of one program header */
	uint16_t e_phnum;		  /* number of program headers */
	uint16_t e_shentsize;		  /* size of one section header */
	uint16_t e_shnum;		  /* number of section headers */
	uint16_t e_shstrndx;		  /* section name string table */
};
_Static_assert(sizeof(struct linux_elf64_ehdr) == 64, "ehdr size");
_Static_assert(offsetof(struct linux_elf64_ehdr, e_phoff) == 32, "e_phoff");
_Static_assert(offsetof(struct linux_elf64_ehdr, e_phnum) == 56, "e_phnum");

struct linux_elf64_phdr {
	uint32_t p_type;   /* PT_* */
	uint32_t p_flags;  /* PF_* */
	uint64_t p_offset; /* file offset of the segment */
	uint64_t p_vaddr;  /* virtual address (unbiased) */
	uint64_t p_paddr;  /* unused */
	uint64_t p_filesz; /* bytes in the file */
	uint64_t p_memsz;  /* bytes in memory (>= p_filesz; rest is bss) */
	uint64_t p_align;  /* alignment */
};
_Static_assert(sizeof(struct linux_elf64_phdr) == 56, "phdr size");
_Static_assert(offsetof(struct linux_elf64_phdr, p_vaddr) == 16, "p_vaddr");

/* Auxiliary vector keys (include/uapi/linux/auxvec.h, asm/auxvec.h). */
#define LINUX_AT_NULL	     0
#define LINUX_AT_PHDR	     3
#define LINUX_AT_PHENT	     4
#define LINUX_AT_PHNUM	     5
#define LINUX_AT_PAGESZ	     6
#define LINUX_AT_BASE	     7
#define LINUX_AT_FLAGS	     8
#define LINUX_AT_ENTRY	     9
#define LINUX_AT_UID	     11
#define LINUX_AT_EUID	     12
#define LINUX_AT_GID	     13
#define LINUX_AT_EGID	     14
#define LINUX_AT_PLATFORM    15
#define LINUX_AT_HWCAP	     16
#define LINUX_AT_CLKTCK	     17
#define LINUX_AT_SECURE	     23
#define LINUX_AT_RANDOM	     25
#define LINUX_AT_HWCAP2	     26
#define LINUX_AT_EXECFN	     31
#define LINUX_AT_MINSIGSTKSZ 51

/* ---- elf.c: parsing and mapping ------------------------------------------ */

/* Longest PT_INTERP accepted, NUL included (PATH_MAX). */
#define ELF_INTERP_MAX 4096
/* Linux refuses program header tables above 64 KiB (load_elf_phdrs). */
#define ELF_PHDRS_MAX 65536u
/* ELF_ET_DYN_BASE (2/3 of TASK_SIZE) without randomisation: where a PIE
 * with an interpreter is loaded (page aligned down), and where the brk of a
 * static PIE starts (page aligned up). */
#define ELF_ET_DYN_BASE_RAW 0x555555554aaaull
#define ELF_ET_DYN_BASE	    (ELF_ET_DYN_BASE_RAW & GUEST_PAGE_MASK)

/*
 * Reads up to n bytes at offset off of the image into buf.  Returns the
 * number read (short only at end of file) or a negative LINUX_E*.
 */
typedef int64_t elf_read_fn(void *ctx, void *buf, size_t n, uint64_t off);

struct elf_source {
	elf_read_fn *read;
	void *ctx;
	uint64_t size; /* file size in bytes */
};

/* A validated image, before mapping. */
struct elf_image {
	struct linux_elf64_ehdr eh;
	struct linux_elf64_phdr *ph; /* eh.e_phnum entries (malloc'd) */
	char *interp;		     /* PT_INTERP path (malloc'd) or NULL */
	gaddr lo, hi;		     /* page span of the PT_LOADs, unbiased */
	gaddr phdr_vaddr;	     /* where the phdrs are in memory, or 0 */
	bool exec_stack;	     /* PT_GNU_STACK with PF_X */
};

/* What mapping an image produced. */
struct elf_mapped {
	gaddr bias;  /* added to every p_vaddr (0 for ET_EXEC) */
	gaddr entry; /* e_entry + bias */
	gaddr phdr;  /* AT_PHDR: program headers in memory */
	gaddr brk;   /* page-aligned end of the highest segment */
};

/*
 * Reads and validates the ELF header and program headers of src.
 * Returns 0 with *img filled (release with elf_image_free), -LINUX_ENOEXEC
 * for anything that is not a sane x86-64 ELF executable, or a read error.
 */
int elf_parse(const struct elf_source *src, struct elf_image *img);
void elf_image_free(struct elf_image *img);
/*
 * Maps the PT_LOAD segments of img into mm, copying file contents the way
 * Linux maps file pages (whole pages, bss zeroed from p_filesz).  ET_EXEC
 * images go at their addresses; ET_DYN ones at base when base != 0, else
 * wherever mm_map's top-down search puts the whole span.  Names the
 * mappings after path.  Returns 0 or a negative LINUX_E*.
 */
int elf_map(struct mm *mm, const struct elf_source *src,
	    const struct elf_image *img, gaddr base, const char *path,
	    uint64_t dev, uint64_t ino, struct elf_mapped *out);

/* ---- stack.c: the initial stack ------------------------------------------ */

#define STACK_TOP 0x7ffffffff000ull
/* What Linux leaves mapped below the strings (setup_arg_pages). */
#define STACK_EXPAND 0x20000ull
/* AT_MINSIGSTKSZ: room a signal frame needs (fxsave area + siginfo +
 * ucontext, rounded up). */
#define STACK_MINSIGSTKSZ 2048u

struct stack_args {
	char *const *argv, *const *envp; /* NULL-terminated, may be NULL */
	const char *execfn;		 /* path as given to execve */
	uint64_t rlim_stack;		 /* RLIMIT_STACK (0: 8 MiB) */
	bool exec_stack;
	/* auxv values */
	gaddr phdr, entry, base;
	uint64_t phnum;
	uint32_t uid, euid, gid, egid;
};

struct stack_layout {
	gaddr sp; /* points at argc */
	gaddr arg_start, arg_end, env_start, env_end;
	gaddr auxv_start;
	unsigned auxv_len; /* bytes, AT_NULL pair included */
	gaddr execfn, random, platform;
};

/*
 * Checks argv/envp against Linux's limits before anything is torn down:
 * -LINUX_E2BIG when one string exceeds MAX_ARG_STRLEN or all of them (plus
 * their pointers) exceed a quarter of the stack limit.
 */
int stack_check_args(const struct stack_args *a);
/*
 * Maps the [stack] (growsdown) just below STACK_TOP and lays out strings,
 * AT_RANDOM bytes, argc/argv/envp and auxv exactly like Linux's
 * create_elf_tables.  Returns 0 or a negative LINUX_E*.
 */
int stack_setup(struct mm *mm, const struct stack_args *a,
		struct stack_layout *out);

/* ---- script.c: "#!" scripts ---------------------------------------------- */

/* Bytes of the file examined for "#!" (BINPRM_BUF_SIZE). */
#define SCRIPT_HEAD_MAX 256
/* How many times a script may hand over to another script or format
 * before -ELOOP (exec_binprm). */
#define SCRIPT_MAX_DEPTH 5

/*
 * Parses the first n bytes of a file as a "#!" line.  Returns 0 when it
 * is not a script, 1 with *interp and *arg (malloc'd; *arg NULL when
 * absent), or -LINUX_ENOEXEC for a line without an interpreter name.
 */
int script_parse(const void *head, size_t n, char **interp, char **arg);
/* argv for the interpreter: interp, [arg], path, argv[1..].  The strings
 * are borrowed; free only the array.  NULL when out of memory. */
char **script_argv(const char *interp, const char *arg, const char *path,
		   char *const argv[]);

#endif
