/*
 * x87 forms of the differential tester: basic arithmetic, compares,
 * loads/stores/conversions in register and memory forms, constants,
 * FSQRT/FRNDINT/FSCALE/FPREM/FXTRACT, conditional moves and the status
 * word.  The state is compared through the FXSAVE image (FCW, FSW, tag
 * byte, ST0-7), with the condition bits the SDM leaves undefined masked.
 * Not listed: the transcendentals (F2XM1, FYL2X, FPTAN, FPATAN, FSIN,
 * FCOS, FSINCOS, FYL2XP1), which wax computes in double precision, and
 * FBLD/FBSTP.  Read by difftest.c.
 */
#include "difftest.h"

#define XR(nm, o, d, rl)                                                       \
	{                                                                      \
		.name = nm, .op = o, .ext = d, .widths = W_D, .rmk = K_STI,    \
		.vals = V_X87, .rule = rl                                      \
	}
#define XF(nm, o, d, r, rl)                                                    \
	{                                                                      \
		.name = nm, .op = o, .ext = d, .widths = W_D, .rmk = K_FIXED,  \
		.fix = r, .vals = V_X87, .rule = rl                            \
	}
#define XM(nm, o, d, ln, rl)                                                   \
	{                                                                      \
		.name = nm, .op = o, .ext = d, .widths = W_D, .rmk = K_MEM,    \
		.vals = V_X87, .lanes = ln, .rule = rl                         \
	}
#define ARITH8(pre, o, ln)                                                     \
	XM(pre "add", o, 0, ln, R_X87A), XM(pre "mul", o, 1, ln, R_X87A),      \
		XM(pre "com", o, 2, ln, R_X87C),                               \
		XM(pre "comp", o, 3, ln, R_X87C),                              \
		XM(pre "sub", o, 4, ln, R_X87A),                               \
		XM(pre "subr", o, 5, ln, R_X87A),                              \
		XM(pre "div", o, 6, ln, R_X87A),                               \
		XM(pre "divr", o, 7, ln, R_X87A)

