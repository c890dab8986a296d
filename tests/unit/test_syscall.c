/*
 * Unit tests of the syscall core: dispatch (register convention, unknown
 * numbers), the --strace line format, and a few handlers whose results
 * are checked against what Linux returns for the same arguments.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <string.h>

#include "sys.h"
#include "linux_abi.h"

static struct task *make_task(void)
{
	struct process *p = calloc(1, sizeof(*p));
	struct task *t = calloc(1, sizeof(*t));

	cr_assert(p && t);
	p->mm = mm_create();
	cr_assert(p->mm);
	p->pid = 4242;
	p->ppid = 1;
	p->pgid = p->sid = p->pid;
	t->proc = p;
	t->tid = p->pid;
	cpu_init(&t->cpu, p->mm);
	t->cpu.task = t;
	return t;
}

/* One read-write guest page range for arguments. */
static gaddr guest_buf(struct task *t)
{
	int64_t a = mm_map(t->proc->mm, 0, 0x10000, MEM_READ | MEM_WRITE, 0);

	cr_assert(a > 0);
	return (gaddr)a;
}

static gaddr guest_str(struct task *t, gaddr at, const char *s)
{
	cr_assert(mm_write(t->proc->mm, at, s, strlen(s) + 1) == 0);
	return at;
}

static const char *fmt(struct task *t, uint64_t nr, uint64_t a0, uint64_t a1,
		       uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		       int64_t ret)
{
	static char line[1024];
	uint64_t a[6] = {a0, a1, a2, a3, a4, a5};

	strace_format(t, nr, syscall_lookup(nr), a, ret, true, line,
		      sizeof(line));
	return line;
}

/* strace's layout: the result starts at column 40 for short calls. */
static const char *padded(const char *call, const char *result)
{
	static char line[256];

	snprintf(line, sizeof(line), "%-40s= %s", call, result);
	return line;
}

Test(syscall, strace_shows_write_buffer_as_c_string)
{
	struct task *t = make_task();
	gaddr b = guest_str(t, guest_buf(t), "hello\n");

	cr_assert_str_eq(fmt(t, 1, 1, b, 6, 0, 0, 0, 6),
			 padded("write(1, \"hello\\n\", 6)", "6"));
}

Test(syscall, strace_openat_without_o_creat_omits_the_mode)
{
	struct task *t = make_task();
	gaddr p = guest_str(t, guest_buf(t), "/etc/passwd");

	cr_assert_str_eq(fmt(t, 257, (uint64_t)-100, p,
			     LINUX_O_RDONLY | LINUX_O_CLOEXEC, 0, 0, 0, 3),
			 "openat(AT_FDCWD, \"/etc/passwd\", "
			 "O_RDONLY|O_CLOEXEC) = 3");
}

Test(syscall, strace_openat_with_o_creat_shows_octal_mode)
{
	struct task *t = make_task();
	gaddr p = guest_str(t, guest_buf(t), "out");

	cr_assert_str_eq(fmt(t, 257, (uint64_t)-100, p,
			     LINUX_O_WRONLY | LINUX_O_CREAT | LINUX_O_TRUNC,
			     0644, 0, 0, 3),
			 "openat(AT_FDCWD, \"out\", O_WRONLY|O_CREAT|O_TRUNC, "
			 "0644) = 3");
}

Test(syscall, strace_error_result_shows_errno_name_and_message)
{
	struct task *t = make_task();
	gaddr p = guest_str(t, guest_buf(t), "/nonexistent");

	cr_assert_str_eq(
		fmt(t, 257, (uint64_t)-100, p, 0, 0, 0, 0, -LINUX_ENOENT),
		"openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 "
		"ENOENT (No such file or directory)");
}

Test(syscall, strace_mmap_decodes_prot_and_flags_and_prints_hex_result)
{
	struct task *t = make_task();

	cr_assert_str_eq(
		fmt(t, 9, 0, 8192, 3, 0x22, (uint64_t)-1, 0, 0x7f1234560000),
		"mmap(NULL, 8192, PROT_READ|PROT_WRITE, "
		"MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1234560000");
}

Test(syscall, strace_read_shows_32_bytes_of_what_the_kernel_wrote)
{
	struct task *t = make_task();
	gaddr b = guest_str(t, guest_buf(t),
			    "root:x:0:0:root:/root:/bin/bash\nmore");

	cr_assert_str_eq(fmt(t, 0, 3, b, 4096, 0, 0, 0, 1234),
			 "read(3, \"root:x:0:0:root:/root:/bin/bash\\n\"..., "
			 "4096) = 1234");
}

