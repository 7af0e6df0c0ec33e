/* Port and memory-mapped I/O, interrupts and the idle loop. */
#ifndef CPU_H
#define CPU_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint16_t inw(uint16_t port) { uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t inl(uint16_t port) { uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

/* Paging is off, so a device register's physical address is directly usable. */
static inline uint8_t mmio_read8(uintptr_t a) { return *(volatile uint8_t *)a; }
static inline uint16_t mmio_read16(uintptr_t a) { return *(volatile uint16_t *)a; }
static inline uint32_t mmio_read32(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write8(uintptr_t a, uint8_t v) { *(volatile uint8_t *)a = v; }
static inline void mmio_write16(uintptr_t a, uint16_t v) { *(volatile uint16_t *)a = v; }
static inline void mmio_write32(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }

/* Orders our ring writes against the device's view of memory (and stops gcc reordering them). */
static inline void memory_barrier(void) { __asm__ volatile("lock; addl $0, (%%esp)" : : : "memory"); }

static inline uint64_t rdtsc(void) { uint32_t lo, hi; __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)); return ((uint64_t)hi << 32) | lo; }

/* What isr_common in boot.S leaves on the stack: pusha, then the vector and error code, then the CPU's. */
struct isr_frame {
    uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
    uint32_t vector, error;
    uint32_t eip, cs, eflags;
};

/* Installs the IDT and remaps the PICs to vectors 32-47, all IRQs masked; interrupts stay off. */
void cpu_init(void);

/* Runs fn (in interrupt context, interrupts off) on each IRQ `irq` (0-15) and unmasks the line. */
void irq_install(int irq, void (*fn)(void));

void interrupts_on(void);

/* Sleeps until an interrupt has happened since the last call (a timer tick at the latest). */
void cpu_idle(void);

/* Logs the message and stops: exits QEMU through isa-debug-exit (port 0xf4) if present, else halts. */
void panic(const char *message) __attribute__((noreturn));

#define DEBUG_EXIT_PORT 0xf4

#endif
