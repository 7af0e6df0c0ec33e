#include "pci.h"
#include "cpu.h"

#define CONFIG_ADDRESS 0xcf8
#define CONFIG_DATA 0xcfc

static void select(const struct pci_device *d, uint8_t offset)
{
    outl(CONFIG_ADDRESS, 0x80000000u | (uint32_t)d->bus << 16 | (uint32_t)d->slot << 11 |
                             (uint32_t)d->function << 8 | (offset & 0xfc));
}

uint32_t pci_read32(const struct pci_device *d, uint8_t offset) { select(d, offset); return inl(CONFIG_DATA); }
uint16_t pci_read16(const struct pci_device *d, uint8_t offset) { select(d, offset); return inw(CONFIG_DATA + (offset & 2)); }
uint8_t pci_read8(const struct pci_device *d, uint8_t offset) { select(d, offset); return inb(CONFIG_DATA + (offset & 3)); }
void pci_write32(const struct pci_device *d, uint8_t offset, uint32_t v) { select(d, offset); outl(CONFIG_DATA, v); }
void pci_write16(const struct pci_device *d, uint8_t offset, uint16_t v) { select(d, offset); outw(CONFIG_DATA + (offset & 2), v); }

void pci_scan(bool (*visit)(struct pci_device *d))
{
    for (int bus = 0; bus < 256; bus++) {
        for (int slot = 0; slot < 32; slot++) {
            for (int function = 0; function < 8; function++) {
                struct pci_device d = { (uint8_t)bus, (uint8_t)slot, (uint8_t)function, 0, 0, 0xff };
                uint32_t id = pci_read32(&d, 0);
                if ((id & 0xffff) == 0xffff) {
                    if (function == 0)
                        break; /* no device in this slot */
                    continue;
                }
                d.vendor = id & 0xffff;
                d.device = id >> 16;
                uint8_t line = pci_read8(&d, 0x3c);
                d.irq = line < 16 ? line : 0xff;
                if (visit(&d))
                    return;
                if (function == 0 && !(pci_read8(&d, 0x0e) & 0x80))
                    break; /* not a multi-function device */
            }
        }
    }
}

bool pci_bar(const struct pci_device *d, int n, uint32_t *base, bool *io)
{
    uint32_t bar = pci_read32(d, 0x10 + 4 * n);
    *io = bar & 1;
    if (*io) {
        *base = bar & ~3u;
    } else {
        *base = bar & ~15u;
        if (((bar >> 1) & 3) == 2 && n < 5 && pci_read32(d, 0x10 + 4 * (n + 1)) != 0)
            return false; /* 64-bit BAR placed above 4 GiB */
    }
    return *base != 0;
}

void pci_enable(const struct pci_device *d)
{
    uint16_t command = pci_read16(d, 0x04);
    command |= 0x7;          /* I/O space, memory space, bus master */
    command &= ~(1u << 10);  /* interrupt disable off */
    pci_write16(d, 0x04, command);
}

uint8_t pci_find_capability(const struct pci_device *d, uint8_t id, uint8_t from)
{
    if (!(pci_read16(d, 0x06) & 0x10))
        return 0; /* status: no capability list */
    uint8_t at = from ? pci_read8(d, from + 1) : pci_read8(d, 0x34);
    for (int guard = 0; at && guard < 48; guard++) {
        at &= 0xfc;
        if (pci_read8(d, at) == id)
            return at;
        at = pci_read8(d, at + 1);
    }
    return 0;
}
