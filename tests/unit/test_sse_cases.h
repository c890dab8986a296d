/*
 * Instruction cases of test_sse.c: X(name, AT&T text, map, opcode,
 * mandatory prefix, REX.W, imm8, ModRM.reg, ModRM.rm) for each family.
 * Included by test_sse.c only.
 */
/*
 * X(name, asm text, map, opcode, prefix, REX.W, imm8, ModRM.reg, ModRM.rm)
 * Register numbers: xmm0/rax = 0, xmm1 = 1.
 */
#define FLOAT_CASES(X)                                                         \
	X(addps, "addps %%xmm1, %%xmm0", 1, 0x58, 0, 0, 0, 0, 1)               \
	X(addpd, "addpd %%xmm1, %%xmm0", 1, 0x58, 0x66, 0, 0, 0, 1)            \
	X(addss, "addss %%xmm1, %%xmm0", 1, 0x58, 0xf3, 0, 0, 0, 1)            \
	X(addsd, "addsd %%xmm1, %%xmm0", 1, 0x58, 0xf2, 0, 0, 0, 1)            \
	X(subps, "subps %%xmm1, %%xmm0", 1, 0x5c, 0, 0, 0, 0, 1)               \
	X(subpd, "subpd %%xmm1, %%xmm0", 1, 0x5c, 0x66, 0, 0, 0, 1)            \
	X(subss, "subss %%xmm1, %%xmm0", 1, 0x5c, 0xf3, 0, 0, 0, 1)            \
	X(subsd, "subsd %%xmm1, %%xmm0", 1, 0x5c, 0xf2, 0, 0, 0, 1)            \
	X(mulps, "mulps %%xmm1, %%xmm0", 1, 0x59, 0, 0, 0, 0, 1)               \
	X(mulpd, "mulpd %%xmm1, %%xmm0", 1, 0x59, 0x66, 0, 0, 0, 1)            \
	X(mulss, "mulss %%xmm1, %%xmm0", 1, 0x59, 0xf3, 0, 0, 0, 1)            \
	X(mulsd, "mulsd %%xmm1, %%xmm0", 1, 0x59, 0xf2, 0, 0, 0, 1)            \
	X(divps, "divps %%xmm1, %%xmm0", 1, 0x5e, 0, 0, 0, 0, 1)               \
	X(divpd, "divpd %%xmm1, %%xmm0", 1, 0x5e, 0x66, 0, 0, 0, 1)            \
	X(divss, "divss %%xmm1, %%xmm0", 1, 0x5e, 0xf3, 0, 0, 0, 1)            \
	X(divsd, "divsd %%xmm1, %%xmm0", 1, 0x5e, 0xf2, 0, 0, 0, 1)            \
	X(minps, "minps %%xmm1, %%xmm0", 1, 0x5d, 0, 0, 0, 0, 1)               \
	X(minpd, "minpd %%xmm1, %%xmm0", 1, 0x5d, 0x66, 0, 0, 0, 1)            \
	X(minss, "minss %%xmm1, %%xmm0", 1, 0x5d, 0xf3, 0, 0, 0, 1)            \
	X(minsd, "minsd %%xmm1, %%xmm0", 1, 0x5d, 0xf2, 0, 0, 0, 1)            \
	X(maxps, "maxps %%xmm1, %%xmm0", 1, 0x5f, 0, 0, 0, 0, 1)               \
	X(maxpd, "maxpd %%xmm1, %%xmm0", 1, 0x5f, 0x66, 0, 0, 0, 1)            \
	X(maxss, "maxss %%xmm1, %%xmm0", 1, 0x5f, 0xf3, 0, 0, 0, 1)            \
	X(maxsd, "maxsd %%xmm1, %%xmm0", 1, 0x5f, 0xf2, 0, 0, 0, 1)            \
	X(sqrtps, "sqrtps %%xmm1, %%xmm0", 1, 0x51, 0, 0, 0, 0, 1)             \
	X(sqrtpd, "sqrtpd %%xmm1, %%xmm0", 1, 0x51, 0x66, 0, 0, 0, 1)          \
	X(sqrtss, "sqrtss %%xmm1, %%xmm0", 1, 0x51, 0xf3, 0, 0, 0, 1)          \
	X(sqrtsd, "sqrtsd %%xmm1, %%xmm0", 1, 0x51, 0xf2, 0, 0, 0, 1)          \
	X(andps, "andps %%xmm1, %%xmm0", 1, 0x54, 0, 0, 0, 0, 1)               \
	X(andnpd, "andnpd %%xmm1, %%xmm0", 1, 0x55, 0x66, 0, 0, 0, 1)          \
	X(orps, "orps %%xmm1, %%xmm0", 1, 0x56, 0, 0, 0, 0, 1)                 \
	X(xorpd, "xorpd %%xmm1, %%xmm0", 1, 0x57, 0x66, 0, 0, 0, 1)            \
	X(cmpps0, "cmpps $0, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 0, 0, 1)          \
	X(cmpps1, "cmpps $1, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 1, 0, 1)          \
	X(cmpps2, "cmpps $2, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 2, 0, 1)          \
	X(cmpps3, "cmpps $3, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 3, 0, 1)          \
	X(cmpps4, "cmpps $4, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 4, 0, 1)          \
	X(cmpps5, "cmpps $5, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 5, 0, 1)          \
	X(cmpps6, "cmpps $6, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 6, 0, 1)          \
	X(cmpps7, "cmpps $7, %%xmm1, %%xmm0", 1, 0xc2, 0, 0, 7, 0, 1)          \
	X(cmppd1, "cmppd $1, %%xmm1, %%xmm0", 1, 0xc2, 0x66, 0, 1, 0, 1)       \
	X(cmppd4, "cmppd $4, %%xmm1, %%xmm0", 1, 0xc2, 0x66, 0, 4, 0, 1)       \
	X(cmpss6, "cmpss $6, %%xmm1, %%xmm0", 1, 0xc2, 0xf3, 0, 6, 0, 1)       \
	X(cmpsd3, "cmpsd $3, %%xmm1, %%xmm0", 1, 0xc2, 0xf2, 0, 3, 0, 1)       \
	X(comiss, "comiss %%xmm1, %%xmm0", 1, 0x2f, 0, 0, 0, 0, 1)             \
	X(ucomiss, "ucomiss %%xmm1, %%xmm0", 1, 0x2e, 0, 0, 0, 0, 1)           \
	X(comisd, "comisd %%xmm1, %%xmm0", 1, 0x2f, 0x66, 0, 0, 0, 1)          \
	X(ucomisd, "ucomisd %%xmm1, %%xmm0", 1, 0x2e, 0x66, 0, 0, 0, 1)        \
	X(addsubps, "addsubps %%xmm1, %%xmm0", 1, 0xd0, 0xf2, 0, 0, 0, 1)      \
	X(addsubpd, "addsubpd %%xmm1, %%xmm0", 1, 0xd0, 0x66, 0, 0, 0, 1)      \
	X(haddps, "haddps %%xmm1, %%xmm0", 1, 0x7c, 0xf2, 0, 0, 0, 1)          \
	X(hsubpd, "hsubpd %%xmm1, %%xmm0", 1, 0x7d, 0x66, 0, 0, 0, 1)

#define CVT_CASES(X)                                                           \
	X(cvtss2sd, "cvtss2sd %%xmm1, %%xmm0", 1, 0x5a, 0xf3, 0, 0, 0, 1)      \
	X(cvtsd2ss, "cvtsd2ss %%xmm1, %%xmm0", 1, 0x5a, 0xf2, 0, 0, 0, 1)      \
	X(cvtps2pd, "cvtps2pd %%xmm1, %%xmm0", 1, 0x5a, 0, 0, 0, 0, 1)         \
	X(cvtpd2ps, "cvtpd2ps %%xmm1, %%xmm0", 1, 0x5a, 0x66, 0, 0, 0, 1)      \
	X(cvtdq2ps, "cvtdq2ps %%xmm1, %%xmm0", 1, 0x5b, 0, 0, 0, 0, 1)         \
	X(cvtps2dq, "cvtps2dq %%xmm1, %%xmm0", 1, 0x5b, 0x66, 0, 0, 0, 1)      \
	X(cvttps2dq, "cvttps2dq %%xmm1, %%xmm0", 1, 0x5b, 0xf3, 0, 0, 0, 1)    \
	X(cvtdq2pd, "cvtdq2pd %%xmm1, %%xmm0", 1, 0xe6, 0xf3, 0, 0, 0, 1)      \
	X(cvtpd2dq, "cvtpd2dq %%xmm1, %%xmm0", 1, 0xe6, 0xf2, 0, 0, 0, 1)      \
	X(cvttpd2dq, "cvttpd2dq %%xmm1, %%xmm0", 1, 0xe6, 0x66, 0, 0, 0, 1)    \
	X(cvtsi2ss32, "cvtsi2ss %%eax, %%xmm0", 1, 0x2a, 0xf3, 0, 0, 0, 0)     \
	X(cvtsi2ss64, "cvtsi2ss %%rax, %%xmm0", 1, 0x2a, 0xf3, 1, 0, 0, 0)     \
	X(cvtsi2sd32, "cvtsi2sd %%eax, %%xmm0", 1, 0x2a, 0xf2, 0, 0, 0, 0)     \
	X(cvtsi2sd64, "cvtsi2sd %%rax, %%xmm0", 1, 0x2a, 0xf2, 1, 0, 0, 0)     \
	X(cvtss2si32, "cvtss2si %%xmm1, %%eax", 1, 0x2d, 0xf3, 0, 0, 0, 1)     \
	X(cvtss2si64, "cvtss2si %%xmm1, %%rax", 1, 0x2d, 0xf3, 1, 0, 0, 1)     \
	X(cvttss2si32, "cvttss2si %%xmm1, %%eax", 1, 0x2c, 0xf3, 0, 0, 0, 1)   \
	X(cvttss2si64, "cvttss2si %%xmm1, %%rax", 1, 0x2c, 0xf3, 1, 0, 0, 1)   \
	X(cvtsd2si32, "cvtsd2si %%xmm1, %%eax", 1, 0x2d, 0xf2, 0, 0, 0, 1)     \
	X(cvtsd2si64, "cvtsd2si %%xmm1, %%rax", 1, 0x2d, 0xf2, 1, 0, 0, 1)     \
	X(cvttsd2si32, "cvttsd2si %%xmm1, %%eax", 1, 0x2c, 0xf2, 0, 0, 0, 1)   \
	X(cvttsd2si64, "cvttsd2si %%xmm1, %%rax", 1, 0x2c, 0xf2, 1, 0, 0, 1)

#define INT_CASES(X)                                                           \
	X(paddb, "paddb %%xmm1, %%xmm0", 1, 0xfc, 0x66, 0, 0, 0, 1)            \
	X(paddw, "paddw %%xmm1, %%xmm0", 1, 0xfd, 0x66, 0, 0, 0, 1)            \
	X(paddd, "paddd %%xmm1, %%xmm0", 1, 0xfe, 0x66, 0, 0, 0, 1)            \
	X(paddq, "paddq %%xmm1, %%xmm0", 1, 0xd4, 0x66, 0, 0, 0, 1)            \
	X(psubb, "psubb %%xmm1, %%xmm0", 1, 0xf8, 0x66, 0, 0, 0, 1)            \
	X(psubw, "psubw %%xmm1, %%xmm0", 1, 0xf9, 0x66, 0, 0, 0, 1)            \
	X(psubd, "psubd %%xmm1, %%xmm0", 1, 0xfa, 0x66, 0, 0, 0, 1)            \
	X(psubq, "psubq %%xmm1, %%xmm0", 1, 0xfb, 0x66, 0, 0, 0, 1)            \
	X(paddsb, "paddsb %%xmm1, %%xmm0", 1, 0xec, 0x66, 0, 0, 0, 1)          \
	X(paddsw, "paddsw %%xmm1, %%xmm0", 1, 0xed, 0x66, 0, 0, 0, 1)          \
	X(paddusb, "paddusb %%xmm1, %%xmm0", 1, 0xdc, 0x66, 0, 0, 0, 1)        \
	X(paddusw, "paddusw %%xmm1, %%xmm0", 1, 0xdd, 0x66, 0, 0, 0, 1)        \
	X(psubsb, "psubsb %%xmm1, %%xmm0", 1, 0xe8, 0x66, 0, 0, 0, 1)          \
	X(psubsw, "psubsw %%xmm1, %%xmm0", 1, 0xe9, 0x66, 0, 0, 0, 1)          \
	X(psubusb, "psubusb %%xmm1, %%xmm0", 1, 0xd8, 0x66, 0, 0, 0, 1)        \
	X(psubusw, "psubusw %%xmm1, %%xmm0", 1, 0xd9, 0x66, 0, 0, 0, 1)        \
	X(pcmpeqb, "pcmpeqb %%xmm1, %%xmm0", 1, 0x74, 0x66, 0, 0, 0, 1)        \
	X(pcmpeqw, "pcmpeqw %%xmm1, %%xmm0", 1, 0x75, 0x66, 0, 0, 0, 1)        \
	X(pcmpeqd, "pcmpeqd %%xmm1, %%xmm0", 1, 0x76, 0x66, 0, 0, 0, 1)        \
	X(pcmpgtb, "pcmpgtb %%xmm1, %%xmm0", 1, 0x64, 0x66, 0, 0, 0, 1)        \
	X(pcmpgtw, "pcmpgtw %%xmm1, %%xmm0", 1, 0x65, 0x66, 0, 0, 0, 1)        \
	X(pcmpgtd, "pcmpgtd %%xmm1, %%xmm0", 1, 0x66, 0x66, 0, 0, 0, 1)        \
	X(pand, "pand %%xmm1, %%xmm0", 1, 0xdb, 0x66, 0, 0, 0, 1)              \
	X(pandn, "pandn %%xmm1, %%xmm0", 1, 0xdf, 0x66, 0, 0, 0, 1)            \
	X(por, "por %%xmm1, %%xmm0", 1, 0xeb, 0x66, 0, 0, 0, 1)                \
	X(pxor, "pxor %%xmm1, %%xmm0", 1, 0xef, 0x66, 0, 0, 0, 1)              \
	X(pminub, "pminub %%xmm1, %%xmm0", 1, 0xda, 0x66, 0, 0, 0, 1)          \
	X(pmaxub, "pmaxub %%xmm1, %%xmm0", 1, 0xde, 0x66, 0, 0, 0, 1)          \
	X(pminsw, "pminsw %%xmm1, %%xmm0", 1, 0xea, 0x66, 0, 0, 0, 1)          \
	X(pmaxsw, "pmaxsw %%xmm1, %%xmm0", 1, 0xee, 0x66, 0, 0, 0, 1)          \
	X(pavgb, "pavgb %%xmm1, %%xmm0", 1, 0xe0, 0x66, 0, 0, 0, 1)            \
	X(pavgw, "pavgw %%xmm1, %%xmm0", 1, 0xe3, 0x66, 0, 0, 0, 1)            \
	X(psadbw, "psadbw %%xmm1, %%xmm0", 1, 0xf6, 0x66, 0, 0, 0, 1)          \
	X(pmullw, "pmullw %%xmm1, %%xmm0", 1, 0xd5, 0x66, 0, 0, 0, 1)          \
	X(pmulhw, "pmulhw %%xmm1, %%xmm0", 1, 0xe5, 0x66, 0, 0, 0, 1)          \
	X(pmulhuw, "pmulhuw %%xmm1, %%xmm0", 1, 0xe4, 0x66, 0, 0, 0, 1)        \
	X(pmuludq, "pmuludq %%xmm1, %%xmm0", 1, 0xf4, 0x66, 0, 0, 0, 1)        \
	X(pmaddwd, "pmaddwd %%xmm1, %%xmm0", 1, 0xf5, 0x66, 0, 0, 0, 1)        \
	X(psrlw, "psrlw %%xmm1, %%xmm0", 1, 0xd1, 0x66, 0, 0, 0, 1)            \
	X(psrld, "psrld %%xmm1, %%xmm0", 1, 0xd2, 0x66, 0, 0, 0, 1)            \
	X(psrlq, "psrlq %%xmm1, %%xmm0", 1, 0xd3, 0x66, 0, 0, 0, 1)            \
	X(psraw, "psraw %%xmm1, %%xmm0", 1, 0xe1, 0x66, 0, 0, 0, 1)            \
	X(psrad, "psrad %%xmm1, %%xmm0", 1, 0xe2, 0x66, 0, 0, 0, 1)            \
	X(psllw, "psllw %%xmm1, %%xmm0", 1, 0xf1, 0x66, 0, 0, 0, 1)            \
	X(pslld, "pslld %%xmm1, %%xmm0", 1, 0xf2, 0x66, 0, 0, 0, 1)            \
	X(psllq, "psllq %%xmm1, %%xmm0", 1, 0xf3, 0x66, 0, 0, 0, 1)            \
	X(psrlw_i, "psrlw $3, %%xmm0", 1, 0x71, 0x66, 0, 3, 2, 0)              \
	X(psraw_i, "psraw $17, %%xmm0", 1, 0x71, 0x66, 0, 17, 4, 0)            \
	X(psllw_i, "psllw $15, %%xmm0", 1, 0x71, 0x66, 0, 15, 6, 0)            \
	X(psrld_i, "psrld $31, %%xmm0", 1, 0x72, 0x66, 0, 31, 2, 0)            \
	X(psrad_i, "psrad $5, %%xmm0", 1, 0x72, 0x66, 0, 5, 4, 0)              \
	X(pslld_i, "pslld $32, %%xmm0", 1, 0x72, 0x66, 0, 32, 6, 0)            \
	X(psrlq_i, "psrlq $63, %%xmm0", 1, 0x73, 0x66, 0, 63, 2, 0)            \
	X(psrldq_i, "psrldq $5, %%xmm0", 1, 0x73, 0x66, 0, 5, 3, 0)            \
	X(psllq_i, "psllq $1, %%xmm0", 1, 0x73, 0x66, 0, 1, 6, 0)              \
	X(pslldq_i, "pslldq $11, %%xmm0", 1, 0x73, 0x66, 0, 11, 7, 0)          \
	X(pslldq_i17, "pslldq $17, %%xmm0", 1, 0x73, 0x66, 0, 17, 7, 0)

#define SHUF_CASES(X)                                                          \
	X(punpcklbw, "punpcklbw %%xmm1, %%xmm0", 1, 0x60, 0x66, 0, 0, 0, 1)    \
	X(punpcklwd, "punpcklwd %%xmm1, %%xmm0", 1, 0x61, 0x66, 0, 0, 0, 1)    \
	X(punpckldq, "punpckldq %%xmm1, %%xmm0", 1, 0x62, 0x66, 0, 0, 0, 1)    \
	X(punpcklqdq, "punpcklqdq %%xmm1, %%xmm0", 1, 0x6c, 0x66, 0, 0, 0, 1)  \
	X(punpckhbw, "punpckhbw %%xmm1, %%xmm0", 1, 0x68, 0x66, 0, 0, 0, 1)    \
	X(punpckhwd, "punpckhwd %%xmm1, %%xmm0", 1, 0x69, 0x66, 0, 0, 0, 1)    \
	X(punpckhdq, "punpckhdq %%xmm1, %%xmm0", 1, 0x6a, 0x66, 0, 0, 0, 1)    \
	X(punpckhqdq, "punpckhqdq %%xmm1, %%xmm0", 1, 0x6d, 0x66, 0, 0, 0, 1)  \
	X(unpcklps, "unpcklps %%xmm1, %%xmm0", 1, 0x14, 0, 0, 0, 0, 1)         \
	X(unpckhpd, "unpckhpd %%xmm1, %%xmm0", 1, 0x15, 0x66, 0, 0, 0, 1)      \
	X(packsswb, "packsswb %%xmm1, %%xmm0", 1, 0x63, 0x66, 0, 0, 0, 1)      \
	X(packuswb, "packuswb %%xmm1, %%xmm0", 1, 0x67, 0x66, 0, 0, 0, 1)      \
	X(packssdw, "packssdw %%xmm1, %%xmm0", 1, 0x6b, 0x66, 0, 0, 0, 1)      \
	X(pshufd, "pshufd $0x1b, %%xmm1, %%xmm0", 1, 0x70, 0x66, 0, 0x1b, 0,   \
	  1)                                                                   \
	X(pshufhw, "pshufhw $0xc6, %%xmm1, %%xmm0", 1, 0x70, 0xf3, 0, 0xc6, 0, \
	  1)                                                                   \
	X(pshuflw, "pshuflw $0x39, %%xmm1, %%xmm0", 1, 0x70, 0xf2, 0, 0x39, 0, \
	  1)                                                                   \
	X(shufps, "shufps $0x8d, %%xmm1, %%xmm0", 1, 0xc6, 0, 0, 0x8d, 0, 1)   \
	X(shufpd, "shufpd $2, %%xmm1, %%xmm0", 1, 0xc6, 0x66, 0, 2, 0, 1)      \
	X(pinsrw, "pinsrw $5, %%eax, %%xmm0", 1, 0xc4, 0x66, 0, 5, 0, 0)       \
	X(pextrw, "pextrw $6, %%xmm1, %%eax", 1, 0xc5, 0x66, 0, 6, 0, 1)       \
	X(pshufb, "pshufb %%xmm1, %%xmm0", 2, 0x00, 0x66, 0, 0, 0, 1)          \
	X(phaddw, "phaddw %%xmm1, %%xmm0", 2, 0x01, 0x66, 0, 0, 0, 1)          \
	X(phaddd, "phaddd %%xmm1, %%xmm0", 2, 0x02, 0x66, 0, 0, 0, 1)          \
	X(phaddsw, "phaddsw %%xmm1, %%xmm0", 2, 0x03, 0x66, 0, 0, 0, 1)        \
	X(pmaddubsw, "pmaddubsw %%xmm1, %%xmm0", 2, 0x04, 0x66, 0, 0, 0, 1)    \
	X(phsubw, "phsubw %%xmm1, %%xmm0", 2, 0x05, 0x66, 0, 0, 0, 1)          \
	X(phsubd, "phsubd %%xmm1, %%xmm0", 2, 0x06, 0x66, 0, 0, 0, 1)          \
	X(phsubsw, "phsubsw %%xmm1, %%xmm0", 2, 0x07, 0x66, 0, 0, 0, 1)        \
	X(psignb, "psignb %%xmm1, %%xmm0", 2, 0x08, 0x66, 0, 0, 0, 1)          \
	X(psignw, "psignw %%xmm1, %%xmm0", 2, 0x09, 0x66, 0, 0, 0, 1)          \
	X(psignd, "psignd %%xmm1, %%xmm0", 2, 0x0a, 0x66, 0, 0, 0, 1)          \
	X(pmulhrsw, "pmulhrsw %%xmm1, %%xmm0", 2, 0x0b, 0x66, 0, 0, 0, 1)      \
	X(pabsb, "pabsb %%xmm1, %%xmm0", 2, 0x1c, 0x66, 0, 0, 0, 1)            \
	X(pabsw, "pabsw %%xmm1, %%xmm0", 2, 0x1d, 0x66, 0, 0, 0, 1)            \
	X(pabsd, "pabsd %%xmm1, %%xmm0", 2, 0x1e, 0x66, 0, 0, 0, 1)            \
	X(palignr, "palignr $7, %%xmm1, %%xmm0", 3, 0x0f, 0x66, 0, 7, 0, 1)    \
	X(palignr20, "palignr $20, %%xmm1, %%xmm0", 3, 0x0f, 0x66, 0, 20, 0, 1)

#define MOVE_CASES(X)                                                          \
	X(movaps, "movaps %%xmm1, %%xmm0", 1, 0x28, 0, 0, 0, 0, 1)             \
	X(movss, "movss %%xmm1, %%xmm0", 1, 0x10, 0xf3, 0, 0, 0, 1)            \
	X(movsd, "movsd %%xmm1, %%xmm0", 1, 0x10, 0xf2, 0, 0, 0, 1)            \
	X(movss_st, ".byte 0xf3,0x0f,0x11,0xc8", 1, 0x11, 0xf3, 0, 0, 1, 0)    \
	X(movhlps, "movhlps %%xmm1, %%xmm0", 1, 0x12, 0, 0, 0, 0, 1)           \
	X(movlhps, "movlhps %%xmm1, %%xmm0", 1, 0x16, 0, 0, 0, 0, 1)           \
	X(movq_f3, ".byte 0xf3,0x0f,0x7e,0xc1", 1, 0x7e, 0xf3, 0, 0, 0, 1)     \
	X(movq_d6, ".byte 0x66,0x0f,0xd6,0xc8", 1, 0xd6, 0x66, 0, 0, 1, 0)     \
	X(movd_to, "movd %%eax, %%xmm0", 1, 0x6e, 0x66, 0, 0, 0, 0)            \
	X(movq_to, "movq %%rax, %%xmm0", 1, 0x6e, 0x66, 1, 0, 0, 0)            \
	X(movd_from, "movd %%xmm0, %%eax", 1, 0x7e, 0x66, 0, 0, 0, 0)          \
	X(movq_from, "movq %%xmm0, %%rax", 1, 0x7e, 0x66, 1, 0, 0, 0)          \
	X(movmskps, "movmskps %%xmm1, %%eax", 1, 0x50, 0, 0, 0, 0, 1)          \
	X(movmskpd, "movmskpd %%xmm1, %%eax", 1, 0x50, 0x66, 0, 0, 0, 1)       \
	X(pmovmskb, "pmovmskb %%xmm1, %%eax", 1, 0xd7, 0x66, 0, 0, 0, 1)       \
	X(movsldup, "movsldup %%xmm1, %%xmm0", 1, 0x12, 0xf3, 0, 0, 0, 1)      \
	X(movshdup, "movshdup %%xmm1, %%xmm0", 1, 0x16, 0xf3, 0, 0, 0, 1)      \
	X(movddup, "movddup %%xmm1, %%xmm0", 1, 0x12, 0xf2, 0, 0, 0, 1)
