/*
 * Unit tests of the VFS operations (fs/vfs_path.c, file.c, fdtable.c,
 * pipe.c, devfs.c, procfs.c) over a temporary host directory: open
 * flags, directory listing, rename, unlink of an open file, pipes,
 * /dev devices, /proc/self/maps and /proc/self/fd, fd allocation.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"

static char root[64];
static struct fs_context *fs;
static struct fdtable *fds;
static struct mm *test_mm;

static int hook_pid(void)
{
	return 42;
}

static struct fdtable *hook_fds(void)
{
	return fds;
}

static struct mm *hook_mm(void)
{
	return test_mm;
}

static const char *hook_exe(void)
{
	return "/bin/prog";
}

static const struct procfs_hooks hooks = {
	.pid = hook_pid,
	.tid = hook_pid,
	.ppid = hook_pid,
	.mm = hook_mm,
	.exe = hook_exe,
	.fds = hook_fds,
};

static void setup(void)
{
	strcpy(root, "/tmp/wax_vfs_XXXXXX");
	cr_assert_not_null(mkdtemp(root));
	cr_assert_eq(vfs_init(root), 0);
	fs = fs_context_create();
	fds = fdtable_create();
	cr_assert(fs && fds);
	procfs_set_hooks(&hooks);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	if (system(cmd) != 0)
		cr_log_warn("cleanup of %s failed", root);
}

TestSuite(vfs, .init = setup, .fini = teardown);

static struct file *open_ok(const char *path, int flags, int mode)
{
	struct file *f = NULL;
	int err = vfs_open(fs, path, flags, mode, &f);

	cr_assert_eq(err, 0, "open %s: %d", path, err);
	return f;
}

static void write_all(struct file *f, const char *s)
{
	cr_assert_eq(vfs_write(f, s, strlen(s)), (int64_t)strlen(s));
}

static char *read_all(const char *path)
{
	static char buf[8192];
	struct file *f = open_ok(path, LINUX_O_RDONLY, 0);
	int64_t n, total = 0;

	while ((n = vfs_read(f, buf + total, sizeof(buf) - 1 - (size_t)total)) >
	       0)
		total += n;
	cr_assert_geq(n, 0);
	buf[total] = '\0';
	file_put(f);
	return buf;
}

Test(vfs, o_creat_o_excl_fails_with_eexist_when_the_file_exists)
{
	struct file *f = open_ok(
		"/x", LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_WRONLY, 0644);
	struct file *g;

	file_put(f);
	cr_assert_eq(vfs_open(fs, "/x",
			      LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_WRONLY,
			      0644, &g),
		     -LINUX_EEXIST);
}

Test(vfs, o_creat_applies_the_umask)
{
	struct kstat st;

	fs_context_umask(fs, 027);
	file_put(open_ok("/m", LINUX_O_CREAT | LINUX_O_WRONLY, 0777));
	cr_assert_eq(vfs_stat(fs, NULL, "/m", 0, &st), 0);
	cr_assert_eq(st.mode & 0777, 0750);
	cr_assert_eq(st.mode & LINUX_S_IFMT, LINUX_S_IFREG);
}

Test(vfs, o_creat_of_a_read_only_mode_still_returns_a_writable_file)
{
	struct file *f = open_ok("/ro", LINUX_O_CREAT | LINUX_O_RDWR, 0444);

	write_all(f, "ok");
	file_put(f);
	cr_assert_str_eq(read_all("/ro"), "ok");
}

Test(vfs, o_trunc_empties_an_existing_file)
{
	struct file *f = open_ok("/t", LINUX_O_CREAT | LINUX_O_WRONLY, 0644);
	struct kstat st;

	write_all(f, "hello world");
	file_put(f);
	f = open_ok("/t", LINUX_O_WRONLY | LINUX_O_TRUNC, 0);
	cr_assert_eq(vfs_fstat(f, &st), 0);
	cr_assert_eq(st.size, 0);
	file_put(f);
}

Test(vfs, o_append_writes_at_the_end_whatever_the_position)
{
	struct file *f = open_ok("/ap", LINUX_O_CREAT | LINUX_O_WRONLY, 0644);

	write_all(f, "abc");
	file_put(f);
	f = open_ok("/ap", LINUX_O_WRONLY | LINUX_O_APPEND, 0);
	cr_assert_eq(vfs_lseek(f, 0, LINUX_SEEK_SET), 0);
	write_all(f, "def");
	file_put(f);
	cr_assert_str_eq(read_all("/ap"), "abcdef");
}

Test(vfs, o_directory_on_a_regular_file_is_enotdir)
{
	struct file *f;

	file_put(open_ok("/reg", LINUX_O_CREAT | LINUX_O_WRONLY, 0644));
	cr_assert_eq(
		vfs_open(fs, "/reg", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0, &f),
		-LINUX_ENOTDIR);
	f = open_ok("/", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
	file_put(f);
}

Test(vfs, opening_a_directory_for_writing_is_eisdir)
{
	struct file *f;

	cr_assert_eq(vfs_open(fs, "/", LINUX_O_WRONLY, 0, &f), -LINUX_EISDIR);
	cr_assert_eq(vfs_open(fs, "/newdir/", LINUX_O_CREAT | LINUX_O_WRONLY,
			      0644, &f),
		     -LINUX_EISDIR);
}

Test(vfs, o_nofollow_on_a_symlink_is_eloop)
{
	struct file *f;

	cr_assert_eq(vfs_symlink(fs, "/target", NULL, "/lnk"), 0);
	cr_assert_eq(
		vfs_open(fs, "/lnk", LINUX_O_RDONLY | LINUX_O_NOFOLLOW, 0, &f),
		-LINUX_ELOOP);
	f = open_ok("/lnk", LINUX_O_PATH | LINUX_O_NOFOLLOW, 0);
	cr_assert(inode_is_lnk(f->inode));
	cr_assert_eq(vfs_read(f, (char[4]){0}, 4), -LINUX_EBADF);
	file_put(f);
}

Test(vfs, reading_a_directory_is_eisdir)
{
	struct file *f = open_ok("/", LINUX_O_RDONLY, 0);
	char c;

	cr_assert_eq(vfs_read(f, &c, 1), -LINUX_EISDIR);
	file_put(f);
}

Test(vfs, writing_a_read_only_file_is_ebadf)
{
	struct file *f = open_ok("/r", LINUX_O_CREAT | LINUX_O_RDONLY, 0644);

	cr_assert_eq(vfs_write(f, "x", 1), -LINUX_EBADF);
	file_put(f);
}

struct names {
	struct dir_context ctx;
	char seen[1024];
	int n;
};

static bool collect(struct dir_context *ctx, const char *name, size_t len,
		    uint64_t ino, unsigned dtype)
{
	struct names *nm = container_of(ctx, struct names, ctx);

	strncat(nm->seen, name, len);
	strcat(nm->seen, dtype == LINUX_DT_DIR ? "/ " : " ");
	nm->n++;
	return true;
}

Test(vfs, getdents_lists_every_entry_once_with_its_type)
{
	struct names nm = {.ctx.emit = collect};
	struct file *f;

	cr_assert_eq(vfs_mkdir(fs, NULL, "/d", 0755), 0);
	cr_assert_eq(vfs_mkdir(fs, NULL, "/d/sub", 0755), 0);
	file_put(open_ok("/d/f1", LINUX_O_CREAT | LINUX_O_WRONLY, 0644));
	f = open_ok("/d", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
	cr_assert_eq(vfs_iterate(f, &nm.ctx), 0);
	cr_assert_eq(nm.n, 4, "%s", nm.seen);
	cr_assert_not_null(strstr(nm.seen, "sub/ "));
	cr_assert_not_null(strstr(nm.seen, "f1 "));
	cr_assert_not_null(strstr(nm.seen, "./ "));
	/* at the end: nothing more */
	nm.n = 0;
	cr_assert_eq(vfs_iterate(f, &nm.ctx), 0);
	cr_assert_eq(nm.n, 0);
	/* rewinding lists them again */
	cr_assert_eq(vfs_lseek(f, 0, LINUX_SEEK_SET), 0);
	cr_assert_eq(vfs_iterate(f, &nm.ctx), 0);
	cr_assert_eq(nm.n, 4);
	file_put(f);
}

