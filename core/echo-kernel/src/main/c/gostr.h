/* Go's formatting of strings as the echo server prints them: fmt's %q (strconv.Quote). */
#ifndef GOSTR_H
#define GOSTR_H

#include <stddef.h>
#include "console.h"

/*
 * Appends s quoted like Go's %q: "..." with \" \\ \n \t \r \a \b \f \v, \xNN for invalid UTF-8 and
 * other ASCII controls, \uNNNN / \UNNNNNNNN for non-printable code points. Go decides printability
 * from Unicode tables; we treat every valid code point as printable except controls, the space
 * separators, format characters and private use areas listed in gostr.c (unassigned code points,
 * which Go escapes, pass through here).
 */
void go_quote(struct buf *b, const char *s, size_t n);

#endif
