/*
 * Guest test: /proc/self/maps parses, is sorted, has a [stack] line, and
 * our own code (main) lies in an r-xp mapping, our data in an rw mapping,
 * a fresh anonymous mapping appears with its protections.
 */
#include "guest.h"
#include <sys/mman.h>

static int global_data = 5;

int main(void)
{
	char *m = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f) {
		printf("open maps: %s\n", ename(errno));
		return 1;
	}
	char line[512];
	unsigned long prev_end = 0, text = (unsigned long)&main,
		      data = (unsigned long)&global_data,
		      stack = (unsigned long)&line;
	int lines = 0, sorted = 1, wellformed = 1, has_stack = 0;
	int text_rx = 0, data_rw = 0, stack_in_stack = 0, anon_ok = 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi, off;
		char perms[8], path[256] = "";
		unsigned maj, min;
		unsigned long ino;
		int n = sscanf(line, "%lx-%lx %7s %lx %x:%x %lu %255s", &lo,
			       &hi, perms, &off, &maj, &min, &ino, path);
		if (n < 7 || lo >= hi || strlen(perms) != 4) {
			wellformed = 0;
			continue;
		}
		lines++;
		sorted &= lo >= prev_end;
		prev_end = hi;
		if (strcmp(path, "[stack]") == 0) {
			has_stack = 1;
			stack_in_stack |= stack >= lo && stack < hi;
		}
		if (text >= lo && text < hi)
			text_rx = perms[0] == 'r' && perms[2] == 'x' &&
				  perms[3] == 'p';
		if (data >= lo && data < hi)
			data_rw = perms[0] == 'r' && perms[1] == 'w';
		if ((unsigned long)m >= lo && (unsigned long)m < hi)
			anon_ok = strncmp(perms, "r--p", 4) == 0 &&
				  hi - (unsigned long)m >= 3 * 4096;
	}
	fclose(f);
	printf("lines > 3: %d\n", lines > 3);
	printf("well formed: %d\n", wellformed);
	printf("sorted, non-overlapping: %d\n", sorted);
	printf("[stack] present: %d, holds a local: %d\n", has_stack,
	       stack_in_stack);
	printf("main in r-xp: %d\n", text_rx);
	printf("data in rw: %d\n", data_rw + global_data - 5);
	printf("new anon mapping r--p: %d\n", anon_ok);
	return 0;
}
