/*
 * Bit handlers: BT/BTS/BTR/BTC (register offset with the memory bit-string
 * semantics, and imm8), BSF/BSR/TZCNT/LZCNT, POPCNT.  Instantiated for
 * 16/32/64-bit operands from interp_bit_tmpl.h.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include "decode.h"

#define BITS 16
#include "interp_bit_tmpl.h"
#define BITS 32
#include "interp_bit_tmpl.h"
#define BITS 64
#include "interp_bit_tmpl.h"