Test(vfs, mkdir_of_an_existing_name_is_eexist)
{
	cr_assert_eq(vfs_mkdir(fs, NULL, "/dd", 0755), 0);
	cr_assert_eq(vfs_mkdir(fs, NULL, "/dd", 0755), -LINUX_EEXIST);
	cr_assert_eq(vfs_mkdir(fs, NULL, "/", 0755), -LINUX_EEXIST);
	cr_assert_eq(vfs_mkdir(fs, NULL, "/dd/.", 0755), -LINUX_EEXIST);
}

Test(vfs, rmdir_answers_like_linux_for_special_names)
{
	cr_assert_eq(vfs_mkdir(fs, NULL, "/e", 0755), 0);
	file_put(open_ok("/e/f", LINUX_O_CREAT | LINUX_O_WRONLY, 0644));
	cr_assert_eq(vfs_rmdir(fs, NULL, "/e"), -LINUX_ENOTEMPTY);
	cr_assert_eq(vfs_rmdir(fs, NULL, "/e/f"), -LINUX_ENOTDIR);
	cr_assert_eq(vfs_rmdir(fs, NULL, "/e/."), -LINUX_EINVAL);
	cr_assert_eq(vfs_rmdir(fs, NULL, "/dev"), -LINUX_EBUSY);
	cr_assert_eq(vfs_unlink(fs, NULL, "/e"), -LINUX_EISDIR);
	cr_assert_eq(vfs_unlink(fs, NULL, "/e/f"), 0);
	cr_assert_eq(vfs_rmdir(fs, NULL, "/e"), 0);
}

