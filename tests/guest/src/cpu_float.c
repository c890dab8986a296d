/*
 * Guest test: double and float arithmetic, conversions, rounding, libm,
 * NaN/infinity/denormal handling, printed with %a and %.17g so any bit of
 * difference shows.
 */
#include "guest.h"
#include <math.h>

static volatile double vin[] = {0.0,
				-0.0,
				1.0,
				-1.5,
				3.141592653589793,
				1e308,
				4.9e-324,
				2.2250738585072014e-308,
				1e-10,
				123456789.987654321,
				-2.5,
				0.5,
				1.0 / 3.0};

int main(void)
{
	int n = sizeof(vin) / sizeof(vin[0]);
	for (int i = 0; i < n; i++) {
		double x = vin[i], y = vin[(i + 3) % n];
		printf("x=%a y=%a\n", x, y);
		printf("  + %a - %a * %a / %a\n", x + y, x - y, x * y,
		       y != 0 ? x / y : 0.0);
		printf("  sqrt %a floor %a ceil %a trunc %a round %a\n",
		       sqrt(fabs(x)), floor(x), ceil(x), trunc(x), round(x));
		printf("  (long)%lld (int)%d (float)%a rint %a\n",
		       fabs(x) < 9e18 ? (long long)x : 0,
		       fabs(x) < 2e9 ? (int)x : 0, (double)(float)x, rint(x));
		printf("  lt %d eq %d fmin %a fmax %a\n", x < y, x == y,
		       fmin(x, y), fmax(x, y));
	}
	volatile double zero = 0.0, inf = 1.0 / zero;
	double nan_ = zero / zero;
	printf("inf %f -inf %f nan!=nan %d isnan %d isinf %d\n", inf, -inf,
	       nan_ != nan_, isnan(nan_), isinf(-inf));
	printf("nan compare lt %d gt %d eq %d\n", nan_<1.0, nan_> 1.0,
	       nan_ == nan_);
	printf("(long)nan = %lld (int)inf = %d\n", (long long)nan_, (int)inf);
	volatile float f = 1.1f, g = 3.3f;
	printf("float: %a %a %a %a\n", (double)(f + g), (double)(f * g),
	       (double)(f / g), (double)sqrtf(g));
	printf("libm: exp %.17g log %.17g sin %.17g cos %.17g pow %.17g\n",
	       exp(vin[2]), log(vin[4]), sin(vin[4]), cos(vin[11]),
	       pow(vin[4], vin[11]));
	printf("atan2 %.17g fmod %.17g hypot %.17g\n", atan2(vin[3], vin[2]),
	       fmod(vin[9], vin[4]), hypot(vin[2], vin[3]));
	volatile uint64_t big = 18446744073709551615ull;
	volatile int64_t neg = -9007199254740993ll;
	printf("u64->double %a i64->double %a double->u64 %llu\n", (double)big,
	       (double)neg, (unsigned long long)(double)1e19);
	double acc = 0;
	for (int i = 1; i <= 100000; i++)
		acc += 1.0 / ((double)i * i);
	printf("sum 1/i^2 = %.17g\n", acc);
	return 0;
}
