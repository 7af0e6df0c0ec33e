/*
 * Realtek RTL8139 (QEMU's -device rtl8139), in its original (non C+) mode: frames arrive in one ring
 * buffer, each behind a 4-byte header; four transmit slots take one frame each. Registers in I/O BAR 0.
 */
#include "nic.h"
#include "cpu.h"
#include "console.h"
#include "lib.h"

#define REG_IDR0 0x00
#define REG_TSD0 0x10  /* 4 x 32-bit transmit status */
#define REG_TSAD0 0x20 /* 4 x 32-bit transmit buffer address */
#define REG_RBSTART 0x30
#define REG_CR 0x37
#define REG_CAPR 0x38
#define REG_IMR 0x3c
#define REG_ISR 0x3e
#define REG_RCR 0x44
#define REG_CONFIG1 0x52
#define REG_MSR 0x58

#define CR_BUFE 0x01 /* receive buffer empty */
#define CR_TE 0x04
#define CR_RE 0x08
#define CR_RST 0x10
#define RCR_APM 0x02 /* our MAC */
#define RCR_AB 0x08  /* broadcast */
#define RCR_WRAP 0x80 /* a frame may run past the ring's end instead of wrapping: needs 1.5 KiB slack */
#define TSD_OWN (1u << 13)
#define INT_ROK 0x01
#define INT_RER 0x02
#define INT_TOK 0x04
#define INT_TER 0x08
#define INT_RXOVW 0x10
#define INT_LINK 0x20
#define INT_FOVW 0x40
#define MSR_LINKB 0x04 /* set while the link is down */
#define RX_STATUS_ROK 0x0001

#define RX_RING 8192 /* RCR.RBLEN = 0 */

static uint16_t io;
static uint8_t rx_ring[RX_RING + 16 + 1536] __attribute__((aligned(16)));
static uint8_t tx_buf[4][2048] __attribute__((aligned(16)));
static bool tx_used[4];
static unsigned tx_next, rx_offset;

static void send(const uint8_t *frame, size_t len)
{
    unsigned i = tx_next;
    for (int spins = 0; spins < 200000 && tx_used[i] && !(inl(io + REG_TSD0 + 4 * i) & TSD_OWN); spins++)
        __asm__ volatile("pause"); /* all four slots in flight: let the chip catch up for a moment */
    if (tx_used[i] && !(inl(io + REG_TSD0 + 4 * i) & TSD_OWN))
        return; /* still busy: drop, as a wire would; TCP retransmits */
    memcpy(tx_buf[i], frame, len);
    while (len < 60)
        tx_buf[i][len++] = 0; /* this chip does not pad short frames itself */
    outl(io + REG_TSAD0 + 4 * i, (uint32_t)tx_buf[i]);
    outl(io + REG_TSD0 + 4 * i, (uint32_t)len); /* writing the size clears OWN and starts the DMA */
    tx_used[i] = true;
    tx_next = (i + 1) % 4;
}

static void poll(frame_handler deliver)
{
    while (!(inb(io + REG_CR) & CR_BUFE)) {
        const uint8_t *at = rx_ring + rx_offset;
        uint16_t status = at[0] | at[1] << 8, length = at[2] | at[3] << 8; /* little endian; length has the FCS */
        if (!(status & RX_STATUS_ROK) || length < 4 + 14 || length > FRAME_MAX + 4) {
            klog("rtl8139: bad receive header %04x/%u, resetting the receiver", status, length);
            outb(io + REG_CR, CR_TE); /* the manual's recovery: receiver off and on again */
            outb(io + REG_CR, CR_TE | CR_RE);
            outl(io + REG_RCR, RCR_APM | RCR_AB | RCR_WRAP);
            rx_offset = 0;
            return;
        }
        deliver(at + 4, length - 4);
        rx_offset = (rx_offset + 4 + length + 3) & ~3u;
        rx_offset %= RX_RING;
        outw(io + REG_CAPR, (uint16_t)(rx_offset - 16)); /* the chip expects CAPR 16 bytes behind */
    }
}

static bool link_up(void) { return !(inb(io + REG_MSR) & MSR_LINKB); }

static void irq_ack(void) { outw(io + REG_ISR, inw(io + REG_ISR)); /* write 1s to clear */ }

bool rtl8139_probe(const struct pci_device *d, struct nic *nic, const char *options)
{
    (void)options;
    if (d->vendor != 0x10ec || d->device != 0x8139)
        return false;
    uint32_t base;
    bool is_io;
    if (!pci_bar(d, 0, &base, &is_io) || !is_io) {
        klog("rtl8139: BAR 0 is not an I/O BAR");
        return false;
    }
    io = (uint16_t)base;
    pci_enable(d);
    outb(io + REG_CONFIG1, 0); /* wake up */
    outb(io + REG_CR, CR_RST);
    for (int spins = 0; spins < 1000000 && (inb(io + REG_CR) & CR_RST); spins++)
        ;
    for (int i = 0; i < 6; i++)
        nic->mac[i] = inb(io + REG_IDR0 + i);
    outl(io + REG_RBSTART, (uint32_t)rx_ring);
    rx_offset = 0;
    outw(io + REG_IMR, INT_ROK | INT_RER | INT_TOK | INT_TER | INT_RXOVW | INT_LINK | INT_FOVW);
    outb(io + REG_CR, CR_TE | CR_RE);
    outl(io + REG_RCR, RCR_APM | RCR_AB | RCR_WRAP);

    nic->model = "rtl8139";
    nic->pci = *d;
    nic->send = send;
    nic->poll = poll;
    nic->link_up = link_up;
    nic->irq_ack = irq_ack;
    return true;
}
