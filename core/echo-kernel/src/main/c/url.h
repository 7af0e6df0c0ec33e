/* The parts of Go's net/url the echo server's output depends on. */
#ifndef URL_H
#define URL_H

#include <stddef.h>
#include <stdbool.h>
#include "console.h"

/* url.QueryUnescape (query: '+' is a space) or path unescaping; false on a malformed %-escape. */
bool url_unescape(const char *s, size_t n, bool query, char *out, size_t *out_len);

/*
 * Appends a request path as Go's URL.EscapedPath() returns it: unchanged when it is a valid encoding,
 * else re-escaped from its decoded form. False (Go answers 400) when it has a malformed %-escape.
 */
bool url_append_path(struct buf *b, const char *path, size_t n);

struct form_pair {
    const char *key, *value;
    size_t key_len, value_len;
};

/* url.Values under construction: pairs in arrival order, decoded strings kept in `arena`. */
struct form {
    struct form_pair *pairs;
    int count, max;
    char *arena;
    size_t arena_used, arena_cap;
    bool overflow; /* more pairs than `max` */
};

/*
 * url.ParseQuery, appending to f: '&'-separated key=value pairs, unescaped; like Go 1.17+, a pair with a
 * ';' or a bad escape is skipped (ParseForm reports the error and the echo handler ignores it).
 */
void form_parse(struct form *f, const char *query, size_t n);

#endif
