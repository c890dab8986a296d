/*
 * Scalar floating-point core of the SSE handlers: add, sub, mul, div,
 * min, max, sqrt and compares on IEEE single and double values held as
 * bits, with the x86 SSE rules for NaN propagation (first operand's NaN
 * wins, SNaN quieted, default NaN 0xffc00000 / 0xfff8000000000000),
 * MXCSR rounding control, DAZ/FTZ and the IE/DE/ZE/OE/UE/PE flags.
 *
 * The host only ever computes round-to-nearest results on non-NaN
 * values; the exact error of each operation (TwoSum, fma residual) says
 * which way the true result lies, from which directed rounding and the
 * inexact flag follow.  That works the same natively and in wasm, which
 * has neither rounding modes nor exception flags.  Called by sse_float.c
 * and sse_cvt.c.
 */
#include <math.h>
#include <float.h>

#include "sse_priv.h"

enum fp_class { C_ZERO, C_NORMAL, C_DENORMAL, C_INF, C_QNAN, C_SNAN };

static enum fp_class fp_classify(int is64, uint64_t a)
{
	uint64_t exp, man, qbit;

	if (is64) {
		exp = (a >> 52) & 0x7ff;
		man = a & 0xfffffffffffffull;
		qbit = 1ull << 51;
		if (exp == 0x7ff)
			return man == 0	      ? C_INF
			       : (man & qbit) ? C_QNAN
					      : C_SNAN;
	} else {
		exp = (a >> 23) & 0xff;
		man = a & 0x7fffff;
		qbit = 1u << 22;
		if (exp == 0xff)
			return man == 0	      ? C_INF
			       : (man & qbit) ? C_QNAN
					      : C_SNAN;
	}
	if (exp == 0)
		return man == 0 ? C_ZERO : C_DENORMAL;
	return C_NORMAL;
}

static inline int is_nan(enum fp_class c)
{
	return c == C_QNAN || c == C_SNAN;
}

static inline uint64_t fp_quiet(int is64, uint64_t a)
{
	return a | (is64 ? 1ull << 51 : 1u << 22);
}

static inline uint64_t fp_default_nan(int is64)
{
	return is64 ? 0xfff8000000000000ull : 0xffc00000u;
}

static inline int fp_rc(const struct fpenv *e)
{
	return (e->mxcsr >> MXCSR_RC_SHIFT) & 3;
}

static inline int fp_masked(const struct fpenv *e, uint32_t flag)
{
	return (e->mxcsr >> MXCSR_MASK_SHIFT) & flag;
}

/*
 * Loads an operand as a host double (exact for both formats), applying
 * DAZ to denormals; *cls is updated to C_ZERO in that case.
 */
static double fp_load(const struct fpenv *e, int is64, uint64_t a,
		      enum fp_class *cls)
{
	double d;

	if (*cls == C_DENORMAL && (e->mxcsr & MXCSR_DAZ)) {
		*cls = C_ZERO;
		a &= is64 ? 1ull << 63 : 1u << 31;
	}
	d = is64 ? d_of(a) : (double)f_of((uint32_t)a);
	return d;
}

static inline uint64_t fp_store(int is64, double d)
{
	return is64 ? u_of(d) : uf_of((float)d);
}

