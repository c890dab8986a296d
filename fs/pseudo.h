/*
 * Internal to fs/: a small framework for synthetic filesystems (devfs,
 * procfs).  A filesystem is a tree of const struct pseudo_node; an inode
 * is a node plus an argument (a pid, an fd number).  Regular files are
 * generated into a buffer when opened (like Linux's seq_file), so a
 * reader sees one consistent snapshot.
 *
 * Callers: devfs.c, procfs.c, procfs_files.c.
 */
#ifndef WAX_FS_PSEUDO_H
#define WAX_FS_PSEUDO_H

#include "fs.h"

/* A growable text buffer; on allocation failure it sets oom and stops. */
struct strbuf {
	char *buf;
	size_t len, cap;
	bool oom;
};
void sb_append(struct strbuf *sb, const void *data, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct pseudo_inode;

struct pseudo_node {
	const char *name;
	uint32_t mode; /* LINUX_S_IF* | permissions */
	uint32_t ino;  /* unique within the filesystem (low 16 bits) */
	/* directories: static children (ended by a NULL name) and/or a
	 * dynamic part */
	const struct pseudo_node *children;
	int (*lookup)(struct pseudo_inode *dir, const char *name,
		      struct inode **out);
	/* entry i of the dynamic part: 1 and fills name/ino/dtype, or 0 */
	int (*entry)(struct pseudo_inode *dir, int64_t i, char *name,
		     size_t cap, uint64_t *ino, unsigned *dtype);
	/* symlinks */
	int (*readlink)(struct pseudo_inode *pi, char *buf, size_t len);
	int (*get_link)(struct pseudo_inode *pi, struct inode **out,
			char **path);
	/* regular files: contents generated at open */
	int (*show)(struct pseudo_inode *pi, struct strbuf *sb);
	/* device files: their own file ops and device number */
	const struct file_ops *fops;
	int (*open)(struct inode *ino, struct file *f);
	uint64_t rdev;
};

struct pseudo_inode {
	struct inode inode;
	const struct pseudo_node *node;
	long arg;
};

/* Makes an inode for node with argument arg; ino = node->ino | arg<<16. */
struct inode *pseudo_inode_new(struct super *sb, const struct pseudo_node *node,
			       long arg);
/* A superblock whose root is node. */
struct super *pseudo_super_new(const char *fstype, uint64_t dev,
			       const struct pseudo_node *root);
static inline struct pseudo_inode *PI(struct inode *ino)
{
	return container_of(ino, struct pseudo_inode, inode);
}
/* Copies a string as a readlink result. */
int pseudo_readlink_str(const char *s, char *buf, size_t len);

/* procfs.c: the hooks, with defaults when syscalls/ set none */
const struct procfs_hooks *procfs_hooks(void);

/* procfs_files.c: contents of the generated /proc files */
int procfs_show_cpuinfo(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_meminfo(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_filesystems(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_mounts(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_osrelease(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_hostname(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_uptime(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_maps(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_cmdline(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_environ(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_stat(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_status(struct pseudo_inode *pi, struct strbuf *sb);
int procfs_show_comm(struct pseudo_inode *pi, struct strbuf *sb);
#endif
