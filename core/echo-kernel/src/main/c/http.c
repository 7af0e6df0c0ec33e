#include "http.h"
#include "tcp.h"
#include "net.h"
#include "gostr.h"
#include "url.h"
#include "console.h"
#include "lib.h"

#define MAX_FORM_PAIRS 256

/* tcp_conn.app_state bits */
#define ANSWERED 1
#define CONTINUE_SENT 2

struct str {
    const char *p;
    size_t n;
};

struct header {
    struct str name, value;
};

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

/* One request is parsed and answered at a time, so these can be shared. */
static struct request req;
static const char *detail;              /* why parse_head refused, for the log and the 400 body */
static char answer_body[TCP_TX_MAX - 256];
static struct form_pair form_pairs[MAX_FORM_PAIRS];
static char form_arena[TCP_RX_MAX];

static const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Request Entity Too Large";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

static const char *peer(const struct tcp_conn *c)
{
    static char text[24];
    char ip[16];
    struct buf b = { text, 0, sizeof text - 1, false };
    buf_printf(&b, "%s:%u", ip_to_str(c->remote_ip, ip), c->remote_port);
    text[b.len] = 0;
    return text;
}

/* Go's own error answers look like this ("400 Bad Request: missing required Host header"). */
static void answer_error(struct tcp_conn *c, int status, const char *why)
{
    char text[160];
    struct buf body = { text, 0, sizeof text, false };
    buf_printf(&body, "%u %s", status, reason(status));
    if (status == 400 && why)
        buf_printf(&body, ": %s", why);
    char head[256];
    struct buf h = { head, 0, sizeof head, false };
    buf_printf(&h, "HTTP/1.1 %u %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %u\r\n"
                   "Connection: close\r\n\r\n", status, reason(status), (uint32_t)body.len);
    klog("%u %s for %s: %s", status, reason(status), peer(c), why);
    tcp_write(c, head, h.len);
    tcp_write(c, text, body.len);
    tcp_close(c);
    c->discard_input = true;
    c->app_state |= ANSWERED;
}

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

static bool str_is(struct str s, const char *literal) { return s.n == strlen(literal) && !memcmp(s.p, literal, s.n); }

/* Offset just past the blank line ending the head (CRLF or, as Go allows, bare LF), 0 if not there yet. */
static size_t find_head_end(const uint8_t *s, size_t n)
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
static int parse_head(const char *s, size_t head_len, struct request *r)
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

static int compare(struct str a, struct str b)
{
    int c = memcmp(a.p, b.p, min_size(a.n, b.n));
    return c ? c : (a.n > b.n) - (a.n < b.n);
}

/* Stable insertion sort by name: values of one name keep their order, as in Go's map of slices. */
static void sort_headers(struct header *h, int n)
{
    for (int i = 1; i < n; i++) {
        struct header x = h[i];
        int j = i;
        for (; j > 0 && compare(h[j - 1].name, x.name) > 0; j--)
            h[j] = h[j - 1];
        h[j] = x;
    }
}

static void sort_form(struct form_pair *p, int n)
{
    for (int i = 1; i < n; i++) {
        struct form_pair x = p[i];
        int j = i;
        for (; j > 0 && compare((struct str){ p[j - 1].key, p[j - 1].key_len }, (struct str){ x.key, x.key_len }) > 0; j--)
            p[j] = p[j - 1];
        p[j] = x;
    }
}

/* fmt.Fprintf(w, "%s %s %s\n", r.Method, r.URL, r.Proto): r.URL printed by URL.String(). */
static void print_request_line(struct buf *b, const struct request *r)
{
    buf_put(b, r->method.p, r->method.n);
    buf_putc(b, ' ');
    if (r->absolute) {
        for (size_t i = 0; i < r->scheme.n; i++)
            buf_putc(b, ascii_lower(r->scheme.p[i]));
        buf_puts(b, "://");
        buf_put(b, r->url_host.p, r->url_host.n);
    }
    if (str_is(r->path, "*"))
        buf_putc(b, '*');
    else
        url_append_path(b, r->path.p, r->path.n);
    if (r->has_query) {
        buf_putc(b, '?');
        buf_put(b, r->query.p, r->query.n);
    }
    buf_putc(b, ' ');
    buf_put(b, r->proto.p, r->proto.n);
    buf_putc(b, '\n');
}

static bool form_body(const struct request *r)
{
    if (!str_is(r->method, "POST") && !str_is(r->method, "PUT") && !str_is(r->method, "PATCH"))
        return false;
    struct str t = r->content_type;
    size_t n = 0;
    while (n < t.n && t.p[n] != ';')
        n++;
    while (n > 0 && (t.p[n - 1] == ' ' || t.p[n - 1] == '\t'))
        n--;
    return equals_ignore_case(t.p, n, "application/x-www-form-urlencoded");
}

