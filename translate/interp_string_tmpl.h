/*
 * Width template for interp_string.c: MOVS STOS LODS CMPS SCAS with
 * REP/REPE/REPNE.  The source segment can be overridden (FS/GS); ES:rDI
 * cannot.  RCX/RSI/RDI are updated per element, so a fault in the middle
 * of a REP leaves the registers at the faulting element, as on hardware.
 */
#include "interp_width.h"

static inline void W(str_cmp)(struct cpu *cpu, T d, T s)
{
	cpu->cc_dst = d;
	cpu->cc_src = s;
	cpu->cc_res = (T)(d - s);
	cpu->cc_op = CC_OP_SUB8 + IDX;
}

void W(op_movs)(struct cpu *cpu, const struct insn *in)
{
	int64_t step = (cpu->flags & RFLAGS_DF) ? -(int64_t)sizeof(T)
						: (int64_t)sizeof(T);
	uint64_t seg = insn_seg_base(cpu, in);

	if (!in->prefix || in->prefix == 0x66) {
		W(mem_st)
		(cpu, str_reg(cpu, in, R_RDI),
		 W(mem_ld)(cpu, seg + str_reg(cpu, in, R_RSI)));
		str_add(cpu, in, R_RSI, step);
		str_add(cpu, in, R_RDI, step);
		insn_next(cpu, in);
		return;
	}
	while (str_reg(cpu, in, R_RCX)) {
		uint64_t n = str_reg(cpu, in, R_RCX);
		gaddr s = seg + str_reg(cpu, in, R_RSI);
		gaddr d = str_reg(cpu, in, R_RDI);

		if (step > 0 && in->addrsize == 8) {
			/* whole elements up to the nearer page end */
			uint64_t room = MIN(
				GUEST_PAGE_SIZE - (s & (GUEST_PAGE_SIZE - 1)),
				GUEST_PAGE_SIZE - (d & (GUEST_PAGE_SIZE - 1)));
			uint64_t k = MIN(n, room / sizeof(T));
			uint8_t *hs, *hd;

			/* a destination just above the source replicates
			 * elements: only copy runs that do not overlap */
			if (k > 1 && d - s >= k * sizeof(T) &&
			    (hs = mem_tlb_hit(cpu->tlb_r, s, k * sizeof(T))) &&
			    (hd = mem_tlb_hit(cpu->tlb_w, d, k * sizeof(T)))) {
				memmove(hd, hs, k * sizeof(T));
				cpu->regs[R_RSI] += k * sizeof(T);
				cpu->regs[R_RDI] += k * sizeof(T);
				cpu->regs[R_RCX] -= k;
				continue;
			}
		}
		W(mem_st)(cpu, d, W(mem_ld)(cpu, s));
		str_add(cpu, in, R_RSI, step);
		str_add(cpu, in, R_RDI, step);
		str_add(cpu, in, R_RCX, -1);
	}
	insn_next(cpu, in);
}

void W(op_stos)(struct cpu *cpu, const struct insn *in)
{
	int64_t step = (cpu->flags & RFLAGS_DF) ? -(int64_t)sizeof(T)
						: (int64_t)sizeof(T);
	T v = (T)cpu->regs[R_RAX];

	if (!in->prefix || in->prefix == 0x66) {
		W(mem_st)(cpu, str_reg(cpu, in, R_RDI), v);
		str_add(cpu, in, R_RDI, step);
		insn_next(cpu, in);
		return;
	}
	while (str_reg(cpu, in, R_RCX)) {
		uint64_t n = str_reg(cpu, in, R_RCX);
		gaddr d = str_reg(cpu, in, R_RDI);

		if (step > 0 && in->addrsize == 8) {
			uint64_t room =
				GUEST_PAGE_SIZE - (d & (GUEST_PAGE_SIZE - 1));
			uint64_t k = MIN(n, room / sizeof(T));
			uint8_t *hd;

			if (k > 1 &&
			    (hd = mem_tlb_hit(cpu->tlb_w, d, k * sizeof(T)))) {
				if (sizeof(T) == 1)
					memset(hd, (int)v, k);
				else
					for (uint64_t j = 0; j < k; j++)
						memcpy(hd + j * sizeof(T), &v,
						       sizeof(T));
				cpu->regs[R_RDI] += k * sizeof(T);
				cpu->regs[R_RCX] -= k;
				continue;
			}
		}
		W(mem_st)(cpu, d, v);
		str_add(cpu, in, R_RDI, step);
		str_add(cpu, in, R_RCX, -1);
	}
	insn_next(cpu, in);
}

void W(op_lods)(struct cpu *cpu, const struct insn *in)
{
	int64_t step = (cpu->flags & RFLAGS_DF) ? -(int64_t)sizeof(T)
						: (int64_t)sizeof(T);
	uint64_t seg = insn_seg_base(cpu, in);
	bool rep = in->prefix == 0xf3 || in->prefix == 0xf2;

	if (!rep || str_reg(cpu, in, R_RCX)) {
		do {
			W(wr_gpr)
			(cpu, in, R_RAX,
			 W(mem_ld)(cpu, seg + str_reg(cpu, in, R_RSI)));
			str_add(cpu, in, R_RSI, step);
			if (rep)
				str_add(cpu, in, R_RCX, -1);
		} while (rep && str_reg(cpu, in, R_RCX));
	}
	insn_next(cpu, in);
}

/* CMPS compares [rSI] with [rDI]; SCAS rAX with [rDI].  REPE (F3) goes on
 * while equal, REPNE (F2) while different. */
void W(op_cmps)(struct cpu *cpu, const struct insn *in)
{
	int64_t step = (cpu->flags & RFLAGS_DF) ? -(int64_t)sizeof(T)
						: (int64_t)sizeof(T);
	uint64_t seg = insn_seg_base(cpu, in);
	bool rep = in->prefix == 0xf3 || in->prefix == 0xf2;
	bool want_eq = in->prefix == 0xf3;

	if (rep && !str_reg(cpu, in, R_RCX))
		goto out;
	for (;;) {
		T a = W(mem_ld)(cpu, seg + str_reg(cpu, in, R_RSI));
		T b = W(mem_ld)(cpu, str_reg(cpu, in, R_RDI));

		W(str_cmp)(cpu, a, b);
		str_add(cpu, in, R_RSI, step);
		str_add(cpu, in, R_RDI, step);
		if (!rep)
			break;
		str_add(cpu, in, R_RCX, -1);
		if (!str_reg(cpu, in, R_RCX) || (a == b) != want_eq)
			break;
	}
out:
	insn_next(cpu, in);
}

void W(op_scas)(struct cpu *cpu, const struct insn *in)
{
	int64_t step = (cpu->flags & RFLAGS_DF) ? -(int64_t)sizeof(T)
						: (int64_t)sizeof(T);
	bool rep = in->prefix == 0xf3 || in->prefix == 0xf2;
	bool want_eq = in->prefix == 0xf3;
	T a = (T)cpu->regs[R_RAX];

	if (rep && !str_reg(cpu, in, R_RCX))
		goto out;
	for (;;) {
		T b = W(mem_ld)(cpu, str_reg(cpu, in, R_RDI));

		W(str_cmp)(cpu, a, b);
		str_add(cpu, in, R_RDI, step);
		if (!rep)
			break;
		str_add(cpu, in, R_RCX, -1);
		if (!str_reg(cpu, in, R_RCX) || (a == b) != want_eq)
			break;
	}
out:
	insn_next(cpu, in);
}

#include "interp_width_end.h"
