#include "virtio.h"
#include "console.h"
#include "cpu.h"
#include "lib.h"

/* Device status bits */
#define STATUS_ACKNOWLEDGE 1
#define STATUS_DRIVER 2
#define STATUS_DRIVER_OK 4
#define STATUS_FEATURES_OK 8
#define STATUS_FAILED 128

/* Legacy registers, offsets in I/O BAR 0 */
#define L_DEVICE_FEATURES 0x00
#define L_GUEST_FEATURES 0x04
#define L_QUEUE_PFN 0x08
#define L_QUEUE_SIZE 0x0c
#define L_QUEUE_SELECT 0x0e
#define L_QUEUE_NOTIFY 0x10
#define L_STATUS 0x12
#define L_ISR 0x13
#define L_CONFIG 0x14 /* device-specific config, with MSI-X off */

/* Modern common configuration structure (virtio 1.0, 4.1.4.3) */
#define C_DEVICE_FEATURE_SELECT 0x00
#define C_DEVICE_FEATURE 0x04
#define C_DRIVER_FEATURE_SELECT 0x08
#define C_DRIVER_FEATURE 0x0c
#define C_STATUS 0x14
#define C_QUEUE_SELECT 0x16
#define C_QUEUE_SIZE 0x18
#define C_QUEUE_ENABLE 0x1c
#define C_QUEUE_NOTIFY_OFF 0x1e
#define C_QUEUE_DESC 0x20
#define C_QUEUE_DRIVER 0x28
#define C_QUEUE_DEVICE 0x30

/* virtio_pci_cap.cfg_type */
#define CAP_COMMON 1
#define CAP_NOTIFY 2
#define CAP_ISR 3
#define CAP_DEVICE 4

#define MODERN_QUEUE_SIZE 256 /* we choose this for modern devices; legacy ones impose theirs */

static void set_status(struct virtio_device *v, uint8_t s)
{
    if (v->modern)
        mmio_write8(v->common + C_STATUS, s);
    else
        outb(v->io + L_STATUS, s);
}

static uint8_t get_status(struct virtio_device *v)
{
    return v->modern ? mmio_read8(v->common + C_STATUS) : inb(v->io + L_STATUS);
}

/* Finds the virtio vendor capabilities (id 9) and maps the four structures we use. */
static bool find_modern(struct virtio_device *v)
{
    const struct pci_device *d = &v->pci;
    bool have_common = false, have_notify = false, have_isr = false, have_config = false;
    for (uint8_t cap = pci_find_capability(d, 0x09, 0); cap; cap = pci_find_capability(d, 0x09, cap)) {
        uint8_t type = pci_read8(d, cap + 3), bar = pci_read8(d, cap + 4);
        uint32_t offset = pci_read32(d, cap + 8), base;
        bool io;
        if (bar > 5 || !pci_bar(d, bar, &base, &io) || io)
            continue; /* the spec lets devices offer alternatives; we take the first memory one */
        uintptr_t at = base + offset;
        if (type == CAP_COMMON && !have_common)
            v->common = at, have_common = true;
        else if (type == CAP_NOTIFY && !have_notify)
            v->notify_base = at, v->notify_multiplier = pci_read32(d, cap + 16), have_notify = true;
        else if (type == CAP_ISR && !have_isr)
            v->isr = at, have_isr = true;
        else if (type == CAP_DEVICE && !have_config)
            v->config = at, have_config = true;
    }
    return have_common && have_notify && have_isr && have_config;
}

bool virtio_start(struct virtio_device *v, const struct pci_device *d, bool force_legacy, uint64_t wanted,
                  uint64_t *negotiated)
{
    uint32_t base;
    bool io;
    memset(v, 0, sizeof *v);
    v->pci = *d;
    pci_enable(d);
    v->modern = !force_legacy && find_modern(v);
    if (!v->modern) {
        if (!pci_bar(d, 0, &base, &io) || !io) {
            klog("virtio: %04x:%04x has neither a usable modern nor a legacy interface", d->vendor, d->device);
            return false;
        }
        v->io = (uint16_t)base;
        wanted &= ~VIRTIO_F_VERSION_1;
    }

    set_status(v, 0); /* reset */
    set_status(v, STATUS_ACKNOWLEDGE);
    set_status(v, STATUS_ACKNOWLEDGE | STATUS_DRIVER);
    uint64_t offered;
    if (v->modern) {
        mmio_write32(v->common + C_DEVICE_FEATURE_SELECT, 0);
        offered = mmio_read32(v->common + C_DEVICE_FEATURE);
        mmio_write32(v->common + C_DEVICE_FEATURE_SELECT, 1);
        offered |= (uint64_t)mmio_read32(v->common + C_DEVICE_FEATURE) << 32;
        *negotiated = offered & wanted;
        if (!(*negotiated & VIRTIO_F_VERSION_1)) {
            klog("virtio: modern device without VERSION_1");
            set_status(v, STATUS_FAILED);
            return false;
        }
        mmio_write32(v->common + C_DRIVER_FEATURE_SELECT, 0);
        mmio_write32(v->common + C_DRIVER_FEATURE, (uint32_t)*negotiated);
        mmio_write32(v->common + C_DRIVER_FEATURE_SELECT, 1);
        mmio_write32(v->common + C_DRIVER_FEATURE, (uint32_t)(*negotiated >> 32));
        set_status(v, STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK);
        if (!(get_status(v) & STATUS_FEATURES_OK)) {
            klog("virtio: device refused features %08x%08x", (uint32_t)(*negotiated >> 32), (uint32_t)*negotiated);
            set_status(v, STATUS_FAILED);
            return false;
        }
    } else {
        offered = inl(v->io + L_DEVICE_FEATURES); /* legacy has only 32 feature bits */
        *negotiated = offered & wanted;
        outl(v->io + L_GUEST_FEATURES, (uint32_t)*negotiated);
    }
    return true;
}

