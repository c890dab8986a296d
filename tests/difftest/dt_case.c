/*
 * Case generation for the differential tester: from a form, an operand
 * width, a seed and a case index, picks registers (incl. AH..BH and
 * R8-R15), an addressing shape for memory operands (base, SIB, no base,
 * RIP-relative, 32-bit address size, operands near the unmapped page),
 * prefixes (LOCK, REX or none), operand values (edges first, then
 * random) and the initial flags, MXCSR and x87 stack; then encodes the
 * instruction and records what the SDM leaves undefined for this case.
 * Called by difftest.c.
 */
#include <stddef.h>
#include <string.h>

#include "difftest.h"

int dt_lock_ud = 1;

struct gen {
	const struct dt_form *f;
	struct dt_case *c;
	struct dt_enc e;
	uint64_t s; /* PRNG state */
	uint64_t idx;
	int w;	 /* GPR operand width */
	int vec; /* SSE form */
	int x87;
	uint64_t target; /* memory operand address */
	uint64_t ival;	 /* index register value */
};

static uint64_t rnd(struct gen *g)
{
	return dt_rand(&g->s);
}

static int is_gpr(int k)
{
	return k == K_GPR || k == K_GPRM;
}

/* Writes the low width bytes of a register operand (AH..BH without REX). */
static void put_gpr(struct gen *g, int r, int width, uint64_t v)
{
	uint64_t *regs = g->c->in.r;

	if (width == 1 && g->e.norex && r >= 4 && r < 8) {
		regs[r - 4] = (regs[r - 4] & ~0xff00ull) | (v & 0xff) << 8;
		return;
	}
	if (width == 8) {
		regs[r] = v;
		return;
	}
	/* v carries random upper garbage already */
	regs[r] = v;
}

static uint64_t get_gpr(struct gen *g, int r, int width)
{
	const uint64_t *regs = g->c->in.r;

	if (width == 1 && g->e.norex && r >= 4 && r < 8)
		return (regs[r - 4] >> 8) & 0xff;
	return width == 8 ? regs[r] : regs[r] & ((1ull << 8 * width) - 1);
}

static void put_mem(struct gen *g, uint64_t a, const void *v, int n)
{
	for (int i = 0; i < n; i++)
		if (a + i - DT_DATA < DT_DATA_LEN)
			g->c->mem[a + i - DT_DATA] = ((const uint8_t *)v)[i];
}

static uint64_t get_mem(struct gen *g, uint64_t a, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		if (a + i - DT_DATA < DT_DATA_LEN)
			v |= (uint64_t)g->c->mem[a + i - DT_DATA] << 8 * i;
	return v;
}

/* A register for an operand, not in avoid, honouring norex. */
static int pick_reg(struct gen *g, unsigned avoid, int allow_rsp)
{
	int lim = g->e.norex ? 8 : 16;

	for (int tries = 0; tries < 64; tries++) {
		int r = (int)(rnd(g) % lim);
		/* RSP works (the native side loads it) but is picked less */
		if ((r == RSP && !allow_rsp && (rnd(g) & 3)) || (avoid & RM(r)))
			continue;
		return r;
	}
	for (int r = 0; r < lim; r++)
		if (r != RSP && !(avoid & RM(r)))
			return r;
	return RAX;
}

static int mem_size(struct gen *g)
{
	if (g->x87)
		return 10;
	if (g->vec)
		return 16;
	return g->f->rmw ? g->f->rmw : g->w;
}

