/*
 * MMX data movement and the SSE instructions that take or give mm
 * registers: MOVD/MOVQ, EMMS, MOVNTQ, MASKMOVQ, PSHUFW, PINSRW/PEXTRW,
 * PMOVMSKB, MOVQ2DQ/MOVDQ2Q and the conversions CVTPI2PS/CVT(T)PS2PI/
 * CVTPI2PD/CVT(T)PD2PI.  Handlers reached through sse_table.c; register
 * aliasing rules in mmx.h.
 */
#include "mmx.h"

/* 0F 77: EMMS: all x87 registers tagged empty. */
void mmx_emms(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);

	x->top = 0; /* measured: EMMS also resets TOP */
	x->empty = 0xff;
	insn_next(cpu, in);
}

/* 0F 6E: MOVD mm, r/m32 (REX.W: MOVQ mm, r/m64) */
void mmx_movd_to_mm(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = sse_gpr_src(cpu, in);
	struct x87_state *x = x87_get(cpu);

	mmx_enter(x);
	mm_wr(x, in->reg, v);
	insn_next(cpu, in);
}

/* 0F 7E: MOVD r/m32, mm (REX.W: MOVQ r/m64, mm) */
void mmx_movd_from_mm(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	uint64_t v = mm_rd(x, in->reg);

	if (in->mod == 3) {
		sse_gpr_set(cpu, in->rm, v, REX_W(in));
	} else {
		gaddr a = insn_ea(cpu, in);
		if (REX_W(in))
			mem_st64(cpu, a, v);
		else
			mem_st32(cpu, a, (uint32_t)v);
	}
	mmx_enter(x);
	insn_next(cpu, in);
}

/* 0F 6F: MOVQ mm, mm/m64 */
void mmx_movq_load(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	uint64_t v = mmx_src(cpu, in, x);

	mmx_enter(x);
	mm_wr(x, in->reg, v);
	insn_next(cpu, in);
}

/* 0F 7F: MOVQ mm/m64, mm; 0F E7: MOVNTQ m64, mm (memory only) */
void mmx_movq_store(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	uint64_t v = mm_rd(x, in->reg);

	if (in->mod != 3)
		mem_st64(cpu, insn_ea(cpu, in), v);
	mmx_enter(x);
	if (in->mod == 3)
		mm_wr(x, in->rm, v);
	insn_next(cpu, in);
}

void mmx_movntq(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	mmx_movq_store(cpu, in);
}

/* 0F F7: MASKMOVQ mm1, mm2: bytes of mm1 whose mm2 byte has bit 7 set
 * are stored at [rDI] (segment overrides apply). */
void mmx_maskmovq(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val d = {.q = mm_rd(x, in->reg)}, m = {.q = mm_rd(x, in->rm)};
	gaddr a = cpu->regs[R_RDI];

	if (in->mod != 3)
		insn_ud(cpu, in);
	if (in->addrsize == 4)
		a = (uint32_t)a;
	a += insn_seg_base(cpu, in);
	for (int i = 0; i < 8; i++)
		if (m.u8[i] & 0x80)
			mem_st8(cpu, a + i, d.u8[i]);
	mmx_enter(x);
	insn_next(cpu, in);
}

/* 0F 70: PSHUFW mm, mm/m64, imm8 */
void mmx_pshufw(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val s = {.q = mmx_src(cpu, in, x)}, r;
	unsigned imm = (uint8_t)in->imm;

	for (int i = 0; i < 4; i++)
		r.u16[i] = s.u16[(imm >> (2 * i)) & 3];
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}

/* 0F C4: PINSRW mm, r32/m16, imm8 */
void mmx_pinsrw(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	uint16_t v = in->mod == 3 ? (uint16_t)cpu->regs[in->rm]
				  : mem_ld16(cpu, insn_ea(cpu, in));
	union mmx_val d = {.q = mm_rd(x, in->reg)};

	d.u16[in->imm & 3] = v;
	mmx_enter(x);
	mm_wr(x, in->reg, d.q);
	insn_next(cpu, in);
}

/* 0F C5: PEXTRW r32, mm, imm8 */
void mmx_pextrw(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val s = {.q = mm_rd(x, in->rm)};

	if (in->mod != 3)
		insn_ud(cpu, in);
	cpu->regs[in->reg] = s.u16[in->imm & 3];
	mmx_enter(x);
	insn_next(cpu, in);
}

/* 0F D7: PMOVMSKB r32, mm */
void mmx_pmovmskb(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);
	union mmx_val s = {.q = mm_rd(x, in->rm)};
	unsigned m = 0;

	if (in->mod != 3)
		insn_ud(cpu, in);
	for (int i = 0; i < 8; i++)
		m |= (unsigned)(s.u8[i] >> 7) << i;
	cpu->regs[in->reg] = m;
	mmx_enter(x);
	insn_next(cpu, in);
}

