/*
 * x86-64 instruction decoder: legacy prefixes, REX, the 0F/0F38/0F3A
 * maps, ModRM/SIB/displacement and immediates, into struct insn with the
 * handler already chosen (by opcode, ModRM.reg group and operand size).
 * Integer opcodes come from decode_tables.c; SSE/x87 ones from
 * sse_lookup() (sse_table.c).
 *
 * Callers: block.c (decoding blocks), cpu.c (traces), tests.
 */
#include "decode.h"
#include "sse.h"

/* Bytes available check: fails the decode when byte i is not there. */
#define NEED(n)                                                                \
	do {                                                                   \
		if (i + (n) > 15)                                              \
			return DECODE_TOO_LONG;                                \
		if (i + (n) > avail)                                           \
			return DECODE_TRUNCATED;                               \
	} while (0)

static uint64_t rd_le(const uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int k = n - 1; k >= 0; k--)
		v = v << 8 | p[k];
	return v;
}

static const struct op_row row_fence = {
	"fence", {op_fence, op_fence, op_fence, op_fence}};
static const struct op_row row_clflush = {
	"clflush", {op_clflush, op_clflush, op_clflush, op_clflush}};
static const struct op_row row_nop = {"nop", {op_nop, op_nop, op_nop, op_nop}};

/* Parses ModRM (+SIB, displacement) at buf[*pi]; returns 0 or an error. */
static int decode_modrm(struct insn *in, const uint8_t *buf, int avail, int *pi,
			unsigned rex, enum decode_mode mode)
{
	int i = *pi;
	uint8_t modrm, sib;
	int rm;

	NEED(1);
	modrm = buf[i++];
	in->mod = modrm >> 6;
	in->reg = ((modrm >> 3) & 7) | (rex & 4 ? 8 : 0);
	rm = modrm & 7;
	in->rm = rm | (rex & 1 ? 8 : 0);
	if (in->mod == 3)
		goto out;
	if (rm == 4) {
		int idx, base;

		NEED(1);
		sib = buf[i++];
		in->scale = sib >> 6;
		idx = ((sib >> 3) & 7) | (rex & 2 ? 8 : 0);
		base = sib & 7;
		if (idx != 4)
			in->index = idx;
		if (base == 5 && in->mod == 0) {
			NEED(4);
			in->disp = (int32_t)rd_le(buf + i, 4);
			i += 4;
		} else {
			in->base = base | (rex & 1 ? 8 : 0);
		}
	} else if (rm == 5 && in->mod == 0) {
		NEED(4);
		in->disp = (int32_t)rd_le(buf + i, 4);
		i += 4;
		if (mode == MODE_64)
			in->base = EA_RIP;
	} else {
		in->base = in->rm;
	}
	if (in->mod == 1) {
		NEED(1);
		in->disp = (int8_t)buf[i++];
	} else if (in->mod == 2) {
		NEED(4);
		in->disp = (int32_t)rd_le(buf + i, 4);
		i += 4;
	}
out:
	*pi = i;
	return 0;
}

