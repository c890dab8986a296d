/*
 * Interpreter internals shared by the instruction handlers (internal to
 * translate/): operand access (registers, ModRM r/m, effective address),
 * the lazy-flags interface, the decoder entry point and the fault helpers.
 *
 * Callers: interp_*.c (integer handlers, owned by the CPU core), sse_*.c
 * (SSE/x87 handlers), decode.c, block.c, cpu.c.
 *
 * Handler conventions (every insn_fn, integer and SSE alike):
 *   - names: op_<mnemonic>[_<form>][<bits>] for integer handlers
 *     (op_add_rm_r32, op_jcc, op_syscall); sse_<mnemonic> for SSE/x87.
 *   - on entry cpu->rip is this instruction's address.  Compute the
 *     effective address (insn_ea) BEFORE moving rip: RIP-relative operands
 *     are relative to cpu->rip + in->len.
 *   - a handler that completes normally finishes with insn_next(cpu, in)
 *     (rip += len) or sets rip to a branch target.
 *   - to fault, call cpu_raise() (or insn_ud()) before changing state;
 *     it does not return.  Memory loads/stores (mem_ld*, mem_st*, mem_ldn,
 *     mem_stn from memaccess.h) raise by themselves.
 *   - XMM operands: cpu->xmm[in->reg]; r/m is cpu->xmm[in->rm] when
 *     in->mod == 3, else memory at insn_ea(cpu, in).  in->reg/in->rm already
 *     include REX.R/REX.B; group opcodes dispatch on (in->reg & 7).
 *   - flags: flags_set(cpu, bits) sets CF/PF/AF/ZF/SF/OF to exactly the
 *     RFLAGS_* bits given (COMISS, UCOMISD, x87 FCOMI); flags_get(cpu)
 *     returns them.  Never touch cc_* fields directly outside flags.c.
 */
#ifndef WAX_INTERP_H
#define WAX_INTERP_H

#include "flags.h"
#include "insn.h"
#include "memaccess.h"

/* ---- effective address and operands ------------------------------------ */

/* Guest address of the memory operand of in (in->mod != 3), with 32-bit
 * address-size truncation; insn_ea adds the FS/GS base, insn_offset (LEA)
 * does not. */
static inline gaddr insn_offset(struct cpu *cpu, const struct insn *in)
{
	uint64_t a = (uint64_t)(int64_t)in->disp;

	if (in->base >= 0)
		a += in->base == EA_RIP ? cpu->rip + in->len
					: cpu->regs[in->base];
	if (in->index >= 0)
		a += cpu->regs[in->index] << in->scale;
	if (unlikely(in->addrsize == 4))
		a = (uint32_t)a;
	return a;
}

/* The segment base an FS/GS override adds (0 without one). */
static inline uint64_t insn_seg_base(struct cpu *cpu, const struct insn *in)
{
	if (likely(in->seg < 4))
		return 0;
	return in->seg == 4 ? cpu->fs_base : cpu->gs_base;
}

static inline gaddr insn_ea(struct cpu *cpu, const struct insn *in)
{
	return insn_offset(cpu, in) + insn_seg_base(cpu, in);
}

/* Advances to the next instruction: the normal end of a handler. */
static inline void insn_next(struct cpu *cpu, const struct insn *in)
{
	cpu->rip += in->len;
}

/*
 * General registers by width.  r is 0-15 (in->reg or in->rm for mod == 3).
 * Byte registers 4-7 mean AH, CH, DH, BH when the instruction has no REX
 * prefix, SPL..DIL with one.  32-bit writes zero-extend; 8/16-bit writes
 * keep the upper bits.
 */
static inline uint8_t *gpr8_ptr(struct cpu *cpu, const struct insn *in, int r)
{
	if (!in->rex && (unsigned)(r - 4) < 4)
		return (uint8_t *)&cpu->regs[r - 4] + 1;
	return (uint8_t *)&cpu->regs[r];
}
static inline uint8_t rd_gpr8(struct cpu *cpu, const struct insn *in, int r)
{
	return *gpr8_ptr(cpu, in, r);
}
static inline void wr_gpr8(struct cpu *cpu, const struct insn *in, int r,
			   uint8_t v)
{
	*gpr8_ptr(cpu, in, r) = v;
}
static inline uint16_t rd_gpr16(struct cpu *cpu, const struct insn *in, int r)
{
	return (uint16_t)cpu->regs[r];
}
static inline void wr_gpr16(struct cpu *cpu, const struct insn *in, int r,
			    uint16_t v)
{
	memcpy(&cpu->regs[r], &v, 2); /* little-endian host (x86, wasm) */
}
static inline uint32_t rd_gpr32(struct cpu *cpu, const struct insn *in, int r)
{
	return (uint32_t)cpu->regs[r];
}
static inline void wr_gpr32(struct cpu *cpu, const struct insn *in, int r,
			    uint32_t v)
{
	cpu->regs[r] = v;
}
static inline uint64_t rd_gpr64(struct cpu *cpu, const struct insn *in, int r)
{
	return cpu->regs[r];
}
static inline void wr_gpr64(struct cpu *cpu, const struct insn *in, int r,
			    uint64_t v)
{
	cpu->regs[r] = v;
}

