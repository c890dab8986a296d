/*
 * Multiply and divide handlers (F6/F7 /4-/7, 0F AF, 69, 6B).  Division by
 * zero or a quotient that does not fit raises #DE, which Linux delivers
 * as SIGFPE FPE_INTDIV at the instruction.  Instantiated per operand
 * size from interp_muldiv_tmpl.h.
 *
 * Callers: the decoder's tables (decode_tables.c) via struct insn.fn.
 */
#include "decode.h"

#define BITS 8
#include "interp_muldiv_tmpl.h"
#define BITS 16
#include "interp_muldiv_tmpl.h"
#define BITS 32
#include "interp_muldiv_tmpl.h"
#define BITS 64
#include "interp_muldiv_tmpl.h"
