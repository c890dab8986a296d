/*
 * bytecode.c - benchmark: a switch-dispatched stack-machine interpreter
 * loop (indirect jumps, small loads/stores, data-dependent branches).
 * Part of bench/ (run by bench/run.sh).  Usage: bytecode [N]: runs a
 * bytecode program whose outer loop counts to N; prints its result.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum op {
	PUSH,
	LOAD,
	STORE,
	ADD,
	SUB,
	MUL,
	XOR,
	SHR,
	AND,
	MOD,
	DUP,
	JLT,
	JNZ,
	JMP,
	HALT
};

struct ins {
	uint8_t op;
	int32_t arg;
};

/*
 * The program, over vars 0 = i, 1 = acc, 2 = n, 3 = j:
 *   for (i = 0; i < n; i++) {
 *     acc = (acc * 7 + (i ^ (i >> 3))) % 1000003;
 *     for (j = 3; j != 0; j--)
 *       acc = (acc ^ ((acc >> 1) & 0xffff)) + j;
 *   }
 */
/* clang-format off */
static const struct ins prog[] = {
	{PUSH, 0}, {STORE, 0},					/* 0: i = 0 */
	{LOAD, 0}, {LOAD, 2}, {JLT, 6}, {HALT, 0},		/* 2: i < n? */
	{LOAD, 1}, {PUSH, 7}, {MUL, 0},				/* 6: acc * 7 */
	{LOAD, 0}, {DUP, 0}, {PUSH, 3}, {SHR, 0}, {XOR, 0},	/* i ^ (i >> 3) */
	{ADD, 0}, {PUSH, 1000003}, {MOD, 0}, {STORE, 1},
	{PUSH, 3}, {STORE, 3},					/* 18: j = 3 */
	{LOAD, 1}, {DUP, 0}, {PUSH, 1}, {SHR, 0},		/* 20: acc, acc >> 1 */
	{PUSH, 0xffff}, {AND, 0}, {XOR, 0},
	{LOAD, 3}, {ADD, 0}, {STORE, 1},			/* acc = ... + j */
	{LOAD, 3}, {PUSH, 1}, {SUB, 0}, {DUP, 0}, {STORE, 3}, {JNZ, 20},
	{LOAD, 0}, {PUSH, 1}, {ADD, 0}, {STORE, 0}, {JMP, 2},	/* i++ */
};
/* clang-format on */

static int64_t run(const struct ins *code, int64_t *vars)
{
	int64_t stack[64], *sp = stack, a;
	int pc = 0;

	for (;;) {
		const struct ins *in = &code[pc++];

		switch (in->op) {
		case PUSH:
			*sp++ = in->arg;
			break;
		case LOAD:
			*sp++ = vars[in->arg];
			break;
		case STORE:
			vars[in->arg] = *--sp;
			break;
		case ADD:
			a = *--sp;
			sp[-1] += a;
			break;
		case SUB:
			a = *--sp;
			sp[-1] -= a;
			break;
		case MUL:
			a = *--sp;
			sp[-1] *= a;
			break;
		case XOR:
			a = *--sp;
			sp[-1] ^= a;
			break;
		case SHR:
			a = *--sp;
			sp[-1] >>= a;
			break;
		case AND:
			a = *--sp;
			sp[-1] &= a;
			break;
		case MOD:
			a = *--sp;
			sp[-1] %= a;
			break;
		case DUP:
			sp[0] = sp[-1];
			sp++;
			break;
		case JLT:
			sp -= 2;
			if (sp[0] < sp[1])
				pc = in->arg;
			break;
		case JNZ:
			if (*--sp)
				pc = in->arg;
			break;
		case JMP:
			pc = in->arg;
			break;
		case HALT:
			return vars[1];
		}
	}
}

int main(int argc, char **argv)
{
	int64_t vars[4] = {0, 1, argc > 1 ? atol(argv[1]) : 2000000, 0};

	printf("bytecode n=%lld result=%lld\n", (long long)vars[2],
	       (long long)run(prog, vars));
	return 0;
}
