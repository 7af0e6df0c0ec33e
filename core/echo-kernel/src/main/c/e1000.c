/*
 * Intel 8254x ("e1000", QEMU's -device e1000 = 82540EM), the NIC many OpenStack images default to.
 * Legacy descriptors, one 2 KiB buffer per frame; registers in memory BAR 0.
 */
#include "nic.h"
#include "cpu.h"
#include "console.h"
#include "lib.h"

#define REG_CTRL 0x0000
#define REG_STATUS 0x0008
#define REG_EERD 0x0014
#define REG_ICR 0x00c0
#define REG_IMS 0x00d0
#define REG_IMC 0x00d8
#define REG_RCTL 0x0100
#define REG_TCTL 0x0400
#define REG_TIPG 0x0410
#define REG_RDBAL 0x2800
#define REG_RDBAH 0x2804
#define REG_RDLEN 0x2808
#define REG_RDH 0x2810
#define REG_RDT 0x2818
#define REG_TDBAL 0x3800
#define REG_TDBAH 0x3804
#define REG_TDLEN 0x3808
#define REG_TDH 0x3810
#define REG_TDT 0x3818
#define REG_MTA 0x5200
#define REG_RAL0 0x5400
#define REG_RAH0 0x5404

#define CTRL_SLU (1u << 6)   /* set link up */
#define CTRL_ASDE (1u << 5)  /* auto-detect speed */
#define CTRL_RST (1u << 26)
#define STATUS_LU (1u << 1)
#define RCTL_EN (1u << 1)
#define RCTL_BAM (1u << 15)  /* accept broadcast: ARP requests and DHCP offers are broadcast */
#define RCTL_SECRC (1u << 26) /* strip the FCS */
#define TCTL_EN (1u << 1)
#define TCTL_PSP (1u << 3)   /* pad short frames to 64 bytes */
#define INT_LSC (1u << 2)
#define INT_RXDMT0 (1u << 4)
#define INT_RXO (1u << 6)
#define INT_RXT0 (1u << 7)

#define RX_DESCS 64 /* ring lengths must be multiples of 8 descriptors (128 bytes) */
#define TX_DESCS 32
#define BUFFER_SIZE 2048 /* RCTL.BSIZE = 00 */

struct rx_desc { uint64_t addr; uint16_t length, checksum; uint8_t status, errors; uint16_t special; };
struct tx_desc { uint64_t addr; uint16_t length; uint8_t cso, cmd, status, css; uint16_t special; };
#define DESC_DD 1   /* status: descriptor done */
#define DESC_EOP 1  /* rx status / tx cmd: end of packet */
#define TX_CMD_IFCS 2
#define TX_CMD_RS 8

static uintptr_t regs;
static volatile struct rx_desc rx_ring[RX_DESCS] __attribute__((aligned(16)));
static volatile struct tx_desc tx_ring[TX_DESCS] __attribute__((aligned(16)));
static uint8_t rx_buf[RX_DESCS][BUFFER_SIZE], tx_buf[TX_DESCS][BUFFER_SIZE];
static unsigned rx_next, tx_next;

static uint32_t rd(uint32_t reg) { return mmio_read32(regs + reg); }
static void wr(uint32_t reg, uint32_t v) { mmio_write32(regs + reg, v); }

static void send(const uint8_t *frame, size_t len)
{
    volatile struct tx_desc *d = &tx_ring[tx_next];
    for (int spins = 0; spins < 200000 && d->cmd && !(d->status & DESC_DD); spins++)
        __asm__ volatile("pause"); /* the ring is full: let the NIC catch up for a moment */
    if (d->cmd && !(d->status & DESC_DD))
        return; /* still full: drop, as a wire would; TCP retransmits */
    memcpy(tx_buf[tx_next], frame, len);
    d->addr = (uint32_t)tx_buf[tx_next];
    d->length = (uint16_t)len;
    d->status = 0;
    d->cmd = DESC_EOP | TX_CMD_IFCS | TX_CMD_RS;
    tx_next = (tx_next + 1) % TX_DESCS;
    memory_barrier();
    wr(REG_TDT, tx_next);
}

