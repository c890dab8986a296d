/*
 * SSE/SSE2/SSE3 data movement: MOVAPS/MOVUPS/MOVDQA/MOVDQU, MOVSS/MOVSD,
 * MOVLPS/MOVHPS/MOVLPD/MOVHPD/MOVHLPS/MOVLHPS, MOVD/MOVQ, the mask
 * extractions, non-temporal stores, MASKMOVDQU, LDDQU and the SSE3
 * duplicating moves.  Handlers reached through sse_table.c.
 */
#include "sse_priv.h"

/* Load the whole register from xmm/m128 (aligned or not). */
static void mov_load(struct cpu *cpu, const struct insn *in, int aligned)
{
	union xmm_reg v;

	sse_src(cpu, in, &v, aligned);
	cpu->xmm[in->reg] = v;
	insn_next(cpu, in);
}

/* Store the whole register to xmm/m128 (aligned or not). */
static void mov_store(struct cpu *cpu, const struct insn *in, int aligned)
{
	if (in->mod == 3) {
		cpu->xmm[in->rm] = cpu->xmm[in->reg];
	} else {
		gaddr a = aligned ? sse_ea16(cpu, in) : insn_ea(cpu, in);
		mem_stn(cpu, a, &cpu->xmm[in->reg], 16);
	}
	insn_next(cpu, in);
}

/* 0F 10 / 66 0F 10: MOVUPS/MOVUPD xmm, xmm/m128 */
void sse_movups(struct cpu *cpu, const struct insn *in)
{
	mov_load(cpu, in, 0);
}

/* 0F 11 / 66 0F 11: MOVUPS/MOVUPD xmm/m128, xmm */
void sse_movups_st(struct cpu *cpu, const struct insn *in)
{
	mov_store(cpu, in, 0);
}

/* 0F 28 / 66 0F 28: MOVAPS/MOVAPD xmm, xmm/m128 */
void sse_movaps(struct cpu *cpu, const struct insn *in)
{
	mov_load(cpu, in, 1);
}

/* 0F 29 / 66 0F 29: MOVAPS/MOVAPD xmm/m128, xmm */
void sse_movaps_st(struct cpu *cpu, const struct insn *in)
{
	mov_store(cpu, in, 1);
}

/* F3 0F 6F: MOVDQU xmm, xmm/m128 */
void sse_movdqu(struct cpu *cpu, const struct insn *in)
{
	mov_load(cpu, in, 0);
}

/* F3 0F 7F: MOVDQU xmm/m128, xmm */
void sse_movdqu_st(struct cpu *cpu, const struct insn *in)
{
	mov_store(cpu, in, 0);
}

/* 66 0F 6F: MOVDQA xmm, xmm/m128 */
void sse_movdqa(struct cpu *cpu, const struct insn *in)
{
	mov_load(cpu, in, 1);
}

/* 66 0F 7F: MOVDQA xmm/m128, xmm */
void sse_movdqa_st(struct cpu *cpu, const struct insn *in)
{
	mov_store(cpu, in, 1);
}

/* F2 0F F0: LDDQU xmm, m128 */
void sse_lddqu(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	mov_load(cpu, in, 0);
}

/* 0F 2B / 66 0F 2B / 66 0F E7: MOVNTPS/MOVNTPD/MOVNTDQ m128, xmm */
void sse_movntps(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	mov_store(cpu, in, 1);
}

void sse_movntdq(struct cpu *cpu, const struct insn *in)
{
	sse_movntps(cpu, in);
}

/* F3 0F 10: MOVSS xmm, xmm/m32 (the memory form zeroes bits 32-127) */
void sse_movss(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3) {
		cpu->xmm[in->reg].u32[0] = cpu->xmm[in->rm].u32[0];
	} else {
		union xmm_reg v = {{0}};
		v.u32[0] = mem_ld32(cpu, insn_ea(cpu, in));
		cpu->xmm[in->reg] = v;
	}
	insn_next(cpu, in);
}

