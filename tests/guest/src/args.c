/* Guest test: argc/argv as the loader laid them out (run.sh passes odd ones). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	printf("argc = %d\n", argc);
	/* argv[0] is the program path: the same natively and under wax. */
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = \"%s\" (%zu)\n", i, argv[i],
		       strlen(argv[i]));
	printf("argv[argc] == NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
	return 0;
}
