/*
 * Unit tests of guest memory (translate/mem.c, translate/memaccess.c):
 * mapping and placement, splitting by munmap/mprotect, permissions,
 * page-crossing copies, brk, mremap, madvise(DONTNEED), maps listing and
 * hostile lengths.  The oracle is Linux's behaviour for the same calls.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memaccess.h"
#include "translate.h"

#define PG GUEST_PAGE_SIZE

static struct mm *mm;

static void setup(void)
{
	mm = mm_create();
	cr_assert_not_null(mm);
}

static void teardown(void)
{
	mm_destroy(mm);
}

TestSuite(mem, .init = setup, .fini = teardown);

/* Renders the mappings like a terse /proc/self/maps. */
static int dump_one(void *ctx, const struct vma_info *v)
{
	char *buf = ctx;
	size_t len = strlen(buf);

	snprintf(buf + len, 4096 - len, "%llx-%llx %c%c%c %s\n",
		 (unsigned long long)v->start, (unsigned long long)v->end,
		 v->prot & MEM_READ ? 'r' : '-',
		 v->prot & MEM_WRITE ? 'w' : '-',
		 v->prot & MEM_EXEC ? 'x' : '-', v->name);
	return 0;
}

static const char *maps(void)
{
	static char buf[4096];

	buf[0] = '\0';
	mm_foreach(mm, dump_one, buf);
	return buf;
}

static int64_t map_fixed(gaddr a, uint64_t len, unsigned prot)
{
	return mm_map(mm, a, len, prot, MM_FIXED);
}

Test(mem, fixed_map_lands_at_the_requested_address)
{
	cr_assert_eq(map_fixed(0x400000, 3 * PG, MEM_READ | MEM_WRITE),
		     0x400000);
	cr_assert_str_eq(maps(), "400000-403000 rw- \n");
}

Test(mem, fresh_anonymous_memory_reads_as_zero)
{
	uint8_t buf[100];
	memset(buf, 0xaa, sizeof(buf));
	map_fixed(0x400000, PG, MEM_READ);
	cr_assert_eq(mm_read(mm, buf, 0x400f00, sizeof(buf)), 0);
	for (size_t i = 0; i < sizeof(buf); i++)
		cr_assert_eq(buf[i], 0);
}

Test(mem, placement_is_top_down_below_the_mmap_base)
{
	int64_t a = mm_map(mm, 0, PG, MEM_READ, 0);
	int64_t b = mm_map(mm, 0, 2 * PG, MEM_READ | MEM_WRITE, 0);
	cr_assert_eq(a, 0x7ffff7fff000 - PG);
	cr_assert_eq(b, a - 2 * PG);
}

Test(mem, free_hint_is_used_and_busy_hint_is_not)
{
	cr_assert_eq(mm_map(mm, 0x10000000, PG, MEM_READ, 0), 0x10000000);
	int64_t b = mm_map(mm, 0x10000000, PG, MEM_READ, 0);
	cr_assert_neq(b, 0x10000000);
	cr_assert_gt(b, 0);
	cr_assert_eq(mm_map(mm, 0x20000123, PG, MEM_READ, 0), 0x20001000);
}

Test(mem, fixed_noreplace_over_a_mapping_returns_eexist)
{
	map_fixed(0x400000, 2 * PG, MEM_READ);
	cr_assert_eq(mm_map(mm, 0x401000, PG, MEM_READ, MM_FIXED_NOREPLACE),
		     -LINUX_EEXIST);
	cr_assert_eq(mm_map(mm, 0x402000, PG, MEM_READ, MM_FIXED_NOREPLACE),
		     0x402000);
}

Test(mem, bad_map_arguments_follow_linux)
{
	cr_assert_eq(mm_map(mm, 0, 0, MEM_READ, 0), -LINUX_EINVAL);
	cr_assert_eq(map_fixed(0x400001, PG, MEM_READ), -LINUX_EINVAL);
	cr_assert_eq(map_fixed(MM_USER_TOP - PG, 2 * PG, MEM_READ),
		     -LINUX_ENOMEM);
	cr_assert_eq(map_fixed(MM_USER_TOP, PG, MEM_READ), -LINUX_ENOMEM);
	cr_assert_eq(mm_map(mm, 0, UINT64_MAX, MEM_READ, 0), -LINUX_ENOMEM);
	cr_assert_eq(mm_map(mm, 0, UINT64_MAX - 10, MEM_READ, 0),
		     -LINUX_ENOMEM);
	cr_assert_eq(mm_map(mm, 0, 1ull << 47, MEM_READ, 0), -LINUX_ENOMEM);
}

