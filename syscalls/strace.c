/*
 * The --strace printer: one line per syscall on the host's stderr in
 * strace(1)'s format, driven by the format letters of syscall_table.h
 * (documented there).  Flag words are decoded symbolically, guest buffers
 * are shown as C strings cut at 32 bytes like strace's default -s 32.
 *
 * Layer: syscalls/.  Called by syscall_dispatch (syscall.c) after each
 * syscall returns (before, for exit and exit_group), and by the run loop
 * for the exit and fault lines.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sys.h"
#include "linux_abi.h"
#include "strace_priv.h"

#define STRACE_STRLEN  32 /* strace -s default */
#define STRACE_IOV_MAX 16

void strace_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->len + 1 >= sb->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb->len += (size_t)n;
	if (sb->len >= sb->cap)
		sb->len = sb->cap - 1;
}

void strace_flags(struct sbuf *sb, const struct flag_name *tab, size_t n,
		  uint64_t v, const char *zero)
{
	bool first = true;

	for (size_t i = 0; i < n; i++) {
		if (tab[i].bits && (v & tab[i].bits) == tab[i].bits) {
			strace_printf(sb, "%s%s", first ? "" : "|",
				      tab[i].name);
			v &= ~tab[i].bits;
			first = false;
		}
	}
	if (v)
		strace_printf(sb, "%s%#llx", first ? "" : "|",
			      (unsigned long long)v);
	else if (first)
		strace_printf(sb, "%s", zero);
}

/* Appends n bytes as a quoted C string, escaped like strace does. */
void strace_quote(struct sbuf *sb, const uint8_t *p, size_t n, bool more)
{
	strace_printf(sb, "\"");
	for (size_t i = 0; i < n && sb->hex; i++)
		strace_printf(sb, "\\x%02x", p[i]);
	for (size_t i = 0; i < n && !sb->hex; i++) {
		uint8_t c = p[i];
		bool next_digit =
			i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7';

		switch (c) {
		case '"':
			strace_printf(sb, "\\\"");
			break;
		case '\\':
			strace_printf(sb, "\\\\");
			break;
		case '\t':
			strace_printf(sb, "\\t");
			break;
		case '\n':
			strace_printf(sb, "\\n");
			break;
		case '\v':
			strace_printf(sb, "\\v");
			break;
		case '\f':
			strace_printf(sb, "\\f");
			break;
		case '\r':
			strace_printf(sb, "\\r");
			break;
		default:
			if (c >= 0x20 && c < 0x7f)
				strace_printf(sb, "%c", c);
			else if (next_digit)
				strace_printf(sb, "\\%03o", c);
			else
				strace_printf(sb, "\\%o", c);
		}
	}
	strace_printf(sb, "\"%s", more ? "..." : "");
}

void strace_ptr(struct sbuf *sb, uint64_t p)
{
	if (p)
		strace_printf(sb, "%#llx", (unsigned long long)p);
	else
		strace_printf(sb, "NULL");
}

/* An int argument: the guest passes it in the low 32 bits. */
static void sb_int(struct sbuf *sb, uint64_t v)
{
	if ((v >> 32) == 0)
		strace_printf(sb, "%d", (int)(int32_t)v);
	else
		strace_printf(sb, "%lld", (long long)(int64_t)v);
}

/* A guest buffer of n bytes, at most STRACE_STRLEN of them shown. */
static void sb_guest_buf(struct sbuf *sb, struct task *t, uint64_t p,
			 uint64_t n)
{
	uint8_t tmp[STRACE_STRLEN];
	size_t show = n < STRACE_STRLEN ? (size_t)n : STRACE_STRLEN;

	if (copy_from_user(t, tmp, p, show) < 0) {
		strace_ptr(sb, p);
		return;
	}
	strace_quote(sb, tmp, show, n > show);
}

static void sb_guest_str(struct sbuf *sb, struct task *t, uint64_t p)
{
	char tmp[LINUX_PATH_MAX];
	int64_t n;

	if (!p) {
		strace_printf(sb, "NULL");
		return;
	}
	n = t->proc ? mm_read_str(t->proc->mm, tmp, p, sizeof(tmp)) : -1;
	if (n < 0) {
		strace_ptr(sb, p);
		return;
	}
	strace_quote(sb, (const uint8_t *)tmp, (size_t)n, false);
}

