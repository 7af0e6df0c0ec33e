/* An HTTP/1.x request head, parsed and judged the way Go's net/http server does. */
#ifndef REQUEST_H
#define REQUEST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "http.h"

struct str {
    const char *p;
    size_t n;
};

struct header {
    struct str name, value;
};

/* Pointers into the connection's receive buffer, which the parse also canonicalises header names in. */
struct request {
    struct str method, target, proto;
    int minor;                                /* HTTP/1.minor */
    struct header headers[HTTP_MAX_HEADERS + 1]; /* + the Cache-Control Go may add */
    int header_count;
    struct str host, content_type;
    struct str scheme, url_host, path, query; /* the target, split */
    bool absolute, has_query, expect_continue;
    size_t head_len, content_length;
};

/* Offset just past the blank line ending the head (CRLF or, as Go allows, bare LF), 0 if not there yet. */
size_t request_head_end(const uint8_t *s, size_t n);

/*
 * Parses the head s[0, head_len). Returns 0, or the status Go would answer (400, 417, 431, 501, 505)
 * with *why saying what was wrong. Host headers go to r->host and out of r->headers, as in Go.
 */
int request_parse(char *s, size_t head_len, struct request *r, const char **why);

bool str_is(struct str s, const char *literal);

#endif