Test(mem, huge_prot_none_reservation_is_cheap)
{
	int64_t a = mm_map(mm, 0, 1ull << 40, 0, 0);
	cr_assert_gt(a, 0);
	cr_assert_eq(mm_unmap(mm, a, 1ull << 40), 0);
	cr_assert_str_eq(maps(), "");
}

Test(mem, munmap_in_the_middle_splits_the_mapping)
{
	map_fixed(0x400000, 4 * PG, MEM_READ | MEM_WRITE);
	cr_assert_eq(mm_unmap(mm, 0x401000, PG), 0);
	cr_assert_str_eq(maps(), "400000-401000 rw- \n402000-404000 rw- \n");
	uint8_t b;
	cr_assert_eq(mm_read(mm, &b, 0x401000, 1), -LINUX_EFAULT);
}

Test(mem, munmap_arguments_follow_linux)
{
	cr_assert_eq(mm_unmap(mm, 0x400001, PG), -LINUX_EINVAL);
	cr_assert_eq(mm_unmap(mm, 0x400000, 0), -LINUX_EINVAL);
	cr_assert_eq(mm_unmap(mm, 0x400000, UINT64_MAX), -LINUX_EINVAL);
	cr_assert_eq(mm_unmap(mm, 0x400000, PG), 0); /* nothing there: ok */
}

Test(mem, munmap_drops_contents)
{
	uint32_t v = 0x12345678;
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mm_write(mm, 0x400010, &v, 4);
	mm_unmap(mm, 0x400000, PG);
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mm_read(mm, &v, 0x400010, 4);
	cr_assert_eq(v, 0);
}

Test(mem, fixed_map_replaces_contents)
{
	uint32_t v = 7;
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	mm_write(mm, 0x401000, &v, 4);
	map_fixed(0x401000, PG, MEM_READ);
	mm_read(mm, &v, 0x401000, 4);
	cr_assert_eq(v, 0);
	cr_assert_str_eq(maps(), "400000-401000 rw- \n401000-402000 r-- \n");
}

Test(mem, mprotect_splits_and_merges_back)
{
	map_fixed(0x400000, 3 * PG, MEM_READ | MEM_WRITE);
	cr_assert_eq(mm_protect(mm, 0x401000, PG, MEM_READ), 0);
	cr_assert_str_eq(maps(), "400000-401000 rw- \n401000-402000 r-- \n"
				 "402000-403000 rw- \n");
	cr_assert_eq(mm_protect(mm, 0x401000, PG, MEM_READ | MEM_WRITE), 0);
	cr_assert_str_eq(maps(), "400000-403000 rw- \n");
}

Test(mem, mprotect_over_a_hole_returns_enomem)
{
	map_fixed(0x400000, PG, MEM_READ);
	map_fixed(0x402000, PG, MEM_READ);
	cr_assert_eq(mm_protect(mm, 0x400000, 3 * PG, MEM_READ | MEM_WRITE),
		     -LINUX_ENOMEM);
	cr_assert_eq(mm_protect(mm, 0x400001, PG, MEM_READ), -LINUX_EINVAL);
	cr_assert_eq(mm_protect(mm, 0x400000, PG, 8), -LINUX_EINVAL);
	cr_assert_eq(mm_protect(mm, 0x400000, 0, MEM_READ), 0);
}

Test(mem, write_to_read_only_memory_returns_efault)
{
	uint8_t b = 1;
	map_fixed(0x400000, PG, MEM_READ);
	cr_assert_eq(mm_write(mm, 0x400000, &b, 1), -LINUX_EFAULT);
	cr_assert_eq(mm_fill(mm, 0x400000, 0, 1), -LINUX_EFAULT);
	cr_assert_eq(mm_poke(mm, 0x400000, &b, 1), 0);
	b = 0;
	cr_assert_eq(mm_read(mm, &b, 0x400000, 1), 0);
	cr_assert_eq(b, 1);
}

Test(mem, read_of_prot_none_memory_returns_efault)
{
	uint8_t b;
	map_fixed(0x400000, PG, 0);
	cr_assert_eq(mm_read(mm, &b, 0x400000, 1), -LINUX_EFAULT);
}