/* Chooses the addressing shape and the address of the memory operand. */
static void pick_address(struct gen *g, unsigned avoid)
{
	struct dt_enc *e = &g->e;
	const struct dt_form *f = g->f;
	uint64_t r = rnd(g);
	int lea = f->vals == V_LEA;
	uint64_t t;

	e->mem = 1;
	e->addr32 = (r % 8) == 0;
	e->scale = (int)((r >> 8) & 3);
	e->index = -1;
	e->dispsize = (int)((r >> 12) % 3);
	e->dispsize = e->dispsize == 2 ? 4 : e->dispsize;
	e->disp = e->dispsize == 1   ? (int8_t)(r >> 16)
		  : e->dispsize == 4 ? (int32_t)(r >> 24)
				     : 0;
	/* where the operand is */
	t = DT_DATA + DT_MEMOP;
	if (f->align) {
		if ((r >> 56) % 32 == 0)
			t += 1 + (r >> 50) % 15; /* #GP */
	} else if (f->vals != V_BIT) {
		t += (int)((r >> 40) % 64) - 32;
	}
	if ((r >> 60) == 0) /* runs into the unmapped page */
		t = DT_DATA + DT_DATA_LEN - 1 - (rnd(g) % mem_size(g));
	g->target = t;
	if ((r >> 32) % 16 == 0 && !e->addr32) {
		e->base = 16; /* RIP: disp fixed after encoding */
		return;
	}
	e->base = (r >> 36) % 16 == 0 ? -1 : pick_reg(g, avoid, lea);
	if (e->base >= 0)
		avoid |= RM(e->base);
	if ((r >> 44) % 3 == 0 || e->base < 0 || (lea && (r >> 46) % 2)) {
		e->index = pick_reg(g, avoid | RM(RSP), 0); /* 4: no index */
		g->ival =
			lea ? rnd(g) : (uint64_t)((int64_t)(rnd(g) % 129) - 64);
		g->c->in.r[e->index] = g->ival;
	}
	if (lea)
		return; /* all register values stay random */
	if (e->base < 0) {
		uint64_t off = e->index >= 0 ? g->ival << e->scale : 0;
		e->disp = (int32_t)(t - off);
		if (e->addr32)
			e->disp = (int32_t)(uint32_t)(t - off);
		return;
	}
	{
		uint64_t off = (uint64_t)(int64_t)e->disp +
			       (e->index >= 0 ? g->ival << e->scale : 0);
		uint64_t b = t - off;
		if (e->addr32)
			b = (uint32_t)b | (rnd(g) & ~0xffffffffull);
		g->c->in.r[e->base] = b;
	}
}

static void fill_x87(struct gen *g)
{
	uint8_t *fx = g->c->in.fx;
	uint64_t r = rnd(g);
	int top = (int)(r & 7), nvalid = (int)((r >> 3) % 10);
	uint16_t fcw, fsw;
	uint8_t ftw = 0;

	if (nvalid > 8)
		nvalid = 2 + (int)((r >> 8) % 5);
	for (int i = 0; i < nvalid; i++)
		ftw |= (uint8_t)(1u << ((top + i) & 7));
	for (int i = 0; i < 8; i++)
		dt_fx80_value(&g->s, fx + FX_ST0 + 16 * i);
	fcw = 0x037f & ~0x0f00;
	fcw |= (uint16_t)((r >> 12) & 3) << 10; /* RC */
	fcw |= (uint16_t)(((r >> 14) % 3 == 0) ? 0
			  : (r >> 14) % 3 == 1 ? 2
					       : 3)
	       << 8; /* PC */
	if ((r >> 20) % 4 == 0)
		fcw = 0x037f;
	fsw = (uint16_t)(top << 11) | (uint16_t)((r >> 24) & 0x4700);
	memcpy(fx + FX_FCW, &fcw, 2);
	memcpy(fx + FX_FSW, &fsw, 2);
	fx[FX_FTW] = ftw;
}

static uint64_t imm_value(struct gen *g, int pairs)
{
	const struct dt_form *f = g->f;
	int iw = f->imm == 1 ? 1 : f->imm == 2 ? 2 : g->w > 4 ? 4 : g->w;

	if (f->vals == V_SHIFT)
		return dt_shift_count(&g->s, g->w);
	if (g->vec && (rnd(g) & 1))
		return rnd(g) % 70;
	if (f->imm == 8)
		iw = g->w;
	if (pairs >= 0)
		return dt_int_value(&g->s, iw, pairs) &
		       ((iw == 8) ? ~0ull : ((1ull << 8 * iw) - 1));
	return dt_int_value(&g->s, iw, (rnd(g) & 1) ? -1 : (int)(rnd(g) % 18)) &
	       ((iw == 8) ? ~0ull : ((1ull << 8 * iw) - 1));
}