Test(syscall, strace_read_error_shows_buffer_address)
{
	struct task *t = make_task();

	cr_assert_str_eq(fmt(t, 0, 9, 0x1000, 10, 0, 0, 0, -LINUX_EBADF),
			 padded("read(9, 0x1000, 10)",
				"-1 EBADF (Bad file descriptor)"));
}

Test(syscall, strace_escapes_binary_bytes_in_octal)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	const uint8_t elf[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, '0'};

	cr_assert(mm_write(t->proc->mm, b, elf, sizeof(elf)) == 0);
	cr_assert_str_eq(
		fmt(t, 1, 1, b, sizeof(elf), 0, 0, 0, 9),
		padded("write(1, \"\\177ELF\\2\\1\\1\\0000\", 9)", "9"));
}

Test(syscall, strace_exit_group_prints_question_mark_result)
{
	char line[128];
	uint64_t a[6] = {0};

	strace_format(NULL, 231, syscall_lookup(231), a, 0, false, line,
		      sizeof(line));
	cr_assert_str_eq(line, padded("exit_group(0)", "?"));
}

Test(syscall, strace_fcntl_getfd_omits_the_unused_argument)
{
	cr_assert_str_eq(fmt(NULL, 72, 3, 1, 0x1234, 0, 0, 0, 1),
			 padded("fcntl(3, F_GETFD)", "0x1 (flags FD_CLOEXEC)"));
}

Test(syscall, strace_rt_sigprocmask_decodes_how_and_sets)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	uint64_t set =
		(1ull << (LINUX_SIGINT - 1)) | (1ull << (LINUX_SIGCHLD - 1));

	cr_assert(mm_write(t->proc->mm, b, &set, 8) == 0);
	cr_assert_str_eq(fmt(t, 14, LINUX_SIG_BLOCK, b, 0, 8, 0, 0, 0),
			 "rt_sigprocmask(SIG_BLOCK, [INT CHLD], NULL, 8) = 0");
}

Test(syscall, strace_unknown_number_prints_hex_arguments)
{
	cr_assert_str_eq(fmt(NULL, 1000, 1, 2, 3, 4, 5, 6, -LINUX_ENOSYS),
			 "syscall_0x3e8(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 "
			 "ENOSYS (Function not implemented)");
}

Test(syscall, strace_umask_result_is_octal)
{
	cr_assert_str_eq(fmt(NULL, 95, 077, 0, 0, 0, 0, 0, 022),
			 padded("umask(077)", "022"));
}

Test(syscall, unknown_number_returns_enosys_and_is_logged_once,
     .init = cr_redirect_stderr)
{
	uint64_t a[6] = {0};

	cr_assert_eq(syscall_invoke(NULL, 1000, a), -LINUX_ENOSYS);
	cr_assert_eq(syscall_invoke(NULL, 1000, a), -LINUX_ENOSYS);
	cr_assert_eq(syscall_invoke(NULL, 1001, a), -LINUX_ENOSYS);
	fflush(stderr);
	cr_assert_stderr_eq_str(
		"wax: unimplemented syscall 1000 (returning ENOSYS)\n"
		"wax: unimplemented syscall 1001 (returning ENOSYS)\n");
}

Test(syscall, out_of_range_number_returns_enosys_in_rax,
     .init = cr_redirect_stderr)
{
	struct task *t = make_task();

	t->cpu.regs[R_RAX] = 0xffffffffffffull;
	t->cpu.rip = 0x401002;
	syscall_dispatch(t);
	cr_assert_eq(t->cpu.regs[R_RAX], (uint64_t)-LINUX_ENOSYS);
	cr_assert_null(syscall_lookup(0xffffffffffffull));
}

Test(syscall, dispatch_sets_rcx_to_rip_and_r11_to_rflags)
{
	struct task *t = make_task();

	t->cpu.regs[R_RAX] = 39; /* getpid */
	t->cpu.rip = 0x401002;
	syscall_dispatch(t);
	cr_assert_eq(t->cpu.regs[R_RAX], 4242);
	cr_assert_eq(t->cpu.regs[R_RCX], 0x401002);
	cr_assert_eq(t->cpu.regs[R_R11], cpu_get_rflags(&t->cpu));
}