Test(mem, read_of_unmapped_page_returns_efault)
{
	uint8_t b;
	cr_assert_eq(mm_read(mm, &b, 0x400000, 1), -LINUX_EFAULT);
	cr_assert_eq(mm_poke(mm, 0x400000, &b, 1), -LINUX_EFAULT);
}

Test(mem, write_only_and_exec_only_memory_is_readable_like_x86)
{
	uint8_t b;
	map_fixed(0x400000, PG, MEM_WRITE);
	map_fixed(0x401000, PG, MEM_EXEC);
	cr_assert_eq(mm_read(mm, &b, 0x400000, 1), 0);
	cr_assert_eq(mm_read(mm, &b, 0x401000, 1), 0);
}

Test(mem, copy_across_pages_and_mappings_round_trips)
{
	char out[3 * PG], in[3 * PG];
	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7);
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	map_fixed(0x402000, 2 * PG, MEM_READ | MEM_WRITE | MEM_EXEC);
	cr_assert_eq(mm_write(mm, 0x400800, out, sizeof(out)), 0);
	cr_assert_eq(mm_read(mm, in, 0x400800, sizeof(in)), 0);
	cr_assert_eq(memcmp(in, out, sizeof(in)), 0);
}

Test(mem, copy_that_runs_into_a_hole_returns_efault)
{
	char buf[2 * PG] = {0};
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	cr_assert_eq(mm_write(mm, 0x400800, buf, sizeof(buf)), -LINUX_EFAULT);
	cr_assert_eq(mm_read(mm, buf, 0x400800, PG), -LINUX_EFAULT);
	cr_assert_eq(mm_read(mm, buf, 0x400800, PG - 0x800), 0);
}

Test(mem, huge_lengths_fail_without_overflow)
{
	char buf[16];
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	cr_assert_eq(mm_read(mm, buf, 0x400000, SIZE_MAX), -LINUX_EFAULT);
	cr_assert_eq(mm_write(mm, 0x400000, buf, SIZE_MAX), -LINUX_EFAULT);
	cr_assert_eq(mm_fill(mm, 0x400000, 1, SIZE_MAX), -LINUX_EFAULT);
	cr_assert_eq(mm_read(mm, buf, UINT64_MAX - 3, 8), -LINUX_EFAULT);
	cr_assert_eq(mm_read(mm, buf, MM_USER_TOP - 4, 8), -LINUX_EFAULT);
	cr_assert_eq(mm_read(mm, buf, 0x400000, 0), 0);
}

Test(mem, zero_fill_of_a_huge_mapping_allocates_nothing)
{
	int64_t a = mm_map(mm, 0, 1ull << 36, MEM_READ | MEM_WRITE, 0);
	cr_assert_gt(a, 0);
	/* 64 GiB of pages would exhaust the host if they were allocated. */
	cr_assert_eq(mm_fill(mm, a, 0, (size_t)1 << 36), 0);
	cr_assert_eq(mm_fill(mm, a + 100, 0x5a, 3), 0);
	uint8_t b[4];
	mm_read(mm, b, a + 99, 4);
	cr_assert_eq(b[0], 0);
	cr_assert_eq(b[1], 0x5a);
	cr_assert_eq(b[3], 0x5a);
}

Test(mem, read_str_stops_at_nul_and_crosses_pages)
{
	char s[64];
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	mm_write(mm, 0x400ffc, "hello", 6);
	cr_assert_eq(mm_read_str(mm, s, 0x400ffc, sizeof(s)), 5);
	cr_assert_str_eq(s, "hello");
	cr_assert_eq(mm_read_str(mm, s, 0x400ffc, 5), -LINUX_ENAMETOOLONG);
	cr_assert_eq(mm_read_str(mm, s, 0x401800, sizeof(s)), 0);
	cr_assert_str_eq(s, "");
}

Test(mem, read_str_into_unmapped_memory_returns_efault)
{
	char s[64];
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mm_fill(mm, 0x400000, 'a', PG);
	cr_assert_eq(mm_read_str(mm, s, 0x400ff0, sizeof(s)), -LINUX_EFAULT);
	cr_assert_eq(mm_read_str(mm, s, 0x500000, sizeof(s)), -LINUX_EFAULT);
}

