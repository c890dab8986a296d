/*
 * Opcode table of the SSE handlers: for each map 1-3 opcode, the handler
 * per mandatory prefix (none, 66, F3, F2); no prefix on a vector opcode
 * means the MMX form (mmx_*.c).  decode.c calls sse_lookup()
 * for the opcodes it does not decode itself.
 */
#include "sse_priv.h"

enum { P_NONE, P_66, P_F3, P_F2 };

#define R(f)                                                                   \
	{                                                                      \
		f, 0, 0                                                        \
	} /* ModRM */
#define I(f)                                                                   \
	{                                                                      \
		f, 1, 0                                                        \
	} /* ModRM + imm8 */

static const struct sse_op map1[256][4] = {
	/* 0F 10-17 */
	[0x10] = {[P_NONE] = R(sse_movups),
		  [P_66] = R(sse_movups),
		  [P_F3] = R(sse_movss),
		  [P_F2] = R(sse_movsd)},
	[0x11] = {[P_NONE] = R(sse_movups_st),
		  [P_66] = R(sse_movups_st),
		  [P_F3] = R(sse_movss_st),
		  [P_F2] = R(sse_movsd_st)},
	[0x12] = {[P_NONE] = R(sse_movlps),
		  [P_66] = R(sse_movlpd),
		  [P_F3] = R(sse_movsldup),
		  [P_F2] = R(sse_movddup)},
	[0x13] = {[P_NONE] = R(sse_movlps_st), [P_66] = R(sse_movlps_st)},
	[0x14] = {[P_NONE] = R(sse_unpcklps), [P_66] = R(sse_unpcklpd)},
	[0x15] = {[P_NONE] = R(sse_unpckhps), [P_66] = R(sse_unpckhpd)},
	[0x16] = {[P_NONE] = R(sse_movhps),
		  [P_66] = R(sse_movhpd),
		  [P_F3] = R(sse_movshdup)},
	[0x17] = {[P_NONE] = R(sse_movhps_st), [P_66] = R(sse_movhps_st)},
	/* 0F 28-2F */
	[0x28] = {[P_NONE] = R(sse_movaps), [P_66] = R(sse_movaps)},
	[0x29] = {[P_NONE] = R(sse_movaps_st), [P_66] = R(sse_movaps_st)},
	[0x2a] = {[P_66] = R(mmx_cvtpi2pd),
		  [P_NONE] = R(mmx_cvtpi2ps),
		  [P_F3] = R(sse_cvtsi2ss),
		  [P_F2] = R(sse_cvtsi2sd)},
	[0x2b] = {[P_NONE] = R(sse_movntps), [P_66] = R(sse_movntps)},
	[0x2c] = {[P_66] = R(mmx_cvttpd2pi),
		  [P_NONE] = R(mmx_cvttps2pi),
		  [P_F3] = R(sse_cvttss2si),
		  [P_F2] = R(sse_cvttsd2si)},
	[0x2d] = {[P_66] = R(mmx_cvtpd2pi),
		  [P_NONE] = R(mmx_cvtps2pi),
		  [P_F3] = R(sse_cvtss2si),
		  [P_F2] = R(sse_cvtsd2si)},
	[0x2e] = {[P_NONE] = R(sse_ucomiss), [P_66] = R(sse_ucomisd)},
	[0x2f] = {[P_NONE] = R(sse_comiss), [P_66] = R(sse_comisd)},
	/* 0F 50-5F */
	[0x50] = {[P_NONE] = R(sse_movmskps), [P_66] = R(sse_movmskpd)},
	[0x51] = {[P_NONE] = R(sse_sqrtps),
		  [P_66] = R(sse_sqrtpd),
		  [P_F3] = R(sse_sqrtss),
		  [P_F2] = R(sse_sqrtsd)},
	[0x52] = {[P_NONE] = R(sse_rsqrtps), [P_F3] = R(sse_rsqrtss)},
	[0x53] = {[P_NONE] = R(sse_rcpps), [P_F3] = R(sse_rcpss)},
	[0x54] = {[P_NONE] = R(sse_andps), [P_66] = R(sse_andps)},
	[0x55] = {[P_NONE] = R(sse_andnps), [P_66] = R(sse_andnps)},
	[0x56] = {[P_NONE] = R(sse_orps), [P_66] = R(sse_orps)},
	[0x57] = {[P_NONE] = R(sse_xorps), [P_66] = R(sse_xorps)},
	[0x58] = {[P_NONE] = R(sse_addps),
		  [P_66] = R(sse_addpd),
		  [P_F3] = R(sse_addss),
		  [P_F2] = R(sse_addsd)},
	[0x59] = {[P_NONE] = R(sse_mulps),
		  [P_66] = R(sse_mulpd),
		  [P_F3] = R(sse_mulss),
		  [P_F2] = R(sse_mulsd)},
	[0x5a] = {[P_NONE] = R(sse_cvtps2pd),
		  [P_66] = R(sse_cvtpd2ps),
		  [P_F3] = R(sse_cvtss2sd),
		  [P_F2] = R(sse_cvtsd2ss)},
	[0x5b] = {[P_NONE] = R(sse_cvtdq2ps),
		  [P_66] = R(sse_cvtps2dq),
		  [P_F3] = R(sse_cvttps2dq)},
	[0x5c] = {[P_NONE] = R(sse_subps),
		  [P_66] = R(sse_subpd),
		  [P_F3] = R(sse_subss),
		  [P_F2] = R(sse_subsd)},
	[0x5d] = {[P_NONE] = R(sse_minps),
		  [P_66] = R(sse_minpd),
		  [P_F3] = R(sse_minss),
		  [P_F2] = R(sse_minsd)},
	[0x5e] = {[P_NONE] = R(sse_divps),
		  [P_66] = R(sse_divpd),
		  [P_F3] = R(sse_divss),
		  [P_F2] = R(sse_divsd)},
	[0x5f] = {[P_NONE] = R(sse_maxps),
		  [P_66] = R(sse_maxpd),
		  [P_F3] = R(sse_maxss),
		  [P_F2] = R(sse_maxsd)},
	/* 66 0F 60-7F */
	[0x60] = {[P_NONE] = R(mmx_punpcklbw), [P_66] = R(sse_punpcklbw)},
	[0x61] = {[P_NONE] = R(mmx_punpcklwd), [P_66] = R(sse_punpcklwd)},
	[0x62] = {[P_NONE] = R(mmx_punpckldq), [P_66] = R(sse_punpckldq)},
	[0x63] = {[P_NONE] = R(mmx_packsswb), [P_66] = R(sse_packsswb)},
	[0x64] = {[P_NONE] = R(mmx_pcmpgtb), [P_66] = R(sse_pcmpgtb)},
	[0x65] = {[P_NONE] = R(mmx_pcmpgtw), [P_66] = R(sse_pcmpgtw)},
	[0x66] = {[P_NONE] = R(mmx_pcmpgtd), [P_66] = R(sse_pcmpgtd)},
	[0x67] = {[P_NONE] = R(mmx_packuswb), [P_66] = R(sse_packuswb)},
	[0x68] = {[P_NONE] = R(mmx_punpckhbw), [P_66] = R(sse_punpckhbw)},
	[0x69] = {[P_NONE] = R(mmx_punpckhwd), [P_66] = R(sse_punpckhwd)},
	[0x6a] = {[P_NONE] = R(mmx_punpckhdq), [P_66] = R(sse_punpckhdq)},
	[0x6b] = {[P_NONE] = R(mmx_packssdw), [P_66] = R(sse_packssdw)},
	[0x6c] = {[P_66] = R(sse_punpcklqdq)},
	[0x6d] = {[P_66] = R(sse_punpckhqdq)},
	[0x6e] = {[P_NONE] = R(mmx_movd_to_mm), [P_66] = R(sse_movd_to_xmm)},
	[0x6f] = {[P_NONE] = R(mmx_movq_load),
		  [P_66] = R(sse_movdqa),
		  [P_F3] = R(sse_movdqu)},
	[0x70] = {[P_NONE] = I(mmx_pshufw),
		  [P_66] = I(sse_pshufd),
		  [P_F3] = I(sse_pshufhw),
		  [P_F2] = I(sse_pshuflw)},
	[0x71] = {[P_NONE] = I(mmx_grp71), [P_66] = I(sse_grp71)},
	[0x72] = {[P_NONE] = I(mmx_grp72), [P_66] = I(sse_grp72)},
	[0x73] = {[P_NONE] = I(mmx_grp73), [P_66] = I(sse_grp73)},
	[0x74] = {[P_NONE] = R(mmx_pcmpeqb), [P_66] = R(sse_pcmpeqb)},
	[0x75] = {[P_NONE] = R(mmx_pcmpeqw), [P_66] = R(sse_pcmpeqw)},
	[0x76] = {[P_NONE] = R(mmx_pcmpeqd), [P_66] = R(sse_pcmpeqd)},
	[0x77] = {[P_NONE] = {mmx_emms, 0, 1}},
	[0x7c] = {[P_66] = R(sse_haddpd), [P_F2] = R(sse_haddps)},
	[0x7d] = {[P_66] = R(sse_hsubpd), [P_F2] = R(sse_hsubps)},
	[0x7e] = {[P_NONE] = R(mmx_movd_from_mm),
		  [P_66] = R(sse_movd_from_xmm),
		  [P_F3] = R(sse_movq_xmm_xmm)},
	[0x7f] = {[P_NONE] = R(mmx_movq_store),
		  [P_66] = R(sse_movdqa_st),
		  [P_F3] = R(sse_movdqu_st)},
	/* 0F AE /0-/3 */
	[0xae] = {[P_NONE] = R(sse_grp_ae)},
	/* 0F C2-C6 */
	[0xc2] = {[P_NONE] = I(sse_cmpps),
		  [P_66] = I(sse_cmppd),
		  [P_F3] = I(sse_cmpss),
		  [P_F2] = I(sse_cmpsd)},
	[0xc3] = {[P_NONE] = R(sse_movnti)},
	[0xc4] = {[P_NONE] = I(mmx_pinsrw), [P_66] = I(sse_pinsrw)},
	[0xc5] = {[P_NONE] = I(mmx_pextrw), [P_66] = I(sse_pextrw)},
	[0xc6] = {[P_NONE] = I(sse_shufps), [P_66] = I(sse_shufpd)},
	/* 66 0F D0-FF */
	[0xd0] = {[P_66] = R(sse_addsubpd), [P_F2] = R(sse_addsubps)},
	[0xd1] = {[P_NONE] = R(mmx_psrlw), [P_66] = R(sse_psrlw)},
	[0xd2] = {[P_NONE] = R(mmx_psrld), [P_66] = R(sse_psrld)},
	[0xd3] = {[P_NONE] = R(mmx_psrlq), [P_66] = R(sse_psrlq)},
	[0xd4] = {[P_NONE] = R(mmx_paddq), [P_66] = R(sse_paddq)},
	[0xd5] = {[P_NONE] = R(mmx_pmullw), [P_66] = R(sse_pmullw)},
	[0xd6] = {[P_F2] = R(mmx_movdq2q),
		  [P_F3] = R(mmx_movq2dq),
		  [P_66] = R(sse_movq_st)},
	[0xd7] = {[P_NONE] = R(mmx_pmovmskb), [P_66] = R(sse_pmovmskb)},
	[0xd8] = {[P_NONE] = R(mmx_psubusb), [P_66] = R(sse_psubusb)},
	[0xd9] = {[P_NONE] = R(mmx_psubusw), [P_66] = R(sse_psubusw)},
	[0xda] = {[P_NONE] = R(mmx_pminub), [P_66] = R(sse_pminub)},
	[0xdb] = {[P_NONE] = R(mmx_pand), [P_66] = R(sse_pand)},
	[0xdc] = {[P_NONE] = R(mmx_paddusb), [P_66] = R(sse_paddusb)},
	[0xdd] = {[P_NONE] = R(mmx_paddusw), [P_66] = R(sse_paddusw)},
	[0xde] = {[P_NONE] = R(mmx_pmaxub), [P_66] = R(sse_pmaxub)},
	[0xdf] = {[P_NONE] = R(mmx_pandn), [P_66] = R(sse_pandn)},
	[0xe0] = {[P_NONE] = R(mmx_pavgb), [P_66] = R(sse_pavgb)},
	[0xe1] = {[P_NONE] = R(mmx_psraw), [P_66] = R(sse_psraw)},
	[0xe2] = {[P_NONE] = R(mmx_psrad), [P_66] = R(sse_psrad)},
	[0xe3] = {[P_NONE] = R(mmx_pavgw), [P_66] = R(sse_pavgw)},
	[0xe4] = {[P_NONE] = R(mmx_pmulhuw), [P_66] = R(sse_pmulhuw)},
	[0xe5] = {[P_NONE] = R(mmx_pmulhw), [P_66] = R(sse_pmulhw)},
	[0xe6] = {[P_66] = R(sse_cvttpd2dq),
		  [P_F3] = R(sse_cvtdq2pd),
		  [P_F2] = R(sse_cvtpd2dq)},
	[0xe7] = {[P_NONE] = R(mmx_movntq), [P_66] = R(sse_movntdq)},
	[0xe8] = {[P_NONE] = R(mmx_psubsb), [P_66] = R(sse_psubsb)},
	[0xe9] = {[P_NONE] = R(mmx_psubsw), [P_66] = R(sse_psubsw)},
	[0xea] = {[P_NONE] = R(mmx_pminsw), [P_66] = R(sse_pminsw)},
	[0xeb] = {[P_NONE] = R(mmx_por), [P_66] = R(sse_por)},
	[0xec] = {[P_NONE] = R(mmx_paddsb), [P_66] = R(sse_paddsb)},
	[0xed] = {[P_NONE] = R(mmx_paddsw), [P_66] = R(sse_paddsw)},
	[0xee] = {[P_NONE] = R(mmx_pmaxsw), [P_66] = R(sse_pmaxsw)},
	[0xef] = {[P_NONE] = R(mmx_pxor), [P_66] = R(sse_pxor)},
	[0xf0] = {[P_F2] = R(sse_lddqu)},
	[0xf1] = {[P_NONE] = R(mmx_psllw), [P_66] = R(sse_psllw)},
	[0xf2] = {[P_NONE] = R(mmx_pslld), [P_66] = R(sse_pslld)},
	[0xf3] = {[P_NONE] = R(mmx_psllq), [P_66] = R(sse_psllq)},
	[0xf4] = {[P_NONE] = R(mmx_pmuludq), [P_66] = R(sse_pmuludq)},
	[0xf5] = {[P_NONE] = R(mmx_pmaddwd), [P_66] = R(sse_pmaddwd)},
	[0xf6] = {[P_NONE] = R(mmx_psadbw), [P_66] = R(sse_psadbw)},
	[0xf7] = {[P_NONE] = R(mmx_maskmovq), [P_66] = R(sse_maskmovdqu)},
	[0xf8] = {[P_NONE] = R(mmx_psubb), [P_66] = R(sse_psubb)},
	[0xf9] = {[P_NONE] = R(mmx_psubw), [P_66] = R(sse_psubw)},
	[0xfa] = {[P_NONE] = R(mmx_psubd), [P_66] = R(sse_psubd)},
	[0xfb] = {[P_NONE] = R(mmx_psubq), [P_66] = R(sse_psubq)},
	[0xfc] = {[P_NONE] = R(mmx_paddb), [P_66] = R(sse_paddb)},
	[0xfd] = {[P_NONE] = R(mmx_paddw), [P_66] = R(sse_paddw)},
	[0xfe] = {[P_NONE] = R(mmx_paddd), [P_66] = R(sse_paddd)},
};

