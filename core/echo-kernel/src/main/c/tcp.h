/*
 * A small TCP (RFC 793, 5961's RST/SYN checks, 6298's back-off) for a server that reads one request and
 * writes one answer per connection. Segments are accepted in order only (a gap gets a duplicate ACK and
 * the peer resends); unacknowledged data is resent go-back-N when the retransmission timer fires.
 * No congestion control beyond the peer's window, no window scaling, SACK or timestamps.
 */
#ifndef TCP_H
#define TCP_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

#define TCP_CONNECTIONS 8           /* served at the same time; more SYNs are dropped (and retried) */
#define TCP_RX_MAX 16384            /* bytes of request we hold per connection */
#define TCP_TX_MAX (96 * 1024)      /* bytes of answer we hold per connection */

enum tcp_state {
    TCP_FREE, TCP_SYN_RECEIVED, TCP_ESTABLISHED, TCP_CLOSE_WAIT, TCP_FIN_WAIT_1, TCP_FIN_WAIT_2, TCP_CLOSING,
    TCP_LAST_ACK, TCP_TIME_WAIT,
};

struct tcp_conn {
    enum tcp_state state;
    uint32_t remote_ip;
    uint16_t remote_port;
    uint8_t remote_mac[6];

    uint32_t iss, snd_una, snd_nxt, snd_max; /* snd_max: highest sequence sent, kept across go-back-N */
    uint32_t snd_wnd, snd_wl1, snd_wl2;      /* peer's window and the segment that last set it */
    uint16_t mss;
    uint32_t rcv_nxt;

    uint32_t rto, rtx_at;  /* retransmission (or zero-window probe) timeout and deadline */
    bool rtx_armed;
    int retries;
    uint32_t timer_at;     /* TIME_WAIT / FIN_WAIT_2 expiry */
    uint32_t last_input;   /* for the idle timeout */

    bool fin_queued;       /* we closed: a FIN follows the queued data */
    bool peer_closed;      /* the peer's FIN arrived */
    bool discard_input;    /* the answer is decided: swallow whatever the peer still sends */
    int app_state;         /* owned by the application (http.c) */
    uint32_t rx_len, tx_len;

    /* The buffers last, so a new connection clears only the fields above. */
    uint8_t rx[TCP_RX_MAX];
    uint8_t tx[TCP_TX_MAX]; /* tx[i] is sequence number iss + 1 + i */
};

void tcp_listen(uint16_t port);
void tcp_tick(uint32_t now);

/* For the application: queue answer bytes (returns false if they do not fit), then close. */
bool tcp_write(struct tcp_conn *c, const void *data, size_t len);
void tcp_close(struct tcp_conn *c);

/* Implemented by the application: new request bytes in c->rx, the peer's FIN, the connection's end. */
void app_receive(struct tcp_conn *c);
void app_peer_closed(struct tcp_conn *c);
void app_idle_timeout(struct tcp_conn *c);
void app_aborted(struct tcp_conn *c, const char *why);

#endif
