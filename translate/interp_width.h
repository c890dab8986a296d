/*
 * Width template prologue (internal to the interp_*.c handler files):
 * include it with BITS defined as 8, 16, 32 or 64, write width-generic
 * code with T/ST/W(), then include interp_width_end.h.  This is how each
 * operand-size variant is written once.
 */
#ifndef BITS
#error "define BITS before including interp_width.h"
#endif

#define W_GLUE2(a, b) a##b
#define W_GLUE(a, b)  W_GLUE2(a, b)
/* W(op_add_rm_r) -> op_add_rm_r32 */
#define W(name) W_GLUE(name, BITS)

#if BITS == 8
#define T   uint8_t
#define ST  int8_t
#define IDX 0
#elif BITS == 16
#define T   uint16_t
#define ST  int16_t
#define IDX 1
#elif BITS == 32
#define T   uint32_t
#define ST  int32_t
#define IDX 2
#else
#define T   uint64_t
#define ST  int64_t
#define IDX 3
#endif
#define MSB ((T)1 << (BITS - 1))

/*
 * Locked read-modify-write of the T at guest address a: OLD names the
 * value read, NEWEXPR computes the value to store (may be evaluated more
 * than once; the last evaluation is the one stored).  Atomic against other
 * host threads: compare-and-swap on the host page when the operand is
 * aligned and inside one page, else under mem_rmw_lock after checking
 * that both ends are writable (so no fault can happen with the lock held).
 */
#define RMW_LOCKED(cpu, a, OLD, NEWEXPR)                                       \
	do {                                                                   \
		T *p_ = mem_rmw_ptr(cpu, a, sizeof(T));                        \
		if (p_ && ((uintptr_t)p_ & (sizeof(T) - 1)) == 0) {            \
			T OLD = __atomic_load_n(p_, __ATOMIC_RELAXED), new_;   \
			do                                                     \
				new_ = (NEWEXPR);                              \
			while (!__atomic_compare_exchange_n(                   \
				p_, &OLD, new_, true, __ATOMIC_SEQ_CST,        \
				__ATOMIC_RELAXED));                            \
		} else {                                                       \
			mem_rmw_ptr(cpu, a, 1);                                \
			mem_rmw_ptr(cpu,                                       \
				    (a + sizeof(T) - 1) & GUEST_PAGE_MASK, 1); \
			pthread_mutex_lock(&mem_rmw_lock);                     \
			T OLD = W(mem_ld)(cpu, a);                             \
			W(mem_st)(cpu, a, (NEWEXPR));                          \
			pthread_mutex_unlock(&mem_rmw_lock);                   \
		}                                                              \
	} while (0)
