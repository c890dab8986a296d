/*
 * sieve.c - benchmark: sieve of Eratosthenes (integer, byte stores, branches).
 * Part of bench/ (run by bench/run.sh).  Usage: sieve [N]: sieve 0..N-1 and
 * repeat 8 times; prints the prime count and a checksum of the primes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 10000000;
	unsigned char *composite = malloc(n);
	unsigned long sum = 0, count = 0;

	if (!composite)
		return 1;
	for (int rep = 0; rep < 8; rep++) {
		memset(composite, 0, n);
		count = 0;
		sum = 0;
		for (long i = 2; i < n; i++) {
			if (composite[i])
				continue;
			count++;
			sum = sum * 31 + (unsigned long)i;
			for (long j = i * i; j < n; j += i)
				composite[j] = 1;
		}
	}
	printf("sieve n=%ld primes=%lu checksum=%016lx\n", n, count, sum);
	free(composite);
	return 0;
}
