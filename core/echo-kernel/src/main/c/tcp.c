#include "tcp.h"
#include "net.h"
#include "timer.h"
#include "console.h"
#include "cpu.h"
#include "lib.h"

#define FIN 0x01
#define SYN 0x02
#define RST 0x04
#define PSH 0x08
#define ACK 0x10

#define OUR_MSS (IP_MTU - IP_HEADER - 20)
#define DEFAULT_MSS 536     /* RFC 1122: what a peer without the MSS option can take */
#define RTO_INITIAL 1000    /* RFC 6298's 1 s; we do not measure RTT, so it stays the base */
#define RTO_MAX 16000
#define MAX_RETRIES 6       /* 1+2+4+8+16+16 s of silence, then the connection is reset */
#define TIME_WAIT_MS 2000   /* far below 2 MSL: slots are few and peers pick fresh ports anyway */
#define FIN_WAIT_2_MS 10000 /* a peer that never closes its side does not keep a slot */
#define IDLE_MS 30000       /* a connection that sends nothing for this long is answered 408 */

#define SEQ_LT(a, b) ((int32_t)((a) - (b)) < 0)
#define SEQ_LE(a, b) ((int32_t)((a) - (b)) <= 0)

struct segment {
    uint16_t sport, dport;
    uint32_t seq, ack;
    uint8_t flags;
    uint16_t wnd, mss;
    const uint8_t *data;
    uint32_t len;
};

static struct tcp_conn conns[TCP_CONNECTIONS];
static uint16_t listen_port;
static bool listening;

void tcp_listen(uint16_t port)
{
    listen_port = port;
    listening = true;
}

static void send_segment(const uint8_t mac[6], uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq,
                         uint32_t ack, uint8_t flags, uint16_t wnd, const uint8_t *data, uint32_t len, bool mss)
{
    uint8_t *t = ip_payload();
    uint32_t header = mss ? 24 : 20;
    put16(t, sport);
    put16(t + 2, dport);
    put32(t + 4, seq);
    put32(t + 8, ack);
    t[12] = (uint8_t)(header / 4 << 4);
    t[13] = flags;
    put16(t + 14, wnd);
    put32(t + 16, 0); /* checksum, urgent pointer */
    if (mss) {
        t[20] = 2; /* MSS option */
        t[21] = 4;
        put16(t + 22, OUR_MSS);
    }
    memcpy(t + header, data, len);
    uint32_t sum = pseudo_header_sum(net.ip, dst, PROTO_TCP, header + len);
    put16(t + 16, checksum_fold(checksum_add(sum, t, header + len)));
    ip_send(mac, net.ip, dst, PROTO_TCP, header + len);
}

static uint16_t rcv_window(const struct tcp_conn *c)
{
    return c->discard_input ? 65535 : (uint16_t)(TCP_RX_MAX - c->rx_len);
}

static void send_to(struct tcp_conn *c, uint32_t seq, uint8_t flags, const uint8_t *data, uint32_t len, bool mss)
{
    send_segment(c->remote_mac, c->remote_ip, listen_port, c->remote_port, seq, c->rcv_nxt, flags,
                 rcv_window(c), data, len, mss);
}

static void send_ack(struct tcp_conn *c) { send_to(c, c->snd_nxt, ACK, 0, 0, false); }

static void release(struct tcp_conn *c) { c->state = TCP_FREE; }

static void abort_connection(struct tcp_conn *c, const char *why)
{
    send_to(c, c->snd_nxt, RST | ACK, 0, 0, false);
    app_aborted(c, why);
    release(c);
}

static void arm(struct tcp_conn *c, uint32_t now)
{
    c->rtx_at = now + c->rto;
    c->rtx_armed = true;
}

static bool fin_acked(const struct tcp_conn *c) { return c->fin_queued && c->snd_una == c->iss + c->tx_len + 2; }
static bool unsent(const struct tcp_conn *c)
{
    return c->snd_nxt - (c->iss + 1) < c->tx_len || (c->fin_queued && c->snd_nxt != c->iss + c->tx_len + 2);
}

/*
 * The persist timer's probe into a zero window: one byte (or the FIN) past it. Like BSD, snd_nxt stays
 * put, so the byte goes out again in order once the window opens; snd_max moves, so its ACK is accepted.
 */
static bool probe_zero_window(struct tcp_conn *c, uint32_t now)
{
    uint32_t offset = c->snd_nxt - (c->iss + 1);
    if (c->snd_wnd != 0 || c->snd_nxt != c->snd_una || !unsent(c))
        return false;
    uint32_t n = offset < c->tx_len ? 1 : 0;
    bool fin = c->fin_queued && offset + n == c->tx_len;
    send_to(c, c->snd_nxt, ACK | (fin ? FIN : 0), c->tx + offset, n, false);
    if (SEQ_LT(c->snd_max, c->snd_nxt + n + fin))
        c->snd_max = c->snd_nxt + n + fin;
    arm(c, now);
    return true;
}

