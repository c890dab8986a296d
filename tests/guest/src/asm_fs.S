/*
 * Guest test (assembly): arch_prctl ARCH_SET_FS/ARCH_GET_FS/ARCH_SET_GS/
 * ARCH_GET_GS, and fs:/gs:-relative loads and stores through the bases.
 */
	.text
	.globl	_start
_start:
	/* ARCH_SET_FS (0x1002) = tlsblock */
	mov	$158, %eax
	mov	$0x1002, %edi
	lea	tlsblock(%rip), %rsi
	syscall
	test	%rax, %rax
	jnz	fail
	/* fs:8 reads the second quad of tlsblock */
	mov	%fs:8, %rax
	cmp	magic2(%rip), %rax
	jne	fail
	/* a store through fs lands in tlsblock */
	movq	$0x5a5a, %fs:16
	cmpq	$0x5a5a, tlsblock+16(%rip)
	jne	fail
	/* ARCH_GET_FS (0x1003) gives the base back */
	mov	$158, %eax
	mov	$0x1003, %edi
	lea	out(%rip), %rsi
	syscall
	test	%rax, %rax
	jnz	fail
	lea	tlsblock(%rip), %rax
	cmp	out(%rip), %rax
	jne	fail
	lea	m_fs(%rip), %rsi
	mov	$m_fs_len, %edx
	call	print

	/* ARCH_SET_GS (0x1001) = tlsblock + 8; gs:0 reads magic2 */
	mov	$158, %eax
	mov	$0x1001, %edi
	lea	tlsblock+8(%rip), %rsi
	syscall
	test	%rax, %rax
	jnz	fail
	mov	%gs:0, %rax
	cmp	magic2(%rip), %rax
	jne	fail
	/* ARCH_GET_GS (0x1004) */
	mov	$158, %eax
	mov	$0x1004, %edi
	lea	out(%rip), %rsi
	syscall
	lea	tlsblock+8(%rip), %rax
	cmp	out(%rip), %rax
	jne	fail
	/* fs and gs with an index register: fs:(rcx*8) */
	mov	$1, %ecx
	mov	%fs:(,%rcx,8), %rax
	cmp	magic2(%rip), %rax
	jne	fail
	lea	m_gs(%rip), %rsi
	mov	$m_gs_len, %edx
	call	print
	mov	$231, %eax
	xor	%edi, %edi
	syscall
fail:
	lea	m_fail(%rip), %rsi
	mov	$m_fail_len, %edx
	call	print
	mov	$231, %eax
	mov	$1, %edi
	syscall
	hlt

print:
	mov	$1, %eax
	mov	$1, %edi
	syscall
	ret

	.section .rodata
	.align	8
magic2:	.quad	0x1122334455667788
m_fs:	.ascii	"fs base works\n"
	.set	m_fs_len, . - m_fs
m_gs:	.ascii	"gs base works\n"
	.set	m_gs_len, . - m_gs
m_fail:	.ascii	"FAIL\n"
	.set	m_fail_len, . - m_fail

	.data
	.align	16
tlsblock:
	.quad	0
	.quad	0x1122334455667788
	.quad	0
	.quad	0
out:	.quad	0

	.section .note.GNU-stack, "", @progbits
