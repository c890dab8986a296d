/* Guest test: printf/snprintf conversions of ints, strings and doubles. */
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", -42, 17, 3000000000u,
	       0xdeadbeef, 0xcafe, 0755);
	printf("[%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42);
	printf("[%ld] [%lld] [%lu]\n", LONG_MIN, LLONG_MAX, ULONG_MAX);
	printf("[%hhd] [%hd] [%zu] [%td]\n", (char)200, (short)70000,
	       (size_t)12345, (ptrdiff_t)-7);
	printf("[%" PRId64 "] [%" PRIx64 "]\n", INT64_MIN, UINT64_MAX);
	printf("[%s] [%10s] [%-10s] [%.3s] [%c]\n", "str", "right", "left",
	       "truncate", 'Z');
	printf("[%f] [%.2f] [%10.3f] [%-10.1f]\n", 3.14159265, 2.71828, -1.5,
	       100.0);
	printf("[%e] [%.3E] [%g] [%G]\n", 123456.789, 0.000123, 1e-5, 1e20);
	printf("[%g] [%g] [%g] [%.10g]\n", 100000.0, 1000000.0, 0.1, 1.0 / 3);
	printf("[%a] [%A]\n", 1.0, 0.5);
	printf("[%f] [%f] [%f]\n", 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0 * 0);
	printf("[%.0f] [%.0f] [%.0f] [%.0f]\n", 0.5, 1.5, 2.5, -0.5);
	printf("[%.17g] [%.17g]\n", 0.1 + 0.2, 1e300 * 1e8);
	printf("[%#x] [%#o] [%%]\n", 255, 8);
	printf("[%*d] [%-*d] [%.*f]\n", 6, 7, 6, 7, 3, 1.0 / 7);
	char buf[8];
	int n = snprintf(buf, sizeof(buf), "%s", "a long string");
	printf("snprintf returned %d, buf = \"%s\"\n", n, buf);
	n = snprintf(NULL, 0, "%d-%d", 123, 456);
	printf("snprintf(NULL) = %d\n", n);
	long double ld = 1.0L / 3;
	printf("[%.10Lf]\n", ld);
	double vals[] = {0.0, -0.0, 1e-310, 123.456, 9007199254740993.0};
	for (int i = 0; i < 5; i++)
		printf("%.6e %g\n", vals[i], vals[i]);
	return 0;
}