/* iovec array: [{iov_base="...", iov_len=N}, ...].  total bounds what is
 * shown (the result, for buffers the kernel wrote). */
static void sb_iovec(struct sbuf *sb, struct task *t, uint64_t p, uint64_t cnt,
		     uint64_t total)
{
	strace_printf(sb, "[");
	for (uint64_t i = 0; i < cnt; i++) {
		uint64_t iov[2];

		if (i == STRACE_IOV_MAX) {
			strace_printf(sb, ", ...");
			break;
		}
		if (copy_from_user(t, iov, p + 16 * i, sizeof(iov)) < 0) {
			strace_printf(sb, "%s%#llx", i ? ", " : "",
				      (unsigned long long)(p + 16 * i));
			break;
		}
		strace_printf(sb, "%s{iov_base=", i ? ", " : "");
		sb_guest_buf(sb, t, iov[0], MIN(iov[1], total));
		strace_printf(sb, ", iov_len=%llu}",
			      (unsigned long long)iov[1]);
		total -= MIN(iov[1], total);
	}
	strace_printf(sb, "]");
}

/* Whether the kernel wrote the iovec buffers (so only result bytes count). */
static bool name_is_read(const char *name)
{
	return strncmp(name, "read", 4) == 0 || strncmp(name, "pread", 5) == 0;
}

/* Formats argument i; returns false when the remaining arguments are not
 * shown (fcntl commands without argument). */
static bool sb_arg(struct sbuf *sb, struct task *t,
		   const struct syscall_desc *d, const uint64_t *a, int i,
		   int64_t ret)
{
	uint64_t v = a[i];
	bool ok = !IS_LINUX_ERR(ret);

	switch (d->args[i]) {
	case 'd':
		sb_int(sb, v);
		break;
	case 'u':
		strace_printf(sb, "%llu", (unsigned long long)v);
		break;
	case 'x':
		strace_printf(sb, v ? "%#llx" : "0", (unsigned long long)v);
		break;
	case 's':
		sb_guest_str(sb, t, v);
		break;
	case 'r':
		sb_guest_buf(sb, t, v, a[i + 1]);
		break;
	case 'w':
		/* random bytes are noise as text: strace shows them in hex */
		sb->hex = strcmp(d->name, "getrandom") == 0;
		if (ok && v)
			sb_guest_buf(sb, t, v, (uint64_t)ret);
		else
			strace_ptr(sb, v);
		sb->hex = false;
		break;
	case 'v':
		sb_iovec(sb, t, v, a[i + 1],
			 name_is_read(d->name) ? (ok ? (uint64_t)ret : 0)
					       : ~0ull);
		break;
	case 'F':
		if ((int32_t)v == LINUX_AT_FDCWD)
			strace_printf(sb, "AT_FDCWD");
		else
			sb_int(sb, v);
		break;
	case 'c':
		return strace_fcntl_cmd(sb, v);
	case 't':
		strace_struct(sb, t, d, i, v, ret);
		break;
	case 'p':
		strace_ptr(sb, v);
		/* getdents: strace counts the entries the kernel wrote */
		if (strncmp(d->name, "getdents", 8) == 0 && ok && v) {
			int n = strace_dirent_count(t, v, ret);

			if (n >= 0)
				strace_printf(sb, " /* %d entries */", n);
		}
		break;
	case 'f':
		strace_futex(sb, t, a);
		return false;
	default:
		strace_flag_arg(sb, d->args[i], v);
		break;
	}
	return true;
}

/* openat and friends show the mode only when the flags create a file. */
static bool mode_is_shown(const struct syscall_desc *d, const uint64_t *a,
			  int i)
{
	return !(d->args[i] == 'm' && i > 0 && d->args[i - 1] == 'o' &&
		 !(a[i - 1] & (LINUX_O_CREAT | LINUX_O_TMPFILE)));
}

/* strace aligns results at column 40 when the call is shorter. */
#define STRACE_RESULT_COLUMN 40