/* The r/m operand (register or memory) by width. */
#define RM_ACCESS(bits, type)                                                  \
	static inline type rd_rm##bits(struct cpu *cpu, const struct insn *in) \
	{                                                                      \
		if (in->mod == 3)                                              \
			return rd_gpr##bits(cpu, in, in->rm);                  \
		return mem_ld##bits(cpu, insn_ea(cpu, in));                    \
	}                                                                      \
	static inline void wr_rm##bits(struct cpu *cpu, const struct insn *in, \
				       type v)                                 \
	{                                                                      \
		if (in->mod == 3)                                              \
			wr_gpr##bits(cpu, in, in->rm, v);                      \
		else                                                           \
			mem_st##bits(cpu, insn_ea(cpu, in), v);                \
	}
RM_ACCESS(8, uint8_t)
RM_ACCESS(16, uint16_t)
RM_ACCESS(32, uint32_t)
RM_ACCESS(64, uint64_t)
#undef RM_ACCESS

/* ---- faults ------------------------------------------------------------ */

/* #UD: SIGILL ILL_ILLOPN at this instruction, logging its bytes. */
_Noreturn void insn_ud(struct cpu *cpu, const struct insn *in);
/* #GP in user mode: SIGSEGV SI_KERNEL, address 0 (as Linux reports it). */
_Noreturn void insn_gp(struct cpu *cpu, const struct insn *in);

/* Handlers the decoder plants for bytes that are not a valid instruction. */
insn_fn op_illegal;	/* unknown/unimplemented opcode: SIGILL */
insn_fn op_too_long;	/* more than 15 bytes: #GP */
insn_fn op_fetch_fault; /* code bytes unreadable; in->imm = address */

/* ---- decoder (decode.c) ------------------------------------------------- */

/*
 * Decodes one instruction from buf (avail bytes valid).  Returns its
 * length (1-15) with *in filled, DECODE_TRUNCATED when avail bytes were not
 * enough (and avail < 15), or DECODE_TOO_LONG when the instruction would
 * exceed 15 bytes.  Invalid opcodes decode successfully with
 * in->fn = op_illegal.  Pure: reads nothing but buf.
 */
#define DECODE_TRUNCATED (-1)
#define DECODE_TOO_LONG	 (-2)
int decode_insn(struct insn *in, const uint8_t *buf, int avail,
		enum decode_mode mode);
/* True when in must be the last instruction of a block (control transfer,
 * syscall, trap, invalid opcode). */
bool decode_ends_block(const struct insn *in);
/* A short name for in's opcode ("add", "jcc", "sse"), for traces. */
const char *decode_name(const struct insn *in);

/* ---- blocks (block.c) ---------------------------------------------------- */

/* The block starting at addr in cpu's address space, decoding it on a miss.
 * Never NULL: undecodable code yields a block whose handler faults. */
struct block *block_get(struct cpu *cpu, gaddr addr);
/* block_next's miss path: block_get, then remembers the block in prev's
 * link slots. */
struct block *block_next_slow(struct cpu *cpu, struct block *prev, gaddr addr);

/* The block at addr reached from prev (NULL at entry): tries prev's link
 * slots first (chaining), without locks or hashing. */
static inline struct block *block_next(struct cpu *cpu, struct block *prev,
				       gaddr addr)
{
	if (likely(prev != NULL)) {
		struct block *b =
			__atomic_load_n(&prev->link[0], __ATOMIC_RELAXED);

		if (likely(b && b->start == addr && !b->dead))
			return b;
		b = __atomic_load_n(&prev->link[1], __ATOMIC_RELAXED);
		if (b && b->start == addr && !b->dead)
			return b;
	}
	return block_next_slow(cpu, prev, addr);
}

/* ---- misc helpers for handlers ------------------------------------------ */

/* Host monotonic clock in ns (RDTSC). */
uint64_t interp_tsc(void);

#endif
