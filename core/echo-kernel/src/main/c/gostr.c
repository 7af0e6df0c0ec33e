#include "gostr.h"

static const char hex[] = "0123456789abcdef";

/* Decodes one UTF-8 sequence the way Go's utf8.DecodeRune does; returns its width, 0 if invalid. */
static size_t decode_utf8(const unsigned char *s, size_t n, uint32_t *rune)
{
    unsigned char c = s[0];
    size_t width;
    uint32_t r, min;
    if (c < 0x80)
        return *rune = c, 1;
    if (c >= 0xc2 && c <= 0xdf)
        width = 2, r = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        width = 3, r = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        width = 4, r = c & 0x07, min = 0x10000;
    else
        return 0;
    if (n < width)
        return 0;
    for (size_t i = 1; i < width; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        r = r << 6 | (s[i] & 0x3f);
    }
    if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
        return 0; /* overlong, out of range, or a surrogate */
    *rune = r;
    return width;
}

static bool printable(uint32_t r)
{
    if (r < 0x80)
        return r >= 0x20 && r < 0x7f;
    static const uint32_t not_printable[][2] = {
        { 0x80, 0xa0 }, { 0xad, 0xad }, { 0x600, 0x605 }, { 0x61c, 0x61c }, { 0x6dd, 0x6dd }, { 0x70f, 0x70f },
        { 0x1680, 0x1680 }, { 0x180e, 0x180e }, { 0x2000, 0x200f }, { 0x2028, 0x202f }, { 0x205f, 0x206f },
        { 0x3000, 0x3000 }, { 0xd800, 0xf8ff }, { 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0xfffe, 0xffff },
        { 0xe0000, 0xe0fff }, { 0xf0000, 0x10ffff },
    };
    for (size_t i = 0; i < sizeof not_printable / sizeof not_printable[0]; i++)
        if (r >= not_printable[i][0] && r <= not_printable[i][1])
            return false;
    return true;
}

void go_quote(struct buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        uint32_t r;
        size_t width = decode_utf8(s + i, n - i, &r);
        if (width == 0) {
            buf_printf(b, "\\x%c%c", hex[s[i] >> 4], hex[s[i] & 15]);
            i++;
            continue;
        }
        if (r == '"' || r == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)r);
        } else if (printable(r)) {
            buf_put(b, s + i, width);
        } else {
            switch (r) {
            case '\a': buf_puts(b, "\\a"); break;
            case '\b': buf_puts(b, "\\b"); break;
            case '\f': buf_puts(b, "\\f"); break;
            case '\n': buf_puts(b, "\\n"); break;
            case '\r': buf_puts(b, "\\r"); break;
            case '\t': buf_puts(b, "\\t"); break;
            case '\v': buf_puts(b, "\\v"); break;
            default:
                if (r < 0x20 || r == 0x7f)
                    buf_printf(b, "\\x%02x", r);
                else if (r < 0x10000)
                    buf_printf(b, "\\u%04x", r);
                else
                    buf_printf(b, "\\U%08x", r);
            }
        }
        i += width;
    }
    buf_putc(b, '"');
}
