/*
 * Ethernet, ARP, IPv4, ICMP echo and UDP: just enough IP for DHCP and TCP. Addresses are host-order
 * uint32_t (10.0.2.15 is 0x0a00020f). Replies go back to the MAC address the request came from, so the
 * kernel keeps no ARP cache: on a LAN that is the sender or the router it came through.
 */
#ifndef NET_H
#define NET_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "nic.h"

#define ETH_HEADER 14
#define IP_HEADER 20
#define UDP_HEADER 8
#define IP_MTU 1500
#define PROTO_ICMP 1
#define PROTO_TCP 6
#define PROTO_UDP 17

struct net_config {
    uint8_t mac[6];
    bool configured;  /* an address is assigned (by DHCP or ip=) */
    uint32_t ip, mask, gateway, dns;
};

extern struct net_config net;
extern const uint8_t broadcast_mac[6];

void net_init(struct nic *nic);

/* The NIC driver's frame handler. */
void net_input(const uint8_t *frame, size_t len);

/* Callers build an IP payload here (IP_MTU - IP_HEADER bytes room), then call ip_send. */
uint8_t *ip_payload(void);
void ip_send(const uint8_t dst_mac[6], uint32_t src, uint32_t dst, uint8_t protocol, size_t payload_len);

/* Payload at ip_payload() + UDP_HEADER. */
void udp_send(const uint8_t dst_mac[6], uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, size_t len);

/* The Internet checksum: sum 16-bit big-endian words, then fold and complement. */
uint32_t checksum_add(uint32_t sum, const uint8_t *data, size_t len);
uint16_t checksum_fold(uint32_t sum);
uint32_t pseudo_header_sum(uint32_t src, uint32_t dst, uint8_t protocol, size_t len);

/* Where the layers above get their traffic (dhcp.c, tcp.c). */
void dhcp_input(const uint8_t *udp_payload, size_t len);
void tcp_input(const uint8_t src_mac[6], uint32_t src, const uint8_t *segment, size_t len);

#endif
