#ifndef CLERK_CCRYPTO_SHIM_H
#define CLERK_CCRYPTO_SHIM_H
/* Only the one-shot SHA-256 of OpenSSL's libcrypto is used (not deprecated in 3.x). */
#include <openssl/sha.h>
#endif