/* Sends what the peer's window allows from snd_nxt on, the FIN after the last byte once we closed. */
static bool output(struct tcp_conn *c, uint32_t now)
{
    if (c->state == TCP_SYN_RECEIVED) {
        if (c->snd_nxt != c->iss)
            return false;
        send_to(c, c->iss, SYN | ACK, 0, 0, true);
        c->snd_nxt = c->iss + 1;
        if (SEQ_LT(c->snd_max, c->snd_nxt))
            c->snd_max = c->snd_nxt;
        if (!c->rtx_armed)
            arm(c, now);
        return true;
    }
    bool sent = false;
    for (;;) {
        uint32_t offset = c->snd_nxt - (c->iss + 1);
        if (offset > c->tx_len)
            break; /* the FIN is out too */
        uint32_t window_end = c->snd_una + c->snd_wnd;
        uint32_t room = SEQ_LT(c->snd_nxt, window_end) ? window_end - c->snd_nxt : 0;
        uint32_t n = min_size(min_size(c->tx_len - offset, room), c->mss);
        bool fin = c->fin_queued && offset + n == c->tx_len;
        if (n == 0 && !fin)
            break;
        bool last = offset + n == c->tx_len;
        send_to(c, c->snd_nxt, ACK | (n && last ? PSH : 0) | (fin ? FIN : 0), c->tx + offset, n, false);
        c->snd_nxt += n + fin;
        if (SEQ_LT(c->snd_max, c->snd_nxt))
            c->snd_max = c->snd_nxt;
        if (!c->rtx_armed)
            arm(c, now);
        sent = true;
        if (fin)
            break;
    }
    if (!c->rtx_armed && c->snd_wnd == 0 && unsent(c))
        arm(c, now); /* the persist timer: probe the zero window when it fires */
    return sent;
}

bool tcp_write(struct tcp_conn *c, const void *data, size_t len)
{
    if (c->fin_queued || len > TCP_TX_MAX - c->tx_len)
        return false;
    memcpy(c->tx + c->tx_len, data, len);
    c->tx_len += len;
    return true;
}

void tcp_close(struct tcp_conn *c)
{
    if (c->fin_queued)
        return;
    c->fin_queued = true;
    if (c->state == TCP_ESTABLISHED)
        c->state = TCP_FIN_WAIT_1;
    else if (c->state == TCP_CLOSE_WAIT)
        c->state = TCP_LAST_ACK;
}

static struct tcp_conn *find(uint32_t ip, uint16_t port)
{
    for (int i = 0; i < TCP_CONNECTIONS; i++)
        if (conns[i].state != TCP_FREE && conns[i].remote_ip == ip && conns[i].remote_port == port)
            return &conns[i];
    return 0;
}

/* A free slot, or else the TIME_WAIT one closest to expiry (its peer has closed; it only absorbs strays). */
static struct tcp_conn *allocate(void)
{
    struct tcp_conn *oldest = 0;
    for (int i = 0; i < TCP_CONNECTIONS; i++) {
        if (conns[i].state == TCP_FREE)
            return &conns[i];
        if (conns[i].state == TCP_TIME_WAIT && (!oldest || SEQ_LT(conns[i].timer_at, oldest->timer_at)))
            oldest = &conns[i];
    }
    return oldest;
}

/* RFC 793's answer to a segment no connection owns. */
static void reset_stray(const uint8_t mac[6], uint32_t src, const struct segment *s)
{
    if (s->flags & ACK)
        send_segment(mac, src, s->dport, s->sport, s->ack, 0, RST, 0, 0, 0, false);
    else
        send_segment(mac, src, s->dport, s->sport, 0, s->seq + s->len + !!(s->flags & SYN) + !!(s->flags & FIN),
                     RST | ACK, 0, 0, 0, false);
}

static void accept(const uint8_t mac[6], uint32_t src, const struct segment *s, uint32_t now)
{
    struct tcp_conn *c = allocate();
    char ip[16];
    if (!c) {
        klog("tcp: all %d connections busy, dropping a SYN from %s:%u (it will retry)", TCP_CONNECTIONS,
             ip_to_str(src, ip), s->sport);
        return;
    }
    memset(c, 0, __builtin_offsetof(struct tcp_conn, rx));
    c->state = TCP_SYN_RECEIVED;
    c->remote_ip = src;
    c->remote_port = s->sport;
    memcpy(c->remote_mac, mac, 6);
    c->iss = (uint32_t)(rdtsc() >> 8); /* advances ~4M/s under QEMU: fresh per connection */
    c->snd_una = c->snd_nxt = c->snd_max = c->iss;
    c->snd_wnd = s->wnd;
    c->snd_wl1 = s->seq;
    c->snd_wl2 = c->iss;
    c->mss = min_size(s->mss, OUR_MSS);
    c->rcv_nxt = s->seq + 1;
    c->rto = RTO_INITIAL;
    c->last_input = now;
    output(c, now); /* SYN-ACK; data on the SYN is not taken, the peer sends it again */
}