/* Split-ring layout (virtio 1.0, 2.4.2): desc, avail, then used on the next 4 KiB boundary. */
static uint32_t align_page(uint32_t x) { return (x + 4095) & ~4095u; }

bool virtio_queue_setup(struct virtio_device *v, struct virtq *q, uint16_t index, void *memory)
{
    uint16_t size;
    if (v->modern) {
        mmio_write16(v->common + C_QUEUE_SELECT, index);
        uint16_t max = mmio_read16(v->common + C_QUEUE_SIZE);
        size = max < MODERN_QUEUE_SIZE ? max : MODERN_QUEUE_SIZE;
    } else {
        outw(v->io + L_QUEUE_SELECT, index);
        size = inw(v->io + L_QUEUE_SIZE);
    }
    if (size == 0 || size > VIRTQ_MAX || (size & (size - 1))) {
        klog("virtio: queue %u has unusable size %u", index, size);
        return false;
    }
    uint32_t avail_end = 16u * size + 6 + 2u * size;
    memset(memory, 0, align_page(avail_end) + align_page(6 + 8u * size));
    q->index = index;
    q->size = size;
    q->desc = memory;
    q->avail = (struct vring_avail *)((uint8_t *)memory + 16u * size);
    q->used = (struct vring_used *)((uint8_t *)memory + align_page(avail_end));
    q->last_used = 0;
    if (v->modern) {
        mmio_write16(v->common + C_QUEUE_SIZE, size);
        mmio_write32(v->common + C_QUEUE_DESC, (uint32_t)q->desc);
        mmio_write32(v->common + C_QUEUE_DESC + 4, 0);
        mmio_write32(v->common + C_QUEUE_DRIVER, (uint32_t)q->avail);
        mmio_write32(v->common + C_QUEUE_DRIVER + 4, 0);
        mmio_write32(v->common + C_QUEUE_DEVICE, (uint32_t)q->used);
        mmio_write32(v->common + C_QUEUE_DEVICE + 4, 0);
        q->notify = v->notify_base + mmio_read16(v->common + C_QUEUE_NOTIFY_OFF) * v->notify_multiplier;
        mmio_write16(v->common + C_QUEUE_ENABLE, 1);
    } else {
        outl(v->io + L_QUEUE_PFN, (uint32_t)memory >> 12);
    }
    return true;
}

void virtio_driver_ok(struct virtio_device *v)
{
    uint8_t s = STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_DRIVER_OK;
    set_status(v, v->modern ? s | STATUS_FEATURES_OK : s);
}

void virtq_offer(struct virtq *q, uint16_t head)
{
    q->avail->ring[q->avail->idx & (q->size - 1)] = head;
    memory_barrier(); /* the entry must be visible before the index that publishes it */
    q->avail->idx++;
}

void virtq_kick(struct virtio_device *v, struct virtq *q)
{
    memory_barrier();
    if (v->modern)
        mmio_write16(q->notify, q->index);
    else
        outw(v->io + L_QUEUE_NOTIFY, q->index);
}

bool virtq_take(struct virtq *q, uint16_t *head, uint32_t *len)
{
    if (q->used->idx == q->last_used)
        return false;
    memory_barrier(); /* read the entry only after seeing the index that covers it */
    volatile struct vring_used_elem *e = &q->used->ring[q->last_used & (q->size - 1)];
    *head = (uint16_t)e->id;
    *len = e->len;
    q->last_used++;
    return true;
}

uint8_t virtio_read_isr(struct virtio_device *v)
{
    return v->modern ? mmio_read8(v->isr) : inb(v->io + L_ISR);
}

uint8_t virtio_config8(struct virtio_device *v, unsigned offset)
{
    return v->modern ? mmio_read8(v->config + offset) : inb(v->io + L_CONFIG + offset);
}

uint16_t virtio_config16(struct virtio_device *v, unsigned offset)
{
    return v->modern ? mmio_read16(v->config + offset) : inw(v->io + L_CONFIG + offset);
}
