/*
 * Synthetic filesystems framework (see pseudo.h): generic inode ops over
 * a const node tree, directory listing (".", "..", static children, then
 * the dynamic part), and snapshot reads of generated files.
 *
 * Layer: fs/.  Callers: devfs.c, procfs.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo.h"

void sb_append(struct strbuf *sb, const void *data, size_t n)
{
	if (sb->oom)
		return;
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = (sb->len + n + 1) * 2;
		char *b = realloc(sb->buf, cap);

		if (!b) {
			sb->oom = true;
			return;
		}
		sb->buf = b;
		sb->cap = cap;
	}
	memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sb_append(sb, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);

	if (!big) {
		sb->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb_append(sb, big, (size_t)n);
	free(big);
}

int pseudo_readlink_str(const char *s, char *buf, size_t len)
{
	size_t n = MIN(strlen(s), len);

	memcpy(buf, s, n);
	return (int)n;
}

static const struct inode_ops pseudo_inode_ops;
static const struct file_ops pseudo_dir_ops, pseudo_file_ops;

static int pseudo_lookup(struct inode *dir, const char *name,
			 struct inode **out)
{
	struct pseudo_inode *pi = PI(dir);
	const struct pseudo_node *c = pi->node->children;

	for (; c && c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			*out = pseudo_inode_new(dir->sb, c, pi->arg);
			return *out ? 0 : -LINUX_ENOMEM;
		}
	}
	if (pi->node->lookup)
		return pi->node->lookup(pi, name, out);
	return -LINUX_ENOENT;
}

static int pseudo_getattr(struct inode *ino, struct kstat *k)
{
	k->rdev = PI(ino)->node->rdev;
	k->nlink = inode_is_dir(ino) ? 2 : 1;
	k->blksize = 1024;
	return 0;
}

static int pseudo_readlink(struct inode *ino, char *buf, size_t len)
{
	struct pseudo_inode *pi = PI(ino);

	if (!pi->node->readlink)
		return -LINUX_EINVAL;
	return pi->node->readlink(pi, buf, len);
}

static int pseudo_open(struct inode *ino, struct file *f)
{
	struct pseudo_inode *pi = PI(ino);
	struct strbuf *sb;
	int err;

	if (pi->node->open)
		return pi->node->open(ino, f);
	if (inode_is_dir(ino)) {
		f->ops = &pseudo_dir_ops;
		return 0;
	}
	if (pi->node->fops) {
		f->ops = pi->node->fops;
		return 0;
	}
	if (!pi->node->show)
		return -LINUX_ENXIO;
	if ((f->flags & LINUX_O_ACCMODE) != LINUX_O_RDONLY)
		return -LINUX_EACCES;
	sb = calloc(1, sizeof(*sb));
	if (!sb)
		return -LINUX_ENOMEM;
	err = pi->node->show(pi, sb);
	if (err == 0 && sb->oom)
		err = -LINUX_ENOMEM;
	if (err < 0) {
		free(sb->buf);
		free(sb);
		return err;
	}
	f->ops = &pseudo_file_ops;
	f->priv = sb;
	return 0;
}

static void pseudo_release(struct inode *ino)
{
	free(PI(ino));
}

/* Magic links: the node's get_link, wrapped for inode_ops. */
static int pseudo_get_link(struct inode *ino, struct inode **out, char **path)
{
	return PI(ino)->node->get_link(PI(ino), out, path);
}

static const struct inode_ops pseudo_inode_ops = {
	.lookup = pseudo_lookup,
	.getattr = pseudo_getattr,
	.readlink = pseudo_readlink,
	.open = pseudo_open,
	.release = pseudo_release,
};

static const struct inode_ops pseudo_magic_ops = {
	.getattr = pseudo_getattr,
	.readlink = pseudo_readlink,
	.get_link = pseudo_get_link,
	.release = pseudo_release,
};

