#include "request.h"
#include "tcp.h"
#include "lib.h"

static bool is_tchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c))
        return true;
    for (const char *p = "!#$%&'*+-.^_`|~"; *p; p++)
        if (c == *p)
            return true;
    return false;
}

static bool is_token(struct str s)
{
    if (s.n == 0)
        return false;
    for (size_t i = 0; i < s.n; i++)
        if (!is_tchar(s.p[i]))
            return false;
    return true;
}

/* textproto.CanonicalMIMEHeaderKey: "user-agent" -> "User-Agent". In place: the buffer is ours. */
static void canonicalize(struct str name)
{
    char *p = (char *)name.p;
    bool upper = true;
    for (size_t i = 0; i < name.n; i++) {
        if (upper && p[i] >= 'a' && p[i] <= 'z')
            p[i] -= 32;
        else if (!upper && p[i] >= 'A' && p[i] <= 'Z')
            p[i] += 32;
        upper = p[i] == '-';
    }
}

bool str_is(struct str s, const char *literal) { return s.n == strlen(literal) && !memcmp(s.p, literal, s.n); }

size_t request_head_end(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n')
            continue;
        if (i + 1 < n && s[i + 1] == '\n')
            return i + 2;
        if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

static bool next_line(const char **at, const char *end, struct str *line)
{
    const char *p = *at;
    if (p >= end)
        return false;
    const char *eol = p;
    while (eol < end && *eol != '\n')
        eol++;
    line->p = p;
    line->n = (size_t)(eol - p);
    if (line->n && p[line->n - 1] == '\r')
        line->n--;
    *at = eol < end ? eol + 1 : end;
    return true;
}

static const char *detail;

static int fail(int status, const char *why)
{
    detail = why;
    return status;
}

/* Splits the request target as url.ParseRequestURI would: "*", "/path?query" or "http://host/path?query". */
static int parse_target(struct request *r)
{
    const char *t = r->target.p;
    size_t n = r->target.n;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t[i] < 0x21 || t[i] == 0x7f)
            return fail(400, "invalid control character in URL");
    r->absolute = false;
    r->has_query = false;
    r->query = (struct str){ t + n, 0 };
    if (n == 1 && t[0] == '*') {
        r->path = r->target;
        return 0;
    }
    size_t start = 0;
    if (n > 7 && equals_ignore_case(t, 7, "http://"))
        start = 7;
    else if (n > 8 && equals_ignore_case(t, 8, "https://"))
        start = 8;
    if (start) {
        r->absolute = true;
        r->scheme = (struct str){ t, start - 3 };
        size_t host_end = start;
        while (host_end < n && t[host_end] != '/' && t[host_end] != '?')
            host_end++;
        r->url_host = (struct str){ t + start, host_end - start };
        start = host_end;
    } else if (t[0] != '/') {
        return fail(400, "malformed request target"); /* authority-form (CONNECT) is not served */
    }
    size_t q = start;
    while (q < n && t[q] != '?')
        q++;
    r->path = (struct str){ t + start, q - start };
    if (q < n) {
        r->has_query = true;
        r->query = (struct str){ t + q + 1, n - q - 1 };
    }
    return 0;
}

