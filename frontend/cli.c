/*
 * Command-line parsing, guest environment construction and the execvp-
 * style program search for the wax front end.  Pure functions over their
 * arguments (the search probes files through a callback), so the unit
 * tests drive them directly.
 *
 * Layer: frontend/.  Called by main.c and tests/unit/test_cli.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "wax.h"

#define CLI_DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin"

const char *cli_usage(void)
{
	return "Usage: wax [OPTIONS] [--] PROGRAM [ARGS...]\n"
	       "Run an x86-64 Linux program.\n"
	       "\n"
	       "  --root DIR     host directory used as the guest's / "
	       "(default /)\n"
	       "  --strace       print each syscall on stderr, like strace\n"
	       "  --trace        print each executed instruction on stderr\n"
	       "  -E VAR=VALUE   set VAR in the guest environment\n"
	       "  -U VAR         remove VAR from the guest environment\n"
	       "  --help         show this help and exit\n"
	       "  --version      show the version and exit\n"
	       "\n"
	       "The guest environment is wax's own plus the -E/-U edits. "
	       "PROGRAM without a\n"
	       "slash is searched in the guest's PATH inside the root.  The "
	       "exit status is\n"
	       "the program's, or 128+N when signal N killed it; 127 when "
	       "PROGRAM does\n"
	       "not exist, 126 when it cannot be run, 125 for errors of wax "
	       "itself.\n";
}

static enum cli_action cli_fail(struct cli_options *o, const char *fmt,
				const char *arg)
{
	snprintf(o->error, sizeof(o->error), fmt, arg);
	o->action = CLI_ERROR;
	return CLI_ERROR;
}

static bool cli_add_env(struct cli_options *o, const char *s, bool unset)
{
	if (o->n_env_edits >= CLI_MAX_ENV_EDITS)
		return false;
	o->env_edits[o->n_env_edits] = s;
	o->env_is_unset[o->n_env_edits] = unset;
	o->n_env_edits++;
	return true;
}

/* The value of an option written "--opt VALUE", "--opt=VALUE" or, for
 * one-letter options, "-EVALUE"; NULL when missing. */
static const char *cli_value(int argc, char *const argv[], int *i,
			     const char *opt)
{
	const char *a = argv[*i];
	size_t n = strlen(opt);

	if (strncmp(a, opt, n) != 0)
		return NULL;
	if (a[n] == '=' && opt[1] == '-')
		return a + n + 1;
	if (a[n] != '\0')
		return opt[1] == '-' ? NULL : a + n;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

/* Whether argv word a is the option opt, in any of its spellings. */
static bool cli_is(const char *a, const char *opt)
{
	size_t n = strlen(opt);

	return strncmp(a, opt, n) == 0 &&
	       (a[n] == '\0' || (opt[1] == '-' && a[n] == '=') ||
		opt[1] != '-');
}

enum cli_action cli_parse(int argc, char *const argv[], struct cli_options *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->root = "/";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v;

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->action = CLI_HELP;
			return CLI_HELP;
		}
		if (strcmp(a, "--version") == 0) {
			o->action = CLI_VERSION;
			return CLI_VERSION;
		}
		if (strcmp(a, "--strace") == 0) {
			o->strace = true;
		} else if (strcmp(a, "--trace") == 0) {
			o->trace = true;
		} else if (cli_is(a, "--root")) {
			v = cli_value(argc, argv, &i, "--root");
			if (!v || !*v)
				return cli_fail(o, "%s needs a directory",
						"--root");
			o->root = v;
		} else if (cli_is(a, "-E")) {
			v = cli_value(argc, argv, &i, "-E");
			if (!v || !strchr(v, '=') || v[0] == '=')
				return cli_fail(o, "%s needs VAR=VALUE", "-E");
			if (!cli_add_env(o, v, false))
				return cli_fail(o, "too many %s options", "-E");
		} else if (cli_is(a, "-U")) {
			v = cli_value(argc, argv, &i, "-U");
			if (!v || !*v || strchr(v, '='))
				return cli_fail(o, "%s needs a VAR name", "-U");
			if (!cli_add_env(o, v, true))
				return cli_fail(o, "too many %s options", "-U");
		} else {
			return cli_fail(o, "unknown option '%s'", a);
		}
	}
	if (i >= argc)
		return cli_fail(o, "%s", "no PROGRAM given");
	o->prog_index = i;
	o->action = CLI_RUN;
	return CLI_RUN;
}

/* Length of the "VAR" part of "VAR=VALUE" (the whole string if no '='). */
static size_t env_name_len(const char *s)
{
	const char *eq = strchr(s, '=');

	return eq ? (size_t)(eq - s) : strlen(s);
}

static bool env_matches(const char *entry, const char *name, size_t n)
{
	return strncmp(entry, name, n) == 0 && entry[n] == '=';
}

char **cli_build_env(char *const base[], const struct cli_options *o)
{
	size_t nbase = 0, n = 0;
	char **env;

	while (base && base[nbase])
		nbase++;
	env = malloc((nbase + (size_t)o->n_env_edits + 1) * sizeof(*env));
	if (!env)
		return NULL;
	for (size_t i = 0; i < nbase; i++)
		env[n++] = base[i];
	for (int e = 0; e < o->n_env_edits; e++) {
		const char *edit = o->env_edits[e];
		size_t len = env_name_len(edit);
		bool done = false;

		for (size_t i = 0; i < n;) {
			if (!env_matches(env[i], edit, len)) {
				i++;
				continue;
			}
			if (!o->env_is_unset[e] && !done) {
				env[i++] = (char *)edit; /* replace in place */
				done = true;
				continue;
			}
			/* unset, or a duplicate of a replaced name */
			memmove(&env[i], &env[i + 1],
				(n - i - 1) * sizeof(*env));
			n--;
		}
		if (!o->env_is_unset[e] && !done)
			env[n++] = (char *)edit;
	}
	env[n] = NULL;
	return env;
}

const char *cli_getenv(char *const env[], const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; env && env[i]; i++)
		if (env_matches(env[i], name, n))
			return env[i] + n + 1;
	return NULL;
}

int cli_find_program(const char *name, const char *path,
		     int (*probe)(const char *candidate, void *ctx), void *ctx,
		     char *out, size_t len)
{
	int result = -LINUX_ENOENT;
	const char *p;

	if (!*name)
		return -LINUX_ENOENT;
	if (strchr(name, '/')) {
		if (strlen(name) >= len)
			return -LINUX_ENAMETOOLONG;
		strcpy(out, name);
		return 0;
	}
	if (!path)
		path = CLI_DEFAULT_PATH;
	for (p = path;; p++) {
		const char *end = strchr(p, ':');
		size_t dlen = end ? (size_t)(end - p) : strlen(p);
		int n, r;

		/* an empty PATH entry means the current directory */
		if (dlen == 0)
			n = snprintf(out, len, "%s", name);
		else
			n = snprintf(out, len, "%.*s%s%s", (int)dlen, p,
				     p[dlen - 1] == '/' ? "" : "/", name);
		if (n >= 0 && (size_t)n < len) {
			r = probe(out, ctx);
			if (r == 0)
				return 0;
			/* like execvp: remember EACCES, keep looking */
			if (r == -LINUX_EACCES)
				result = r;
		}
		if (!end)
			break;
		p = end;
	}
	return result;
}