static inline int sgn(double x)
{
	return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/* Result of an overflow, by rounding mode and sign. */
static uint64_t fp_overflow(struct fpenv *e, int is64, int neg)
{
	int rc = fp_rc(e);
	int to_inf = rc == RC_NEAREST || (rc == RC_UP && !neg) ||
		     (rc == RC_DOWN && neg);
	double v = is64 ? (to_inf ? INFINITY : DBL_MAX)
			: (to_inf ? INFINITY : FLT_MAX);

	e->flags |= MXCSR_OE | MXCSR_PE;
	return fp_store(is64, neg ? -v : v);
}

/*
 * The host's round-to-nearest result d of a double operation overflowed.
 * p is the same operation on halved operands (exact halving: nothing is
 * denormal near the overflow threshold) and perr the sign of its rounding
 * error.  When the exact result is below 2^1024 and the rounding mode
 * goes toward zero for its sign, the result is DBL_MAX with only PE: with
 * an unbounded exponent it would round to DBL_MAX, so no overflow.
 */
static uint64_t fp_overflow64(struct fpenv *e, double d, double p, int perr)
{
	int rc = fp_rc(e), neg = d < 0;
	int below = fabs(p) < 0x1p1023 ||
		    (fabs(p) == 0x1p1023 && perr * (neg ? -1 : 1) < 0);
	int toward_zero = rc == RC_ZERO || (rc == RC_DOWN && !neg) ||
			  (rc == RC_UP && neg);

	if (below && toward_zero) {
		e->flags |= MXCSR_PE;
		return u_of(neg ? -DBL_MAX : DBL_MAX);
	}
	return fp_overflow(e, 1, neg);
}

/* Directed-rounding step: r is the nearest value, s the sign of
 * (exact - r).  Returns the value the rounding mode picks. */
static double fp_direct64(int rc, double r, int s)
{
	if (s == 0 || rc == RC_NEAREST)
		return r;
	if (rc == RC_DOWN && s < 0)
		return nextafter(r, -INFINITY);
	if (rc == RC_UP && s > 0)
		return nextafter(r, INFINITY);
	if (rc == RC_ZERO && r != 0 && (s < 0) != (r < 0))
		return nextafter(r, 0.0);
	return r;
}

static float fp_direct32(int rc, float r, int s)
{
	if (s == 0 || rc == RC_NEAREST)
		return r;
	if (rc == RC_DOWN && s < 0)
		return nextafterf(r, -INFINITY);
	if (rc == RC_UP && s > 0)
		return nextafterf(r, INFINITY);
	if (rc == RC_ZERO && r != 0 && (s < 0) != (r < 0))
		return nextafterf(r, 0.0f);
	return r;
}

/*
 * Underflow and FTZ handling of a rounded finite result r.  tiny: the
 * result rounded to the format's precision with an unbounded exponent
 * is below the smallest normal (x86 detects tininess after rounding).
 */
static double fp_tiny(struct fpenv *e, double r, int tiny, int inexact)
{
	if (!tiny)
		return r;
	if ((e->mxcsr & MXCSR_FTZ) && fp_masked(e, MXCSR_UE)) {
		e->flags |= MXCSR_UE | MXCSR_PE;
		return copysign(0.0, r);
	}
	if (inexact || !fp_masked(e, MXCSR_UE))
		e->flags |= MXCSR_UE;
	return r;
}

/*
 * Rounds a result to the target format.  d is the host's
 * round-to-nearest double of the exact result (finite or an overflowed
 * infinity) and s the sign of (exact - d).
 */
static uint64_t fp_finish2(struct fpenv *e, int is64, double d, int s,
			   int tiny64)
{
	int rc = fp_rc(e);

	if (is64) {
		if (isinf(d))
			return fp_overflow(e, 1, d < 0);
		double r = fp_direct64(rc, d, s);
		if (s)
			e->flags |= MXCSR_PE;
		if (isinf(r))
			return fp_overflow(e, 1, r < 0);
		int tiny = tiny64 >= 0 ? tiny64
			   : r != 0    ? fabs(r) < DBL_MIN
				       : s != 0;
		return u_of(fp_tiny(e, r, tiny, s != 0));
	}

	/* Round to odd in double, so the second rounding is exact. */
	double dd = d;
	if (s && !isinf(d) && !(u_of(d) & 1))
		dd = nextafter(d, s > 0 ? INFINITY : -INFINITY);
	double ad = fabs(dd);
	int neg = dd < 0;
	const double two128 = 0x1p128, max_half = 0x1.ffffffp127;
	int over;
	switch (rc) {
	case RC_NEAREST:
		over = ad >= max_half;
		break;
	case RC_ZERO:
		over = ad >= two128;
		break;
	case RC_UP:
		over = neg ? ad >= two128 : ad > FLT_MAX;
		break;
	default:
		over = neg ? ad > FLT_MAX : ad >= two128;
		break;
	}
	if (over)
		return fp_overflow(e, 0, neg);
	float f = (float)dd;
	int st = sgn(dd - (double)f);
	int tiny = 0;
	if (st)
		e->flags |= MXCSR_PE;
	f = fp_direct32(rc, f, st);
	if (ad < FLT_MIN && dd != 0) {
		/* Round again at full precision: scaled, the value is normal. */
		double x = dd * 0x1p64;
		float fx = (float)x;
		fx = fp_direct32(rc, fx, sgn(x - (double)fx));
		tiny = fabsf(fx) < 0x1p-62f;
	}
	return uf_of((float)fp_tiny(e, f, tiny, st != 0));
}

static uint64_t fp_finish(struct fpenv *e, int is64, double d, int s)
{
	return fp_finish2(e, is64, d, s, -1);
}

uint64_t fp_round_double(struct fpenv *e, int is64, double d, int s)
{
	return fp_finish(e, is64, d, s);
}

/*
 * Double products and quotients whose operands or result are near the
 * subnormal range, where the fma residual is no longer exact: the
 * operation is redone on the frexp mantissas (in [0.5, 1), always
 * normal) and the exponent handled apart.  d is the host's nearest
 * result.  Sets *s (sign of exact - d) and returns the tininess after
 * rounding at full precision.
 */
static int fp_muldiv_exact(struct fpenv *e, int div, double da, double db,
			   double d, int *s)
{
	int ea, eb, ex;
	double ma = frexp(da, &ea), mb = frexp(db, &eb), p, r;
	int sp;

	if (div) {
		p = ma / mb;
		r = fma(-p, mb, ma);
		sp = sgn(r) * sgn(mb);
		ex = ea - eb;
	} else {
		p = ma * mb;
		sp = sgn(fma(ma, mb, -p));
		ex = ea + eb;
	}
	if (d == 0) {
		*s = sgn(p);
	} else {
		double big = ldexp(d, -ex);
		*s = p != big ? sgn(p - big) : sp;
	}
	double fx = fp_direct64(fp_rc(e), p, sp);
	return ilogb(fx) + ex < -1022;
}

static uint64_t fp_binop(struct fpenv *e, int is64, enum fp_binop op,
			 uint64_t a, uint64_t b)
{
	enum fp_class ca = fp_classify(is64, a), cb = fp_classify(is64, b);

	if (is_nan(ca) || is_nan(cb)) {
		if (op == FP_MIN || op == FP_MAX) {
			e->flags |= MXCSR_IE;
			if (cb == C_DENORMAL && (e->mxcsr & MXCSR_DAZ))
				b &= is64 ? 1ull << 63 : 1u << 31;
			return b;
		}
		if (ca == C_SNAN || cb == C_SNAN)
			e->flags |= MXCSR_IE;
		return fp_quiet(is64, is_nan(ca) ? a : b);
	}
	uint32_t flags_before = e->flags;
	if ((ca == C_DENORMAL || cb == C_DENORMAL) && !(e->mxcsr & MXCSR_DAZ))
		e->flags |= MXCSR_DE;
	double da = fp_load(e, is64, a, &ca), db = fp_load(e, is64, b, &cb);
	double d = 0, err;
	int s = 0;

	switch (op) {
	case FP_MIN:
		return da < db ? fp_store(is64, da) : fp_store(is64, db);
	case FP_MAX:
		return da > db ? fp_store(is64, da) : fp_store(is64, db);
	case FP_SUB:
		db = -db;
		/* fall through */
	case FP_ADD:
		if (ca == C_INF && cb == C_INF && (da < 0) != (db < 0))
			goto invalid;
		d = da + db;
		if (ca == C_INF || cb == C_INF)
			return fp_store(is64, d);
		if (isinf(d) && is64) {
			double ha = da * 0.5, hb = db * 0.5, p = ha + hb;
			int a_big = fabs(ha) >= fabs(hb);
			double big = a_big ? ha : hb, small = a_big ? hb : ha;
			return fp_overflow64(e, d, p, sgn(small - (p - big)));
		}
		if (isinf(d))
			return fp_overflow(e, is64, d < 0);
		if (d == 0) {
			/* x + -x is -0 when rounding down, +0 otherwise. */
			if (fp_rc(e) == RC_DOWN &&
			    !(da == 0 && db == 0 && !signbit(da) &&
			      !signbit(db)))
				d = -0.0;
			return fp_store(is64, d);
		}
		{
			/* Fast2Sum on the larger operand first: TwoSum's
			 * d - da can overflow near DBL_MAX (and then the
			 * rounding error read as zero). */
			int a_big = fabs(da) >= fabs(db);
			double big = a_big ? da : db, small = a_big ? db : da;
			err = small - (d - big);
		}
		s = sgn(err);
		break;
	case FP_MUL:
		if ((ca == C_INF && cb == C_ZERO) ||
		    (ca == C_ZERO && cb == C_INF))
			goto invalid;
		d = da * db;
		if (ca == C_INF || cb == C_INF || ca == C_ZERO || cb == C_ZERO)
			return fp_store(is64, d);
		if (isinf(d) && is64) {
			double p = (da * 0.5) * db;
			return fp_overflow64(e, d, p,
					     sgn(fma(da * 0.5, db, -p)));
		}
		if (isinf(d))
			return fp_overflow(e, is64, d < 0);
		if (is64 && (fabs(d) < 0x1p-1000 || fabs(da) < 0x1p-500 ||
			     fabs(db) < 0x1p-500)) {
			int tiny = fp_muldiv_exact(e, 0, da, db, d, &s);
			return fp_finish2(e, 1, d, s, tiny);
		}
		s = is64 ? sgn(fma(da, db, -d)) : 0;
		break;
	case FP_DIV:
		if ((ca == C_INF && cb == C_INF) ||
		    (ca == C_ZERO && cb == C_ZERO))
			goto invalid;
		if (cb == C_ZERO && ca != C_INF) {
			/* #Z takes precedence over #D: no DE here. */
			e->flags = flags_before | MXCSR_ZE;
			return fp_store(is64, da / db);
		}
		d = da / db;
		if (ca == C_INF || cb == C_INF || ca == C_ZERO)
			return fp_store(is64, d);
		if (isinf(d) && is64 && fabs(db) >= 0x1p-1021) {
			double p = (da * 0.5) / db;
			return fp_overflow64(
				e, d, p, sgn(fma(-p, db, da * 0.5)) * sgn(db));
		}
		if (isinf(d))
			return fp_overflow(e, is64, d < 0);
		if (is64 && (fabs(d) < 0x1p-1000 || fabs(da) < 0x1p-500 ||
			     fabs(db) < 0x1p-500)) {
			int tiny = fp_muldiv_exact(e, 1, da, db, d, &s);
			return fp_finish2(e, 1, d, s, tiny);
		}
		s = sgn(fma(-d, db, da)) * sgn(db);
		break;
	}
	return fp_finish(e, is64, d, s);
invalid:
	e->flags |= MXCSR_IE;
	return fp_default_nan(is64);
}

uint32_t fp32_binop(struct fpenv *e, enum fp_binop op, uint32_t a, uint32_t b)
{
	return (uint32_t)fp_binop(e, 0, op, a, b);
}

uint64_t fp64_binop(struct fpenv *e, enum fp_binop op, uint64_t a, uint64_t b)
{
	return fp_binop(e, 1, op, a, b);
}

static uint64_t fp_sqrt(struct fpenv *e, int is64, uint64_t a)
{
	enum fp_class ca = fp_classify(is64, a);

	if (is_nan(ca)) {
		if (ca == C_SNAN)
			e->flags |= MXCSR_IE;
		return fp_quiet(is64, a);
	}
	double da = fp_load(e, is64, a, &ca);
	if (ca == C_DENORMAL && da > 0)
		e->flags |= MXCSR_DE; /* #I has precedence for negatives */
	if (ca == C_ZERO)
		return fp_store(is64, da);
	if (da < 0) {
		e->flags |= MXCSR_IE;
		return fp_default_nan(is64);
	}
	if (ca == C_INF)
		return a;
	double d = sqrt(da);
	if (da < 0x1p-900) {
		/* Scaled by an even power of two, the residual stays exact. */
		double a2 = da * 0x1p1000, d2 = sqrt(a2), big = d * 0x1p500;
		int s2 = sgn(fma(-d2, d2, a2));
		return fp_finish(e, is64, d, d2 != big ? sgn(d2 - big) : s2);
	}
	return fp_finish(e, is64, d, sgn(fma(-d, d, da)));
}

uint32_t fp32_sqrt(struct fpenv *e, uint32_t a)
{
	return (uint32_t)fp_sqrt(e, 0, a);
}

uint64_t fp64_sqrt(struct fpenv *e, uint64_t a)
{
	return fp_sqrt(e, 1, a);
}

/* Compares a and b: -1, 0, 1, or 2 when unordered; sets IE/DE. */
static int fp_compare(struct fpenv *e, int is64, uint64_t a, uint64_t b,
		      int signaling)
{
	enum fp_class ca = fp_classify(is64, a), cb = fp_classify(is64, b);

	if (is_nan(ca) || is_nan(cb)) {
		if (signaling || ca == C_SNAN || cb == C_SNAN)
			e->flags |= MXCSR_IE;
		return 2;
	}
	if ((ca == C_DENORMAL || cb == C_DENORMAL) && !(e->mxcsr & MXCSR_DAZ))
		e->flags |= MXCSR_DE;
	double da = fp_load(e, is64, a, &ca), db = fp_load(e, is64, b, &cb);
	return da < db ? -1 : da > db ? 1 : 0;
}

static int fp_pred(struct fpenv *e, int is64, int pred, uint64_t a, uint64_t b)
{
	/* Predicates 1, 2, 5, 6 (LT, LE, NLT, NLE) signal on QNaN. */
	int signaling = (pred & 3) == 1 || (pred & 3) == 2;
	int c = fp_compare(e, is64, a, b, signaling);
	int un = c == 2;

	switch (pred & 7) {
	case 0:
		return !un && c == 0;
	case 1:
		return !un && c < 0;
	case 2:
		return !un && c <= 0;
	case 3:
		return un;
	case 4:
		return un || c != 0;
	case 5:
		return un || c >= 0;
	case 6:
		return un || c > 0;
	default:
		return !un;
	}
}

uint32_t fp32_cmp(struct fpenv *e, int pred, uint32_t a, uint32_t b)
{
	return fp_pred(e, 0, pred, a, b) ? 0xffffffffu : 0;
}

uint64_t fp64_cmp(struct fpenv *e, int pred, uint64_t a, uint64_t b)
{
	return fp_pred(e, 1, pred, a, b) ? ~0ull : 0;
}

static unsigned fp_comi(struct fpenv *e, int is64, uint64_t a, uint64_t b,
			int signaling)
{
	switch (fp_compare(e, is64, a, b, signaling)) {
	case 2:
		return RFLAGS_ZF | RFLAGS_PF | RFLAGS_CF;
	case -1:
		return RFLAGS_CF;
	case 0:
		return RFLAGS_ZF;
	default:
		return 0;
	}
}

unsigned fp32_comi(struct fpenv *e, uint32_t a, uint32_t b, int signaling)
{
	return fp_comi(e, 0, a, b, signaling);
}

unsigned fp64_comi(struct fpenv *e, uint64_t a, uint64_t b, int signaling)
{
	return fp_comi(e, 1, a, b, signaling);
}

void fp_commit(struct cpu *cpu, struct fpenv *e)
{
	uint32_t unmasked = e->flags & ~(e->mxcsr >> MXCSR_MASK_SHIFT) & 0x3f;

	cpu->mxcsr |= e->flags;
	if (unmasked) {
		/* #XM: si_code by priority, as Linux's fpu handler reports. */
		int code = (unmasked & MXCSR_IE)   ? 7	/* FPE_FLTINV */
			   : (unmasked & MXCSR_ZE) ? 3	/* FPE_FLTDIV */
			   : (unmasked & MXCSR_OE) ? 4	/* FPE_FLTOVF */
			   : (unmasked & MXCSR_UE) ? 5	/* FPE_FLTUND */
			   : (unmasked & MXCSR_PE) ? 6	/* FPE_FLTRES */
						   : 0; /* DE: __SI_FAULT */
		cpu_raise(cpu, LINUX_SIGFPE, code, cpu->rip);
	}
}