Test(mem, brk_grows_and_shrinks_byte_granular)
{
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mm_set_brk_start(mm, 0x401000);
	cr_assert_eq(mm_brk(mm, 0), 0x401000);
	cr_assert_eq(mm_brk(mm, 0x401010), 0x401010);
	cr_assert_str_eq(maps(),
			 "400000-401000 rw- \n401000-402000 rw- [heap]\n");
	cr_assert_eq(mm_brk(mm, 0x403000), 0x403000);
	cr_assert_eq(mm_fill(mm, 0x402fff, 1, 1), 0);
	cr_assert_eq(mm_brk(mm, 0x401800), 0x401800);
	cr_assert_str_eq(maps(),
			 "400000-401000 rw- \n401000-402000 rw- [heap]\n");
	cr_assert_eq(mm_fill(mm, 0x402000, 1, 1), -LINUX_EFAULT);
	cr_assert_eq(mm_brk(mm, 0x400000), 0x401800); /* below start */
	cr_assert_eq(mm_brk(mm, 0x401000), 0x401000);
	cr_assert_str_eq(maps(), "400000-401000 rw- \n");
}

Test(mem, brk_refuses_to_collide_with_a_mapping)
{
	mm_set_brk_start(mm, 0x401000);
	map_fixed(0x404000, PG, MEM_READ);
	cr_assert_eq(mm_brk(mm, 0x404000), 0x404000);
	cr_assert_eq(mm_brk(mm, 0x404001), 0x404000);
}

Test(mem, mremap_grows_in_place_when_free)
{
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	cr_assert_eq(mm_remap(mm, 0x400000, PG, 3 * PG, 0, 0), 0x400000);
	cr_assert_str_eq(maps(), "400000-403000 rw- \n");
}

Test(mem, mremap_without_maymove_cannot_grow_into_a_mapping)
{
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	map_fixed(0x401000, PG, MEM_READ);
	cr_assert_eq(mm_remap(mm, 0x400000, PG, 2 * PG, 0, 0), -LINUX_ENOMEM);
}

Test(mem, mremap_maymove_moves_contents)
{
	uint64_t v = 0x1122334455667788, r = 0;
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	map_fixed(0x402000, PG, MEM_READ);
	mm_write(mm, 0x401ff8, &v, 8);
	int64_t n = mm_remap(mm, 0x400000, 2 * PG, 4 * PG, 1, 0);
	cr_assert_gt(n, 0);
	cr_assert_neq(n, 0x400000);
	cr_assert_eq(mm_read(mm, &r, n + 0x1ff8, 8), 0);
	cr_assert_eq(r, v);
	cr_assert_eq(mm_read(mm, &r, n + 0x3ff8, 8), 0);
	cr_assert_eq(r, 0);
	cr_assert_eq(mm_read(mm, &r, 0x400000, 8), -LINUX_EFAULT);
}

Test(mem, mremap_fixed_moves_to_the_given_address)
{
	uint32_t v = 42, r = 0;
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	map_fixed(0x600000, PG, MEM_READ);
	mm_write(mm, 0x400004, &v, 4);
	cr_assert_eq(mm_remap(mm, 0x400000, PG, PG, 3, 0x600000), 0x600000);
	mm_read(mm, &r, 0x600004, 4);
	cr_assert_eq(r, 42);
	cr_assert_str_eq(maps(), "600000-601000 rw- \n");
	cr_assert_eq(mm_remap(mm, 0x600000, PG, PG, 2, 0x700000),
		     -LINUX_EINVAL);
	cr_assert_eq(mm_remap(mm, 0x600000, PG, PG, 3, 0x600000),
		     -LINUX_EINVAL);
}

Test(mem, mremap_shrinks_and_rejects_bad_ranges)
{
	map_fixed(0x400000, 4 * PG, MEM_READ | MEM_WRITE);
	cr_assert_eq(mm_remap(mm, 0x400000, 4 * PG, PG, 0, 0), 0x400000);
	cr_assert_str_eq(maps(), "400000-401000 rw- \n");
	cr_assert_eq(mm_remap(mm, 0x400000, 2 * PG, 4 * PG, 1, 0),
		     -LINUX_EFAULT);
	cr_assert_eq(mm_remap(mm, 0x500000, PG, 2 * PG, 1, 0), -LINUX_EFAULT);
	cr_assert_eq(mm_remap(mm, 0x400000, PG, 0, 1, 0), -LINUX_EINVAL);
	cr_assert_eq(mm_remap(mm, 0x400001, PG, PG, 1, 0), -LINUX_EINVAL);
}

