/*
 * Contents of the generated /proc files: cpuinfo (from cpu_cpuid, so the
 * flags line lists exactly what the interpreter implements), meminfo,
 * filesystems, mounts, uptime, sys/kernel/{osrelease,hostname}, and the per-process maps
 * (Linux's exact format), cmdline, environ, stat, status, comm.
 *
 * Layer: fs/ (procfs).  Callers: procfs.c node tables.  Calls down into
 * translate/ (cpu_cpuid, mm_foreach, mm_read).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pseudo.h"

/* CPUID feature bits in the order Linux's cpufeatures.h prints them. */
enum { W_1EDX, W_81EDX, W_1ECX, W_81ECX, W_7EBX, W_7ECX, W_7EDX, W_N };

static const struct cpu_flag {
	uint8_t word, bit;
	const char *name;
} cpu_flags[] = {
	{W_1EDX, 0, "fpu"},
	{W_1EDX, 1, "vme"},
	{W_1EDX, 2, "de"},
	{W_1EDX, 3, "pse"},
	{W_1EDX, 4, "tsc"},
	{W_1EDX, 5, "msr"},
	{W_1EDX, 6, "pae"},
	{W_1EDX, 7, "mce"},
	{W_1EDX, 8, "cx8"},
	{W_1EDX, 9, "apic"},
	{W_1EDX, 11, "sep"},
	{W_1EDX, 12, "mtrr"},
	{W_1EDX, 13, "pge"},
	{W_1EDX, 14, "mca"},
	{W_1EDX, 15, "cmov"},
	{W_1EDX, 16, "pat"},
	{W_1EDX, 17, "pse36"},
	{W_1EDX, 19, "clflush"},
	{W_1EDX, 23, "mmx"},
	{W_1EDX, 24, "fxsr"},
	{W_1EDX, 25, "sse"},
	{W_1EDX, 26, "sse2"},
	{W_1EDX, 27, "ss"},
	{W_1EDX, 28, "ht"},
	{W_81EDX, 11, "syscall"},
	{W_81EDX, 20, "nx"},
	{W_81EDX, 22, "mmxext"},
	{W_81EDX, 25, "fxsr_opt"},
	{W_81EDX, 26, "pdpe1gb"},
	{W_81EDX, 27, "rdtscp"},
	{W_81EDX, 29, "lm"},
	{W_1ECX, 0, "pni"},
	{W_1ECX, 1, "pclmulqdq"},
	{W_1ECX, 3, "monitor"},
	{W_1ECX, 9, "ssse3"},
	{W_1ECX, 12, "fma"},
	{W_1ECX, 13, "cx16"},
	{W_1ECX, 19, "sse4_1"},
	{W_1ECX, 20, "sse4_2"},
	{W_1ECX, 22, "movbe"},
	{W_1ECX, 23, "popcnt"},
	{W_1ECX, 25, "aes"},
	{W_1ECX, 26, "xsave"},
	{W_1ECX, 28, "avx"},
	{W_1ECX, 29, "f16c"},
	{W_1ECX, 30, "rdrand"},
	{W_1ECX, 31, "hypervisor"},
	{W_81ECX, 0, "lahf_lm"},
	{W_81ECX, 5, "abm"},
	{W_81ECX, 6, "sse4a"},
	{W_81ECX, 8, "3dnowprefetch"},
	{W_7EBX, 0, "fsgsbase"},
	{W_7EBX, 3, "bmi1"},
	{W_7EBX, 5, "avx2"},
	{W_7EBX, 7, "smep"},
	{W_7EBX, 8, "bmi2"},
	{W_7EBX, 9, "erms"},
	{W_7EBX, 10, "invpcid"},
	{W_7EBX, 18, "rdseed"},
	{W_7EBX, 19, "adx"},
	{W_7EBX, 20, "smap"},
	{W_7EBX, 23, "clflushopt"},
	{W_7EBX, 24, "clwb"},
	{W_7EBX, 29, "sha_ni"},
	{W_7ECX, 1, "avx512vbmi"},
	{W_7ECX, 2, "umip"},
	{W_7ECX, 4, "pku"},
	{W_7ECX, 22, "rdpid"},
	{W_7EDX, 4, "fsrm"},
	{W_7EDX, 10, "md_clear"},
};

