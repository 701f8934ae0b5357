// The C side of TerminalUI: ncursesw as Swift 6 can see it.
//
// SwiftPM drops the -D flags that pkg-config reports for ncursesw, and without them the wide-character
// API (get_wch, cchar_t) is hidden; so define them here, before the include.
#ifndef BACKPROP_CNCURSESW_SHIM_H
#define BACKPROP_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Attribute macros expand to bit expressions that Swift cannot import; wrap them rather than
// hard-coding bit values, which differ between curses builds.
static inline attr_t cncurses_a_normal(void) { return A_NORMAL; }
static inline attr_t cncurses_a_bold(void) { return A_BOLD; }
static inline attr_t cncurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t cncurses_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cncurses_a_dim(void) { return A_DIM; }

// KEY_F(n) is a function-like macro.
static inline int cncurses_key_f(int n) { return KEY_F(n); }

// C globals are "not concurrency-safe" in Swift 6; read them through functions instead.
static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
static inline int cncurses_colors(void) { return COLORS; }
static inline int cncurses_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cncurses_stdin(void) { return stdin; }
static inline FILE *cncurses_stdout(void) { return stdout; }

// nl_langinfo(CODESET) through a function, so Swift need not know the CODESET constant's form.
static inline const char *cncurses_codeset(void) { return nl_langinfo(CODESET); }

// Whether the terminal named by $TERM can address the cursor (terminfo `cup`). Terminals without it
// (TERM=dumb, some editor consoles) would get a blank screen from a full-screen app, so the caller
// refuses them up front. setupterm's own description is freed again: newterm makes its own.
// Returns 1 with cursor addressing, 0 without, -1 when terminfo has no entry for $TERM (newterm
// then reports that).
static inline int cncurses_has_cursor_addressing(int fd) {
  int error = 0;
  if (setupterm(NULL, fd, &error) != OK) { return -1; }
  char *cup = tigetstr("cup");
  int result = (cup != NULL && cup != (char *)-1) ? 1 : 0;
  del_curterm(cur_term);
  return result;
}

#endif
