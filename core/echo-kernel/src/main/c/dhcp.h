/* A DHCP client (RFC 2131): DISCOVER, OFFER, REQUEST, ACK, with retries, and renewal at half the lease. */
#ifndef DHCP_H
#define DHCP_H

#include <stdint.h>

void dhcp_start(uint32_t now);
void dhcp_tick(uint32_t now);

/* Called once, when the first lease is bound (implemented by main.c: start serving). */
void on_address_ready(void);

#endif