int procfs_show_cpuinfo(struct pseudo_inode *pi, struct strbuf *sb)
{
	uint32_t r[4], w[W_N] = {0}, max, maxext;
	char vendor[13], model[49];
	uint32_t fam, mod, step;

	cpu_cpuid(0, 0, r);
	max = r[0];
	memcpy(vendor, &r[1], 4);
	memcpy(vendor + 4, &r[3], 4);
	memcpy(vendor + 8, &r[2], 4);
	vendor[12] = '\0';
	cpu_cpuid(1, 0, r);
	fam = (r[0] >> 8) & 0xf;
	mod = (r[0] >> 4) & 0xf;
	step = r[0] & 0xf;
	if (fam == 0xf)
		fam += (r[0] >> 20) & 0xff;
	if (fam >= 6)
		mod |= ((r[0] >> 16) & 0xf) << 4;
	w[W_1EDX] = r[3];
	w[W_1ECX] = r[2];
	if (max >= 7) {
		cpu_cpuid(7, 0, r);
		w[W_7EBX] = r[1];
		w[W_7ECX] = r[2];
		w[W_7EDX] = r[3];
	}
	cpu_cpuid(0x80000000u, 0, r);
	maxext = r[0];
	if (maxext >= 0x80000001u) {
		cpu_cpuid(0x80000001u, 0, r);
		w[W_81EDX] = r[3];
		w[W_81ECX] = r[2];
	}
	strcpy(model, "wax virtual x86-64 CPU");
	if (maxext >= 0x80000004u) {
		for (uint32_t i = 0; i < 3; i++) {
			cpu_cpuid(0x80000002u + i, 0, r);
			memcpy(model + 16 * i, r, 16);
		}
		model[48] = '\0';
	}
	sb_printf(sb,
		  "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\n"
		  "model\t\t: %u\nmodel name\t: %s\nstepping\t: %u\n"
		  "cpu MHz\t\t: 1000.000\ncache size\t: 512 KB\n"
		  "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\n"
		  "cpu cores\t: 1\napicid\t\t: 0\ninitial apicid\t: 0\n"
		  "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\n"
		  "wp\t\t: yes\nflags\t\t:",
		  vendor, fam, mod, model[0] == ' ' ? model + 1 : model, step,
		  max);
	for (size_t i = 0; i < ARRAY_SIZE(cpu_flags); i++)
		if (w[cpu_flags[i].word] & (1u << cpu_flags[i].bit))
			sb_printf(sb, " %s", cpu_flags[i].name);
	sb_printf(sb, "\nbogomips\t: 2000.00\nclflush size\t: 64\n"
		      "cache_alignment\t: 64\n"
		      "address sizes\t: 48 bits physical, 48 bits virtual\n"
		      "power management:\n\n");
	return 0;
}

int procfs_show_meminfo(struct pseudo_inode *pi, struct strbuf *sb)
{
	long pages = sysconf(_SC_PHYS_PAGES), avail = sysconf(_SC_AVPHYS_PAGES);
	long psz = sysconf(_SC_PAGESIZE);
	uint64_t total, free_;

	if (pages <= 0 || psz <= 0)
		pages = 1l << 20, psz = 4096;
	if (avail <= 0 || avail > pages)
		avail = pages / 2;
	total = (uint64_t)pages * (uint64_t)psz / 1024;
	free_ = (uint64_t)avail * (uint64_t)psz / 1024;
	if (sizeof(void *) == 4) { /* wasm32: one 4 GiB linear memory */
		total = 4ull << 20;
		free_ = MIN(free_, total);
	}
	sb_printf(sb,
		  "MemTotal:       %8llu kB\nMemFree:        %8llu kB\n"
		  "MemAvailable:   %8llu kB\nBuffers:               0 kB\n"
		  "Cached:                0 kB\nSwapCached:            0 kB\n"
		  "SwapTotal:             0 kB\nSwapFree:              0 kB\n",
		  (unsigned long long)total, (unsigned long long)free_,
		  (unsigned long long)free_);
	return 0;
}

int procfs_show_filesystems(struct pseudo_inode *pi, struct strbuf *sb)
{
	sb_printf(sb, "nodev\tproc\nnodev\tdevtmpfs\nnodev\tpipefs\n"
		      "\thostfs\n");
	return 0;
}

static void mount_line(void *ctx, const char *path, const struct super *s)
{
	const char *src =
		strcmp(s->fstype, "hostfs") == 0 ? "/dev/root" : s->fstype;

	sb_printf(ctx, "%s %s %s rw,relatime 0 0\n", src, path, s->fstype);
}

int procfs_show_mounts(struct pseudo_inode *pi, struct strbuf *sb)
{
	vfs_foreach_mount(mount_line, sb);
	return 0;
}

int procfs_show_osrelease(struct pseudo_inode *pi, struct strbuf *sb)
{
	sb_printf(sb, "%s\n", WAX_LINUX_RELEASE);
	return 0;
}

int procfs_show_hostname(struct pseudo_inode *pi, struct strbuf *sb)
{
	const struct procfs_hooks *h = procfs_hooks();

	sb_printf(sb, "%s\n", h->hostname ? h->hostname() : "wax");
	return 0;
}

int procfs_show_uptime(struct pseudo_inode *pi, struct strbuf *sb)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	sb_printf(sb, "%lld.%02ld %lld.%02ld\n", (long long)ts.tv_sec,
		  ts.tv_nsec / 10000000, (long long)ts.tv_sec,
		  ts.tv_nsec / 10000000);
	return 0;
}

