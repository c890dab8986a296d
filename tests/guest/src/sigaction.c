/*
 * Guest test: rt_sigaction and rt_sigprocmask record and report what was
 * set (delivery is not exercised), SIGKILL/SIGSTOP can't be changed.
 */
#include "guest.h"
#include <signal.h>

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	showc("sigaction USR1", sigaction(SIGUSR1, &sa, NULL));
	memset(&old, 0, sizeof(old));
	showc("sigaction query", sigaction(SIGUSR1, NULL, &old));
	printf("handler kept: %d\n", old.sa_handler == handler);
	printf("SA_RESTART kept: %d\n", !!(old.sa_flags & SA_RESTART));
	printf("mask has USR2: %d, not USR1: %d\n",
	       sigismember(&old.sa_mask, SIGUSR2),
	       sigismember(&old.sa_mask, SIGUSR1));
	sa.sa_handler = SIG_IGN;
	showc("sigaction USR1 ignore", sigaction(SIGUSR1, &sa, &old));
	printf("old was handler: %d\n", old.sa_handler == handler);
	sigaction(SIGUSR1, NULL, &old);
	printf("now SIG_IGN: %d\n", old.sa_handler == SIG_IGN);
	sigaction(SIGTERM, NULL, &old);
	printf("SIGTERM default: %d\n", old.sa_handler == SIG_DFL);
	showc("sigaction SIGKILL", sigaction(SIGKILL, &sa, NULL));
	showc("sigaction SIGSTOP", sigaction(SIGSTOP, &sa, NULL));
	showc("sigaction query SIGKILL", sigaction(SIGKILL, NULL, &old));
	showc("sigaction 0", sigaction(0, &sa, NULL));
	sigset_t set, got;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGINT);
	showc("block USR1+INT", sigprocmask(SIG_BLOCK, &set, NULL));
	sigprocmask(SIG_BLOCK, NULL, &got);
	printf("blocked USR1 %d INT %d TERM %d\n", sigismember(&got, SIGUSR1),
	       sigismember(&got, SIGINT), sigismember(&got, SIGTERM));
	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	sigaddset(&set, SIGSTOP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigprocmask(SIG_BLOCK, NULL, &got);
	printf("KILL/STOP unblockable: %d %d\n", sigismember(&got, SIGKILL),
	       sigismember(&got, SIGSTOP));
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigprocmask(SIG_BLOCK, NULL, &got);
	printf("after unblock INT: USR1 %d INT %d\n",
	       sigismember(&got, SIGUSR1), sigismember(&got, SIGINT));
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, &got);
	printf("setmask old had USR1: %d\n", sigismember(&got, SIGUSR1));
	showc("sigprocmask bad how", sigprocmask(99, &set, NULL));
	/* Raw: the kernel struct has handler, flags, restorer, mask. */
	unsigned long k[4];
	show("raw rt_sigaction query USR1", RS4(13, SIGUSR1, 0, k, 8));
	printf("raw handler is SIG_IGN: %d\n", k[0] == 1);
	return 0;
}
