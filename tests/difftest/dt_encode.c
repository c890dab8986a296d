/*
 * A small x86-64 encoder for the differential tester: prefixes (LOCK,
 * 0x67, 0x66, mandatory 66/F2/F3), REX, the 0F/0F38/0F3A escapes, the
 * opcode, ModRM with every addressing shape (register, [base+disp8/32],
 * SIB with index and scale, no base, RIP-relative) and the immediate.
 * Called by dt_case.c.
 */
#include <string.h>

#include "difftest.h"

static int imm_bytes(const struct dt_form *f, int width)
{
	switch (f->imm) {
	case 1:
		return 1;
	case 2:
		return 2;
	case 4:
		return width == 1 ? 1 : width == 2 ? 2 : 4;
	case 8:
		return width;
	default:
		return 0;
	}
}

int dt_encode(const struct dt_form *f, const struct dt_enc *e, uint8_t *out,
	      int *disp_at)
{
	int p = 0, rex = 0x40, has_modrm = f->ext >= 0 || f->ext == EXT_REG;
	int n;

	*disp_at = -1;
	if (e->lock)
		out[p++] = 0xf0;
	if (e->addr32)
		out[p++] = 0x67;
	if (e->width == 2)
		out[p++] = 0x66;
	if (f->pfx)
		out[p++] = f->pfx;
	if (e->width == 8 || e->rexw)
		rex |= 8;
	if (f->ext == EXT_REG && (e->reg & 8))
		rex |= 4;
	if (f->ext == EXT_OPREG && (e->rm & 8))
		rex |= 1;
	if (has_modrm && e->mem) {
		if (e->index >= 0 && (e->index & 8))
			rex |= 2;
		if (e->base >= 0 && e->base < 16 && (e->base & 8))
			rex |= 1;
	} else if (has_modrm && (e->rm & 8) && f->rmk != K_FIXED &&
		   f->rmk != K_STI) {
		rex |= 1;
	}
	if (!e->norex)
		out[p++] = (uint8_t)rex;
	if (f->map >= 1)
		out[p++] = 0x0f;
	if (f->map == 2)
		out[p++] = 0x38;
	if (f->map == 3)
		out[p++] = 0x3a;
	out[p++] = (uint8_t)(f->ext == EXT_OPREG ? f->op | (e->rm & 7) : f->op);
	if (has_modrm) {
		int regf = f->ext >= 0 ? f->ext : (e->reg & 7);

		if (!e->mem) {
			int rm = f->rmk == K_FIXED ? f->fix : (e->rm & 7);
			out[p++] = (uint8_t)(0xc0 | regf << 3 | rm);
		} else if (e->base == 16) {
			out[p++] = (uint8_t)(regf << 3 | 5);
			*disp_at = p;
			memcpy(out + p, &e->disp, 4);
			p += 4;
		} else {
			int sib = e->index >= 0 || e->base < 0 ||
				  (e->base & 7) == 4;
			int ds = e->base < 0 ? 4 : e->dispsize;
			int mod = e->base < 0 ? 0
				  : ds == 0   ? 0
				  : ds == 1   ? 1
					      : 2;

			if (e->base >= 0 && ds == 0 && (e->base & 7) == 5) {
				ds = 1; /* mod 0 with rbp/r13 means no base */
				mod = 1;
			}
			out[p++] = (uint8_t)(mod << 6 | regf << 3 |
					     (sib ? 4 : (e->base & 7)));
			if (sib)
				out[p++] =
					(uint8_t)(e->scale << 6 |
						  (e->index >= 0 ? e->index & 7
								 : 4)
							  << 3 |
						  (e->base >= 0 ? e->base & 7
								: 5));
			memcpy(out + p, &e->disp, ds);
			p += ds;
		}
	}
	n = imm_bytes(f, e->width);
	memcpy(out + p, &e->imm, n);
	return p + n;
}