Test(syscall, dispatch_passes_arguments_from_the_syscall_registers)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	uint64_t mask = 0;

	/* sched_getaffinity(0, 128, b): pid rdi, len rsi, mask rdx */
	t->cpu.regs[R_RAX] = 204;
	t->cpu.regs[R_RDI] = 0;
	t->cpu.regs[R_RSI] = 128;
	t->cpu.regs[R_RDX] = b;
	syscall_dispatch(t);
	cr_assert_eq(t->cpu.regs[R_RAX], 8);
	cr_assert(mm_read(t->proc->mm, &mask, b, 8) == 0);
	cr_assert(mask & 1);
	/* mmap's fourth argument comes from r10, not rcx */
	t->cpu.regs[R_RAX] = 9;
	t->cpu.regs[R_RDI] = 0;
	t->cpu.regs[R_RSI] = 4096;
	t->cpu.regs[R_RDX] = 3;
	t->cpu.regs[R_RCX] = 0;
	t->cpu.regs[R_R10] = 0x22;
	t->cpu.regs[R_R8] = (uint64_t)-1;
	t->cpu.regs[R_R9] = 0;
	syscall_dispatch(t);
	cr_assert(!IS_LINUX_ERR(t->cpu.regs[R_RAX]));
}

Test(syscall, rt_sigaction_rejects_wrong_sigset_size_and_sigkill)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);

	cr_assert_eq(sys_rt_sigaction(t, LINUX_SIGINT, b, 0, 4, 0, 0),
		     -LINUX_EINVAL);
	cr_assert_eq(sys_rt_sigaction(t, LINUX_SIGKILL, b, 0, 8, 0, 0),
		     -LINUX_EINVAL);
	cr_assert_eq(sys_rt_sigaction(t, LINUX_SIGKILL, 0, b, 8, 0, 0), 0);
	cr_assert_eq(sys_rt_sigaction(t, 65, 0, b, 8, 0, 0), -LINUX_EINVAL);
}

Test(syscall, rt_sigaction_returns_the_previous_action)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	struct linux_sigaction_k sa = {0x401000, LINUX_SA_RESTORER, 0x402000,
				       ~0ull},
				 old;

	cr_assert(mm_write(t->proc->mm, b, &sa, sizeof(sa)) == 0);
	cr_assert_eq(sys_rt_sigaction(t, LINUX_SIGINT, b, 0, 8, 0, 0), 0);
	cr_assert_eq(sys_rt_sigaction(t, LINUX_SIGINT, 0, b + 64, 8, 0, 0), 0);
	cr_assert(mm_read(t->proc->mm, &old, b + 64, sizeof(old)) == 0);
	cr_assert_eq(old.handler, 0x401000);
	/* the kernel drops SIGKILL and SIGSTOP from the mask */
	cr_assert_eq(old.mask, ~0ull & ~((1ull << 8) | (1ull << 18)));
}

Test(syscall, rt_sigprocmask_cannot_block_sigkill)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	uint64_t all = ~0ull, old;

	cr_assert(mm_write(t->proc->mm, b, &all, 8) == 0);
	cr_assert_eq(sys_rt_sigprocmask(t, LINUX_SIG_SETMASK, b, 0, 8, 0, 0),
		     0);
	cr_assert_eq(sys_rt_sigprocmask(t, LINUX_SIG_BLOCK, 0, b + 8, 8, 0, 0),
		     0);
	cr_assert(mm_read(t->proc->mm, &old, b + 8, 8) == 0);
	cr_assert_eq(old, ~((1ull << 8) | (1ull << 18)));
	cr_assert_eq(sys_rt_sigprocmask(t, 7, b, 0, 8, 0, 0), -LINUX_EINVAL);
}

Test(syscall, uname_reports_linux_x86_64)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	struct linux_utsname u;

	cr_assert_eq(sys_uname(t, b, 0, 0, 0, 0, 0), 0);
	cr_assert(mm_read(t->proc->mm, &u, b, sizeof(u)) == 0);
	cr_assert_str_eq(u.sysname, "Linux");
	cr_assert_str_eq(u.machine, "x86_64");
	cr_assert_eq(sys_uname(t, 0x10, 0, 0, 0, 0, 0), -LINUX_EFAULT);
}

Test(syscall, futex_wait_with_a_changed_value_returns_eagain)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	uint32_t v = 5;

	cr_assert(mm_write(t->proc->mm, b, &v, 4) == 0);
	cr_assert_eq(sys_futex(t, b, LINUX_FUTEX_WAIT, 4, 0, 0, 0),
		     -LINUX_EAGAIN);
	cr_assert_eq(sys_futex(t, b, LINUX_FUTEX_WAKE, 1, 0, 0, 0), 0);
}