Test(mem, dontneed_zeroes_private_pages_but_not_shared_ones)
{
	uint32_t v = 5, r;
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mm_map(mm, 0x401000, PG, MEM_READ | MEM_WRITE, MM_FIXED | MM_SHARED);
	mm_write(mm, 0x400000, &v, 4);
	mm_write(mm, 0x401000, &v, 4);
	cr_assert_eq(mm_dontneed(mm, 0x400000, 2 * PG), 0);
	mm_read(mm, &r, 0x400000, 4);
	cr_assert_eq(r, 0);
	mm_read(mm, &r, 0x401000, 4);
	cr_assert_eq(r, 5);
	cr_assert_eq(mm_dontneed(mm, 0x400000, 3 * PG), -LINUX_ENOMEM);
	cr_assert_eq(mm_dontneed(mm, 0x400001, PG), -LINUX_EINVAL);
}

/* A fake file for backings: byte i of the object is (offset + i) & 0xff
 * up to 10000 bytes; counts live references through release. */
static int backing_released;

static int fake_fill(void *ctx, uint64_t off, uint8_t *page)
{
	for (size_t i = 0; i < PG; i++)
		page[i] = off + i < 10000 ? (uint8_t)(off + i) : 0;
	return 0;
}

static void fake_release(void *ctx)
{
	backing_released++;
}

static const struct mm_backing_ops fake_ops = {
	.fill = fake_fill,
	.release = fake_release,
};

/* Maps a private "file" mapping of len bytes at a from file offset off
 * and attaches a fresh backing (the caller's reference is dropped). */
static void map_backed(gaddr a, uint64_t len, uint64_t off)
{
	map_fixed(a, len, MEM_READ | MEM_WRITE);
	mm_set_name(mm, a, len, "/f", off, 1, 2);
	struct mm_backing *b = mm_backing_new(&fake_ops, NULL);
	cr_assert_not_null(b);
	mm_set_backing(mm, a, len, b);
	mm_backing_put(b);
	cr_assert_eq(backing_released, 0);
}

static uint8_t byte_at(struct mm *m, gaddr a)
{
	uint8_t r = 0xee;
	cr_assert_eq(mm_read(m, &r, a, 1), 0);
	return r;
}

Test(mem, dontneed_refills_a_backed_mapping_at_the_right_offset)
{
	backing_released = 0;
	map_backed(0x400000, 3 * PG, PG);
	mm_fill(mm, 0x400000, 0x77, 3 * PG);
	cr_assert_eq(mm_dontneed(mm, 0x401000, 2 * PG), 0);
	cr_assert_eq(byte_at(mm, 0x400000), 0x77); /* not dropped */
	cr_assert_eq(byte_at(mm, 0x401003), (uint8_t)(2 * PG + 3));
	cr_assert_eq(byte_at(mm, 0x401000 + (10000 - 2 * PG) - 1),
		     (uint8_t)9999);
	cr_assert_eq(byte_at(mm, 0x401000 + (10000 - 2 * PG)), 0); /* EOF */
}

Test(mem, backing_follows_splits_and_moves_and_is_released_once)
{
	backing_released = 0;
	map_backed(0x400000, 4 * PG, 0);
	/* split in three, then merge back */
	cr_assert_eq(mm_protect(mm, 0x401000, PG, MEM_READ), 0);
	cr_assert_eq(mm_protect(mm, 0x401000, PG, MEM_READ | MEM_WRITE), 0);
	/* hole in the middle; the rest keeps its offsets */
	cr_assert_eq(mm_unmap(mm, 0x401000, PG), 0);
	cr_assert_eq(backing_released, 0);
	/* move the tail (file offset 2 pages) */
	cr_assert_eq(mm_remap(mm, 0x402000, 2 * PG, 2 * PG, 3, 0x800000),
		     0x800000);
	mm_fill(mm, 0x800000, 0, 2 * PG);
	cr_assert_eq(mm_dontneed(mm, 0x800000, 2 * PG), 0);
	cr_assert_eq(byte_at(mm, 0x800001), (uint8_t)(2 * PG + 1));
	cr_assert_eq(mm_unmap(mm, 0x400000, PG), 0);
	cr_assert_eq(backing_released, 0);
	cr_assert_eq(mm_unmap(mm, 0x800000, 2 * PG), 0);
	cr_assert_eq(backing_released, 1);
}

