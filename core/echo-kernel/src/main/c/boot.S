/*
 * Multiboot (version 1) entry. The loader (GRUB, or QEMU's -kernel) leaves us in 32-bit protected mode
 * with paging off, EAX = 0x2BADB002 and EBX = the Multiboot information. The spec says neither its GDT
 * nor a stack may be trusted, so we bring our own before the first C call.
 */
	.set MB_MAGIC, 0x1BADB002
	.set MB_FLAGS, 0                      /* nothing asked of the loader: ELF program headers say it all */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

	.section .text
	.globl _start
_start:
	cli
	cld
	mov %eax, %ebp                        /* keep magic and info pointer out of the way of rep stosb */
	mov %ebx, %esi
	lgdt gdt_descriptor
	ljmp $0x08, $1f                       /* reload CS from our GDT */
1:	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %fs
	mov %ax, %gs
	mov %ax, %ss
	mov $__bss_start, %edi                /* both loaders zero .bss, but nothing says a third must */
	mov $__bss_end, %ecx
	sub %edi, %ecx
	xor %eax, %eax
	rep stosb
	mov $stack_top, %esp
	push %esi                             /* kmain(magic, info) */
	push %ebp
	call kmain
2:	cli
	hlt
	jmp 2b

/*
 * One stub per vector we install (0-31 exceptions, 32-47 the two PICs' IRQs). Each pushes a dummy error
 * code when the CPU pushes none, so isr_common sees one frame layout: struct isr_frame in cpu.h.
 */
	.macro stub n, has_error
isr\n:
	.if \has_error == 0
	push $0
	.endif
	push $\n
	jmp isr_common
	.endm

	.irp n, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,22,23,24,25,26,27,28,31
	stub \n, 0
	.endr
	.irp n, 8,10,11,12,13,14,17,21,29,30
	stub \n, 1
	.endr
	.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	stub \n, 0
	.endr

isr_common:
	pusha
	push %esp                             /* isr_dispatch(struct isr_frame *) */
	call isr_dispatch
	add $4, %esp
	popa
	add $8, %esp                          /* vector and error code */
	iret

	.section .rodata
	.align 4
	.globl isr_table
isr_table:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long isr\n
	.endr
	.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	.long isr\n
	.endr

	.section .data
	.align 8
gdt:	.quad 0                               /* null */
	.quad 0x00CF9A000000FFFF              /* 0x08: code, flat 4 GiB, ring 0 */
	.quad 0x00CF92000000FFFF              /* 0x10: data, flat 4 GiB, ring 0 */
gdt_descriptor:
	.word gdt_descriptor - gdt - 1
	.long gdt

	.section .bss
	.align 16
	.skip 65536
stack_top:

	.section .note.GNU-stack, "", @progbits /* no executable stack wanted */
