/* PCI configuration space through mechanism #1 (ports 0xcf8/0xcfc), which every PC chipset has. */
#ifndef PCI_H
#define PCI_H

#include <stdint.h>
#include <stdbool.h>

struct pci_device {
    uint8_t bus, slot, function;
    uint16_t vendor, device;
    uint8_t irq; /* the interrupt line the BIOS routed, 0xff if none */
};

uint32_t pci_read32(const struct pci_device *d, uint8_t offset);
uint16_t pci_read16(const struct pci_device *d, uint8_t offset);
uint8_t pci_read8(const struct pci_device *d, uint8_t offset);
void pci_write32(const struct pci_device *d, uint8_t offset, uint32_t value);
void pci_write16(const struct pci_device *d, uint8_t offset, uint16_t value);

/* Calls visit for every function on every bus; stops early when it returns true. */
void pci_scan(bool (*visit)(struct pci_device *d));

/*
 * Base address of BAR n (bits that are flags removed), and whether it is I/O space. Returns false for an
 * empty BAR or a 64-bit one above 4 GiB, which this paging-less kernel cannot reach.
 */
bool pci_bar(const struct pci_device *d, int n, uint32_t *base, bool *io);

/* Turns on I/O and memory decoding and bus mastering (DMA), and lets the device raise INTx. */
void pci_enable(const struct pci_device *d);

/* Offset of the first capability with this id at or after `from` (0: the start of the list), or 0. */
uint8_t pci_find_capability(const struct pci_device *d, uint8_t id, uint8_t from);

#endif
