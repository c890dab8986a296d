/* Guest test: process ids and credentials (relations only, no numbers). */
#include "guest.h"

int main(void)
{
	pid_t pid = getpid();
	printf("getpid > 0: %d\n", pid > 0);
	printf("getppid > 0: %d, != pid: %d\n", getppid() > 0,
	       getppid() != pid);
	printf("gettid == getpid: %d\n", RS0(186) == pid);
	printf("raw getpid == getpid: %d\n", RS0(39) == pid);
	printf("getuid == geteuid: %d\n", getuid() == geteuid());
	printf("getgid == getegid: %d\n", getgid() == getegid());
	uid_t r, e, s;
	showc("getresuid", getresuid(&r, &e, &s));
	printf("resuid consistent: %d\n", r == getuid() && e == geteuid());
	gid_t rg, eg, sg;
	showc("getresgid", getresgid(&rg, &eg, &sg));
	printf("resgid consistent: %d\n", rg == getgid() && eg == getegid());
	printf("getpgrp > 0: %d\n", getpgrp() > 0);
	printf("getpgid(0) == getpgrp: %d\n", getpgid(0) == getpgrp());
	printf("getsid(0) > 0: %d\n", getsid(0) > 0);
	show("getpgid of a missing pid", RS1(121, 0x3ffffff0));
	int n = getgroups(0, NULL);
	printf("getgroups count >= 0: %d\n", n >= 0);
	show("set_tid_address returns tid", RS1(218, 0) == pid);
	return 0;
}
