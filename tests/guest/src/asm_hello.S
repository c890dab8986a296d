/* Guest test (assembly, no libc): write(1, msg) then exit_group(0). */
	.text
	.globl	_start
_start:
	mov	$1, %eax		/* write */
	mov	$1, %edi
	lea	msg(%rip), %rsi
	mov	$msg_len, %edx
	syscall
	mov	$231, %eax		/* exit_group */
	xor	%edi, %edi
	syscall
	hlt

	.section .rodata
msg:	.ascii	"hello from assembly\n"
	.set	msg_len, . - msg

	.section .note.GNU-stack, "", @progbits
