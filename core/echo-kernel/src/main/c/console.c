/* COM1 at 115200 8N1, polled: the log must work before (and without) interrupts. */
#include "console.h"
#include "cpu.h"
#include "lib.h"

#define COM1 0x3f8

void console_init(void)
{
    outb(COM1 + 1, 0x00); /* no UART interrupts */
    outb(COM1 + 3, 0x80); /* DLAB on: the next two registers are the divisor */
    outb(COM1 + 0, 0x01); /* 115200 baud */
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03); /* DLAB off, 8N1 */
    outb(COM1 + 2, 0xc7); /* FIFO on and cleared */
    outb(COM1 + 4, 0x03); /* DTR, RTS */
}

static void serial_putc(void *unused, char c)
{
    (void)unused;
    for (int spins = 0; spins < 100000 && !(inb(COM1 + 5) & 0x20); spins++)
        ; /* wait for room in the transmitter, but never forever: a missing UART must not hang us */
    outb(COM1, (uint8_t)c);
}

typedef void (*emit_fn)(void *ctx, char c);

static void emit_number(emit_fn emit, void *ctx, uint32_t v, unsigned base, int width, char pad, bool negative)
{
    char digits[12];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (negative)
        digits[n++] = '-';
    for (int i = n; i < width; i++)
        emit(ctx, pad);
    while (n)
        emit(ctx, digits[--n]);
}

static void vformat(emit_fn emit, void *ctx, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(ctx, *fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0, precision = -1;
        if (*fmt == '0')
            pad = '0', fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        if (fmt[0] == '.' && fmt[1] == '*')
            precision = va_arg(ap, int), fmt += 2;
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            for (int i = 0; s[i] && (precision < 0 || i < precision); i++)
                emit(ctx, s[i]);
            break;
        }
        case 'c': emit(ctx, (char)va_arg(ap, int)); break;
        case 'd': {
            int v = va_arg(ap, int);
            emit_number(emit, ctx, v < 0 ? -(uint32_t)v : (uint32_t)v, 10, width, pad, v < 0);
            break;
        }
        case 'u': emit_number(emit, ctx, va_arg(ap, uint32_t), 10, width, pad, false); break;
        case 'x': emit_number(emit, ctx, va_arg(ap, uint32_t), 16, width, pad, false); break;
        case '%': emit(ctx, '%'); break;
        default: emit(ctx, '?'); break;
        }
        if (!*fmt)
            break;
    }
}

void klog(const char *fmt, ...)
{
    va_list ap;
    for (const char *p = LOG_PREFIX; *p; p++)
        serial_putc(0, *p);
    va_start(ap, fmt);
    vformat(serial_putc, 0, fmt, ap);
    va_end(ap);
    serial_putc(0, '\r');
    serial_putc(0, '\n');
}

void buf_put(struct buf *b, const void *data, size_t n)
{
    if (n > b->cap - b->len) {
        b->overflow = true;
        n = b->cap - b->len;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
}

void buf_putc(struct buf *b, char c) { buf_put(b, &c, 1); }
void buf_puts(struct buf *b, const char *s) { buf_put(b, s, strlen(s)); }

static void buf_emit(void *ctx, char c) { buf_putc(ctx, c); }

void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vformat(buf_emit, b, fmt, ap);
    va_end(ap);
}

const char *ip_to_str(uint32_t ip, char out[16])
{
    struct buf b = { out, 0, 15, false };
    buf_printf(&b, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff);
    out[b.len] = 0;
    return out;
}
