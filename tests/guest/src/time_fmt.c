/* Guest test: gmtime/strftime/mktime with TZ=UTC (set by run.sh). */
#include "guest.h"
#include <time.h>

int main(void)
{
	time_t ts[] = {0, 86399, 951782400, 1234567890, 2147483647, 4102444800};
	char buf[128];
	for (unsigned i = 0; i < sizeof(ts) / sizeof(ts[0]); i++) {
		struct tm tm;
		gmtime_r(&ts[i], &tm);
		strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %b %j %U",
			 &tm);
		printf("%lld -> %s wday %d yday %d\n", (long long)ts[i], buf,
		       tm.tm_wday, tm.tm_yday);
		time_t back = timegm(&tm);
		printf("  timegm back %d\n", back == ts[i]);
	}
	struct tm tm = {0};
	tm.tm_year = 124;
	tm.tm_mon = 1;
	tm.tm_mday = 29;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	printf("2024-02-29 12:00 UTC = %lld\n", (long long)t);
	return 0;
}
