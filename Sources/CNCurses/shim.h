#ifndef PERCEPTRON_CNCURSES_SHIM_H
#define PERCEPTRON_CNCURSES_SHIM_H
// Wide-character API (cchar_t, setcchar, wget_wch…) is hidden unless this is set before curses.h.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <curses.h>

// Swift 6 rejects C globals as not concurrency-safe, and function-like macros do not import:
// read them through inline functions instead.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline FILE *cn_stderr(void) { return stderr; }

// newterm with the standard streams: unlike initscr it returns NULL on an unknown TERM
// instead of printing and calling exit(1).
static inline SCREEN *cn_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

// 1 when the current terminal description can position the cursor (cup): "dumb" cannot.
static inline int cn_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

// wcwidth is hidden unless _XOPEN_SOURCE is defined, which SwiftPM does not let a module map set.
static inline int cn_wcwidth(wchar_t c) {
    extern int wcwidth(wchar_t);
    return wcwidth(c);
}

// SIGRTMIN and SIGRTMAX are calls, not constants (glibc keeps the first real-time signals for itself).
static inline int cn_sigrtmin(void) { return SIGRTMIN; }
static inline int cn_sigrtmax(void) { return SIGRTMAX; }

// The terminal's size from the kernel (ioctl is variadic, so Swift cannot call it): 0 on success.
static inline int cn_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

// setupterm is declared in term.h, whose macros (lines, columns, ...) are best kept out of Swift.
// Loads TERM's terminfo entry without starting curses: for `perceptron doctor`.
static inline int cn_setupterm(const char *term, int fd, int *status) {
    extern int setupterm(const char *, int, int *);
    return setupterm(term, fd, status);
}

// KEY_F(n) is a function-like macro.
static inline int cn_key_f(int n) { return KEY_F(n); }

#endif
