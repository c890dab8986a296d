/* Width template epilogue: see interp_width.h. */
#undef T
#undef ST
#undef IDX
#undef MSB
#undef BITS
