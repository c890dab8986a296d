/* Guest test (assembly): the plain exit syscall (60) with status 42. */
	.text
	.globl	_start
_start:
	mov	$60, %eax
	mov	$42, %edi
	syscall
	hlt

	.section .note.GNU-stack, "", @progbits
