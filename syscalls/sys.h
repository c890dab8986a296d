/*
 * Internal header of syscalls/: prototypes of every handler (generated
 * from syscall_table.h) and the helpers handlers share for reaching guest
 * memory.  Handlers are argument checking, then a call into fs/, net/,
 * translate/ or the process code.
 */
#ifndef WAX_SYS_H
#define WAX_SYS_H

#include "syscalls.h"

#define SYSCALL(nr, name, args, ret) sys_handler sys_##name;
#include "syscall_table.h"
#undef SYSCALL

#define LINUX_PATH_MAX 4096

/* uaccess.c: guest memory of the calling task's process. */
int copy_from_user(struct task *t, void *dst, gaddr src, size_t n);
int copy_to_user(struct task *t, gaddr dst, const void *src, size_t n);
/* Copies a path argument into buf (LINUX_PATH_MAX bytes): 0, -EFAULT,
 * -ENAMETOOLONG, or -ENOENT for an empty path. */
int copy_path_from_user(struct task *t, char *buf, gaddr src);

/* sys_proc.c: up to max of the host's supplementary group ids (as wax's
 * guest sees them; Node's under Emscripten) into list; returns how many. */
int sys_host_groups(uint32_t *list, int max);

#endif