static void sb_result(struct sbuf *sb, struct task *t,
		      const struct syscall_desc *d, const uint64_t *a,
		      int64_t ret, bool returned)
{
	if (sb->len < STRACE_RESULT_COLUMN)
		strace_printf(
			sb, "%*s= ", (int)(STRACE_RESULT_COLUMN - sb->len), "");
	else
		strace_printf(sb, " = ");
	if (!returned) {
		strace_printf(sb, "?");
		return;
	}
	if (IS_LINUX_ERR(ret)) {
		const char *name = linux_errno_name((int)-ret);

		if (name)
			strace_printf(sb, "-1 %s (%s)", name,
				      linux_errno_message((int)-ret));
		else
			strace_printf(sb, "-1 E??? (errno %lld)",
				      (long long)-ret);
		return;
	}
	switch (d ? d->ret : 'd') {
	case 'x':
		strace_printf(sb, "%#llx", (unsigned long long)ret);
		break;
	case 'o':
		strace_printf(sb, "%#llo", (unsigned long long)ret);
		break;
	default:
		strace_result_note(sb, t, d, a, ret);
	}
}

size_t strace_format(struct task *t, uint64_t nr, const struct syscall_desc *d,
		     const uint64_t a[6], int64_t ret, bool returned, char *buf,
		     size_t len)
{
	struct sbuf sb = {buf, 0, len, false};

	if (!len)
		return 0;
	buf[0] = '\0';
	if (!d) {
		/* not implemented: Linux's name, or strace's spelling of a
		 * number it has no name for; arguments in hex */
		if (syscall_name(nr))
			strace_printf(&sb, "%s(", syscall_name(nr));
		else
			strace_printf(&sb, "syscall_%#llx(",
				      (unsigned long long)nr);
		for (int i = 0; i < 6; i++)
			strace_printf(&sb, "%s%#llx", i ? ", " : "",
				      (unsigned long long)a[i]);
		strace_printf(&sb, ")");
	} else {
		bool first = true;

		strace_printf(&sb, "%s(", d->name);
		for (int i = 0; d->args[i] && i < 6; i++) {
			if (!mode_is_shown(d, a, i))
				continue;
			strace_printf(&sb, "%s", first ? "" : ", ");
			first = false;
			if (!sb_arg(&sb, t, d, a, i, ret))
				break;
		}
		strace_printf(&sb, ")");
	}
	sb_result(&sb, t, d, a, ret, returned);
	return sb.len;
}

void strace_print(struct task *t, uint64_t nr, const struct syscall_desc *d,
		  const uint64_t a[6], int64_t ret, bool returned)
{
	char line[1024];
	size_t n = strace_format(t, nr, d, a, ret, returned, line,
				 sizeof(line) - 1);

	line[n++] = '\n';
	flockfile(stderr);
	fwrite(line, 1, n, stderr);
	funlockfile(stderr);
}

void strace_print_execve(const char *path, char *const argv[], int envc,
			 gaddr envp)
{
	char line[1024];
	struct sbuf sb = {line, 0, sizeof(line), false};

	strace_printf(&sb, "execve(");
	strace_quote(&sb, (const uint8_t *)path, strlen(path), false);
	strace_printf(&sb, ", [");
	for (int i = 0; argv && argv[i]; i++) {
		size_t n = strlen(argv[i]);

		strace_printf(&sb, "%s", i ? ", " : "");
		strace_quote(&sb, (const uint8_t *)argv[i],
			     MIN(n, STRACE_STRLEN), n > STRACE_STRLEN);
	}
	strace_printf(&sb, "], %#llx /* %d vars */)", (unsigned long long)envp,
		      envc);
	sb_result(&sb, NULL, NULL, NULL, 0, true);
	fprintf(stderr, "%s\n", line);
}

void strace_print_exit(int status)
{
	const char *name;

	if ((status & 0x7f) == 0) {
		fprintf(stderr, "+++ exited with %d +++\n",
			(status >> 8) & 0xff);
		return;
	}
	name = linux_signal_name(status & 0x7f);
	if (name)
		fprintf(stderr, "+++ killed by %s%s +++\n", name,
			(status & 0x80) ? " (core dumped)" : "");
	else
		fprintf(stderr, "+++ killed by signal %d +++\n", status & 0x7f);
}

void strace_print_fault(const struct cpu_fault *f)
{
	const char *name = linux_signal_name(f->signo);
	char code[32];

	if (!name)
		name = "SIG???";
	strace_si_code(code, sizeof(code), f->signo, f->code);
	fprintf(stderr, "--- %s {si_signo=%s, si_code=%s, si_addr=", name, name,
		code);
	if (f->addr)
		fprintf(stderr, "%#llx} ---\n", (unsigned long long)f->addr);
	else
		fprintf(stderr, "NULL} ---\n");
}
