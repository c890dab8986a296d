/* Guest test: getrlimit/setrlimit/prlimit64 round trips and errors. */
#include "guest.h"
#include <sys/resource.h>

int main(void)
{
	struct rlimit r, r2;
	int res[] = {RLIMIT_STACK, RLIMIT_NOFILE, RLIMIT_AS,   RLIMIT_DATA,
		     RLIMIT_CORE,  RLIMIT_CPU,	  RLIMIT_FSIZE};
	for (int i = 0; i < 7; i++) {
		int ok = getrlimit(res[i], &r) == 0;
		printf("resource %d: ok %d, cur <= max %d\n", res[i], ok,
		       r.rlim_max == RLIM_INFINITY || r.rlim_cur <= r.rlim_max);
	}
	getrlimit(RLIMIT_NOFILE, &r);
	r2 = r;
	r2.rlim_cur = 64;
	showc("setrlimit NOFILE cur 64", setrlimit(RLIMIT_NOFILE, &r2));
	getrlimit(RLIMIT_NOFILE, &r2);
	printf("NOFILE cur now %lu\n", (unsigned long)r2.rlim_cur);
	int fd = dup2(0, 64);
	printf("dup2 to 64 with limit 64: %s\n", fd < 0 ? ename(errno) : "ok");
	fd = dup2(0, 63);
	printf("dup2 to 63: %s\n", fd < 0 ? ename(errno) : "ok");
	/* A low limit holds for every way of making an fd. */
	r2.rlim_cur = 8;
	showc("setrlimit NOFILE cur 8", setrlimit(RLIMIT_NOFILE, &r2));
	int opened = 0, last;
	while ((last = open("/dev/null", O_RDONLY)) >= 0 && opened < 20)
		opened++;
	printf("opens below 8: %d, then %s\n", opened, ename(errno));
	int pp[2];
	showc("pipe at the limit", pipe(pp));
	showc("dup at the limit", dup(0));
	showc("F_DUPFD 8 at the limit", fcntl(0, F_DUPFD, 8));
	close(7);
	showc("dup after closing 7", dup(0));
	for (int i = 3; i < 8; i++)
		close(i);
	r2.rlim_cur = 5;
	setrlimit(RLIMIT_NOFILE, &r2);
	showc("pipe with 2 fds left", pipe(pp));
	showc("pipe with 0 fds left", pipe(pp));
	for (int i = 3; i < 8; i++)
		close(i);
	setrlimit(RLIMIT_NOFILE, &r);
	struct rlimit nr = {100, 50};
	showc("setrlimit cur > max", setrlimit(RLIMIT_CORE, &nr));
	struct rlimit old;
	show("prlimit64 get", RS4(302, 0, RLIMIT_STACK, 0, &old));
	struct rlimit want = {old.rlim_cur, old.rlim_max};
	struct rlimit prev;
	show("prlimit64 set same", RS4(302, 0, RLIMIT_STACK, &want, &prev));
	printf("prev matches: %d\n", prev.rlim_cur == old.rlim_cur);
	show("getrlimit bad resource", RS2(97, 999, &r));
	show("prlimit64 bad resource", RS4(302, 0, 999, 0, &r));
	return 0;
}
