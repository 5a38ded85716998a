/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FW443_TEST_LEAK_CHECK_H
#define FW443_TEST_LEAK_CHECK_H

#include <sanitizer/lsan_interface.h>

/*
 * The harness ends each test's child with _exit(), which skips
 * LeakSanitizer's check at exit: fixtures run it in their teardown instead.
 */
#define EXPECT_NO_LEAKS() EXPECT_EQ(0, __lsan_do_recoverable_leak_check())

#endif
