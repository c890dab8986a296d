/*
 * Guest test (assembly): brk(0), grow by two pages, store at both ends,
 * shrink back; each step prints a line.  Exit status 0.
 */
	.text
	.globl	_start
_start:
	mov	$12, %eax
	xor	%edi, %edi
	syscall
	mov	%rax, %rbx		/* initial break */
	test	$0xfff, %ebx
	lea	m_aligned(%rip), %rsi
	mov	$m_aligned_len, %edx
	jz	1f
	lea	m_unaligned(%rip), %rsi
	mov	$m_unaligned_len, %edx
1:	call	print

	lea	8192(%rbx), %rdi
	mov	$12, %eax
	syscall
	lea	8192(%rbx), %rcx
	cmp	%rcx, %rax
	jne	fail
	movb	$1, (%rbx)
	movb	$2, 8191(%rbx)
	cmpb	$1, (%rbx)
	jne	fail
	lea	m_grow(%rip), %rsi
	mov	$m_grow_len, %edx
	call	print

	mov	%rbx, %rdi
	mov	$12, %eax
	syscall
	cmp	%rbx, %rax
	jne	fail
	lea	m_shrink(%rip), %rsi
	mov	$m_shrink_len, %edx
	call	print

	/* write() from the released page must fail with EFAULT (-14) */
	mov	$1, %eax
	mov	$1, %edi
	mov	%rbx, %rsi
	mov	$1, %edx
	syscall
	cmp	$-14, %rax
	jne	fail
	lea	m_efault(%rip), %rsi
	mov	$m_efault_len, %edx
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
m_aligned:	.ascii	"initial break page aligned\n"
	.set	m_aligned_len, . - m_aligned
m_unaligned:	.ascii	"initial break NOT page aligned\n"
	.set	m_unaligned_len, . - m_unaligned
m_grow:	.ascii	"grew two pages, both ends writable\n"
	.set	m_grow_len, . - m_grow
m_shrink:	.ascii	"shrank back\n"
	.set	m_shrink_len, . - m_shrink
m_efault:	.ascii	"released page gives EFAULT\n"
	.set	m_efault_len, . - m_efault
m_fail:	.ascii	"FAIL\n"
	.set	m_fail_len, . - m_fail

	.section .note.GNU-stack, "", @progbits
