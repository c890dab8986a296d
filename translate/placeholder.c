/* placeholder: replaced by the translate implementation */
#include "wax.h"
int translate_placeholder(void);
int translate_placeholder(void) { return 0; }
