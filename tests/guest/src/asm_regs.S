/*
 * Guest test (assembly): register state at the ELF entry point.  The ABI
 * says rdx holds a function for atexit or 0 (Linux: 0), rsp is 16-byte
 * aligned and points at argc.  Linux also starts every other general
 * register at zero; we print one line per register that is not.
 */
	.text
	.globl	_start
_start:
	/* Save everything first, before we clobber anything. */
	mov	%rax, regs+0(%rip)
	mov	%rbx, regs+8(%rip)
	mov	%rcx, regs+16(%rip)
	mov	%rdx, regs+24(%rip)
	mov	%rsi, regs+32(%rip)
	mov	%rdi, regs+40(%rip)
	mov	%rbp, regs+48(%rip)
	mov	%r8, regs+56(%rip)
	mov	%r9, regs+64(%rip)
	mov	%r10, regs+72(%rip)
	mov	%r11, regs+80(%rip)
	mov	%r12, regs+88(%rip)
	mov	%r13, regs+96(%rip)
	mov	%r14, regs+104(%rip)
	mov	%r15, regs+112(%rip)
	mov	%rsp, saved_rsp(%rip)

	/* rdx == 0 */
	lea	m_rdx_ok(%rip), %rsi
	mov	$m_rdx_ok_len, %edx
	cmpq	$0, regs+24(%rip)
	je	1f
	lea	m_rdx_bad(%rip), %rsi
	mov	$m_rdx_bad_len, %edx
1:	call	print

	/* rsp % 16 == 0 */
	lea	m_rsp_ok(%rip), %rsi
	mov	$m_rsp_ok_len, %edx
	testq	$15, saved_rsp(%rip)
	jz	1f
	lea	m_rsp_bad(%rip), %rsi
	mov	$m_rsp_bad_len, %edx
1:	call	print

	/* argc (at rsp) == 1 (run.sh gives no arguments) */
	mov	saved_rsp(%rip), %rax
	lea	m_argc_ok(%rip), %rsi
	mov	$m_argc_ok_len, %edx
	cmpq	$1, (%rax)
	je	1f
	lea	m_argc_bad(%rip), %rsi
	mov	$m_argc_bad_len, %edx
1:	call	print

	/* One line per nonzero register: "reg N nonzero". */
	xor	%r12d, %r12d
2:	lea	regs(%rip), %rax
	cmpq	$0, (%rax,%r12,8)
	je	3f
	mov	%r12d, %eax
	add	$'a', %eax
	mov	%al, m_reg+4(%rip)
	lea	m_reg(%rip), %rsi
	mov	$m_reg_len, %edx
	call	print
3:	inc	%r12
	cmp	$15, %r12
	jne	2b

	/* Direction flag clear: a string op must go forward. */
	lea	srcbuf(%rip), %rsi
	lea	dstbuf(%rip), %rdi
	mov	$4, %ecx
	rep movsb
	lea	m_df(%rip), %rsi
	mov	$m_df_len, %edx
	cmpl	$0x64636261, dstbuf(%rip)
	je	1f
	lea	m_df_bad(%rip), %rsi
	mov	$m_df_bad_len, %edx
1:	call	print

	mov	$231, %eax
	xor	%edi, %edi
	syscall
	hlt

/* print(rsi = buf, rdx = len) */
print:
	mov	$1, %eax
	mov	$1, %edi
	syscall
	ret

	.section .rodata
m_rdx_ok:	.ascii	"rdx is zero\n"
	.set	m_rdx_ok_len, . - m_rdx_ok
m_rdx_bad:	.ascii	"rdx is NOT zero\n"
	.set	m_rdx_bad_len, . - m_rdx_bad
m_rsp_ok:	.ascii	"rsp is 16-byte aligned\n"
	.set	m_rsp_ok_len, . - m_rsp_ok
m_rsp_bad:	.ascii	"rsp is NOT 16-byte aligned\n"
	.set	m_rsp_bad_len, . - m_rsp_bad
m_argc_ok:	.ascii	"argc at rsp is 1\n"
	.set	m_argc_ok_len, . - m_argc_ok
m_argc_bad:	.ascii	"argc at rsp is NOT 1\n"
	.set	m_argc_bad_len, . - m_argc_bad
m_df:	.ascii	"direction flag clear\n"
	.set	m_df_len, . - m_df
m_df_bad:	.ascii	"direction flag SET\n"
	.set	m_df_bad_len, . - m_df_bad
srcbuf:	.ascii	"abcd"

	.data
m_reg:	.ascii	"reg ? nonzero (a=rax b=rbx c=rcx d=rdx e=rsi f=rdi g=rbp h=r8 ...)\n"
	.set	m_reg_len, . - m_reg

	.bss
	.align	8
regs:	.skip	15 * 8
saved_rsp:	.skip	8
dstbuf:	.skip	8

	.section .note.GNU-stack, "", @progbits
