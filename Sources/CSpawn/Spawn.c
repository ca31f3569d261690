// posix_spawn in C rather than Foundation's Process: Process.run() on Linux
// walks /proc/self/fd to find descriptors to close and over-reads each
// directory entry (a crash now and then in a process with many descriptors
// open); closefrom in the child does the same job without a walk.
#define _GNU_SOURCE
#include "CSpawn.h"

#include <signal.h>
#include <spawn.h>

int clerk_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                const char *directory, int in_fd, int out_fd, int err_fd) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int failure = posix_spawn_file_actions_init(&actions);
    if (failure != 0) return failure;
    failure = posix_spawnattr_init(&attributes);
    if (failure != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return failure;
    }
    // dup2 onto the same number clears close-on-exec (glibc >= 2.29), so 0, 1, 2 pass as they are.
    if (failure == 0) failure = posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
    if (failure == 0) failure = posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    if (failure == 0) failure = posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    if (failure == 0 && directory != NULL) failure = posix_spawn_file_actions_addchdir_np(&actions, directory);
    if (failure == 0) failure = posix_spawn_file_actions_addclosefrom_np(&actions, 3);

    // A test runner's threads block most signals and this program ignores
    // SIGPIPE; a child must start with neither (a tmux server that never
    // sees SIGTERM cannot be stopped, a sendmail that ignores SIGPIPE hangs).
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    if (failure == 0) failure = posix_spawnattr_setsigmask(&attributes, &none);
    if (failure == 0) failure = posix_spawnattr_setsigdefault(&attributes, &all);
    if (failure == 0) failure = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (failure == 0) failure = posix_spawn(pid, path, &actions, &attributes, argv, envp);

    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return failure;
}