static bool in_window(uint32_t seq, uint32_t start, uint32_t size)
{
    return SEQ_LE(start, seq) && SEQ_LT(seq, start + size);
}

static void enter_time_wait(struct tcp_conn *c, uint32_t now)
{
    c->state = TCP_TIME_WAIT;
    c->timer_at = now + TIME_WAIT_MS;
    c->rtx_armed = false;
}

/* RFC 793 3.9 "SEGMENT ARRIVES", for a connection past LISTEN. */
static void segment_arrives(struct tcp_conn *c, const struct segment *s, uint32_t now)
{
    uint32_t seg_len = s->len + !!(s->flags & SYN) + !!(s->flags & FIN);
    uint32_t window = rcv_window(c);

    if (c->state == TCP_SYN_RECEIVED && (s->flags & (SYN | ACK)) == SYN) {
        if (s->seq + 1 == c->rcv_nxt) { /* the SYN again: our SYN-ACK was lost */
            c->snd_nxt = c->iss;
            output(c, now);
        }
        return;
    }

    bool acceptable = seg_len == 0 ? (window == 0 ? s->seq == c->rcv_nxt : in_window(s->seq, c->rcv_nxt, window))
                                   : window > 0 && (in_window(s->seq, c->rcv_nxt, window) ||
                                                    in_window(s->seq + seg_len - 1, c->rcv_nxt, window));
    if (!acceptable) {
        if (!(s->flags & RST))
            send_ack(c); /* a duplicate or a segment past a gap: tell the peer where we are */
        if (c->state == TCP_TIME_WAIT && (s->flags & FIN))
            c->timer_at = now + TIME_WAIT_MS;
        return;
    }
    if (s->flags & RST) { /* RFC 5961: only an exact match resets; else a challenge ACK */
        if (s->seq == c->rcv_nxt) {
            app_aborted(c, "reset by the client");
            release(c);
        } else {
            send_ack(c);
        }
        return;
    }
    if (s->flags & SYN) { /* RFC 5961 4.2: challenge ACK, never a reset from a blind SYN */
        send_ack(c);
        return;
    }
    if (!(s->flags & ACK))
        return;

    if (c->state == TCP_SYN_RECEIVED) {
        if (!(SEQ_LT(c->snd_una, s->ack) && SEQ_LE(s->ack, c->snd_max))) {
            send_segment(c->remote_mac, c->remote_ip, listen_port, c->remote_port, s->ack, 0, RST, 0, 0, 0, false);
            return;
        }
        c->state = TCP_ESTABLISHED;
    }
    if (SEQ_LT(c->snd_max, s->ack)) { /* acknowledges what we never sent */
        send_ack(c);
        return;
    }
    if (SEQ_LT(c->snd_una, s->ack)) {
        c->snd_una = s->ack;
        if (SEQ_LT(c->snd_nxt, c->snd_una))
            c->snd_nxt = c->snd_una; /* acked beyond a go-back-N restart point */
        c->retries = 0;
        c->rto = RTO_INITIAL;
        if (c->snd_una == c->snd_max)
            c->rtx_armed = false;
        else
            arm(c, now);
    }
    if (SEQ_LT(c->snd_wl1, s->seq) || (c->snd_wl1 == s->seq && SEQ_LE(c->snd_wl2, s->ack))) {
        c->snd_wnd = s->wnd; /* only a segment at least as new as the last one may move the window */
        c->snd_wl1 = s->seq;
        c->snd_wl2 = s->ack;
    }
    if (s->wnd == 0)
        c->retries = 0; /* a peer answering our probes with a zero window is alive: keep probing */
    if (c->state == TCP_FIN_WAIT_1 && fin_acked(c)) {
        c->state = TCP_FIN_WAIT_2;
        c->timer_at = now + FIN_WAIT_2_MS;
    } else if (c->state == TCP_CLOSING && fin_acked(c)) {
        enter_time_wait(c, now);
    } else if (c->state == TCP_LAST_ACK && fin_acked(c)) {
        release(c);
        return;
    }

    bool need_ack = false, new_data = false, new_fin = false;
    if (s->len) {
        need_ack = true;
        bool open = c->state == TCP_ESTABLISHED || c->state == TCP_FIN_WAIT_1 || c->state == TCP_FIN_WAIT_2;
        uint32_t skip = SEQ_LT(s->seq, c->rcv_nxt) ? c->rcv_nxt - s->seq : 0; /* already have these */
        if (open && SEQ_LE(s->seq, c->rcv_nxt) && skip < s->len) {
            uint32_t n = min_size(s->len - skip, rcv_window(c));
            if (!c->discard_input) {
                memcpy(c->rx + c->rx_len, s->data + skip, n);
                c->rx_len += n;
                new_data = n > 0;
            }
            c->rcv_nxt += n;
        }
    }
    if ((s->flags & FIN) && s->seq + s->len == c->rcv_nxt) { /* in order: everything before it is in */
        c->rcv_nxt++;
        need_ack = new_fin = true;
        c->peer_closed = true;
        if (c->state == TCP_ESTABLISHED)
            c->state = TCP_CLOSE_WAIT;
        else if (c->state == TCP_FIN_WAIT_1 && fin_acked(c))
            enter_time_wait(c, now);
        else if (c->state == TCP_FIN_WAIT_1)
            c->state = TCP_CLOSING; /* both FINs crossed */
        else if (c->state == TCP_FIN_WAIT_2)
            enter_time_wait(c, now);
    }

    if (new_data)
        app_receive(c);
    if (new_fin)
        app_peer_closed(c);
    if (!output(c, now) && need_ack)
        send_ack(c);
}

