package dev.hermitcloud.demo;

import static dev.hermitcloud.demo.Assembler.abs32;
import static dev.hermitcloud.demo.Assembler.imm16;
import static dev.hermitcloud.demo.Assembler.imm32;
import static dev.hermitcloud.demo.Assembler.rel32;
import static dev.hermitcloud.demo.Assembler.rel8;

/**
 * The source of the demo kernel: 32-bit x86 code, entered by a Multiboot loader in protected mode with
 * the magic in EAX and the Multiboot information in EBX. It reports on COM1 what the boot loader handed
 * it, then asks QEMU to exit through the isa-debug-exit port and otherwise halts.
 *
 * <p>Multiboot information offsets used: flags +0 (bit 2: cmdline, bit 3: modules), cmdline +16,
 * mods_count +20, mods_addr +24; each module entry is {mod_start, mod_end, string, reserved}.
 */
final class DemoKernelProgram {
  static final int LOAD_ADDRESS = 0x100000;
  static final int MULTIBOOT_MAGIC = 0x1BADB002;
  static final int MULTIBOOT_FLAGS = 0;
  static final int COM1 = 0x3f8;
  static final int CRC32_POLYNOMIAL = 0xEDB88320;

  private DemoKernelProgram() {}

  /** Writes the program into {@code asm}, whose origin is right after the ELF headers. */
  static void write(Assembler asm, int exitPort, int exitValue) {
    multibootHeader(asm);
    main(asm, exitPort, exitValue);
    serialInit(asm);
    putc(asm);
    puts(asm);
    printDecimal(asm);
    printHex(asm);
    crc32TableInit(asm);
    crc32(asm);
    messages(asm);
    asm.bss("crc_table", 256 * 4);
    asm.bss("stack", 4096);
    asm.bss("stack_top", 0);
  }

  private static void multibootHeader(Assembler asm) {
    asm.align(4);
    asm.label("multiboot_header");
    asm.insn("dd 0x1BADB002                ; magic", imm32(MULTIBOOT_MAGIC));
    asm.insn("dd 0                         ; flags: nothing asked of the loader", imm32(MULTIBOOT_FLAGS));
    asm.insn("dd -(magic + flags)          ; checksum", imm32(-(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)));
  }

