/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one shim between fw443's "pure" files and their two homes.
 *
 * Pure files (the prefix structure, the TCP state machine, the TLS parser)
 * touch no skb, no lock and no kernel object: they compute. They include
 * this header and nothing from the kernel, so the same source builds into
 * fw443.ko and into the userspace unit tests and fuzzers (ASan/UBSan).
 *
 * Allocation in pure code may sleep (GFP_KERNEL): it only ever runs on the
 * configuration path, never on the packet path.
 */
#ifndef _FW443_PURE_H
#define _FW443_PURE_H

#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/types.h>

static inline void *fw443_alloc(size_t size)
{
	return kvmalloc(size, GFP_KERNEL);
}

static inline void *fw443_alloc_array(size_t n, size_t size)
{
	return kvmalloc_array(n, size, GFP_KERNEL);
}

static inline void fw443_free(const void *p)
{
	kvfree(p);
}

static inline void fw443_sort(void *base, size_t num, size_t size,
			      int (*cmp)(const void *, const void *))
{
	sort(base, num, size, cmp, NULL);
}

#else /* userspace */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/cdefs.h>	/* __always_inline */

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

static inline void *fw443_alloc(size_t size)
{
	return malloc(size);
}

static inline void *fw443_alloc_array(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return malloc(n * size);
}

static inline void fw443_free(const void *p)
{
	free((void *)p);
}

static inline void fw443_sort(void *base, size_t num, size_t size,
			      int (*cmp)(const void *, const void *))
{
	qsort(base, num, size, cmp);
}
#endif /* __KERNEL__ */

#endif /* _FW443_PURE_H */
