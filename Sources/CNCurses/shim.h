#ifndef CLERK_CNCURSES_SHIM_H
#define CLERK_CNCURSES_SHIM_H

/* Wide-character API (wget_wch, cchar_t, setcchar) needs these first. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <poll.h>
#include <errno.h>
#include <wchar.h>
#include <unistd.h>
#include <string.h>
#include <term.h>
#include <ncursesw/curses.h>

/* Globals and macros Swift cannot import (or, under Swift 6 strict
   concurrency, may not touch as mutable globals) are reached through these. */

static inline WINDOW *clerk_stdscr(void) { return stdscr; }

/* newterm, unlike initscr, returns NULL for an unknown TERM instead of exiting. */
static inline SCREEN *clerk_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int clerk_lines(void) { return LINES; }
static inline int clerk_cols(void) { return COLS; }
static inline int clerk_colors(void) { return COLORS; }
static inline int clerk_errno(void) { return errno; }

static inline attr_t clerk_a_normal(void) { return A_NORMAL; }
static inline attr_t clerk_a_bold(void) { return A_BOLD; }
static inline attr_t clerk_a_reverse(void) { return A_REVERSE; }
static inline attr_t clerk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t clerk_a_dim(void) { return A_DIM; }

static inline int clerk_key_resize(void) { return KEY_RESIZE; }
static inline int clerk_key_mouse(void) { return KEY_MOUSE; }
static inline int clerk_key_f(int n) { return KEY_F(n); }

static inline mmask_t clerk_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int clerk_mouse_is_click(mmask_t state) { return (state & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline int clerk_mouse_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int clerk_mouse_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }

/* Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~,
   which ncurses is taught to return as these two key codes. */
enum { CLERK_KEY_PASTE_START = 0x1f00, CLERK_KEY_PASTE_END = 0x1f01 };
static inline void clerk_bracketed_paste(int on) {
    const char *sequence = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t ignored = write(1, sequence, 8);
    (void)ignored;
}
static inline void clerk_define_paste_keys(void) {
    define_key("\033[200~", CLERK_KEY_PASTE_START);
    define_key("\033[201~", CLERK_KEY_PASTE_END);
}
static inline int clerk_key_paste_start(void) { return CLERK_KEY_PASTE_START; }
static inline int clerk_key_paste_end(void) { return CLERK_KEY_PASTE_END; }

static inline int clerk_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int clerk_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline int clerk_wcwidth(wchar_t c) { return wcwidth(c); }

static inline const char *clerk_codeset(void) { return nl_langinfo(CODESET); }

/* Writes one cell: up to 1 spacing + 4 combining characters. */
static inline int clerk_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* Termination signals only set a flag; the main loop notices it within one
   input timeout, restores the terminal and exits. */
static volatile sig_atomic_t clerk_signal_received = 0;
static void clerk_on_signal(int signo) { clerk_signal_received = signo; }
static inline void clerk_install_signal_handlers(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = clerk_on_signal;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    /* A vanished terminal must not kill us mid-write without restoring state. */
    signal(SIGPIPE, SIG_IGN);
}
static inline int clerk_pending_signal(void) { return (int)clerk_signal_received; }

/* A crash (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) must not leave the
   terminal in the alternate screen with the cursor hidden: the handler writes
   the terminal's own restore sequence (prepared while it was still safe to
   ask terminfo), then hands the signal to whoever handled it before (the
   Swift runtime's backtracer) or the default action. */
/* Buffers live inside functions: Swift imports the header's functions but
   does not emit storage for its static arrays. */
static inline char *clerk_restore_buffer(void) { static char buffer[512]; return buffer; }
static inline volatile sig_atomic_t *clerk_restore_length(void) { static volatile sig_atomic_t length = 0; return &length; }
static inline struct sigaction *clerk_previous_fatal(void) { static struct sigaction actions[32]; return actions; }
static inline void clerk_set_restore_sequence(const char *text) {
    size_t length = strlen(text);
    if (length >= 512) length = 511;
    memcpy(clerk_restore_buffer(), text, length);
    *clerk_restore_length() = (sig_atomic_t)length;
}
static void clerk_on_fatal(int signo) {
    sig_atomic_t length = *clerk_restore_length();
    if (length > 0) {
        ssize_t ignored = write(1, clerk_restore_buffer(), (size_t)length);
        (void)ignored;
        *clerk_restore_length() = 0;
    }
    sigaction(signo, &clerk_previous_fatal()[signo], NULL);
    raise(signo);
}
static inline void clerk_install_fatal_handlers(void) {
    int fatal[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER;
    action.sa_handler = clerk_on_fatal;
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        sigaction(fatal[i], &action, &clerk_previous_fatal()[fatal[i]]);
    }
}
/* The terminfo string for `name`, or "" (absent or cancelled). */
static inline const char *clerk_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? "" : value;
}

/* True when the terminal is gone: standard input hung up, or the side we
   draw on closed (writes would fail with EIO) while input still looks alive.
   One system call, asked on every idle wake-up. */
static inline int clerk_terminal_gone(void) {
    struct pollfd fds[2] = { { .fd = 0, .events = POLLIN, .revents = 0 }, { .fd = 1, .events = POLLOUT, .revents = 0 } };
    int n = poll(fds, 2, 0);
    if (n < 0) return errno != EINTR;
    if (n == 0) return 0;
    return ((fds[0].revents | fds[1].revents) & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* True when a read of standard input would not block (data, or end of file). */
static inline int clerk_input_readable(void) {
    struct pollfd fd = { .fd = 0, .events = POLLIN, .revents = 0 };
    return poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN) != 0;
}
#endif
