/*
 * Time syscalls: clock_gettime(2), clock_getres(2), gettimeofday(2),
 * time(2), nanosleep(2), clock_nanosleep(2).  Guest clocks map onto the
 * host's POSIX clocks (all of which Emscripten provides).
 *
 * Layer: syscalls/.  Called through the dispatch table (syscall.c).
 */
#include <errno.h>
#include <time.h>

#include "sys.h"
#include "linux_abi.h"
#ifdef __EMSCRIPTEN__
#include "wasm/wasm_host.h"
#endif

#define NSEC_PER_SEC 1000000000ll

/* The host clock behind a guest clock id, or -1 for an invalid id. */
static int host_clockid(uint64_t clk, clockid_t *out)
{
	switch ((int)clk) {
	case LINUX_CLOCK_REALTIME:
	case LINUX_CLOCK_REALTIME_COARSE:
	case LINUX_CLOCK_TAI:
	case LINUX_CLOCK_REALTIME_ALARM:
		*out = CLOCK_REALTIME;
		return 0;
	case LINUX_CLOCK_MONOTONIC:
	case LINUX_CLOCK_MONOTONIC_RAW:
	case LINUX_CLOCK_MONOTONIC_COARSE:
	case LINUX_CLOCK_BOOTTIME:
	case LINUX_CLOCK_BOOTTIME_ALARM:
		*out = CLOCK_MONOTONIC;
		return 0;
	case LINUX_CLOCK_PROCESS_CPUTIME_ID:
	case LINUX_CLOCK_THREAD_CPUTIME_ID:
		/* one guest thread per host process so far */
		*out = CLOCK_PROCESS_CPUTIME_ID;
		return 0;
	default:
		return -1;
	}
}

static int read_clock(uint64_t clk, struct linux_timespec *ts)
{
	clockid_t id;
	struct timespec h;

	if (host_clockid(clk, &id) < 0)
		return -LINUX_EINVAL;
#ifdef __EMSCRIPTEN__
	if (id == CLOCK_PROCESS_CPUTIME_ID) {
		/* Emscripten has no CPU clocks: Node's process.cpuUsage */
		int64_t ns = wasm_host_cpu_time_ns();

		ts->tv_sec = ns / NSEC_PER_SEC;
		ts->tv_nsec = ns % NSEC_PER_SEC;
		return 0;
	}
#endif
	if (clock_gettime(id, &h) < 0)
		return -linux_errno_from_host(errno);
	ts->tv_sec = h.tv_sec;
	ts->tv_nsec = h.tv_nsec;
	return 0;
}

int64_t sys_clock_gettime(struct task *t, uint64_t clk, uint64_t tp,
			  uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_timespec ts;
	int r = read_clock(clk, &ts);

	if (r < 0)
		return r;
	return copy_to_user(t, tp, &ts, sizeof(ts));
}

int64_t sys_clock_getres(struct task *t, uint64_t clk, uint64_t tp, uint64_t a2,
			 uint64_t a3, uint64_t a4, uint64_t a5)
{
	clockid_t id;
	/* high-resolution clocks report 1 ns; coarse ones a tick (HZ=250) */
	struct linux_timespec res = {0, 1};

	if (host_clockid(clk, &id) < 0)
		return -LINUX_EINVAL;
	if (clk == LINUX_CLOCK_REALTIME_COARSE ||
	    clk == LINUX_CLOCK_MONOTONIC_COARSE)
		res.tv_nsec = 4000000;
	if (!tp)
		return 0;
	return copy_to_user(t, tp, &res, sizeof(res));
}

int64_t sys_gettimeofday(struct task *t, uint64_t tv, uint64_t tz, uint64_t a2,
			 uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_timespec ts;
	struct linux_timeval v;
	struct linux_timezone z = {0, 0};
	int r;

	if (tv) {
		r = read_clock(LINUX_CLOCK_REALTIME, &ts);
		if (r < 0)
			return r;
		v.tv_sec = ts.tv_sec;
		v.tv_usec = ts.tv_nsec / 1000;
		if (copy_to_user(t, tv, &v, sizeof(v)) < 0)
			return -LINUX_EFAULT;
	}
	if (tz && copy_to_user(t, tz, &z, sizeof(z)) < 0)
		return -LINUX_EFAULT;
	return 0;
}

int64_t sys_time(struct task *t, uint64_t tloc, uint64_t a1, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_timespec ts;
	int r = read_clock(LINUX_CLOCK_REALTIME, &ts);

	if (r < 0)
		return r;
	if (tloc && copy_to_user(t, tloc, &ts.tv_sec, 8) < 0)
		return -LINUX_EFAULT;
	return ts.tv_sec;
}

/* ---- sleeping ------------------------------------------------------------ */

static int read_timespec(struct task *t, uint64_t p, struct linux_timespec *ts)
{
	if (copy_from_user(t, ts, p, sizeof(*ts)) < 0)
		return -LINUX_EFAULT;
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
		return -LINUX_EINVAL;
	return 0;
}

/* Sleeps for a relative time on the host.  No guest signal can interrupt
 * it yet, so it always sleeps the full time. */
static void host_sleep(const struct linux_timespec *rel)
{
	struct timespec req = {(time_t)rel->tv_sec, (long)rel->tv_nsec};
	struct timespec rem;

	while (nanosleep(&req, &rem) < 0 && errno == EINTR)
		req = rem;
}

int64_t sys_nanosleep(struct task *t, uint64_t req, uint64_t rem, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_timespec ts;
	int r = read_timespec(t, req, &ts);

	if (r < 0)
		return r;
	host_sleep(&ts);
	return 0;
}

int64_t sys_clock_nanosleep(struct task *t, uint64_t clk, uint64_t flags,
			    uint64_t req, uint64_t rem, uint64_t a4,
			    uint64_t a5)
{
	struct linux_timespec ts, now;
	int r;

	switch ((int)clk) {
	case LINUX_CLOCK_REALTIME:
	case LINUX_CLOCK_MONOTONIC:
	case LINUX_CLOCK_BOOTTIME:
	case LINUX_CLOCK_TAI:
	case LINUX_CLOCK_PROCESS_CPUTIME_ID:
		break;
	case LINUX_CLOCK_THREAD_CPUTIME_ID:
		return -LINUX_EINVAL;
	default:
		return -LINUX_EOPNOTSUPP;
	}
	r = read_timespec(t, req, &ts);
	if (r < 0)
		return r;
	if (!(flags & LINUX_TIMER_ABSTIME)) {
		host_sleep(&ts);
		return 0;
	}
	/* Absolute: sleep the difference, re-checking the clock because the
	 * host sleep measures monotonic time and the target clock may not. */
	for (;;) {
		struct linux_timespec rel;

		r = read_clock(clk, &now);
		if (r < 0)
			return r;
		rel.tv_sec = ts.tv_sec - now.tv_sec;
		rel.tv_nsec = ts.tv_nsec - now.tv_nsec;
		if (rel.tv_nsec < 0) {
			rel.tv_nsec += NSEC_PER_SEC;
			rel.tv_sec--;
		}
		if (rel.tv_sec < 0 || (rel.tv_sec == 0 && rel.tv_nsec == 0))
			return 0;
		host_sleep(&rel);
	}
}
