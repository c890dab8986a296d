/*
 * Internal to the --strace printer (strace.c, strace_decode.c): a bounded
 * string builder and the decoders of flag words and structs.
 */
#ifndef WAX_STRACE_PRIV_H
#define WAX_STRACE_PRIV_H

#include "sys.h"

/* Appends to buf (cap bytes, always NUL-terminated, silently truncated). */
struct sbuf {
	char *buf;
	size_t len, cap;
	bool hex; /* strace_quote escapes every byte as \xNN */
};

struct flag_name {
	uint64_t bits;
	const char *name;
};

/* strace.c */
void strace_printf(struct sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "A|B|0x40", or zero when v is 0. */
void strace_flags(struct sbuf *sb, const struct flag_name *tab, size_t n,
		  uint64_t v, const char *zero);
void strace_quote(struct sbuf *sb, const uint8_t *p, size_t n, bool more);
/* "NULL" or hex. */
void strace_ptr(struct sbuf *sb, uint64_t p);

/* strace_decode.c */
/* Symbolic arguments: o O P M a A g i k h e m. */
void strace_flag_arg(struct sbuf *sb, char fmt, uint64_t v);
/* fcntl command; false when the command takes no argument (stop). */
bool strace_fcntl_cmd(struct sbuf *sb, uint64_t cmd);
/* Struct argument i of syscall d ('t'): decoded when known and readable. */
void strace_struct(struct sbuf *sb, struct task *t,
		   const struct syscall_desc *d, int i, uint64_t p,
		   int64_t ret);
/* futex(2)'s arguments (all of them; which ones depends on the op). */
void strace_futex(struct sbuf *sb, struct task *t, const uint64_t *a);
/* A successful result strace annotates (fcntl F_GETFD/F_GETFL flags). */
void strace_result_note(struct sbuf *sb, struct task *t,
			const struct syscall_desc *d, const uint64_t *a,
			int64_t ret);
/* Entries in a getdents64 buffer of len bytes, or -1 when unreadable. */
int strace_dirent_count(struct task *t, uint64_t p, int64_t len);
/* "SEGV_MAPERR", or the number. */
void strace_si_code(char *buf, size_t len, int signo, int code);

#endif
