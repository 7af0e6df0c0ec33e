#include "lib.h"

void *memcpy(void *dst, const void *src, size_t n)
{
    void *d = dst;
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
    return dst; /* gcc relies on memcpy returning dst when it emits the call itself */
}

void *memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d < s) {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    for (size_t i = 0; i < n; i++)
        d[i] = (uint8_t)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] - y[i];
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

bool equals_ignore_case(const char *s, size_t n, const char *literal)
{
    size_t i = 0;
    for (; i < n && literal[i]; i++)
        if (ascii_lower(s[i]) != ascii_lower(literal[i]))
            return false;
    return i == n && !literal[i];
}

const char *find_word(const char *line, const char *prefix)
{
    size_t n = strlen(prefix);
    for (const char *p = line; *p; p++)
        if ((p == line || p[-1] == ' ') && !memcmp(p, prefix, n))
            return p + n;
    return 0;
}
