/*
 * Guest test: libc string functions over source/destination alignments
 * 0..15 and lengths 0..80 plus a few long ones, checked against
 * byte-by-byte reference loops.  libc picks SSE2 (or better, by CPUID)
 * code paths, which is the point: they read past ends within a page and
 * use unaligned vector loads.  Calls go through volatile pointers so the
 * compiler cannot replace them with inline code.
 */
#include "guest.h"

static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memmove)(void *, const void *, size_t) = memmove;
static void *(*volatile p_memset)(void *, int, size_t) = memset;
static size_t (*volatile p_strlen)(const char *) = strlen;
static char *(*volatile p_strchr)(const char *, int) = strchr;
static char *(*volatile p_strrchr)(const char *, int) = strrchr;
static int (*volatile p_strcmp)(const char *, const char *) = strcmp;
static int (*volatile p_strncmp)(const char *, const char *, size_t) = strncmp;
static int (*volatile p_memcmp)(const void *, const void *, size_t) = memcmp;
static void *(*volatile p_memchr)(const void *, int, size_t) = memchr;
static char *(*volatile p_strstr)(const char *, const char *) = strstr;
static char *(*volatile p_strcpy)(char *, const char *) = strcpy;

static unsigned char a[8192], b[8192];
static int fails[16];
static const char *names[] = {"memcpy", "memmove", "memset", "strlen",
			      "strchr", "strrchr", "strcmp", "strncmp",
			      "memcmp", "memchr",  "strstr", "strcpy"};

static int sgn(int x)
{
	return (x > 0) - (x < 0);
}

static void pattern(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(1 + (seed + i * 13) % 251);
}

static void one(size_t sa, size_t da, size_t len)
{
	pattern(a, sizeof(a), (unsigned)(len + sa));
	memset(b, 0xee, sizeof(b));
	/* memcpy */
	p_memcpy(b + da, a + sa, len);
	for (size_t i = 0; i < len; i++)
		if (b[da + i] != a[sa + i]) {
			fails[0]++;
			break;
		}
	if ((da && b[da - 1] != 0xee) || b[da + len] != 0xee)
		fails[0]++;
	/* memmove, overlapping both ways within a */
	unsigned char ref[512];
	for (int dir = 0; dir < 2; dir++) {
		pattern(a, 1024, (unsigned)len);
		unsigned char *src = a + 64 + sa, *dst = src + (dir ? da : -da);
		for (size_t i = 0; i < len; i++)
			ref[i] = src[i];
		p_memmove(dst, src, len);
		for (size_t i = 0; i < len; i++)
			if (dst[i] != ref[i]) {
				fails[1]++;
				break;
			}
	}
	/* memset */
	memset(b, 0xee, 1024);
	p_memset(b + da, (int)(len & 0xff), len);
	for (size_t i = 0; i < len; i++)
		if (b[da + i] != (unsigned char)len) {
			fails[2]++;
			break;
		}
	if (b[da + len] != 0xee)
		fails[2]++;
	/* strlen / strchr / strrchr / strcpy on a string of length len */
	char *s = (char *)a + sa;
	pattern(a, 1024, (unsigned)(sa * 3));
	s[len] = 0;
	if (p_strlen(s) != len)
		fails[3]++;
	if (len) {
		int c = (unsigned char)s[len / 2];
		char *want = NULL;
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)s[i] == c) {
				want = s + i;
				break;
			}
		if (p_strchr(s, c) != want)
			fails[4]++;
		char *rwant = NULL;
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)s[i] == c)
				rwant = s + i;
		if (p_strrchr(s, c) != rwant)
			fails[5]++;
	}
	if (p_strchr(s, 0) != s + len || p_strchr(s, 0xff) != NULL)
		fails[4]++;
	char *t = (char *)b + da;
	p_strcpy(t, s);
	if (p_strcmp(t, s) != 0 || p_memcmp(t, s, len + 1) != 0)
		fails[6]++;
	/* strcmp / strncmp / memcmp with a difference at position len-1 */
	if (len) {
		t[len - 1] = (char)((unsigned char)t[len - 1] + 1);
		if (t[len - 1] == 0)
			t[len - 1] = 1;
		int want = sgn((unsigned char)s[len - 1] -
			       (unsigned char)t[len - 1]);
		if (sgn(p_strcmp(s, t)) != want)
			fails[6]++;
		if (sgn(p_strncmp(s, t, len)) != want ||
		    p_strncmp(s, t, len - 1) != 0)
			fails[7]++;
		if (sgn(p_memcmp(s, t, len)) != want ||
		    p_memcmp(s, t, len - 1) != 0)
			fails[8]++;
	}
	/* memchr */
	if (len) {
		int c = (unsigned char)s[len - 1];
		size_t i = 0;
		while ((unsigned char)s[i] != c)
			i++;
		if (p_memchr(s, c, len) != s + i)
			fails[9]++;
	}
	if (p_memchr(s, 0xff, len) != NULL)
		fails[9]++;
	/* strstr: needle taken from the end of the haystack */
	if (len >= 4) {
		char *needle = (char *)b + 4000;
		memcpy(needle, s + len - 3, 4);
		char *got = p_strstr(s, needle);
		char *want = NULL;
		for (size_t i = 0; i + 3 <= len && !want; i++)
			if (memcmp(s + i, needle, 3) == 0)
				want = s + i;
		if (got != want)
			fails[10]++;
	}
}

int main(void)
{
	int cases = 0;
	/* Every source alignment against destination alignments that
	 * cover equal, off-by-one and opposite offsets within 16 bytes. */
	static const size_t das[] = {0, 1, 3, 4, 7, 8, 13, 15};
	for (size_t sa = 0; sa < 16; sa++)
		for (size_t k = 0; k < sizeof(das) / sizeof(das[0]); k++)
			for (size_t len = 0; len <= 80; len++) {
				one(sa, das[k], len);
				cases++;
			}
	static const size_t longs[] = {127, 128, 255, 256, 257, 500, 511};
	for (size_t k = 0; k < sizeof(longs) / sizeof(longs[0]); k++)
		for (size_t sa = 0; sa < 16; sa += 5) {
			one(sa, 15 - sa, longs[k]);
			cases++;
		}
	/* A long memcpy/memset crossing many pages. */
	static unsigned char big1[300000], big2[300000];
	pattern(big1, sizeof(big1), 9);
	p_memcpy(big2 + 3, big1 + 1, sizeof(big1) - 8);
	printf("big memcpy: %s\n",
	       memcmp(big2 + 3, big1 + 1, sizeof(big1) - 8) ? "FAIL" : "ok");
	p_memset(big2, 0x5a, sizeof(big2));
	printf("big memset hash: %016llx\n",
	       (unsigned long long)fnv1a(0, big2, sizeof(big2)));
	/* A string ending right at the end of a page. */
	char *pg = (char *)((uintptr_t)(big1 + 8192) & ~(uintptr_t)4095);
	memset(pg, 'x', 4095);
	pg[4095] = 0;
	printf("strlen up to page end: %zu\n", p_strlen(pg + 5));
	printf("cases = %d\n", cases);
	int total = 0;
	for (int i = 0; i < 12; i++) {
		printf("%-8s failures: %d\n", names[i], fails[i]);
		total += fails[i];
	}
	return total != 0;
}