Test(syscall, mmap_rejects_zero_length_and_unaligned_offset)
{
	struct task *t = make_task();

	cr_assert_eq(sys_mmap(t, 0, 0, 3, 0x22, (uint64_t)-1, 0),
		     -LINUX_EINVAL);
	cr_assert_eq(sys_mmap(t, 0, 4096, 3, 0x22, (uint64_t)-1, 100),
		     -LINUX_EINVAL);
	cr_assert_eq(sys_mmap(t, 0, 4096, 3, 0x20, (uint64_t)-1, 0),
		     -LINUX_EINVAL); /* neither shared nor private */
	cr_assert_eq(sys_munmap(t, 0x1001, 4096, 0, 0, 0, 0), -LINUX_EINVAL);
}

Test(syscall, prlimit_reports_the_linux_default_stack_limit)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	struct linux_rlimit rl;

	t->proc->rlim[LINUX_RLIMIT_STACK] =
		(struct linux_rlimit){8 << 20, LINUX_RLIM_INFINITY};
	cr_assert_eq(sys_prlimit64(t, 0, LINUX_RLIMIT_STACK, 0, b, 0, 0), 0);
	cr_assert(mm_read(t->proc->mm, &rl, b, sizeof(rl)) == 0);
	cr_assert_eq(rl.cur, 8 << 20);
	cr_assert_eq(sys_prlimit64(t, 0, 99, 0, b, 0, 0), -LINUX_EINVAL);
	cr_assert_eq(sys_prlimit64(t, 1, LINUX_RLIMIT_STACK, 0, b, 0, 0),
		     -LINUX_ESRCH);
}

Test(syscall, exit_group_sets_the_wait_status)
{
	struct task *t = make_task();

	sys_exit_group(t, 300, 0, 0, 0, 0, 0);
	cr_assert(t->exiting);
	cr_assert_eq(t->proc->exit_status, (300 & 0xff) << 8);
}

Test(syscall, kill_of_self_with_default_action_terminates)
{
	struct task *t = make_task();

	cr_assert_eq(sys_kill(t, 4242, 0, 0, 0, 0, 0), 0);
	cr_assert_not(t->exiting);
	cr_assert_eq(sys_kill(t, 77, LINUX_SIGTERM, 0, 0, 0, 0), -LINUX_ESRCH);
	cr_assert_eq(sys_kill(t, 0, LINUX_SIGCHLD, 0, 0, 0, 0), 0);
	cr_assert_not(t->exiting); /* default action of SIGCHLD: ignore */
	cr_assert_eq(sys_kill(t, 4242, LINUX_SIGTERM, 0, 0, 0, 0), 0);
	cr_assert(t->exiting);
	cr_assert_eq(t->proc->exit_status, LINUX_SIGTERM);
}

Test(syscall, blocked_signal_is_delivered_when_unblocked)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	uint64_t set = 1ull << (LINUX_SIGUSR1 - 1);

	cr_assert(mm_write(t->proc->mm, b, &set, 8) == 0);
	sys_rt_sigprocmask(t, LINUX_SIG_BLOCK, b, 0, 8, 0, 0);
	sys_kill(t, 0, LINUX_SIGUSR1, 0, 0, 0, 0);
	cr_assert_not(t->exiting);
	sys_rt_sigprocmask(t, LINUX_SIG_UNBLOCK, b, 0, 8, 0, 0);
	cr_assert(t->exiting);
	cr_assert_eq(t->proc->exit_status, LINUX_SIGUSR1);
}

Test(syscall, clock_gettime_rejects_unknown_clocks)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	struct linux_timespec ts;

	cr_assert_eq(sys_clock_gettime(t, LINUX_CLOCK_MONOTONIC, b, 0, 0, 0, 0),
		     0);
	cr_assert(mm_read(t->proc->mm, &ts, b, sizeof(ts)) == 0);
	cr_assert(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	cr_assert_eq(sys_clock_gettime(t, 99, b, 0, 0, 0, 0), -LINUX_EINVAL);
}

Test(syscall, getrandom_fills_the_buffer_and_checks_flags)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	uint8_t out[64], zero[64] = {0};

	cr_assert_eq(sys_getrandom(t, b, 64, LINUX_GRND_NONBLOCK, 0, 0, 0), 64);
	cr_assert(mm_read(t->proc->mm, out, b, 64) == 0);
	cr_assert_neq(memcmp(out, zero, 64), 0);
	cr_assert_eq(sys_getrandom(t, b, 64, 0x100, 0, 0, 0), -LINUX_EINVAL);
}

