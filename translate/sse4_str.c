/*
 * SSE4.2 string and CRC instructions: PCMPESTRI/PCMPESTRM/PCMPISTRI/
 * PCMPISTRM (66 0F 3A 60-63, every imm8 mode, Intel SDM vol. 2 §4.1
 * "imm8 control byte operation for PCMPESTRI / ...") and CRC32 (F2 0F 38
 * F0/F1, CRC-32C).  Handlers reached through sse_table.c; glibc's
 * SSE4.2 string functions and hash tables run through here.
 */
#include "sse_priv.h"

/* One string compare's inputs: elements of a (xmm reg) and b (xmm/m128)
 * already sign- or zero-extended, the element count n (16 or 8) and the
 * valid lengths. */
struct pcmpstr {
	int a[16], b[16];
	int n, la, lb;
};

static void pcmpstr_load(struct pcmpstr *p, const union xmm_reg *a,
			 const union xmm_reg *b, unsigned imm)
{
	p->n = imm & 1 ? 8 : 16;
	for (int i = 0; i < p->n; i++) {
		switch (imm & 3) {
		case 0:
			p->a[i] = a->u8[i], p->b[i] = b->u8[i];
			break;
		case 1:
			p->a[i] = a->u16[i], p->b[i] = b->u16[i];
			break;
		case 2:
			p->a[i] = a->i8[i], p->b[i] = b->i8[i];
			break;
		default:
			p->a[i] = a->i16[i], p->b[i] = b->i16[i];
			break;
		}
	}
}

/* Implicit length: the index of the first zero element, or n. */
static int implicit_len(const int *v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i] == 0)
			return i;
	return n;
}

/* Explicit length: |reg| saturated to n (RAX/RDX with REX.W, else the
 * 32-bit register). */
static int explicit_len(uint64_t reg, int w64, int n)
{
	int64_t v = w64 ? (int64_t)reg : (int64_t)(int32_t)reg;
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	return mag > (uint64_t)n ? n : (int)mag;
}

/* IntRes2: the aggregation (imm8[3:2]) then the polarity (imm8[5:4]). */
static unsigned pcmpstr_result(const struct pcmpstr *p, unsigned imm)
{
	unsigned r1 = 0, full = (1u << p->n) - 1;
	int n = p->n, la = p->la, lb = p->lb;

	for (int j = 0; j < n; j++) {
		int bit = 0;

		switch ((imm >> 2) & 3) {
		case 0: /* equal any: b[j] is one of a[0..la) */
			for (int i = 0; j < lb && i < la && !bit; i++)
				bit = p->a[i] == p->b[j];
			break;
		case 1: /* ranges: a holds (low, high) pairs */
			for (int i = 0; j < lb && i + 1 < la && !bit; i += 2)
				bit = p->a[i] <= p->b[j] &&
				      p->b[j] <= p->a[i + 1];
			break;
		case 2: /* equal each: both invalid counts as equal */
			if (j >= la || j >= lb)
				bit = j >= la && j >= lb;
			else
				bit = p->a[j] == p->b[j];
			break;
		default: /* equal ordered: a occurs in b at j */
			bit = 1;
			for (int k = 0; k < n - j && k < la && bit; k++)
				bit = j + k < lb && p->a[k] == p->b[j + k];
			break;
		}
		r1 |= (unsigned)bit << j;
	}
	switch ((imm >> 4) & 3) {
	case 1:
		return ~r1 & full;
	case 3:
		return (r1 ^ ((1u << lb) - 1)) & full;
	default:
		return r1;
	}
}

/* Runs one PCMPxSTRx: explicit selects EAX/EDX lengths, index selects
 * the ECX result (else the XMM0 mask). */
