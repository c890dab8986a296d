/*
 * The wax command line: option parsing, the guest environment and the
 * PATH search for the program, kept apart from main() so they can be
 * unit-tested (tests/unit/test_cli.c).
 *
 * Callers: frontend/main.c.
 */
#ifndef WAX_CLI_H
#define WAX_CLI_H

#include <stdbool.h>
#include <stddef.h>

enum cli_action {
	CLI_RUN,     /* run argv[prog_index...] */
	CLI_HELP,    /* --help */
	CLI_VERSION, /* --version */
	CLI_ERROR,   /* bad usage: see error */
};

#define CLI_MAX_ENV_EDITS 256

struct cli_options {
	enum cli_action action;
	const char *root; /* --root DIR (default "/") */
	bool strace;	  /* --strace */
	bool trace;	  /* --trace */
	/* -E VAR=VAL sets, -U VAR unsets, applied in command-line order */
	const char *env_edits[CLI_MAX_ENV_EDITS];
	bool env_is_unset[CLI_MAX_ENV_EDITS];
	int n_env_edits;
	int prog_index; /* argv index of PROGRAM (CLI_RUN) */
	char error[256];
};

/* cli.c */
/*
 * Parses `wax [OPTIONS] [--] PROGRAM [ARGS...]`.  Options stop at the
 * first non-option word or after "--".  Fills o (pointers point into
 * argv) and returns o->action.
 */
enum cli_action cli_parse(int argc, char *const argv[], struct cli_options *o);
/* The usage text for --help. */
const char *cli_usage(void);
/*
 * Builds the guest environment: base (the host's environ) with o's -E/-U
 * edits applied in order; a -E of an existing VAR replaces it in place.
 * Returns a malloc'd NULL-terminated array (strings not copied, except
 * none: they point into base and argv), or NULL when out of memory.  Free
 * with free().
 */
char **cli_build_env(char *const base[], const struct cli_options *o);
/* The value of name in env, or NULL. */
const char *cli_getenv(char *const env[], const char *name);
/*
 * execvp's program search: a name containing '/' is used as is;
 * otherwise each directory of path (NULL or unset: "/usr/local/bin:
 * /usr/bin:/bin"; an empty entry is the current directory) is tried with
 * probe(candidate, ctx), which returns 0 for an executable regular file
 * or a negative LINUX_E*.  Writes the chosen path to out (len bytes).
 * Returns 0, -LINUX_EACCES when only non-executable candidates exist,
 * -LINUX_ENOENT when none exists, -LINUX_ENAMETOOLONG.
 */
int cli_find_program(const char *name, const char *path,
		     int (*probe)(const char *candidate, void *ctx), void *ctx,
		     char *out, size_t len);

#endif
