/*
 * SSE state instructions, 0F AE /0-/3: FXSAVE, FXRSTOR, LDMXCSR,
 * STMXCSR, and the 512-byte FXSAVE image that syscalls/ also uses for
 * signal frames (fxsave_image / fxrstor_image).  Reached through
 * sse_table.c.
 */
#include "x87.h"

/* FXSAVE image offsets (Intel SDM vol. 1, table 10-2, 64-bit format). */
#define FX_FCW	      0
#define FX_FSW	      2
#define FX_FTW	      4
#define FX_FOP	      6
#define FX_FIP	      8
#define FX_FDP	      16
#define FX_MXCSR      24
#define FX_MXCSR_MASK 28
#define FX_ST0	      32
#define FX_XMM0	      160

static void put16(uint8_t *p, uint16_t v)
{
	memcpy(p, &v, 2);
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

void fxsave_image(struct cpu *cpu, uint8_t out[512])
{
	const struct x87_state *x = cpu->x87;

	memset(out, 0, 512);
	if (x) {
		put16(out + FX_FCW, x->fcw);
		put16(out + FX_FSW, x87_fsw(x));
		out[FX_FTW] = (uint8_t)~x->empty; /* abridged: 1 = valid */
		put16(out + FX_FOP, x->fop);
		memcpy(out + FX_FIP, &x->fip, 8);
		memcpy(out + FX_FDP, &x->fdp, 8);
		for (int i = 0; i < 8; i++) {
			const struct fx80 *v = &x->st[(x->top + i) & 7];
			memcpy(out + FX_ST0 + 16 * i, &v->m, 8);
			memcpy(out + FX_ST0 + 16 * i + 8, &v->se, 2);
		}
	} else {
		put16(out + FX_FCW, 0x037f); /* reset state, empty stack */
	}
	put32(out + FX_MXCSR, cpu->mxcsr);
	put32(out + FX_MXCSR_MASK, MXCSR_VALID);
	memcpy(out + FX_XMM0, cpu->xmm, 16 * 16);
}

int fxrstor_image(struct cpu *cpu, const uint8_t in[512])
{
	uint32_t mxcsr = get32(in + FX_MXCSR);

	if (mxcsr & ~MXCSR_VALID)
		return -LINUX_EINVAL;
	struct x87_state *x = x87_get(cpu);
	uint16_t fsw;

	cpu->mxcsr = mxcsr;
	memcpy(cpu->xmm, in + FX_XMM0, 16 * 16);
	memcpy(&x->fcw, in + FX_FCW, 2);
	memcpy(&fsw, in + FX_FSW, 2);
	x->fsw = fsw;
	x->top = (fsw >> FSW_TOP_SHIFT) & 7;
	x->empty = (uint8_t)~in[FX_FTW];
	memcpy(&x->fop, in + FX_FOP, 2);
	memcpy(&x->fip, in + FX_FIP, 8);
	memcpy(&x->fdp, in + FX_FDP, 8);
	for (int i = 0; i < 8; i++) {
		struct fx80 *v = &x->st[(x->top + i) & 7];
		memcpy(&v->m, in + FX_ST0 + 16 * i, 8);
		memcpy(&v->se, in + FX_ST0 + 16 * i + 8, 2);
	}
	return 0;
}

/* 0F AE /0 FXSAVE m512, /1 FXRSTOR m512, /2 LDMXCSR m32, /3 STMXCSR m32 */
void sse_grp_ae(struct cpu *cpu, const struct insn *in)
{
	uint8_t img[512];
	gaddr a;
	uint32_t v;

	if (in->mod == 3)
		insn_ud(cpu, in);
	a = insn_ea(cpu, in);
	switch (in->reg & 7) {
	case 0:
		if (a & 15)
			insn_gp(cpu, in);
		fxsave_image(cpu, img);
		mem_stn(cpu, a, img, sizeof(img));
		break;
	case 1:
		if (a & 15)
			insn_gp(cpu, in);
		mem_ldn(cpu, a, img, sizeof(img));
		if (fxrstor_image(cpu, img) < 0)
			insn_gp(cpu, in);
		break;
	case 2:
		v = mem_ld32(cpu, a);
		if (v & ~MXCSR_VALID)
			insn_gp(cpu, in);
		cpu->mxcsr = v;
		break;
	case 3:
		mem_st32(cpu, a, cpu->mxcsr);
		break;
	default:
		insn_ud(cpu, in);
	}
	insn_next(cpu, in);
}
