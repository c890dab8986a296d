/*
 * Guest test: clocks move forward, sleeps take at least as long as asked,
 * and the different time calls agree.  Only relations are printed.
 */
#include "guest.h"
#include <sys/time.h>
#include <time.h>

static long long ns(struct timespec t)
{
	return t.tv_sec * 1000000000ll + t.tv_nsec;
}

int main(void)
{
	struct timespec a, b, r;
	clock_gettime(CLOCK_MONOTONIC, &a);
	int mono = 1;
	for (int i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &b);
		mono &= ns(b) >= ns(a);
		a = b;
	}
	printf("monotonic never goes back: %d\n", mono);
	clock_gettime(CLOCK_REALTIME, &a);
	printf("realtime after 2020: %d\n", a.tv_sec > 1577836800);
	printf("tv_nsec in range: %d\n",
	       a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	time_t t = time(NULL);
	printf("time() within 2s of realtime: %d\n",
	       t - a.tv_sec >= -2 && t - a.tv_sec <= 2);
	struct timeval tv;
	gettimeofday(&tv, NULL);
	printf("gettimeofday within 2s: %d, usec in range: %d\n",
	       tv.tv_sec - a.tv_sec >= -2 && tv.tv_sec - a.tv_sec <= 2,
	       tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	showc("clock_getres MONOTONIC", clock_getres(CLOCK_MONOTONIC, &r));
	printf("resolution <= 1ms: %d\n", ns(r) > 0 && ns(r) <= 1000000);
	clock_gettime(CLOCK_MONOTONIC, &a);
	struct timespec req = {0, 20 * 1000000};
	showc("nanosleep 20ms", nanosleep(&req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("slept >= 20ms: %d, < 5s: %d\n", ns(b) - ns(a) >= 20000000,
	       ns(b) - ns(a) < 5000000000ll);
	clock_gettime(CLOCK_MONOTONIC, &a);
	showc("clock_nanosleep 10ms",
	      clock_nanosleep(CLOCK_MONOTONIC, 0,
			      &(struct timespec){0, 10000000}, NULL));
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("slept >= 10ms: %d\n", ns(b) - ns(a) >= 10000000);
	clock_gettime(CLOCK_MONOTONIC, &a);
	struct timespec until = a;
	until.tv_nsec += 10000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	showc("clock_nanosleep TIMER_ABSTIME",
	      clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL));
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("woke after deadline: %d\n", ns(b) >= ns(until));
	req.tv_nsec = 1000000000;
	show("nanosleep bad nsec", RS2(35, &req, 0));
	req.tv_sec = -1;
	req.tv_nsec = 0;
	show("nanosleep negative", RS2(35, &req, 0));
	show("clock_gettime bad clock", RS2(228, 12345, &a));
	show("raw clock_gettime PROCESS_CPUTIME", RS2(228, 2, &a));
	clock_t c = clock();
	printf("clock() >= 0: %d\n", c >= 0);
	return 0;
}
