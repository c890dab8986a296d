/*
 * Lazy condition flags (internal to translate/).
 *
 * Flag-setting instructions record their operands and result in
 * cpu->cc_dst/cc_src/cc_res and the operation kind in cpu->cc_op; the six
 * status flags (CF PF AF ZF SF OF) are computed only when something reads
 * them (Jcc, SETcc, ADC, PUSHF, ...).  cpu->flags holds every other RFLAGS
 * bit (DF, IF, bit 1, ...).  Implemented in flags.c; used by the
 * instruction handlers and cpu.c.
 *
 * cc_op values are <KIND>8 + width index (0: 8-bit, 1: 16, 2: 32, 3: 64).
 */
#ifndef WAX_FLAGS_H
#define WAX_FLAGS_H

#include "translate.h"

#define FLAGS_STATUS                                                           \
	(RFLAGS_CF | RFLAGS_PF | RFLAGS_AF | RFLAGS_ZF | RFLAGS_SF | RFLAGS_OF)

enum cc_op {
	CC_OP_EFLAGS, /* cc_src holds the status bits themselves */
	/* dst, src, res: res = dst + src */
	CC_OP_ADD8,
	CC_OP_ADD16,
	CC_OP_ADD32,
	CC_OP_ADD64,
	/* res = dst + src + carry-in (carry-in recovered from the three) */
	CC_OP_ADC8,
	CC_OP_ADC16,
	CC_OP_ADC32,
	CC_OP_ADC64,
	/* res = dst - src (CMP, SUB, NEG with dst = 0) */
	CC_OP_SUB8,
	CC_OP_SUB16,
	CC_OP_SUB32,
	CC_OP_SUB64,
	/* res = dst - src - borrow-in */
	CC_OP_SBB8,
	CC_OP_SBB16,
	CC_OP_SBB32,
	CC_OP_SBB64,
	/* res only; CF = OF = AF = 0 */
	CC_OP_LOGIC8,
	CC_OP_LOGIC16,
	CC_OP_LOGIC32,
	CC_OP_LOGIC64,
	/* res = dst + 1; cc_src = CF before the INC (preserved) */
	CC_OP_INC8,
	CC_OP_INC16,
	CC_OP_INC32,
	CC_OP_INC64,
	/* res = dst - 1; cc_src = CF before */
	CC_OP_DEC8,
	CC_OP_DEC16,
	CC_OP_DEC32,
	CC_OP_DEC64,
	/* res; cc_src = CF (last bit out); cc_dst = original value.
	 * OF = MSB(res) ^ CF */
	CC_OP_SHL8,
	CC_OP_SHL16,
	CC_OP_SHL32,
	CC_OP_SHL64,
	/* as SHL, OF = MSB(original) (SHR) */
	CC_OP_SHR8,
	CC_OP_SHR16,
	CC_OP_SHR32,
	CC_OP_SHR64,
	/* as SHL, OF = 0 (SAR) */
	CC_OP_SAR8,
	CC_OP_SAR16,
	CC_OP_SAR32,
	CC_OP_SAR64,
	/* res (low half); CF = OF = (cc_src != 0) */
	CC_OP_MUL8,
	CC_OP_MUL16,
	CC_OP_MUL32,
	CC_OP_MUL64,
	/* rotates: CF and OF are the RFLAGS bits in cpu->cc_rot; the other
	 * four come from the record cc_dst/cc_src/cc_res of kind
	 * cpu->cc_rot_op (never CC_OP_ROT), left as the rotate found it */
	CC_OP_ROT,
	CC_OP_NB
};

/* flags.c */
/* The six status flags (RFLAGS_* bits) as the last operation left them. */
unsigned flags_get(struct cpu *cpu);
/* Sets the six status flags to exactly the RFLAGS_* bits in bits. */
static inline void flags_set(struct cpu *cpu, unsigned bits)
{
	cpu->cc_src = bits & FLAGS_STATUS;
	cpu->cc_op = CC_OP_EFLAGS;
}
/* Replaces CF and OF only (rotates), without materialising the rest. */
static inline void flags_set_cf_of(struct cpu *cpu, unsigned cf, unsigned of)
{
	if (cpu->cc_op != CC_OP_ROT) {
		cpu->cc_rot_op = cpu->cc_op;
		cpu->cc_op = CC_OP_ROT;
	}
	cpu->cc_rot = (cf ? RFLAGS_CF : 0) | (of ? RFLAGS_OF : 0);
}
/* CF alone (cheaper than flags_get for ADC/SBB/RCL). */
unsigned flags_cf(struct cpu *cpu);
/* Condition code cc (0-15, the low nibble of Jcc/SETcc/CMOVcc) holds. */
bool flags_cond(struct cpu *cpu, int cc);

/*
 * flags_cond with the common cases inline: after CMP/SUB the condition is
 * an integer compare of the recorded operands, after logic ops a test of
 * the result.  With a constant cc the switch folds away (op_jcc_<cc>).
 */
static inline bool flags_cond_fast(struct cpu *cpu, int cc)
{
	unsigned op = cpu->cc_op;

	if (op >= CC_OP_SUB8 && op <= CC_OP_SUB64) {
		int shift = 64 - (8 << (op - CC_OP_SUB8));
		uint64_t d = cpu->cc_dst << shift, s = cpu->cc_src << shift;

		switch (cc >> 1) {
		case 1:
			return (d < s) ^ (cc & 1);
		case 2:
			return (d == s) ^ (cc & 1);
		case 3:
			return (d <= s) ^ (cc & 1);
		case 6:
			return ((int64_t)d < (int64_t)s) ^ (cc & 1);
		case 7:
			return ((int64_t)d <= (int64_t)s) ^ (cc & 1);
		}
	} else if (op >= CC_OP_LOGIC8 && op <= CC_OP_LOGIC64) {
		int shift = 64 - (8 << (op - CC_OP_LOGIC8));
		int64_t v = (int64_t)(cpu->cc_res << shift);

		switch (cc >> 1) {
		case 2:
		case 3:
			return (v == 0) ^ (cc & 1);
		case 4:
		case 6:
			return (v < 0) ^ (cc & 1);
		case 7:
			return (v <= 0) ^ (cc & 1);
		}
	}
	return flags_cond(cpu, cc);
}

#endif