/* F2 0F 10: MOVSD xmm, xmm/m64 */
void sse_movsd(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3) {
		cpu->xmm[in->reg].u64[0] = cpu->xmm[in->rm].u64[0];
	} else {
		union xmm_reg v = {{0}};
		v.u64[0] = mem_ld64(cpu, insn_ea(cpu, in));
		cpu->xmm[in->reg] = v;
	}
	insn_next(cpu, in);
}

/* F3 0F 11: MOVSS xmm/m32, xmm */
void sse_movss_st(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		cpu->xmm[in->rm].u32[0] = cpu->xmm[in->reg].u32[0];
	else
		mem_st32(cpu, insn_ea(cpu, in), cpu->xmm[in->reg].u32[0]);
	insn_next(cpu, in);
}

/* F2 0F 11: MOVSD xmm/m64, xmm */
void sse_movsd_st(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		cpu->xmm[in->rm].u64[0] = cpu->xmm[in->reg].u64[0];
	else
		mem_st64(cpu, insn_ea(cpu, in), cpu->xmm[in->reg].u64[0]);
	insn_next(cpu, in);
}

/* 0F 12: MOVLPS xmm, m64 / MOVHLPS xmm, xmm */
void sse_movlps(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		cpu->xmm[in->reg].u64[0] = cpu->xmm[in->rm].u64[1];
	else
		cpu->xmm[in->reg].u64[0] = mem_ld64(cpu, insn_ea(cpu, in));
	insn_next(cpu, in);
}

/* 66 0F 12: MOVLPD xmm, m64 */
void sse_movlpd(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	sse_movlps(cpu, in);
}

/* 0F 13 / 66 0F 13: MOVLPS/MOVLPD m64, xmm */
void sse_movlps_st(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	mem_st64(cpu, insn_ea(cpu, in), cpu->xmm[in->reg].u64[0]);
	insn_next(cpu, in);
}

/* 0F 16: MOVHPS xmm, m64 / MOVLHPS xmm, xmm */
void sse_movhps(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		cpu->xmm[in->reg].u64[1] = cpu->xmm[in->rm].u64[0];
	else
		cpu->xmm[in->reg].u64[1] = mem_ld64(cpu, insn_ea(cpu, in));
	insn_next(cpu, in);
}

/* 66 0F 16: MOVHPD xmm, m64 */
void sse_movhpd(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	sse_movhps(cpu, in);
}

/* 0F 17 / 66 0F 17: MOVHPS/MOVHPD m64, xmm */
void sse_movhps_st(struct cpu *cpu, const struct insn *in)
{
	if (in->mod == 3)
		insn_ud(cpu, in);
	mem_st64(cpu, insn_ea(cpu, in), cpu->xmm[in->reg].u64[1]);
	insn_next(cpu, in);
}

/* 0F 50: MOVMSKPS r32, xmm */
void sse_movmskps(struct cpu *cpu, const struct insn *in)
{
	const union xmm_reg *s = &cpu->xmm[in->rm];
	unsigned m = 0;

	if (in->mod != 3)
		insn_ud(cpu, in);
	for (int i = 0; i < 4; i++)
		m |= (s->u32[i] >> 31) << i;
	cpu->regs[in->reg] = m;
	insn_next(cpu, in);
}

/* 66 0F 50: MOVMSKPD r32, xmm */
void sse_movmskpd(struct cpu *cpu, const struct insn *in)
{
	const union xmm_reg *s = &cpu->xmm[in->rm];

	if (in->mod != 3)
		insn_ud(cpu, in);
	cpu->regs[in->reg] = (s->u64[0] >> 63) | ((s->u64[1] >> 63) << 1);
	insn_next(cpu, in);
}

/* 66 0F D7: PMOVMSKB r32, xmm */
void sse_pmovmskb(struct cpu *cpu, const struct insn *in)
{
	const union xmm_reg *s = &cpu->xmm[in->rm];
	unsigned m = 0;

	if (in->mod != 3)
		insn_ud(cpu, in);
	for (int i = 0; i < 16; i++)
		m |= (unsigned)(s->u8[i] >> 7) << i;
	cpu->regs[in->reg] = m;
	insn_next(cpu, in);
}