  private static void main(Assembler asm, int exitPort, int exitValue) {
    asm.label("start");
    asm.insn("cli", 0xFA);
    asm.insn("cld                          ; lodsb walks forward", 0xFC);
    asm.insn("mov esp, stack_top", 0xBC, abs32("stack_top"));
    asm.insn("mov ebp, eax                 ; the loader's magic", 0x89, 0xC5);
    asm.insn("mov esi, ebx                 ; esi = Multiboot information, kept throughout", 0x89, 0xDE);
    asm.insn("call serial_init", 0xE8, rel32("serial_init"));
    asm.insn("call crc32_table_init", 0xE8, rel32("crc32_table_init"));

    asm.insn("mov eax, msg_magic", 0xB8, abs32("msg_magic"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("mov eax, ebp", 0x89, 0xE8);
    asm.insn("call print_hex", 0xE8, rel32("print_hex"));
    asm.insn("mov eax, msg_eol", 0xB8, abs32("msg_eol"));
    asm.insn("call puts", 0xE8, rel32("puts"));

    asm.insn("mov eax, msg_cmdline", 0xB8, abs32("msg_cmdline"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("test byte [esi], 4           ; flags bit 2: cmdline present", 0xF6, 0x06, 0x04);
    asm.insn("jz no_cmdline", 0x74, rel8("no_cmdline"));
    asm.insn("mov eax, [esi+16]            ; cmdline", 0x8B, 0x46, 0x10);
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.label("no_cmdline");
    asm.insn("mov eax, msg_close", 0xB8, abs32("msg_close"));
    asm.insn("call puts", 0xE8, rel32("puts"));

    asm.insn("mov eax, msg_modules", 0xB8, abs32("msg_modules"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("xor eax, eax", 0x31, 0xC0);
    asm.insn("test byte [esi], 8           ; flags bit 3: modules present", 0xF6, 0x06, 0x08);
    asm.insn("jz have_count", 0x74, rel8("have_count"));
    asm.insn("mov eax, [esi+20]            ; mods_count", 0x8B, 0x46, 0x14);
    asm.label("have_count");
    asm.insn("mov ebp, eax                 ; ebp = module count", 0x89, 0xC5);
    asm.insn("call print_dec", 0xE8, rel32("print_dec"));
    asm.insn("mov eax, msg_eol", 0xB8, abs32("msg_eol"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("mov edi, [esi+24]            ; edi = first module entry", 0x8B, 0x7E, 0x18);
    asm.insn("xor ebx, ebx                 ; ebx = module index", 0x31, 0xDB);

    asm.label("next_module");
    asm.insn("cmp ebx, ebp", 0x39, 0xEB);
    asm.insn("jae modules_done", 0x0F, 0x83, rel32("modules_done"));
    asm.insn("mov eax, msg_module", 0xB8, abs32("msg_module"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("mov eax, ebx", 0x89, 0xD8);
    asm.insn("call print_dec", 0xE8, rel32("print_dec"));
    asm.insn("mov eax, msg_size", 0xB8, abs32("msg_size"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("mov eax, [edi+4]             ; mod_end", 0x8B, 0x47, 0x04);
    asm.insn("sub eax, [edi]               ; - mod_start", 0x2B, 0x07);
    asm.insn("call print_dec", 0xE8, rel32("print_dec"));
    asm.insn("mov eax, msg_crc32", 0xB8, abs32("msg_crc32"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("push esi", 0x56);
    asm.insn("mov ecx, [edi+4]             ; mod_end", 0x8B, 0x4F, 0x04);
    asm.insn("mov esi, [edi]               ; mod_start", 0x8B, 0x37);
    asm.insn("sub ecx, esi                 ; length", 0x29, 0xF1);
    asm.insn("call crc32", 0xE8, rel32("crc32"));
    asm.insn("pop esi", 0x5E);
    asm.insn("call print_hex", 0xE8, rel32("print_hex"));
    asm.insn("mov eax, msg_module_cmdline", 0xB8, abs32("msg_module_cmdline"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("mov eax, [edi+8]             ; the module's string", 0x8B, 0x47, 0x08);
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("mov eax, msg_close", 0xB8, abs32("msg_close"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn("add edi, 16                  ; next module entry", 0x83, 0xC7, 0x10);
    asm.insn("inc ebx", 0x43);
    asm.insn("jmp next_module", 0xE9, rel32("next_module"));

    asm.label("modules_done");
    asm.insn("mov eax, msg_done", 0xB8, abs32("msg_done"));
    asm.insn("call puts", 0xE8, rel32("puts"));
    asm.insn(String.format("mov dx, 0x%x                 ; isa-debug-exit", exitPort), 0x66, 0xBA, imm16(exitPort));
    asm.insn(String.format("mov al, 0x%x                 ; QEMU exits with (al << 1) | 1", exitValue),
        0xB0, exitValue);
    asm.insn("out dx, al", 0xEE);
    asm.label("halt");
    asm.insn("cli                          ; not under QEMU: stop here", 0xFA);
    asm.insn("hlt", 0xF4);
    asm.insn("jmp halt", 0xEB, rel8("halt"));
  }

  /** 115200 baud, 8 data bits, no parity, one stop bit; interrupts off. */
  private static void serialInit(Assembler asm) {
    asm.label("serial_init");
    outb(asm, COM1 + 1, 0x00, "interrupts off");
    outb(asm, COM1 + 3, 0x80, "DLAB on: next two ports set the divisor");
    outb(asm, COM1, 0x01, "divisor low: 115200 baud");
    outb(asm, COM1 + 1, 0x00, "divisor high");
    outb(asm, COM1 + 3, 0x03, "DLAB off, 8N1");
    outb(asm, COM1 + 2, 0xC7, "FIFO on and cleared");
    outb(asm, COM1 + 4, 0x03, "DTR and RTS");
    asm.insn("ret", 0xC3);
  }

  private static void outb(Assembler asm, int port, int value, String why) {
    asm.insn(String.format("mov dx, 0x%x", port), 0x66, 0xBA, imm16(port));
    asm.insn(String.format("mov al, 0x%02x                ; %s", value, why), 0xB0, value);
    asm.insn("out dx, al", 0xEE);
  }

  /** putc: sends AL once the transmitter is empty; keeps every register. */
  private static void putc(Assembler asm) {
    asm.label("putc");
    asm.insn("push edx", 0x52);
    asm.insn("push eax", 0x50);
    asm.insn(String.format("mov dx, 0x%x                ; line status", COM1 + 5), 0x66, 0xBA, imm16(COM1 + 5));
    asm.label("putc_wait");
    asm.insn("in al, dx", 0xEC);
    asm.insn("test al, 0x20                ; transmitter holding register empty?", 0xA8, 0x20);
    asm.insn("jz putc_wait", 0x74, rel8("putc_wait"));
    asm.insn("pop eax", 0x58);
    asm.insn(String.format("mov dx, 0x%x", COM1), 0x66, 0xBA, imm16(COM1));
    asm.insn("out dx, al", 0xEE);
    asm.insn("pop edx", 0x5A);
    asm.insn("ret", 0xC3);
  }

  /** puts: sends the zero-terminated string at EAX (nothing for a null pointer). */
  private static void puts(Assembler asm) {
    asm.label("puts");
    asm.insn("push esi", 0x56);
    asm.insn("mov esi, eax", 0x89, 0xC6);
    asm.insn("test esi, esi", 0x85, 0xF6);
    asm.insn("jz puts_end", 0x74, rel8("puts_end"));
    asm.label("puts_next");
    asm.insn("lodsb", 0xAC);
    asm.insn("test al, al", 0x84, 0xC0);
    asm.insn("jz puts_end", 0x74, rel8("puts_end"));
    asm.insn("call putc", 0xE8, rel32("putc"));
    asm.insn("jmp puts_next", 0xEB, rel8("puts_next"));
    asm.label("puts_end");
    asm.insn("pop esi", 0x5E);
    asm.insn("ret", 0xC3);
  }

  /** print_dec: EAX as an unsigned decimal number. */
  private static void printDecimal(Assembler asm) {
    asm.label("print_dec");
    asm.insn("push ebx", 0x53);
    asm.insn("push ecx", 0x51);
    asm.insn("push edx", 0x52);
    asm.insn("mov ebx, 10", 0xBB, imm32(10));
    asm.insn("xor ecx, ecx                 ; digits pushed", 0x31, 0xC9);
    asm.label("dec_divide");
    asm.insn("xor edx, edx", 0x31, 0xD2);
    asm.insn("div ebx                      ; eax = eax / 10, edx = remainder", 0xF7, 0xF3);
    asm.insn("push edx", 0x52);
    asm.insn("inc ecx", 0x41);
    asm.insn("test eax, eax", 0x85, 0xC0);
    asm.insn("jnz dec_divide", 0x75, rel8("dec_divide"));
    asm.label("dec_print");
    asm.insn("pop eax                      ; most significant digit first", 0x58);
    asm.insn("add al, '0'", 0x04, 0x30);
    asm.insn("call putc", 0xE8, rel32("putc"));
    asm.insn("loop dec_print", 0xE2, rel8("dec_print"));
    asm.insn("pop edx", 0x5A);
    asm.insn("pop ecx", 0x59);
    asm.insn("pop ebx", 0x5B);
    asm.insn("ret", 0xC3);
  }

  /** print_hex: EAX as eight lower-case hex digits. */
  private static void printHex(Assembler asm) {
    asm.label("print_hex");
    asm.insn("push ecx", 0x51);
    asm.insn("push edx", 0x52);
    asm.insn("mov edx, eax", 0x89, 0xC2);
    asm.insn("mov ecx, 8", 0xB9, imm32(8));
    asm.label("hex_digit");
    asm.insn("rol edx, 4                   ; next nibble to the bottom", 0xC1, 0xC2, 0x04);
    asm.insn("mov eax, edx", 0x89, 0xD0);
    asm.insn("and eax, 0x0f", 0x83, 0xE0, 0x0F);
    asm.insn("mov al, [hex_digits + eax]", 0x8A, 0x80, abs32("hex_digits"));
    asm.insn("call putc", 0xE8, rel32("putc"));
    asm.insn("loop hex_digit", 0xE2, rel8("hex_digit"));
    asm.insn("pop edx", 0x5A);
    asm.insn("pop ecx", 0x59);
    asm.insn("ret", 0xC3);
  }

  /** crc32_table_init: the 256-entry table of the reflected CRC-32 (zlib's, polynomial 0xEDB88320). */
  private static void crc32TableInit(Assembler asm) {
    asm.label("crc32_table_init");
    asm.insn("xor ecx, ecx                 ; ecx = table index n", 0x31, 0xC9);
    asm.label("crc32_entry");
    asm.insn("mov eax, ecx", 0x89, 0xC8);
    asm.insn("mov edx, 8                   ; eight bits", 0xBA, imm32(8));
    asm.label("crc32_bit");
    asm.insn("shr eax, 1", 0xD1, 0xE8);
    asm.insn("jnc crc32_no_xor", 0x73, rel8("crc32_no_xor"));
    asm.insn("xor eax, 0xEDB88320", 0x35, imm32(CRC32_POLYNOMIAL));
    asm.label("crc32_no_xor");
    asm.insn("dec edx", 0x4A);
    asm.insn("jnz crc32_bit", 0x75, rel8("crc32_bit"));
    asm.insn("mov [crc_table + ecx*4], eax", 0x89, 0x04, 0x8D, abs32("crc_table"));
    asm.insn("inc ecx", 0x41);
    asm.insn("cmp ecx, 256", 0x81, 0xF9, imm32(256));
    asm.insn("jb crc32_entry", 0x72, rel8("crc32_entry"));
    asm.insn("ret", 0xC3);
  }

  /** crc32: EAX = CRC-32 of ECX bytes at ESI (the value java.util.zip.CRC32 gives); ESI, ECX, EDX used. */
  private static void crc32(Assembler asm) {
    asm.label("crc32");
    asm.insn("push edx", 0x52);
    asm.insn("mov eax, 0xFFFFFFFF", 0xB8, imm32(0xFFFFFFFF));
    asm.insn("test ecx, ecx", 0x85, 0xC9);
    asm.insn("jz crc32_done", 0x74, rel8("crc32_done"));
    asm.label("crc32_byte");
    asm.insn("movzx edx, byte [esi]", 0x0F, 0xB6, 0x16);
    asm.insn("inc esi", 0x46);
    asm.insn("xor dl, al                   ; index = (crc ^ byte) & 0xff", 0x30, 0xC2);
    asm.insn("shr eax, 8", 0xC1, 0xE8, 0x08);
    asm.insn("xor eax, [crc_table + edx*4]", 0x33, 0x04, 0x95, abs32("crc_table"));
    asm.insn("dec ecx", 0x49);
    asm.insn("jnz crc32_byte", 0x75, rel8("crc32_byte"));
    asm.label("crc32_done");
    asm.insn("not eax", 0xF7, 0xD0);
    asm.insn("pop edx", 0x5A);
    asm.insn("ret", 0xC3);
  }

  private static void messages(Assembler asm) {
    asm.asciz("msg_magic", DemoKernel.PREFIX + "magic ");
    asm.asciz("msg_cmdline", DemoKernel.PREFIX + "cmdline [");
    asm.asciz("msg_modules", DemoKernel.PREFIX + "modules ");
    asm.asciz("msg_module", DemoKernel.PREFIX + "module ");
    asm.asciz("msg_size", " size ");
    asm.asciz("msg_crc32", " crc32 ");
    asm.asciz("msg_module_cmdline", " cmdline [");
    asm.asciz("msg_close", "]\r\n");
    asm.asciz("msg_eol", "\r\n");
    asm.asciz("msg_done", DemoKernel.PREFIX + "done\r\n");
    asm.asciz("hex_digits", "0123456789abcdef");
  }
}