Test(vfs, rename_moves_and_replaces_files)
{
	struct file *f = open_ok("/src", LINUX_O_CREAT | LINUX_O_WRONLY, 0644);
	struct kstat st;

	write_all(f, "data");
	file_put(f);
	file_put(open_ok("/dst", LINUX_O_CREAT | LINUX_O_WRONLY, 0644));
	cr_assert_eq(vfs_rename(fs, NULL, "/src", NULL, "/dst",
				LINUX_RENAME_NOREPLACE),
		     -LINUX_EEXIST);
	cr_assert_eq(vfs_rename(fs, NULL, "/src", NULL, "/dst", 0), 0);
	cr_assert_eq(vfs_stat(fs, NULL, "/src", 0, &st), -LINUX_ENOENT);
	cr_assert_str_eq(read_all("/dst"), "data");
}

Test(vfs, rename_of_a_directory_into_itself_is_einval)
{
	cr_assert_eq(vfs_mkdir(fs, NULL, "/p", 0755), 0);
	cr_assert_eq(vfs_rename(fs, NULL, "/p", NULL, "/p/q", 0),
		     -LINUX_EINVAL);
}

Test(vfs, rename_across_filesystems_is_exdev)
{
	file_put(open_ok("/xf", LINUX_O_CREAT | LINUX_O_WRONLY, 0644));
	cr_assert_eq(vfs_rename(fs, NULL, "/xf", NULL, "/dev/xf", 0),
		     -LINUX_EXDEV);
}

