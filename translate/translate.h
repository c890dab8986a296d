/*
 * Public interface of the translate layer: the guest CPU (decoder,
 * decoded-block cache, interpreter) and guest memory (software page table
 * per address space, per-thread TLB, copy-in/copy-out).
 *
 * Callers: syscalls/ (run loop, memory syscalls, copy of syscall
 * arguments), fs/ (ioctl arguments, /proc/self/maps), frontend/ (ELF
 * loader).  translate/ never calls up into those layers.
 */
#ifndef WAX_TRANSLATE_H
#define WAX_TRANSLATE_H

#include <pthread.h>

#include "wax.h"

/* ---- guest memory ------------------------------------------------------- */

/* Protection bits: the same values as Linux PROT_*. */
#define MEM_READ  1u
#define MEM_WRITE 2u
#define MEM_EXEC  4u

/* mm_map flags (wax's own; syscalls/ translates the guest's MAP_*). */
#define MM_FIXED	   0x01u /* replace whatever is mapped at addr */
#define MM_FIXED_NOREPLACE 0x02u /* exactly at addr, -EEXIST if busy */
#define MM_GROWSDOWN	   0x04u /* stack: may grow down on fault */
#define MM_SHARED	   0x08u /* MAP_SHARED anonymous (kept on fork) */
#define MM_STACK	   0x10u /* labelled [stack] in maps */

/* Lowest address mm_map hands out without a hint (like vm.mmap_min_addr). */
#define MM_MIN_ADDR 0x10000ull
/* Top of the user address space (47 bits), as on x86-64 Linux. */
#define MM_USER_TOP 0x800000000000ull

struct mm; /* an address space: page table + list of mappings */

/* One mapping, as /proc/self/maps shows it. */
struct vma_info {
	gaddr start, end;
	unsigned prot;	/* MEM_* */
	unsigned flags; /* MM_* */
	uint64_t offset;
	uint64_t dev, ino;
	const char *name; /* path, "[heap]", "[stack]", or "" */
};

/* mem.c (address space) */
/* New empty address space, or NULL when out of host memory. */
struct mm *mm_create(void);
/* Frees the address space and all its pages.  No thread may run in it. */
void mm_destroy(struct mm *mm);
/*
 * Maps len bytes (rounded up to pages) of zeroed anonymous memory.
 * Without MM_FIXED* addr is a hint; the chosen range is searched top-down
 * below the mmap base like Linux.  Returns the address, or a negative
 * LINUX_E* (as int64_t) on failure.
 */
int64_t mm_map(struct mm *mm, gaddr addr, uint64_t len, unsigned prot,
	       unsigned flags);
/* Names a mapped range for /proc/self/maps (file path and offset). */
void mm_set_name(struct mm *mm, gaddr addr, uint64_t len, const char *name,
		 uint64_t offset, uint64_t dev, uint64_t ino);
int mm_unmap(struct mm *mm, gaddr addr, uint64_t len);
int mm_protect(struct mm *mm, gaddr addr, uint64_t len, unsigned prot);
/*
 * madvise(MADV_DONTNEED): private changes are dropped.  Anonymous pages
 * read as zero again; pages of a mapping with a backing (mm_set_backing)
 * are refilled from it, as Linux re-reads a private file mapping.
 * Returns 0, -EINVAL (bad range) or -ENOMEM (part of it unmapped).
 */
int mm_dontneed(struct mm *mm, gaddr addr, uint64_t len);
/* True when every page of [addr, addr+len) is mapped (len > 0, the range
 * below MM_USER_TOP; false otherwise). */
bool mm_range_mapped(struct mm *mm, gaddr addr, uint64_t len);
/* mremap(2); flags are Linux MREMAP_MAYMOVE(1)/MREMAP_FIXED(2). */
int64_t mm_remap(struct mm *mm, gaddr old, uint64_t old_len, uint64_t new_len,
		 unsigned flags, gaddr new_addr);
/* Sets the start of the heap (end of the loaded image); brk begins there. */
void mm_set_brk_start(struct mm *mm, gaddr start);
/* brk(2): returns the new break, or the old one when it cannot move. */
gaddr mm_brk(struct mm *mm, gaddr new_brk);
/* Calls fn for each mapping in address order; stops when fn returns != 0. */
int mm_foreach(struct mm *mm, int (*fn)(void *ctx, const struct vma_info *),
	       void *ctx);

/*
 * The object behind a private file mapping, opaque to translate/ (which
 * never includes fs/): syscalls/ supplies a fill callback and a context
 * (holding its own file reference).  Refcounted: each mapping (vma) that
 * uses it holds one reference, kept right across split, merge, munmap,
 * mremap and mm_clone.
 */
