/*
 * procfs: the guest's /proc.  /proc/self -> <pid>, and /proc/<pid>/ for
 * the calling process only (exe, cwd, fd/, maps, cmdline, environ, stat,
 * status, comm, mounts), plus cpuinfo, meminfo, filesystems, mounts,
 * uptime and sys/kernel/{osrelease,hostname}.  The calling process is
 * reached through the hooks syscalls/ installs (fs/ never includes
 * syscalls/).  /proc/<pid>/fd/N are "magic" links: opening one re-opens
 * the very file (pipe, console, ...), not the path it shows.
 *
 * Layer: fs/ (synthetic filesystem over pseudo.c).  Callers: mount.c;
 * syscalls/ (procfs_set_hooks); console.c (procfs_current_pid).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo.h"

static int default_pid(void)
{
	return 1;
}

static const struct procfs_hooks default_hooks = {
	.pid = default_pid,
	.tid = default_pid,
	.ppid = default_pid,
};
static const struct procfs_hooks *hooks = &default_hooks;

void procfs_set_hooks(const struct procfs_hooks *h)
{
	hooks = h ? h : &default_hooks;
}

const struct procfs_hooks *procfs_hooks(void)
{
	return hooks;
}

int procfs_current_pid(void)
{
	return hooks->pid ? hooks->pid() : 1;
}

static bool parse_num(const char *s, long *out)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1]))
		return false;
	v = strtol(s, &end, 10);
	if (*end || v < 0 || v > 0x7fffffff)
		return false;
	*out = v;
	return true;
}

/* ---- /proc/<pid>/fd ---- */

static struct fdtable *cur_fds(void)
{
	return hooks->fds ? hooks->fds() : NULL;
}

static int fd_readlink(struct pseudo_inode *pi, char *buf, size_t len)
{
	struct fdtable *ft = cur_fds();
	struct file *f = ft ? fdtable_get(ft, (int)pi->arg) : NULL;
	int n;

	if (!f)
		return -LINUX_ENOENT;
	n = pseudo_readlink_str(file_path(f), buf, len);
	file_put(f);
	return n;
}

static int fd_get_link(struct pseudo_inode *pi, struct inode **out, char **path)
{
	struct fdtable *ft = cur_fds();
	struct file *f = ft ? fdtable_get(ft, (int)pi->arg) : NULL;

	if (!f)
		return -LINUX_ENOENT;
	*path = strdup(file_path(f));
	if (!*path) {
		file_put(f);
		return -LINUX_ENOMEM;
	}
	*out = inode_get(f->inode);
	file_put(f);
	return 0;
}

static const struct pseudo_node fd_link_node = {
	.name = "",
	.mode = LINUX_S_IFLNK | 0700,
	.ino = 0x8000,
	.readlink = fd_readlink,
	.get_link = fd_get_link,
};

static int fd_lookup(struct pseudo_inode *dir, const char *name,
		     struct inode **out)
{
	struct fdtable *ft = cur_fds();
	struct file *f;
	long fd;

	if (!ft || !parse_num(name, &fd))
		return -LINUX_ENOENT;
	f = fdtable_get(ft, (int)fd);
	if (!f)
		return -LINUX_ENOENT;
	file_put(f);
	*out = pseudo_inode_new(dir->inode.sb, &fd_link_node, fd);
	return *out ? 0 : -LINUX_ENOMEM;
}

struct nth_fd {
	int64_t want, seen;
	int fd;
};

static void nth_fd_fn(void *ctx, int fd, struct file *f)
{
	struct nth_fd *n = ctx;

	if (n->seen++ == n->want)
		n->fd = fd;
}

static int fd_entry(struct pseudo_inode *dir, int64_t i, char *name, size_t cap,
		    uint64_t *ino, unsigned *dtype)
{
	struct fdtable *ft = cur_fds();
	struct nth_fd n = {.want = i, .fd = -1};

	if (!ft)
		return 0;
	fdtable_foreach(ft, nth_fd_fn, &n);
	if (n.fd < 0)
		return 0;
	snprintf(name, cap, "%d", n.fd);
	*ino = 0x8000u | ((uint64_t)n.fd << 16);
	*dtype = LINUX_DT_LNK;
	return 1;
}

/* ---- /proc/<pid> ---- */

static int exe_readlink(struct pseudo_inode *pi, char *buf, size_t len)
{
	const char *exe = hooks->exe ? hooks->exe() : NULL;

	if (!exe)
		return -LINUX_ENOENT;
	return pseudo_readlink_str(exe, buf, len);
}

