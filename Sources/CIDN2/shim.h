#ifndef CLERK_CIDN2_SHIM_H
#define CLERK_CIDN2_SHIM_H
/* IDNA2008 (UTS #46 non-transitional) from GNU libidn2: domain names to their ASCII (xn--) form for mail headers. */
#include <idn2.h>
#endif
