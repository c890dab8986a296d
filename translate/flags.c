/*
 * Lazy condition flags: materialises CF PF AF ZF SF OF from the record the
 * last flag-setting instruction left in struct cpu (see flags.h), and
 * evaluates Jcc/SETcc/CMOVcc conditions, with fast paths for CMP/SUB and
 * logic results.  Flag semantics follow the Intel SDM vol. 2 per
 * instruction; undefined flags get the value Intel hardware commonly
 * produces where cheap (AF = 0 for logic and shifts).
 *
 * Callers: instruction handlers (interp_*.c, sse_*.c) and cpu.c.
 */
#include "flags.h"

static inline unsigned flags_szp(uint64_t res, int bits)
{
	unsigned f = 0;
	uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;

	res &= m;
	if (res == 0)
		f |= RFLAGS_ZF;
	if ((res >> (bits - 1)) & 1)
		f |= RFLAGS_SF;
	if (!__builtin_parity((unsigned)(res & 0xff)))
		f |= RFLAGS_PF;
	return f;
}

static unsigned flags_compute(unsigned op, uint64_t d, uint64_t s, uint64_t r)
{
	int w = (op - 1) & 3, bits = 8 << w;
	uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
	uint64_t sign = 1ull << (bits - 1), cin;
	unsigned f = flags_szp(r, bits);

	d &= m;
	s &= m;
	r &= m;
	switch ((op - 1) >> 2) {
	case 0: /* ADD */
		if (r < d)
			f |= RFLAGS_CF;
		goto add_of;
	case 1: /* ADC */
		cin = (r - d - s) & m & 1;
		if (cin ? r <= d : r < d)
			f |= RFLAGS_CF;
	add_of:
		if ((d ^ r) & (s ^ r) & sign)
			f |= RFLAGS_OF;
		f |= (d ^ s ^ r) & RFLAGS_AF;
		return f;
	case 2: /* SUB */
		if (d < s)
			f |= RFLAGS_CF;
		goto sub_of;
	case 3: /* SBB */
		cin = (d - s - r) & m & 1;
		if (cin ? d <= s : d < s)
			f |= RFLAGS_CF;
	sub_of:
		if ((d ^ s) & (d ^ r) & sign)
			f |= RFLAGS_OF;
		f |= (d ^ s ^ r) & RFLAGS_AF;
		return f;
	case 4: /* LOGIC */
		return f;
	case 5: /* INC */
		f |= s & RFLAGS_CF;
		if (r == sign)
			f |= RFLAGS_OF;
		f |= (d ^ 1 ^ r) & RFLAGS_AF;
		return f;
	case 6: /* DEC */
		f |= s & RFLAGS_CF;
		if (d == sign)
			f |= RFLAGS_OF;
		f |= (d ^ 1 ^ r) & RFLAGS_AF;
		return f;
	case 7: /* SHL */
		f |= s & RFLAGS_CF;
		if (((r >> (bits - 1)) ^ s) & 1)
			f |= RFLAGS_OF;
		return f;
	case 8: /* SHR */
		f |= s & RFLAGS_CF;
		if (d & sign)
			f |= RFLAGS_OF;
		return f;
	case 9: /* SAR */
		return f | (s & RFLAGS_CF);
	case 10: /* MUL */
		if (s)
			f |= RFLAGS_CF | RFLAGS_OF;
		return f;
	}
	return f;
}

static unsigned flags_of_record(struct cpu *cpu, unsigned op)
{
	if (op == CC_OP_EFLAGS)
		return (unsigned)cpu->cc_src & FLAGS_STATUS;
	return flags_compute(op, cpu->cc_dst, cpu->cc_src, cpu->cc_res);
}

unsigned flags_get(struct cpu *cpu)
{
	if (cpu->cc_op == CC_OP_ROT)
		return (flags_of_record(cpu, cpu->cc_rot_op) &
			~(RFLAGS_CF | RFLAGS_OF)) |
		       cpu->cc_rot;
	return flags_of_record(cpu, cpu->cc_op);
}

unsigned flags_cf(struct cpu *cpu)
{
	unsigned op = cpu->cc_op;
	int w = (op - 1) & 3, shift = 64 - (8 << w);

	switch (op) {
	case CC_OP_EFLAGS:
		return cpu->cc_src & RFLAGS_CF;
	case CC_OP_ADD8 ... CC_OP_ADD64:
		return (cpu->cc_res << shift) < (cpu->cc_dst << shift);
	case CC_OP_SUB8 ... CC_OP_SUB64:
		return (cpu->cc_dst << shift) < (cpu->cc_src << shift);
	case CC_OP_LOGIC8 ... CC_OP_LOGIC64:
		return 0;
	case CC_OP_INC8 ... CC_OP_SAR64:
		return cpu->cc_src & 1;
	case CC_OP_MUL8 ... CC_OP_MUL64:
		return cpu->cc_src != 0;
	case CC_OP_ROT:
		return cpu->cc_rot & RFLAGS_CF;
	}
	return flags_get(cpu) & RFLAGS_CF;
}

static bool flags_cond_slow(unsigned f, int cc)
{
	bool r;
	bool sf = !!(f & RFLAGS_SF), of = !!(f & RFLAGS_OF);

	switch (cc >> 1) {
	case 0:
		r = of;
		break;
	case 1:
		r = f & RFLAGS_CF;
		break;
	case 2:
		r = f & RFLAGS_ZF;
		break;
	case 3:
		r = f & (RFLAGS_CF | RFLAGS_ZF);
		break;
	case 4:
		r = sf;
		break;
	case 5:
		r = f & RFLAGS_PF;
		break;
	case 6:
		r = sf != of;
		break;
	default:
		r = (f & RFLAGS_ZF) || sf != of;
		break;
	}
	return r ^ (cc & 1);
}

bool flags_cond(struct cpu *cpu, int cc)
{
	unsigned op = cpu->cc_op;
	int w = (op - 1) & 3, shift = 64 - (8 << w);
	bool r;

	if (op >= CC_OP_SUB8 && op <= CC_OP_SUB64) {
		/* compare the operands themselves, aligned to bit 63 */
		uint64_t d = cpu->cc_dst << shift, s = cpu->cc_src << shift;

		switch (cc >> 1) {
		case 1:
			r = d < s;
			break;
		case 2:
			r = d == s;
			break;
		case 3:
			r = d <= s;
			break;
		case 6:
			r = (int64_t)d < (int64_t)s;
			break;
		case 7:
			r = (int64_t)d <= (int64_t)s;
			break;
		default:
			goto slow;
		}
		return r ^ (cc & 1);
	}
	if (op >= CC_OP_LOGIC8 && op <= CC_OP_LOGIC64) {
		int64_t v = (int64_t)(cpu->cc_res << shift);

		switch (cc >> 1) {
		case 0:
		case 1:
			r = false;
			break;
		case 2:
		case 3:
			r = v == 0;
			break;
		case 4:
		case 6:
			r = v < 0;
			break;
		case 7:
			r = v <= 0;
			break;
		default:
			goto slow;
		}
		return r ^ (cc & 1);
	}
slow:
	return flags_cond_slow(flags_get(cpu), cc);
}