static void answer_echo(struct tcp_conn *c)
{
    struct request *r = &req;
    struct buf b = { answer_body, 0, sizeof answer_body, false };
    print_request_line(&b, r);

    sort_headers(r->headers, r->header_count);
    for (int i = 0; i < r->header_count;) {
        buf_puts(&b, "Header[");
        go_quote(&b, r->headers[i].name.p, r->headers[i].name.n);
        buf_puts(&b, "] = [");
        int j = i;
        for (; j < r->header_count && compare(r->headers[j].name, r->headers[i].name) == 0; j++) {
            if (j > i)
                buf_putc(&b, ' ');
            go_quote(&b, r->headers[j].value.p, r->headers[j].value.n);
        }
        buf_puts(&b, "]\n");
        i = j;
    }
    buf_puts(&b, "Host = ");
    go_quote(&b, r->host.p ? r->host.p : "", r->host.n);
    buf_puts(&b, "\nRemoteAddr = ");
    const char *remote = peer(c);
    go_quote(&b, remote, strlen(remote));
    buf_putc(&b, '\n');

    /* r.ParseForm(): the urlencoded body's values first, then the query's, per key. */
    struct form f = { form_pairs, 0, MAX_FORM_PAIRS, form_arena, 0, sizeof form_arena, false };
    if (form_body(r))
        form_parse(&f, (const char *)c->rx + r->head_len, r->content_length);
    if (r->has_query)
        form_parse(&f, r->query.p, r->query.n);
    if (f.overflow) {
        answer_error(c, 413, "more than 256 form values");
        return;
    }
    sort_form(f.pairs, f.count);
    for (int i = 0; i < f.count;) {
        buf_puts(&b, "Form[");
        go_quote(&b, f.pairs[i].key, f.pairs[i].key_len);
        buf_puts(&b, "] = [");
        int j = i;
        for (; j < f.count && f.pairs[j].key_len == f.pairs[i].key_len &&
               !memcmp(f.pairs[j].key, f.pairs[i].key, f.pairs[i].key_len); j++) {
            if (j > i)
                buf_putc(&b, ' ');
            go_quote(&b, f.pairs[j].value, f.pairs[j].value_len);
        }
        buf_puts(&b, "]\n");
        i = j;
    }
    if (b.overflow) {
        answer_error(c, 500, "the echo of this request does not fit the answer buffer");
        return;
    }

    klog("%.*s %.*s from %s", (int)r->method.n, r->method.p, (int)min_size(r->target.n, 200), r->target.p, remote);
    char head[256];
    struct buf h = { head, 0, sizeof head, false };
    buf_printf(&h, "HTTP/1.%c 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %u\r\n"
                   "Connection: close\r\n\r\n", r->minor >= 1 ? '1' : '0', (uint32_t)b.len);
    tcp_write(c, head, h.len);
    if (!str_is(r->method, "HEAD"))
        tcp_write(c, answer_body, b.len);
    tcp_close(c);
    c->discard_input = true; /* one request per connection: anything pipelined after it is dropped */
    c->app_state |= ANSWERED;
}

void app_receive(struct tcp_conn *c)
{
    if (c->app_state & ANSWERED)
        return;
    size_t head_len = find_head_end(c->rx, c->rx_len);
    if (head_len == 0 ? c->rx_len > HTTP_HEAD_MAX : head_len > HTTP_HEAD_MAX) {
        answer_error(c, 431, "request head over 8192 bytes");
        return;
    }
    if (head_len == 0)
        return; /* wait for the rest of the head */
    int status = parse_head((const char *)c->rx, head_len, &req);
    if (status) {
        answer_error(c, status, detail);
        return;
    }
    if (req.content_length > TCP_RX_MAX - head_len) {
        answer_error(c, 413, "request body over the 16 KiB request limit");
        return;
    }
    if (c->rx_len < head_len + req.content_length) {
        if (req.expect_continue && !(c->app_state & CONTINUE_SENT)) {
            static const char go_on[] = "HTTP/1.1 100 Continue\r\n\r\n";
            tcp_write(c, go_on, sizeof go_on - 1);
            c->app_state |= CONTINUE_SENT;
        }
        return; /* wait for the rest of the body */
    }
    answer_echo(c);
}

void app_peer_closed(struct tcp_conn *c)
{
    if (c->app_state & ANSWERED)
        return;
    if (c->rx_len == 0)
        klog("connection from %s closed without a request", peer(c));
    else
        klog("connection from %s closed after %u bytes, before its request was complete", peer(c), c->rx_len);
    c->app_state |= ANSWERED;
    tcp_close(c);
}

void app_idle_timeout(struct tcp_conn *c)
{
    if (!(c->app_state & ANSWERED))
        answer_error(c, 408, "nothing received for 30 s");
}

void app_aborted(struct tcp_conn *c, const char *why)
{
    klog("connection from %s %s", peer(c), why);
}
