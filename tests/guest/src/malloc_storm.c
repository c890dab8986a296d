/*
 * Guest test: malloc/calloc/realloc/free of small (brk heap) and large
 * (mmap) blocks, each filled with a pattern that is checked before free.
 */
#include "guest.h"

#define SLOTS 512

static unsigned char *slot[SLOTS];
static size_t slot_len[SLOTS];

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

static int verify(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed + i * 7))
			return 0;
	return 1;
}

int main(void)
{
	uint64_t s = 88172645463325252ull;
	int bad = 0, ops = 0;
	for (int round = 0; round < 6000; round++) {
		int i = rng_next(&s) % SLOTS;
		uint64_t r = rng_next(&s);
		size_t n;
		if (r % 100 < 3)
			n = 128 * 1024 + r % (512 * 1024); /* mmap path */
		else if (r % 100 < 20)
			n = r % 8192;
		else
			n = r % 256;
		if (slot[i]) {
			bad += !verify(slot[i], slot_len[i], (unsigned)i);
			if (r & 1) {
				free(slot[i]);
				slot[i] = NULL;
				continue;
			}
			unsigned char *q = realloc(slot[i], n + 1);
			if (!q) {
				bad++;
				continue;
			}
			size_t keep = slot_len[i] < n + 1 ? slot_len[i] : n + 1;
			bad += !verify(q, keep, (unsigned)i);
			slot[i] = q;
		} else {
			slot[i] = (r & 2) ? calloc(1, n + 1) : malloc(n + 1);
			if (!slot[i]) {
				bad++;
				continue;
			}
			if (r & 2)
				for (size_t k = 0; k < n + 1; k++)
					bad += slot[i][k] != 0;
		}
		slot_len[i] = n + 1;
		fill(slot[i], n + 1, (unsigned)i);
		ops++;
	}
	for (int i = 0; i < SLOTS; i++)
		if (slot[i]) {
			bad += !verify(slot[i], slot_len[i], (unsigned)i);
			free(slot[i]);
		}
	printf("ops = %d\n", ops);
	printf("corrupted blocks = %d\n", bad);
	/* A few very large ones. */
	for (int k = 1; k <= 4; k++) {
		size_t n = (size_t)k * 8 * 1024 * 1024;
		unsigned char *p = malloc(n);
		if (!p) {
			printf("malloc(%zu MiB) failed\n", n >> 20);
			continue;
		}
		p[0] = 1;
		p[n - 1] = 2;
		memset(p + n / 2, 3, 4096);
		printf("malloc(%zu MiB): ends %d %d mid %d\n", n >> 20, p[0],
		       p[n - 1], p[n / 2 + 4095]);
		free(p);
	}
	void *z = malloc(0);
	printf("malloc(0) %s\n", z ? "non-NULL" : "NULL");
	free(z);
	free(NULL);
	return bad != 0;
}
