/*
 * 80-bit x87 extended-precision soft-float: add, mul, div, sqrt, round
 * to integer, scale, partial remainder, compares and the conversions
 * between extended, single, double and integers.  Rounding honours the
 * FCW rounding (RC) and precision (PC) controls; exceptions accumulate
 * as FSW bits (C1 is set when a result was rounded up, as the FPU does).
 * 128-bit integer arithmetic keeps every result exact before its single
 * rounding.  Called by x87_ops.c.
 */
#include <math.h>

#include "x87.h"

typedef unsigned __int128 u128;

enum { K_ZERO, K_FIN, K_INF, K_QNAN, K_SNAN, K_BAD };

/* A finite nonzero value: m * 2^(e - 63), m normalized (bit 63 set). */
struct unp {
	int sign;
	int32_t e;
	uint64_t m;
};

static int fx_kind(struct fx80 a)
{
	int e = fx_exp(a);

	if (e == 0x7fff) {
		if (!(a.m >> 63))
			return K_BAD; /* pseudo-infinity / pseudo-NaN */
		if ((a.m << 1) == 0)
			return K_INF;
		return (a.m >> 62) & 1 ? K_QNAN : K_SNAN;
	}
	if (e == 0)
		return a.m == 0 ? K_ZERO : K_FIN;
	return a.m >> 63 ? K_FIN : K_BAD; /* unnormal */
}

static struct unp fx_unpack(struct fx80 a, unsigned *flags)
{
	struct unp u = {fx_sign(a), fx_exp(a) - 16383, a.m};

	if (fx_exp(a) == 0) {
		u.e = 1 - 16383;
		if (a.m) /* pseudo-denormals (bit 63 set) report #D too */
			*flags |= FSW_DE;
	}
	int k = __builtin_clzll(u.m);
	u.m <<= k;
	u.e -= k;
	return u;
}

/* #D: denormal operands of an arithmetic instruction. */
static void fx_de(unsigned *flags, struct fx80 a, struct fx80 b)
{
	if ((fx_exp(a) == 0 && a.m) || (fx_exp(b) == 0 && b.m))
		*flags |= FSW_DE;
}

static inline struct fx80 fx_make(int sign, int exp, uint64_t m)
{
	struct fx80 r = {m, (uint16_t)((sign << 15) | exp)};
	return r;
}

static int fcw_rc(uint16_t fcw)
{
	return (fcw >> 10) & 3;
}

static int fcw_prec(uint16_t fcw)
{
	switch ((fcw >> 8) & 3) {
	case 0:
		return 24;
	case 2:
		return 53;
	default:
		return 64;
	}
}

/* Rounding result: biased exponent and the top 64 mantissa bits. */
struct rres {
	int32_t be;
	uint64_t m;
	int inf; /* overflowed to infinity */
};

/*
 * Rounds m * 2^(be - bias - 127) (bit 127 of m set) to prec bits with
 * biased exponents 1..emax (0 = subnormal).  Overflow yields infinity or
 * the largest finite value by rc.
 */
/* True when rounding m (bit 127 set) to prec bits carries out of bit
 * 127, i.e. the rounded value reaches the next power of two. */
static int round_carries(int rc, int sign, u128 m, int prec)
{
	u128 one = (u128)1 << (128 - prec), rem = m & (one - 1);
	int up;

	if (!rem)
		return 0;
	switch (rc) {
	case RC_NEAREST:
		up = rem > (one >> 1) || (rem == (one >> 1) && (m & one));
		break;
	case RC_DOWN:
		up = sign;
		break;
	case RC_UP:
		up = !sign;
		break;
	default:
		up = 0;
	}
	return up && (u128)((m & ~(one - 1)) + one) == 0;
}