/* 0F 38 xx: SSSE3 on mm registers */
static const struct sse_op map2_none[256] = {
	[0x00] = R(mmx_pshufb),	   [0x01] = R(mmx_phaddw),
	[0x02] = R(mmx_phaddd),	   [0x03] = R(mmx_phaddsw),
	[0x04] = R(mmx_pmaddubsw), [0x05] = R(mmx_phsubw),
	[0x06] = R(mmx_phsubd),	   [0x07] = R(mmx_phsubsw),
	[0x08] = R(mmx_psignb),	   [0x09] = R(mmx_psignw),
	[0x0a] = R(mmx_psignd),	   [0x0b] = R(mmx_pmulhrsw),
	[0x1c] = R(mmx_pabsb),	   [0x1d] = R(mmx_pabsw),
	[0x1e] = R(mmx_pabsd),
};

/* F2 0F 38 F0/F1: CRC32 (F0/F1 without F2 are MOVBE, decode.c's) */
static const struct sse_op map2_f2[256] = {
	[0xf0] = R(sse_crc32),
	[0xf1] = R(sse_crc32),
};

/* 66 0F 38 xx: SSSE3, SSE4.1, SSE4.2 */
static const struct sse_op map2_66[256] = {
	[0x00] = R(sse_pshufb),
	[0x01] = R(sse_phaddw),
	[0x02] = R(sse_phaddd),
	[0x03] = R(sse_phaddsw),
	[0x04] = R(sse_pmaddubsw),
	[0x05] = R(sse_phsubw),
	[0x06] = R(sse_phsubd),
	[0x07] = R(sse_phsubsw),
	[0x08] = R(sse_psignb),
	[0x09] = R(sse_psignw),
	[0x0a] = R(sse_psignd),
	[0x0b] = R(sse_pmulhrsw),
	[0x1c] = R(sse_pabsb),
	[0x1d] = R(sse_pabsw),
	[0x1e] = R(sse_pabsd),
	/* SSE4.1 */
	[0x10] = R(sse_pblendvb),
	[0x14] = R(sse_blendvps),
	[0x15] = R(sse_blendvpd),
	[0x17] = R(sse_ptest),
	[0x20] = R(sse_pmovsxbw),
	[0x21] = R(sse_pmovsxbd),
	[0x22] = R(sse_pmovsxbq),
	[0x23] = R(sse_pmovsxwd),
	[0x24] = R(sse_pmovsxwq),
	[0x25] = R(sse_pmovsxdq),
	[0x28] = R(sse_pmuldq),
	[0x29] = R(sse_pcmpeqq),
	[0x2a] = R(sse_movntdqa),
	[0x2b] = R(sse_packusdw),
	[0x30] = R(sse_pmovzxbw),
	[0x31] = R(sse_pmovzxbd),
	[0x32] = R(sse_pmovzxbq),
	[0x33] = R(sse_pmovzxwd),
	[0x34] = R(sse_pmovzxwq),
	[0x35] = R(sse_pmovzxdq),
	[0x37] = R(sse_pcmpgtq), /* SSE4.2 */
	[0x38] = R(sse_pminsb),
	[0x39] = R(sse_pminsd),
	[0x3a] = R(sse_pminuw),
	[0x3b] = R(sse_pminud),
	[0x3c] = R(sse_pmaxsb),
	[0x3d] = R(sse_pmaxsd),
	[0x3e] = R(sse_pmaxuw),
	[0x3f] = R(sse_pmaxud),
	[0x40] = R(sse_pmulld),
	[0x41] = R(sse_phminposuw),
};

