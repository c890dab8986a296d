/*
 * Guest test: the auxiliary vector.  Prints the values that are the same
 * on every Linux x86-64 machine for the same binary, and relations for the
 * rest (AT_RANDOM points at 16 readable bytes, AT_ENTRY is our entry...).
 */
#include "guest.h"
#include <elf.h>
#include <sys/auxv.h>

extern char **environ;
extern void _start(void);

int main(int argc, char **argv)
{
	printf("AT_PAGESZ = %lu\n", getauxval(AT_PAGESZ));
	printf("AT_PHENT = %lu\n", getauxval(AT_PHENT));
	printf("AT_PHNUM = %lu\n", getauxval(AT_PHNUM));
	printf("AT_CLKTCK = %lu\n", getauxval(AT_CLKTCK));
	printf("AT_SECURE = %lu\n", getauxval(AT_SECURE));
	printf("AT_UID == getuid: %d\n", getauxval(AT_UID) == getuid());
	printf("AT_EUID == geteuid: %d\n", getauxval(AT_EUID) == geteuid());
	printf("AT_GID == getgid: %d\n", getauxval(AT_GID) == getgid());
	printf("AT_EGID == getegid: %d\n", getauxval(AT_EGID) == getegid());
	const char *plat = (const char *)getauxval(AT_PLATFORM);
	printf("AT_PLATFORM = %s\n", plat ? plat : "(null)");
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	printf("AT_EXECFN == argv[0]: %d\n",
	       execfn && strcmp(execfn, argv[0]) == 0);
	unsigned char *rnd = (unsigned char *)getauxval(AT_RANDOM);
	int nonzero = 0;
	for (int i = 0; rnd && i < 16; i++)
		nonzero |= rnd[i];
	printf("AT_RANDOM readable, not all zero: %d\n", rnd && nonzero);
	printf("AT_ENTRY == _start: %d\n",
	       getauxval(AT_ENTRY) == (unsigned long)&_start);
	printf("AT_PHDR set: %d\n", getauxval(AT_PHDR) != 0);
	printf("AT_BASE nonzero (dynamic): %d\n", getauxval(AT_BASE) != 0);
	printf("AT_MINSIGSTKSZ nonzero: %d\n", getauxval(51) != 0);
	printf("AT_HWCAP has no bits above 31: %d\n",
	       (getauxval(AT_HWCAP) >> 32) == 0);
	/* Program headers at AT_PHDR: count PT_LOAD, check a PT_PHDR/LOAD. */
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	int loads = 0;
	for (unsigned long i = 0; ph && i < getauxval(AT_PHNUM); i++)
		loads += ph[i].p_type == PT_LOAD;
	printf("PT_LOAD count = %d\n", loads);
	/* The auxv follows envp's NULL: walk the stack ourselves. */
	char **e = environ;
	while (*e)
		e++;
	unsigned long *av = (unsigned long *)(e + 1);
	int pagesz_seen = 0, n = 0;
	for (; av[0] != AT_NULL && n < 64; av += 2, n++)
		if (av[0] == AT_PAGESZ)
			pagesz_seen = av[1] == 4096;
	printf("auxv after envp, AT_PAGESZ 4096 found: %d\n", pagesz_seen);
	printf("auxv terminated by AT_NULL within 64 entries: %d\n", n < 64);
	return 0;
}
