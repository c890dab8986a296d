/* Guest test: qsort and bsearch of ints, strings and structs. */
#include "guest.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct rec {
	int key;
	int seq;
};

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	if (x->key != y->key)
		return x->key - y->key;
	return x->seq - y->seq;
}

int main(void)
{
	static int v[20000];
	uint64_t s = 12345;
	for (int i = 0; i < 20000; i++)
		v[i] = (int)(rng_next(&s) % 100000) - 50000;
	qsort(v, 20000, sizeof(int), cmp_int);
	int sorted = 1;
	for (int i = 1; i < 20000; i++)
		sorted &= v[i - 1] <= v[i];
	printf("ints sorted: %d min %d max %d median %d\n", sorted, v[0],
	       v[19999], v[10000]);
	printf("ints hash: %016llx\n",
	       (unsigned long long)fnv1a(0, v, sizeof(v)));
	int key = v[1234];
	int *hit = bsearch(&key, v, 20000, sizeof(int), cmp_int);
	printf("bsearch found: %d\n", hit && *hit == key);
	key = 60000;
	printf("bsearch missing: %d\n",
	       bsearch(&key, v, 20000, sizeof(int), cmp_int) == NULL);

	static char store[2000][12];
	static char *strs[2000];
	for (int i = 0; i < 2000; i++) {
		int len = 1 + rng_next(&s) % 10;
		for (int k = 0; k < len; k++)
			store[i][k] = (char)('a' + rng_next(&s) % 26);
		store[i][len] = 0;
		strs[i] = store[i];
	}
	qsort(strs, 2000, sizeof(char *), cmp_str);
	for (int i = 0; i < 5; i++)
		printf("str[%d] = %s\n", i, strs[i]);
	printf("str[1999] = %s\n", strs[1999]);

	static struct rec r[3000];
	for (int i = 0; i < 3000; i++) {
		r[i].key = (int)(rng_next(&s) % 50);
		r[i].seq = i;
	}
	qsort(r, 3000, sizeof(struct rec), cmp_rec);
	printf("recs hash: %016llx\n",
	       (unsigned long long)fnv1a(0, r, sizeof(r)));
	qsort(v, 0, sizeof(int), cmp_int);
	qsort(v, 1, sizeof(int), cmp_int);
	printf("trivial sorts done\n");
	return !sorted;
}