Test(mem, clone_shares_the_backing_until_both_unmap)
{
	backing_released = 0;
	map_backed(0x400000, PG, 0);
	struct mm *child = mm_clone(mm);
	cr_assert_not_null(child);
	mm_fill(child, 0x400000, 0x55, PG);
	cr_assert_eq(mm_dontneed(child, 0x400000, PG), 0);
	cr_assert_eq(byte_at(child, 0x400005), 5);
	cr_assert_eq(mm_unmap(mm, 0x400000, PG), 0);
	cr_assert_eq(backing_released, 0);
	mm_destroy(child);
	cr_assert_eq(backing_released, 1);
}

Test(mem, set_name_labels_a_range)
{
	map_fixed(0x400000, 3 * PG, MEM_READ);
	mm_set_name(mm, 0x400000, 2 * PG, "/bin/true", 0, 1, 2);
	cr_assert_str_eq(maps(), "400000-402000 r-- /bin/true\n"
				 "402000-403000 r-- \n");
}

static int count_and_stop(void *ctx, const struct vma_info *v)
{
	(*(int *)ctx)++;
	return 9;
}

Test(mem, foreach_stops_when_the_callback_says_so)
{
	int calls = 0;
	map_fixed(0x400000, PG, MEM_READ);
	map_fixed(0x500000, PG, MEM_READ);
	cr_assert_eq(mm_foreach(mm, count_and_stop, &calls), 9);
	cr_assert_eq(calls, 1);
}

Test(mem, stack_grows_down_on_access_below_it)
{
	uint8_t b = 1;
	int64_t top = 0x7ffffffff000;
	cr_assert_eq(mm_map(mm, top - 0x21000, 0x21000, MEM_READ | MEM_WRITE,
			    MM_FIXED | MM_GROWSDOWN | MM_STACK),
		     top - 0x21000);
	cr_assert_eq(mm_write(mm, top - 0x30000, &b, 1), 0);
	cr_assert_str_eq(maps(), "7ffffffcf000-7ffffffff000 rw- [stack]\n");
	/* Beyond the 8 MiB stack limit it does not grow. */
	cr_assert_eq(mm_write(mm, top - (9 << 20), &b, 1), -LINUX_EFAULT);
}

/* ---- interpreter access paths (no faults: cpu_raise needs cpu_run) ---- */

static void cpu_on(struct cpu *cpu)
{
	memset(cpu, 0, sizeof(*cpu));
	cpu->mm = mm;
	mem_tlb_check(cpu);
}

Test(mem, interpreter_loads_and_stores_cross_pages)
{
	struct cpu *cpu = calloc(1, sizeof(*cpu));
	cpu_on(cpu);
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	mem_st64(cpu, 0x400ffc, 0x8877665544332211);
	cr_assert_eq(mem_ld64(cpu, 0x400ffc), 0x8877665544332211);
	cr_assert_eq(mem_ld32(cpu, 0x401000), 0x88776655);
	mem_st8(cpu, 0x400000, 9);
	cr_assert_eq(mem_ld8(cpu, 0x400000), 9);
	uint8_t buf[512], back[512];
	for (int i = 0; i < 512; i++)
		buf[i] = i;
	mem_stn(cpu, 0x400f00, buf, 512);
	mem_ldn(cpu, 0x400f00, back, 512);
	cr_assert_eq(memcmp(buf, back, 512), 0);
	free(cpu);
}

Test(mem, tlb_is_refilled_after_munmap_and_remap)
{
	struct cpu *cpu = calloc(1, sizeof(*cpu));
	cpu_on(cpu);
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mem_st32(cpu, 0x400000, 1);
	mm_unmap(mm, 0x400000, PG);
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mem_tlb_check(cpu);
	cr_assert_eq(mem_ld32(cpu, 0x400000), 0);
	free(cpu);
}

