/* The few libc functions the kernel needs (gcc may also call memcpy/memset for struct copies). */
#ifndef LIB_H
#define LIB_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

static inline size_t min_size(size_t a, size_t b) { return a < b ? a : b; }
static inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive comparison of a counted string with a C string. */
bool equals_ignore_case(const char *s, size_t n, const char *literal);

/* In a line of space-separated words: what follows `prefix` in the first word starting with it, or 0.
   With prefix "port=" that is the value; a whole word ("virtio=legacy") gives "" when present. */
const char *find_word(const char *line, const char *prefix);

/* Big-endian (network order) loads and stores at any alignment. */
static inline uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
static inline void put16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = (uint8_t)v; }
static inline void put32(uint8_t *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = (uint8_t)v; }

#endif