struct mm_backing_ops {
	/* Fills page (GUEST_PAGE_SIZE bytes) with the object's bytes at
	 * offset, zeroes past its end.  Returns 0 or -LINUX_E*.  Called
	 * with the address space locked: must not touch guest memory. */
	int (*fill)(void *ctx, uint64_t offset, uint8_t *page);
	/* Called once, when the last reference goes away. */
	void (*release)(void *ctx);
};
struct mm_backing;

/* mem_pt.c */
/* New backing with one reference (the caller's), or NULL when out of host
 * memory (then ctx is not released). */
struct mm_backing *mm_backing_new(const struct mm_backing_ops *ops, void *ctx);
/* Drops one reference; the last one calls ops->release. NULL is ignored. */
void mm_backing_put(struct mm_backing *b);

/* mem.c */
/*
 * Attaches b to the mappings in [addr, addr+len) (page-rounded, as for
 * mm_set_name, whose offset gives the object offset of each page).  Each
 * mapping takes its own reference; the caller keeps its own.
 */
void mm_set_backing(struct mm *mm, gaddr addr, uint64_t len,
		    struct mm_backing *b);
/*
 * fork(2): a copy of the address space whose private pages are shared
 * copy-on-write (the first write through either side copies the page);
 * MM_SHARED mappings stay shared.  Code cache not copied.  NULL when out
 * of host memory.  Safe while other threads of mm run.
 */
struct mm *mm_clone(struct mm *mm);
/* How far below its top a MM_GROWSDOWN mapping may grow (RLIMIT_STACK;
 * 8 MiB by default). */
void mm_set_stack_rlimit(struct mm *mm, uint64_t limit);
/* Slot for the block cache of this address space (NULL initially; owned by
 * block.c, which frees it in code_cache_destroy). */
void **mm_code_cache(struct mm *mm);
/* block.c: frees *mm_code_cache(mm); called by mm_destroy. */
void code_cache_destroy(struct mm *mm);

/*
 * Copy-in/copy-out: the only way code outside translate/ touches guest
 * memory.  Each returns 0, or -LINUX_EFAULT when any byte of the range is
 * unmapped or lacks the permission (read for mm_read, write for mm_write).
 */
int mm_read(struct mm *mm, void *dst, gaddr src, size_t n);
int mm_write(struct mm *mm, gaddr dst, const void *src, size_t n);
/* Like mm_write but ignores protection (loader filling read-only text). */
int mm_poke(struct mm *mm, gaddr dst, const void *src, size_t n);
/* Fills a guest range with a byte value (write permission needed). */
int mm_fill(struct mm *mm, gaddr dst, int byte, size_t n);
/*
 * Copies a NUL-terminated guest string into dst (size cap, including NUL).
 * Returns its length, -LINUX_EFAULT, or -LINUX_ENAMETOOLONG when no NUL
 * occurs within cap bytes.
 */
int64_t mm_read_str(struct mm *mm, char *dst, gaddr src, size_t cap);

/* ---- guest CPU ---------------------------------------------------------- */

enum {
	R_RAX,
	R_RCX,
	R_RDX,
	R_RBX,
	R_RSP,
	R_RBP,
	R_RSI,
	R_RDI,
	R_R8,
	R_R9,
	R_R10,
	R_R11,
	R_R12,
	R_R13,
	R_R14,
	R_R15,
};

/* RFLAGS bits. */
#define RFLAGS_CF 0x0001u
#define RFLAGS_PF 0x0004u
#define RFLAGS_AF 0x0010u
#define RFLAGS_ZF 0x0040u
#define RFLAGS_SF 0x0080u
#define RFLAGS_TF 0x0100u
#define RFLAGS_IF 0x0200u
#define RFLAGS_DF 0x0400u
#define RFLAGS_OF 0x0800u
#define RFLAGS_AC 0x40000u
#define RFLAGS_ID 0x200000u

union xmm_reg {
	uint8_t u8[16];
	uint16_t u16[8];
	uint32_t u32[4];
	uint64_t u64[2];
	int8_t i8[16];
	int16_t i16[8];
	int32_t i32[4];
	int64_t i64[2];
	float f32[4];
	double f64[2];
} __attribute__((aligned(16)));

/* One TLB entry: a guest page and where it lives in host memory. */
struct tlb_entry {
	gaddr page;    /* guest page address; 1 (never aligned) = empty */
	uint8_t *host; /* host address of that page's first byte */
	unsigned prot; /* MEM_* allowed through this entry */
};
#define TLB_SIZE 256