/* 66 0F 6E: MOVD xmm, r/m32 / MOVQ xmm, r/m64 (REX.W) */
void sse_movd_to_xmm(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg v = {{0}};

	v.u64[0] = sse_gpr_src(cpu, in);
	cpu->xmm[in->reg] = v;
	insn_next(cpu, in);
}

/* 66 0F 7E: MOVD r/m32, xmm / MOVQ r/m64, xmm (REX.W) */
void sse_movd_from_xmm(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = cpu->xmm[in->reg].u64[0];

	if (in->mod == 3)
		sse_gpr_set(cpu, in->rm, v, REX_W(in));
	else if (REX_W(in))
		mem_st64(cpu, insn_ea(cpu, in), v);
	else
		mem_st32(cpu, insn_ea(cpu, in), (uint32_t)v);
	insn_next(cpu, in);
}

/* F3 0F 7E: MOVQ xmm, xmm/m64 (zeroes bits 64-127) */
void sse_movq_xmm_xmm(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg v = {{0}};

	v.u64[0] = sse_src64(cpu, in);
	cpu->xmm[in->reg] = v;
	insn_next(cpu, in);
}

/* 66 0F D6: MOVQ xmm/m64, xmm (register form zeroes bits 64-127) */
void sse_movq_st(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = cpu->xmm[in->reg].u64[0];

	if (in->mod == 3) {
		cpu->xmm[in->rm].u64[0] = v;
		cpu->xmm[in->rm].u64[1] = 0;
	} else {
		mem_st64(cpu, insn_ea(cpu, in), v);
	}
	insn_next(cpu, in);
}

/* 0F C3: MOVNTI m32/m64, r32/r64 */
void sse_movnti(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = cpu->regs[in->reg];

	if (in->mod == 3)
		insn_ud(cpu, in);
	if (REX_W(in))
		mem_st64(cpu, insn_ea(cpu, in), v);
	else
		mem_st32(cpu, insn_ea(cpu, in), (uint32_t)v);
	insn_next(cpu, in);
}

/* 66 0F F7: MASKMOVDQU xmm1, xmm2: bytes of xmm1 selected by the sign
 * bits of xmm2 go to DS:[RDI] (address size from the 67 prefix). */
void sse_maskmovdqu(struct cpu *cpu, const struct insn *in)
{
	const union xmm_reg *d = &cpu->xmm[in->reg], *m = &cpu->xmm[in->rm];
	gaddr a = cpu->regs[R_RDI];

	if (in->mod != 3)
		insn_ud(cpu, in);
	if (in->addrsize == 4)
		a = (uint32_t)a;
	if (in->seg == 4)
		a += cpu->fs_base;
	else if (in->seg == 5)
		a += cpu->gs_base;
	for (int i = 0; i < 16; i++)
		if (m->u8[i] & 0x80)
			mem_st8(cpu, a + i, d->u8[i]);
	insn_next(cpu, in);
}

/* F3 0F 12: MOVSLDUP xmm, xmm/m128 */
void sse_movsldup(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;

	sse_src(cpu, in, &s, 1);
	r.u32[0] = r.u32[1] = s.u32[0];
	r.u32[2] = r.u32[3] = s.u32[2];
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* F3 0F 16: MOVSHDUP xmm, xmm/m128 */
void sse_movshdup(struct cpu *cpu, const struct insn *in)
{
	union xmm_reg s, r;

	sse_src(cpu, in, &s, 1);
	r.u32[0] = r.u32[1] = s.u32[1];
	r.u32[2] = r.u32[3] = s.u32[3];
	cpu->xmm[in->reg] = r;
	insn_next(cpu, in);
}

/* F2 0F 12: MOVDDUP xmm, xmm/m64 */
void sse_movddup(struct cpu *cpu, const struct insn *in)
{
	uint64_t v = sse_src64(cpu, in);

	cpu->xmm[in->reg].u64[0] = v;
	cpu->xmm[in->reg].u64[1] = v;
	insn_next(cpu, in);
}