void tcp_input(const uint8_t src_mac[6], uint32_t src, const uint8_t *t, size_t len)
{
    if (len < 20)
        return;
    uint32_t header = (t[12] >> 4) * 4u;
    if (header < 20 || header > len ||
        checksum_fold(checksum_add(pseudo_header_sum(src, net.ip, PROTO_TCP, len), t, len)) != 0)
        return;
    struct segment s = { get16(t), get16(t + 2), get32(t + 4), get32(t + 8), t[13] & 0x3f, get16(t + 14),
                         DEFAULT_MSS, t + header, (uint32_t)(len - header) };
    for (uint32_t i = 20; i < header;) { /* options: we only want MSS */
        uint8_t kind = t[i];
        if (kind == 0)
            break;
        if (kind == 1) {
            i++;
            continue;
        }
        if (i + 1 >= header || t[i + 1] < 2 || i + t[i + 1] > header)
            break;
        if (kind == 2 && t[i + 1] == 4 && get16(t + i + 2) >= 64)
            s.mss = get16(t + i + 2);
        i += t[i + 1];
    }

    uint32_t now = now_ms();
    struct tcp_conn *c = s.dport == listen_port ? find(src, s.sport) : 0;
    if (c) {
        c->last_input = now;
        memcpy(c->remote_mac, src_mac, 6); /* answer along the path the peer uses now */
        segment_arrives(c, &s, now);
        return;
    }
    if (s.flags & RST)
        return; /* never answer a reset */
    bool to_listener = listening && s.dport == listen_port;
    if (to_listener && (s.flags & (SYN | ACK)) == SYN)
        accept(src_mac, src, &s, now);
    else if (!to_listener || (s.flags & ACK))
        reset_stray(src_mac, src, &s);
    /* else: neither SYN nor ACK to the listener, RFC 793 says drop */
}

void tcp_tick(uint32_t now)
{
    for (int i = 0; i < TCP_CONNECTIONS; i++) {
        struct tcp_conn *c = &conns[i];
        if (c->state == TCP_FREE)
            continue;
        if ((c->state == TCP_TIME_WAIT || c->state == TCP_FIN_WAIT_2) && time_reached(now, c->timer_at)) {
            release(c); /* FIN_WAIT_2: the peer read our answer and our FIN but never closed its side */
            continue;
        }
        if (c->state == TCP_ESTABLISHED && !c->fin_queued && time_reached(now, c->last_input + IDLE_MS))
            app_idle_timeout(c);
        if (c->rtx_armed && time_reached(now, c->rtx_at)) {
            if (++c->retries > MAX_RETRIES) {
                abort_connection(c, "stopped acknowledging: connection reset");
                continue;
            }
            c->rto = c->rto * 2 < RTO_MAX ? c->rto * 2 : RTO_MAX;
            c->snd_nxt = c->snd_una; /* go back N: resend everything unacknowledged */
            c->rtx_armed = false;
            if (!probe_zero_window(c, now))
                output(c, now);
            if (!c->rtx_armed && c->snd_una != c->snd_max)
                arm(c, now);
        }
        output(c, now); /* whatever the application queued meanwhile (a 408, say) */
    }
}
