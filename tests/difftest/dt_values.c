/*
 * Value generators of the differential tester: a seeded PRNG, integer
 * edge values per width (zero, one, extremes, sign and nibble/AF
 * boundaries), shift counts, SSE lanes (integer extremes; zeros,
 * denormals, infinities, QNaN/SNaN, rounding ties, conversion limits),
 * 80-bit x87 values and MXCSR settings.  Called by dt_case.c.
 */
#include <string.h>

#include "difftest.h"

uint64_t dt_rand(uint64_t *s)
{
	/* splitmix64: every seed gives a good stream */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t mask_of(int width)
{
	return width == 8 ? ~0ull : (1ull << (8 * width)) - 1;
}

/* Edges as fractions of the width: t = top bit (sign). */
static uint64_t edge(int width, int i)
{
	uint64_t m = mask_of(width), t = 1ull << (8 * width - 1);

	switch (i) {
	case 0:
		return 0;
	case 1:
		return 1;
	case 2:
		return 2;
	case 3:
		return m; /* -1 / max unsigned */
	case 4:
		return m - 1; /* -2 */
	case 5:
		return t; /* min signed */
	case 6:
		return t - 1; /* max signed */
	case 7:
		return t + 1;
	case 8:
		return t - 2;
	case 9:
		return 0x0f; /* AF boundaries */
	case 10:
		return 0x10;
	case 11:
		return 0x7f; /* byte sign boundary */
	case 12:
		return 0x80 & m;
	case 13:
		return 0xff & m;
	case 14:
		return 0x5555555555555555ull & m;
	case 15:
		return 0xaaaaaaaaaaaaaaaaull & m;
	case 16:
		return (t >> 1) & m; /* 0x40.. */
	default:
		return 0x8000 & m; /* 16-bit sign bit */
	}
}

int dt_int_edges(int width)
{
	(void)width;
	return 18;
}

/*
 * Value for an operand of the given width: idx >= 0 selects an edge,
 * idx < 0 a random value (various shapes).  Bits above the width are
 * garbage half the time, to check they are kept or zeroed right.
 */
uint64_t dt_int_value(uint64_t *s, int width, int idx)
{
	uint64_t m = mask_of(width), v, r = dt_rand(s);

	if (idx >= 0) {
		v = edge(width, idx % 18);
	} else {
		switch (r & 7) {
		case 0:
			v = dt_rand(s) & 0xff;
			break;
		case 1:
			v = -(dt_rand(s) & 0xff);
			break;
		case 2:
			v = 1ull << (dt_rand(s) & 63);
			break;
		case 3:
			v = (1ull << (dt_rand(s) & 63)) - 1;
			break;
		case 4:
			v = edge(width, (int)(dt_rand(s) % 18)) +
			    (dt_rand(s) % 5) - 2;
			break;
		default:
			v = dt_rand(s);
			break;
		}
	}
	v &= m;
	if (width < 8 && (r & 0x100))
		v |= dt_rand(s) & ~m;
	return v;
}

uint64_t dt_shift_count(uint64_t *s, int width)
{
	static const int fixed[] = {0,	1,  2,	7,  8,	9,  15,	 16,  17,
				    31, 32, 33, 63, 64, 65, 127, 128, 255};
	uint64_t r = dt_rand(s);
	int bits = 8 * width;

	switch (r & 3) {
	case 0:
		return fixed[(r >> 8) % 18];
	case 1: {
		int near[] = {0, 1, bits - 1, bits, bits + 1, 2 * bits};
		return (unsigned)near[(r >> 8) % 6] & 0xff;
	}
	default:
		return (r >> 8) & 0xff;
	}
}

static const uint32_t f32_edges[] = {
	0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000,
	0x40200000, 0xc0200000, 0x3f7fffff, 0x00000001, 0x807fffff, 0x00800000,
	0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
	0x7f800001, 0x7fa00000, 0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001,
	0x5f000000, 0xdf000000, 0x5effffff, 0x4b800000, 0x3effffff, 0x40490fdb,
};

static const uint64_t f64_edges[] = {
	0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull,
	0xbff0000000000000ull, 0x3fe0000000000000ull, 0x3ff8000000000000ull,
	0x4004000000000000ull, 0xc004000000000000ull, 0x0000000000000001ull,
	0x800fffffffffffffull, 0x0010000000000000ull, 0x7fefffffffffffffull,
	0xffefffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
	0x7ff8000000000000ull, 0xfff8000000000000ull, 0x7ff0000000000001ull,
	0x7ff4000000000000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull,
	0x41dfffffffc00000ull, 0xc1e0000000200000ull, 0x43e0000000000000ull,
	0xc3e0000000000000ull, 0x43dfffffffffffffull, 0x3fdfffffffffffffull,
	0x400921fb54442d18ull, 0x3810000000000000ull, 0x47efffffe0000000ull,
	0x3690000000000000ull, 0x36a0000000000000ull,
};
#define N_F32 (int)(sizeof(f32_edges) / sizeof(f32_edges[0]))
#define N_F64 (int)(sizeof(f64_edges) / sizeof(f64_edges[0]))

static uint32_t rand_f32(uint64_t *s)
{
	uint64_t r = dt_rand(s);

	if (r & 1)
		return f32_edges[(r >> 8) % N_F32] ^ (uint32_t)((r >> 40) & 3);
	if (r & 2) /* moderate magnitudes, so sums and products are exact
		      or round in interesting ways */
		return (uint32_t)(((r >> 8) & 0x807fffff) |
				  ((uint32_t)(0x70 + ((r >> 32) % 32)) << 23));
	return (uint32_t)(r >> 16);
}

static uint64_t rand_f64(uint64_t *s)
{
	uint64_t r = dt_rand(s);

	if (r & 1)
		return f64_edges[(r >> 8) % N_F64] ^ ((r >> 40) & 3);
	if (r & 2)
		return (dt_rand(s) & 0x800fffffffffffffull) |
		       ((uint64_t)(0x3e0 + ((r >> 32) % 64)) << 52);
	return dt_rand(s);
}

/* Fills n bytes with lanes of type lt; idx >= 0 puts edges first. */
void dt_lane_fill(uint64_t *s, enum dt_lane lt, uint8_t *dst, int n, int idx)
{
	for (int off = 0; off < n;) {
		uint64_t v;
		int w;

		switch (lt) {
		case L_F32:
			v = rand_f32(s);
			w = 4;
			break;
		case L_F64:
			v = rand_f64(s);
			w = 8;
			break;
		case L_F80: {
			uint8_t b[10];
			dt_fx80_value(s, b);
			memcpy(dst + off, b, n - off < 10 ? n - off : 10);
			off += 10;
			continue;
		}
		default:
			w = 1 << (lt - L_I8);
			v = dt_int_value(
				s, w,
				(dt_rand(s) & 1) ? -1 : (int)(dt_rand(s) % 18));
			break;
		}
		if (idx >= 0 && off == 0 && lt == L_F32)
			v = f32_edges[idx % N_F32];
		if (idx >= 0 && off == 0 && lt == L_F64)
			v = f64_edges[idx % N_F64];
		memcpy(dst + off, &v, n - off < w ? n - off : w);
		off += w;
	}
}

/* 80-bit values: zeros, ones, denormals, pseudo-denormals, infinities,
 * NaNs, extremes, integers, random normals near 1 and anywhere. */
void dt_fx80_value(uint64_t *s, uint8_t out[10])
{
	uint64_t r = dt_rand(s), m;
	uint16_t se;

	switch (r % 16) {
	case 0:
		m = 0;
		se = 0;
		break;
	case 1:
		m = 1ull << 63;
		se = 0x3fff;
		break;
	case 2:
		m = dt_rand(s) >> 1;
		se = 0;
		break; /* denormal */
	case 3:
		m = 1ull << 63;
		se = 0x7fff;
		break; /* inf */
	case 4:
		m = 3ull << 62;
		se = 0x7fff;
		break; /* QNaN */
	case 5:
		m = (1ull << 63) | (dt_rand(s) >> 2) | 1;
		se = 0x7fff;
		break; /* SNaN */
	case 6:
		m = ~0ull;
		se = 0x7ffe;
		break; /* max */
	case 7:
		m = 1ull << 63;
		se = 1;
		break; /* min normal */
	case 8:
		m = (dt_rand(s) % 100000) << 40 | (1ull << 63);
		se = 0x3fff + 23;
		break;
	case 9:
		m = (1ull << 63) | (dt_rand(s) & 0xffffffffull);
		se = 0x3fff;
		break;
	case 10:
		m = (1ull << 63) | dt_rand(s);
		se = 0x3fff + 63;
		break;
	case 11:
		m = (1ull << 63) | (1ull << 10);
		se = 0x3fff;
		break; /* tie */
	default:
		m = (1ull << 63) | dt_rand(s);
		se = (uint16_t)(0x3fff + (int)(dt_rand(s) % 200) - 100);
		if ((r >> 8) % 8 == 0)
			se = (uint16_t)(dt_rand(s) % 0x7fff);
		break;
	}
	if (r & 0x10000)
		se |= 0x8000;
	memcpy(out, &m, 8);
	memcpy(out + 8, &se, 2);
}

/* MXCSR: all exceptions masked; any rounding mode; sometimes DAZ/FTZ and
 * sticky flags already set. */
uint32_t dt_mxcsr(uint64_t *s)
{
	uint64_t r = dt_rand(s);
	uint32_t m = 0x1f80 | (uint32_t)((r & 3) << 13);

	if ((r >> 4) % 8 == 0)
		m |= 0x8000;
	if ((r >> 8) % 8 == 0)
		m |= 0x40;
	if ((r >> 12) % 4 == 0)
		m |= (uint32_t)(r >> 16) & 0x3f;
	return m;
}

/* Deterministic filler for the data area. */
void dt_fill_pattern(uint8_t *mem, uint64_t seed)
{
	uint64_t s = seed;

	for (unsigned i = 0; i < DT_DATA_LEN; i += 8) {
		uint64_t v = dt_rand(&s);
		memcpy(mem + i, &v, 8);
	}
}
