/*
 * Guest test: a write to a pipe whose read end is closed raises SIGPIPE.
 * Ignored, the write fails with EPIPE; blocked, it fails with EPIPE and
 * the signal waits; unblocked with the default action, it kills the
 * process (exit status 141 = 128 + SIGPIPE as a shell shows it).
 */
#include "guest.h"
#include <signal.h>
#include <sys/uio.h>

int main(void)
{
	int p[2];
	pipe(p);
	close(p[0]);

	signal(SIGPIPE, SIG_IGN);
	showc("write, SIGPIPE ignored", write(p[1], "x", 1));
	struct iovec iov = {.iov_base = "yz", .iov_len = 2};
	showc("writev, SIGPIPE ignored", writev(p[1], &iov, 1));

	signal(SIGPIPE, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, NULL);
	showc("write, SIGPIPE blocked", write(p[1], "x", 1));
	showc("writev, SIGPIPE blocked", writev(p[1], &iov, 1));
	printf("unblocking: the pending SIGPIPE kills\n");
	fflush(stdout);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("not reached\n");
	return 0;
}
