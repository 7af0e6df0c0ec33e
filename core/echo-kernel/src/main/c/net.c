#include "net.h"
#include "console.h"
#include "lib.h"

#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_ARP 0x0806
#define DHCP_CLIENT_PORT 68

struct net_config net;
const uint8_t broadcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static struct nic *nic;
static uint8_t tx_frame[ETH_HEADER + IP_MTU]; /* one frame at a time: nothing sends from interrupts */
static uint16_t ip_id;

void net_init(struct nic *n)
{
    nic = n;
    memcpy(net.mac, n->mac, 6);
}

uint32_t checksum_add(uint32_t sum, const uint8_t *data, size_t len)
{
    size_t i = 0;
    for (; i + 1 < len; i += 2)
        sum += get16(data + i);
    if (i < len)
        sum += (uint32_t)data[i] << 8;
    return sum;
}

uint16_t checksum_fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

uint32_t pseudo_header_sum(uint32_t src, uint32_t dst, uint8_t protocol, size_t len)
{
    return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + protocol + (uint32_t)len;
}

static void eth_send(const uint8_t dst[6], uint16_t type, uint8_t *frame, size_t len)
{
    memcpy(frame, dst, 6);
    memcpy(frame + 6, net.mac, 6);
    put16(frame + 12, type);
    while (len < 60)
        frame[len++] = 0; /* Ethernet minimum; not every NIC pads for us */
    nic->send(frame, len);
}

uint8_t *ip_payload(void) { return tx_frame + ETH_HEADER + IP_HEADER; }

void ip_send(const uint8_t dst_mac[6], uint32_t src, uint32_t dst, uint8_t protocol, size_t payload_len)
{
    uint8_t *ip = tx_frame + ETH_HEADER;
    ip[0] = 0x45; /* version 4, 5-word header */
    ip[1] = 0;
    put16(ip + 2, (uint16_t)(IP_HEADER + payload_len));
    put16(ip + 4, ip_id++);
    put16(ip + 6, 0x4000); /* don't fragment: we never send more than the MTU */
    ip[8] = 64;
    ip[9] = protocol;
    put16(ip + 10, 0);
    put32(ip + 12, src);
    put32(ip + 16, dst);
    put16(ip + 10, checksum_fold(checksum_add(0, ip, IP_HEADER)));
    eth_send(dst_mac, ETHERTYPE_IPV4, tx_frame, ETH_HEADER + IP_HEADER + payload_len);
}

void udp_send(const uint8_t dst_mac[6], uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, size_t len)
{
    uint8_t *udp = ip_payload();
    put16(udp, sport);
    put16(udp + 2, dport);
    put16(udp + 4, (uint16_t)(UDP_HEADER + len));
    put16(udp + 6, 0);
    uint16_t sum = checksum_fold(checksum_add(pseudo_header_sum(src, dst, PROTO_UDP, UDP_HEADER + len), udp,
                                              UDP_HEADER + len));
    put16(udp + 6, sum ? sum : 0xffff); /* 0 would mean "no checksum" */
    ip_send(dst_mac, src, dst, PROTO_UDP, UDP_HEADER + len);
}

static void arp_input(const uint8_t *arp, size_t len)
{
    /* Ethernet/IPv4 ARP only: htype 1, ptype 0x0800, hlen 6, plen 4. */
    if (len < 28 || get16(arp) != 1 || get16(arp + 2) != ETHERTYPE_IPV4 || arp[4] != 6 || arp[5] != 4)
        return;
    uint16_t op = get16(arp + 6);
    uint32_t sender_ip = get32(arp + 14), target_ip = get32(arp + 24);
    if (op != 1 || !net.configured || target_ip != net.ip)
        return;
    uint8_t *reply = tx_frame + ETH_HEADER;
    put16(reply, 1);
    put16(reply + 2, ETHERTYPE_IPV4);
    reply[4] = 6;
    reply[5] = 4;
    put16(reply + 6, 2); /* reply */
    memcpy(reply + 8, net.mac, 6);
    put32(reply + 14, net.ip);
    memcpy(reply + 18, arp + 8, 6); /* the asker's MAC and IP */
    put32(reply + 24, sender_ip);
    char ours[16], asker[16];
    klog("arp: told %s that %s is ours", ip_to_str(sender_ip, asker), ip_to_str(net.ip, ours));
    eth_send(arp + 8, ETHERTYPE_ARP, tx_frame, ETH_HEADER + 28);
}

static void icmp_input(const uint8_t src_mac[6], uint32_t src, const uint8_t *icmp, size_t len)
{
    if (len < 8 || icmp[0] != 8 /* echo request */ || checksum_fold(checksum_add(0, icmp, len)) != 0)
        return;
    char from[16];
    klog("icmp: echo request from %s id %u seq %u, %u bytes", ip_to_str(src, from), get16(icmp + 4),
         get16(icmp + 6), (uint32_t)len);
    uint8_t *reply = ip_payload();
    memcpy(reply, icmp, len); /* same identifier, sequence number and data */
    reply[0] = 0;             /* echo reply */
    put16(reply + 2, 0);
    put16(reply + 2, checksum_fold(checksum_add(0, reply, len)));
    ip_send(src_mac, net.ip, src, PROTO_ICMP, len);
}

static void ip_input(const uint8_t src_mac[6], const uint8_t *ip, size_t len)
{
    if (len < IP_HEADER || ip[0] >> 4 != 4)
        return;
    size_t header = (ip[0] & 15) * 4u, total = get16(ip + 2);
    if (header < IP_HEADER || total < header || total > len || checksum_fold(checksum_add(0, ip, header)) != 0)
        return;
    if (get16(ip + 6) & 0x3fff)
        return; /* a fragment: we do not reassemble (nothing we serve needs datagrams over the MTU) */
    uint32_t src = get32(ip + 12), dst = get32(ip + 16);
    bool for_us = net.configured && dst == net.ip;
    bool broadcast = dst == 0xffffffff || (net.configured && dst == (net.ip | ~net.mask));
    const uint8_t *payload = ip + header;
    size_t payload_len = total - header; /* drops Ethernet padding */

    if (ip[9] == PROTO_ICMP && for_us) {
        icmp_input(src_mac, src, payload, payload_len);
    } else if (ip[9] == PROTO_TCP && for_us) {
        tcp_input(src_mac, src, payload, payload_len);
    } else if (ip[9] == PROTO_UDP && (for_us || broadcast || !net.configured)) {
        /* Before DHCP is done, answers may be addressed to the offered address we do not have yet. */
        if (payload_len >= UDP_HEADER && get16(payload + 2) == DHCP_CLIENT_PORT &&
            get16(payload + 4) <= payload_len && get16(payload + 4) >= UDP_HEADER)
            dhcp_input(payload + UDP_HEADER, get16(payload + 4) - UDP_HEADER);
    }
}

void net_input(const uint8_t *frame, size_t len)
{
    if (len < ETH_HEADER)
        return;
    bool to_us = !memcmp(frame, net.mac, 6) || !memcmp(frame, broadcast_mac, 6);
    if (!to_us)
        return;
    uint16_t type = get16(frame + 12);
    if (type == ETHERTYPE_ARP)
        arp_input(frame + ETH_HEADER, len - ETH_HEADER);
    else if (type == ETHERTYPE_IPV4)
        ip_input(frame + 6, frame + ETH_HEADER, len - ETH_HEADER);
}
