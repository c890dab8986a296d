/*
 * Integer ALU handlers: ADD OR ADC SBB AND SUB XOR CMP TEST in all forms,
 * INC DEC NOT NEG, XCHG, XADD, CMPXCHG, with LOCK support.  The code is
 * written once in interp_alu_tmpl.h and instantiated per operand size.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include "decode.h"

#define BITS 8
#include "interp_alu_tmpl.h"
#define BITS 16
#include "interp_alu_tmpl.h"
#define BITS 32
#include "interp_alu_tmpl.h"
#define BITS 64
#include "interp_alu_tmpl.h"
