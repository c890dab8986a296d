/* Guest test: the environment block, in order, and getenv/setenv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv, char **envp)
{
	int n = 0;
	for (char **e = envp; *e; e++, n++)
		printf("env[%d] = %s\n", n, *e);
	printf("environ == envp: %s\n", environ == envp ? "yes" : "no");
	const char *v = getenv("WAXTEST_VAR");
	printf("getenv(WAXTEST_VAR) = %s\n", v ? v : "(null)");
	setenv("WAXTEST_NEW", "fresh", 1);
	v = getenv("WAXTEST_NEW");
	printf("after setenv: %s\n", v ? v : "(null)");
	unsetenv("WAXTEST_VAR");
	printf("after unsetenv: %s\n", getenv("WAXTEST_VAR") ? "set" : "unset");
	/* envp sits right after argv's NULL on the initial stack. */
	printf("envp == argv+argc+1: %s\n",
	       envp == argv + argc + 1 ? "yes" : "no");
	return 0;
}
