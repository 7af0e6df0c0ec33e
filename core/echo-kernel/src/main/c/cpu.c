/* IDT, the two 8259 PICs, and sleeping between interrupts. */
#include "cpu.h"
#include "console.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define IRQ_BASE 32

struct idt_entry {
    uint16_t offset_low, selector;
    uint8_t zero, type;
    uint16_t offset_high;
} __attribute__((packed));

extern const uint32_t isr_table[48];
static struct idt_entry idt[48];
static void (*irq_handlers[16])(void);
static volatile int pending_wakeup;

void cpu_init(void)
{
    for (int i = 0; i < 48; i++) {
        idt[i].offset_low = isr_table[i] & 0xffff;
        idt[i].offset_high = isr_table[i] >> 16;
        idt[i].selector = 0x08;
        idt[i].type = 0x8e; /* present, ring 0, 32-bit interrupt gate: IF cleared on entry */
    }
    struct { uint16_t limit; uint32_t base; } __attribute__((packed)) idtr = { sizeof idt - 1, (uint32_t)idt };
    __asm__ volatile("lidt %0" : : "m"(idtr));

    /* The BIOS leaves IRQ 0-7 on vectors 8-15, where CPU exceptions live: move both PICs. */
    outb(PIC1_CMD, 0x11); outb(PIC2_CMD, 0x11);           /* ICW1: init, ICW4 follows */
    outb(PIC1_DATA, IRQ_BASE); outb(PIC2_DATA, IRQ_BASE + 8);
    outb(PIC1_DATA, 4); outb(PIC2_DATA, 2);               /* slave on master's IRQ 2 */
    outb(PIC1_DATA, 1); outb(PIC2_DATA, 1);               /* 8086 mode */
    outb(PIC1_DATA, 0xff & ~(1 << 2)); outb(PIC2_DATA, 0xff); /* all masked but the cascade */
}

void irq_install(int irq, void (*fn)(void))
{
    if (irq < 0 || irq > 15 || irq == 2)
        return;
    irq_handlers[irq] = fn;
    uint16_t port = irq < 8 ? PIC1_DATA : PIC2_DATA;
    outb(port, inb(port) & ~(1 << (irq & 7)));
}

void interrupts_on(void) { __asm__ volatile("sti"); }

void cpu_idle(void)
{
    /* sti only takes effect after the next instruction, so "sti; hlt" cannot lose a wakeup that
       arrives between our check and the hlt. */
    __asm__ volatile("cli");
    if (!pending_wakeup)
        __asm__ volatile("sti; hlt" : : : "memory");
    else
        __asm__ volatile("sti");
    pending_wakeup = 0;
}

static const char *const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range", "invalid opcode",
    "device not available", "double fault", "coprocessor overrun", "invalid TSS", "segment not present",
    "stack fault", "general protection", "page fault", "reserved", "x87 error", "alignment check",
    "machine check", "SIMD error", "virtualization", "control protection",
};

void isr_dispatch(struct isr_frame *f)
{
    if (f->vector < IRQ_BASE) {
        const char *name = exception_names[f->vector] ? exception_names[f->vector] : "reserved";
        klog("panic: exception %u (%s) at eip %08x, error %x, eax %08x esp %08x", f->vector, name, f->eip,
             f->error, f->eax, f->esp);
        panic("cpu exception");
    }
    int irq = f->vector - IRQ_BASE;
    if (irq_handlers[irq])
        irq_handlers[irq]();
    pending_wakeup = 1;
    if (irq >= 8)
        outb(PIC2_CMD, 0x20);
    outb(PIC1_CMD, 0x20);
}

void panic(const char *message)
{
    __asm__ volatile("cli");
    klog("panic: %s", message);
    outb(DEBUG_EXIT_PORT, 0x31); /* QEMU exits with status (0x31 << 1) | 1 = 99 */
    for (;;)
        __asm__ volatile("hlt");
}
