/*
 * The decoded form of one x86-64 instruction, and the opcode-table row
 * types the decoder reads (internal to translate/).
 *
 * decode.c turns guest bytes into struct insn; blocks (block.c) keep
 * arrays of them per guest code range; the interpreter calls insn->fn.
 * A future JIT backend consumes the same arrays.  The decoder takes a
 * mode parameter (64-bit now; 32-bit i386 guests later).
 */
#ifndef WAX_INSN_H
#define WAX_INSN_H

#include "translate.h"

struct insn;
/*
 * An instruction handler.  On entry cpu->rip is the address of this
 * instruction.  A handler that completes normally leaves cpu->rip at the
 * next instruction to run (rip + in->len, or a branch target).  A faulting
 * handler calls cpu_raise() before changing any architectural state it
 * cannot undo, and leaves cpu->rip alone, so the fault reports this
 * instruction.
 */
typedef void insn_fn(struct cpu *cpu, const struct insn *in);

enum decode_mode { MODE_64 = 0, MODE_32 = 1 };

#define EA_NONE (-1) /* no base or no index register */
#define EA_RIP	16   /* base is RIP (address of the next instruction) */

struct insn {
	insn_fn *fn;	  /* handler */
	uint8_t len;	  /* total length in bytes (1-15) */
	uint8_t map;	  /* 0: one-byte, 1: 0F, 2: 0F38, 3: 0F3A */
	uint8_t op;	  /* opcode byte within the map */
	uint8_t opsize;	  /* operand size in bytes: 1, 2, 4 or 8 */
	uint8_t addrsize; /* address size in bytes: 4 or 8 */
	uint8_t prefix;	  /* mandatory/rep prefix: 0, 0x66, 0xf3, 0xf2 */
	uint8_t lock;	  /* LOCK prefix present */
	uint8_t seg;	  /* 0 = none/DS, 4 = FS, 5 = GS (x86 sreg numbers) */
	uint8_t rex;	  /* REX byte (0x40-0x4f) or 0 */
	uint8_t mod;	  /* ModRM.mod; 3 means rm is a register */
	uint8_t reg;	  /* ModRM.reg, extended by REX.R (0-15) */
	uint8_t rm;	  /* ModRM.rm, extended by REX.B (register form) */
	int8_t base;	  /* memory form: base register, EA_RIP or EA_NONE */
	int8_t index;	  /* memory form: index register or EA_NONE */
	uint8_t scale;	  /* index shift, 0-3 */
	int32_t disp;	  /* displacement */
	uint64_t imm;	  /* first immediate (sign- or zero-extended) */
	uint16_t imm2;	  /* ENTER's second immediate */
};

/*
 * Block of decoded instructions: a straight-line run starting at a guest
 * address and ending after a control transfer, a syscall, an instruction
 * that must end a block, or a page boundary.
 */
struct block {
	gaddr start;	    /* guest address of the first instruction */
	uint32_t guest_len; /* bytes of guest code covered */
	uint32_t n;	    /* number of instructions */
	struct block *hash_next;
	/* block.c: successors seen at run time (chaining), checked by start
	 * address; dead once invalidated (kept allocated until the cache is
	 * destroyed, since another thread may still be running it) */
	struct block *link[2];
	uint8_t dead;
	uint8_t link_rr; /* which link slot to replace next */
	struct block *dead_next;
	struct insn insns[];
};

#endif
