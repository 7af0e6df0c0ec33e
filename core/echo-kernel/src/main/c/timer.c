#include "timer.h"
#include "cpu.h"

#define PIT_HZ 1193182

static volatile uint32_t ticks;

static void tick(void) { ticks++; }

void timer_init(void)
{
    uint16_t divisor = (PIT_HZ + TIMER_HZ / 2) / TIMER_HZ;
    outb(0x43, 0x36); /* channel 0, low then high byte, mode 3 (square wave) */
    outb(0x40, divisor & 0xff);
    outb(0x40, divisor >> 8);
    irq_install(0, tick);
}

uint32_t now_ms(void) { return ticks * (1000 / TIMER_HZ); }
