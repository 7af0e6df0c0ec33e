#include "http.h"
#include "request.h"
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

/* One request is parsed and answered at a time, so these can be shared. */
static struct request req;
static char answer_body[TCP_TX_MAX - 512]; /* leaves room for a 100 Continue and the head */
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
    size_t head_len = request_head_end(c->rx, c->rx_len);
    if (head_len == 0 ? c->rx_len > HTTP_HEAD_MAX : head_len > HTTP_HEAD_MAX) {
        answer_error(c, 431, "request head over 8192 bytes");
        return;
    }
    if (head_len == 0)
        return; /* wait for the rest of the head */
    const char *why;
    int status = request_parse((char *)c->rx, head_len, &req, &why);
    if (status) {
        answer_error(c, status, why);
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
