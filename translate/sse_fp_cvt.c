/*
 * Scalar conversions with x86 SSE semantics: single <-> double,
 * integer -> float under the MXCSR rounding mode, float -> int32/int64
 * (rounded or truncated; NaN and out-of-range give the "integer
 * indefinite" 0x80..0 with IE), and the RCP/RSQRT approximations.
 * Portable C: no host rounding modes or exception flags.  Called by
 * sse_cvt.c and sse_float.c.
 */
#include <math.h>
#include <float.h>

#include "sse_priv.h"

static inline int f32_is_nan(uint32_t a)
{
	return (a & 0x7fffffff) > 0x7f800000;
}

static inline int f64_is_nan(uint64_t a)
{
	return (a & ~(1ull << 63)) > 0x7ff0000000000000ull;
}

static inline int f32_is_denormal(uint32_t a)
{
	return (a & 0x7f800000) == 0 && (a & 0x7fffff);
}

static inline int f64_is_denormal(uint64_t a)
{
	return (a & 0x7ff0000000000000ull) == 0 && (a & 0xfffffffffffffull);
}

/* DE or DAZ handling of a denormal operand; returns the operand. */
static uint64_t denormal_in(struct fpenv *e, uint64_t a, uint64_t sign_bit)
{
	if (e->mxcsr & MXCSR_DAZ)
		return a & sign_bit;
	e->flags |= MXCSR_DE;
	return a;
}

uint64_t fp32_to_fp64(struct fpenv *e, uint32_t a)
{
	if (f32_is_nan(a)) {
		if (!(a & 0x400000))
			e->flags |= MXCSR_IE;
		return ((uint64_t)(a >> 31) << 63) | 0x7ff8000000000000ull |
		       ((uint64_t)(a & 0x3fffff) << 29);
	}
	if (f32_is_denormal(a))
		a = (uint32_t)denormal_in(e, a, 1u << 31);
	return u_of((double)f_of(a));
}

uint32_t fp64_to_fp32(struct fpenv *e, uint64_t a)
{
	if (f64_is_nan(a)) {
		if (!(a & (1ull << 51)))
			e->flags |= MXCSR_IE;
		return ((uint32_t)(a >> 63) << 31) | 0x7fc00000u |
		       (uint32_t)((a >> 29) & 0x3fffff);
	}
	if (f64_is_denormal(a))
		a = denormal_in(e, a, 1ull << 63);
	double d = d_of(a);
	if (isinf(d) || d == 0)
		return uf_of((float)d);
	return (uint32_t)fp_round_double(e, 0, d, 0);
}

/* Nearest double of v and the sign of (v - that double). */
static double i64_approx(int64_t v, int *s)
{
	double d = (double)v;

	if (d >= 0x1p63) {
		*s = -1;
	} else {
		int64_t t = (int64_t)d;
		*s = v > t ? 1 : v < t ? -1 : 0;
	}
	return d;
}

uint32_t fp_i64_to_fp32(struct fpenv *e, int64_t v)
{
	int s;
	double d = i64_approx(v, &s);

	if (d == 0)
		return 0;
	return (uint32_t)fp_round_double(e, 0, d, s);
}

uint64_t fp_i64_to_fp64(struct fpenv *e, int64_t v)
{
	int s;
	double d = i64_approx(v, &s);

	if (d == 0)
		return 0;
	return fp_round_double(e, 1, d, s);
}

/* x (finite) rounded to an integral value in mode rc. */
static double round_int(double x, int rc)
{
	double fl;

	switch (rc) {
	case RC_DOWN:
		return floor(x);
	case RC_UP:
		return ceil(x);
	case RC_ZERO:
		return trunc(x);
	default:
		fl = floor(x);
		if (x - fl > 0.5)
			return fl + 1;
		if (x - fl < 0.5)
			return fl;
		return fmod(fl, 2.0) == 0 ? fl : fl + 1;
	}
}

static int64_t fp_to_int(struct fpenv *e, double x, int nan, int bits64,
			 int trunc)
{
	const int64_t indefinite = bits64 ? INT64_MIN : INT32_MIN;
	int rc = trunc ? RC_ZERO : (int)((e->mxcsr >> MXCSR_RC_SHIFT) & 3);

	if (nan || isinf(x)) {
		e->flags |= MXCSR_IE;
		return indefinite;
	}
	double r = round_int(x, rc);
	int ok = bits64 ? r >= -0x1p63 && r < 0x1p63
			: r >= -0x1p31 && r <= 0x1p31 - 1;
	if (!ok) {
		e->flags |= MXCSR_IE;
		return indefinite;
	}
	if (r != x)
		e->flags |= MXCSR_PE;
	return (int64_t)r;
}

int64_t fp32_to_int(struct fpenv *e, uint32_t a, int bits64, int trunc)
{
	if (f32_is_denormal(a) && (e->mxcsr & MXCSR_DAZ))
		a &= 1u << 31;
	return fp_to_int(e, (double)f_of(a & ~(f32_is_nan(a) ? ~0u : 0)),
			 f32_is_nan(a), bits64, trunc);
}

int64_t fp64_to_int(struct fpenv *e, uint64_t a, int bits64, int trunc)
{
	if (f64_is_denormal(a) && (e->mxcsr & MXCSR_DAZ))
		a &= 1ull << 63;
	return fp_to_int(e, f64_is_nan(a) ? 0.0 : d_of(a), f64_is_nan(a),
			 bits64, trunc);
}

/*
 * RCPPS/RSQRTPS: the hardware returns a table-based approximation whose
 * exact bits differ between CPU models; wax returns the correctly
 * rounded value, well within the architectural 1.5 * 2^-12 bound.
 * Denormal inputs act as zero and tiny results flush to zero, as on
 * hardware.
 */
uint32_t fp32_rcp(struct fpenv *e, uint32_t a)
{
	uint32_t sign = a & 0x80000000u;

	if (f32_is_nan(a))
		return a | 0x400000;
	if ((a & 0x7f800000) == 0)
		return sign | 0x7f800000;
	if ((a & 0x7fffffff) == 0x7f800000)
		return sign;
	float r = (float)(1.0 / (double)f_of(a));
	if (fabsf(r) < FLT_MIN)
		return sign;
	return uf_of(r);
}

uint32_t fp32_rsqrt(struct fpenv *e, uint32_t a)
{
	uint32_t sign = a & 0x80000000u;

	if (f32_is_nan(a))
		return a | 0x400000;
	if ((a & 0x7f800000) == 0)
		return sign | 0x7f800000;
	if (sign)
		return 0xffc00000u;
	if (a == 0x7f800000)
		return 0;
	return uf_of((float)(1.0 / sqrt((double)f_of(a))));
}