static struct rres round_gen(unsigned *flags, int rc, int sign, int32_t be,
			     u128 m, int prec, int32_t emax)
{
	struct rres r = {0, 0, 0};
	int tiny = 0;

	if (m == 0)
		return r;
	if (be < 1) {
		int sh = 1 - be;
		/* x86 detects tininess after rounding: a value just below the
		 * smallest normal that rounds up to it is not tiny */
		tiny = be < 0 || !round_carries(rc, sign, m, prec);
		if (sh >= 128) {
			m = 1; /* sticky only */
		} else {
			u128 lost = m & (((u128)1 << sh) - 1);
			m >>= sh;
			if (lost)
				m |= 1;
		}
		be = 0;
	}
	u128 one = (u128)1 << (128 - prec), rem = m & (one - 1);
	m &= ~(one - 1);
	if (rem) {
		int up;
		*flags |= FSW_PE;
		switch (rc) {
		case RC_NEAREST:
			up = rem > (one >> 1) ||
			     (rem == (one >> 1) && (m & one));
			break;
		case RC_DOWN:
			up = sign;
			break;
		case RC_UP:
			up = !sign;
			break;
		default:
			up = 0;
		}
		if (up) {
			*flags |= FSW_C1;
			m += one;
			if (m == 0) {
				m = (u128)1 << 127;
				be++;
			} else if (be == 0 && (m >> 127)) {
				be = 1;
			}
		}
		if (tiny)
			*flags |= FSW_UE;
	}
	if (be > emax) {
		int to_inf = rc == RC_NEAREST || (rc == RC_UP && !sign) ||
			     (rc == RC_DOWN && sign);
		*flags |= FSW_OE | FSW_PE;
		if (to_inf) {
			*flags |= FSW_C1; /* rounded up to infinity */
			r.inf = 1;
			r.be = emax + 1;
			r.m = 1ull << 63;
			return r;
		}
		r.be = emax;
		r.m = prec == 64 ? ~0ull : ~0ull << (64 - prec);
		*flags &= ~FSW_C1;
		return r;
	}
	r.be = be;
	r.m = (uint64_t)(m >> 64);
	return r;
}

/* Rounds m * 2^(e - 127) to extended under fcw. */
static struct fx80 fx_round(uint16_t fcw, unsigned *flags, int sign, int32_t e,
			    u128 m)
{
	if (m == 0)
		return fx_make(sign, 0, 0);
	int k = (m >> 64) ? __builtin_clzll((uint64_t)(m >> 64))
			  : 64 + __builtin_clzll((uint64_t)m);
	m <<= k;
	e -= k;
	struct rres r = round_gen(flags, fcw_rc(fcw), sign, e + 16383, m,
				  fcw_prec(fcw), 32766);
	return fx_make(sign, r.be, r.m);
}

/* x87 NaN propagation: QNaN over SNaN, else the larger significand. */
static struct fx80 fx_nan2(unsigned *flags, struct fx80 a, struct fx80 b)
{
	int ka = fx_kind(a), kb = fx_kind(b);

	if (ka == K_BAD || kb == K_BAD) {
		*flags |= FSW_IE;
		return fx_indefinite;
	}
	if (ka == K_SNAN || kb == K_SNAN)
		*flags |= FSW_IE;
	int na = ka == K_QNAN || ka == K_SNAN,
	    nb = kb == K_QNAN || kb == K_SNAN;
	struct fx80 r;
	if (na && nb) {
		if (ka != kb)
			r = ka == K_QNAN ? a : b;
		else if ((a.m << 1) != (b.m << 1))
			r = (a.m << 1) > (b.m << 1) ? a : b;
		else /* same significand: the positive one */
			r = a.se <= b.se ? a : b;
	} else {
		r = na ? a : b;
	}
	r.m |= 1ull << 62;
	return r;
}

static int fx_special(int k)
{
	return k == K_QNAN || k == K_SNAN || k == K_BAD;
}

struct fx80 fx_add(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b,
		   int negate_b)
{
	int ka = fx_kind(a), kb = fx_kind(b);

	if (fx_special(ka) || fx_special(kb))
		return fx_nan2(flags, a, b);
	fx_de(flags, a, b);
	if (negate_b)
		b.se ^= 0x8000;
	if (ka == K_INF || kb == K_INF) {
		if (ka == K_INF && kb == K_INF && fx_sign(a) != fx_sign(b)) {
			*flags |= FSW_IE;
			return fx_indefinite;
		}
		return ka == K_INF ? a : b;
	}
	if (ka == K_ZERO && kb == K_ZERO) {
		int s = fx_sign(a) == fx_sign(b) ? fx_sign(a)
						 : fcw_rc(fcw) == RC_DOWN;
		return fx_make(s, 0, 0);
	}
	if (kb == K_ZERO || ka == K_ZERO) {
		struct unp u = fx_unpack(kb == K_ZERO ? a : b, flags);
		return fx_round(fcw, flags, u.sign, u.e, (u128)u.m << 64);
	}
	struct unp x = fx_unpack(a, flags), y = fx_unpack(b, flags);
	if (x.e < y.e || (x.e == y.e && x.m < y.m)) {
		struct unp t = x;
		x = y;
		y = t;
	}
	u128 A = (u128)x.m << 62, B = (u128)y.m << 62;
	int32_t d = x.e - y.e;
	if (d >= 126) {
		B = 1;
	} else if (d > 0) {
		u128 lost = B & (((u128)1 << d) - 1);
		B >>= d;
		if (lost)
			B |= 1;
	}
	u128 S = x.sign == y.sign ? A + B : A - B;
	if (S == 0)
		return fx_make(fcw_rc(fcw) == RC_DOWN, 0, 0);
	/* S * 2^(x.e - 125) == S * 2^((x.e + 2) - 127) */
	return fx_round(fcw, flags, x.sign, x.e + 2, S);
}