/* Operand values for the integer generators. */
static void int_values(struct gen *g)
{
	const struct dt_form *f = g->f;
	struct dt_enc *e = &g->e;
	int ne = dt_int_edges(g->w), rw = f->rmw ? f->rmw : g->w;
	int i0 = -1, i1 = -1;
	uint64_t v0, v1;

	if (g->idx < (uint64_t)(ne * ne)) {
		i0 = (int)(g->idx % ne);
		i1 = (int)(g->idx / ne);
	} else if (rnd(g) % 3 == 0) {
		i0 = (int)(rnd(g) % ne);
		i1 = (int)(rnd(g) % ne);
	}
	v0 = dt_int_value(&g->s, g->w, i0);
	v1 = dt_int_value(&g->s, rw, i1);
	if (f->regk == K_GPR && f->ext == EXT_REG)
		put_gpr(g, e->reg, g->w, v0);
	else if (f->ext == EXT_OPREG)
		put_gpr(g, e->rm, g->w, v0);
	if (f->imm && f->vals != V_SHIFT)
		e->imm = imm_value(g, i1);
	if (is_gpr(f->rmk) || f->rmk == K_MEM) {
		uint64_t v = f->ext == EXT_REG ? v1 : v0;
		if (e->mem)
			put_mem(g, g->target, &v, 8);
		else
			put_gpr(g, e->rm, rw, v);
	}
	if (f->ext == EXT_NONE) /* implicit accumulator forms */
		put_gpr(g, RAX, 8, v0);
	if (f->vals == V_SHIFT) {
		uint64_t cnt = dt_shift_count(&g->s, g->w);
		if (f->imm)
			e->imm = cnt;
		else if (f->implicit & RM(RCX))
			g->c->in.r[RCX] = (g->c->in.r[RCX] & ~0xffull) | cnt;
	}
}

static uint64_t rm_value(struct gen *g, int width)
{
	if (g->e.mem)
		return get_mem(g, g->target, width);
	return get_gpr(g, g->e.rm, width);
}

static void special_values(struct gen *g)
{
	const struct dt_form *f = g->f;
	uint64_t *r = g->c->in.r, v;
	int w = g->w;
	uint64_t m = w == 8 ? ~0ull : (1ull << 8 * w) - 1;

	switch (f->vals) {
	case V_DIV:
		v = rm_value(g, w);
		if (rnd(g) % 3) {
			/* high half below the divisor: no #DE for DIV */
			uint64_t hi = v ? rnd(g) % v : 0;
			if (f->ext == 7) /* IDIV: sign-extend the low half */
				hi = (r[RAX] >> (8 * w - 1) & 1) ? m : 0;
			if (w == 1)
				r[RAX] = (r[RAX] & ~0xff00ull) | (hi & 0xff)
									 << 8;
			else
				r[RDX] = (r[RDX] & ~m) | (hi & m);
		}
		break;
	case V_BIT:
		if (g->e.mem && f->ext == EXT_REG) {
			int64_t b = (int64_t)(rnd(g) % 0x6000) - 0x3000;
			if (rnd(g) % 4 == 0)
				b = (int64_t)(rnd(g) % 64);
			put_gpr(g, g->e.reg, 8, (uint64_t)b);
		}
		if (f->imm)
			g->e.imm = rnd(g) & 0xff;
		break;
	case V_CMPXCHG:
		if (rnd(g) & 1) {
			if (f->rmw == 16) { /* CMPXCHG16B/8B: RDX:RAX = mem */
				int h = w == 8 ? 8 : 4;
				uint64_t lo = get_mem(g, g->target, h),
					 hi = get_mem(g, g->target + h, h);
				r[RAX] = lo;
				r[RDX] = hi;
			} else {
				v = rm_value(g, w);
				r[RAX] = (r[RAX] & ~m) | v;
			}
		}
		break;
	default:
		break;
	}
}