Test(vfs, unlinked_open_file_stays_readable)
{
	struct file *f = open_ok("/u", LINUX_O_CREAT | LINUX_O_RDWR, 0644);
	char buf[8] = {0};
	struct kstat st;

	write_all(f, "still");
	cr_assert_eq(vfs_unlink(fs, NULL, "/u"), 0);
	cr_assert_eq(vfs_stat(fs, NULL, "/u", 0, &st), -LINUX_ENOENT);
	cr_assert_eq(vfs_pread(f, buf, 5, 0), 5);
	cr_assert_str_eq(buf, "still");
	file_put(f);
}

Test(vfs, pipe_carries_bytes_in_order_and_reports_eof)
{
	struct file *rd, *wr;
	char buf[16] = {0};

	cr_assert_eq(pipe_create(0, &rd, &wr), 0);
	cr_assert_eq(vfs_write(wr, "abc", 3), 3);
	cr_assert_eq(vfs_write(wr, "def", 3), 3);
	cr_assert_eq(vfs_nread(rd), 6);
	cr_assert_eq(vfs_read(rd, buf, 4), 4);
	cr_assert_str_eq(buf, "abcd");
	cr_assert_eq(vfs_pread(rd, buf, 1, 0), -LINUX_ESPIPE);
	cr_assert_eq(vfs_lseek(rd, 0, LINUX_SEEK_SET), -LINUX_ESPIPE);
	file_put(wr);
	cr_assert_eq(vfs_read(rd, buf, 16), 2);
	cr_assert_eq(vfs_read(rd, buf, 16), 0); /* no writers: EOF */
	file_put(rd);
}

Test(vfs, nonblocking_pipe_says_eagain_when_empty_or_full)
{
	struct file *rd, *wr;
	static char big[PIPE_CAPACITY + 100];
	char c;

	cr_assert_eq(pipe_create(LINUX_O_NONBLOCK, &rd, &wr), 0);
	cr_assert_eq(vfs_read(rd, &c, 1), -LINUX_EAGAIN);
	cr_assert_eq(vfs_write(wr, big, sizeof(big)), PIPE_CAPACITY);
	cr_assert_eq(vfs_write(wr, "x", 1), -LINUX_EAGAIN);
	file_put(rd);
	file_put(wr);
}

Test(vfs, writing_a_pipe_without_readers_is_epipe)
{
	struct file *rd, *wr;

	cr_assert_eq(pipe_create(0, &rd, &wr), 0);
	file_put(rd);
	cr_assert_eq(vfs_write(wr, "x", 1), -LINUX_EPIPE);
	file_put(wr);
}

Test(vfs, pipe_is_a_fifo_in_fstat)
{
	struct file *rd, *wr;
	struct kstat st;

	cr_assert_eq(pipe_create(0, &rd, &wr), 0);
	cr_assert_eq(vfs_fstat(rd, &st), 0);
	cr_assert_eq(st.mode & LINUX_S_IFMT, LINUX_S_IFIFO);
	cr_assert_eq(strncmp(file_path(rd), "pipe:[", 6), 0);
	file_put(rd);
	file_put(wr);
}

Test(vfs, dev_null_zero_full_behave_like_linux)
{
	struct file *f;
	char buf[4] = {1, 1, 1, 1};

	f = open_ok("/dev/null", LINUX_O_RDWR, 0);
	cr_assert_eq(vfs_read(f, buf, 4), 0);
	cr_assert_eq(vfs_write(f, "abc", 3), 3);
	file_put(f);
	f = open_ok("/dev/zero", LINUX_O_RDONLY, 0);
	cr_assert_eq(vfs_read(f, buf, 4), 4);
	cr_assert_eq(memcmp(buf, "\0\0\0\0", 4), 0);
	file_put(f);
	f = open_ok("/dev/full", LINUX_O_WRONLY, 0);
	cr_assert_eq(vfs_write(f, "a", 1), -LINUX_ENOSPC);
	file_put(f);
}

Test(vfs, dev_urandom_fills_the_buffer)
{
	struct file *f = open_ok("/dev/urandom", LINUX_O_RDONLY, 0);
	uint8_t a[64] = {0}, zero[64] = {0};

	cr_assert_eq(vfs_read(f, a, sizeof(a)), 64);
	cr_assert_neq(memcmp(a, zero, 64), 0);
	file_put(f);
}

