/*
 * virtio-net over either virtio transport. Every buffer is a two-descriptor chain, header then frame:
 * legacy devices without ANY_LAYOUT require the header in its own descriptor, and modern ones accept it,
 * so one layout serves both. We ask for no offloads, so frames arrive with complete checksums and
 * leave with the ones we computed.
 */
#include "nic.h"
#include "virtio.h"
#include "console.h"
#include "lib.h"

#define VIRTIO_NET_F_MAC (1ull << 5)
#define VIRTIO_NET_F_STATUS (1ull << 16)
#define VIRTIO_NET_S_LINK_UP 1

#define RX_QUEUE 0
#define TX_QUEUE 1
#define RX_BUFFERS 128
#define TX_BUFFERS 64
#define HDR_MAX 12      /* struct virtio_net_hdr: 10 bytes legacy, 12 with VERSION_1 (num_buffers) */
#define BUFFER_SIZE 1536
#define TX_WAIT_SPINS 200000

static struct virtio_device dev;
static struct virtq rxq, txq;
static uint8_t rx_ring_memory[32768] __attribute__((aligned(4096)));
static uint8_t tx_ring_memory[32768] __attribute__((aligned(4096)));
static uint8_t rx_hdr[RX_BUFFERS][HDR_MAX], tx_hdr[TX_BUFFERS][HDR_MAX];
static uint8_t rx_buf[RX_BUFFERS][BUFFER_SIZE], tx_buf[TX_BUFFERS][BUFFER_SIZE];
static bool tx_busy[TX_BUFFERS];
static unsigned rx_count, tx_count, tx_next;
static uint32_t hdr_len;
static uint64_t features;

/* Buffer i uses descriptors 2i (header) and 2i+1 (frame). */
static void chain(struct virtq *q, unsigned i, void *hdr, void *frame, uint32_t frame_len, uint16_t write)
{
    struct vring_desc *d = &q->desc[2 * i];
    d[0] = (struct vring_desc){ (uint32_t)hdr, hdr_len, VRING_DESC_F_NEXT | write, (uint16_t)(2 * i + 1) };
    d[1] = (struct vring_desc){ (uint32_t)frame, frame_len, write, 0 };
}

static void reclaim_tx(void)
{
    uint16_t head;
    uint32_t len;
    while (virtq_take(&txq, &head, &len))
        tx_busy[head / 2] = false;
}

static void send(const uint8_t *frame, size_t len)
{
    unsigned i = tx_next;
    /* QEMU sends from its I/O thread, so a burst can outrun it: give it ~10 ms before dropping. */
    for (int spins = 0; tx_busy[i] && spins < TX_WAIT_SPINS; spins++) {
        reclaim_tx();
        __asm__ volatile("pause");
    }
    if (tx_busy[i])
        return; /* still full: drop, as a wire would; TCP retransmits */
    tx_next = (tx_next + 1) % tx_count;
    memset(tx_hdr[i], 0, HDR_MAX); /* no checksum offload, no GSO */
    memcpy(tx_buf[i], frame, len);
    chain(&txq, i, tx_hdr[i], tx_buf[i], (uint32_t)len, 0);
    tx_busy[i] = true;
    virtq_offer(&txq, (uint16_t)(2 * i));
    virtq_kick(&dev, &txq);
}

static void poll(frame_handler deliver)
{
    uint16_t head;
    uint32_t len;
    bool returned = false;
    while (virtq_take(&rxq, &head, &len)) {
        unsigned i = head / 2;
        if (i < rx_count && len > hdr_len)
            deliver(rx_buf[i], len - hdr_len);
        virtq_offer(&rxq, head); /* same chain back to the device */
        returned = true;
    }
    if (returned)
        virtq_kick(&dev, &rxq);
    reclaim_tx();
}

static bool link_up(void)
{
    if (!(features & VIRTIO_NET_F_STATUS))
        return true; /* no status field: the spec says to assume the link is up */
    return virtio_config16(&dev, 6) & VIRTIO_NET_S_LINK_UP;
}

static void irq_ack(void) { (void)virtio_read_isr(&dev); }

bool virtio_net_probe(const struct pci_device *d, struct nic *nic, const char *options)
{
    /* 0x1000: transitional (legacy + modern) network device; 0x1041: modern-only (0x1040 + type 1) */
    if (d->vendor != 0x1af4 || (d->device != 0x1000 && d->device != 0x1041))
        return false;
    const char *mode = find_word(options, "virtio=legacy");
    bool force_legacy = mode && (*mode == 0 || *mode == ' ');
    if (!virtio_start(&dev, d, force_legacy, VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS | VIRTIO_F_VERSION_1, &features))
        return false;
    hdr_len = dev.modern ? 12 : 10;
    if (!virtio_queue_setup(&dev, &rxq, RX_QUEUE, rx_ring_memory) ||
        !virtio_queue_setup(&dev, &txq, TX_QUEUE, tx_ring_memory))
        return false;
    rx_count = min_size(RX_BUFFERS, rxq.size / 2);
    tx_count = min_size(TX_BUFFERS, txq.size / 2);
    for (unsigned i = 0; i < rx_count; i++) {
        chain(&rxq, i, rx_hdr[i], rx_buf[i], BUFFER_SIZE, VRING_DESC_F_WRITE);
        virtq_offer(&rxq, (uint16_t)(2 * i));
    }
    if (features & VIRTIO_NET_F_MAC) {
        for (int i = 0; i < 6; i++)
            nic->mac[i] = virtio_config8(&dev, i);
    } else {
        static const uint8_t fallback[6] = { 0x52, 0x54, 0x00, 0xec, 0x40, 0x01 }; /* locally administered */
        memcpy(nic->mac, fallback, 6);
    }
    virtio_driver_ok(&dev);
    virtq_kick(&dev, &rxq);

    nic->model = dev.modern ? "virtio-net (modern, virtio 1.0)" : "virtio-net (legacy)";
    nic->pci = *d;
    nic->send = send;
    nic->poll = poll;
    nic->link_up = link_up;
    nic->irq_ack = irq_ack;
    return true;
}