static void str_values(struct gen *g)
{
	uint64_t *r = g->c->in.r, x = rnd(g);
	uint8_t *mem = g->c->mem;
	int w = g->w;

	r[RSI] = DT_DATA + 0x400 + (x & 15);
	r[RDI] = DT_DATA + 0xc00 + ((x >> 4) & 15);
	r[RCX] = (x >> 8) % 10;
	if ((x >> 16) % 16 == 0)
		r[RCX] |= rnd(g) << 32; /* count is the full register */
	if ((x >> 20) % 4 == 0)
		g->c->in.rflags |= F_DF;
	/* CMPS/SCAS: mostly equal data, so REPE runs a while */
	memcpy(mem + 0xc00 - 0x80, mem + 0x400 - 0x80, 0x120);
	if ((x >> 24) & 1)
		mem[0xc00 - 0x80 + (x >> 32) % 0x120] ^= 1;
	if ((x >> 25) & 1) {
		uint64_t v = get_mem(g, r[RDI] + w * ((x >> 40) % 8), w);
		r[RAX] = (r[RAX] & ~((w == 8 ? 0 : 1ull << 8 * w) - 1)) | v;
		if (w == 8)
			r[RAX] = v;
	}
}

static int is_mm(int k)
{
	return k == K_MM || k == K_MMM;
}

static void vec_values(struct gen *g)
{
	const struct dt_form *f = g->f;
	uint8_t *xmm = g->c->in.fx + FX_XMM0;
	int first = g->idx < 32 ? (int)g->idx : -1;

	if (is_mm(f->regk) || is_mm(f->rmk)) {
		/* MMX registers alias the x87 mantissas: any x87 state, then
		 * lane values in every mantissa */
		fill_x87(g);
		for (int i = 0; i < 8; i++)
			dt_lane_fill(&g->s,
				     f->lanes == L_F32 ? L_I32 : f->lanes,
				     g->c->in.fx + FX_ST0 + 16 * i, 8,
				     i == g->e.rm ? first : -1);
	}

	for (int i = 0; i < 16; i++)
		dt_lane_fill(&g->s, f->lanes, xmm + 16 * i, 16,
			     i == g->e.rm ? first : -1);
	if (g->e.mem) {
		uint8_t b[16];
		dt_lane_fill(&g->s, f->lanes, b, 16, first);
		put_mem(g, g->target, b, 16);
	}
	if (f->regk == K_GPR)
		put_gpr(g, g->e.reg, 8, rnd(g));
	if (is_gpr(f->rmk) && !g->e.mem) {
		int gw = g->e.rexw ? 8 : 4;
		put_gpr(g, g->e.rm, gw,
			dt_int_value(&g->s, gw,
				     (rnd(g) & 1) ? -1 : (int)(rnd(g) % 18)));
	} else if (is_gpr(f->rmk)) {
		uint64_t v = dt_int_value(&g->s, 8, -1);
		put_mem(g, g->target, &v, 8);
	}
	if (f->imm)
		g->e.imm = imm_value(g, -1);
	if (f->implicit & RM(RDX)) { /* PCMPESTRx lengths, around +-16 */
		uint64_t *r = g->c->in.r;
		r[RAX] = (uint64_t)((int64_t)(rnd(g) % 41) - 20);
		r[RDX] = (uint64_t)((int64_t)(rnd(g) % 41) - 20);
		if (rnd(g) & 1)
			r[RAX] ^= rnd(g) << 32; /* only REX.W reads all 64 */
	}
	if (g->f->implicit & RM(RDX) && (rnd(g) % 4) == 0) {
		/* PCMPxSTRx: short strings with embedded zero bytes */
		uint8_t *x = g->c->in.fx + FX_XMM0 + 16 * g->e.reg;
		x[rnd(g) % 16] = 0;
	}
}

