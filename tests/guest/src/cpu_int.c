/*
 * Guest test: integer arithmetic the interpreter must get exactly right:
 * widths, signedness, shifts and rotates by every count, mul/div incl.
 * 128-bit, bit scans and popcount, flags seen through comparisons.
 * Values come from a PRNG at run time so nothing is constant-folded.
 */
#include "guest.h"

static volatile uint64_t seed_v = 0x9e3779b97f4a7c15ull;

int main(void)
{
	uint64_t s = seed_v, h = 0;
	for (int i = 0; i < 20000; i++) {
		uint64_t a = rng_next(&s), b = rng_next(&s);
		unsigned c = (unsigned)(b & 63);
		uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b;
		int64_t sa = (int64_t)a, sb = (int64_t)b;
		uint64_t r[24];
		r[0] = a + b;
		r[1] = a - b;
		r[2] = a * b;
		r[3] = (uint64_t)(((unsigned __int128)a * b) >> 64);
		r[4] = (uint64_t)(((__int128)sa * sb) >> 64);
		r[5] = b ? a / (b | 1) : 0;
		r[6] = a % (b | 1);
		r[7] = (uint64_t)(sb != 0 && !(sa == INT64_MIN && sb == -1)
					  ? sa / (sb | 1)
					  : 0);
		r[8] = (uint64_t)(sa % (sb | 1));
		r[9] = a << c;
		r[10] = a >> c;
		r[11] = (uint64_t)(sa >> c);
		r[12] = (a << c) | (a >> ((64 - c) & 63));
		r[13] = a32 * b32 + (a32 >> (b32 & 31)) +
			(uint32_t)((int32_t)a32 >> (b32 & 31));
		r[14] = (uint64_t)(a32 / (b32 | 1)) ^
			((uint64_t)(int32_t)a32 % (int32_t)(b32 | 1));
		r[15] = (uint64_t)__builtin_popcountll(a);
		r[16] = a ? (uint64_t)__builtin_clzll(a) : 64;
		r[17] = a ? (uint64_t)__builtin_ctzll(a) : 64;
		r[18] = __builtin_bswap64(a) ^ __builtin_bswap32(b32);
		r[19] = (uint64_t)((uint16_t)a * (int16_t)b) +
			(uint8_t)(a >> 8) * (int8_t)b;
		r[20] = (sa < sb) | (a < b) << 1 | (a32 < b32) << 2 |
			((int32_t)a32 < (int32_t)b32) << 3;
		r[21] = (uint64_t)(int64_t)(int32_t)a32 + (uint64_t)(int16_t)a +
			(uint64_t)(int8_t)b;
		uint64_t ov;
		r[22] = __builtin_add_overflow(sa, sb, (int64_t *)&ov) |
			__builtin_mul_overflow(a32, b32, (uint32_t *)&ov) << 1;
		r[23] = (a & b) ^ (a | ~b) ^ -a;
		h = fnv1a(h, r, sizeof(r));
		if (i < 3)
			for (int k = 0; k < 24; k++)
				printf("i%d r%d = %016llx\n", i, k,
				       (unsigned long long)r[k]);
	}
	printf("hash = %016llx\n", (unsigned long long)h);
	return 0;
}