struct fx80 fx_mul(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b)
{
	int ka = fx_kind(a), kb = fx_kind(b), s = fx_sign(a) ^ fx_sign(b);

	if (fx_special(ka) || fx_special(kb))
		return fx_nan2(flags, a, b);
	fx_de(flags, a, b);
	if ((ka == K_INF && kb == K_ZERO) || (ka == K_ZERO && kb == K_INF)) {
		*flags |= FSW_IE;
		return fx_indefinite;
	}
	if (ka == K_INF || kb == K_INF)
		return fx_make(s, 0x7fff, 1ull << 63);
	if (ka == K_ZERO || kb == K_ZERO) {
		if (ka == K_FIN)
			fx_unpack(a, flags);
		if (kb == K_FIN)
			fx_unpack(b, flags);
		return fx_make(s, 0, 0);
	}
	struct unp x = fx_unpack(a, flags), y = fx_unpack(b, flags);
	/* P * 2^(x.e + y.e - 126) */
	return fx_round(fcw, flags, s, x.e + y.e + 1, (u128)x.m * y.m);
}

struct fx80 fx_div(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b)
{
	int ka = fx_kind(a), kb = fx_kind(b), s = fx_sign(a) ^ fx_sign(b);

	if (fx_special(ka) || fx_special(kb))
		return fx_nan2(flags, a, b);
	fx_de(flags, a, b);
	if ((ka == K_INF && kb == K_INF) || (ka == K_ZERO && kb == K_ZERO)) {
		*flags |= FSW_IE;
		return fx_indefinite;
	}
	if (ka == K_INF)
		return fx_make(s, 0x7fff, 1ull << 63);
	if (kb == K_INF)
		return fx_make(s, 0, 0);
	if (kb == K_ZERO) {
		*flags |= FSW_ZE;
		return fx_make(s, 0x7fff, 1ull << 63);
	}
	if (ka == K_ZERO) {
		fx_unpack(b, flags);
		return fx_make(s, 0, 0);
	}
	struct unp x = fx_unpack(a, flags), y = fx_unpack(b, flags);
	u128 n1 = (u128)x.m << 64;
	u128 q1 = n1 / y.m, r1 = n1 % y.m;
	u128 n2 = r1 << 64;
	uint64_t q2 = (uint64_t)(n2 / y.m), r2 = (uint64_t)(n2 % y.m);
	u128 m;
	int32_t e;
	if (q1 >> 64) { /* x.m >= y.m: 65-bit first quotient */
		m = (q1 << 63) | (q2 >> 1);
		if ((q2 & 1) || r2)
			m |= 1;
		e = x.e - y.e;
	} else {
		m = (q1 << 64) | q2;
		if (r2)
			m |= 1;
		e = x.e - y.e - 1;
	}
	return fx_round(fcw, flags, s, e, m);
}