static void x87_values(struct gen *g)
{
	const struct dt_form *f = g->f;

	fill_x87(g);
	if (g->e.mem) {
		uint8_t b[16];
		dt_lane_fill(&g->s, f->lanes, b, 16, -1);
		if (f->lanes == L_I16 || f->lanes == L_I32 || f->lanes == L_I64)
			if (rnd(g) & 1) {
				int64_t v = (int64_t)(rnd(g) % 2001) - 1000;
				memcpy(b, &v, 8);
			}
		put_mem(g, g->target, b, 16);
	}
	if (!g->e.mem && f->rmk == K_STI)
		g->e.rm = (int)(rnd(g) & 7);
}

static void set_undef(struct gen *g)
{
	const struct dt_form *f = g->f;
	struct dt_case *c = g->c;
	int w = g->w, bits = 8 * w;
	uint64_t cnt = 1;

	c->undef_flags = f->undef;
	c->undef_reg = -1;
	if (g->x87 &&
	    (f->op == 0xd8 || f->op == 0xdc || f->op == 0xda || f->op == 0xde))
		c->nan_relax = 1;
	if (f->vals == V_SHIFT)
		cnt = f->imm			? g->e.imm & 0xff
		      : (f->implicit & RM(RCX)) ? c->in.r[RCX] & 0xff
						: 1;
	cnt &= w == 8 ? 63 : 31;
	switch (f->rule) {
	case R_SHIFT:
		if (cnt)
			c->undef_flags |= F_AF;
		if (cnt > 1)
			c->undef_flags |= F_OF;
		if (f->ext != 7 && w <= 2 && cnt >= (uint64_t)bits)
			c->undef_flags |= F_CF;
		break;
	case R_ROT:
		if (cnt > 1)
			c->undef_flags |= F_OF;
		break;
	case R_SHXD:
		if (cnt)
			c->undef_flags |= F_AF;
		if (cnt > 1)
			c->undef_flags |= F_OF;
		if (cnt > (uint64_t)bits) {
			c->undef_flags |= F_ALL;
			c->undef_reg = (int16_t)g->e.rm;
			c->undef_width = (uint8_t)w;
			if (g->e.mem)
				c->undef_reg = 100; /* the memory operand */
		}
		break;
	case R_BSF:
		if (rm_value(g, w) == 0) {
			c->undef_reg = (int16_t)g->e.reg;
			c->undef_width = (uint8_t)w;
		}
		break;
	case R_X87A:
		c->undef_fsw = 0x4500;
		break;
	case R_PREM: {
		/* exponent difference >= 64: a partial remainder whose size is
		 * implementation-dependent (SDM: N between 32 and 63) */
		const uint8_t *st = c->in.fx + FX_ST0;
		uint16_t e0, e1;
		memcpy(&e0, st + 8, 2);
		memcpy(&e1, st + 16 + 8, 2);
		if ((e0 & 0x7fff) - (e1 & 0x7fff) >= 64) {
			c->undef_st = 1;
			c->undef_fsw = 0x4300; /* C0 C1 C3 (Q bits) */
		}
		break;
	}
	case R_X87U:
		c->undef_fsw = 0x4700;
		break;
	case R_X87I:
		c->undef_fsw = 0x0200;
		break;
	default:
		break;
	}
}

