/* placeholder: replaced by the syscalls implementation */
#include "wax.h"
int syscalls_placeholder(void);
int syscalls_placeholder(void) { return 0; }