/* One line of /proc/self/maps, exactly as Linux's show_map_vma. */
static int maps_line(void *ctx, const struct vma_info *v)
{
	struct strbuf *sb = ctx;
	size_t start = sb->len;

	sb_printf(sb, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
		  (unsigned long long)v->start, (unsigned long long)v->end,
		  (v->prot & MEM_READ) ? 'r' : '-',
		  (v->prot & MEM_WRITE) ? 'w' : '-',
		  (v->prot & MEM_EXEC) ? 'x' : '-',
		  (v->flags & MM_SHARED) ? 's' : 'p',
		  (unsigned long long)v->offset, linux_major(v->dev),
		  linux_minor(v->dev), (unsigned long long)v->ino);
	if (v->name && v->name[0]) {
		/* seq_pad: the name starts at column 73 */
		while (sb->len - start < 72 && !sb->oom)
			sb_append(sb, " ", 1);
		sb_printf(sb, " %s", v->name);
	}
	sb_append(sb, "\n", 1);
	return 0;
}

int procfs_show_maps(struct pseudo_inode *pi, struct strbuf *sb)
{
	const struct procfs_hooks *h = procfs_hooks();
	struct mm *mm = h->mm ? h->mm() : NULL;

	if (mm)
		mm_foreach(mm, maps_line, sb);
	return 0;
}

#define PROC_STR_MAX (1u << 20)

static int show_guest_range(struct strbuf *sb,
			    void (*range)(gaddr *start, gaddr *end))
{
	const struct procfs_hooks *h = procfs_hooks();
	struct mm *mm = h->mm ? h->mm() : NULL;
	gaddr start = 0, end = 0;
	char *buf;
	size_t n;

	if (!mm || !range)
		return 0;
	range(&start, &end);
	if (end <= start)
		return 0;
	n = (size_t)MIN(end - start, (gaddr)PROC_STR_MAX);
	buf = malloc(n);
	if (!buf)
		return -LINUX_ENOMEM;
	if (mm_read(mm, buf, start, n) == 0)
		sb_append(sb, buf, n);
	free(buf);
	return 0;
}

int procfs_show_cmdline(struct pseudo_inode *pi, struct strbuf *sb)
{
	return show_guest_range(sb, procfs_hooks()->cmdline);
}

int procfs_show_environ(struct pseudo_inode *pi, struct strbuf *sb)
{
	return show_guest_range(sb, procfs_hooks()->environ);
}

/* The process name: the last component of the exe, 15 bytes at most. */
static void comm_of(char *out, size_t cap)
{
	const struct procfs_hooks *h = procfs_hooks();
	const char *exe = h->exe ? h->exe() : NULL;
	const char *slash;

	if (!exe)
		exe = "wax";
	slash = strrchr(exe, '/');
	snprintf(out, MIN(cap, 16), "%s", slash ? slash + 1 : exe);
}

int procfs_show_comm(struct pseudo_inode *pi, struct strbuf *sb)
{
	char comm[16];

	comm_of(comm, sizeof(comm));
	sb_printf(sb, "%s\n", comm);
	return 0;
}

int procfs_show_stat(struct pseudo_inode *pi, struct strbuf *sb)
{
	const struct procfs_hooks *h = procfs_hooks();
	int pid = procfs_current_pid();
	int ppid = h->ppid ? h->ppid() : 0;
	char comm[16];

	comm_of(comm, sizeof(comm));
	/* 52 fields as proc(5) lists them; unknown ones are 0 */
	sb_printf(sb, "%d (%s) R %d %d %d 0 -1 4194304", pid, comm, ppid, pid,
		  pid);
	for (int i = 10; i <= 17; i++)
		sb_printf(sb, " 0");
	sb_printf(sb, " 20 0 1 0 0 0 0 18446744073709551615");
	for (int i = 26; i <= 37; i++)
		sb_printf(sb, " 0");
	sb_printf(sb, " 17 0 0 0 0 0");
	for (int i = 44; i <= 52; i++)
		sb_printf(sb, " 0");
	sb_append(sb, "\n", 1);
	return 0;
}

int procfs_show_status(struct pseudo_inode *pi, struct strbuf *sb)
{
	const struct procfs_hooks *h = procfs_hooks();
	int pid = procfs_current_pid();
	char comm[16];

	comm_of(comm, sizeof(comm));
	sb_printf(sb,
		  "Name:\t%s\nUmask:\t0022\nState:\tR (running)\nTgid:\t%d\n"
		  "Ngid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n"
		  "FDSize:\t64\nThreads:\t1\nSigQ:\t0/0\n"
		  "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n",
		  comm, pid, h->tid ? h->tid() : pid, h->ppid ? h->ppid() : 0);
	return 0;
}
