/*
 * Path walk: resolves a guest path component by component from the guest
 * root, handling ".", "..", symlinks (at most 40, then ELOOP), trailing
 * slashes and mount points.  The walk is confined to the guest root: ".."
 * at the root stays there and an absolute symlink target restarts at the
 * guest root, so nothing reaches the host outside --root.
 *
 * The walk keeps a stack of the directories it went through and the
 * canonical path of each, so ".." is a pop and each open file learns its
 * absolute guest path.  Relative paths are walked from the canonical
 * path of the starting directory (cwd or a dirfd's file path).
 *
 * Layer: fs/ core.  Callers: vfs_path.c (every path syscall), tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs.h"

struct walk_frame {
	struct inode *ino;
	size_t plen; /* length of the canonical path up to this frame */
};

struct walker {
	struct walk_frame *stack;
	size_t depth, cap;
	char *canon; /* canonical path; "" for the root */
	size_t canon_cap;
	char *magic;	    /* a magic link's non-path name ("pipe:[7]") */
	size_t magic_depth; /* ... valid while the walk stays at this depth */
};

static int walker_push(struct walker *w, struct inode *ino, const char *name,
		       size_t len)
{
	size_t plen = w->depth ? w->stack[w->depth - 1].plen : 0;

	if (w->depth == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		struct walk_frame *s = realloc(w->stack, cap * sizeof(*s));

		if (!s)
			return -LINUX_ENOMEM;
		w->stack = s;
		w->cap = cap;
	}
	if (name) {
		if (plen + len + 2 > w->canon_cap) {
			size_t cap = (plen + len + 2) * 2;
			char *c = realloc(w->canon, cap);

			if (!c)
				return -LINUX_ENOMEM;
			w->canon = c;
			w->canon_cap = cap;
		}
		w->canon[plen] = '/';
		memcpy(w->canon + plen + 1, name, len);
		plen += len + 1;
		w->canon[plen] = '\0';
	}
	w->stack[w->depth].ino = ino;
	w->stack[w->depth].plen = plen;
	w->depth++;
	return 0;
}

/* Pops frames down to depth (keeps at least the root). */
static void walker_truncate(struct walker *w, size_t depth)
{
	while (w->depth > depth) {
		w->depth--;
		inode_put(w->stack[w->depth].ino);
	}
	w->canon[w->stack[w->depth - 1].plen] = '\0';
}

static void walker_free(struct walker *w)
{
	while (w->depth > 0) {
		w->depth--;
		inode_put(w->stack[w->depth].ino);
	}
	free(w->stack);
	free(w->canon);
	free(w->magic);
}

static char *canon_dup(const char *canon, const char *name)
{
	size_t a = strlen(canon), b = name ? strlen(name) : 0;
	char *s = malloc(a + b + 3);

	if (!s)
		return NULL;
	memcpy(s, canon, a);
	if (name) {
		s[a++] = '/';
		memcpy(s + a, name, b);
		a += b;
	}
	s[a] = '\0';
	if (s[0] == '\0') {
		s[0] = '/';
		s[1] = '\0';
	}
	return s;
}

/* Builds "a/b" (or just b when a is NULL) in a fresh buffer. */
static char *join(const char *a, const char *b)
{
	size_t la = a ? strlen(a) : 0, lb = strlen(b);
	char *s;

	if (la + lb + 2 > 2 * LINUX_PATH_MAX_FS)
		return NULL;
	s = malloc(la + lb + 2);
	if (!s)
		return NULL;
	if (a) {
		memcpy(s, a, la);
		s[la++] = '/';
	}
	memcpy(s + la, b, lb + 1);
	return s;
}

/* Looks name up in dir, crossing into a filesystem mounted there. */
static int lookup_child(struct walker *w, struct inode *dir, const char *name,
			struct inode **out)
{
	char *p = canon_dup(w->canon, name);
	struct super *sb;

	if (!p)
		return -LINUX_ENOMEM;
	sb = vfs_mount_at(p);
	free(p);
	if (sb) {
		*out = inode_get(sb->root);
		return 0;
	}
	if (!dir->ops || !dir->ops->lookup)
		return -LINUX_ENOTDIR;
	return dir->ops->lookup(dir, name, out);
}

/*
 * Follows the symlink ino met at component position rest (the unconsumed
 * tail of *rem).  Replaces *rem by target + rest; an absolute target or a
 * magic link resets the stack.
 */
static int follow_link(struct walker *w, struct inode *ino, char **rem,
		       const char *rest)
{
	char *buf, *nrem;
	int n;

	if (ino->ops && ino->ops->get_link) {
		struct inode *target;
		char *tpath;

		n = ino->ops->get_link(ino, &target, &tpath);
		if (n < 0)
			return n;
		walker_truncate(w, 1);
		if (tpath[0] == '/' && tpath[1] != '\0')
			n = walker_push(w, target, tpath + 1,
					strlen(tpath + 1));
		else if (tpath[0] == '/')
			inode_put(target), n = 0;
		else
			n = walker_push(w, target, tpath, strlen(tpath));
		free(w->magic);
		w->magic = NULL;
		if (n == 0 && tpath[0] != '/') {
			w->magic = tpath; /* the file's name is not a path */
			w->magic_depth = w->depth;
			tpath = NULL;
		}
		free(tpath);
		if (n < 0) {
			inode_put(target);
			return n;
		}
		nrem = strdup(rest);
		if (!nrem)
			return -LINUX_ENOMEM;
		free(*rem);
		*rem = nrem;
		return 0;
	}
	buf = malloc(LINUX_PATH_MAX_FS + 1);
	if (!buf)
		return -LINUX_ENOMEM;
	n = vfs_readlink_inode(ino, buf, LINUX_PATH_MAX_FS);
	if (n < 0)
		goto out_free;
	if (n == 0) {
		n = -LINUX_ENOENT;
		goto out_free;
	}
	buf[n] = '\0';
	if (strlen(buf) + strlen(rest) >= LINUX_PATH_MAX_FS) {
		n = -LINUX_ENAMETOOLONG;
		goto out_free;
	}
	nrem = malloc(strlen(buf) + strlen(rest) + 1);
	if (!nrem) {
		n = -LINUX_ENOMEM;
		goto out_free;
	}
	strcpy(nrem, buf);
	strcat(nrem, rest);
	if (buf[0] == '/')
		walker_truncate(w, 1);
	free(*rem);
	*rem = nrem;
	n = 0;
out_free:
	free(buf);
	return n;
}

