/*
 * Unit tests of the VFS path walk (fs/namei.c) over a temporary host
 * tree: ".", "..", symlinks (relative, absolute, loops, the 40-link
 * limit), escape attempts out of the guest root, trailing slashes,
 * ENOTDIR, ENAMETOOLONG and mount crossing into /dev and /proc.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"

static char top[64];   /* outside the guest root */
static char root[128]; /* the guest root */
static struct fs_context *fs;

static void host_path(char *buf, size_t n, const char *rel)
{
	snprintf(buf, n, "%s/%s", root, rel);
}

static void mkfile(const char *rel, const char *content)
{
	char p[512];
	FILE *f;

	host_path(p, sizeof(p), rel);
	f = fopen(p, "w");
	cr_assert_not_null(f, "fopen %s", p);
	fputs(content, f);
	fclose(f);
}

static void mklink(const char *rel, const char *target)
{
	char p[512];

	host_path(p, sizeof(p), rel);
	cr_assert_eq(symlink(target, p), 0, "symlink %s", p);
}

static void mkd(const char *rel)
{
	char p[512];

	host_path(p, sizeof(p), rel);
	cr_assert_eq(mkdir(p, 0755), 0, "mkdir %s", p);
}

static void setup(void)
{
	char p[512];

	strcpy(top, "/tmp/wax_path_XXXXXX");
	cr_assert_not_null(mkdtemp(top));
	snprintf(root, sizeof(root), "%s/root", top);
	cr_assert_eq(mkdir(root, 0755), 0);
	snprintf(p, sizeof(p), "%s/secret", top);
	FILE *f = fopen(p, "w");
	fputs("outside", f);
	fclose(f);
	mkd("a");
	mkd("a/b");
	mkfile("a/b/file", "hello");
	mklink("abs", "/a/b");
	mklink("rel", "a/b");
	mklink("up", "../../../../secret");
	mklink("upabs", "/../../secret");
	mklink("hostabs", p); /* the host's absolute path of secret */
	mklink("loop1", "loop2");
	mklink("loop2", "loop1");
	mklink("dangle", "a/newfile");
	mklink("a/b/parent", "..");
	/* s1 -> s2 -> ... -> s40 -> a/b/file: exactly 40 links */
	for (int i = 1; i <= 40; i++) {
		char name[16], target[16];

		snprintf(name, sizeof(name), "s%d", i);
		if (i < 40)
			snprintf(target, sizeof(target), "s%d", i + 1);
		else
			snprintf(target, sizeof(target), "a/b/file");
		mklink(name, target);
	}
	mklink("s0", "s1");
	cr_assert_eq(vfs_init(root), 0);
	fs = fs_context_create();
	cr_assert_not_null(fs);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", top);
	if (system(cmd) != 0)
		cr_log_warn("cleanup of %s failed", top);
}

TestSuite(path, .init = setup, .fini = teardown);

static int walk(const char *path, unsigned flags, struct walk_result *res)
{
	return vfs_walk(fs, NULL, path, flags, res);
}

static void expect_path(const char *path, unsigned flags, const char *canon)
{
	struct walk_result res;
	int err = walk(path, flags, &res);

	cr_assert_eq(err, 0, "walk %s: %d", path, err);
	cr_assert_str_eq(res.path, canon, "walk %s", path);
	walk_result_put(&res);
}

static void expect_err(const char *path, unsigned flags, int want)
{
	struct walk_result res;
	int err = walk(path, flags, &res);

	cr_assert_eq(err, want, "walk %s: got %d want %d", path, err, want);
}

Test(path, plain_absolute_path_resolves_to_its_canonical_form)
{
	expect_path("/a/b/file", 0, "/a/b/file");
	expect_path("//a///b//file", 0, "/a/b/file");
	expect_path("/", 0, "/");
}

Test(path, dot_and_dotdot_are_resolved_by_the_walk)
{
	expect_path("/a/./b/../b/./file", 0, "/a/b/file");
	expect_path("/a/b/..", 0, "/a");
	expect_path("/a/b/../..", 0, "/");
}

Test(path, dotdot_at_the_root_stays_at_the_root)
{
	expect_path("/..", 0, "/");
	expect_path("/../../../a", 0, "/a");
	expect_err("/../secret", 0, -LINUX_ENOENT);
	expect_err("/a/../../../../secret", 0, -LINUX_ENOENT);
}

Test(path, relative_symlink_pointing_outside_stays_inside)
{
	expect_err("/up", 0, -LINUX_ENOENT);
	expect_err("/upabs", 0, -LINUX_ENOENT);
}

Test(path, absolute_symlink_restarts_at_the_guest_root)
{
	expect_path("/abs/file", 0, "/a/b/file");
	/* the host's own absolute path means nothing inside the guest */
	expect_err("/hostabs", 0, -LINUX_ENOENT);
}

Test(path, relative_symlink_is_resolved_from_its_directory)
{
	expect_path("/rel/file", 0, "/a/b/file");
	expect_path("/a/b/parent/b/file", 0, "/a/b/file");
}