/* Integer square root of n: floor(sqrt(n)), with the remainder. */
static uint64_t isqrt128(u128 n, u128 *rem)
{
	u128 r = 0, bit = (u128)1 << 126;

	while (bit > n)
		bit >>= 2;
	while (bit) {
		if (n >= r + bit) {
			n -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	*rem = n;
	return (uint64_t)r;
}

struct fx80 fx_sqrt(uint16_t fcw, unsigned *flags, struct fx80 a)
{
	int ka = fx_kind(a);

	if (fx_special(ka))
		return fx_nan2(flags, a, a);
	if (ka == K_ZERO)
		return a;
	if (fx_sign(a)) {
		*flags |= FSW_IE;
		return fx_indefinite;
	}
	if (ka == K_INF)
		return a;
	struct unp x = fx_unpack(a, flags);
	int32_t t = x.e - 63; /* value = m * 2^t */
	int sh = (t & 1) ? 63 : 64;
	u128 rem;
	uint64_t r = isqrt128((u128)x.m << sh, &rem);
	/* sqrt = r * 2^((t - sh) / 2); guard: exact >= r + 1/2 iff rem > r */
	u128 m = ((u128)r << 64) | (rem > r ? 1ull << 63 : 0) | (rem != 0);
	int32_t ex = (t - sh) / 2;
	return fx_round(fcw, flags, 0, ex + 63, m);
}

/* Rounds |a| (finite) to an integer magnitude under rc; *inexact is 0
 * when exact, else 1, or 3 when the magnitude was rounded up (C1). */
static u128 fx_int_mag(struct unp u, int rc, int *inexact)
{
	if (u.e >= 63) {
		*inexact = 0;
		if (u.e >= 127)
			return ~(u128)0; /* saturates: caller range-checks */
		return (u128)u.m << (u.e - 63);
	}
	if (u.e < -1) {
		int away =
			(rc == RC_UP && !u.sign) || (rc == RC_DOWN && u.sign);
		*inexact = away ? 3 : 1;
		return away;
	}
	int sh = 63 - u.e; /* 1..64 */
	uint64_t ip = sh == 64 ? 0 : u.m >> sh;
	uint64_t frac = sh == 64 ? u.m : u.m & ((1ull << sh) - 1);
	uint64_t half = 1ull << (sh - 1);
	int up = 0;
	*inexact = frac != 0;
	if (frac) {
		switch (rc) {
		case RC_NEAREST:
			up = frac > half || (frac == half && (ip & 1));
			break;
		case RC_DOWN:
			up = u.sign;
			break;
		case RC_UP:
			up = !u.sign;
			break;
		default:
			break;
		}
	}
	if (up)
		*inexact = 3;
	return (u128)ip + up;
}

struct fx80 fx_rndint(uint16_t fcw, unsigned *flags, struct fx80 a)
{
	int ka = fx_kind(a), inexact;

	if (fx_special(ka))
		return fx_nan2(flags, a, a);
	if (ka != K_FIN)
		return a;
	struct unp u = fx_unpack(a, flags);
	if (u.e >= 63)
		return a;
	u128 v = fx_int_mag(u, fcw_rc(fcw), &inexact);
	if (inexact)
		*flags |= FSW_PE;
	if (inexact & 2)
		*flags |= FSW_C1;
	if (v == 0)
		return fx_make(u.sign, 0, 0);
	int k = __builtin_clzll((uint64_t)v);
	return fx_make(u.sign, 16383 + 63 - k, (uint64_t)v << k);
}

int64_t fx_to_int(uint16_t fcw, unsigned *flags, struct fx80 a, int bits,
		  int trunc)
{
	const int64_t indefinite = -((int64_t)1 << (bits - 1));
	int ka = fx_kind(a), inexact;

	if (ka == K_ZERO)
		return 0;
	if (ka != K_FIN) {
		*flags |= FSW_IE;
		return indefinite;
	}
	unsigned f = 0;
	struct unp u = fx_unpack(a, &f);
	u128 v = fx_int_mag(u, trunc ? RC_ZERO : fcw_rc(fcw), &inexact);
	u128 limit = (u128)1 << (bits - 1);
	if (v > limit || (v == limit && !u.sign)) {
		*flags |= FSW_IE;
		return indefinite;
	}
	if (inexact)
		*flags |= FSW_PE;
	if (inexact & 2)
		*flags |= FSW_C1;
	return (int64_t)(u.sign ? 0 - (uint64_t)v : (uint64_t)v);
}

struct fx80 fx_scale(uint16_t fcw, unsigned *flags, struct fx80 a,
		     struct fx80 b)
{
	int ka = fx_kind(a), kb = fx_kind(b), inexact;

	if (fx_special(ka) || fx_special(kb))
		return fx_nan2(flags, a, b);
	fx_de(flags, a, b);
	if (kb == K_INF) {
		if ((ka == K_ZERO && !fx_sign(b)) ||
		    (ka == K_INF && fx_sign(b))) {
			*flags |= FSW_IE;
			return fx_indefinite;
		}
		if (ka == K_ZERO || ka == K_INF)
			return a;
		return fx_sign(b) ? fx_make(fx_sign(a), 0, 0)
				  : fx_make(fx_sign(a), 0x7fff, 1ull << 63);
	}
	if (ka != K_FIN) {
		fx_de(flags, b, b); /* a denormal scale is still reported */
		return a;
	}
	struct unp x = fx_unpack(a, flags);
	int64_t n = 0;
	if (kb == K_FIN) {
		struct unp y = fx_unpack(b, flags);
		u128 v = fx_int_mag(y, RC_ZERO, &inexact);
		n = v > 100000 ? 100000 : (int64_t)v;
		if (y.sign)
			n = -n;
	}
	/* Precision control does not apply to FSCALE. */
	return fx_round(fcw | 0x300, flags, x.sign, x.e + (int32_t)n,
			(u128)x.m << 64);
}

struct fx80 fx_prem(uint16_t fcw, unsigned *flags, struct fx80 a, struct fx80 b,
		    int round_nearest, unsigned *q)
{
	int ka = fx_kind(a), kb = fx_kind(b);

	*q = 0;
	if (fx_special(ka) || fx_special(kb))
		return fx_nan2(flags, a, b);
	if (ka == K_INF || kb == K_ZERO) {
		*flags |= FSW_IE;
		return fx_indefinite;
	}
	if (ka == K_ZERO || kb == K_INF)
		return a;
	struct unp x = fx_unpack(a, flags), y = fx_unpack(b, flags);
	int32_t d = x.e - y.e;
	u128 r = x.m;
	uint64_t quo = 0;
	int sign = x.sign;
	if (d < 0) {
		if (round_nearest && d == -1 && x.m > y.m) {
			/* |a| in (|b|/2, |b|): a - sign(a)|b| */
			u128 big = (u128)y.m << 1;
			r = big - x.m; /* scale 2^(x.e - 63) */
			sign ^= 1;
			quo = 1;
		}
		*q = (unsigned)quo;
		if (quo)
			return fx_round(fcw | 0x300, flags, sign, x.e + 64, r);
		return a;
	}
	if (r >= y.m) {
		r -= y.m;
		quo = 1;
	}
	for (int32_t i = 0; i < d; i++) {
		r <<= 1;
		quo <<= 1;
		if (r >= y.m) {
			r -= y.m;
			quo |= 1;
		}
	}
	/* remainder = r * 2^(y.e - 63) with 0 <= r < y.m */
	if (round_nearest && (r << 1 > y.m || (r << 1 == y.m && (quo & 1)))) {
		r = y.m - r;
		sign ^= 1;
		quo++;
	}
	*q = (unsigned)(quo & 7);
	if (r == 0)
		return fx_make(x.sign, 0, 0);
	/* Exact (precision control does not apply). */
	return fx_round(fcw | 0x300, flags, sign, y.e + 64, r);
}

int fx_compare(unsigned *flags, struct fx80 a, struct fx80 b, int quiet)
{
	int ka = fx_kind(a), kb = fx_kind(b);

	if (fx_special(ka) || fx_special(kb)) {
		if (!quiet || ka == K_SNAN || kb == K_SNAN || ka == K_BAD ||
		    kb == K_BAD)
			*flags |= FSW_IE;
		return 2;
	}
	if (ka == K_ZERO && kb == K_ZERO)
		return 0;
	if (ka == K_FIN)
		fx_unpack(a, flags);
	if (kb == K_FIN)
		fx_unpack(b, flags);
	int sa = fx_sign(a), sb = fx_sign(b);
	if (ka == K_ZERO)
		return sb ? 1 : -1;
	if (kb == K_ZERO)
		return sa ? -1 : 1;
	if (sa != sb)
		return sa ? -1 : 1;
	/* Same sign: compare magnitudes (denormals as exponent 1). */
	struct unp x = fx_unpack(a, flags), y = fx_unpack(b, flags);
	int mag = x.e != y.e   ? (x.e > y.e ? 1 : -1)
		  : x.m != y.m ? (x.m > y.m ? 1 : -1)
			       : 0;
	return sa ? -mag : mag;
}

struct fx80 fx_from_i64(int64_t v)
{
	if (v == 0)
		return fx_make(0, 0, 0);
	int s = v < 0;
	uint64_t m = s ? 0 - (uint64_t)v : (uint64_t)v;
	int k = __builtin_clzll(m);
	return fx_make(s, 16383 + 63 - k, m << k);
}

struct fx80 fx_from_f64(unsigned *flags, uint64_t v)
{
	int s = v >> 63, be = (v >> 52) & 0x7ff;
	uint64_t frac = v & 0xfffffffffffffull;

	if (be == 0x7ff) {
		if (frac == 0)
			return fx_make(s, 0x7fff, 1ull << 63);
		if (!(frac >> 51))
			*flags |= FSW_IE;
		return fx_make(s, 0x7fff,
			       (1ull << 63) | (1ull << 62) | (frac << 11));
	}
	if (be == 0) {
		if (frac == 0)
			return fx_make(s, 0, 0);
		*flags |= FSW_DE;
		int k = __builtin_clzll(frac);
		return fx_make(s, 16383 - 1011 - k, frac << k);
	}
	return fx_make(s, be - 1023 + 16383, (1ull << 63) | (frac << 11));
}

struct fx80 fx_from_f32(unsigned *flags, uint32_t v)
{
	int s = v >> 31, be = (v >> 23) & 0xff;
	uint64_t frac = v & 0x7fffff;

	if (be == 0xff) {
		if (frac == 0)
			return fx_make(s, 0x7fff, 1ull << 63);
		if (!(frac >> 22))
			*flags |= FSW_IE;
		return fx_make(s, 0x7fff,
			       (1ull << 63) | (1ull << 62) | (frac << 40));
	}
	if (be == 0) {
		if (frac == 0)
			return fx_make(s, 0, 0);
		*flags |= FSW_DE;
		int k = __builtin_clzll(frac);
		return fx_make(s, 16383 - 86 - k, frac << k);
	}
	return fx_make(s, be - 127 + 16383, (1ull << 63) | (frac << 40));
}

/* Extended to a binary format with prec bits, bias and emax. */
static uint64_t fx_to_bin(uint16_t fcw, unsigned *flags, struct fx80 a,
			  int prec, int bias, int emax)
{
	int ka = fx_kind(a), s = fx_sign(a), fbits = prec - 1;
	uint64_t sbit = (uint64_t)s << (fbits + (prec == 53 ? 11 : 8));
	uint64_t expinf = (uint64_t)(emax + 1) << fbits;

	switch (ka) {
	case K_ZERO:
		return sbit;
	case K_INF:
		return sbit | expinf;
	case K_SNAN:
	case K_QNAN:
		if (ka == K_SNAN)
			*flags |= FSW_IE;
		return sbit | expinf | (1ull << (fbits - 1)) |
		       ((a.m << 1) >> (64 - fbits));
	case K_BAD:
		*flags |= FSW_IE;
		return (1ull << (fbits + (prec == 53 ? 11 : 8))) | expinf |
		       (1ull << (fbits - 1));
	default:
		break;
	}
	unsigned no_de = 0; /* FST/FSTP do not report denormal operands */
	struct unp u = fx_unpack(a, &no_de);
	struct rres r = round_gen(flags, fcw_rc(fcw), s, u.e + bias,
				  (u128)u.m << 64, prec, emax);
	if (r.inf)
		return sbit | expinf;
	return sbit | ((uint64_t)r.be << fbits) |
	       ((r.m >> (64 - prec)) & ((1ull << fbits) - 1));
}

uint32_t fx_to_f32(uint16_t fcw, unsigned *flags, struct fx80 a)
{
	return (uint32_t)fx_to_bin(fcw, flags, a, 24, 127, 254);
}

uint64_t fx_to_f64(uint16_t fcw, unsigned *flags, struct fx80 a)
{
	return fx_to_bin(fcw, flags, a, 53, 1023, 2046);
}

double fx_to_double(struct fx80 a)
{
	unsigned f = 0;
	uint64_t v = fx_to_f64(0x037f, &f, a);
	double d;

	memcpy(&d, &v, 8);
	return d;
}

struct fx80 fx_from_double(double d)
{
	unsigned f = 0;
	uint64_t v;

	memcpy(&v, &d, 8);
	return fx_from_f64(&f, v);
}
