/* Milliseconds since boot, from the PIT's channel 0 interrupting at TIMER_HZ. */
#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

#define TIMER_HZ 100 /* 10 ms is plenty for DHCP and TCP timers and keeps an idle TCG guest cheap */

void timer_init(void);
uint32_t now_ms(void); /* wraps after 49 days; compare with time_after() */

static inline int time_after(uint32_t a, uint32_t b) { return (int32_t)(a - b) > 0; }
static inline int time_reached(uint32_t now, uint32_t deadline) { return (int32_t)(now - deadline) >= 0; }

#endif