Test(syscall, errno_messages_match_glibc)
{
	cr_assert_str_eq(linux_errno_message(LINUX_ENOENT),
			 "No such file or directory");
	cr_assert_str_eq(linux_errno_message(LINUX_ENOSYS),
			 "Function not implemented");
	cr_assert_str_eq(linux_signal_name(LINUX_SIGSEGV), "SIGSEGV");
}

Test(syscall, strace_getrandom_shows_bytes_in_hex_and_flags)
{
	struct task *t = make_task();
	gaddr b = guest_buf(t);
	const uint8_t bytes[2] = {0x62, 0x0c};

	cr_assert(mm_write(t->proc->mm, b, bytes, 2) == 0);
	cr_assert_str_eq(
		fmt(t, 318, b, 2, LINUX_GRND_NONBLOCK, 0, 0, 0, 2),
		padded("getrandom(\"\\x62\\x0c\", 2, GRND_NONBLOCK)", "2"));
}

Test(syscall, strace_prlimit64_names_the_resource)
{
	struct task *t = make_task();

	cr_assert_str_eq(fmt(t, 302, 0, LINUX_RLIMIT_STACK, 0, 0, 0, 0, 0),
			 padded("prlimit64(0, RLIMIT_STACK, NULL, NULL)", "0"));
}

Test(syscall, strace_futex_shows_only_the_arguments_of_its_op)
{
	cr_assert_str_eq(
		fmt(NULL, 202, 0x7000, 129, 0x7fffffff, 0x55, 0x66, 0x77, 0),
		"futex(0x7000, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	cr_assert_str_eq(fmt(NULL, 202, 0x7000, 128, 2, 0, 0, 0, -LINUX_EAGAIN),
			 "futex(0x7000, FUTEX_WAIT_PRIVATE, 2, NULL) = -1 "
			 "EAGAIN (Resource temporarily unavailable)");
}

Test(syscall, unimplemented_syscall_is_logged_with_its_linux_name,
     .init = cr_redirect_stderr)
{
	uint64_t a[6] = {0};

	/* 153 is vhangup: far from anything wax will implement */
	cr_assert_eq(syscall_invoke(NULL, 153, a), -LINUX_ENOSYS);
	fflush(stderr);
	cr_assert_stderr_eq_str("wax: unimplemented syscall 153 (vhangup) "
				"(returning ENOSYS)\n");
	cr_assert_str_eq(fmt(NULL, 153, 0, 0, 0, 0, 0, 0, -LINUX_ENOSYS),
			 padded("vhangup(0, 0, 0, 0, 0, 0)",
				"-1 ENOSYS (Function not implemented)"));
}

Test(syscall, prctl_name_round_trips_cut_at_15_characters)
{
	struct task *t = make_task();
	gaddr b = guest_str(t, guest_buf(t), "a-very-long-thread-name");
	char name[16];

	cr_assert_eq(sys_prctl(t, 15, b, 0, 0, 0, 0), 0);
	cr_assert_eq(sys_prctl(t, 16, b + 64, 0, 0, 0, 0), 0);
	cr_assert(mm_read(t->proc->mm, name, b + 64, 16) == 0);
	cr_assert_str_eq(name, "a-very-long-thr");
	cr_assert_eq(sys_prctl(t, 9999, 0, 0, 0, 0, 0), -LINUX_EINVAL);
}

Test(syscall, getpriority_returns_twenty_minus_nice)
{
	struct task *t = make_task();

	cr_assert_eq(sys_getpriority(t, 0, 0, 0, 0, 0, 0), 20);
	cr_assert_eq(sys_setpriority(t, 0, 0, 5, 0, 0, 0), 0);
	cr_assert_eq(sys_getpriority(t, 0, 0, 0, 0, 0, 0), 15);
	cr_assert_eq(sys_getpriority(t, 0, 777, 0, 0, 0, 0), -LINUX_ESRCH);
	cr_assert_eq(sys_getpriority(t, 9, 0, 0, 0, 0, 0), -LINUX_EINVAL);
}

Test(syscall, setsid_fails_for_a_group_leader_and_succeeds_otherwise)
{
	struct task *t = make_task();

	cr_assert_eq(sys_setsid(t, 0, 0, 0, 0, 0, 0), -LINUX_EPERM);
	t->proc->pgid = t->proc->sid = 1;
	cr_assert_eq(sys_setsid(t, 0, 0, 0, 0, 0, 0), 4242);
	cr_assert_eq(t->proc->pgid, 4242);
}