/* 0F 3A 0F ib: PALIGNR mm */
static const struct sse_op map3_none[256] = {
	[0x0f] = I(mmx_palignr),
};

/* 66 0F 3A xx ib: SSSE3, SSE4.1, SSE4.2 */
static const struct sse_op map3_66[256] = {
	[0x08] = I(sse_roundps),   [0x09] = I(sse_roundpd),
	[0x0a] = I(sse_roundss),   [0x0b] = I(sse_roundsd),
	[0x0c] = I(sse_blendps),   [0x0d] = I(sse_blendpd),
	[0x0e] = I(sse_pblendw),   [0x0f] = I(sse_palignr),
	[0x14] = I(sse_pextrb),	   [0x15] = I(sse_pextrw_m),
	[0x16] = I(sse_pextrd),	   [0x17] = I(sse_extractps),
	[0x20] = I(sse_pinsrb),	   [0x21] = I(sse_insertps),
	[0x22] = I(sse_pinsrd),	   [0x40] = I(sse_dpps),
	[0x41] = I(sse_dppd),	   [0x42] = I(sse_mpsadbw),
	[0x60] = I(sse_pcmpestrm), [0x61] = I(sse_pcmpestri),
	[0x62] = I(sse_pcmpistrm), [0x63] = I(sse_pcmpistri),
};

/* D8-DF: x87 escapes (map 0), one handler dispatching on ModRM. */
static const struct sse_op x87_row = R(sse_x87);

static int prefix_index(int prefix)
{
	switch (prefix) {
	case 0x66:
		return P_66;
	case 0xf3:
		return P_F3;
	case 0xf2:
		return P_F2;
	default:
		return P_NONE;
	}
}

const struct sse_op *sse_lookup(int map, int op, int prefix)
{
	const struct sse_op *row = NULL;

	if (op < 0 || op > 255)
		return NULL;
	switch (map) {
	case 0:
		if (op >= 0xd8 && op <= 0xdf)
			row = &x87_row;
		break;
	case 1:
		row = &map1[op][prefix_index(prefix)];
		break;
	case 2:
		row = prefix == 0x66   ? &map2_66[op]
		      : prefix == 0xf2 ? &map2_f2[op]
		      : prefix == 0    ? &map2_none[op]
				       : NULL;
		break;
	case 3:
		row = prefix == 0x66 ? &map3_66[op]
		      : prefix == 0  ? &map3_none[op]
				     : NULL;
		break;
	default:
		break;
	}
	return row && row->fn ? row : NULL;
}
