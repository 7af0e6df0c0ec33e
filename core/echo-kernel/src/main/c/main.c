/*
 * echo-kernel: boots from Multiboot, finds a NIC on PCI, gets an address by DHCP (or ip= on the command
 * line) and serves the Go echo server's HTTP answers on port=N (default 8000). One loop does everything:
 * poll the NIC, run the timers, sleep until the next interrupt (the NIC's or the 100 Hz timer's).
 */
#include "console.h"
#include "cpu.h"
#include "timer.h"
#include "pci.h"
#include "nic.h"
#include "net.h"
#include "dhcp.h"
#include "tcp.h"
#include "lib.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2badb002
#define DEFAULT_PORT 8000
#define LINK_CHECK_MS 100

struct multiboot_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
};

static struct nic nic;
static const char *cmdline = "";
static uint16_t port = DEFAULT_PORT;
static uint32_t static_ip, static_mask, static_gateway;

static const char *parse_uint(const char *p, uint32_t *v, uint32_t max)
{
    uint32_t x = 0;
    const char *start = p;
    while (is_digit(*p) && x <= max)
        x = x * 10 + (uint32_t)(*p++ - '0');
    *v = x;
    return p == start || x > max ? 0 : p;
}

static const char *parse_ip(const char *p, uint32_t *ip)
{
    uint32_t a = 0;
    for (int i = 0; i < 4; i++) {
        uint32_t part;
        if (!p || !(p = parse_uint(p, &part, 255)) || (i < 3 && *p++ != '.'))
            return 0;
        a = a << 8 | part;
    }
    *ip = a;
    return p;
}

static bool ends_word(const char *p) { return p && (*p == 0 || *p == ' '); }

static void parse_command_line(void)
{
    const char *v;
    uint32_t n;
    if ((v = find_word(cmdline, "port="))) {
        const char *end = parse_uint(v, &n, 65535);
        if (ends_word(end) && n > 0)
            port = (uint16_t)n;
        else
            klog("ignoring bad port= (want 1-65535), using %u", port);
    }
    if ((v = find_word(cmdline, "ip="))) {
        const char *end = parse_ip(v, &static_ip);
        uint32_t prefix = 24;
        if (end && *end == '/')
            end = parse_uint(end + 1, &prefix, 32);
        if (ends_word(end) && prefix >= 1 && prefix <= 32) {
            static_mask = prefix == 32 ? 0xffffffff : ~(0xffffffffu >> prefix);
        } else {
            klog("ignoring bad ip= (want ip=A.B.C.D/PREFIX), using DHCP");
            static_ip = 0;
        }
    }
    if ((v = find_word(cmdline, "gw=")) && !ends_word(parse_ip(v, &static_gateway))) {
        klog("ignoring bad gw= (want gw=A.B.C.D)");
        static_gateway = 0;
    }
}

static bool claim(struct pci_device *d)
{
    return virtio_net_probe(d, &nic, cmdline) || e1000_probe(d, &nic, cmdline) || rtl8139_probe(d, &nic, cmdline);
}

static void nic_interrupt(void) { nic.irq_ack(); }

void on_address_ready(void)
{
    tcp_listen(port);
    klog("listening on port %u", port);
}

static void configure(uint32_t now)
{
    char a[16], b[16], c[16];
    if (!static_ip) {
        dhcp_start(now);
        return;
    }
    net.ip = static_ip;
    net.mask = static_mask;
    net.gateway = static_gateway;
    net.configured = true;
    klog("static address %s mask %s gateway %s (from the command line, no DHCP)", ip_to_str(net.ip, a),
         ip_to_str(net.mask, b), ip_to_str(net.gateway, c));
    on_address_ready();
}

void kmain(uint32_t magic, const struct multiboot_info *info)
{
    console_init();
    if (magic == MULTIBOOT_BOOTLOADER_MAGIC && (info->flags & 4))
        cmdline = (const char *)info->cmdline;
    klog("booting, command line [%s]", cmdline);
    if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
        klog("not started by a Multiboot loader (eax %08x): using defaults", magic);
    parse_command_line();
    cpu_init();
    timer_init();

    pci_scan(claim);
    if (!nic.send) {
        klog("no supported NIC on PCI (virtio-net, e1000, rtl8139)");
        panic("no network");
    }
    const uint8_t *m = nic.mac;
    klog("nic %s %04x:%04x at %02x:%02x.%u irq %u mac %02x:%02x:%02x:%02x:%02x:%02x", nic.model, nic.pci.vendor,
         nic.pci.device, nic.pci.bus, nic.pci.slot, nic.pci.function, nic.pci.irq, m[0], m[1], m[2], m[3], m[4], m[5]);
    if (nic.pci.irq != 0xff)
        irq_install(nic.pci.irq, nic_interrupt);
    else
        klog("nic has no interrupt line: polling at %u Hz", TIMER_HZ);
    net_init(&nic);
    interrupts_on();

    bool link = false, started = false;
    uint32_t link_checked = now_ms() - LINK_CHECK_MS;
    for (;;) {
        nic.poll(net_input);
        uint32_t now = now_ms();
        if (time_reached(now, link_checked + LINK_CHECK_MS)) {
            link_checked = now;
            if (nic.link_up() != link) {
                link = !link;
                klog(link ? "link up" : "link down");
                if (link && !started) {
                    started = true;
                    configure(now);
                }
            }
        }
        dhcp_tick(now);
        tcp_tick(now);
        cpu_idle();
    }
}
