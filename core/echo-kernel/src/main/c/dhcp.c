#include "dhcp.h"
#include "net.h"
#include "timer.h"
#include "console.h"
#include "cpu.h"
#include "lib.h"

#define SERVER_PORT 67
#define CLIENT_PORT 68
#define MAGIC 0x63825363
#define BOOTP_SIZE 300 /* the smallest BOOTP message some servers accept */

#define OPT_MASK 1
#define OPT_ROUTER 3
#define OPT_DNS 6
#define OPT_HOSTNAME 12
#define OPT_REQUESTED_IP 50
#define OPT_LEASE 51
#define OPT_TYPE 53
#define OPT_SERVER_ID 54
#define OPT_PARAMETERS 55
#define OPT_END 255

enum { DISCOVER = 1, OFFER = 2, REQUEST = 3, ACK = 5, NAK = 6 };
enum state { IDLE, SELECTING, REQUESTING, BOUND };

static enum state state;
static uint32_t xid, offered_ip, server_id, retry_at, retry_ms, renew_at;
static int attempts;
static bool ever_bound;

static uint8_t *option(uint8_t *p, uint8_t code, uint8_t len)
{
    p[0] = code;
    p[1] = len;
    return p + 2;
}

/* Renewing keeps our address in ciaddr; a first request names the offer and the server chosen. */
static void send_message(uint8_t type)
{
    uint8_t *m = ip_payload() + UDP_HEADER;
    memset(m, 0, BOOTP_SIZE);
    m[0] = 1; /* BOOTREQUEST */
    m[1] = 1; /* Ethernet */
    m[2] = 6;
    put32(m + 4, xid);
    put16(m + 10, 0x8000); /* broadcast the answer: we cannot take unicast before we have the address */
    bool renewing = type == REQUEST && net.configured;
    if (renewing)
        put32(m + 12, net.ip);
    memcpy(m + 28, net.mac, 6);
    put32(m + 236, MAGIC);
    uint8_t *p = option(m + 240, OPT_TYPE, 1);
    *p++ = type;
    if (type == REQUEST && !renewing) {
        p = option(p, OPT_REQUESTED_IP, 4);
        put32(p, offered_ip);
        p = option(p + 4, OPT_SERVER_ID, 4);
        put32(p, server_id);
        p += 4;
    }
    p = option(p, OPT_PARAMETERS, 3);
    *p++ = OPT_MASK;
    *p++ = OPT_ROUTER;
    *p++ = OPT_DNS;
    p = option(p, OPT_HOSTNAME, 11);
    memcpy(p, "echo-kernel", 11);
    p[11] = OPT_END;
    uint32_t src = renewing ? net.ip : 0;
    udp_send(broadcast_mac, src, 0xffffffff, CLIENT_PORT, SERVER_PORT, BOOTP_SIZE);
}

static void retry_later(uint32_t now)
{
    retry_at = now + retry_ms;
    if (retry_ms < 8000)
        retry_ms *= 2; /* 1, 2, 4, 8, 8, ... seconds, as RFC 2131 4.1 suggests */
}

static void discover(uint32_t now)
{
    state = SELECTING;
    xid = (uint32_t)rdtsc() ^ (uint32_t)net.mac[5] << 24;
    attempts = 0;
    retry_ms = 1000;
    send_message(DISCOVER);
    retry_later(now);
}

void dhcp_start(uint32_t now)
{
    klog("dhcp: discover");
    discover(now);
}

void dhcp_tick(uint32_t now)
{
    if (state == SELECTING && time_reached(now, retry_at)) {
        klog("dhcp: no offer yet, discover again");
        send_message(DISCOVER);
        retry_later(now);
    } else if (state == REQUESTING && time_reached(now, retry_at)) {
        if (++attempts > 4) {
            klog("dhcp: no answer to our request, starting over");
            discover(now);
        } else {
            send_message(REQUEST);
            retry_later(now);
        }
    } else if (state == BOUND && time_reached(now, renew_at)) {
        klog("dhcp: renewing %s", ip_to_str(net.ip, (char[16]){ 0 }));
        state = REQUESTING;
        attempts = 0;
        retry_ms = 1000;
        send_message(REQUEST);
        retry_later(now);
    }
}

struct options {
    uint8_t type;
    uint32_t server_id, mask, router, dns, lease;
};

static bool parse_options(const uint8_t *p, const uint8_t *end, struct options *o)
{
    memset(o, 0, sizeof *o);
    while (p < end && *p != OPT_END) {
        if (*p == 0) { /* pad */
            p++;
            continue;
        }
        if (p + 2 > end || p + 2 + p[1] > end)
            return false;
        uint8_t code = p[0], len = p[1];
        const uint8_t *v = p + 2;
        if (code == OPT_TYPE && len == 1)
            o->type = v[0];
        else if (len >= 4 && code == OPT_SERVER_ID)
            o->server_id = get32(v);
        else if (len >= 4 && code == OPT_MASK)
            o->mask = get32(v);
        else if (len >= 4 && code == OPT_ROUTER)
            o->router = get32(v); /* the first router listed */
        else if (len >= 4 && code == OPT_DNS)
            o->dns = get32(v);
        else if (len >= 4 && code == OPT_LEASE)
            o->lease = get32(v);
        p = v + len;
    }
    return o->type != 0;
}

void dhcp_input(const uint8_t *m, size_t len)
{
    struct options o;
    if (state == IDLE || len < 240 || m[0] != 2 /* BOOTREPLY */ || get32(m + 4) != xid ||
        memcmp(m + 28, net.mac, 6) || get32(m + 236) != MAGIC || !parse_options(m + 240, m + len, &o))
        return;
    uint32_t yiaddr = get32(m + 16), now = now_ms();
    char a[16], b[16], c[16], d[16];
    if (state == SELECTING && o.type == OFFER && yiaddr) {
        offered_ip = yiaddr;
        server_id = o.server_id ? o.server_id : get32(m + 20);
        klog("dhcp: offer %s from %s", ip_to_str(offered_ip, a), ip_to_str(server_id, b));
        state = REQUESTING;
        attempts = 0;
        retry_ms = 1000;
        send_message(REQUEST);
        retry_later(now);
    } else if (state == REQUESTING && o.type == ACK && yiaddr) {
        net.ip = yiaddr;
        net.mask = o.mask ? o.mask : 0xffffff00;
        net.gateway = o.router;
        net.dns = o.dns;
        net.configured = true;
        uint32_t lease = o.lease ? o.lease : 3600;
        klog("dhcp: ack %s mask %s gateway %s dns %s lease %us", ip_to_str(net.ip, a), ip_to_str(net.mask, b),
             ip_to_str(net.gateway, c), ip_to_str(net.dns, d), lease);
        state = BOUND;
        /* Renew at T1 = half the lease, in ms without overflowing 32 bits (leases can be "infinite"). */
        renew_at = now + (lease / 2 < 86400u * 20 ? lease / 2 : 86400u * 20) * 1000u;
        if (!ever_bound) {
            ever_bound = true;
            on_address_ready();
        }
    } else if (state == REQUESTING && o.type == NAK) {
        klog("dhcp: nak from %s, starting over", ip_to_str(o.server_id, a));
        net.configured = false;
        discover(now);
    }
}
