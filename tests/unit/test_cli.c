/*
 * Unit tests of the command line (frontend/cli.c): option parsing, the
 * guest environment and the execvp-style PATH search.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "cli.h"
#include "wax.h"

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])) - 1)

Test(cli, program_and_arguments_follow_the_options)
{
	char *argv[] = {"wax", "--strace", "--root", "/srv/root",
			"ls",  "-l",	   "--root", NULL};
	struct cli_options o;

	cr_assert_eq(cli_parse(ARGC(argv), argv, &o), CLI_RUN);
	cr_assert(o.strace);
	cr_assert_not(o.trace);
	cr_assert_str_eq(o.root, "/srv/root");
	cr_assert_eq(o.prog_index, 4);
}

Test(cli, root_defaults_to_slash)
{
	char *argv[] = {"wax", "/bin/true", NULL};
	struct cli_options o;

	cr_assert_eq(cli_parse(ARGC(argv), argv, &o), CLI_RUN);
	cr_assert_str_eq(o.root, "/");
	cr_assert_eq(o.prog_index, 1);
}

Test(cli, double_dash_ends_the_options)
{
	char *argv[] = {"wax", "--trace", "--", "--strace", NULL};
	struct cli_options o;

	cr_assert_eq(cli_parse(ARGC(argv), argv, &o), CLI_RUN);
	cr_assert(o.trace);
	cr_assert_not(o.strace);
	cr_assert_eq(o.prog_index, 3);
}

Test(cli, root_equals_form_is_accepted)
{
	char *argv[] = {"wax", "--root=/x", "prog", NULL};
	struct cli_options o;

	cr_assert_eq(cli_parse(ARGC(argv), argv, &o), CLI_RUN);
	cr_assert_str_eq(o.root, "/x");
}

Test(cli, help_and_version_are_recognised)
{
	char *h[] = {"wax", "--help", NULL};
	char *v[] = {"wax", "--version", "prog", NULL};
	struct cli_options o;

	cr_assert_eq(cli_parse(ARGC(h), h, &o), CLI_HELP);
	cr_assert_eq(cli_parse(ARGC(v), v, &o), CLI_VERSION);
	cr_assert(strstr(cli_usage(), "--root DIR"));
}

Test(cli, missing_program_and_unknown_option_are_errors)
{
	char *none[] = {"wax", "--strace", NULL};
	char *bad[] = {"wax", "--bogus", "prog", NULL};
	char *noroot[] = {"wax", "--root", NULL};
	char *badenv[] = {"wax", "-E", "NOEQUALS", "prog", NULL};
	struct cli_options o;

	cr_assert_eq(cli_parse(ARGC(none), none, &o), CLI_ERROR);
	cr_assert_eq(cli_parse(ARGC(bad), bad, &o), CLI_ERROR);
	cr_assert(strstr(o.error, "--bogus"));
	cr_assert_eq(cli_parse(ARGC(noroot), noroot, &o), CLI_ERROR);
	cr_assert_eq(cli_parse(ARGC(badenv), badenv, &o), CLI_ERROR);
}

Test(cli, env_edits_override_add_and_unset_in_order)
{
	char *argv[] = {"wax", "-E",   "HOME=/guest", "-ENEW=1",
			"-U",  "TERM", "-E",	      "TERM=dumb",
			"-U",  "GONE", "prog",	      NULL};
	char *host[] = {"PATH=/bin", "HOME=/root", "TERM=xterm", "GONE=x",
			NULL};
	struct cli_options o;
	char **env;

	cr_assert_eq(cli_parse(ARGC(argv), argv, &o), CLI_RUN);
	env = cli_build_env(host, &o);
	cr_assert_not_null(env);
	cr_assert_str_eq(env[0], "PATH=/bin");
	cr_assert_str_eq(env[1], "HOME=/guest"); /* replaced in place */
	cr_assert_str_eq(cli_getenv(env, "NEW"), "1");
	cr_assert_str_eq(cli_getenv(env, "TERM"), "dumb");
	cr_assert_null(cli_getenv(env, "GONE"));
	cr_assert_null(env[4]);
	free(env);
}

/* Fake guest file system: "/usr/bin/ls" executable, "/bin/ls" not. */
static int fake_probe(const char *path, void *ctx)
{
	int *calls = ctx;

	(*calls)++;
	if (strcmp(path, "/usr/bin/ls") == 0)
		return 0;
	if (strcmp(path, "/bin/ls") == 0 || strcmp(path, "/bin/cat") == 0)
		return -LINUX_EACCES;
	return -LINUX_ENOENT;
}

Test(cli, path_search_finds_the_first_executable)
{
	char out[256];
	int calls = 0;

	cr_assert_eq(cli_find_program("ls", "/bin:/usr/bin/:/sbin", fake_probe,
				      &calls, out, sizeof(out)),
		     0);
	cr_assert_str_eq(out, "/usr/bin/ls");
	cr_assert_eq(calls, 2);
}

Test(cli, path_search_reports_eacces_over_enoent)
{
	char out[256];
	int calls = 0;

	cr_assert_eq(cli_find_program("cat", "/sbin:/bin", fake_probe, &calls,
				      out, sizeof(out)),
		     -LINUX_EACCES);
	cr_assert_eq(cli_find_program("nope", NULL, fake_probe, &calls, out,
				      sizeof(out)),
		     -LINUX_ENOENT);
}

Test(cli, name_with_a_slash_is_not_searched)
{
	char out[256];
	int calls = 0;

	cr_assert_eq(cli_find_program("./prog", "/bin", fake_probe, &calls, out,
				      sizeof(out)),
		     0);
	cr_assert_str_eq(out, "./prog");
	cr_assert_eq(calls, 0);
}

Test(cli, empty_path_entry_means_current_directory)
{
	char out[256];
	int calls = 0;

	cr_assert_eq(cli_find_program("ls", ":/x", fake_probe, &calls, out,
				      sizeof(out)),
		     -LINUX_ENOENT);
	cr_assert_eq(calls, 2); /* "ls" then "/x/ls" */
}
