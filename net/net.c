/*
 * Sockets layer (placeholder for the sockets issue).  Calls into fs/ for
 * the file ops of socket fds; called by syscalls/.  Nothing yet.
 */
#include "wax.h"

int net_available(void);

int net_available(void)
{
	return 0;
}