static int cwd_readlink(struct pseudo_inode *pi, char *buf, size_t len)
{
	struct fs_context *fs = hooks->fs ? hooks->fs() : NULL;

	return pseudo_readlink_str(fs_context_cwd(fs), buf, len);
}

#define FILE_NODE(n, i, fn)                                                    \
	{                                                                      \
		.name = n, .mode = LINUX_S_IFREG | 0444, .ino = i, .show = fn, \
	}

static const struct pseudo_node pid_nodes[] = {
	{.name = "exe",
	 .mode = LINUX_S_IFLNK | 0777,
	 .ino = 0x20,
	 .readlink = exe_readlink},
	{.name = "cwd",
	 .mode = LINUX_S_IFLNK | 0777,
	 .ino = 0x21,
	 .readlink = cwd_readlink},
	{.name = "fd",
	 .mode = LINUX_S_IFDIR | 0500,
	 .ino = 0x22,
	 .lookup = fd_lookup,
	 .entry = fd_entry},
	FILE_NODE("maps", 0x23, procfs_show_maps),
	FILE_NODE("cmdline", 0x24, procfs_show_cmdline),
	{.name = "environ",
	 .mode = LINUX_S_IFREG | 0400,
	 .ino = 0x25,
	 .show = procfs_show_environ},
	FILE_NODE("stat", 0x26, procfs_show_stat),
	FILE_NODE("status", 0x27, procfs_show_status),
	FILE_NODE("comm", 0x28, procfs_show_comm),
	FILE_NODE("mounts", 0x29, procfs_show_mounts),
	{.name = NULL},
};

static const struct pseudo_node pid_dir_node = {
	.name = "",
	.mode = LINUX_S_IFDIR | 0555,
	.ino = 0x10,
	.children = pid_nodes,
};

static int self_readlink(struct pseudo_inode *pi, char *buf, size_t len)
{
	char s[16];

	snprintf(s, sizeof(s), "%d", procfs_current_pid());
	return pseudo_readlink_str(s, buf, len);
}

static int root_lookup(struct pseudo_inode *dir, const char *name,
		       struct inode **out)
{
	long pid;

	if (!parse_num(name, &pid) || pid != procfs_current_pid())
		return -LINUX_ENOENT;
	*out = pseudo_inode_new(dir->inode.sb, &pid_dir_node, pid);
	return *out ? 0 : -LINUX_ENOMEM;
}

static int root_entry(struct pseudo_inode *dir, int64_t i, char *name,
		      size_t cap, uint64_t *ino, unsigned *dtype)
{
	if (i != 0)
		return 0;
	snprintf(name, cap, "%d", procfs_current_pid());
	*ino = 0x10u | ((uint64_t)procfs_current_pid() << 16);
	*dtype = LINUX_DT_DIR;
	return 1;
}

static const struct pseudo_node kernel_nodes[] = {
	FILE_NODE("osrelease", 0x40, procfs_show_osrelease),
	FILE_NODE("hostname", 0x41, procfs_show_hostname),
	{.name = NULL},
};

static const struct pseudo_node sys_nodes[] = {
	{.name = "kernel",
	 .mode = LINUX_S_IFDIR | 0555,
	 .ino = 0x31,
	 .children = kernel_nodes},
	{.name = NULL},
};

static const struct pseudo_node root_nodes[] = {
	{.name = "self",
	 .mode = LINUX_S_IFLNK | 0777,
	 .ino = 0x2,
	 .readlink = self_readlink},
	FILE_NODE("cpuinfo", 0x3, procfs_show_cpuinfo),
	FILE_NODE("meminfo", 0x4, procfs_show_meminfo),
	FILE_NODE("filesystems", 0x5, procfs_show_filesystems),
	FILE_NODE("mounts", 0x6, procfs_show_mounts),
	FILE_NODE("uptime", 0x7, procfs_show_uptime),
	{.name = "sys",
	 .mode = LINUX_S_IFDIR | 0555,
	 .ino = 0x30,
	 .children = sys_nodes},
	{.name = NULL},
};

static const struct pseudo_node procfs_root = {
	.name = "",
	.mode = LINUX_S_IFDIR | 0555,
	.ino = 1,
	.children = root_nodes,
	.lookup = root_lookup,
	.entry = root_entry,
};

struct super *procfs_create(void)
{
	return pseudo_super_new("proc", linux_makedev(0, 20), &procfs_root);
}
