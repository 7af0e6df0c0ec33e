/* COM1 logging and a tiny printf shared by the log and the HTTP answers. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Every log line starts with this; EchoKernel.PREFIX on the Java side must match. */
#define LOG_PREFIX "echo-kernel: "

void console_init(void);

/*
 * Formats %s %c %d %u %x (with optional '0' flag and width), %.*s and %%; nothing else, which is all the
 * kernel needs. klog adds LOG_PREFIX and the line end.
 */
void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A bounded output buffer: appends beyond cap are dropped and remembered in `overflow`. */
struct buf {
    char *data;
    size_t len, cap;
    bool overflow;
};

void buf_put(struct buf *b, const void *data, size_t n);
void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "a.b.c.d" into out (16 bytes), returned for use as a printf argument. */
const char *ip_to_str(uint32_t ip, char out[16]);

#endif