Test(vfs, proc_self_links_to_the_pid_and_exe)
{
	char buf[64] = {0};

	cr_assert_eq(vfs_readlink(fs, NULL, "/proc/self", buf, sizeof(buf)), 2);
	cr_assert_str_eq(buf, "42");
	memset(buf, 0, sizeof(buf));
	cr_assert_eq(vfs_readlink(fs, NULL, "/proc/self/exe", buf, sizeof(buf)),
		     9);
	cr_assert_str_eq(buf, "/bin/prog");
}

Test(vfs, proc_self_fd_shows_paths_and_reopens_the_same_pipe)
{
	struct file *rd, *wr, *again;
	char buf[64] = {0};
	int fd;

	cr_assert_eq(pipe_create(0, &rd, &wr), 0);
	cr_assert_eq(fdtable_install(fds, rd, 0, false), 0);
	fd = fdtable_install(fds, wr, 0, false);
	cr_assert_eq(fd, 1);
	snprintf(buf, sizeof(buf), "pipe:[%llu]",
		 (unsigned long long)rd->inode->ino);
	char link[64] = {0};

	cr_assert_gt(
		vfs_readlink(fs, NULL, "/proc/self/fd/1", link, sizeof(link)),
		0);
	cr_assert_str_eq(link, buf);
	/* opening the magic link for writing gives the same pipe */
	again = open_ok("/proc/self/fd/1", LINUX_O_WRONLY, 0);
	cr_assert_eq(again->inode, rd->inode);
	cr_assert_str_eq(file_path(again), buf);
	cr_assert_eq(vfs_write(again, "hi", 2), 2);
	cr_assert_eq(vfs_read(rd, buf, 2), 2);
	cr_assert_eq(memcmp(buf, "hi", 2), 0);
	file_put(again);
	file_put(rd);
	file_put(wr);
}

