/* Guest test: uname fields that are the same on every x86-64 Linux. */
#include "guest.h"
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;
	showc("uname", uname(&u));
	printf("sysname = %s\n", u.sysname);
	printf("machine = %s\n", u.machine);
	int maj = 0, min = 0;
	printf("release parses as N.M: %d\n",
	       sscanf(u.release, "%d.%d", &maj, &min) == 2);
	printf("release >= 3.2: %d\n", maj > 3 || (maj == 3 && min >= 2));
	printf("nodename nonempty: %d\n", u.nodename[0] != 0);
	printf("version nonempty: %d\n", u.version[0] != 0);
	return 0;
}
