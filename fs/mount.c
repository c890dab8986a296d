/*
 * The mount table and start-up of the VFS: the root is a host directory
 * (hostfs), with devfs on /dev and procfs on /proc.  Mount points are
 * matched by canonical guest path during the walk, so a mount works even
 * when the host directory has no such subdirectory.
 *
 * Layer: fs/ core.  Callers: frontend/ (vfs_init), namei.c, procfs.
 */
#include <stdlib.h>
#include <string.h>

#include "fs.h"

#define MAX_MOUNTS 16

struct mount {
	char *path; /* canonical guest path ("/" for the root) */
	struct super *sb;
};

static struct mount mounts[MAX_MOUNTS];
static int nmounts;
static pthread_mutex_t mount_lock = PTHREAD_MUTEX_INITIALIZER;

int vfs_mount(const char *path, struct super *sb)
{
	int err = 0;

	pthread_mutex_lock(&mount_lock);
	if (nmounts == MAX_MOUNTS) {
		err = -LINUX_ENOMEM;
		goto out_unlock;
	}
	mounts[nmounts].path = strdup(path);
	if (!mounts[nmounts].path) {
		err = -LINUX_ENOMEM;
		goto out_unlock;
	}
	mounts[nmounts].sb = sb;
	nmounts++;
out_unlock:
	pthread_mutex_unlock(&mount_lock);
	return err;
}

/* Mounts never go away once made, so the lookups need no reference. */
struct super *vfs_mount_at(const char *path)
{
	struct super *sb = NULL;

	pthread_mutex_lock(&mount_lock);
	for (int i = nmounts - 1; i >= 0; i--) {
		if (strcmp(mounts[i].path, path) == 0) {
			sb = mounts[i].sb;
			break;
		}
	}
	pthread_mutex_unlock(&mount_lock);
	return sb;
}

struct inode *vfs_root(void)
{
	struct super *sb = vfs_mount_at("/");

	if (!sb)
		wax_panic("vfs: no root filesystem mounted (vfs_init)");
	return inode_get(sb->root);
}

void vfs_foreach_mount(void (*fn)(void *ctx, const char *path,
				  const struct super *sb),
		       void *ctx)
{
	int n;

	pthread_mutex_lock(&mount_lock);
	n = nmounts;
	pthread_mutex_unlock(&mount_lock);
	for (int i = 0; i < n; i++)
		fn(ctx, mounts[i].path, mounts[i].sb);
}

int vfs_init(const char *host_root)
{
	struct super *sb;
	int err = 0;

	sb = hostfs_create(host_root, &err);
	if (!sb)
		return err;
	err = vfs_mount("/", sb);
	if (err < 0)
		return err;
	sb = devfs_create();
	if (!sb)
		return -LINUX_ENOMEM;
	err = vfs_mount("/dev", sb);
	if (err < 0)
		return err;
	sb = procfs_create();
	if (!sb)
		return -LINUX_ENOMEM;
	return vfs_mount("/proc", sb);
}
