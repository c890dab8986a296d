/*
 * matmul.c - benchmark: dense double matrix multiply, i-k-j order (packed
 * SSE2 multiply-add loops as gcc -O2 vectorises them, loads/stores).
 * Part of bench/ (run by bench/run.sh).  Usage: matmul [N]: C = A*B for
 * N x N matrices, 3 times; prints a checksum of C.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 400;
	double *a = malloc(sizeof(double) * n * n);
	double *b = malloc(sizeof(double) * n * n);
	double *c = malloc(sizeof(double) * n * n);
	double sum = 0;

	if (!a || !b || !c)
		return 1;
	for (int i = 0; i < n * n; i++) {
		a[i] = (double)(i % 17) / 7.0 - 1.0;
		b[i] = (double)(i % 13) / 5.0 + 0.5;
	}
	for (int rep = 0; rep < 3; rep++) {
		for (int i = 0; i < n * n; i++)
			c[i] = 0;
		for (int i = 0; i < n; i++)
			for (int k = 0; k < n; k++) {
				double aik = a[i * n + k];
				for (int j = 0; j < n; j++)
					c[i * n + j] += aik * b[k * n + j];
			}
		a[rep] += c[n * n - 1 - rep] * 1e-9;
	}
	for (int i = 0; i < n * n; i++)
		sum += c[i] * (double)(i % 7 + 1);
	printf("matmul n=%d checksum=%.6f\n", n, sum);
	free(a), free(b), free(c);
	return 0;
}
