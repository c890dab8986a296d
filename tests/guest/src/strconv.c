/* Guest test: strtol/strtoul/strtod/atoi/sscanf/snprintf round trips. */
#include "guest.h"
#include <limits.h>

int main(void)
{
	const char *ints[] = {"0",
			      "-1",
			      "42abc",
			      "0x1F",
			      "0777",
			      "  +17",
			      "9223372036854775807",
			      "9223372036854775808",
			      "-9223372036854775809",
			      "junk",
			      ""};
	for (unsigned i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		char *end;
		errno = 0;
		long v = strtol(ints[i], &end, 0);
		printf("strtol(\"%s\") = %ld, rest \"%s\", errno %s\n", ints[i],
		       v, end, ename(errno));
	}
	errno = 0;
	printf("strtoul(\"-1\") = %lu\n", strtoul("-1", NULL, 10));
	printf("strtoul base 36 \"zz\" = %lu\n", strtoul("zz", NULL, 36));
	printf("strtoll base 2 = %lld\n", strtoll("101010", NULL, 2));
	const char *dbls[] = {"3.25", "-1e-3", "1e400", "0x1.8p1",
			      "inf",  "nan",   ".5e",	"12abc"};
	for (unsigned i = 0; i < sizeof(dbls) / sizeof(dbls[0]); i++) {
		char *end;
		errno = 0;
		double d = strtod(dbls[i], &end);
		printf("strtod(\"%s\") = %.17g rest \"%s\" errno %s\n", dbls[i],
		       d, end, ename(errno));
	}
	int a, b;
	char word[32];
	double x;
	int n = sscanf("12 -34 hello 2.5", "%d %d %31s %lf", &a, &b, word, &x);
	printf("sscanf = %d: %d %d %s %g\n", n, a, b, word, x);
	n = sscanf("abc", "%d", &a);
	printf("sscanf no match = %d\n", n);
	printf("atoi(\"  -123x\") = %d\n", atoi("  -123x"));
	char buf[64];
	for (int i = 0; i < 5; i++) {
		double v = i * 0.1 + 1e-17 * i;
		snprintf(buf, sizeof(buf), "%.17g", v);
		printf("round trip %s exact %d\n", buf, strtod(buf, NULL) == v);
	}
	return 0;
}
