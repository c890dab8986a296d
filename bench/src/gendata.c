/*
 * gendata.c - bench/ helper, not a benchmark: writes a deterministic
 * pseudo-text file (words drawn from a skewed vocabulary, numbers, line
 * breaks) on stdout, the input run.sh gives gzip and xz.  Same bytes on
 * every machine.  Usage: gendata BYTES.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint32_t next(void)
{
	state ^= state << 13, state ^= state >> 7, state ^= state << 17;
	return (uint32_t)(state >> 11);
}

int main(int argc, char **argv)
{
	long bytes = argc > 1 ? atol(argv[1]) : 4 << 20, out = 0;
	static char vocab[4096][12];
	int col = 0;

	for (int w = 0; w < 4096; w++) {
		int len = 2 + next() % 9;
		for (int i = 0; i < len; i++)
			/* two in three letters from the 8 commonest */
			vocab[w][i] = "etaoinshrdlucmfwypvbgkjqxz"
				[next() % 3 ? next() % 8 : next() % 26];
		vocab[w][len] = 0;
	}
	while (out < bytes) {
		uint32_t r = next();
		/* skewed choice: small indices far more likely */
		int w = (int)((uint64_t)(r % 4096) * (r % 4096) / 4096 *
			      (r >> 28) / 16);
		int n = r % 19 == 0 ? printf("%u", next() % 100000)
				    : printf("%s", vocab[w]);

		out += n;
		col += n;
		if (col > 70) {
			putchar('\n');
			col = 0;
		} else {
			putchar(r % 23 == 0 ? ',' : ' ');
		}
		out++;
	}
	return 0;
}
