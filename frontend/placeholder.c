/* placeholder: replaced by the frontend implementation */
#include "wax.h"
int frontend_placeholder(void);
int frontend_placeholder(void) { return 0; }