static int walk_components(struct walker *w, char **rem, unsigned flags,
			   struct walk_result *res)
{
	int nlinks = 0, err;
	size_t off = 0;

	res->last = WALK_LAST_ROOT;
	for (;;) {
		char *p = *rem + off, *start, *q;
		struct inode *cur = w->stack[w->depth - 1].ino, *child;
		size_t len;
		bool is_last, trailing;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		start = p;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - start);
		for (q = p; *q == '/'; q++)
			;
		is_last = *q == '\0';
		trailing = is_last && q != p;
		off = (size_t)(p - *rem);
		if (len > LINUX_NAME_MAX)
			return -LINUX_ENAMETOOLONG;
		if (!inode_is_dir(cur))
			return -LINUX_ENOTDIR;
		res->trailing_slash = trailing;
		if (len == 1 && start[0] == '.') {
			res->last = WALK_LAST_DOT;
			continue;
		}
		if (len == 2 && start[0] == '.' && start[1] == '.') {
			if (w->depth > 1)
				walker_truncate(w, w->depth - 1);
			res->last = WALK_LAST_DOTDOT;
			continue;
		}
		memcpy(res->name, start, len);
		res->name[len] = '\0';
		res->last = WALK_LAST_NORM;
		err = lookup_child(w, cur, res->name, &child);
		if (err == -LINUX_ENOENT && is_last) {
			if (!(flags & WALK_PARENT))
				return err;
			res->parent = inode_get(cur);
			res->inode = NULL;
			res->path = canon_dup(w->canon, res->name);
			return res->path ? 0 : -LINUX_ENOMEM;
		}
		if (err < 0)
			return err;
		if (inode_is_lnk(child) &&
		    (!is_last || trailing || !(flags & WALK_NOFOLLOW))) {
			char *rest;

			if (++nlinks > LINUX_SYMLOOP_MAX) {
				inode_put(child);
				return -LINUX_ELOOP;
			}
			rest = strdup(p);
			if (!rest) {
				inode_put(child);
				return -LINUX_ENOMEM;
			}
			err = follow_link(w, child, rem, rest);
			free(rest);
			inode_put(child);
			if (err < 0)
				return err;
			off = 0;
			res->last =
				w->depth > 1 ? WALK_LAST_NORM : WALK_LAST_ROOT;
			continue;
		}
		err = walker_push(w, child, res->name, len);
		if (err < 0) {
			inode_put(child);
			return err;
		}
	}
	res->inode = inode_get(w->stack[w->depth - 1].ino);
	res->parent = inode_get(w->stack[w->depth > 1 ? w->depth - 2 : 0].ino);
	if (w->magic && w->depth == w->magic_depth)
		res->path = strdup(w->magic);
	else
		res->path = canon_dup(w->canon, NULL);
	if (!res->path)
		return -LINUX_ENOMEM;
	if (res->last != WALK_LAST_NORM) {
		/* the name of what we ended in, for error paths of callers */
		const char *slash = strrchr(res->path, '/');

		snprintf(res->name, sizeof(res->name), "%s", slash + 1);
	}
	if ((res->trailing_slash || (flags & WALK_DIRECTORY)) &&
	    !inode_is_dir(res->inode))
		return -LINUX_ENOTDIR;
	return 0;
}

int vfs_walk(struct fs_context *fs, const char *start_path, const char *path,
	     unsigned flags, struct walk_result *res)
{
	struct walker w = {0};
	char *rem;
	int err;

	memset(res, 0, sizeof(*res));
	if (path[0] == '\0' && !(flags & WALK_EMPTY_PATH))
		return -LINUX_ENOENT;
	if (strlen(path) >= LINUX_PATH_MAX_FS)
		return -LINUX_ENAMETOOLONG;
	if (!start_path)
		start_path = fs_context_cwd(fs);
	if (path[0] == '/')
		rem = strdup(path);
	else if (path[0] == '\0')
		rem = strdup(start_path);
	else
		rem = join(start_path, path);
	if (!rem)
		return -LINUX_ENOMEM;
	w.canon = calloc(1, 64);
	w.canon_cap = 64;
	err = w.canon ? walker_push(&w, vfs_root(), NULL, 0) : -LINUX_ENOMEM;
	if (err == 0)
		err = walk_components(&w, &rem, flags, res);
	free(rem);
	walker_free(&w);
	if (err < 0)
		walk_result_put(res);
	return err;
}

void walk_result_put(struct walk_result *res)
{
	inode_put(res->inode);
	inode_put(res->parent);
	free(res->path);
	res->inode = res->parent = NULL;
	res->path = NULL;
}