/* Memory-capable handler -> its register-only variant (mod == 3). */
static const struct {
	insn_fn *any, *reg;
} reg_forms[] = {
#define REG_PAIRS(n)                                                           \
	{op_##n##8, op_##n##_reg8}, {op_##n##16, op_##n##_reg16},              \
		{op_##n##32, op_##n##_reg32}, {op_##n##64, op_##n##_reg64},
	OPS_REGFORM(REG_PAIRS)
#undef REG_PAIRS
};

static insn_fn *reg_form(insn_fn *fn)
{
	for (size_t k = 0; k < ARRAY_SIZE(reg_forms); k++)
		if (reg_forms[k].any == fn)
			return reg_forms[k].reg;
	return fn;
}

/*
 * LOCK is valid only with a memory destination of ADD ADC AND BTC BTR BTS
 * CMPXCHG CMPXCHG8B/16B DEC INC NEG NOT OR SBB SUB XOR XADD XCHG (SDM,
 * "LOCK"); anywhere else it is #UD.
 */
static bool lock_ok(const struct insn *in)
{
	int op = in->op, r = in->reg & 7;

	if (in->mod == 3)
		return false;
	if (in->map == 0) {
		if (op < 0x38 && (op & 7) <= 1) /* ALU rm,r (not CMP) */
			return true;
		switch (op) {
		case 0x80:
		case 0x81:
		case 0x83:
			return r != 7; /* not CMP */
		case 0x86:
		case 0x87:
			return true;
		case 0xf6:
		case 0xf7:
			return r == 2 || r == 3; /* NOT, NEG */
		case 0xfe:
		case 0xff:
			return r <= 1; /* INC, DEC */
		default:
			return false;
		}
	}
	if (in->map != 1)
		return false;
	switch (op) {
	case 0xab: /* BTS */
	case 0xb3: /* BTR */
	case 0xbb: /* BTC */
	case 0xb0: /* CMPXCHG */
	case 0xb1:
	case 0xc0: /* XADD */
	case 0xc1:
		return true;
	case 0xba:
		return r >= 5; /* BTS BTR BTC imm8 */
	case 0xc7:
		return r == 1; /* CMPXCHG8B/16B */
	default:
		return false;
	}
}

int decode_insn(struct insn *in, const uint8_t *buf, int avail,
		enum decode_mode mode)
{
	int i = 0, ret;
	unsigned rex = 0, rep = 0, flags, opsize66 = 0, addr67 = 0;
	const struct op_row *row;
	struct op_row sse_row;
	uint8_t b;

	memset(in, 0, sizeof(*in));
	in->base = in->index = EA_NONE;

	/* prefixes; a REX counts only when it immediately precedes the opcode */
	for (;;) {
		NEED(1);
		b = buf[i++];
		switch (b) {
		case 0x66:
			opsize66 = 1;
			break;
		case 0x67:
			addr67 = 1;
			break;
		case 0xf2:
		case 0xf3:
			rep = b;
			break;
		case 0xf0:
			in->lock = 1;
			break;
		case 0x26:
		case 0x2e:
		case 0x36:
		case 0x3e:
			break; /* ES/CS/SS/DS: no effect in 64-bit mode */
		case 0x64:
			in->seg = 4;
			break;
		case 0x65:
			in->seg = 5;
			break;
		default:
			if (mode == MODE_64 && (b & 0xf0) == 0x40) {
				rex = b;
				continue;
			}
			goto opcode;
		}
		rex = 0;
	}
opcode:
	in->rex = rex;
	in->prefix = rep ? rep : opsize66 ? 0x66 : 0;
	in->addrsize = mode == MODE_64 ? (addr67 ? 4 : 8) : (addr67 ? 2 : 4);
	if (b == 0x0f) {
		NEED(1);
		b = buf[i++];
		in->map = 1;
		if (b == 0x38 || b == 0x3a) {
			in->map = b == 0x38 ? 2 : 3;
			NEED(1);
			b = buf[i++];
		}
	}
	in->op = b;

	row = NULL;
	if (in->map == 0 && (b < 0xd8 || b > 0xdf))
		row = &decode_map0[b];
	else if (in->map == 1 && decode_map1[b].name)
		row = &decode_map1[b];
	else if (in->map == 2 && (b == 0xf0 || b == 0xf1) && rep != 0xf2)
		row = b == 0xf0 ? &decode_0f38_f0 : &decode_0f38_f1;
	if (in->map == 1 && b == 0xb8 && rep != 0xf3)
		row = NULL; /* JMPE: #UD in user mode */
	if (row && !row->name)
		goto illegal;
	if (in->map == 1 && b == 0xae) {
		/* group 15: fences and CLFLUSH are ours, the rest SSE's */
		ret = decode_modrm(in, buf, avail, &i, rex, mode);
		if (ret)
			return ret;
		if (in->mod == 3 && (in->reg & 7) >= 5)
			row = &row_fence;
		else if (in->mod != 3 && (in->reg & 7) == 7)
			row = &row_clflush;
		if (row) {
			flags = 0;
			goto size;
		}
	}
	if (!row) {
		const struct sse_op *op;

		if (in->map == 0)
			op = sse_lookup(0, b, 0);
		else
			op = sse_lookup(in->map, b, in->prefix);
		if (!op || !op->fn)
			goto illegal;
		sse_row.name = "sse";
		sse_row.fn[0] = sse_row.fn[1] = sse_row.fn[2] = sse_row.fn[3] =
			op->fn;
		sse_row.flags = (op->no_modrm ? 0 : OPF_MODRM) |
				(op->has_imm8 ? OPF_IMM8 : 0);
		sse_row.group = NULL;
		if (in->map == 1 && b == 0xae)
			sse_row.flags &= ~OPF_MODRM; /* already parsed */
		row = &sse_row;
	}
	flags = row->flags;
	if (flags & OPF_MODRM) {
		ret = decode_modrm(in, buf, avail, &i, rex, mode);
		if (ret)
			return ret;
		if (row->group) {
			row = &row->group[in->reg & 7];
			if (!row->name)
				goto illegal;
			flags |= row->flags;
		}
		if ((flags & OPF_MEMONLY) && in->mod == 3)
			goto illegal;
		if ((flags & OPF_REGONLY) && in->mod != 3)
			goto illegal;
	} else if (flags & (OPF_OPREG | OPF_ACC)) {
		in->mod = 3;
		in->rm = flags & OPF_ACC ? 0 : (b & 7) | (rex & 1 ? 8 : 0);
	}
	if (in->map == 0 && b == 0x90 && !(rex & 1)) {
		row = &row_nop; /* NOP / PAUSE, not XCHG eax, eax */
		flags = 0;
	}

size:
	/* operand size */
	if (flags & OPF_BYTE)
		in->opsize = 1;
	else if (rex & 8)
		in->opsize = 8;
	else if (flags & OPF_FORCE64)
		in->opsize = 8;
	else if (opsize66)
		in->opsize = 2;
	else
		in->opsize = (flags & OPF_DEF64) && mode == MODE_64 ? 8 : 4;

	/* immediates */
	if (flags & OPF_IMM8) {
		NEED(1);
		in->imm = (uint64_t)(int64_t)(int8_t)buf[i++];
	} else if (flags & OPF_IMMZ) {
		int n = in->opsize == 1 ? 1 : in->opsize == 2 ? 2 : 4;

		NEED(n);
		in->imm = rd_le(buf + i, n);
		if (n == 1)
			in->imm = (uint64_t)(int64_t)(int8_t)in->imm;
		else if (n == 2)
			in->imm = (uint64_t)(int64_t)(int16_t)in->imm;
		else
			in->imm = (uint64_t)(int64_t)(int32_t)in->imm;
		i += n;
	} else if (flags & OPF_IMMV) {
		NEED(in->opsize);
		in->imm = rd_le(buf + i, in->opsize);
		i += in->opsize;
	} else if (flags & OPF_IMM16) {
		NEED(2);
		in->imm = rd_le(buf + i, 2);
		i += 2;
	} else if (flags & OPF_IMM32) {
		NEED(4);
		in->imm = (uint64_t)(int64_t)(int32_t)rd_le(buf + i, 4);
		i += 4;
	} else if (flags & OPF_MOFFS) {
		NEED(in->addrsize);
		in->imm = rd_le(buf + i, in->addrsize);
		i += in->addrsize;
	} else if (flags & OPF_ENTER) {
		NEED(3);
		in->imm = rd_le(buf + i, 2);
		in->imm2 = buf[i + 2];
		i += 3;
	}

	in->fn = row->fn[__builtin_ctz(in->opsize)];
	if (!in->fn)
		goto illegal;
	if (in->lock && !lock_ok(in))
		goto illegal;
	if (in->mod == 3 && row != &sse_row)
		in->fn = reg_form(in->fn);
	if (in->fn == op_jcc)
		in->fn = interp_jcc_by_cc[in->op & 15];
	in->len = i;
	return i;

illegal:
	in->fn = op_illegal;
	in->len = i;
	return i;
}

bool decode_ends_block(const struct insn *in)
{
	static insn_fn *const enders[] = {
		op_jcc,	   op_jmp_rel, op_call_rel, op_ret,	    op_ret_imm,
		op_jmp_rm, op_call_rm, op_loop,	    op_loope,	    op_loopne,
		op_jrcxz,  op_syscall, op_int3,	    op_int,	    op_ud,
		op_priv,   op_illegal, op_too_long, op_fetch_fault, op_popf16,
		op_popf64,
	};

	for (size_t k = 0; k < ARRAY_SIZE(enders); k++)
		if (in->fn == enders[k])
			return true;
	for (int cc = 0; cc < 16; cc++)
		if (in->fn == interp_jcc_by_cc[cc])
			return true;
	return false;
}

const char *decode_name(const struct insn *in)
{
	const struct op_row *row = NULL;

	if (in->fn == op_illegal)
		return "(bad)";
	if (in->map == 0 && (in->op < 0xd8 || in->op > 0xdf))
		row = &decode_map0[in->op];
	else if (in->map == 1 && decode_map1[in->op].name)
		row = &decode_map1[in->op];
	else if (in->map == 2 && (in->op == 0xf0 || in->op == 0xf1))
		return "movbe";
	if (!row || !row->name)
		return in->map == 0 ? "x87" : "sse";
	if (row->group && row->group[in->reg & 7].name)
		return row->group[in->reg & 7].name;
	return row->name;
}
