/*
 * strings.c - benchmark: memcpy, strlen, strchr and strstr over buffers of
 * many sizes and alignments (the C library's SSE2/SSE4.2 string routines).
 * Part of bench/ (run by bench/run.sh).  Usage: strings [ROUNDS]; prints
 * a checksum of the results.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT (256 * 1024)

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 1500;
	char *text = malloc(TEXT + 64), *dst = malloc(TEXT + 64);
	static const char *needles[] = {"zebra",       "quixotic",
					"abcab",       "the end of it",
					"xyzzy plugh", "aaaaaaab"};
	uint64_t sum = 0;
	uint32_t x = 42;

	if (!text || !dst)
		return 1;
	for (int i = 0; i < TEXT; i++) {
		x = x * 1664525 + 1013904223;
		/* mostly lowercase words, some spaces: needles rarely match */
		text[i] = (x >> 24) % 7 == 0 ? ' ' : 'a' + (x >> 16) % 26;
	}
	text[TEXT] = 0;
	memcpy(text + TEXT - 20, "xyzzy plugh", 11);
	for (int r = 0; r < rounds; r++) {
		/* memcpy: every size 1..4096 at rotating alignments */
		for (int sz = 1; sz <= 4096; sz += 7) {
			int so = (sz + r) & 63, d = (sz * 3 + r) & 63;
			memcpy(dst + d, text + so, sz);
			sum += (unsigned char)dst[d + sz / 2] + sz;
		}
		/* big copies */
		for (int i = 0; i < 8; i++) {
			memmove(dst + (i & 7), text + ((r + i) & 31),
				TEXT - 64);
			sum += (unsigned char)dst[(r * 977 + i) % (TEXT - 64)];
		}
		/* strlen / strchr / strstr */
		text[TEXT - 1 - r % 64] = 0;
		sum += strlen(text + (r & 15));
		text[TEXT - 1 - r % 64] = 'q';
		sum += (uintptr_t)(strchr(text + r, '!') == NULL);
		for (unsigned i = 0; i < sizeof(needles) / sizeof(*needles);
		     i++) {
			const char *p = strstr(text + (r & 31), needles[i]);
			sum = sum * 31 + (p ? (uint64_t)(p - text) : 7);
		}
	}
	printf("strings rounds=%d checksum=%016llx\n", rounds,
	       (unsigned long long)sum);
	free(text), free(dst);
	return 0;
}