Test(mem, fetch_stops_at_non_executable_bytes)
{
	struct cpu *cpu = calloc(1, sizeof(*cpu));
	uint8_t buf[16];
	cpu_on(cpu);
	map_fixed(0x400000, PG, MEM_READ | MEM_EXEC);
	map_fixed(0x401000, PG, MEM_READ);
	mm_poke(mm, 0x400ff8, "\x90\x90\x90\x90\x90\x90\x90\xc3", 8);
	cr_assert_eq(mem_fetch(cpu, 0x400ff8, buf, 16), 8);
	cr_assert_eq(buf[7], 0xc3);
	cr_assert_eq(mem_fetch(cpu, 0x401000, buf, 16), 0);
	cr_assert_eq(mem_fetch(cpu, 0x500000, buf, 16), 0);
	free(cpu);
}

Test(mem, rmw_pointer_is_null_across_pages)
{
	struct cpu *cpu = calloc(1, sizeof(*cpu));
	cpu_on(cpu);
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	cr_assert_null(mem_rmw_ptr(cpu, 0x400ffe, 4));
	uint32_t *p = mem_rmw_ptr(cpu, 0x400ff0, 4);
	cr_assert_not_null(p);
	*p = 77;
	cr_assert_eq(mem_ld32(cpu, 0x400ff0), 77);
	free(cpu);
}

/* ---- fork (mm_clone) ----------------------------------------------------- */

Test(mem, clone_shares_private_pages_copy_on_write)
{
	uint32_t v = 1, r;
	map_fixed(0x400000, 2 * PG, MEM_READ | MEM_WRITE);
	mm_write(mm, 0x400000, &v, 4);
	struct mm *child = mm_clone(mm);
	cr_assert_not_null(child);
	cr_assert_eq(mm_read(child, &r, 0x400000, 4), 0);
	cr_assert_eq(r, 1);
	v = 2;
	mm_write(mm, 0x400000, &v, 4); /* parent writes: child keeps 1 */
	mm_read(child, &r, 0x400000, 4);
	cr_assert_eq(r, 1);
	v = 3;
	mm_write(child, 0x400000, &v, 4);
	mm_read(mm, &r, 0x400000, 4);
	cr_assert_eq(r, 2);
	mm_read(child, &r, 0x400000, 4);
	cr_assert_eq(r, 3);
	mm_destroy(child);
	mm_read(mm, &r, 0x400000, 4);
	cr_assert_eq(r, 2);
}

Test(mem, clone_keeps_shared_mappings_shared)
{
	uint32_t v = 7, r = 0;
	mm_map(mm, 0x400000, 2 * PG, MEM_READ | MEM_WRITE,
	       MM_FIXED | MM_SHARED);
	struct mm *child = mm_clone(mm);
	mm_write(child, 0x401000, &v, 4); /* page untouched before fork */
	mm_read(mm, &r, 0x401000, 4);
	cr_assert_eq(r, 7);
	mm_destroy(child);
}

Test(mem, clone_copies_layout_and_brk)
{
	map_fixed(0x400000, PG, MEM_READ);
	mm_set_brk_start(mm, 0x401000);
	mm_brk(mm, 0x402000);
	struct mm *child = mm_clone(mm);
	char before[4096];
	strcpy(before, maps());
	struct mm *saved = mm;
	mm = child;
	cr_assert_str_eq(maps(), before);
	cr_assert_eq(mm_brk(child, 0), 0x402000);
	mm = saved;
	mm_destroy(child);
}

Test(mem, interpreter_write_after_clone_breaks_sharing)
{
	struct cpu *cpu = calloc(1, sizeof(*cpu));
	cpu_on(cpu);
	map_fixed(0x400000, PG, MEM_READ | MEM_WRITE);
	mem_st32(cpu, 0x400000, 5); /* TLB now has a write entry */
	struct mm *child = mm_clone(mm);
	mem_tlb_check(cpu);
	mem_st32(cpu, 0x400000, 6);
	uint32_t r;
	mm_read(child, &r, 0x400000, 4);
	cr_assert_eq(r, 5);
	cr_assert_eq(mem_ld32(cpu, 0x400000), 6);
	mm_destroy(child);
	free(cpu);
}

Test(mem, poke_into_shared_read_only_text_copies_it)
{
	uint32_t v = 1, r;
	map_fixed(0x400000, PG, MEM_READ | MEM_EXEC);
	mm_poke(mm, 0x400000, &v, 4);
	struct mm *child = mm_clone(mm);
	v = 9;
	cr_assert_eq(mm_poke(child, 0x400000, &v, 4), 0);
	mm_read(mm, &r, 0x400000, 4);
	cr_assert_eq(r, 1);
	mm_destroy(child);
}
