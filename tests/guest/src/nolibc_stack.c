/*
 * Guest test (no libc, built -nostdlib -ffreestanding): the initial stack
 * exactly as Linux lays it out: argc, argv[], NULL, envp[], NULL, auxv
 * pairs, AT_NULL; the argument and environment strings contiguous and in
 * order; AT_EXECFN's string at the very top, ending 8 bytes below a page
 * boundary; each required auxv entry present once with the right value.
 * run.sh calls this with arguments "one" "" "three".
 */
#include <stddef.h>
#include <stdint.h>

__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"
	"	mov %rsp, %rdi\n"
	"	mov %rdx, %rsi\n"
	"	and $-16, %rsp\n"
	"	call cmain\n"
	"	hlt\n");

static long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

static size_t slen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static int seq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void out(const char *s)
{
	sys3(1, 1, (long)s, (long)slen(s));
}

static void outnum(unsigned long v)
{
	char b[24];
	int i = 23;
	b[i] = 0;
	do
		b[--i] = (char)('0' + v % 10);
	while (v /= 10);
	out(b + i);
}

static int failures;

static void check(const char *what, int ok)
{
	out(what);
	out(ok ? ": ok\n" : ": FAIL\n");
	failures += !ok;
}

extern char _start[];

void cmain(uint64_t *sp, uint64_t rdx)
{
	long argc = (long)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;
	while (*e)
		e++;
	uint64_t *auxv = (uint64_t *)(e + 1);

	check("rdx is 0", rdx == 0);
	check("stack 16-byte aligned", ((uintptr_t)sp & 15) == 0);
	out("argc = ");
	outnum((unsigned long)argc);
	out("\n");
	check("argv[argc] is NULL", argv[argc] == NULL);
	for (long i = 1; i < argc; i++) {
		out("argv[");
		outnum((unsigned long)i);
		out("] = \"");
		out(argv[i]);
		out("\"\n");
	}
	/* Strings: argv[0..] then envp[0..] back to back. */
	int contiguous = 1;
	char *next = argv[0];
	for (long i = 0; i < argc; i++) {
		contiguous &= argv[i] == next;
		next = argv[i] + slen(argv[i]) + 1;
	}
	check("argv strings contiguous", contiguous);
	for (char **p = envp; *p; p++) {
		contiguous &= *p == next;
		next = *p + slen(*p) + 1;
	}
	check("env strings follow argv strings", contiguous);
	check("strings above the auxv", (uintptr_t)argv[0] > (uintptr_t)auxv);

	static const struct {
		uint64_t type;
		const char *name;
	} want[] = {
		{3, "AT_PHDR"},	   {4, "AT_PHENT"},	{5, "AT_PHNUM"},
		{6, "AT_PAGESZ"},  {7, "AT_BASE"},	{9, "AT_ENTRY"},
		{11, "AT_UID"},	   {12, "AT_EUID"},	{13, "AT_GID"},
		{14, "AT_EGID"},   {15, "AT_PLATFORM"}, {16, "AT_HWCAP"},
		{17, "AT_CLKTCK"}, {23, "AT_SECURE"},	{25, "AT_RANDOM"},
		{26, "AT_HWCAP2"}, {31, "AT_EXECFN"},	{51, "AT_MINSIGSTKSZ"}};
	uint64_t val[64] = {0};
	int count[64] = {0}, n = 0, bad_type = 0;
	for (uint64_t *a = auxv; a[0] != 0 && n < 100; a += 2, n++) {
		if (a[0] < 64) {
			count[a[0]]++;
			val[a[0]] = a[1];
		} else {
			bad_type = 1;
		}
	}
	check("auxv ends with AT_NULL", n < 100);
	check("auxv types all below 64", !bad_type);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		out(want[i].name);
		check(" present once", count[want[i].type] == 1);
	}
	out("AT_PAGESZ = ");
	outnum(val[6]);
	out("\nAT_PHENT = ");
	outnum(val[4]);
	out("\nAT_PHNUM = ");
	outnum(val[5]);
	out("\nAT_BASE = ");
	outnum(val[7]);
	out("\nAT_CLKTCK = ");
	outnum(val[17]);
	out("\nAT_SECURE = ");
	outnum(val[23]);
	out("\n");
	check("AT_ENTRY == _start", val[9] == (uint64_t)_start);
	check("AT_PHDR points at program headers",
	      val[3] && *(uint32_t *)val[3] != 0xdeadbeef && (val[3] & 7) == 0);
	check("AT_PLATFORM is x86_64",
	      val[15] && seq((char *)val[15], "x86_64"));
	const char *execfn = (const char *)val[31];
	check("AT_EXECFN equals argv[0]", execfn && seq(execfn, argv[0]));
	check("AT_EXECFN string ends 8 bytes below a page boundary",
	      execfn &&
		      (((uintptr_t)execfn + slen(execfn) + 1 + 8) & 4095) == 0);
	check("AT_RANDOM above the auxv", val[25] > (uint64_t)auxv);
	check("AT_RANDOM below the strings", val[25] + 16 <= (uint64_t)argv[0]);
	check("AT_MINSIGSTKSZ nonzero", val[51] != 0);
	sys3(231, failures != 0, 0, 0);
}