void dt_make_case(const struct dt_form *f, int width, uint64_t seed,
		  uint64_t idx, struct dt_case *c)
{
	struct gen g;
	unsigned avoid;
	uint64_t r;
	int disp_at;

	memset(&g, 0, sizeof(g));
	memset(c, 0, offsetof(struct dt_case, mem));
	g.f = f;
	g.c = c;
	g.idx = idx;
	g.s = seed * 0x2545f4914f6cdd1dull ^ idx * 0x9e3779b97f4a7c15ull;
	for (const char *p = f->name; *p; p++)
		g.s = g.s * 131 + (uint8_t)*p;
	g.s ^= (uint64_t)width << 56;
	g.vec = f->vals == V_VEC;
	g.x87 = f->vals == V_X87;
	g.w = width;
	r = rnd(&g);
	dt_fill_pattern(c->mem, rnd(&g));
	for (int i = 0; i < 16; i++)
		c->in.r[i] = dt_int_value(
			&g.s, 8, (r >> i) & 1 ? -1 : (int)(rnd(&g) % 18));
	c->in.rflags = 0x202 | (rnd(&g) & F_ALL);
	{
		uint16_t fcw = 0x037f;
		uint32_t mx = dt_mxcsr(&g.s), mxm = 0xffff;
		memcpy(c->in.fx + FX_FCW, &fcw, 2);
		memcpy(c->in.fx + FX_MXCSR, &mx, 4);
		memcpy(c->in.fx + 28, &mxm, 4);
		for (int i = 0; i < 16; i++)
			dt_lane_fill(&g.s, L_I64, c->in.fx + FX_XMM0 + 16 * i,
				     16, -1);
	}
	/* encoding choices */
	g.e.width = (g.vec || g.x87) ? 4 : width;
	g.e.rexw = g.vec && width == 8;
	g.e.norex = width != 8 && (r >> 20) % 4 == 0;
	avoid = f->implicit;
	if (f->ext == EXT_REG && is_mm(f->regk)) {
		g.e.reg = (int)(rnd(&g) % 8);
	} else if (f->ext == EXT_REG && f->regk != K_NONE) {
		int xmm = f->regk == K_XMM;
		int byte = f->regk == K_GPR && width == 1 && g.e.norex;
		g.e.reg = xmm ? (int)(rnd(&g) % (g.e.norex ? 8 : 16))
			      : pick_reg(&g, 0, byte);
	}
	if (f->ext == EXT_OPREG)
		g.e.rm = pick_reg(&g, 0, width == 1 && g.e.norex);
	if (f->ext != EXT_NONE && f->ext != EXT_OPREG) {
		int canmem = f->rmk == K_GPRM || f->rmk == K_XMMM ||
			     f->rmk == K_MMM,
		    mustmem = f->rmk == K_MEM;
		if (mustmem || (canmem && (r >> 24) % 2)) {
			unsigned av = avoid;
			if (f->ext == EXT_REG && f->regk == K_GPR)
				av |= RM(g.e.reg);
			pick_address(&g, av);
		} else if (is_mm(f->rmk)) {
			g.e.rm = (int)(rnd(&g) % 8);
		} else if (f->rmk == K_XMM || f->rmk == K_XMMM) {
			g.e.rm = (int)(rnd(&g) % (g.e.norex ? 8 : 16));
		} else if (is_gpr(f->rmk)) {
			int rw = f->rmw ? f->rmw : width;
			g.e.rm = pick_reg(&g, 0, rw == 1 && g.e.norex);
		}
	}
	if (f->lock && g.e.mem && (r >> 28) % 4 == 0)
		g.e.lock = 1;
	if (dt_lock_ud && (r >> 32) % 256 == 0)
		g.e.lock = 1; /* #UD unless lockable with memory */
	if (g.x87)
		x87_values(&g);
	else if (g.vec)
		vec_values(&g);
	else if (f->vals == V_STR)
		str_values(&g);
	else if (f->vals != V_LEA)
		int_values(&g);
	if (f->vals == V_LEA && (r >> 40) % 2)
		g.e.width = width; /* keep */
	special_values(&g);
	/* successive cases use successive slots: wax then decodes fresh
	 * code without invalidating its block cache for every case */
	c->addr = DT_CODE + (idx % (DT_CODE_LEN / DT_SLOT)) * DT_SLOT;
	c->len = dt_encode(f, &g.e, c->code, &disp_at);
	if (g.e.mem && g.e.base == 16 && disp_at >= 0 && f->vals != V_LEA) {
		int32_t d = (int32_t)(g.target - (c->addr + c->len));
		memcpy(c->code + disp_at, &d, 4);
	}
	set_undef(&g);
}
