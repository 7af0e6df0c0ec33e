#include "url.h"
#include "lib.h"

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool url_unescape(const char *s, size_t n, bool query, char *out, size_t *out_len)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            if (i + 2 >= n)
                return false; /* needs two hex digits after it */
            int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            out[o++] = (char)(hi << 4 | lo);
            i += 2;
        } else if (s[i] == '+' && query) {
            out[o++] = ' ';
        } else {
            out[o++] = s[i];
        }
    }
    *out_len = o;
    return true;
}

/* Go's shouldEscape(c, encodePath). */
static bool path_should_escape(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return false;
    switch (c) {
    case '-': case '_': case '.': case '~':
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '@':
        return false;
    default:
        return true;
    }
}

/* Go's validEncoded(s, encodePath): what may stay as the client wrote it. */
static bool path_valid_encoded(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';':
        case '=': case ':': case '@': case '[': case ']': case '%':
            continue;
        default:
            if (path_should_escape((unsigned char)s[i]))
                return false;
        }
    }
    return true;
}

bool url_append_path(struct buf *b, const char *path, size_t n)
{
    static char decoded[16384];
    size_t len;
    if (n > sizeof decoded || !url_unescape(path, n, false, decoded, &len))
        return false;
    if (path_valid_encoded(path, n)) {
        buf_put(b, path, n);
        return true;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)decoded[i];
        if (path_should_escape(c))
            buf_printf(b, "%%%c%c", "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15]);
        else
            buf_putc(b, (char)c);
    }
    return true;
}

static const char *memchr_in(const char *s, size_t n, char c)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c)
            return s + i;
    return 0;
}

void form_parse(struct form *f, const char *q, size_t n)
{
    while (n > 0) {
        const char *amp = memchr_in(q, n, '&');
        size_t pair_len = amp ? (size_t)(amp - q) : n;
        const char *pair = q;
        q += amp ? pair_len + 1 : pair_len;
        n -= amp ? pair_len + 1 : pair_len;
        if (pair_len == 0 || memchr_in(pair, pair_len, ';'))
            continue;
        const char *eq = memchr_in(pair, pair_len, '=');
        size_t key_len = eq ? (size_t)(eq - pair) : pair_len;
        const char *value = eq ? eq + 1 : pair + pair_len;
        size_t value_len = eq ? pair_len - key_len - 1 : 0;
        if (f->count == f->max || f->arena_cap - f->arena_used < key_len + value_len) {
            f->overflow = true;
            return;
        }
        struct form_pair *p = &f->pairs[f->count];
        char *k = f->arena + f->arena_used;
        if (!url_unescape(pair, key_len, true, k, &p->key_len))
            continue;
        char *v = k + p->key_len;
        if (!url_unescape(value, value_len, true, v, &p->value_len))
            continue;
        p->key = k;
        p->value = v;
        f->arena_used += p->key_len + p->value_len;
        f->count++;
    }
}