Test(vfs, proc_self_fd_lists_open_fds)
{
	struct names nm = {.ctx.emit = collect};
	struct file *f = open_ok("/", LINUX_O_RDONLY, 0);
	struct file *d;

	cr_assert_eq(fdtable_install(fds, f, 0, false), 0);
	cr_assert_eq(fdtable_install(fds, f, 5, false), 5);
	file_put(f);
	d = open_ok("/proc/self/fd", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
	cr_assert_eq(vfs_iterate(d, &nm.ctx), 0);
	cr_assert_str_eq(nm.seen, "./ ../ 0 5 ");
	file_put(d);
}

Test(vfs, proc_self_maps_uses_linux_format)
{
	char *maps;

	test_mm = mm_create();
	cr_assert_not_null(test_mm);
	cr_assert_eq(mm_map(test_mm, 0x400000, 0x1000, MEM_READ | MEM_EXEC,
			    MM_FIXED),
		     0x400000);
	mm_set_name(test_mm, 0x400000, 0x1000, "/bin/prog", 0x2000,
		    linux_makedev(8, 1), 1234);
	cr_assert_eq(mm_map(test_mm, 0x10000000, 0x2000, MEM_READ | MEM_WRITE,
			    MM_FIXED),
		     0x10000000);
	maps = read_all("/proc/self/maps");
	/* like Linux's seq_pad: the name starts at column 73 */
	cr_assert_eq(strncmp(maps,
			     "00400000-00401000 r-xp 00002000 08:01 1234 ", 43),
		     0, "%s", maps);
	for (int i = 43; i < 73; i++)
		cr_assert_eq(maps[i], ' ', "column %d of %s", i, maps);
	cr_assert_str_eq(maps + 73,
			 "/bin/prog\n"
			 "10000000-10002000 rw-p 00000000 00:00 0 \n");
}

Test(vfs, proc_cpuinfo_has_a_flags_line)
{
	char *s = read_all("/proc/cpuinfo");

	cr_assert_not_null(strstr(s, "\nflags\t\t:"));
	cr_assert_not_null(strstr(s, "processor\t: 0\n"));
}

Test(vfs, fdtable_allocates_the_lowest_free_fd)
{
	struct file *f = open_ok("/", LINUX_O_RDONLY, 0);

	cr_assert_eq(fdtable_install(fds, f, 0, false), 0);
	cr_assert_eq(fdtable_install(fds, f, 0, false), 1);
	cr_assert_eq(fdtable_install(fds, f, 0, false), 2);
	cr_assert_eq(fdtable_close(fds, 1), 0);
	cr_assert_eq(fdtable_close(fds, 1), -LINUX_EBADF);
	cr_assert_eq(fdtable_install(fds, f, 0, false), 1);
	cr_assert_eq(fdtable_install(fds, f, 10, false), 10);
	cr_assert_eq(fdtable_install(fds, f, 0, false), 3);
	file_put(f);
}

Test(vfs, fdtable_close_on_exec_closes_only_cloexec_fds)
{
	struct file *f = open_ok("/", LINUX_O_RDONLY, 0), *g;

	cr_assert_eq(fdtable_install(fds, f, 0, true), 0);
	cr_assert_eq(fdtable_install(fds, f, 0, false), 1);
	cr_assert_eq(fdtable_get_cloexec(fds, 0), 1);
	cr_assert_eq(fdtable_set_cloexec(fds, 1, false), 0);
	fdtable_close_on_exec(fds);
	cr_assert_null(fdtable_get(fds, 0));
	g = fdtable_get(fds, 1);
	cr_assert_eq(g, f);
	file_put(g);
	file_put(f);
}

Test(vfs, fdtable_install_at_replaces_the_old_file)
{
	struct file *a = open_ok("/", LINUX_O_RDONLY, 0);
	struct file *b = open_ok("/dev/null", LINUX_O_RDONLY, 0), *g;

	cr_assert_eq(fdtable_install_at(fds, a, 7, false), 7);
	cr_assert_eq(fdtable_install_at(fds, b, 7, true), 7);
	g = fdtable_get(fds, 7);
	cr_assert_eq(g, b);
	cr_assert_eq(fdtable_get_cloexec(fds, 7), 1);
	file_put(g);
	file_put(a);
	file_put(b);
}

Test(vfs, chdir_changes_where_relative_paths_start)
{
	struct kstat st;

	cr_assert_eq(vfs_mkdir(fs, NULL, "/w", 0755), 0);
	cr_assert_eq(vfs_chdir(fs, NULL, "/w"), 0);
	cr_assert_str_eq(fs_context_cwd(fs), "/w");
	file_put(open_ok("rel", LINUX_O_CREAT | LINUX_O_WRONLY, 0644));
	cr_assert_eq(vfs_stat(fs, NULL, "/w/rel", 0, &st), 0);
	cr_assert_eq(vfs_chdir(fs, NULL, "/w/rel"), -LINUX_ENOTDIR);
}

Test(vfs, truncate_and_ftruncate_set_the_size)
{
	struct file *f = open_ok("/tr", LINUX_O_CREAT | LINUX_O_RDWR, 0644);
	struct kstat st;
	struct iattr ia = {.valid = ATTR_SIZE, .size = 100};

	cr_assert_eq(vfs_ftruncate(f, 10), 0);
	cr_assert_eq(vfs_fstat(f, &st), 0);
	cr_assert_eq(st.size, 10);
	cr_assert_eq(vfs_path_setattr(fs, NULL, "/tr", 0, &ia), 0);
	cr_assert_eq(vfs_fstat(f, &st), 0);
	cr_assert_eq(st.size, 100);
	cr_assert_eq(vfs_lseek(f, 0, LINUX_SEEK_END), 100);
	file_put(f);
}