struct inode *pseudo_inode_new(struct super *sb, const struct pseudo_node *node,
			       long arg)
{
	struct pseudo_inode *pi = calloc(1, sizeof(*pi));

	if (!pi)
		return NULL;
	pi->node = node;
	pi->arg = arg;
	pi->inode.ops = node->get_link ? &pseudo_magic_ops : &pseudo_inode_ops;
	pi->inode.sb = sb;
	pi->inode.mode = node->mode;
	pi->inode.ino = (uint64_t)node->ino | ((uint64_t)arg << 16);
	pi->inode.refs = 1;
	return &pi->inode;
}

struct super *pseudo_super_new(const char *fstype, uint64_t dev,
			       const struct pseudo_node *root)
{
	struct super *sb = calloc(1, sizeof(*sb));

	if (!sb)
		return NULL;
	sb->fstype = fstype;
	sb->dev = dev;
	sb->root = pseudo_inode_new(sb, root, 0);
	if (!sb->root) {
		free(sb);
		return NULL;
	}
	return sb;
}

/* ---- directories ---- */

static int pseudo_iterate(struct file *f, struct dir_context *ctx)
{
	struct pseudo_inode *pi = PI(f->inode);
	const struct pseudo_node *c = pi->node->children;
	int64_t nstatic = 0;

	while (c && c[nstatic].name)
		nstatic++;
	for (;;) {
		int64_t i = ctx->pos;
		char name[LINUX_NAME_MAX + 1];
		uint64_t ino = 0;
		unsigned dt = LINUX_DT_DIR;

		if (i == 0) {
			strcpy(name, ".");
			ino = f->inode->ino;
		} else if (i == 1) {
			strcpy(name, "..");
			ino = 1;
		} else if (i - 2 < nstatic) {
			const struct pseudo_node *n = &c[i - 2];

			snprintf(name, sizeof(name), "%s", n->name);
			ino = (uint64_t)n->ino | ((uint64_t)pi->arg << 16);
			dt = linux_dtype_of_mode(n->mode);
		} else if (!pi->node->entry ||
			   pi->node->entry(pi, i - 2 - nstatic, name,
					   sizeof(name), &ino, &dt) <= 0) {
			return 0;
		}
		if (!ctx->emit(ctx, name, strlen(name), ino, dt))
			return 0;
		ctx->pos++;
	}
}

static int64_t pseudo_dir_llseek(struct file *f, int64_t off, int whence)
{
	if (whence == LINUX_SEEK_CUR)
		off += (int64_t)f->pos;
	else if (whence != LINUX_SEEK_SET)
		return -LINUX_EINVAL;
	if (off < 0)
		return -LINUX_EINVAL;
	f->pos = (uint64_t)off;
	return off;
}

static const struct file_ops pseudo_dir_ops = {
	.iterate = pseudo_iterate,
	.llseek = pseudo_dir_llseek,
};

/* ---- generated files ---- */

static int64_t pseudo_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	struct strbuf *sb = f->priv;
	size_t len;

	if (*pos >= sb->len)
		return 0;
	len = MIN(n, sb->len - *pos);
	memcpy(buf, sb->buf + *pos, len);
	*pos += len;
	return (int64_t)len;
}

static int64_t pseudo_llseek(struct file *f, int64_t off, int whence)
{
	struct strbuf *sb = f->priv;
	int64_t base = whence == LINUX_SEEK_SET	  ? 0
		       : whence == LINUX_SEEK_CUR ? (int64_t)f->pos
		       : whence == LINUX_SEEK_END ? (int64_t)sb->len
						  : -1;

	if (base < 0 || base + off < 0)
		return -LINUX_EINVAL;
	f->pos = (uint64_t)(base + off);
	return base + off;
}

static void pseudo_file_release(struct file *f)
{
	struct strbuf *sb = f->priv;

	if (sb) {
		free(sb->buf);
		free(sb);
	}
}

static const struct file_ops pseudo_file_ops = {
	.read = pseudo_read,
	.llseek = pseudo_llseek,
	.release = pseudo_file_release,
};
