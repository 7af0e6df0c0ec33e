/*
 * The virtio PCI transport, both flavours: legacy (virtio 0.9.5, registers in I/O BAR 0, what QEMU's
 * transitional virtio-net-pci offers) and modern (virtio 1.0, registers found through vendor PCI
 * capabilities in memory BARs, the only one a "non-transitional" or disable-legacy=on device offers).
 * Split virtqueues only, no MSI-X: interrupts arrive on INTx and are acknowledged by reading the ISR.
 */
#ifndef VIRTIO_H
#define VIRTIO_H

#include <stdint.h>
#include <stdbool.h>
#include "pci.h"

#define VIRTQ_MAX 1024 /* largest legacy queue we can take (legacy devices choose the size, not us) */

struct vring_desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct vring_avail { uint16_t flags, idx, ring[]; };
struct vring_used_elem { uint32_t id, len; };
struct vring_used { uint16_t flags, idx; struct vring_used_elem ring[]; };

#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2

struct virtq {
    uint16_t index, size;
    struct vring_desc *desc;
    struct vring_avail *avail;
    volatile struct vring_used *used;
    uint16_t last_used; /* the next used entry we have not consumed */
    uintptr_t notify;   /* modern: where to write the queue index to kick the device */
};

struct virtio_device {
    struct pci_device pci;
    bool modern;
    uint16_t io;                                 /* legacy: I/O BAR 0 */
    uintptr_t common, isr, config, notify_base;  /* modern: mapped capability structures */
    uint32_t notify_multiplier;
};

#define VIRTIO_F_VERSION_1 (1ull << 32)

/*
 * Resets the device and negotiates features: the result is wanted & offered. Uses the modern interface
 * when the device has one unless force_legacy, else legacy. Returns false (and logs) if neither works.
 */
bool virtio_start(struct virtio_device *v, const struct pci_device *d, bool force_legacy, uint64_t wanted,
                  uint64_t *negotiated);

/* Lays queue `index` out in `memory` (32 KiB, 4 KiB aligned) and tells the device. */
bool virtio_queue_setup(struct virtio_device *v, struct virtq *q, uint16_t index, void *memory);

void virtio_driver_ok(struct virtio_device *v);

/* Puts descriptor chain `head` in the available ring (the device sees it after virtq_kick). */
void virtq_offer(struct virtq *q, uint16_t head);
void virtq_kick(struct virtio_device *v, struct virtq *q);

/* The next used chain's head and written length; false when the device has returned nothing new. */
bool virtq_take(struct virtq *q, uint16_t *head, uint32_t *len);

uint8_t virtio_read_isr(struct virtio_device *v); /* reading it acknowledges the interrupt */
uint8_t virtio_config8(struct virtio_device *v, unsigned offset);
uint16_t virtio_config16(struct virtio_device *v, unsigned offset);

#endif