Test(path, nofollow_returns_the_symlink_itself)
{
	struct walk_result res;

	cr_assert_eq(walk("/abs", WALK_NOFOLLOW, &res), 0);
	cr_assert(inode_is_lnk(res.inode));
	cr_assert_str_eq(res.path, "/abs");
	walk_result_put(&res);
}

Test(path, trailing_slash_follows_a_final_symlink_even_with_nofollow)
{
	struct walk_result res;

	cr_assert_eq(walk("/abs/", WALK_NOFOLLOW, &res), 0);
	cr_assert(inode_is_dir(res.inode));
	cr_assert_str_eq(res.path, "/a/b");
	walk_result_put(&res);
}

Test(path, symlink_loop_returns_eloop)
{
	expect_err("/loop1", 0, -LINUX_ELOOP);
	expect_err("/loop1/x", 0, -LINUX_ELOOP);
}

Test(path, forty_links_are_followed_and_the_forty_first_is_eloop)
{
	expect_path("/s1", 0, "/a/b/file");
	expect_err("/s0", 0, -LINUX_ELOOP);
}

Test(path, trailing_slash_on_a_regular_file_is_enotdir)
{
	expect_err("/a/b/file/", 0, -LINUX_ENOTDIR);
}

Test(path, component_through_a_regular_file_is_enotdir)
{
	expect_err("/a/b/file/x", 0, -LINUX_ENOTDIR);
	expect_err("/a/b/file/..", 0, -LINUX_ENOTDIR);
}

Test(path, missing_component_is_enoent)
{
	expect_err("/a/missing", 0, -LINUX_ENOENT);
	expect_err("/a/missing/file", WALK_PARENT, -LINUX_ENOENT);
	expect_err("", 0, -LINUX_ENOENT);
}

Test(path, component_longer_than_name_max_is_enametoolong)
{
	char p[300] = "/";

	memset(p + 1, 'x', 256);
	p[257] = '\0';
	expect_err(p, 0, -LINUX_ENAMETOOLONG);
}

Test(path, path_longer_than_path_max_is_enametoolong)
{
	char *p = malloc(5000);

	for (int i = 0; i < 4998; i += 2)
		memcpy(p + i, "/.", 2);
	p[4998] = '\0';
	expect_err(p, 0, -LINUX_ENAMETOOLONG);
	free(p);
}

Test(path, parent_walk_of_missing_last_component_gives_parent_and_name)
{
	struct walk_result res;

	cr_assert_eq(walk("/a/b/newname", WALK_PARENT, &res), 0);
	cr_assert_null(res.inode);
	cr_assert(inode_is_dir(res.parent));
	cr_assert_str_eq(res.name, "newname");
	cr_assert_str_eq(res.path, "/a/b/newname");
	walk_result_put(&res);
}

Test(path, dangling_symlink_parent_walk_lands_in_the_target_directory)
{
	struct walk_result res;

	cr_assert_eq(walk("/dangle", WALK_PARENT, &res), 0);
	cr_assert_null(res.inode);
	cr_assert_str_eq(res.name, "newfile");
	cr_assert_str_eq(res.path, "/a/newfile");
	walk_result_put(&res);
}

Test(path, relative_path_starts_at_the_given_directory)
{
	struct walk_result res;

	cr_assert_eq(vfs_walk(fs, "/a", "b/file", 0, &res), 0);
	cr_assert_str_eq(res.path, "/a/b/file");
	walk_result_put(&res);
	cr_assert_eq(fs_context_chdir(fs, "/a/b"), 0);
	expect_path("file", 0, "/a/b/file");
	expect_path("../../..", 0, "/");
}

Test(path, empty_path_flag_means_the_start_directory)
{
	struct walk_result res;

	cr_assert_eq(vfs_walk(fs, "/a/b", "", WALK_EMPTY_PATH, &res), 0);
	cr_assert_str_eq(res.path, "/a/b");
	walk_result_put(&res);
}

Test(path, walk_crosses_into_devfs_and_back_out)
{
	struct walk_result res;
	struct kstat st;

	cr_assert_eq(walk("/dev/null", 0, &res), 0);
	cr_assert_eq(res.inode->mode & LINUX_S_IFMT, LINUX_S_IFCHR);
	cr_assert_eq(vfs_getattr(res.inode, &st), 0);
	cr_assert_eq(st.rdev, linux_makedev(1, 3));
	walk_result_put(&res);
	expect_path("/dev/../a", 0, "/a");
	expect_path("/proc/../dev/./zero", 0, "/dev/zero");
}

Test(path, devfs_symlink_into_procfs_resolves_across_mounts)
{
	struct walk_result res;

	cr_assert_eq(walk("/dev/fd", WALK_NOFOLLOW, &res), 0);
	cr_assert(inode_is_lnk(res.inode));
	walk_result_put(&res);
	/* /dev/fd -> /proc/self/fd -> /proc/1/fd (default hooks: pid 1) */
	expect_path("/dev/fd", 0, "/proc/1/fd");
}

Test(path, directory_flag_rejects_a_regular_file)
{
	expect_err("/a/b/file", WALK_DIRECTORY, -LINUX_ENOTDIR);
	expect_path("/a/b", WALK_DIRECTORY, "/a/b");
}
