/*
 * devfs: the guest's /dev.  Character devices null, zero, full, random,
 * urandom and tty (the console), plus the symlinks stdin/stdout/stderr ->
 * /proc/self/fd/0..2 and fd -> /proc/self/fd.
 *
 * Layer: fs/ (synthetic filesystem over pseudo.c).  Callers: mount.c.
 */
#include <string.h>
#include <unistd.h>

#include "pseudo.h"

static int64_t null_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	return 0;
}

static int64_t sink_write(struct file *f, const void *buf, size_t n,
			  uint64_t *pos)
{
	return (int64_t)n;
}

static int64_t zero_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	memset(buf, 0, n);
	return (int64_t)n;
}

static int64_t full_write(struct file *f, const void *buf, size_t n,
			  uint64_t *pos)
{
	return n ? -LINUX_ENOSPC : 0;
}

/* getentropy is host-neutral: the kernel natively, crypto in Node. */
static int64_t random_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	size_t done = 0;

	while (done < n) {
		size_t chunk = MIN(n - done, 256);

		if (getentropy((char *)buf + done, chunk) < 0)
			return done ? (int64_t)done : -LINUX_EIO;
		done += chunk;
	}
	return (int64_t)n;
}

/* Character devices do not move: lseek answers 0 like Linux's null. */
static int64_t dev_llseek(struct file *f, int64_t off, int whence)
{
	f->pos = 0;
	return 0;
}

static const struct file_ops null_fops = {
	.read = null_read,
	.write = sink_write,
	.llseek = dev_llseek,
};

static const struct file_ops zero_fops = {
	.read = zero_read,
	.write = sink_write,
	.llseek = dev_llseek,
};

static const struct file_ops full_fops = {
	.read = zero_read,
	.write = full_write,
	.llseek = dev_llseek,
};

static const struct file_ops random_fops = {
	.read = random_read,
	.write = sink_write,
	.llseek = dev_llseek,
};

static int tty_open(struct inode *ino, struct file *f)
{
	return console_open_tty(f);
}

static int link_stdin(struct pseudo_inode *pi, char *buf, size_t len)
{
	return pseudo_readlink_str("/proc/self/fd/0", buf, len);
}

static int link_stdout(struct pseudo_inode *pi, char *buf, size_t len)
{
	return pseudo_readlink_str("/proc/self/fd/1", buf, len);
}

static int link_stderr(struct pseudo_inode *pi, char *buf, size_t len)
{
	return pseudo_readlink_str("/proc/self/fd/2", buf, len);
}

static int link_fd(struct pseudo_inode *pi, char *buf, size_t len)
{
	return pseudo_readlink_str("/proc/self/fd", buf, len);
}

#define CHR(n, min_, maj_, fo)                                                 \
	{                                                                      \
		.name = n, .mode = LINUX_S_IFCHR | 0666, .ino = 100 + (min_),  \
		.fops = fo, .rdev = ((maj_) << 8) | (min_),                    \
	}
#define LNK(n, i, fn)                                                          \
	{                                                                      \
		.name = n, .mode = LINUX_S_IFLNK | 0777, .ino = i,             \
		.readlink = fn,                                                \
	}

static const struct pseudo_node devfs_nodes[] = {
	CHR("null", 3, 1, &null_fops),
	CHR("zero", 5, 1, &zero_fops),
	CHR("full", 7, 1, &full_fops),
	CHR("random", 8, 1, &random_fops),
	CHR("urandom", 9, 1, &random_fops),
	{.name = "tty",
	 .mode = LINUX_S_IFCHR | 0666,
	 .ino = 200,
	 .open = tty_open,
	 .rdev = 0x500 /* 5:0 */},
	LNK("stdin", 201, link_stdin),
	LNK("stdout", 202, link_stdout),
	LNK("stderr", 203, link_stderr),
	LNK("fd", 204, link_fd),
	{.name = NULL},
};

static const struct pseudo_node devfs_root = {
	.name = "",
	.mode = LINUX_S_IFDIR | 0755,
	.ino = 1,
	.children = devfs_nodes,
};

struct super *devfs_create(void)
{
	return pseudo_super_new("devtmpfs", linux_makedev(0, 5), &devfs_root);
}
