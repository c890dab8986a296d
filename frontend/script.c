/*
 * "#!" scripts (frontend layer): parses the interpreter line exactly like
 * Linux's fs/binfmt_script.c and builds the argument vector the
 * interpreter gets: interpreter, optional argument, script path, then the
 * original argv[1..].
 *
 * Called by loader.c before trying the file as ELF.
 */
#include <stdlib.h>
#include <string.h>

#include "elf_image.h"

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

static bool terminator(char c)
{
	return c == ' ' || c == '\t' || c == '\0';
}

static char *next_non_spacetab(char *p, char *end)
{
	for (; p < end; p++)
		if (!spacetab(*p))
			return p;
	return NULL;
}

static char *next_terminator(char *p, char *end)
{
	for (; p < end; p++)
		if (terminator(*p))
			return p;
	return NULL;
}

int script_parse(const void *head, size_t n, char **interp, char **arg)
{
	char buf[SCRIPT_HEAD_MAX + 1];

	if (n < 2 || memcmp(head, "#!", 2) != 0)
		return 0;
	n = MIN(n, (size_t)SCRIPT_HEAD_MAX);
	memcpy(buf, head, n);
	buf[n] = '\0';
	/* Linux looks at the first BINPRM_BUF_SIZE bytes, the last of which
	 * it reserves for the terminating NUL. */
	char *buf_end = buf + MIN(n, (size_t)SCRIPT_HEAD_MAX - 1);
	char *i_end = memchr(buf, '\n', buf_end - buf);
	if (!i_end) {
		i_end = next_non_spacetab(buf + 2, buf_end);
		if (!i_end)
			return -LINUX_ENOEXEC; /* only spaces and tabs */
		/* Without a later terminator the name may be truncated. */
		if (n >= SCRIPT_HEAD_MAX - 1 &&
		    !next_terminator(i_end, buf_end))
			return -LINUX_ENOEXEC;
		i_end = buf_end;
	}
	while (i_end > buf + 2 && spacetab(i_end[-1]))
		i_end--;
	char *i_name = next_non_spacetab(buf + 2, i_end);
	if (!i_name || i_name == i_end)
		return -LINUX_ENOEXEC; /* no interpreter name */
	char *i_arg = NULL;
	char *i_sep = next_terminator(i_name, i_end);
	if (i_sep && *i_sep != '\0')
		i_arg = next_non_spacetab(i_sep, i_end);
	*i_end = '\0';
	if (i_sep)
		*i_sep = '\0';
	if (i_arg && *i_arg == '\0')
		i_arg = NULL;

	*interp = strdup(i_name);
	*arg = i_arg ? strdup(i_arg) : NULL;
	if (!*interp || (i_arg && !*arg)) {
		free(*interp);
		free(*arg);
		return -LINUX_ENOMEM;
	}
	return 1;
}

char **script_argv(const char *interp, const char *arg, const char *path,
		   char *const argv[])
{
	size_t argc = 0;

	while (argv && argv[argc])
		argc++;
	/* argv[0] is dropped; up to three strings are added. */
	char **v = calloc(argc + 4, sizeof(*v));
	if (!v)
		return NULL;
	size_t n = 0;
	v[n++] = (char *)interp;
	if (arg)
		v[n++] = (char *)arg;
	v[n++] = (char *)path;
	for (size_t i = 1; i < argc; i++)
		v[n++] = argv[i];
	v[n] = NULL;
	return v;
}
