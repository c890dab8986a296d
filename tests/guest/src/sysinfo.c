/* Guest test: sysinfo, sched_getaffinity, sched_yield, sysconf. */
#include "guest.h"
#include <sched.h>
#include <sys/sysinfo.h>
#include <sys/times.h>

int main(void)
{
	struct sysinfo si;
	showc("sysinfo", sysinfo(&si));
	printf("mem_unit > 0: %d, totalram > 0: %d, freeram <= totalram: %d\n",
	       si.mem_unit > 0, si.totalram > 0, si.freeram <= si.totalram);
	printf("uptime >= 0: %d, procs > 0: %d\n", si.uptime >= 0,
	       si.procs > 0);
	cpu_set_t set;
	CPU_ZERO(&set);
	showc("sched_getaffinity", sched_getaffinity(0, sizeof(set), &set));
	printf("at least one cpu: %d\n", CPU_COUNT(&set) >= 1);
	long r = RS3(204, 0, sizeof(set), &set);
	printf("raw sched_getaffinity returns a multiple of 8: %d\n",
	       r > 0 && r % 8 == 0);
	showc("sched_yield", sched_yield());
	printf("sysconf PAGESIZE %ld\n", sysconf(_SC_PAGESIZE));
	printf("sysconf CLK_TCK %ld\n", sysconf(_SC_CLK_TCK));
	printf("nprocs >= 1: %d\n", sysconf(_SC_NPROCESSORS_ONLN) >= 1);
	struct tms t;
	clock_t c = times(&t);
	printf("times ok: %d\n", c != (clock_t)-1);
	return 0;
}
