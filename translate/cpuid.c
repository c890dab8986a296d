/*
 * CPUID as the guest sees it: a family-6 "GenuineIntel" CPU (glibc picks
 * its string/memory routines and cache sizes from this) that lists only
 * what the interpreter implements: the x86-64-v2 level (CMPXCHG16B,
 * LAHF/SAHF, POPCNT, SSE3, SSSE3, SSE4.1, SSE4.2) and MMX.  MMX and the
 * SSE-family bits are derived from sse_lookup() so they follow what the
 * SSE handlers actually provide.  No XSAVE/OSXSAVE/AVX: glibc then never
 * touches YMM state.
 *
 * Callers: op_cpuid (interp_misc.c); syscalls/ or frontend/ for AT_HWCAP.
 */
#include <string.h>

#include "sse.h"
#include "translate.h"

/* leaf 1 EDX */
#define ID1D_FPU   (1u << 0)
#define ID1D_TSC   (1u << 4)
#define ID1D_CX8   (1u << 8)
#define ID1D_CMOV  (1u << 15)
#define ID1D_CLFSH (1u << 19)
#define ID1D_MMX   (1u << 23)
#define ID1D_FXSR  (1u << 24)
#define ID1D_SSE   (1u << 25)
#define ID1D_SSE2  (1u << 26)
/* leaf 1 ECX */
#define ID1C_SSE3   (1u << 0)
#define ID1C_SSSE3  (1u << 9)
#define ID1C_CX16   (1u << 13)
#define ID1C_SSE41  (1u << 19)
#define ID1C_SSE42  (1u << 20)
#define ID1C_MOVBE  (1u << 22)
#define ID1C_POPCNT (1u << 23)
/* leaf 7 EBX */
#define ID7B_ERMS (1u << 9)
/* leaf 0x80000001 */
#define IDX1C_LAHF    (1u << 0)
#define IDX1C_ABM     (1u << 5) /* LZCNT */
#define IDX1D_SYSCALL (1u << 11)
#define IDX1D_NX      (1u << 20)
#define IDX1D_LM      (1u << 29)

static uint32_t cpuid_leaf1_edx(void)
{
	uint32_t d = ID1D_FPU | ID1D_TSC | ID1D_CX8 | ID1D_CMOV | ID1D_CLFSH |
		     ID1D_FXSR | ID1D_SSE | ID1D_SSE2;

	if (sse_lookup(1, 0xfc, 0) && sse_lookup(1, 0x77, 0)) /* PADDB, EMMS */
		d |= ID1D_MMX;
	return d;
}

static uint32_t cpuid_leaf1_ecx(void)
{
	uint32_t c = ID1C_CX16 | ID1C_MOVBE | ID1C_POPCNT;

	if (sse_lookup(1, 0x7c, 0x66) &&
	    sse_lookup(1, 0xf0, 0xf2)) /* HADDPD, LDDQU */
		c |= ID1C_SSE3;
	if (sse_lookup(2, 0x00, 0x66) &&
	    sse_lookup(3, 0x0f, 0x66)) /* PSHUFB, PALIGNR */
		c |= ID1C_SSSE3;
	if (sse_lookup(2, 0x41, 0x66) &&
	    sse_lookup(3, 0x08, 0x66)) /* PHMINPOSUW, ROUNDPS */
		c |= ID1C_SSE41;
	if (sse_lookup(3, 0x63, 0x66) && sse_lookup(2, 0xf1, 0xf2) &&
	    sse_lookup(2, 0x37, 0x66)) /* PCMPISTRI, CRC32, PCMPGTQ */
		c |= ID1C_SSE42;
	return c;
}

/* Deterministic cache parameters (leaf 4): 32K L1d/L1i, 256K L2, 8M L3. */
static const uint32_t cpuid_caches[4][3] = {
	{0x121, (7u << 22) | 63, 63},
	{0x122, (7u << 22) | 63, 63},
	{0x143, (7u << 22) | 63, 511},
	{0x163, (15u << 22) | 63, 8191},
};

void cpu_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
	static const char brand[48] = "wax x86-64 interpreter";

	memset(out, 0, 4 * sizeof(uint32_t));
	switch (leaf) {
	case 0:
		out[0] = 7;
		memcpy(&out[1], "Genu", 4);
		memcpy(&out[3], "ineI", 4);
		memcpy(&out[2], "ntel", 4);
		break;
	case 1:
		out[0] = 0x000306a9; /* family 6, model 0x3a, stepping 9 */
		out[1] =
			(1u << 16) | (8u << 8); /* 1 logical cpu, 64B clflush */
		out[2] = cpuid_leaf1_ecx();
		out[3] = cpuid_leaf1_edx();
		break;
	case 2:
		out[0] = 0x00ff0001; /* descriptor FF: see leaf 4 */
		break;
	case 4:
		if (subleaf < 4) {
			out[0] = cpuid_caches[subleaf][0];
			out[1] = cpuid_caches[subleaf][1];
			out[2] = cpuid_caches[subleaf][2];
		}
		break;
	case 7:
		if (subleaf == 0)
			out[1] = ID7B_ERMS;
		break;
	case 0x80000000:
		out[0] = 0x80000008;
		break;
	case 0x80000001:
		out[2] = IDX1C_LAHF | IDX1C_ABM;
		out[3] = IDX1D_SYSCALL | IDX1D_NX | IDX1D_LM;
		break;
	case 0x80000002:
	case 0x80000003:
	case 0x80000004:
		memcpy(out, brand + 16 * (leaf - 0x80000002), 16);
		break;
	case 0x80000006:
		out[2] = (256u << 16) | (6u << 12) | 64; /* L2 256K 8-way */
		break;
	case 0x80000008:
		out[0] = 0x3030; /* 48-bit virtual and physical */
		break;
	}
}

uint64_t cpu_hwcap(void)
{
	return cpuid_leaf1_edx(); /* x86 AT_HWCAP is CPUID.1:EDX */
}

uint64_t cpu_hwcap2(void)
{
	return 0;
}
