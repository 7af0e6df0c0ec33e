/* What the network stack needs from a NIC driver; each driver fills one in when it claims a device. */
#ifndef NIC_H
#define NIC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "pci.h"

#define FRAME_MAX 1514 /* Ethernet header + 1500 bytes of MTU, no FCS */

typedef void (*frame_handler)(const uint8_t *frame, size_t len);

struct nic {
    const char *model;            /* e.g. "virtio-net (modern)", for the log */
    uint8_t mac[6];
    struct pci_device pci;
    void (*send)(const uint8_t *frame, size_t len); /* copies the frame; may drop it if the ring is full */
    void (*poll)(frame_handler deliver);            /* hands every received frame to deliver */
    bool (*link_up)(void);
    void (*irq_ack)(void);        /* in interrupt context: clear the device's cause so INTx deasserts */
};

/* Each returns true when it recognised the PCI device and brought it up. `options` is the command line. */
bool virtio_net_probe(const struct pci_device *d, struct nic *nic, const char *options);
bool e1000_probe(const struct pci_device *d, struct nic *nic, const char *options);
bool rtl8139_probe(const struct pci_device *d, struct nic *nic, const char *options);

#endif
