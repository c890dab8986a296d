/* placeholder: replaced by the fs implementation */
#include "wax.h"
int fs_placeholder(void);
int fs_placeholder(void) { return 0; }