/* Go's readRequest and textproto.ReadMIMEHeader, as far as they accept or refuse a request. */
static int parse(const char *s, size_t head_len, struct request *r)
{
    const char *at = s, *end = s + head_len;
    struct str line;
    memset(r, 0, sizeof *r);
    r->head_len = head_len;

    next_line(&at, end, &line);
    const char *sp1 = line.p, *line_end = line.p + line.n;
    while (sp1 < line_end && *sp1 != ' ')
        sp1++;
    const char *sp2 = sp1 < line_end ? sp1 + 1 : line_end;
    while (sp2 < line_end && *sp2 != ' ')
        sp2++;
    if (sp2 >= line_end)
        return fail(400, "malformed HTTP request");
    r->method = (struct str){ line.p, (size_t)(sp1 - line.p) };
    r->target = (struct str){ sp1 + 1, (size_t)(sp2 - sp1 - 1) };
    r->proto = (struct str){ sp2 + 1, (size_t)(line_end - sp2 - 1) };
    const char *v = r->proto.p;
    if (r->proto.n != 8 || memcmp(v, "HTTP/", 5) || !is_digit(v[5]) || v[6] != '.' || !is_digit(v[7]))
        return fail(400, "malformed HTTP version");
    if (v[5] != '1')
        return fail(505, "unsupported protocol version");
    r->minor = v[7] - '0';
    if (!is_token(r->method))
        return fail(400, "invalid method");
    if (r->target.n == 0)
        return fail(400, "missing request target");
    int status = parse_target(r);
    if (status)
        return status;

    int hosts = 0, lengths = 0;
    bool pragma_no_cache = false, cache_control = false;
    while (next_line(&at, end, &line) && line.n > 0) {
        if (line.p[0] == ' ' || line.p[0] == '\t')
            return fail(400, "obsolete header line folding is not supported");
        const char *colon = line.p;
        while (colon < line.p + line.n && *colon != ':')
            colon++;
        struct str name = { line.p, (size_t)(colon - line.p) };
        if (colon == line.p + line.n || !is_token(name))
            return fail(400, "malformed MIME header line");
        const char *vs = colon + 1, *ve = line.p + line.n;
        while (vs < ve && (*vs == ' ' || *vs == '\t'))
            vs++;
        while (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t'))
            ve--;
        struct str value = { vs, (size_t)(ve - vs) };
        for (size_t i = 0; i < value.n; i++)
            if (((unsigned char)value.p[i] < 0x20 && value.p[i] != '\t') || value.p[i] == 0x7f)
                return fail(400, "invalid header field value");
        canonicalize(name);

        if (str_is(name, "Host")) { /* Go moves it to r.Host and out of r.Header */
            if (hosts++ == 0)
                r->host = value;
            continue;
        }
        if (r->header_count == HTTP_MAX_HEADERS)
            return fail(431, "more than 100 header fields");
        r->headers[r->header_count++] = (struct header){ name, value };
        if (str_is(name, "Content-Length")) {
            size_t length = 0;
            if (value.n == 0)
                return fail(400, "bad Content-Length");
            for (size_t i = 0; i < value.n; i++) {
                if (!is_digit(value.p[i]))
                    return fail(400, "bad Content-Length");
                length = length > TCP_RX_MAX ? length : length * 10 + (size_t)(value.p[i] - '0');
            }
            if (lengths++ && length != r->content_length)
                return fail(400, "conflicting Content-Length headers");
            r->content_length = length;
        } else if (str_is(name, "Transfer-Encoding")) {
            return fail(501, "Transfer-Encoding (chunked bodies) is not supported");
        } else if (str_is(name, "Expect")) {
            if (equals_ignore_case(value.p, value.n, "100-continue"))
                r->expect_continue = r->minor >= 1;
            else
                return fail(417, "unknown Expect header");
        } else if (str_is(name, "Content-Type") && !r->content_type.p) {
            r->content_type = value;
        } else if (str_is(name, "Pragma")) {
            pragma_no_cache = pragma_no_cache || equals_ignore_case(value.p, value.n, "no-cache");
        } else if (str_is(name, "Cache-Control")) {
            cache_control = true;
        }
    }
    if (r->minor >= 1 && hosts == 0)
        return fail(400, "missing required Host header");
    if (hosts > 1)
        return fail(400, "too many Host headers");
    if (r->absolute)
        r->host = r->url_host; /* Go prefers the URL's host */
    if (pragma_no_cache && !cache_control) /* Go's fixPragmaCacheControl, RFC 7234 */
        r->headers[r->header_count++] = (struct header){ { "Cache-Control", 13 }, { "no-cache", 8 } };
    return 0;
}

int request_parse(char *s, size_t head_len, struct request *r, const char **why)
{
    detail = 0;
    int status = parse(s, head_len, r);
    *why = detail;
    return status;
}
