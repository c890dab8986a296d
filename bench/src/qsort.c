/*
 * qsort.c - benchmark: libc qsort of 64-bit keys through a comparison
 * callback (indirect calls, unpredictable branches, memory moves).
 * Part of bench/ (run by bench/run.sh).  Usage: qsort [N]: sorts N
 * pseudo-random keys 4 times; prints a position-weighted checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 500000;
	uint64_t *v = malloc(n * sizeof(*v)), x = 88172645463325252ull, sum = 0;

	if (!v)
		return 1;
	for (int rep = 0; rep < 4; rep++) {
		for (long i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v[i] = x % 1000000007ull;
		}
		qsort(v, n, sizeof(*v), cmp_u64);
		for (long i = 0; i < n; i++)
			sum = sum * 1000003 + v[i] * (uint64_t)(i + 1);
	}
	printf("qsort n=%ld checksum=%016llx\n", n, (unsigned long long)sum);
	free(v);
	return 0;
}
