/*
 * The HTTP/1.x echo server of the HermitCore tutorial (Donovan & Kernighan's gopl.io ch1/server3), one
 * request per connection, answered with Connection: close. The answer body is what its Go handler
 * prints, byte for byte, except that Go's map order is random and ours is sorted by key.
 */
#ifndef HTTP_H
#define HTTP_H

#define HTTP_HEAD_MAX 8192  /* request line + headers; more is answered 431 */
#define HTTP_MAX_HEADERS 100 /* header fields; more is answered 431 */
/* Head plus body must fit in TCP_RX_MAX (16 KiB); a larger Content-Length is answered 413. */

#endif
