#ifndef CLERK_CSQLITE_SHIM_H
#define CLERK_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import. */
static inline sqlite3_destructor_type clerk_sqlite_transient(void) {
    return (sqlite3_destructor_type)-1;
}
#endif