/* F3 0F D6: MOVQ2DQ xmm, mm */
void mmx_movq2dq(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);

	if (in->mod != 3)
		insn_ud(cpu, in);
	cpu->xmm[in->reg].u64[0] = mm_rd(x, in->rm);
	cpu->xmm[in->reg].u64[1] = 0;
	mmx_enter(x);
	insn_next(cpu, in);
}

/* F2 0F D6: MOVDQ2Q mm, xmm */
void mmx_movdq2q(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = x87_get(cpu);

	if (in->mod != 3)
		insn_ud(cpu, in);
	mmx_enter(x);
	mm_wr(x, in->reg, cpu->xmm[in->rm].u64[0]);
	insn_next(cpu, in);
}

/* ---- conversions ---- */

/* 0F 2A: CVTPI2PS xmm, mm/m64.  Only the register form is an MMX
 * instruction (x87 transition); the memory form is not. */
void mmx_cvtpi2ps(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = in->mod == 3 ? x87_get(cpu) : NULL;
	union mmx_val s;
	struct fpenv e;
	uint32_t r0, r1;

	s.q = in->mod == 3 ? mm_rd(x, in->rm) : mem_ld64(cpu, insn_ea(cpu, in));
	fp_begin(cpu, &e);
	r0 = fp_i64_to_fp32(&e, s.i32[0]);
	r1 = fp_i64_to_fp32(&e, s.i32[1]);
	fp_commit(cpu, &e);
	if (x)
		mmx_enter(x);
	cpu->xmm[in->reg].u32[0] = r0;
	cpu->xmm[in->reg].u32[1] = r1;
	insn_next(cpu, in);
}

/* 66 0F 2A: CVTPI2PD xmm, mm/m64 (exact: no exceptions) */
void mmx_cvtpi2pd(struct cpu *cpu, const struct insn *in)
{
	struct x87_state *x = in->mod == 3 ? x87_get(cpu) : NULL;
	union mmx_val s;
	struct fpenv e;
	uint64_t r0, r1;

	s.q = in->mod == 3 ? mm_rd(x, in->rm) : mem_ld64(cpu, insn_ea(cpu, in));
	fp_begin(cpu, &e);
	r0 = fp_i64_to_fp64(&e, s.i32[0]);
	r1 = fp_i64_to_fp64(&e, s.i32[1]);
	if (x)
		mmx_enter(x);
	cpu->xmm[in->reg].u64[0] = r0;
	cpu->xmm[in->reg].u64[1] = r1;
	insn_next(cpu, in);
}

/* 0F 2D / 0F 2C: CVTPS2PI / CVTTPS2PI mm, xmm/m64 */
static void ps2pi(struct cpu *cpu, const struct insn *in, int trunc)
{
	uint64_t v = sse_src64(cpu, in);
	struct x87_state *x = x87_get(cpu);
	union mmx_val r;
	struct fpenv e;

	fp_begin(cpu, &e);
	r.i32[0] = (int32_t)fp32_to_int(&e, (uint32_t)v, 0, trunc);
	r.i32[1] = (int32_t)fp32_to_int(&e, (uint32_t)(v >> 32), 0, trunc);
	fp_commit(cpu, &e);
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}

void mmx_cvtps2pi(struct cpu *cpu, const struct insn *in)
{
	ps2pi(cpu, in, 0);
}

void mmx_cvttps2pi(struct cpu *cpu, const struct insn *in)
{
	ps2pi(cpu, in, 1);
}

/* 66 0F 2D / 66 0F 2C: CVTPD2PI / CVTTPD2PI mm, xmm/m128 (aligned) */
static void pd2pi(struct cpu *cpu, const struct insn *in, int trunc)
{
	union xmm_reg s;
	struct x87_state *x;
	union mmx_val r;
	struct fpenv e;

	sse_src(cpu, in, &s, 1);
	x = x87_get(cpu);
	fp_begin(cpu, &e);
	r.i32[0] = (int32_t)fp64_to_int(&e, s.u64[0], 0, trunc);
	r.i32[1] = (int32_t)fp64_to_int(&e, s.u64[1], 0, trunc);
	fp_commit(cpu, &e);
	mmx_enter(x);
	mm_wr(x, in->reg, r.q);
	insn_next(cpu, in);
}

void mmx_cvtpd2pi(struct cpu *cpu, const struct insn *in)
{
	pd2pi(cpu, in, 0);
}

void mmx_cvttpd2pi(struct cpu *cpu, const struct insn *in)
{
	pd2pi(cpu, in, 1);
}
