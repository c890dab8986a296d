/*
 * gencsrc.c - bench/ helper, not a benchmark: writes a deterministic,
 * self-contained C translation unit (no #include) of NFUNCS functions with
 * loops, switches, structs and arithmetic on stdout: the input run.sh
 * gives cc1.  Usage: gencsrc NFUNCS.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 200;

	printf("struct point { long x, y, z; int tag; };\n"
	       "typedef unsigned long u64;\n"
	       "extern int printf(const char *, ...);\n\n");
	for (int f = 0; f < n; f++) {
		int a = f * 7 % 13 + 1, b = f * 11 % 17 + 2, c = f % 5;

		printf("static u64 mix%d(u64 x)\n{\n"
		       "\tx ^= x >> %d; x *= 0x%xUL; x ^= x << %d;\n"
		       "\treturn x + %d;\n}\n\n",
		       f, a + 3, 0x9e3779b1 + f * 2654435, b, f);
		printf("long work%d(struct point *p, int len, const int "
		       "*tab)\n{\n"
		       "\tlong s = %d;\n"
		       "\tfor (int i = 0; i < len; i++) {\n"
		       "\t\tstruct point *q = &p[i %% %d];\n"
		       "\t\tswitch ((tab[i] + %d) %% 6) {\n"
		       "\t\tcase 0: s += q->x * %d - q->y; break;\n"
		       "\t\tcase 1: s ^= (long)mix%d((u64)q->z + i); break;\n"
		       "\t\tcase 2: q->tag += %d; s -= q->tag; break;\n"
		       "\t\tcase 3: for (int j = 0; j < %d; j++) s += tab[(i + "
		       "j) %% len] * j; break;\n"
		       "\t\tcase 4: s = s / %d + (q->y > q->x ? q->y : q->x); "
		       "break;\n"
		       "\t\tdefault: q->x = s & 0xffff; q->y = s >> %d; "
		       "break;\n"
		       "\t\t}\n"
		       "\t}\n",
		       f, f, a + 4, c, b, f, a, c + 3, b, a + 1);
		if (f > 0)
			printf("\tif (s & %d)\n\t\ts += work%d(p, len / 2, tab "
			       "+ 1);\n",
			       1 << (f % 8), f - 1);
		printf("\tdouble d = (double)s * %d.25;\n"
		       "\tfor (int k = 0; k < %d; k++)\n\t\td = d * 0.5 + k;\n"
		       "\treturn s + (long)d;\n}\n\n",
		       a, b + 5);
	}
	printf("int main(void)\n{\n\tstatic struct point pts[64];\n\tstatic "
	       "int tab[256];\n"
	       "\tlong t = 0;\n\tfor (int i = 0; i < 256; i++)\n\t\ttab[i] = i "
	       "* 37 %% 101;\n");
	for (int f = 0; f < n; f += 10)
		printf("\tt += work%d(pts, 200, tab);\n", f);
	printf("\tprintf(\"%%ld\\n\", t);\n\treturn 0;\n}\n");
	return 0;
}