static void poll(frame_handler deliver)
{
    while (rx_ring[rx_next].status & DESC_DD) {
        volatile struct rx_desc *d = &rx_ring[rx_next];
        memory_barrier();
        if ((d->status & DESC_EOP) && !d->errors)
            deliver(rx_buf[rx_next], d->length);
        d->status = 0;
        memory_barrier();
        wr(REG_RDT, rx_next); /* hand the descriptor back: RDT points at the last one the NIC may fill */
        rx_next = (rx_next + 1) % RX_DESCS;
    }
}

static bool link_up(void) { return rd(REG_STATUS) & STATUS_LU; }

static void irq_ack(void) { (void)rd(REG_ICR); /* reading ICR clears it */ }

static uint16_t eeprom_read(uint8_t word)
{
    wr(REG_EERD, 1u | (uint32_t)word << 8);
    for (int spins = 0; spins < 100000; spins++) {
        uint32_t v = rd(REG_EERD);
        if (v & (1u << 4))
            return v >> 16;
    }
    return 0xffff;
}

bool e1000_probe(const struct pci_device *d, struct nic *nic, const char *options)
{
    (void)options;
    /* 82540EM (QEMU's e1000), 82545EM, 82544GC: the same programming model for what we use. */
    if (d->vendor != 0x8086 || (d->device != 0x100e && d->device != 0x100f && d->device != 0x1004))
        return false;
    uint32_t base;
    bool io;
    if (!pci_bar(d, 0, &base, &io) || io) {
        klog("e1000: BAR 0 is not a usable memory BAR");
        return false;
    }
    regs = base;
    pci_enable(d);

    wr(REG_IMC, 0xffffffff);
    wr(REG_CTRL, rd(REG_CTRL) | CTRL_RST);
    for (int spins = 0; spins < 1000000 && (rd(REG_CTRL) & CTRL_RST); spins++)
        ;
    wr(REG_IMC, 0xffffffff); /* reset re-enables nothing, but be sure before wiring the IRQ */
    (void)rd(REG_ICR);
    wr(REG_CTRL, (rd(REG_CTRL) | CTRL_SLU | CTRL_ASDE) & ~(1u << 3 /* LRST */));

    for (int i = 0; i < 3; i++) {
        uint16_t w = eeprom_read((uint8_t)i);
        nic->mac[2 * i] = w & 0xff;
        nic->mac[2 * i + 1] = w >> 8;
    }
    wr(REG_RAL0, nic->mac[0] | nic->mac[1] << 8 | nic->mac[2] << 16 | (uint32_t)nic->mac[3] << 24);
    wr(REG_RAH0, nic->mac[4] | nic->mac[5] << 8 | 1u << 31 /* address valid */);
    for (int i = 0; i < 128; i++)
        wr(REG_MTA + 4 * i, 0); /* no multicast */

    for (int i = 0; i < RX_DESCS; i++) {
        rx_ring[i].addr = (uint32_t)rx_buf[i];
        rx_ring[i].status = 0;
    }
    wr(REG_RDBAL, (uint32_t)rx_ring);
    wr(REG_RDBAH, 0);
    wr(REG_RDLEN, sizeof rx_ring);
    wr(REG_RDH, 0);
    wr(REG_RDT, RX_DESCS - 1);
    rx_next = 0;
    wr(REG_RCTL, RCTL_EN | RCTL_BAM | RCTL_SECRC);

    memset((void *)tx_ring, 0, sizeof tx_ring);
    wr(REG_TDBAL, (uint32_t)tx_ring);
    wr(REG_TDBAH, 0);
    wr(REG_TDLEN, sizeof tx_ring);
    wr(REG_TDH, 0);
    wr(REG_TDT, 0);
    tx_next = 0;
    wr(REG_TIPG, 10 | 8 << 10 | 6 << 20); /* the IEEE 802.3 inter-packet gap the manual gives */
    wr(REG_TCTL, TCTL_EN | TCTL_PSP | 0x10 << 4 /* collision threshold */ | 0x40 << 12 /* collision distance */);

    wr(REG_IMS, INT_RXT0 | INT_RXO | INT_RXDMT0 | INT_LSC);

    nic->model = "e1000";
    nic->pci = *d;
    nic->send = send;
    nic->poll = poll;
    nic->link_up = link_up;
    nic->irq_ack = irq_ack;
    return true;
}