/* Why cpu_run returned. */
enum cpu_exit {
	CPU_EXIT_SYSCALL = 1, /* SYSCALL executed; rip is past it */
	CPU_EXIT_FAULT,	      /* guest exception: see cpu->fault */
	CPU_EXIT_STOP,	      /* cpu->stop_request was set */
};

/* A synchronous guest exception, as the kernel would report it. */
struct cpu_fault {
	int signo;  /* LINUX_SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP */
	int code;   /* si_code: SEGV_MAPERR, SEGV_ACCERR, ILL_ILLOPN, ... */
	gaddr addr; /* si_addr */
	gaddr rip;  /* address of the faulting instruction */
	uint8_t bytes[16]; /* instruction bytes, for the log (SIGILL) */
	int nbytes;
};

/*
 * The state of one guest thread.  Fields above "private" are the
 * architectural state that syscalls/ (signal frames, ptrace-like dumps,
 * clone) may read and write; use cpu_get_rflags/cpu_set_rflags for flags.
 */
struct cpu {
	uint64_t regs[16];
	uint64_t rip;
	uint64_t fs_base, gs_base;
	union xmm_reg xmm[16];
	uint32_t mxcsr;
	struct x87_state *x87; /* owned by the interpreter; NULL until used */

	struct mm *mm; /* address space this thread runs in */
	void *task;    /* owner (syscalls/ struct task); opaque here */
	volatile int stop_request; /* set by other threads: return ASAP */
	struct cpu_fault fault;	   /* valid after CPU_EXIT_FAULT */

	/* ---- private to translate/ ---- */
	/* lazy flags (interp): result/operands of the last flag-setting op */
	uint64_t cc_res, cc_src, cc_dst;
	unsigned cc_op;
	/* CC_OP_ROT: CF/OF of the last rotate, kind of the record it kept */
	unsigned cc_rot, cc_rot_op;
	uint64_t flags; /* flag bits not covered by the lazy state (DF, ...) */
	struct tlb_entry tlb_r[TLB_SIZE], tlb_w[TLB_SIZE];
	uint64_t tlb_gen; /* mm generation the TLB was filled at */
	void *jmp;	  /* jmp_buf of the running cpu_run, for faults */
	struct block *cur_block;
	uint64_t icount; /* instructions retired (for --trace, benchmarks) */
};

/* cpu.c */
/* Zeroes registers; rflags = 0x202, mxcsr = 0x1f80, x87 in its reset state. */
void cpu_init(struct cpu *cpu, struct mm *mm);
/* Releases what the interpreter allocated for this cpu (x87 state, ...). */
void cpu_fini(struct cpu *cpu);
uint64_t cpu_get_rflags(struct cpu *cpu);
void cpu_set_rflags(struct cpu *cpu, uint64_t rflags);
/* Runs guest code until a syscall, a fault or a stop request. */
enum cpu_exit cpu_run(struct cpu *cpu);
/* Drops cached translations and TLB entries covering [addr, addr+len). */
void cpu_invalidate_code(struct mm *mm, gaddr addr, uint64_t len);
/* Enables per-instruction tracing to stderr (--trace). */
extern int cpu_trace;
/* Optional symboliser for traces and crash reports ("main+0x1c"). */
extern int (*cpu_symbolize)(gaddr addr, char *buf, size_t len);

/* cpuid.c */
/* CPUID as the guest sees it: lists exactly what the interpreter implements. */
void cpu_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4]);
/* AT_HWCAP and AT_HWCAP2 values consistent with cpu_cpuid. */
uint64_t cpu_hwcap(void);
uint64_t cpu_hwcap2(void);

/* Guest signal numbers and si_codes used by cpu_fault. */
#define LINUX_SIGILL	  4
#define LINUX_SIGTRAP	  5
#define LINUX_SIGBUS	  7
#define LINUX_SIGFPE	  8
#define LINUX_SIGSEGV	  11
#define LINUX_SEGV_MAPERR 1
#define LINUX_SEGV_ACCERR 2
#define LINUX_BUS_ADRALN  1
#define LINUX_ILL_ILLOPC  1
#define LINUX_ILL_ILLOPN  2
#define LINUX_ILL_PRVOPC  5
#define LINUX_FPE_INTDIV  1
#define LINUX_FPE_INTOVF  2
#define LINUX_TRAP_BRKPT  1
#define LINUX_SI_KERNEL	  0x80

#endif
