#ifndef CLERK_CSPAWN_H
#define CLERK_CSPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (both NULL-terminated) through
/// posix_spawn, with `in_fd`, `out_fd` and `err_fd` as its standard input,
/// output and error, in `directory` (NULL: this process's), with no other
/// descriptor inherited, no signal blocked and every signal's action the
/// default. Returns 0 and sets `*pid`, or an errno value (ENOENT, EACCES, …).
///
/// The three descriptors must each be 0, 1, 2 in their own place or above 2.
int clerk_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                const char *directory, int in_fd, int out_fd, int err_fd);

#endif