static void pcmpstr(struct cpu *cpu, const struct insn *in, int explicit,
		    int index)
{
	unsigned imm = (uint8_t)in->imm, res, f = 0;
	union xmm_reg b;
	struct pcmpstr p;

	sse_src(cpu, in, &b, 0); /* no alignment requirement */
	pcmpstr_load(&p, &cpu->xmm[in->reg], &b, imm);
	if (explicit) {
		p.la = explicit_len(cpu->regs[R_RAX], REX_W(in), p.n);
		p.lb = explicit_len(cpu->regs[R_RDX], REX_W(in), p.n);
	} else {
		p.la = implicit_len(p.a, p.n);
		p.lb = implicit_len(p.b, p.n);
	}
	res = pcmpstr_result(&p, imm);
	if (index) {
		uint32_t i = (uint32_t)p.n;
		if (res)
			i = imm & 0x40 ? 31u - (uint32_t)__builtin_clz(res)
				       : (uint32_t)__builtin_ctz(res);
		cpu->regs[R_RCX] = i;
	} else {
		union xmm_reg m = {{0}};
		if (!(imm & 0x40))
			m.u16[0] = (uint16_t)res;
		else if (p.n == 16)
			for (int i = 0; i < 16; i++)
				m.u8[i] = res >> i & 1 ? 0xff : 0;
		else
			for (int i = 0; i < 8; i++)
				m.u16[i] = res >> i & 1 ? 0xffff : 0;
		cpu->xmm[0] = m;
	}
	if (res)
		f |= RFLAGS_CF;
	if (p.lb < p.n)
		f |= RFLAGS_ZF;
	if (p.la < p.n)
		f |= RFLAGS_SF;
	if (res & 1)
		f |= RFLAGS_OF;
	flags_set(cpu, f);
	insn_next(cpu, in);
}

/* 66 0F 3A 60 ib: PCMPESTRM xmm1, xmm2/m128, imm8 */
void sse_pcmpestrm(struct cpu *cpu, const struct insn *in)
{
	pcmpstr(cpu, in, 1, 0);
}

/* 66 0F 3A 61 ib: PCMPESTRI */
void sse_pcmpestri(struct cpu *cpu, const struct insn *in)
{
	pcmpstr(cpu, in, 1, 1);
}

/* 66 0F 3A 62 ib: PCMPISTRM */
void sse_pcmpistrm(struct cpu *cpu, const struct insn *in)
{
	pcmpstr(cpu, in, 0, 0);
}

/* 66 0F 3A 63 ib: PCMPISTRI */
void sse_pcmpistri(struct cpu *cpu, const struct insn *in)
{
	pcmpstr(cpu, in, 0, 1);
}

/* ---- CRC32 ---- */

/* CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, one byte. */
static uint32_t crc32c_byte(uint32_t crc, uint8_t b)
{
	static uint32_t table[256];
	static int ready;

	if (unlikely(!__atomic_load_n(&ready, __ATOMIC_ACQUIRE))) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? (c >> 1) ^ 0x82f63b78u : c >> 1;
			table[i] = c;
		}
		__atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
	}
	return table[(crc ^ b) & 0xff] ^ (crc >> 8);
}

/* F2 0F 38 F0: CRC32 r32/r64, r/m8; F2 0F 38 F1: CRC32 r32, r/m16/32
 * or r64, r/m64.  No pre/post inversion: the destination is the running
 * CRC; the result is zero-extended. */
void sse_crc32(struct cpu *cpu, const struct insn *in)
{
	uint32_t crc = (uint32_t)cpu->regs[in->reg];
	uint64_t v;
	int n;

	if (in->op == 0xf0) {
		v = rd_rm8(cpu, in);
		n = 1;
	} else if (in->opsize == 2) {
		v = rd_rm16(cpu, in);
		n = 2;
	} else if (in->opsize == 8) {
		v = rd_rm64(cpu, in);
		n = 8;
	} else {
		v = rd_rm32(cpu, in);
		n = 4;
	}
	for (int i = 0; i < n; i++)
		crc = crc32c_byte(crc, (uint8_t)(v >> (8 * i)));
	cpu->regs[in->reg] = crc;
	insn_next(cpu, in);
}