const struct dt_form dt_forms_x87[] = {
	XR("fadd st,sti", 0xd8, 0, R_X87A),
	XR("fmul st,sti", 0xd8, 1, R_X87A),
	XR("fcom sti", 0xd8, 2, R_X87C),
	XR("fcomp sti", 0xd8, 3, R_X87C),
	XR("fsub st,sti", 0xd8, 4, R_X87A),
	XR("fsubr st,sti", 0xd8, 5, R_X87A),
	XR("fdiv st,sti", 0xd8, 6, R_X87A),
	XR("fdivr st,sti", 0xd8, 7, R_X87A),
	XR("fadd sti,st", 0xdc, 0, R_X87A),
	XR("fmul sti,st", 0xdc, 1, R_X87A),
	XR("fsubr sti,st", 0xdc, 4, R_X87A),
	XR("fsub sti,st", 0xdc, 5, R_X87A),
	XR("fdivr sti,st", 0xdc, 6, R_X87A),
	XR("fdiv sti,st", 0xdc, 7, R_X87A),
	XR("faddp", 0xde, 0, R_X87A),
	XR("fmulp", 0xde, 1, R_X87A),
	XR("fsubrp", 0xde, 4, R_X87A),
	XR("fsubp", 0xde, 5, R_X87A),
	XR("fdivrp", 0xde, 6, R_X87A),
	XR("fdivp", 0xde, 7, R_X87A),
	XF("fcompp", 0xde, 3, 1, R_X87C),
	XR("fld sti", 0xd9, 0, R_X87A),
	XR("fxch sti", 0xd9, 1, R_X87A),
	XR("ffree sti", 0xdd, 0, R_X87U),
	XR("fst sti", 0xdd, 2, R_X87A),
	XR("fstp sti", 0xdd, 3, R_X87A),
	XR("fucom sti", 0xdd, 4, R_X87C),
	XR("fucomp sti", 0xdd, 5, R_X87C),
	XF("fucompp", 0xda, 5, 1, R_X87C),
	XR("fucomi sti", 0xdb, 5, R_X87I),
	XR("fcomi sti", 0xdb, 6, R_X87I),
	XR("fucomip sti", 0xdf, 5, R_X87I),
	XR("fcomip sti", 0xdf, 6, R_X87I),
	XR("fcmovb", 0xda, 0, R_X87U),
	XR("fcmove", 0xda, 1, R_X87U),
	XR("fcmovbe", 0xda, 2, R_X87U),
	XR("fcmovu", 0xda, 3, R_X87U),
	XR("fcmovnb", 0xdb, 0, R_X87U),
	XR("fcmovne", 0xdb, 1, R_X87U),
	XR("fcmovnbe", 0xdb, 2, R_X87U),
	XR("fcmovnu", 0xdb, 3, R_X87U),
	XF("fchs", 0xd9, 4, 0, R_X87A),
	XF("fabs", 0xd9, 4, 1, R_X87A),
	XF("ftst", 0xd9, 4, 4, R_X87C),
	XF("fxam", 0xd9, 4, 5, R_X87C),
	XF("fld1", 0xd9, 5, 0, R_X87A),
	XF("fldl2t", 0xd9, 5, 1, R_X87A),
	XF("fldl2e", 0xd9, 5, 2, R_X87A),
	XF("fldpi", 0xd9, 5, 3, R_X87A),
	XF("fldlg2", 0xd9, 5, 4, R_X87A),
	XF("fldln2", 0xd9, 5, 5, R_X87A),
	XF("fldz", 0xd9, 5, 6, R_X87A),
	XF("fxtract", 0xd9, 6, 4, R_X87A),
	XF("fprem1", 0xd9, 6, 5, R_PREM),
	XF("fdecstp", 0xd9, 6, 6, R_X87A),
	XF("fincstp", 0xd9, 6, 7, R_X87A),
	XF("fprem", 0xd9, 7, 0, R_PREM),
	XF("fsqrt", 0xd9, 7, 2, R_X87A),
	XF("frndint", 0xd9, 7, 4, R_X87A),
	XF("fscale", 0xd9, 7, 5, R_X87A),
	XF("fnclex", 0xdb, 4, 2, R_X87C),
	XF("fninit", 0xdb, 4, 3, R_X87C),
	{.name = "fnstsw ax",
	 .op = 0xdf,
	 .ext = 4,
	 .widths = W_D,
	 .rmk = K_FIXED,
	 .fix = 0,
	 .vals = V_X87,
	 .rule = R_X87C,
	 .implicit = RM(RAX)},
	ARITH8("m32fp f", 0xd8, L_F32),
	ARITH8("m64fp f", 0xdc, L_F64),
	ARITH8("m32int fi", 0xda, L_I32),
	ARITH8("m16int fi", 0xde, L_I16),
	XM("fld m32", 0xd9, 0, L_F32, R_X87A),
	XM("fst m32", 0xd9, 2, L_F32, R_X87A),
	XM("fstp m32", 0xd9, 3, L_F32, R_X87A),
	XM("fnstcw m16", 0xd9, 7, L_I16, R_X87C),
	XM("fld m64", 0xdd, 0, L_F64, R_X87A),
	XM("fisttp m64", 0xdd, 1, L_I64, R_X87A),
	XM("fst m64", 0xdd, 2, L_F64, R_X87A),
	XM("fstp m64", 0xdd, 3, L_F64, R_X87A),
	XM("fnstsw m16", 0xdd, 7, L_I16, R_X87C),
	XM("fild m32", 0xdb, 0, L_I32, R_X87A),
	XM("fisttp m32", 0xdb, 1, L_I32, R_X87A),
	XM("fist m32", 0xdb, 2, L_I32, R_X87A),
	XM("fistp m32", 0xdb, 3, L_I32, R_X87A),
	XM("fld m80", 0xdb, 5, L_F80, R_X87A),
	XM("fstp m80", 0xdb, 7, L_F80, R_X87A),
	XM("fild m16", 0xdf, 0, L_I16, R_X87A),
	XM("fisttp m16", 0xdf, 1, L_I16, R_X87A),
	XM("fist m16", 0xdf, 2, L_I16, R_X87A),
	XM("fistp m16", 0xdf, 3, L_I16, R_X87A),
	XM("fild m64", 0xdf, 5, L_I64, R_X87A),
	XM("fistp m64", 0xdf, 7, L_I64, R_X87A),
};
const int dt_nforms_x87 = sizeof(dt_forms_x87) / sizeof(dt_forms_x87[0]);
